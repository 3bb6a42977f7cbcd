"""Plan the site's generated pages: a pure function from a `Library` to a list
of Markdown pages, engine-neutral (links are relative `.md` links)."""

from __future__ import annotations

from ..model import Library
from ..settings import LibrarySettings
from .markers import expand_markers
from .index_pages import plan_index_pages
from .item_page import plan_item_page
from .page import Page
from .related import RelatedIndex, related_items

__all__ = ["Page", "expand_markers", "plan_pages"]


def plan_pages(library: Library, settings: LibrarySettings | None = None) -> list[Page]:
    """Every generated page: one per item plus every index page."""
    settings = settings or LibrarySettings()
    index = RelatedIndex.build(library)
    item_pages = [plan_item_page(item, related_items(item, index), library, settings.repository) for item in library.items]
    return item_pages + plan_index_pages(library)
