"""Render a contributed body with the site's own Markdown configuration.

This is the one parser: validation judges what this returns, and the item page
shows it (after the sanitiser, which for an accepted body changes nothing). The
renderer adds only observers that change nothing in the output:

- raw HTML that Python-Markdown passes through (blocks and inline tags) is
  recorded, so that validation can refuse it and name it;
- attributes that `{: ...}` attribute lists set are recorded the same way;
- links to other items (`../verkostot/nimi.md`) become page addresses, as MkDocs
  would make them, and are recorded so that the library can check they exist.

Rendering has a budget of CPU time: some inputs make Python-Markdown quadratic
(thousands of `[`), and one file must not hold a build for minutes.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import posixpath
import re
import signal
import threading
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import HTML_RE, HtmlInlineProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from kirjasto.content.markdown_config import MarkdownConfig
from kirjasto.content.model import ItemLink, Kind
from kirjasto.content.urls import url_of

RENDER_BUDGET_SECONDS = 1.0
"""CPU time one body may take to render in `kirjasto validate` (what a contributor
and the pull-request check see). A long real description (6 KB) takes about 5 ms and
250 KB of dense Markdown about 0.4 s; what takes longer is built to be slow."""
BUILD_RENDER_BUDGET_SECONDS = 3.0
"""The same limit in a build (the MkDocs hook, `kirjasto generate`): three times as
much, so that CPU time measured on a busier machine cannot refuse in the build a
body that `kirjasto validate` accepted near the limit."""
MAX_NESTING = 24
"""Elements inside each other in a body; a list nested twelve levels deep is 24."""

_ITEM_PATH = re.compile(r"^(?P<folder>[a-z]+)/(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)\.md$")
_KIND_FOLDERS = frozenset(kind.folder for kind in Kind)


@dataclass
class RenderedBody:
    html: str
    """Exactly what Python-Markdown made of the body with the site's configuration."""
    raw_html: list[str] = field(default_factory=list)
    """HTML written in the body that the parser passed through, as written."""
    attribute_lists: list[tuple[str, str, str]] = field(default_factory=list)
    """(tag, attribute, value) set by `{: ...}` attribute lists."""
    item_links: list[ItemLink] = field(default_factory=list)
    depth: int = 0
    """Deepest nesting of elements."""


class RenderError(Exception):
    """The body cannot be rendered within the limits; `reason` is `slow` or `deep`."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass
class _Observations:
    """What the observers saw during one render."""

    raw_html: list[str] = field(default_factory=list)
    attribute_lists: list[tuple[str, str, str]] = field(default_factory=list)
    item_links: list[ItemLink] = field(default_factory=list)
    depth: int = 0
    src_uri: str = ""

    def start(self, src_uri: str) -> None:
        self.raw_html, self.attribute_lists, self.item_links = [], [], []
        self.depth, self.src_uri = 0, src_uri


class BodyRenderer:
    """Python-Markdown with a site's configuration, reused for every body."""

    def __init__(self, config: MarkdownConfig | None = None, budget_seconds: float = RENDER_BUDGET_SECONDS) -> None:
        self.config = config or MarkdownConfig()
        self.budget_seconds = budget_seconds
        self._markdown: markdown.Markdown | None = None
        self._seen = _Observations()

    def __getstate__(self) -> dict:
        # Worker processes build their own Markdown instance.
        return {"config": self.config, "budget_seconds": self.budget_seconds}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["config"], state["budget_seconds"])

    def _instance(self) -> markdown.Markdown:
        if self._markdown is None:
            md = markdown.Markdown(extensions=list(self.config.extensions), extension_configs=self.config.configs)
            _Observers(self._seen).extendMarkdown(md)
            self._markdown = md
        return self._markdown

    def render(self, text: str, *, src_uri: str) -> RenderedBody:
        """The body's HTML and what the observers saw. Raises `RenderError`.

        The budget is a timer signal, which only the main thread can receive;
        called from another thread, the body renders in a child process that is
        stopped when the budget is spent."""
        if threading.current_thread() is not threading.main_thread():
            return _render_in_child_process(self, text, src_uri)
        return self._render_here(text, src_uri)

    def _render_here(self, text: str, src_uri: str) -> RenderedBody:
        md = self._instance()
        md.reset()
        self._seen.start(src_uri)
        try:
            with _cpu_budget(self.budget_seconds):
                html = md.convert(text)
        except (_OverBudget, RecursionError) as error:
            # A render cut short leaves the instance half-way: start afresh next time.
            self._markdown = None
            raise RenderError("slow" if isinstance(error, _OverBudget) else "deep") from None
        if self._seen.depth > MAX_NESTING:
            raise RenderError("deep")
        return RenderedBody(
            html=html,
            raw_html=list(self._seen.raw_html),
            attribute_lists=list(self._seen.attribute_lists),
            item_links=list(self._seen.item_links),
            depth=self._seen.depth,
        )


# --- the CPU budget ------------------------------------------------------------


class _OverBudget(BaseException):
    """Raised by the timer signal; a BaseException so that no `except Exception` in
    an extension can swallow it."""


_REPEAT_SECONDS = 0.05
"""After the budget, the timer fires again at this interval: an exception raised
where Python cannot pass it on (a finaliser, a callback whose errors are ignored)
is lost, and the next one stops the render."""


@dataclass
class _Budget:
    spent: bool = False
    """Set when the timer first fired: the render is refused even if every raise was lost."""

    def on_timer(self, signum, frame):
        self.spent = True
        raise _OverBudget()


@contextlib.contextmanager
def _cpu_budget(seconds: float):
    """Stop the enclosed code after `seconds` of CPU time, user and system (SIGPROF, main thread only)."""
    if not hasattr(signal, "setitimer"):
        yield
        return
    budget = _Budget()
    previous = signal.signal(signal.SIGPROF, budget.on_timer)
    signal.setitimer(signal.ITIMER_PROF, seconds, _REPEAT_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
    if budget.spent:
        raise _OverBudget()


def _render_in_child_process(renderer: BodyRenderer, text: str, src_uri: str) -> RenderedBody:
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_render_and_send, args=(renderer, text, src_uri, sender), daemon=True)
    child.start()
    sender.close()
    try:
        # Wall-clock wait with room for a slow machine; the child has its own CPU budget.
        if not receiver.poll(renderer.budget_seconds * 5 + 2):
            raise RenderError("slow")
        try:
            outcome = receiver.recv()
        except EOFError:
            # The child died (e.g. out of memory) before it could answer.
            raise RenderError("slow") from None
    finally:
        child.kill()
        child.join()
    if isinstance(outcome, RenderError):
        raise outcome
    return outcome


def _render_and_send(renderer: BodyRenderer, text: str, src_uri: str, sender) -> None:
    try:
        sender.send(renderer._render_here(text, src_uri))
    except RenderError as error:
        sender.send(error)


# --- observers -----------------------------------------------------------------


class _Observers(Extension):
    """Registers the observers and the item-link resolver on a Markdown instance."""

    def __init__(self, seen: _Observations) -> None:
        super().__init__()
        self.seen = seen

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        if "html_block" in md.preprocessors:
            original = md.preprocessors["html_block"]
            priority = md.preprocessors._priority[md.preprocessors.get_index_for_name("html_block")].priority
            md.preprocessors.register(_RecordingHtmlBlocks(original, self.seen, md), "html_block", priority)
        md.inlinePatterns.register(_RecordingInlineHtml(HTML_RE, md, self.seen), "html", 90)
        if "attr_list" in md.treeprocessors:
            original = md.treeprocessors["attr_list"]
            priority = md.treeprocessors._priority[md.treeprocessors.get_index_for_name("attr_list")].priority
            md.treeprocessors.register(_RecordingAttributeLists(original, self.seen, md), "attr_list", priority)
        md.treeprocessors.register(_ItemLinks(self.seen, md), "kirjasto_item_links", 1)
        md.treeprocessors.register(_Depth(self.seen, md), "kirjasto_depth", -10)


class _RecordingHtmlBlocks(Preprocessor):
    """The site's raw-HTML block preprocessor, unchanged, noting what it passed through."""

    def __init__(self, original: Preprocessor, seen: _Observations, md: markdown.Markdown) -> None:
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

    def __init__(self, pattern: str, md: markdown.Markdown, seen: _Observations) -> None:
        super().__init__(pattern, md)
        self.seen = seen

    def handleMatch(self, m, data):
        self.seen.raw_html.append(m.group(1))
        return super().handleMatch(m, data)


class _RecordingAttributeLists(Treeprocessor):
    """The attr_list treeprocessor, unchanged, noting every attribute it set."""

    def __init__(self, original: Treeprocessor, seen: _Observations, md: markdown.Markdown) -> None:
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

    def __init__(self, seen: _Observations, md: markdown.Markdown) -> None:
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

    def __init__(self, seen: _Observations, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.seen = seen

    def run(self, doc: etree.Element) -> None:
        deepest, stack = 0, [(doc, 0)]
        while stack:
            element, depth = stack.pop()
            deepest = max(deepest, depth)
            stack.extend((child, depth + 1) for child in element)
        self.seen.depth = deepest
