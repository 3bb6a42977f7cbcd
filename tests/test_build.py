"""The real `mkdocs build --strict` on the repository, and on a broken copy."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from conftest import REPOSITORY_ROOT, copy_repository, mkdocs_build
from kirjasto.content import Kind, load_library
from kirjasto.site import plan_pages
from site_html import html_files, page_url, parse, resolve


@pytest.fixture(scope="module")
def planned():
    loaded = load_library(REPOSITORY_ROOT)
    return loaded.library, plan_pages(loaded.library)


def test_every_planned_page_is_built(site, planned):
    _, pages = planned
    for page in pages:
        assert (site / page.url / "index.html").is_file(), page.url
    for hand_written in ("index.html", "tietoa/index.html", "osallistu/index.html"):
        assert (site / hand_written).is_file()


def test_every_item_is_reachable_from_an_index_page(site, planned):
    library, pages = planned
    item_urls = {f"{item.kind.folder}/{item.slug}/" for item in library.items}
    reached = set()
    for page in pages:
        if page.url in item_urls:
            continue
        for href in parse(site / page.url / "index.html").links:
            target = resolve(site, page.url, href)
            if target is not None:
                reached.add(page_url(site, target))
    assert item_urls - reached == set()
    assert len(item_urls) >= 9


def test_every_internal_link_resolves(site):
    broken = []
    for html in html_files(site):
        url = page_url(site, html)
        for href in parse(html).links:
            target = resolve(site, url, href)
            if target is not None and not target.exists():
                broken.append(f"{url} -> {href}")
    assert broken == []


def test_no_page_loads_anything_from_a_third_party(site):
    external = []
    for html in html_files(site):
        external += [f"{html.relative_to(site)}: {src}" for src in parse(html).resources if urlsplit(src).netloc]
    assert external == []
    assert "fonts.googleapis" not in (site / "index.html").read_text("utf-8")


def test_item_page_shows_metadata_card_and_related(site):
    html = (site / "verkostot/hameenlinna-konsultoivien-verkosto/index.html").read_text("utf-8")
    assert '<section aria-label="Perustiedot" class="kk-kortti">' in html or 'class="kk-kortti"' in html
    assert '<a href="../../kunnat/hameenlinna/">Hämeenlinna</a>' in html
    assert '<a href="../../maakunnat/kanta-hame/">Kanta-Häme</a>' in html
    assert 'id="katso-myos"' in html
    assert html.count("<h1") == 1


def test_front_page_shows_live_counts_and_newest(site, planned):
    library, _ = planned
    html = (site / "index.html").read_text("utf-8")
    assert f"Kirjastossa on nyt <strong>{len(library.items)} kuvausta</strong>" in html
    assert not re.search(r"kirjasto:[a-z]+ -->", html), "every marker is expanded"


def test_item_pages_are_not_in_the_nav(site, planned):
    library, _ = planned
    html = (site / "index.html").read_text("utf-8")
    nav = html.split('class="md-nav md-nav--primary"', 1)[1].split('class="md-content"', 1)[0]
    for item in library.items:
        assert f"{item.kind.folder}/{item.slug}/" not in nav
    for kind in Kind:
        assert f"{kind.folder}/" in nav


def test_broken_item_fails_the_build_with_a_readable_report(tmp_path):
    root = copy_repository(tmp_path / "repo")
    item = root / "practices/verkostot/hameenlinna-konsultoivien-verkosto.md"
    text = item.read_text("utf-8")
    item.write_text(text.replace("municipalities: [Hämeenlinna]", "municipalities: [Hämenlinna]"), encoding="utf-8")
    line = text.split("\n").index("municipalities: [Hämeenlinna]") + 1
    site = tmp_path / "site"
    site.mkdir()
    (site / "vanha.html").write_text("edellinen julkaisu", encoding="utf-8")

    result = mkdocs_build(root, site)

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    expected = f"practices/verkostot/hameenlinna-konsultoivien-verkosto.md:{line}: municipalities: Tuntematon kunta 'Hämenlinna'. Tarkoititko 'Hämeenlinna'?"
    assert expected in result.stderr
    assert [p.name for p in site.iterdir()] == ["vanha.html"], "the last good site is left untouched"
