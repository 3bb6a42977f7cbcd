"""The same site from every engine the library supports: MkDocs (the hook), ProperDocs
(the same hook in the maintained MkDocs 1.x fork) and Zensical (no hooks: the
generated tree, `make build ENGINE=zensical`). Same pages, same main text on every
page, the same data files byte for byte; tests/test_zensical_browser.py runs the
browser tests on the Zensical build."""

from __future__ import annotations

import html
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPOSITORY_ROOT
from kirjasto.tools.cli import main
from site_html import article_parts
from site_html import html_pages as pages
from test_fork import fork  # noqa: F401 (a fixture: pytest finds it by this name)


def main_text(html: str) -> str:
    """The page's article as text, without any white space: an engine may mark up
    code (Zensical highlights it) or lay out tags differently, not change a word."""
    return "".join("".join(article_parts(html)).split())


def data_files(site: Path) -> dict[str, bytes]:
    """The library's own data: open data, catalogue, form, feed, calendars, search index."""
    found = {}
    for folder in ("data", "haku-indeksi", "vuosikellot"):
        for path in sorted((site / folder).rglob("*")):
            if path.is_file():
                found[path.relative_to(site).as_posix()] = path.read_bytes()
    found["feed.xml"] = (site / "feed.xml").read_bytes()
    return found


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("properdocs") / "site"
    result = subprocess.run(
        [str(Path(sys.executable).with_name("properdocs")), "build", "--strict", "-f", "mkdocs.yml", "-d", str(site)],
        cwd=REPOSITORY_ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module", params=["properdocs", "zensical"])
def other_engine(request) -> tuple[str, Path]:
    fixture = "properdocs_site" if request.param == "properdocs" else "zensical_site"
    return request.param, request.getfixturevalue(fixture)


def test_every_engine_builds_the_same_pages(site, other_engine):
    engine, other = other_engine
    assert pages(other) == pages(site), engine
    items = [page for page in pages(site) if page.startswith(("kaytannot/", "verkostot/", "materiaalit/"))]
    assert len(items) > 12


def test_every_page_has_the_same_main_text(site, other_engine):
    engine, other = other_engine
    different = [
        page
        for page in sorted(pages(site))
        if main_text((other / page).read_text("utf-8")) != main_text((site / page).read_text("utf-8"))
    ]
    assert different == [], engine


def test_the_data_files_are_the_same_byte_for_byte(site, other_engine):
    engine, other = other_engine
    ours, theirs = data_files(site), data_files(other)
    assert sorted(theirs) == sorted(ours), engine
    assert [path for path in ours if theirs[path] != ours[path]] == [], engine
    assert "haku-indeksi/meta.json" in ours and "data/lomake.json" in ours and "data/luettelo.json" in ours


def test_zensical_pages_carry_the_policy_for_zensicals_own_scripts(zensical_site):
    from kirjasto.site.csp import check_page

    for page in sorted(pages(zensical_site)):
        html = (zensical_site / page).read_text("utf-8")
        policy = html.split('<meta http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0]
        assert "'unsafe-inline'" not in policy
        assert check_page(html, policy) == [], page


def test_zensical_item_pages_have_the_json_ld_and_noopener_the_hook_adds(site, zensical_site):
    page = "verkostot/hameenlinna-konsultoivien-verkosto/index.html"
    ours, theirs = (site / page).read_text("utf-8"), (zensical_site / page).read_text("utf-8")
    json_ld = ours.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert json_ld in theirs
    assert theirs.count('target="_blank"') == theirs.count('rel="noopener') or 'target="_blank"' not in theirs


def test_zensical_refuses_an_invalid_library_and_keeps_the_old_site(library, capsys):
    (library.root / "site").mkdir()
    (library.root / "site" / "index.html").write_text("vanha", encoding="utf-8")
    library.write("kaytannot/rikki.md", "title: Rik\n")
    assert main(["zensical", "--root", str(library.root)]) == 1
    assert "practices/kaytannot/rikki.md" in capsys.readouterr().err
    assert (library.root / "site" / "index.html").read_text("utf-8") == "vanha"


def test_the_search_rules_for_zensical_are_the_themes_search_rules_only():
    from kirjasto.site.search_style import theme_search_rules

    rules = theme_search_rules()
    assert ".md-search__output" in rules and ".md-search__input" in rules and "@media" in rules
    assert "--md-search-result-icon:url(" in rules
    selectors = [part.rsplit("}", 1)[-1] for part in rules.split("{") if not part.rstrip().endswith(")")]
    unrelated = [s for s in map(str.strip, selectors) if s and not s.startswith(("@", ":root", "/*")) and "search" not in s]
    assert unrelated == []


def test_a_fork_builds_the_same_with_zensical(request):
    """The fork of tests/test_fork.py (its own config, scope, publisher with a mail
    address, own item): the overrides render under Zensical too, with the same result."""
    root, site, _ = request.getfixturevalue("fork")
    assert main(["zensical", "--root", str(root), "--config", "satakunta.yml", "--site-dir", "site-zensical"]) == 0
    other = root / "site-zensical"
    assert pages(other) == pages(site)
    assert [
        page
        for page in sorted(pages(site))
        if main_text((other / page).read_text("utf-8")) != main_text((site / page).read_text("utf-8"))
    ] == []
    assert data_files(other) == data_files(site)
    # MiniJinja escapes "/" in attributes (`&#x2f;`), which the browser reads as "/".
    page = html.unescape((other / "kaytannot/oma-pori-tutorkahvila/index.html").read_text("utf-8"))
    assert '<a href="https://www.pori.fi/">Porin kaupunki, sivistyspalvelut</a>' in page
    assert '<a href="mailto:opetus@pori.fi">Palaute</a>' in page
