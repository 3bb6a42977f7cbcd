"""Observers that a body's render adds to Python-Markdown: they change nothing in
the output but record what validation needs to judge it.

- raw HTML that Python-Markdown passes through (blocks and inline tags);
- attributes that `{: ...}` attribute lists set;
- links to other items (`../verkostot/nimi.md`), which become page addresses as
  MkDocs would make them;
- how deeply elements nest.
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from typing import TypeVar
from urllib.parse import urlsplit

import markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import HTML_RE, HtmlInlineProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import Registry

from kirjasto.content.model import ItemLink, Kind
from kirjasto.content.urls import url_of

_ITEM_PATH = re.compile(r"^(?P<folder>[a-z]+)/(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)\.md$")
_KIND_FOLDERS = frozenset(kind.folder for kind in Kind)

_Processor = TypeVar("_Processor")


@dataclass
class Observations:
    """What the observers saw during one render (`render.RenderedBody` tells what each is)."""

    raw_html: list[str] = field(default_factory=list)
    attribute_lists: list[tuple[str, str, str]] = field(default_factory=list)
    item_links: list[ItemLink] = field(default_factory=list)
    depth: int = 0
    src_uri: str = ""
    """The docs-tree path of the page being rendered, for resolving item links."""

    def start(self, src_uri: str) -> None:
        self.raw_html, self.attribute_lists, self.item_links = [], [], []
        self.depth, self.src_uri = 0, src_uri


class Observers(Extension):
    """Registers the observers and the item-link resolver on a Markdown instance."""

    def __init__(self, seen: Observations) -> None:
        super().__init__()
        self.seen = seen

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        if "html_block" in md.preprocessors:
            blocks = _RecordingHtmlBlocks(md.preprocessors["html_block"], self.seen, md)
            md.preprocessors.register(blocks, "html_block", _priority(md.preprocessors, "html_block"))
        md.inlinePatterns.register(_RecordingInlineHtml(HTML_RE, md, self.seen), "html", 90)
        if "attr_list" in md.treeprocessors:
            attributes = _RecordingAttributeLists(md.treeprocessors["attr_list"], self.seen, md)
            md.treeprocessors.register(attributes, "attr_list", _priority(md.treeprocessors, "attr_list"))
        md.treeprocessors.register(_ItemLinks(self.seen, md), "kirjasto_item_links", 1)
        md.treeprocessors.register(_Depth(self.seen, md), "kirjasto_depth", -10)


def _priority(registry: Registry[_Processor], name: str) -> float:
    """The priority a processor was registered with, so that its recording stand-in
    takes its place in the same order."""
    # Python-Markdown's Registry has no public way to read a priority; 3.x keeps them in `_priority`.
    priority: float = registry._priority[registry.get_index_for_name(name)].priority  # type: ignore[attr-defined]
    return priority


class _RecordingHtmlBlocks(Preprocessor):
    """The site's raw-HTML block preprocessor, unchanged, noting what it passed through."""

    def __init__(self, original: Preprocessor, seen: Observations, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.original = original
        self.seen = seen

    def run(self, lines: list[str]) -> list[str]:
        stash = self.md.htmlStash.rawHtmlBlocks
        before = len(stash)
        result = self.original.run(lines)
        for block in stash[before:]:
            self.seen.raw_html.append(block if isinstance(block, str) else _element_start(block))
        return result


def _element_start(element: etree.Element) -> str:
    attributes = "".join(f' {key}="{value}"' for key, value in element.attrib.items())
    return f"<{element.tag}{attributes}>"


class _RecordingInlineHtml(HtmlInlineProcessor):
    """Python-Markdown's inline raw-HTML pattern, unchanged, noting each tag."""

    def __init__(self, pattern: str, md: markdown.Markdown, seen: Observations) -> None:
        super().__init__(pattern, md)
        self.seen = seen

    # Typed as InlineProcessor's; Markdown's own stubs ignore that it differs from Pattern's.
    def handleMatch(  # type: ignore[override]
        self, m: re.Match[str], data: str
    ) -> tuple[etree.Element | str | None, int | None, int | None]:
        self.seen.raw_html.append(m.group(1))
        return super().handleMatch(m, data)


class _RecordingAttributeLists(Treeprocessor):
    """The attr_list treeprocessor, unchanged, noting every attribute it set."""

    def __init__(self, original: Treeprocessor, seen: Observations, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.original = original
        self.seen = seen

    def run(self, doc: etree.Element) -> None:
        before = {id(element): dict(element.attrib) for element in doc.iter()}
        self.original.run(doc)
        for element in doc.iter():
            earlier = before.get(id(element), {})
            for key, value in element.attrib.items():
                if earlier.get(key) != value:
                    self.seen.attribute_lists.append((str(element.tag), key, value))


class _ItemLinks(Treeprocessor):
    """Links to other items' files become their page addresses, as MkDocs would make
    them; other relative addresses are left for the sanitiser to refuse."""

    def __init__(self, seen: Observations, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.seen = seen

    def run(self, doc: etree.Element) -> None:
        for element in doc.iter("a"):
            written = element.get("href")
            resolved = resolve_item_link(written or "", self.seen.src_uri)
            if resolved is not None:
                element.set("href", resolved.href)
                self.seen.item_links.append(resolved)


def resolve_item_link(written: str, src_uri: str) -> ItemLink | None:
    """The item a relative address points to from the page of `src_uri`: written as the
    item's file (`../verkostot/nimi.md`) or as its page (`../../verkostot/nimi/`). Both
    are checked against the library, so a page address cannot point past it."""
    parts = urlsplit(written)
    if parts.scheme or parts.netloc or parts.path.startswith("/"):
        return None
    if parts.path.endswith(".md"):
        target = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), parts.path))
    elif parts.path.endswith("/"):
        page = posixpath.normpath(posixpath.join(url_of(src_uri), parts.path))
        target = page + ".md"
    else:
        return None
    match = _ITEM_PATH.match(target)
    if match is None or match.group("folder") not in _KIND_FOLDERS:
        return None
    # Always through the site root (../../verkostot/nimi/), never a shorter relative
    # form: the sanitiser's allow-list admits item addresses only in this shape.
    href = "../" * url_of(src_uri).count("/") + url_of(target) + (f"#{parts.fragment}" if parts.fragment else "")
    return ItemLink(slug=match.group("slug"), folder=match.group("folder"), written=written, href=href)


class _Depth(Treeprocessor):
    """Records how deeply elements nest (iteratively: the tree may be very deep)."""

    def __init__(self, seen: Observations, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.seen = seen

    def run(self, doc: etree.Element) -> None:
        deepest, stack = 0, [(doc, 0)]
        while stack:
            element, depth = stack.pop()
            deepest = max(deepest, depth)
            stack.extend((child, depth + 1) for child in element)
        self.seen.depth = deepest
