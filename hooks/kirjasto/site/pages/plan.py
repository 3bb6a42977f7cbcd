"""Plan the site's generated pages: a pure function from a `Library` to a list
of Markdown pages, engine-neutral (links are relative `.md` links)."""

from __future__ import annotations

from kirjasto.content.clock import today_in_finland
from kirjasto.content.freshness import with_freshness
from kirjasto.content.model import Library
from kirjasto.content.settings import LibrarySettings
from kirjasto.site.pages.freshness_page import plan_freshness_page
from kirjasto.site.pages.index_pages import plan_index_pages
from kirjasto.site.pages.item_page import plan_item_page
from kirjasto.site.pages.page import Page
from kirjasto.site.pages.related import RelatedIndex, related_items
from kirjasto.site.parts import PartTemplates, part_templates


def plan_pages(library: Library, settings: LibrarySettings | None = None, templates: PartTemplates | None = None) -> list[Page]:
    """Every generated page: one per item, every index page and the maintainers'
    list of how old each item's facts are. A library without the build's
    `freshness` is judged against today in Finland."""
    settings = settings or LibrarySettings()
    templates = templates or part_templates()
    if library.freshness is None:
        library = with_freshness(library, settings, today_in_finland())
    index = RelatedIndex.build(library)
    item_pages = [
        plan_item_page(item, related_items(item, index), library, settings.repository, templates=templates)
        for item in library.items
    ]
    freshness = library.freshness
    assert freshness is not None, "with_freshness sets it"
    return item_pages + plan_index_pages(library, templates) + [plan_freshness_page(library, freshness)]
