"""An item's sanitised body on its page.

The body was rendered and sanitised once, in validation; the page shows that
HTML. Its top-level headings are handed back to the engine as Markdown
headings (their words escaped, their inline markup kept as the sanitised tags),
so that every engine gives them ids and permalinks and lists them in the page's
table of contents; the HTML between them goes in as HTML parts, untouched by
any second Markdown pass.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from ..model import Item, Library

# nh3 writes well-formed HTML with every attribute value in double quotes and
# `<`, `>` and `"` escaped inside them, so tags can be read with an expression.
_TAG = re.compile(r'<(/?)([a-z][a-z0-9]*)((?:\s+[a-z-]+="[^"]*")*)\s*/?>')
_VOID = frozenset({"br", "hr", "img", "wbr"})
_HEADING = re.compile(r"^h([1-6])$")
_PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}#+!|~<>&-])")
UNPUBLISHED_NOTE = "(kuvaus ei ole tässä kirjastossa)"


@dataclass(frozen=True)
class BodySection:
    heading: str | None
    """A Markdown heading line (`## Tavoitteet`), or None for text before the first heading."""
    html: str
    """The HTML that follows the heading, up to the next top-level heading."""


def published_body_html(item: Item, library: Library) -> str:
    """The item's body with links to items this copy does not publish turned into
    plain text and a note (a scoped fork or a preview leaves some items out)."""
    body = item.body_html
    for link in item.item_links:
        if link.slug in library.by_slug:
            continue
        written = link.href.replace("&", "&amp;").replace('"', "&quot;")
        pattern = re.compile(r'<a href="' + re.escape(written) + r'"[^>]*>(.*?)</a>', re.DOTALL)
        body = pattern.sub(lambda match: f'{match.group(1)} <span class="kk-ei-julkaistu">{UNPUBLISHED_NOTE}</span>', body)
    return body


def body_sections(body_html: str) -> list[BodySection]:
    """The body split at its top-level headings."""
    sections: list[BodySection] = []
    heading: str | None = None
    chunk_start = 0
    depth = 0
    opened: tuple[int, int, int] | None = None
    """(level, start of the heading's tag, end of its start tag) while inside a top-level heading."""
    for match in _TAG.finditer(body_html):
        closing, name = match.group(1), match.group(2)
        level = _HEADING.match(name)
        if closing:
            depth -= 1
            if depth == 0 and opened is not None and level:
                sections.append(BodySection(heading, body_html[chunk_start:opened[1]].strip()))
                heading = heading_markdown(int(level.group(1)), body_html[opened[2]:match.start()])
                chunk_start, opened = match.end(), None
        elif name not in _VOID:
            if depth == 0 and level:
                opened = (int(level.group(1)), match.start(), match.end())
            depth += 1
    sections.append(BodySection(heading, body_html[chunk_start:].strip()))
    return [section for section in sections if section.heading is not None or section.html]


def heading_markdown(level: int, inner_html: str) -> str:
    """A Markdown heading with the same words and inline markup as the sanitised
    heading: text escaped so that Markdown takes it literally, tags kept (they are
    the sanitiser's output, and Markdown passes inline tags through)."""
    inner = _PERMALINK.sub("", inner_html)
    pieces, position = [], 0
    for match in _TAG.finditer(inner):
        pieces.append(_escape_text(inner[position:match.start()]))
        pieces.append(match.group(0))
        position = match.end()
    pieces.append(_escape_text(inner[position:]))
    return "#" * level + " " + "".join(pieces).strip()


def _escape_text(escaped_html: str) -> str:
    text = re.sub(r"\s+", " ", html.unescape(escaped_html))
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text).replace("\\&", "&amp;").replace("\\<", "&lt;").replace("\\>", "&gt;")
