"""The faceted catalogue (/haku/): a compact JSON index for the browser and the
page's HTML, which without JavaScript lists every item.

The index holds titles, summaries, URLs and facet values, never bodies. Facet
values are stored once; items refer to them by position, which keeps the file
small at 10,000 items.
"""

from __future__ import annotations

from typing import Any

from kirjasto.content.library import items_sorted
from kirjasto.content.messages import Messages, _, messages_in
from kirjasto.content.model import STATUSES, Item, Kind, Library
from kirjasto.content.vocabularies import sorted_by_name
from kirjasto.site.pages.listing import facts_label, newest_first, other_language
from kirjasto.site.pages.page import url_of
from kirjasto.site.parts import PartTemplates

CATALOGUE_DATA_PATH = "data/luettelo.json"
CATALOGUE_SCRIPT = "javascripts/luettelo.js"

NO_SCRIPT_LIMIT = 500
"""Items listed for readers without JavaScript; above it, the newest and links to all."""

_FINNISH = messages_in()

# (URL parameter, Finnish legend): the order in which the filters are shown.
FACETS = (
    ("tyyppi", _("Tyyppi")),
    ("teema", _("Teema")),
    ("aste", _("Koulutusaste")),
    ("maakunta", _("Maakunta")),
    ("kunta", _("Kunta")),
    ("tila", _("Tila")),
    ("kohderyhma", _("Kohderyhmä")),
    ("liittyminen", _("Voi liittyä")),
)
JOINABLE_ID = "kertoo-miten"
"""The value of the 'Voi liittyä' filter: the item tells how to join (its `join`)."""
NATIONAL_ID = "valtakunnallinen"
NATIONAL = _("Valtakunnallinen")
"""The place of an item that names no municipality or region."""
JOINABLE = _("Kertoo, miten mukaan pääsee")


def _item_url(item: Item) -> str:
    return url_of(item.src_uri)


def _facet_values(library: Library, messages: Messages) -> dict[str, list[tuple[str, str]]]:
    """Every value a filter can take, as (id used in the URL, name in the language of
    `messages`), in display order."""
    say = messages.say
    language = messages.language
    vocabularies = library.vocabularies
    used_municipalities = {m.name for item in library.items for m in item.municipalities}
    return {
        "tyyppi": [(kind.folder, say(kind.label)) for kind in Kind],
        "teema": [(t.slug, t.name_in(language)) for t in sorted_by_name(vocabularies.themes.values(), language)],
        "aste": [(level.slug, level.name_in(language)) for level in vocabularies.levels.values()],
        "maakunta": [(r.slug, r.name_in(language)) for r in sorted_by_name(library.published_regions, language)]
        + [(NATIONAL_ID, say(NATIONAL))],
        "kunta": [
            (m.slug, m.shown_in(language))
            for m in sorted_by_name(vocabularies.municipalities.values(), language)
            if m.name in used_municipalities
        ],
        "tila": [(slug, say(label)) for slug, label in STATUSES.items()],
        "kohderyhma": [(a.slug, a.name_in(language)) for a in vocabularies.audiences.values()],
        "liittyminen": [(JOINABLE_ID, say(JOINABLE))],
    }


def _item_values(item: Item) -> dict[str, list[str]]:
    return {
        "tyyppi": [item.kind.folder],
        "teema": [t.slug for t in item.themes],
        "aste": [level.slug for level in item.levels],
        "maakunta": [r.slug for r in item.all_regions] or [NATIONAL_ID],
        "kunta": [m.slug for m in item.municipalities],
        "tila": [item.status] if item.status else [],
        "kohderyhma": [a.slug for a in item.audience],
        "liittyminen": [JOINABLE_ID] if item.join else [],
    }


def catalogue_json(library: Library, *, messages: Messages = _FINNISH) -> dict[str, Any]:
    """`{"facets": [...], "items": [[title, summary, url, date label, place, [[facet value positions]...]]]}`;
    the date label says what the date is ('Lähde 27.10.2017', 'Tarkistettu 1.2.2026').
    Legends and labels in the language of `messages` (Finnish by default)."""
    values = _facet_values(library, messages)
    positions = {facet: {value_id: index for index, (value_id, _) in enumerate(values[facet])} for facet, _ in FACETS}
    items = []
    for item in newest_first(library.items, messages=messages):
        item_values = _item_values(item)
        place = (
            ", ".join(m.shown_in(messages.language) for m in item.municipalities)
            or ", ".join(r.name_in(messages.language) for r in item.regions)
            or messages.say(NATIONAL)
        )
        items.append(
            [
                item.title,
                item.summary,
                _item_url(item),
                facts_label(item, messages=messages),
                place,
                [[positions[facet][v] for v in item_values[facet] if v in positions[facet]] for facet, _ in FACETS],
                # The item's language, only when it is not the page's: its title and summary are marked with it.
                *([language] if (language := other_language(item, messages=messages)) else []),
            ]
        )
    return {
        "facets": [{"id": facet, "label": messages.say(label), "values": values[facet]} for facet, label in FACETS],
        "items": items,
    }


def catalogue_html(
    library: Library,
    data_url: str,
    script_url: str,
    base_url: str,
    *,
    templates: PartTemplates,
    messages: Messages | None = None,
) -> str:
    """The page body: the filter form the script fills, and the full list for readers without
    JavaScript; in the language of `messages` (by default the templates' own)."""
    messages = messages or templates.messages
    # Compact on purpose, and capped: the full list of a big library lives on the
    # paginated listing pages, and this page stays under 1 MB at any size.
    capped = len(library.items) > NO_SCRIPT_LIMIT
    listed = newest_first(library.items, messages=messages)[:NO_SCRIPT_LIMIT] if capped else items_sorted(library.items)
    return templates.render(
        "luettelo",
        data_url=data_url,
        script_url=script_url,
        base_url=base_url,
        total=len(library.items),
        shown=len(listed) if capped else None,
        listed=[(item.title, base_url + _item_url(item), other_language(item, messages=messages)) for item in listed],
        kind_links=[(messages.say(kind.plural).lower(), base_url + kind.folder + "/") for kind in Kind],
    )
