"""Markdown for lists of items, shared by every index page."""

from __future__ import annotations

import html
from collections.abc import Iterable

from ..library import items_sorted
from ..model import Item, Kind
from ..text import count_phrase, escape_markdown, format_date_fi
from .page import link, url_link
from .paths import CONTRIBUTE, item_src


def places_label(item: Item) -> str:
    """Where the item applies: its municipalities, else its regions, else national."""
    if item.municipalities:
        return ", ".join(m.name for m in item.municipalities)
    if item.regions:
        return ", ".join(f"{r.name} (maakunta)" for r in item.regions)
    return "Valtakunnallinen"


def _meta_parts(item: Item) -> list[str]:
    parts = [item.kind.label, places_label(item), ", ".join(level.name for level in item.levels)]
    if item.status_label:
        parts.append(item.status_label)
    parts.append(f"Päivitetty {format_date_fi(item.updated)}")
    return parts


def item_meta_line(item: Item) -> str:
    """'Verkosto · Helsinki · Perusopetus · Käytössä · Päivitetty 24.11.2026'."""
    return " · ".join(escape_markdown(part) for part in _meta_parts(item))


def item_entry(item: Item, from_src: str, heading_level: int = 3) -> str:
    """One item in a listing: linked title as a heading, summary, metadata line."""
    hashes = "#" * heading_level
    return (
        f"{hashes} [{escape_markdown(item.title)}]({link(from_src, item_src(item))})\n\n"
        f"{escape_markdown(item.summary)}\n\n"
        f"{item_meta_line(item)}\n{{: .kk-meta }}\n"
    )


def item_entry_html(item: Item, from_src: str) -> str:
    """The same entry as `item_entry`, written as HTML (see Page.html_parts)."""
    meta = " · ".join(html.escape(part) for part in _meta_parts(item))
    return (
        f'<h3><a href="{html.escape(url_link(from_src, item_src(item)))}">{html.escape(item.title)}</a></h3>'
        f"<p>{html.escape(item.summary)}</p>"
        f'<p class="kk-meta">{meta}</p>'
    )


def items_count(count: int) -> str:
    return count_phrase(count, "kuvaus", "kuvausta")


def newest_first(items: Iterable[Item]) -> list[Item]:
    return sorted(items_sorted(list(items)), key=lambda item: item.updated, reverse=True)


def grouped_by_kind(items: Iterable[Item], from_src: str) -> str:
    """Items under one heading per kind, each group in Finnish alphabetical order."""
    items = list(items)
    if not items:
        return f"Täällä ei ole vielä yhtään kuvausta. [Ehdota omaa kuvausta]({link(from_src, CONTRIBUTE)}).\n"
    sections = []
    for kind in Kind:
        of_kind = items_sorted([item for item in items if item.kind is kind])
        if of_kind:
            entries = "\n".join(item_entry(item, from_src) for item in of_kind)
            sections.append(f"## {kind.plural} ({len(of_kind)})\n\n{entries}")
    return "\n".join(sections)
