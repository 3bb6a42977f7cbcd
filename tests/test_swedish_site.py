"""The library published in Swedish (`mkdocs.sv.yml`: `extra.kirjasto.language: sv`):
every page in Swedish, with no Finnish interface text left; what stays Finnish is
the content of items written in Finnish, marked with its language."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest

from conftest import copy_repository, mkdocs_build

FINNISH_UI_WORDS = (
    "Hae", "Haku", "Hakutulokset", "Etusivu", "Etusivulle", "Selaa", "Teemat", "Kunnat", "Maakunnat", "Koulutusasteet",
    "Kohderyhmät", "Tyyppi", "Tila", "Yhteystiedot", "Lähde", "Linkit", "Katso myös", "Julkaisija", "Palaute",
    "Saavutettavuusseloste", "Tietosuoja", "Avoin data", "Syöte", "Ehdota kuvausta", "Ehdota muutosta", "Valtakunnallinen",
    "Hyvät käytännöt", "Verkostot", "Materiaalit", "kuvausta", "kuvaus", "Linkki tähän kohtaan", "Sivua ei löytynyt",
    "Tiedot tarkistettu", "Viimeksi muokattu", "Kuvaus kirjoitettu", "ei tiedossa", "ruotsiksi", "suomeksi",
    "Tyhjennä haku", "Rajaa tuloksia", "Kirjoita hakusana",
)  # fmt: skip
"""Words of the Finnish interface; none may appear on a Swedish page outside text marked
as written in another language (`lang`)."""
_WORD = re.compile(r"(?<![\w])(" + "|".join(map(re.escape, FINNISH_UI_WORDS)) + r")(?![\w])")
_VOID = frozenset(("area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"))


class _SwedishText(HTMLParser):
    """Text and labels of a page that are in the page's own language (not inside an
    element with another `lang`, not scripts, styles or code)."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[tuple[str, str | None]] = []
        self.found: list[str] = []

    def _own(self) -> bool:
        languages = [lang for _, lang in self.open if lang]
        # Code (commands, file and snippet names) is not interface text.
        unread = ("script", "style", "code", "pre")
        return not any(tag in unread for tag, _ in self.open) and (not languages or languages[-1] == "sv")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag not in _VOID:
            self.open.append((tag, values.get("lang")))
        if self._own():
            self.found += [value for key in ("aria-label", "title", "placeholder", "alt") if (value := values.get(key))]

    def handle_endtag(self, tag: str) -> None:
        for position in range(len(self.open) - 1, -1, -1):
            if self.open[position][0] == tag:
                del self.open[position:]
                return

    def handle_data(self, data: str) -> None:
        if self._own():
            self.found.append(data)


def finnish_words(page: str) -> list[str]:
    reader = _SwedishText()
    reader.feed(page)
    return sorted({match.group(1) for text in reader.found for match in _WORD.finditer(text)})


@pytest.fixture(scope="module")
def swedish_site(swedish_build) -> tuple[Path, Path]:
    return swedish_build


def finnish_items(root: Path) -> set[str]:
    """Site paths of the pages of items written in Finnish: their titles and texts are Finnish content."""
    pages = set()
    for path in (root / "practices").glob("*/*.md"):
        if not re.search(r"^language:\s*sv\s*$", path.read_text("utf-8").split("\n---", 1)[0], re.MULTILINE):
            pages.add(f"{path.parent.name}/{path.stem}/index.html")
    return pages


def test_every_page_is_in_swedish(swedish_site):
    _, site = swedish_site
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 50
    assert [p for p in pages if '<html lang="sv"' not in p.read_text("utf-8")] == []


def test_no_finnish_interface_text_remains(swedish_site):
    root, site = swedish_site
    skipped = finnish_items(root)
    left = {
        page.relative_to(site).as_posix(): words
        for page in sorted(site.rglob("*.html"))
        if page.relative_to(site).as_posix() not in skipped and (words := finnish_words(page.read_text("utf-8")))
    }
    assert left == {}


def test_the_swedish_site_has_its_own_pages_and_the_shared_scripts(swedish_site):
    _, site = swedish_site
    statement = (site / "saavutettavuusseloste/index.html").read_text("utf-8")
    assert "<h1" in statement and "Tillgänglighetsutlåtande" in statement
    assert (site / "javascripts/haku.js").is_file() and (site / "stylesheets").is_dir()
    texts = (site / "javascripts/kaannokset-sv.js").read_text("utf-8")
    assert '"Ajankohta: {when}.": "Tidpunkt: {when}."' in texts
    item = (site / "verkostot/helsingfors-tutorlarare-i-grundlaggande-utbildningen/index.html").read_text("utf-8")
    assert "Tutorlärare i den grundläggande utbildningen i Helsingfors" in item


def test_a_theme_language_other_than_the_sites_is_refused(tmp_path):
    root = copy_repository(tmp_path / "repo")
    (root / "fel.yml").write_text("INHERIT: mkdocs.yml\nextra:\n  kirjasto:\n    language: sv\n", encoding="utf-8")
    result = mkdocs_build(root, root / "site", "fel.yml")
    assert result.returncode != 0
    assert "theme.language ska vara samma som webbplatsens språk extra.kirjasto.language ('sv')" in result.stderr


@pytest.mark.parametrize("query", ["tutorlärare", "tutorlärarna", "Helsingfors tutorlärare"])
def test_a_swedish_search_finds_the_translated_tutor_teacher_item_in_the_first_five(swedish_site, query):
    import json

    from kirjasto.site.search import rank_query

    _, site = swedish_site
    files = {p.relative_to(site).as_posix(): p.read_text("utf-8") for p in (site / "haku-indeksi").rglob("*.json")}
    items = json.loads((site / "data/luettelo.json").read_text("utf-8"))["items"]  # document N is catalogue item N
    top, _ = rank_query(files, query, 5)
    assert "verkostot/helsingfors-tutorlarare-i-grundlaggande-utbildningen/" in [items[n][2] for n in top if n < len(items)]


def test_zensical_builds_the_same_swedish_site(tmp_path):
    """`make build ENGINE=zensical CONFIG=mkdocs.sv.yml`: the same Swedish pages, no Finnish interface text."""
    from kirjasto.tools.cli import main

    root = copy_repository(tmp_path / "repo")
    assert main(["zensical", "--root", str(root), "--config", "mkdocs.sv.yml"]) == 0
    site = root / "site"
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 50 and all('<html lang="sv"' in page.read_text("utf-8") for page in pages)
    skipped = finnish_items(root)
    left = {
        page.relative_to(site).as_posix(): words
        for page in pages
        if page.relative_to(site).as_posix() not in skipped and (words := finnish_words(page.read_text("utf-8")))
    }
    assert left == {}


BOTH_LANGUAGES = "INHERIT: mkdocs.yml\nextra:\n  kirjasto:\n    other_languages: {sv: mkdocs.sv.yml}\n"


@pytest.fixture(scope="module")
def both_languages(tmp_path_factory) -> Path:
    """The library in Finnish at the root and in Swedish under /sv/, from one build."""
    root = copy_repository(tmp_path_factory.mktemp("kaksikielinen") / "repo")
    (root / "kaksikielinen.yml").write_text(BOTH_LANGUAGES, encoding="utf-8")
    result = mkdocs_build(root, root / "site", "kaksikielinen.yml", SITE_URL="https://example.org/kirjasto/")
    assert result.returncode == 0, result.stderr
    return root / "site"


def switch_of(page: str) -> tuple[str, str]:
    found = re.search(r'<a href="([^"]*)" hreflang="(\w+)" lang="\w+" class="md-header__button kk-kielivalinta">', page)
    assert found, "no language switch"
    return found.group(1), found.group(2)


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        # An item with a translation: the translation.
        (
            "verkostot/helsinki-perusopetuksen-tutoropettajat/",
            "../../sv/verkostot/helsingfors-tutorlarare-i-grundlaggande-utbildningen/",
        ),
        (
            "sv/verkostot/helsingfors-tutorlarare-i-grundlaggande-utbildningen/",
            "../../../verkostot/helsinki-perusopetuksen-tutoropettajat/",
        ),
        # An item without one: the other side's listing of its kind.
        ("kaytannot/satakunnan-tutoryhteistyo/", "../../sv/kaytannot/"),
        # Other pages: the same page, or the front page when the other side has no such page.
        ("", "sv/"),
        ("sv/", "../"),
        ("teemat/tutoropettajatoiminta/", "../../sv/teemat/tutoropettajatoiminta/"),
        ("saavutettavuusseloste/", "../sv/saavutettavuusseloste/"),
        ("kehittajille/", "../sv/"),
    ],
)
def test_the_language_switch_leads_to_the_same_page_in_the_other_language(both_languages, page, expected):
    html = (both_languages / page / "index.html").read_text("utf-8")
    link, language = switch_of(html)
    assert (link, language) == (expected, "fi" if page.startswith("sv/") else "sv")
    # The hreflang alternate is in the sitemap, as an absolute address (not in <head>: see
    # overrides/sitemap.xml), for a real counterpart only (not a listing or front page in its stead).
    side = both_languages / ("sv" if page.startswith("sv/") else "")
    here = "https://example.org/kirjasto/" + page
    alternate = f'<xhtml:link rel="alternate" hreflang="{language}" href="{urljoin(here, expected)}"/>'
    counterpart = page not in ("kaytannot/satakunnan-tutoryhteistyo/", "kehittajille/")
    entry = re.search(rf"<loc>{re.escape(here)}</loc>(.*?)</url>", (side / "sitemap.xml").read_text("utf-8"), re.DOTALL)
    assert entry and (alternate in entry.group(1)) == counterpart
    assert 'hreflang="' not in html.split("<body", 1)[0], "no page-level alternates in <head>"
    assert (both_languages / page / expected / "index.html").resolve().is_file()


def test_both_sides_speak_their_language(both_languages):
    assert '<html lang="fi"' in (both_languages / "index.html").read_text("utf-8")
    swedish = sorted((both_languages / "sv").rglob("*.html"))
    assert len(swedish) > 50 and all('<html lang="sv"' in page.read_text("utf-8") for page in swedish)
    assert "https://example.org/kirjasto/sv/" in (both_languages / "sv/sitemap.xml").read_text("utf-8")


def test_a_swedish_side_that_cannot_be_built_fails_the_build_with_its_report(tmp_path):
    """The Swedish side is built beside the Finnish pages; its refusal is the build's."""
    root = copy_repository(tmp_path / "repo", both_languages=True)
    page = root / "docs-sv" / "tietoa.md"
    page.write_text(page.read_text("utf-8") + "\n<script>document.title = 'x'</script>\n", encoding="utf-8")
    result = mkdocs_build(root, tmp_path / "site")
    assert result.returncode == 1
    assert "Kielen sv sivustoa ei voitu rakentaa:" in result.stderr
    assert "docs-sv/tietoa.md: Sidan har ett skript som varken hör till temat eller biblioteket" in result.stderr, result.stderr[
        -2000:
    ]
    assert "Traceback" not in result.stderr
