"""The built site works from a sub-path of any static host (as on GitHub Pages:
https://example.github.io/kaytannot/), including its 404 page."""

from __future__ import annotations

import pytest

from browser import StaticServer
from conftest import REPOSITORY_ROOT, mkdocs_build

PAGES = [
    ("", "Käytäntökirjasto"),
    ("verkostot/hameenlinna-konsultoivien-verkosto/", "Hämeenlinnan konsultoivien"),
    ("teemat/tutoropettajatoiminta/", "Tutoropettajatoiminta"),
    ("ehdota/", "Ehdota kuvausta"),
    ("ei-ole-olemassa/", "Sivua ei löytynyt"),
]


@pytest.fixture(scope="module")
def subpath_site(tmp_path_factory):
    site = tmp_path_factory.mktemp("alipolku")
    result = mkdocs_build(REPOSITORY_ROOT, site, SITE_URL="https://example.github.io/kaytannot/")
    assert result.returncode == 0, result.stderr
    return site


@pytest.mark.parametrize(("path", "heading"), PAGES)
def test_page_and_everything_it_loads_work_under_a_sub_path(browser, subpath_site, path, heading):
    with StaticServer(subpath_site, prefix="/kaytannot") as server:
        page = browser.new_page()
        failed: list[str] = []
        page.on(
            "response",
            lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 and r.request.resource_type != "document" else None,
        )
        response = page.goto(f"{server.origin}/kaytannot/{path}")
        page.wait_for_load_state("networkidle")
        assert response.status == (404 if path.startswith("ei-ole") else 200)
        assert heading in page.text_content("h1")
        assert failed == []
        assert page.evaluate("document.styleSheets.length") >= 3, "theme and site styles loaded"
        page.close()


def test_links_on_the_front_page_stay_under_the_sub_path(browser, subpath_site):
    with StaticServer(subpath_site, prefix="/kaytannot") as server:
        page = browser.new_page()
        page.goto(f"{server.origin}/kaytannot/")
        hrefs = [link.get_attribute("href") for link in page.locator("a[href]").all()]
        page.close()
    internal = [h for h in hrefs if not h.startswith(("http://", "https://", "mailto:", "#"))]
    assert internal and all(not h.startswith("/") for h in internal), "relative links only"
