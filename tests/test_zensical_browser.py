"""The browser tests, again, on the site Zensical built (`make build ENGINE=zensical`):
the pages render under the policy and ask nothing of other hosts, axe finds no
WCAG 2.1 AA violation, the search, the catalogue and the submission form work.
The tests are the very functions of the MkDocs site's modules; here `site` and
`server` are the Zensical build."""

from __future__ import annotations

import pytest

from kirjasto.tools.static_site import StaticServer
from test_browser import loaded_pages, test_page_renders_with_no_csp_violation, test_page_requests_only_its_own_host
from test_browsing import (
    page,
    test_axe_finds_no_wcag_violations,
    test_axe_on_a_phone_width_with_the_menu_open,
    test_browsing_every_page_requests_nothing_outside_the_site,
    test_counts_update_and_filters_combine,
    test_filters_work_from_the_keyboard,
    test_menu_opens_from_the_keyboard_on_a_phone,
    test_state_is_in_the_address_and_the_back_button_works,
)
from test_form import (
    form,
    test_every_field_has_a_label_and_the_form_works_by_keyboard,
    test_form_output_validates_unchanged,
    test_missing_required_field_is_refused_with_a_visible_message,
)
from test_search import (
    search_page,
    test_a_teachers_searches_find_the_items_that_talk_about_them,
    test_results_list_passes_axe,
    test_results_show_kind_place_status_and_a_marked_snippet,
    test_search_works_under_the_sites_csp_without_webassembly,
    test_teachers_queries_find_their_item_in_the_first_five,
)

__all__ = [
    "form",
    "loaded_pages",
    "page",
    "search_page",
    "test_a_teachers_searches_find_the_items_that_talk_about_them",
    "test_axe_finds_no_wcag_violations",
    "test_axe_on_a_phone_width_with_the_menu_open",
    "test_browsing_every_page_requests_nothing_outside_the_site",
    "test_counts_update_and_filters_combine",
    "test_every_field_has_a_label_and_the_form_works_by_keyboard",
    "test_filters_work_from_the_keyboard",
    "test_form_output_validates_unchanged",
    "test_menu_opens_from_the_keyboard_on_a_phone",
    "test_missing_required_field_is_refused_with_a_visible_message",
    "test_page_renders_with_no_csp_violation",
    "test_page_requests_only_its_own_host",
    "test_results_list_passes_axe",
    "test_results_show_kind_place_status_and_a_marked_snippet",
    "test_search_works_under_the_sites_csp_without_webassembly",
    "test_state_is_in_the_address_and_the_back_button_works",
    "test_teachers_queries_find_their_item_in_the_first_five",
]


@pytest.fixture(scope="module")
def site(zensical_site):
    return zensical_site


@pytest.fixture(scope="module")
def server(site):
    with StaticServer(site) as running:
        yield running
