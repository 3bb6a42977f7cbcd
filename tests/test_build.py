"""The real `mkdocs build --strict` on the repository, and on a broken copy."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import pytest

from conftest import REPOSITORY_ROOT
from kirjasto import Kind, load_library, plan_pages

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def mkdocs_build(root: Path, site: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=root, capture_output=True, text=True, env=ENV, timeout=300,
    )


class _Collector(HTMLParser):
    """Links (a href) and loaded resources (script src, link href, img src) of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.resources: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        if tag in ("script", "img", "iframe", "source") and attributes.get("src"):
            self.resources.append(attributes["src"])
        if tag == "link" and attributes.get("href") and attributes.get("rel") not in ("canonical", "alternate"):
            self.resources.append(attributes["href"])


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    site_dir = tmp_path_factory.mktemp("site")
    result = mkdocs_build(REPOSITORY_ROOT, site_dir)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    return site_dir


@pytest.fixture(scope="module")
def planned():
    loaded = load_library(REPOSITORY_ROOT)
    return loaded.library, plan_pages(loaded.library)


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def parse(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text("utf-8"))
    return collector


def page_url(site: Path, html: Path) -> str:
    """Site-relative directory URL of a built page: 'teemat/steam/'."""
    relative = html.relative_to(site).as_posix()
    return relative.removesuffix("index.html")


def resolve(site: Path, from_url: str, href: str) -> Path | None:
    """The file a relative link points to, or None for external links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("#"):
        return None
    target = PurePosixPath("/" + from_url) / parts.path if parts.path else PurePosixPath("/" + from_url)
    normalised = os.path.normpath(str(target)).lstrip("/")
    path = site / normalised
    return path / "index.html" if path.is_dir() or parts.path.endswith("/") else path


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
    assert "kirjasto:" not in html, "every marker is expanded"


def test_item_pages_are_not_in_the_nav(site, planned):
    library, _ = planned
    html = (site / "index.html").read_text("utf-8")
    nav = html.split('class="md-nav md-nav--primary"', 1)[1].split('class="md-content"', 1)[0]
    for item in library.items:
        assert f"{item.kind.folder}/{item.slug}/" not in nav
    for kind in Kind:
        assert f"{kind.folder}/" in nav


def copy_repository(destination: Path) -> Path:
    destination.mkdir()
    for name in ("mkdocs.yml", "docs", "practices", "hooks"):
        source = REPOSITORY_ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy(source, destination / name)
    return destination


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
