"""What every index page is made of: listings split into pages of LISTING_PAGE_SIZE
items with a pager, newest first or grouped by kind, and items grouped by a key."""

from __future__ import annotations

import dataclasses
import functools
import html
import re
from collections import defaultdict
from collections.abc import Callable, Iterable

from kirjasto.content.freshness import Freshness
from kirjasto.content.library import items_sorted
from kirjasto.content.messages import Messages, _
from kirjasto.content.model import Item, Kind
from kirjasto.content.text import escape_markdown, finnish_sort_key
from kirjasto.site.pages.listing import FINNISH, grouped_by_kind, listing_html, newest_first
from kirjasto.site.pages.page import LazyParts, Page, html_marker, link, with_front_matter
from kirjasto.site.parts import PartTemplates

Groups = defaultdict[str, list[Item]]
"""Items by a key they carry (a municipality's name, a region's code...)."""


@dataclasses.dataclass(frozen=True)
class Listings:
    """What every listing page needs besides its items."""

    freshness: Freshness | None
    templates: PartTemplates
    messages: Messages = FINNISH
    """The language of the pages' words."""


LISTING_PAGE_SIZE = 200
"""Items per listing page: a page stays far below 1 MB at any library size."""


def page_src(src: str, number: int) -> str:
    """Source path of page `number` of a listing: `teemat/steam.md` -> `teemat/steam/sivu-2.md`,
    `kaytannot/index.md` -> `kaytannot/sivu-2.md`."""
    if number == 1:
        return src
    folder = src.removesuffix("index.md") if src.endswith("index.md") else src.removesuffix(".md") + "/"
    return f"{folder}sivu-{number}.md"


def _pager(src: str, number: int, count: int, messages: Messages) -> str:
    if count == 1:
        return ""
    say = messages.say

    def to(n: int, text: str) -> str:
        return f"[{text}]({link(page_src(src, number), page_src(src, n))})"

    first, previous, following, last = say(_("Ensimmäinen")), say(_("Edellinen")), say(_("Seuraava")), say(_("Viimeinen"))
    parts = []
    if number > 1:
        parts += [to(1, f"« {first}"), to(number - 1, f"‹ {previous}")]
    parts.append("**" + say(_("Sivu {number} / {count}"), number=number, count=count) + "**")
    if number < count:
        parts += [to(number + 1, f"{following} ›"), to(count, f"{last} »")]
    return " · ".join(parts) + "\n{: .kk-sivutus }\n"


def listing_pages(
    src: str,
    title: str,
    intro: str | Callable[[str], str],
    items: Iterable[Item],
    *,
    listings: Listings,
    newest: bool = False,
    lead: str = "",
) -> list[Page]:
    """A listing split into pages of LISTING_PAGE_SIZE: newest first, or grouped by kind.
    `intro` is text, or a function of the page's own path when it holds links (later
    pages sit one folder deeper); `lead` is Markdown shown before the list on the
    first page (links in it are relative to `src`)."""
    intro_for = intro if callable(intro) else (lambda here: intro)
    messages = listings.messages
    items = list(items)
    if not items:
        empty = grouped_by_kind([], src, messages=messages)
        return [index_page(src, title, intro_for(src), "\n\n".join(filter(None, (lead, empty))))]
    totals = {kind: sum(1 for item in items if item.kind is kind) for kind in Kind}
    ordered = (
        newest_first(items, messages=messages)
        if newest
        else [i for kind in Kind for i in items_sorted([x for x in items if x.kind is kind])]
    )
    chunks = [ordered[start : start + LISTING_PAGE_SIZE] for start in range(0, len(ordered), LISTING_PAGE_SIZE)]
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        here = page_src(src, number)
        pager = _pager(src, number, len(chunks), messages)
        parts: dict[str, Callable[[], str]] = {}
        if newest:
            parts["kaikki"] = functools.partial(
                listing_html, chunk, here, listings.freshness, templates=listings.templates, messages=messages
            )
            heading = messages.plural("{count} kuvaus, uusimmat ensin", "{count} kuvausta, uusimmat ensin", len(items))
            body = f"## {heading}\n\n{html_marker('kaikki')}"
        else:
            sections = []
            for kind in Kind:
                of_kind = [item for item in chunk if item.kind is kind]
                if of_kind:
                    parts[kind.folder] = functools.partial(
                        listing_html, of_kind, here, listings.freshness, templates=listings.templates, messages=messages
                    )
                    sections.append(f"## {messages.say(kind.plural)} ({totals[kind]})\n\n{html_marker(kind.folder)}")
            body = "\n\n".join(sections)
        page_title = title if number == 1 else messages.say(_("{title} (sivu {number})"), title=title, number=number)
        first = lead if number == 1 else ""
        page = index_page(here, page_title, intro_for(here), "\n\n".join(part for part in (first, pager, body, pager) if part))
        pages.append(dataclasses.replace(page, html_parts=LazyParts(parts), updated=max(item.updated for item in chunk)))
    return pages


def index_page(src: str, title: str, intro: str, body: str) -> Page:
    markdown = f"# {escape_markdown(title)}\n\n{intro}\n\n{body}"
    return Page(src_uri=src, title=title, markdown=with_front_matter(title, intro_description(intro), markdown))


def intro_description(intro: str) -> str:
    """The page description for search engines: the intro without Markdown links."""
    plain = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", intro)
    return html.unescape(plain.replace("\\", ""))


def group_items(items: Iterable[Item], keys_of: Callable[[Item], Iterable[str]]) -> Groups:
    """Items by each key they carry, keys in first-seen order, items in input order."""
    groups: defaultdict[str, list[Item]] = defaultdict(list)
    for item in sorted(items, key=lambda i: finnish_sort_key(i.title)):
        for key in keys_of(item):
            groups[key].append(item)
    return groups
