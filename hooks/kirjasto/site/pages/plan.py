"""Plan the site's generated pages: a pure function from a `Library` to a list
of Markdown pages, engine-neutral (links are relative `.md` links).

Item pages can also be planned one at a time (`ItemPages`): the MkDocs build plans
each item's page when the engine reads it, in whichever process builds that page,
so that no process holds every page's HTML at once."""

from __future__ import annotations

from dataclasses import dataclass

from kirjasto.content.clock import today_in_finland
from kirjasto.content.freshness import with_freshness
from kirjasto.content.messages import Messages
from kirjasto.content.model import Item, Library
from kirjasto.content.settings import LibrarySettings
from kirjasto.site.pages.freshness_page import plan_freshness_page
from kirjasto.site.pages.index_pages import plan_index_pages
from kirjasto.site.pages.item_page import plan_item_page
from kirjasto.site.pages.page import Page
from kirjasto.site.pages.related import RelatedIndex, related_items
from kirjasto.site.parts import PartTemplates, part_templates


@dataclass(frozen=True)
class ItemPages:
    """Each item's page, planned on demand; related items come from one index
    built for the whole library. The pages' words are in the language of `messages`
    (by default the templates' own)."""

    library: Library
    settings: LibrarySettings
    templates: PartTemplates
    related: RelatedIndex
    messages: Messages | None = None
    """The pages' language; None: the templates' own."""

    def page(self, item: Item) -> Page:
        return plan_item_page(
            item,
            related_items(item, self.related),
            self.library,
            self.settings.repository,
            templates=self.templates,
            messages=self.messages,
        )


def item_pages(
    library: Library,
    settings: LibrarySettings | None = None,
    templates: PartTemplates | None = None,
    *,
    messages: Messages | None = None,
) -> ItemPages:
    """The planner of item pages for a library judged for freshness (`judged`)."""
    return ItemPages(
        judged(library, settings),
        settings or LibrarySettings(),
        templates or part_templates(),
        RelatedIndex.build(library),
        messages,
    )


def judged(library: Library, settings: LibrarySettings | None = None) -> Library:
    """A library without the build's `freshness` is judged against today in Finland."""
    if library.freshness is not None:
        return library
    return with_freshness(library, settings or LibrarySettings(), today_in_finland())


def listing_pages(library: Library, templates: PartTemplates | None = None, *, messages: Messages | None = None) -> list[Page]:
    """Every generated page but the items' own: index pages and the maintainers'
    list of how old each item's facts are, their words in the language of `messages`
    (by default the templates' own)."""
    library = judged(library)
    freshness = library.freshness
    assert freshness is not None, "judged() sets it"
    templates = templates or part_templates()
    return [
        *plan_index_pages(library, templates, messages=messages),
        plan_freshness_page(library, freshness, templates, messages=messages),
    ]


def plan_pages(
    library: Library,
    settings: LibrarySettings | None = None,
    templates: PartTemplates | None = None,
    *,
    messages: Messages | None = None,
) -> list[Page]:
    """Every generated page: one per item, then the listing pages, their words in the
    language of `messages` (by default the templates' own)."""
    library = judged(library, settings)
    items = item_pages(library, settings, templates, messages=messages)
    return [items.page(item) for item in library.items] + listing_pages(library, items.templates, messages=messages)
