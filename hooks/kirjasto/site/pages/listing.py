"""Markdown for lists of items, shared by every index page."""

from __future__ import annotations

from collections.abc import Iterable

from kirjasto.content.freshness import Freshness
from kirjasto.content.library import items_sorted
from kirjasto.content.model import Item, Kind
from kirjasto.content.text import count_phrase, escape_markdown, format_date_fi
from kirjasto.site.pages.page import link, url_link
from kirjasto.site.pages.paths import CONTRIBUTE, item_src
from kirjasto.site.parts import PartTemplates


def places_label(item: Item) -> str:
    """Where the item applies: its municipalities, else its regions, else national."""
    if item.municipalities:
        return ", ".join(m.display_name for m in item.municipalities)
    if item.regions:
        return ", ".join(f"{r.name} (maakunta)" for r in item.regions)
    return "Valtakunnallinen"


def facts_label(item: Item) -> str:
    """What the item's date in a listing means: 'Tarkistettu 1.2.2026', 'Lähde 2017'
    or 'Kirjoitettu 24.11.2026' (never a check that did not happen)."""
    if item.checked:
        return f"Tarkistettu {format_date_fi(item.checked)}"
    if item.source and item.source.published:
        published = item.source.published
        return f"Lähde {format_date_fi(published.day) if published.day else published.year}"
    return f"Kirjoitettu {format_date_fi(item.written or item.updated)}"


def _meta_parts(item: Item) -> list[str]:
    parts = [item.kind.label, places_label(item), ", ".join(level.name for level in item.levels)]
    if item.status_label:
        parts.append(item.status_label)
    parts.append(facts_label(item))
    return parts


def item_meta_line(item: Item) -> str:
    """'Verkosto · Helsinki · Perusopetus · Tilanne ei tiedossa · Lähde 27.10.2017'."""
    return " · ".join(escape_markdown(part) for part in _meta_parts(item))


SITE_LANGUAGE = "fi"
"""The language of the pages these functions write."""
IN_OTHER_LANGUAGE = {"sv": "ruotsiksi"}
"""The note after an item written in another language than the page's: 'ruotsiksi'."""


def other_language(item: Item) -> str | None:
    """The item's language when it is not the page's: its title and summary are marked
    with it (`lang`), so that screen readers read them in that language (WCAG 3.1.2)."""
    return item.language if item.language != SITE_LANGUAGE else None


def in_page_language_first(items: Iterable[Item]) -> list[Item]:
    """Items written in the page's language first, then the others (a stable sort)."""
    return sorted(items, key=lambda item: item.language != SITE_LANGUAGE)


STALE_NOTICE = "Tiedot voivat olla vanhentuneita – tiedätkö tilanteen?"
PROPOSE_CHANGE = "Ehdota muutosta"


def shows_stale_notice(item: Item, freshness: Freshness | None) -> bool:
    """Whether the item's page and listing entries say its facts may be out of date."""
    return freshness is not None and freshness.is_stale(item)


def item_entry(item: Item, from_src: str, heading_level: int = 3, freshness: Freshness | None = None) -> str:
    """One item in a listing: linked title as a heading, summary, metadata line, and
    the out-of-date notice when its facts are older than the setting."""
    hashes = "#" * heading_level
    language = other_language(item)
    title = f"[{escape_markdown(item.title)}]({link(from_src, item_src(item))})"
    summary = escape_markdown(item.summary)
    if language:
        title += f'{{: lang="{language}" }} ({IN_OTHER_LANGUAGE[language]})'
        summary += f'\n{{: lang="{language}" }}'
    entry = f"{hashes} {title}\n\n{summary}\n\n{item_meta_line(item)}\n{{: .kk-meta }}\n"
    if freshness is not None and shows_stale_notice(item, freshness):
        edit = freshness.edit_url(item)
        action = f" [{PROPOSE_CHANGE}]({edit})" if edit else ""
        entry += f"\n{STALE_NOTICE}{action}\n{{: .kk-vanhentunut-rivi }}\n"
    return entry


def listing_html(items: Iterable[Item], from_src: str, freshness: Freshness | None, *, templates: PartTemplates) -> str:
    """Entries like `item_entry`'s, as one HTML part (see Page.html_parts)."""
    entries = []
    for item in items:
        stale = shows_stale_notice(item, freshness)
        entries.append(
            {
                "item": item,
                "href": url_link(from_src, item_src(item)),
                "meta": _meta_parts(item),
                "stale": stale,
                "edit_url": freshness.edit_url(item) if stale and freshness else None,
                "lang": other_language(item),
                "note": IN_OTHER_LANGUAGE.get(item.language),
            }
        )
    return templates.render("listaus", entries=entries, notice=STALE_NOTICE, action=PROPOSE_CHANGE)


def items_count(count: int) -> str:
    return count_phrase(count, "kuvaus", "kuvausta")


def newest_first(items: Iterable[Item]) -> list[Item]:
    return in_page_language_first(sorted(items_sorted(list(items)), key=lambda item: item.updated, reverse=True))


def grouped_by_kind(items: Iterable[Item], from_src: str) -> str:
    """Items under one heading per kind, each group in Finnish alphabetical order."""
    items = list(items)
    if not items:
        return f"Täällä ei ole vielä yhtään kuvausta. [Ehdota omaa kuvausta]({link(from_src, CONTRIBUTE)}).\n"
    sections = []
    for kind in Kind:
        of_kind = in_page_language_first(items_sorted([item for item in items if item.kind is kind]))
        if of_kind:
            entries = "\n".join(item_entry(item, from_src) for item in of_kind)
            sections.append(f"## {kind.plural} ({len(of_kind)})\n\n{entries}")
    return "\n".join(sections)
