"""Site: plan the generated pages from a `Library` and write the outputs
(search index, catalogue data, open-data exports, sitemap dates, the security
policy every page must pass, and the hook-free Markdown tree).

Imports from `kirjasto.content` only, never from `kirjasto.tools`.
"""

from kirjasto.site.csp import (
    CONFIG_KEY,
    KnownScript,
    base_urls,
    check_page,
    known_scripts,
    site_policy,
    theme_script_dirs,
    with_noopener,
)
from kirjasto.site.exports import export_files, export_paths, iter_export_files, json_ld_script
from kirjasto.site.finish import finish_page
from kirjasto.site.gitdates import last_commit_dates
from kirjasto.site.navcache import NavigationCache
from kirjasto.site.overwrite import write_over, write_text_over
from kirjasto.site.pages.item_page import item_meta
from kirjasto.site.pages.markers import expand_markers
from kirjasto.site.pages.page import Page, front_matter_and_body, put_html_parts
from kirjasto.site.pages.plan import ItemPages, item_pages, listing_pages, plan_pages
from kirjasto.site.pages.related import RelatedIndex, related_items
from kirjasto.site.parts import PartTemplates, override_dir_of, part_templates
from kirjasto.site.search import (
    BackgroundIndexer,
    SearchDocument,
    item_documents,
    own_title,
    page_document,
    search_documents,
)
from kirjasto.site.site_language import (
    docs_dir_in,
    language_data_files,
    language_switch,
    shared_files,
    switch_sides,
    with_switch,
)
from kirjasto.site.theme_texts import THEME_LANGUAGE_MESSAGE, THEME_TEXTS_KEY, markdown_configs_in, theme_texts

__all__ = [
    "CONFIG_KEY",
    "THEME_LANGUAGE_MESSAGE",
    "THEME_TEXTS_KEY",
    "BackgroundIndexer",
    "ItemPages",
    "KnownScript",
    "NavigationCache",
    "Page",
    "PartTemplates",
    "RelatedIndex",
    "SearchDocument",
    "base_urls",
    "check_page",
    "docs_dir_in",
    "expand_markers",
    "export_files",
    "export_paths",
    "finish_page",
    "front_matter_and_body",
    "item_documents",
    "item_meta",
    "item_pages",
    "iter_export_files",
    "json_ld_script",
    "known_scripts",
    "language_data_files",
    "language_switch",
    "last_commit_dates",
    "listing_pages",
    "markdown_configs_in",
    "override_dir_of",
    "own_title",
    "page_document",
    "part_templates",
    "plan_pages",
    "put_html_parts",
    "related_items",
    "search_documents",
    "shared_files",
    "site_policy",
    "switch_sides",
    "theme_script_dirs",
    "theme_texts",
    "with_noopener",
    "with_switch",
    "write_over",
    "write_text_over",
]
