from __future__ import annotations

import datetime
import html
import json
import posixpath
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field

from kirjasto.content.urls import url_link, url_of

__all__ = [
    "Page",
    "front_matter_and_body",
    "html_marker",
    "link",
    "page_meta",
    "url_from_page",
    "url_link",
    "url_of",
    "with_front_matter",
]


@dataclass(frozen=True)
class Page:
    """One generated page, as an engine would find it in a docs folder."""

    src_uri: str
    """Path in the docs tree, e.g. `teemat/steam.md`."""
    title: str
    markdown: str
    """Complete Markdown including a front matter with title and description."""
    html_parts: Mapping[str, str] = field(default_factory=dict, compare=False)
    """Pre-rendered HTML for markers `<!-- kk-html:NAME -->` in `markdown`: long item
    lists skip Markdown's inline processing (the largest cost of a big build), and
    item bodies are shown exactly as validation judged them. Each part is one
    element (a `<div>`, `<section>` or `<ul>`). `with_html_parts` gives plain
    Markdown with the HTML in place, for any engine."""
    updated: datetime.date | None = field(default=None, compare=False)
    """When the page's content last changed (an item's last edit; a listing's newest
    item), for the sitemap; None when it has no date of its own."""

    def with_html_parts(self) -> str:
        """The Markdown with every part written as one raw HTML block on one line:
        Python-Markdown's preprocessors (fenced code among them) work line by line
        before raw HTML is set aside, so no line of a part may start inside it
        (`&#10;` is a line break to the browser, inside `<pre>` too)."""
        one_line = {name: part.replace("\r", "").replace("\n", "&#10;") for name, part in self.html_parts.items()}
        return put_html_parts(self.markdown, one_line)

    @property
    def url(self) -> str:
        return url_of(self.src_uri)


def link(from_src_uri: str, to_src_uri: str) -> str:
    """Relative link between two docs-tree files, as Markdown writes it."""
    return posixpath.relpath(to_src_uri, posixpath.dirname(from_src_uri) or ".")


def page_meta(title: str, description: str | None) -> dict[str, str]:
    """A generated page's metadata: title and description, HTML-escaped, because MkDocs
    renders templates without autoescaping and the theme puts them inside `<title>`
    and a `content="..."` attribute."""
    meta = {"title": html.escape(title)}
    if description:
        meta["description"] = html.escape(description)
    return meta


def with_front_matter(title: str, description: str | None, body: str) -> str:
    """Prefix Markdown with a front matter holding only title and description (`page_meta`)."""
    lines = [f"{key}: {yaml_string(value)}" for key, value in page_meta(title, description).items()]
    return "---\n" + "\n".join(lines) + f"\n---\n\n{body.rstrip()}\n"


_YAML_LINE_BREAKS = str.maketrans({"\u0085": "\\N", "\u2028": "\\L", "\u2029": "\\P"})
_NOT_YAML_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""What a YAML reader refuses to read even inside quotes (PyYAML's `check_printable`)."""


def yaml_string(text: str) -> str:
    """`text` as a YAML double-quoted scalar, written directly (PyYAML's dumper is pure
    Python and was a tenth of page planning): JSON's string syntax is valid YAML, and
    the three characters YAML alone reads as line breaks get YAML's own escapes, and
    characters YAML cannot hold at all are written as escapes."""
    quoted = json.dumps(text, ensure_ascii=False).translate(_YAML_LINE_BREAKS)
    return _NOT_YAML_PRINTABLE.sub(lambda match: f"\\u{ord(match.group(0)):04x}", quoted)


def front_matter_and_body(markdown: str) -> tuple[str, str]:
    """A page's Markdown (as `with_front_matter` writes it) split into its front matter
    block and the Markdown an engine reads after it."""
    front, separator, body = markdown.partition("\n---\n\n")
    return front + separator, body


def url_from_page(src_uri: str, site_path: str) -> str:
    """A site file's URL relative to the directory-style URL of the page built from `src_uri`."""
    depth = url_of(src_uri).count("/")
    return "../" * depth + site_path


def html_marker(name: str) -> str:
    return f"<!-- kk-html:{name} -->"


# A marker counts only on a line of its own, as the library writes it: words a
# contributor typed (a heading's code, say) can never stand alone on a line.
_HTML_MARKER = re.compile(r"^<!-- kk-html:([a-z0-9-]+) -->$", re.MULTILINE)


class LazyParts(Mapping[str, str]):
    """HTML parts made when they are read: a listing's entries are rendered only when
    its page is written, so that a large build never holds every listing's HTML at
    once (at 10,000 items, about 66 MB) and a second build process does not inherit it."""

    def __init__(self, makers: dict[str, Callable[[], str]]) -> None:
        self._makers = makers

    def __getitem__(self, name: str) -> str:
        return self._makers[name]()

    def __iter__(self) -> Iterator[str]:
        return iter(self._makers)

    def __len__(self) -> int:
        return len(self._makers)


def put_html_parts(text: str, parts: Mapping[str, str]) -> str:
    """Every marker replaced by its part, in one pass over the text (a long body has
    thousands of parts; replacing them one by one would read the page thousands of times)."""
    if not parts:
        return text
    return _HTML_MARKER.sub(lambda match: parts.get(match.group(1), match.group(0)), text)
