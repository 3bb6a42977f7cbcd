"""The browser tests that hold in any language, again on the library built in Swedish
(`mkdocs.sv.yml`): axe finds no WCAG 2.1 AA violation on the Swedish pages (also on a
phone with the menu open). The tests are the
very functions of the Finnish site's modules; here `site` and `server` are the Swedish build."""

from __future__ import annotations

from pathlib import Path

import pytest

from kirjasto.tools.static_site import StaticServer
from test_browsing import page, test_axe_finds_no_wcag_violations, test_axe_on_a_phone_width_with_the_menu_open

__all__ = [
    "page",
    "test_axe_finds_no_wcag_violations",
    "test_axe_on_a_phone_width_with_the_menu_open",
]


@pytest.fixture(scope="module")
def site(swedish_build) -> Path:
    return swedish_build[1]


@pytest.fixture(scope="module")
def server(site):
    with StaticServer(site) as running:
        yield running


def test_the_pages_under_test_are_swedish(site):
    assert '<html lang="sv"' in (site / "index.html").read_text("utf-8")
