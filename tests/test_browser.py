"""The built site in a real browser: it renders, the CSP blocks nothing the site
needs, and the page makes no request to anyone but its own host."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from browser import StaticServer, chromium_or_skip, load

PAGES = [
    ("", "Käytäntökirjasto"),
    ("verkostot/hameenlinna-konsultoivien-verkosto/", "Hämeenlinnan konsultoivien opettajien"),
    ("kunnat/", "Kunnat ja maakunnat"),
    ("teemat/tutoropettajatoiminta/", "Tutoropettajatoiminta"),
    ("ehdota/", "Ehdota kuvausta"),
    ("oma-vuosikello/", "Tee oma vuosikello"),
    ("materiaalit/kuopio-digitaalisen-kehittamisen-tyokalupaketti/", "Vuosikello kalenterina"),
    ("ei-olemassa/", "Sivua ei löytynyt"),
]


@pytest.fixture(scope="module")
def loaded_pages(site):
    chromium = chromium_or_skip()
    with StaticServer(site) as server:
        return {path: load(chromium, f"{server.origin}/{path}", server.origin) for path, _ in PAGES}


@pytest.mark.parametrize(("path", "heading"), PAGES)
def test_page_renders_with_no_csp_violation(loaded_pages, path, heading):
    page = loaded_pages[path]
    assert "<h1" in page.dom and heading in page.dom
    violations = [line for line in page.console if "Content Security Policy" in line]
    assert violations == []


@pytest.mark.parametrize(("path", "heading"), PAGES)
def test_page_requests_only_its_own_host(loaded_pages, path, heading):
    page = loaded_pages[path]
    assert page.requests_by_page, "the network log saw the page's own requests"
    assert {urlsplit(url).hostname for url in page.requests_by_page} == {"127.0.0.1"}


def test_no_search_index_is_downloaded_before_searching(loaded_pages):
    requested = " ".join(loaded_pages[""].requests_by_page)
    assert "haku-indeksi/" not in requested and "search_index.json" not in requested
