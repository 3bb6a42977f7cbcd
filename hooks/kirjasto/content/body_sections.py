"""A sanitised body split at its top-level headings.

The item page shows the body's HTML as it was judged, but hands its top-level
headings back to the engine as Markdown headings, so that every engine gives
them ids and permalinks and lists them in the page's table of contents. A
heading goes back as plain Markdown: its words escaped, emphasis and code
written as Markdown (`*`, `**`) and code as a bare `<code>` tag around escaped
words, nothing else: no character a contributor typed reaches the page's Markdown
raw. Validation renders each
such heading with the site's Markdown configuration and refuses the body when
the result is not the heading it judged (`body.py`), so the engine's rendering
of a heading is judged too.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

# nh3 writes well-formed HTML with every attribute value in double quotes and
# `<`, `>` and `"` escaped inside them, so tags can be read with an expression.
TAG = re.compile(r'<(/?)([a-z][a-z0-9]*)((?:\s+[a-z-]+="[^"]*")*)\s*/?>')
_VOID = frozenset({"br", "hr", "img", "wbr"})
_HEADING = re.compile(r"^h([1-6])$")
PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)
# Characters Python-Markdown reads as markup in running text; `~` and a leading `:`
# are written as character references, because a backslash before them would show.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}#+!|<>&.()-])")
_MARKDOWN_IN_HEADING = {"em": "*", "strong": "**"}


@dataclass(frozen=True)
class BodySection:
    level: int
    """The heading's level (2 for `##`); 0 for text before the first heading."""
    heading_html: str
    """The heading's content as sanitised HTML, without its permalink."""
    html: str
    """The HTML that follows the heading, up to the next top-level heading."""

    @property
    def heading(self) -> str | None:
        """The heading as a Markdown line for the engine, or None."""
        return heading_markdown(self.level, self.heading_html) if self.level else None

    @property
    def heading_text(self) -> str:
        return " ".join(html.unescape(TAG.sub("", self.heading_html)).split())


def body_sections(body_html: str) -> list[BodySection]:
    """The body split at its top-level headings."""
    sections: list[BodySection] = []
    level, heading_html, chunk_start, depth = 0, "", 0, 0
    opened: tuple[int, int, int] | None = None
    """(level, start of the heading's tag, end of its start tag) while inside a top-level heading."""
    for match in TAG.finditer(body_html):
        closing, name = match.group(1), match.group(2)
        is_heading = _HEADING.match(name)
        if closing:
            depth -= 1
            if depth == 0 and opened is not None and is_heading:
                sections.append(BodySection(level, heading_html, _without_anchors(body_html[chunk_start : opened[1]].strip())))
                level, heading_html = opened[0], PERMALINK.sub("", body_html[opened[2] : match.start()]).strip()
                chunk_start, opened = match.end(), None
        elif name not in _VOID:
            if depth == 0 and is_heading:
                opened = (int(is_heading.group(1)), match.start(), match.end())
            depth += 1
    sections.append(BodySection(level, heading_html, _without_anchors(body_html[chunk_start:].strip())))
    return [section for section in sections if section.level or section.html]


_HEADING_ID = re.compile(r'(<h[1-6]) id="[^"]*"')


def _without_anchors(chunk: str) -> str:
    """Headings inside other blocks (a quote, a box) stay in the HTML part, where the
    engine does not see them: their ids, made without the page's other headings, could
    repeat one the engine gives, so they go, with their permalinks."""
    if "<h" not in chunk:
        return chunk
    return PERMALINK.sub("", _HEADING_ID.sub(r"\1", chunk))


def heading_markdown(level: int, inner_html: str) -> str:
    """A Markdown heading with the same words: text escaped, `<em>`/`<strong>` as
    `*`/`**`, `<code>` kept as the tag around escaped words; any other tag is left
    out (validation refuses headings with links, so none should be there)."""
    pieces, position, code_start = [], 0, None
    for match in TAG.finditer(inner_html):
        text = inner_html[position : match.start()]
        position = match.end()
        closing, name = match.group(1), match.group(2)
        if code_start is not None:
            if closing and name == "code":
                # Written as the <code> tag with escaped words, not as a code span: a
                # code span would carry the contributor's `<` and `"` into the page's
                # Markdown raw, where the engine's HTML scanner reads before Markdown.
                pieces.append("<code>" + escape_inline(inner_html[code_start : match.start()], collapse=False) + "</code>")
                code_start = None
            continue
        pieces.append(escape_inline(text))
        if name == "code" and not closing:
            code_start = match.end()
        elif name in _MARKDOWN_IN_HEADING:
            pieces.append(_MARKDOWN_IN_HEADING[name])
    if code_start is None:
        pieces.append(escape_inline(inner_html[position:]))
    return "#" * level + " " + "".join(pieces).strip()


def escape_inline(escaped_html: str, collapse: bool = True) -> str:
    """Text from sanitised HTML as Markdown that renders to exactly that text, with no
    raw `<`, `>` or `&` (entities instead) and every Markdown character escaped."""
    text = html.unescape(escaped_html).replace("\r", " ").replace("\n", " ").replace("\t", " ")
    if collapse:
        text = re.sub(" +", " ", text)
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return escaped.replace("\\&", "&amp;").replace("\\<", "&lt;").replace("\\>", "&gt;").replace("~", "&#126;")
