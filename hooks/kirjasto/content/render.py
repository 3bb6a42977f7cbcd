"""Render a contributed body with the site's own Markdown configuration.

This is the one parser: validation judges what this returns, and the item page
shows it (after the sanitiser, which for an accepted body changes nothing). The
renderer adds only observers that change nothing in the output
(`render_observers.py`): they record raw HTML, attribute lists, links to other
items and how deeply elements nest.

Rendering has a budget of CPU time: some inputs make Python-Markdown quadratic
(thousands of `[`), and one file must not hold a build for minutes.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import signal
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from types import FrameType
from typing import TypedDict

import markdown

from kirjasto.content.markdown_config import MarkdownConfig
from kirjasto.content.model import ItemLink
from kirjasto.content.render_observers import Observations, Observers

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


@dataclass
class RenderedBody:
    """A body as Python-Markdown made it, and what the observers saw."""

    html: str
    """Exactly what Python-Markdown made of the body with the site's configuration."""
    raw_html: list[str] = field(default_factory=list)
    """HTML written in the body that the parser passed through, as written."""
    attribute_lists: list[tuple[str, str, str]] = field(default_factory=list)
    """(tag, attribute, value) set by `{: ...}` attribute lists."""
    item_links: list[ItemLink] = field(default_factory=list)
    """Links to other items, their addresses already made page addresses in `html`."""
    depth: int = 0
    """Deepest nesting of elements."""


class RenderError(Exception):
    """The body cannot be rendered within the limits; `reason` is `slow` or `deep`."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class _RendererState(TypedDict):
    """What a renderer sends to a worker process."""

    config: MarkdownConfig
    budget_seconds: float


class BodyRenderer:
    """Python-Markdown with a site's configuration, reused for every body."""

    def __init__(self, config: MarkdownConfig | None = None, budget_seconds: float = RENDER_BUDGET_SECONDS) -> None:
        self.config = config or MarkdownConfig()
        self.budget_seconds = budget_seconds
        self._markdown: markdown.Markdown | None = None
        self._seen = Observations()

    def __getstate__(self) -> _RendererState:
        # Worker processes build their own Markdown instance.
        return {"config": self.config, "budget_seconds": self.budget_seconds}

    def __setstate__(self, state: _RendererState) -> None:
        BodyRenderer.__init__(self, state["config"], state["budget_seconds"])

    def _instance(self) -> markdown.Markdown:
        if self._markdown is None:
            md = markdown.Markdown(extensions=list(self.config.extensions), extension_configs=self.config.configs)
            Observers(self._seen).extendMarkdown(md)
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

    def on_timer(self, signum: int, frame: FrameType | None) -> None:
        self.spent = True
        raise _OverBudget()


@contextlib.contextmanager
def _cpu_budget(seconds: float) -> Iterator[None]:
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
            outcome: RenderedBody | RenderError = receiver.recv()
        except EOFError:
            # The child died (e.g. out of memory) before it could answer.
            raise RenderError("slow") from None
    finally:
        child.kill()
        child.join()
    if isinstance(outcome, RenderError):
        raise outcome
    return outcome


def _render_and_send(renderer: BodyRenderer, text: str, src_uri: str, sender: Connection) -> None:
    try:
        sender.send(renderer._render_here(text, src_uri))
    except RenderError as error:
        sender.send(error)
