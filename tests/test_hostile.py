"""The hostile corpus (tests/hostile/): every file is either refused by `kirjasto
validate` and by the build with the expected Finnish message on one readable line
(never a traceback, never English from YAML or MkDocs, never a raw control
character), or accepted, built, and shown on its page only as text. The same holds
for the hook-free tree built with plain `mkdocs build`."""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
import sys
import time
import tracemalloc
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from conftest import BUILD_ENV, REPOSITORY_ROOT, LibraryFolder, copy_repository, front_matter, mkdocs_build
from kirjasto.content.characters import printable
from kirjasto.content.library import MAX_FILE_BYTES
from kirjasto.content.problems import Severity
from kirjasto.site.csp import script_hash

CORPUS = Path(__file__).parent / "hostile"
EXPECTATIONS = yaml.safe_load((CORPUS / "odotukset.yml").read_text("utf-8"))
LEVELS = {"virhe": Severity.ERROR, "varoitus": Severity.WARNING}
REFUSED = [case for case in EXPECTATIONS if case["taso"] == "virhe"]
BUILDABLE = [case for case in EXPECTATIONS if case["taso"] != "virhe"]


def plant(root: Path, case: dict) -> Path:
    target = root / "practices" / case["kohde"]
    shutil.copy(CORPUS / case["tiedosto"], target)
    return target


def matching(problems, path: str, message: str):
    """Problems of the file whose message, as reported (control characters escaped), contains `message`."""
    return [p for p in problems if p.path == path and message in printable(p.message)]


@pytest.mark.parametrize("case", EXPECTATIONS, ids=[case["tiedosto"] for case in EXPECTATIONS])
def test_corpus_file_is_refused_with_its_message(library, case):
    plant(library.root, case)
    if case["taso"] == "hyväksytty":
        # Some link to real items: the library holds them all.
        for existing in (REPOSITORY_ROOT / "practices").glob("*/*.md"):
            shutil.copy(existing, library.root / "practices" / existing.parent.name / existing.name)
        loaded = library.load()
        assert [p.format() for p in loaded.problems] == []
        return
    loaded = library.load()
    found = matching(loaded.problems, f"practices/{case['kohde']}", case["viesti"])
    assert found, [p.format() for p in loaded.problems]
    assert found[0].severity is LEVELS[case["taso"]]
    assert loaded.is_valid is (case["taso"] == "varoitus")
    if "rivi" in case:
        assert found[0].line == case["rivi"], found[0].format()
    own = [p for p in loaded.problems if p.path == f"practices/{case['kohde']}"]
    assert len({(p.line, p.message) for p in own}) == len(own), "one message per problem"


def test_every_corpus_file_is_listed():
    listed = {case["tiedosto"] for case in EXPECTATIONS}
    assert {p.name for p in CORPUS.iterdir()} - {"odotukset.yml"} == listed


def test_alias_bomb_is_refused_quickly_with_bounded_memory(library):
    plant(library.root, next(c for c in EXPECTATIONS if c["tiedosto"] == "alias-pommi.md"))
    tracemalloc.start()
    started = time.perf_counter()
    problems = library.problems()
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert "YAML-ankkurit" in problems[0]
    # Generous bounds: a hang or an expansion would take minutes and gigabytes.
    assert elapsed < 2 and peak < 20 * 1024 * 1024


# --- cases git cannot hold portably ---------------------------------------


def test_symlinked_file_is_refused(library):
    outside = library.root / "salaisuus.md"
    outside.write_text("salainen", encoding="utf-8")
    os.symlink(outside, library.root / "practices/kaytannot/linkki.md")
    assert library.problems()[0].startswith("practices/kaytannot/linkki.md:1: tiedosto: Symbolinen linkki")


def test_symlinked_folder_is_refused(library):
    (library.root / "muualla").mkdir()
    shutil.rmtree(library.root / "practices/verkostot")
    os.symlink(library.root / "muualla", library.root / "practices/verkostot")
    assert library.problems()[0].startswith("practices/verkostot: tiedosto: Symbolinen linkki")


def test_symlinked_vocabulary_is_refused(library):
    (library.root / "practices/kohderyhmat.yml").unlink()
    os.symlink("/etc/passwd", library.root / "practices/kohderyhmat.yml")
    assert any(p.startswith("practices/kohderyhmat.yml: tiedosto: Symbolinen linkki") for p in library.problems())


def test_symlinked_content_folder_is_refused(tmp_path):
    from conftest import LibraryFolder

    real = LibraryFolder(tmp_path / "oikea")
    real.write("kaytannot/tutorit.md")
    (tmp_path / "repo").mkdir()
    os.symlink(real.root / "practices", tmp_path / "repo/practices")
    from kirjasto.content import load_library

    problems = [p.format() for p in load_library(tmp_path / "repo").problems]
    assert any(p.startswith("practices: tiedosto: Sisältökansio on symbolinen linkki") for p in problems)


def test_file_name_not_in_nfc_is_refused(library):
    name = unicodedata.normalize("NFD", "hämeenlinna.md")
    library.write(f"kaytannot/{name}")
    assert "ei ole NFC-muodossa" in library.problems()[0]


def test_names_differing_only_in_case_are_refused(library):
    library.write("kaytannot/tutorit.md")
    library.write("kaytannot/TUTORIT.md")
    problems = library.problems()
    assert any("vain kirjainkooltaan" in p for p in problems)


def test_two_sources_for_one_url_are_refused(library):
    library.write("kaytannot/tutorit.md")
    library.write("materiaalit/tutorit.md")
    assert "Tunniste 'tutorit' on jo käytössä" in library.problems()[0]


def test_oversized_file_is_refused_without_reading_it_all(library):
    library.write("kaytannot/tutorit.md", body="Tekstiä. " * (MAX_FILE_BYTES // 8))
    assert library.problems() == [
        f"practices/kaytannot/tutorit.md:1: tiedosto: Tiedosto on liian suuri (yli {MAX_FILE_BYTES // 1024} KiB). Kuvaus on tekstiä: lyhennä sitä tai jaa se useaksi kuvaukseksi, ja linkitä liitteisiin."
    ]


def test_oversized_front_matter_is_refused(library):
    library.write("kaytannot/tutorit.md", front_matter() + "funding:\n" + "  - Rahoittaja\n" * 2000)
    assert "Front matter on liian pitkä" in library.problems()[0]


def test_allowed_personal_address_stays_quiet(library):
    library.write("kaytannot/tutorit.md", body="## Yhteystiedot\n\netunimi.sukunimi@kunta.fi, 040 123 4567 ja opetus@kunta.fi\n")
    assert len(library.problems()) == 2
    (library.root / "practices/sallitut-yhteystiedot.yml").write_text(
        "- Etunimi.Sukunimi@kunta.fi\n- 040-1234567\n", encoding="utf-8"
    )
    assert library.problems() == []


# --- the same corpus through the real build -----------------------------------


def test_build_fails_on_the_corpus_with_every_message(tmp_path):
    root = copy_repository(tmp_path / "repo")
    for case in REFUSED:
        plant(root, case)
    result = mkdocs_build(root, tmp_path / "site")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    missing = [
        case["tiedosto"]
        for case in REFUSED
        if f"practices/{case['kohde']}" not in result.stderr or case["viesti"] not in result.stderr
    ]
    assert missing == []
    assert_readable(result.stderr)
    assert not (tmp_path / "site").exists(), "nothing was written"


# English that YAML or MkDocs would print; none of it may reach a contributor.
ENGLISH = re.compile(
    r"\b(found|expected|while scanning|while parsing|not allowed|could not|Doc file|contains a link|"
    r"is not found|Traceback|Error:|Exception|cannot start any token)\b"
)
REPORT_LINE = re.compile(r"^practices/[^:]+:\d+: [^:]+: \S")


def assert_readable(output: str) -> None:
    """Every character printable (no escape sequences, no bidi controls), no English."""
    for line in output.splitlines():
        assert printable(line) == line, f"raw control character in {line!r}"
        assert not ENGLISH.search(line), line


def test_a_page_address_is_checked_like_a_file_link(tmp_path):
    """`../../kaytannot/nimi/` is a link to an item as much as `nimi.md`: it must exist,
    and nothing may point past the site."""
    library = LibraryFolder(tmp_path)
    shutil.copy(REPOSITORY_ROOT / "practices/kaytannot/satakunnan-tutoryhteistyo.md", library.root / "practices/kaytannot")
    shutil.copy(
        REPOSITORY_ROOT / "practices/materiaalit/tutoropettajuuden-hyvat-kaytannot-muistio.md",
        library.root / "practices/materiaalit",
    )
    library.write(
        "kaytannot/tutorit.md",
        body="## Linkit\n\n[Satakunta](../../kaytannot/satakunnan-tutoryhteistyo/) ja [muualle](../../../muu/)\n",
    )
    problems = [p for p in library.problems() if p.startswith("practices/kaytannot/tutorit.md")]
    assert len(problems) == 1 and "Linkin osoite '../../../muu/'" in problems[0]
    item = library.load().library.by_slug.get("satakunnan-tutoryhteistyo")
    assert item is not None


def test_validate_reports_every_refused_file_on_one_readable_line(tmp_path):
    """`kirjasto validate` itself, as a contributor runs it: one `path:line: field: message`
    line per problem, in Finnish, whatever the file holds."""
    library = LibraryFolder(tmp_path)
    for existing in (REPOSITORY_ROOT / "practices").glob("*/*.md"):
        shutil.copy(existing, library.root / "practices" / existing.parent.name / existing.name)
    for case in EXPECTATIONS:
        plant(library.root, case)
    result = subprocess.run(
        [sys.executable, "-m", "kirjasto.tools.cli", "validate", "--root", str(library.root)],
        capture_output=True,
        text=True,
        env=BUILD_ENV,
        timeout=300,
    )
    assert result.returncode == 1 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[-1].startswith("Kirjastossa on ")
    for line in lines[:-1]:
        assert REPORT_LINE.match(line), line
    assert_readable(result.stdout)
    for case in REFUSED:
        path = f"practices/{case['kohde']}"
        assert any(line.startswith(printable(path) + ":") and case["viesti"] in line for line in lines), case["tiedosto"]
    for case in BUILDABLE:
        own = [line for line in lines if line.startswith(f"practices/{case['kohde']}:")]
        assert all(": varoitus: " in line for line in own), own


# --- accepted files: built, and nothing of them reaches the page as markup ----------


def _article(page: str) -> str:
    return page.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, {key: value or "" for key, value in attrs}))


def assert_contributor_text_only(page: str) -> None:
    """The item's part of the page holds no HTML the contributor wrote: no scripts,
    handlers, ids or classes of the theme, frames or off-site resources (judged on
    the parsed elements, so that code shown as text does not count)."""
    parser = _Elements()
    parser.feed(_article(page))
    for tag, attributes in parser.elements:
        assert tag not in ("script", "iframe", "img", "object", "embed", "style", "link", "meta", "base", "form", "input"), tag
        assert not [name for name in attributes if name.startswith("on")], (tag, attributes)
        assert not attributes.get("id", "").startswith(("__", "md-")), (tag, attributes)
        assert not [name for name in attributes.get("class", "").split() if name.startswith("md-")], (tag, attributes)
        for name in ("href", "src"):
            target = attributes.get(name, "").strip().lower()
            assert (
                not target.startswith(("javascript:", "data:", "//"))
                and "evil.example" not in target
                and "seuranta.example" not in target
            ), (tag, attributes)


@pytest.fixture(scope="module")
def accepted_sites(tmp_path_factory):
    """The repository with every buildable corpus file, built with the hook and as the
    hook-free tree (`kirjasto generate` + plain `mkdocs build`)."""
    work = tmp_path_factory.mktemp("hyvaksytyt")
    root = copy_repository(work / "repo")
    for case in BUILDABLE:
        plant(root, case)
    result = mkdocs_build(root, work / "site")
    assert result.returncode == 0, result.stderr
    tree = work / "puu"
    generated = subprocess.run(
        [sys.executable, "-m", "kirjasto.tools.cli", "generate", str(tree), "--root", str(root)],
        capture_output=True,
        text=True,
        env=BUILD_ENV,
        timeout=300,
    )
    assert generated.returncode == 0, generated.stdout + generated.stderr
    result = mkdocs_build(tree, tree / "site")
    assert result.returncode == 0, result.stderr
    return work / "site", tree / "site"


def html_text(page: str) -> str:
    """The page with character references decoded except those that make markup (`&lt;`, `&gt;`, `&amp;`)."""
    return re.sub(r"&#(\d+);", lambda m: chr(int(m.group(1))) if m.group(1) not in ("60", "62", "38") else m.group(0), page)


def _page(site: Path, case: dict) -> str:
    return (site / "kaytannot" / Path(case["kohde"]).stem / "index.html").read_text("utf-8")


@pytest.mark.parametrize("build", ["hook", "tree"])
def test_accepted_files_publish_only_text(accepted_sites, build):
    site = accepted_sites[0 if build == "hook" else 1]
    for case in BUILDABLE:
        assert_contributor_text_only(_page(site, case))
    code = (site / "kaytannot/html-koodissa/index.html").read_text("utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in code and "&lt;iframe" in code, "code is shown as text"
    links = (site / "kaytannot/linkki-toiseen-kuvaukseen/index.html").read_text("utf-8")
    assert 'href="../../kaytannot/satakunnan-tutoryhteistyo/#lyhyesti"' in links
    assert 'href="../../verkostot/helsinki-asiantuntijaopettajat/"' in links
    headings = (site / "kaytannot/otsikot-muotoiltuina/index.html").read_text("utf-8")
    for shown in (
        "Tulokset <em>2021</em> ja <code>koodi</code> ja <strong>lihava</strong>",
        "Erikoismerkit * [hakasulkeet] &lt;kulma&gt; &amp; ~aalto~ (sulut) 1. numero | pystyviiva {aalto}",
        "Koodi <code>a`b</code> ja <code>&lt;script&gt;</code> otsikossa",
        "Alleviivattu otsikko",
    ):
        assert re.search(r"<h2 id=\"[^\"]+\">" + re.escape(shown) + '<a class="headerlink"', html_text(headings)), shown
    table = _article((site / "kaytannot/taulukko-ja-huomautus/index.html").read_text("utf-8"))
    assert '<th align="left">Vuosi</th>' in table and '<td align="right">12</td>' in table, (
        "alignment without inline styles (CSP)"
    )
    assert "style=" not in table
    nested = _article((site / "kaytannot/sisakkaiset-otsikot/index.html").read_text("utf-8"))
    ids = re.findall(r'\sid="([^"]*)"', nested)
    assert len(ids) == len(set(ids)), f"every id once: {ids}"
    cyrillic = (site / "kaytannot/kyrillinen-otsikko/index.html").read_text("utf-8")
    assert '<h1 id="_1">Учителя помогают' in cyrillic and ">Цели<a" in cyrillic
    fields = html_text((site / "kaytannot/markdown-kentissa/index.html").read_text("utf-8"))
    assert "Tutorit *tähdillä* ja [linkki](https://evil.example/) ~ aalto" in fields
    assert '<p class="kk-tiivistelma">: tiivistelmä **lihava**, [toinen](https://evil.example/) ja ```koodi``` ~50</p>' in fields
    assert "Noin ~50 opettajaa." in fields and "\\~" not in fields
    for page in site.rglob("*.html"):
        text = page.read_text("utf-8")
        assert (
            'href="https://evil.example' not in text
            and "<em>tähdillä</em>" not in text
            and "<strong>lihava</strong>," not in text
        ), page
    rows = list(csv.reader(io.StringIO((site / "data/kirjasto.csv").read_text("utf-8-sig"))))
    formula = next(row for row in rows if row[0] == "kaava-kentissa")
    assert formula[2].startswith("'=HYPERLINK(")
    organisations = formula[rows[0].index("organisaatiot")]
    assert (
        "Pori; '=1+1" in organisations
        and "'+358 kunta" in organisations
        and "'-ryhmä" in organisations
        and "'@kaupunki" in organisations
    )


def test_the_tree_shows_the_same_bodies_as_the_hook_build(accepted_sites):
    """The same HTML; the tree writes each part on one line, its line breaks as `&#10;`."""
    hook, tree = accepted_sites
    for case in BUILDABLE:
        assert _article(_page(tree, case)).replace("&#10;", "\n") == _article(_page(hook, case)), case["tiedosto"]


def test_every_page_of_the_tree_carries_the_policy(accepted_sites):
    policy = None
    for page in accepted_sites[1].rglob("*.html"):
        text = page.read_text("utf-8")
        found = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', text)
        assert found, page
        policy = policy or found.group(1)
        assert found.group(1) == policy and "'unsafe-inline'" not in policy
        for script in re.finditer(r"<script([^>]*)>(.*?)</script>", text, re.DOTALL):
            if "src=" not in script.group(1) and "json" not in script.group(1):
                assert script_hash(script.group(2)) in policy, page


def test_the_tree_refuses_what_validation_refuses(tmp_path):
    root = copy_repository(tmp_path / "repo")
    for case in REFUSED:
        plant(root, case)
    result = subprocess.run(
        [sys.executable, "-m", "kirjasto.tools.cli", "generate", str(tmp_path / "puu"), "--root", str(root)],
        capture_output=True,
        text=True,
        env=BUILD_ENV,
        timeout=300,
    )
    assert result.returncode == 1
    assert not (tmp_path / "puu").exists()
    for case in REFUSED:
        assert case["viesti"] in result.stdout, case["tiedosto"]
    assert_readable(result.stdout)


def test_warnings_alone_do_not_fail_the_strict_build(tmp_path):
    root = copy_repository(tmp_path / "repo")
    for case in EXPECTATIONS:
        if case["taso"] == "varoitus":
            plant(root, case)
    result = mkdocs_build(root, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "varoitus: 'etunimi.sukunimi@kunta.fi' näyttää henkilökohtaiselta" in result.stderr
