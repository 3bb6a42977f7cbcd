"""Markdown for lists of items, shared by every index page."""

from __future__ import annotations

from collections.abc import Iterable

from kirjasto.content.freshness import Freshness
from kirjasto.content.library import items_sorted
from kirjasto.content.messages import Messages, _, messages_in
from kirjasto.content.model import Item, Kind
from kirjasto.content.text import escape_markdown, format_date_fi
from kirjasto.site.pages.page import link, url_link
from kirjasto.site.pages.paths import CONTRIBUTE, item_src
from kirjasto.site.parts import PartTemplates

FINNISH = messages_in()
"""The messages of the Finnish pages: the default of every function that writes words."""


def places_label(item: Item, *, messages: Messages = FINNISH) -> str:
    """Where the item applies: its municipalities, else its regions, else national."""
    language = messages.language
    if item.municipalities:
        return ", ".join(m.shown_in(language) for m in item.municipalities)
    if item.regions:
        return ", ".join(messages.say(_("{name} (maakunta)"), name=r.name_in(language)) for r in item.regions)
    return messages.say(_("Valtakunnallinen"))


def facts_label(item: Item, *, messages: Messages = FINNISH) -> str:
    """What the item's date in a listing means: 'Tarkistettu 1.2.2026', 'Lähde 2017'
    or 'Kirjoitettu 24.11.2026' (never a check that did not happen)."""
    if item.checked:
        return messages.say(_("Tarkistettu {date}"), date=format_date_fi(item.checked))
    if item.source and item.source.published:
        published = item.source.published
        return messages.say(_("Lähde {date}"), date=format_date_fi(published.day) if published.day else published.year)
    return messages.say(_("Kirjoitettu {date}"), date=format_date_fi(item.written or item.updated))


def _meta_parts(item: Item, messages: Messages) -> list[str]:
    parts = [
        messages.say(item.kind.label),
        places_label(item, messages=messages),
        ", ".join(level.name_in(messages.language) for level in item.levels),
    ]
    if item.status_label:
        parts.append(messages.say(item.status_label))
    parts.append(facts_label(item, messages=messages))
    return parts


def item_meta_line(item: Item, *, messages: Messages = FINNISH) -> str:
    """'Verkosto · Helsinki · Perusopetus · Tilanne ei tiedossa · Lähde 27.10.2017'."""
    return " · ".join(escape_markdown(part) for part in _meta_parts(item, messages))


IN_OTHER_LANGUAGE = {"sv": _("ruotsiksi"), "fi": _("suomeksi")}
"""The note after an item written in another language than the page's: 'ruotsiksi'."""


def other_language(item: Item, *, messages: Messages = FINNISH) -> str | None:
    """The item's language when it is not the page's (the language of `messages`): its
    title and summary are marked with it (`lang`), so that screen readers read them in
    that language (WCAG 3.1.2)."""
    return item.language if item.language != messages.language else None


def in_other_language(language: str, messages: Messages) -> str:
    """The note after such an item, in the page's language: 'ruotsiksi'."""
    return messages.say(IN_OTHER_LANGUAGE[language])


def in_page_language_first(items: Iterable[Item], *, messages: Messages = FINNISH) -> list[Item]:
    """Items written in the page's language first, then the others (a stable sort)."""
    return sorted(items, key=lambda item: item.language != messages.language)


STALE_NOTICE = _("Tiedot voivat olla vanhentuneita – tiedätkö tilanteen?")
PROPOSE_CHANGE = _("Ehdota muutosta")


def shows_stale_notice(item: Item, freshness: Freshness | None) -> bool:
    """Whether the item's page and listing entries say its facts may be out of date."""
    return freshness is not None and freshness.is_stale(item)


def item_entry(
    item: Item, from_src: str, heading_level: int = 3, freshness: Freshness | None = None, *, messages: Messages = FINNISH
) -> str:
    """One item in a listing: linked title as a heading, summary, metadata line, and
    the out-of-date notice when its facts are older than the setting."""
    hashes = "#" * heading_level
    language = other_language(item, messages=messages)
    title = f"[{escape_markdown(item.title)}]({link(from_src, item_src(item))})"
    summary = escape_markdown(item.summary)
    if language:
        title += f'{{: lang="{language}" }} ({in_other_language(language, messages)})'
        summary += f'\n{{: lang="{language}" }}'
    entry = f"{hashes} {title}\n\n{summary}\n\n{item_meta_line(item, messages=messages)}\n{{: .kk-meta }}\n"
    if freshness is not None and shows_stale_notice(item, freshness):
        edit = freshness.edit_url(item)
        action = f" [{messages.say(PROPOSE_CHANGE)}]({edit})" if edit else ""
        entry += f"\n{messages.say(STALE_NOTICE)}{action}\n{{: .kk-vanhentunut-rivi }}\n"
    return entry


def listing_html(
    items: Iterable[Item],
    from_src: str,
    freshness: Freshness | None,
    *,
    templates: PartTemplates,
    messages: Messages | None = None,
) -> str:
    """Entries like `item_entry`'s, as one HTML part (see Page.html_parts), in the
    language of `messages` (by default the templates' own)."""
    messages = messages or templates.messages
    entries = []
    for item in items:
        stale = shows_stale_notice(item, freshness)
        language = other_language(item, messages=messages)
        entries.append(
            {
                "item": item,
                "href": url_link(from_src, item_src(item)),
                "meta": _meta_parts(item, messages),
                "stale": stale,
                "edit_url": freshness.edit_url(item) if stale and freshness else None,
                "lang": language,
                "note": in_other_language(language, messages) if language else None,
            }
        )
    return templates.render("listaus", entries=entries, notice=messages.say(STALE_NOTICE), action=messages.say(PROPOSE_CHANGE))


def items_count(count: int, *, messages: Messages = FINNISH) -> str:
    """'1 kuvaus', '10 000 kuvausta'."""
    return messages.plural("{count} kuvaus", "{count} kuvausta", count)


def newest_first(items: Iterable[Item], *, messages: Messages = FINNISH) -> list[Item]:
    return in_page_language_first(
        sorted(items_sorted(list(items)), key=lambda item: item.updated, reverse=True), messages=messages
    )


def grouped_by_kind(items: Iterable[Item], from_src: str, *, messages: Messages = FINNISH) -> str:
    """Items under one heading per kind, each group in Finnish alphabetical order."""
    items = list(items)
    if not items:
        none_yet = messages.say(_("Täällä ei ole vielä yhtään kuvausta."))
        propose = messages.say(_("Ehdota omaa kuvausta"))
        return f"{none_yet} [{propose}]({link(from_src, CONTRIBUTE)}).\n"
    sections = []
    for kind in Kind:
        of_kind = in_page_language_first(items_sorted([item for item in items if item.kind is kind]), messages=messages)
        if of_kind:
            entries = "\n".join(item_entry(item, from_src, messages=messages) for item in of_kind)
            sections.append(f"## {messages.say(kind.plural)} ({len(of_kind)})\n\n{entries}")
    return "\n".join(sections)
