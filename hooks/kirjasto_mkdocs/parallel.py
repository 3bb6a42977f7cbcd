"""Item pages built by two processes.

MkDocs reads, renders and writes pages one at a time, on one core; for a large
library that loop is most of the build. Once the navigation is known (`on_nav`),
`PageSplit.start` forks: the child writes the data files, then reads and builds
item pages with MkDocs' own functions (`_populate_page`, `_build_page`: the same
Markdown, the same templates, the same hooks, so the same HTML), taking them in
chunks from a pool in shared memory. The parent runs MkDocs' own loop for everything
else (hand-written and listing pages, the sitemap) and then takes from the same pool
(`help`), so that both finish together. A page is written by exactly one process: in
MkDocs' loop, the pool's pages get no Markdown and an empty template
(`ELSEWHERE_TEMPLATE`), and MkDocs writes no file for empty output.

The child's warnings and errors come back to the parent (`PageSplit.finish`), which
logs them as its own: `--strict` counts them and a failing page fails the build.
Only `mkdocs build` forks: `mkdocs serve` runs a web server thread, and a forked
copy of a threaded process is not safe.
"""

from __future__ import annotations

import ctypes
import gc
import json
import logging
import os
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import Any

ELSEWHERE_TEMPLATE = "kirjasto-rakennetaan-muualla.html"
"""The empty template of a page the other process builds (added to the theme's environment)."""

CHUNK = 25
"""Item pages taken from the shared pool at a time."""

MIN_PAGES_TO_SPLIT = 200
"""Below this, starting a second process costs more than it saves."""

ONE_PROCESS_VARIABLE = "KIRJASTO_YKSI_PROSESSI"
"""Set (to anything but empty) to build every page in one process, as MkDocs alone would:
the tests compare the two builds byte for byte."""

_MKDOCS_LOGGERS = ("mkdocs", "")
"""Where the child's log records would go: MkDocs' logger (which does not propagate) and the root."""


class _Pool:
    """Item pages in chunks that either process takes, one at a time, from a counter in
    shared memory: whichever process has time builds the next chunk, so neither waits
    for the other at the end."""

    def __init__(self, pages: list[str]) -> None:
        import multiprocessing

        self.pages = pages
        self.taken = multiprocessing.Value("i", 0)

    def take(self) -> list[str]:
        with self.taken.get_lock():
            first = self.taken.value * CHUNK
            if first >= len(self.pages):
                return []
            self.taken.value += 1
        return self.pages[first : first + CHUNK]


@dataclass
class PageSplit:
    """The item pages two processes share, and how to hear from the child."""

    elsewhere: set[str] = field(default_factory=set)
    """src_uris of the pages MkDocs' own loop in the parent leaves alone (empty: no child)."""
    _pool: _Pool | None = None
    _pid: int = 0
    _reader: int = -1

    @property
    def forked(self) -> bool:
        return self._pool is not None

    @staticmethod
    def wanted(pages: int) -> bool:
        """Whether a build of this many candidate pages forks (`start`)."""
        return pages >= MIN_PAGES_TO_SPLIT and hasattr(os, "fork") and not os.environ.get(ONE_PROCESS_VARIABLE)

    @classmethod
    def start(
        cls, candidates: Collection[str], config: Any, files: Any, nav: Any, then: Callable[[], None] = lambda: None
    ) -> PageSplit:
        """Fork a child that runs `then` (work the parent would otherwise do alone) and
        then builds `candidates` (src_uris of pages outside the nav) from the shared pool;
        in the parent, return the split: MkDocs' loop leaves those pages alone, and the
        parent takes from the pool when its own pages are done (`help`)."""
        if not cls.wanted(len(candidates)):
            return cls()
        # Everything built so far (the library, MkDocs' files and nav) stays as it is:
        # out of the garbage collector's sight, it is neither scanned again nor, in the
        # child, copied page by page because the scan touched it.
        gc.freeze()
        _return_free_memory()
        pool = _Pool(sorted(candidates))
        reader, writer = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: never returns
            os.close(reader)
            _build_in_child(pool, config, files, nav, writer, then)
        os.close(writer)
        split = cls(elsewhere=set(pool.pages), _pool=pool, _pid=pid, _reader=reader)
        return split

    def help(self, config: Any, files: Any, nav: Any, env: Any) -> None:
        """In the parent, after MkDocs' own loop: build pool pages until none are left."""
        if self._pool is None:
            return
        while pages := self._pool.take():
            self.elsewhere.difference_update(pages)
            _build_pages(pages, config, files, nav, env)

    def finish(self) -> str | None:
        """Wait for the child, log its warnings here; the error that stopped it, if any."""
        if not self._pid:
            return None
        with os.fdopen(self._reader, "rb") as pipe:
            report = pipe.read()
        _, status = os.waitpid(self._pid, 0)
        self._pid = 0
        try:
            found = json.loads(report)
        except ValueError:
            return f"Toinen rakennusprosessi päättyi kesken (tila {os.waitstatus_to_exitcode(status)})."
        for name, level, message in found["records"]:
            logging.getLogger(name).log(level, message)
        error: str | None = found["error"]
        return error

    def cancel(self) -> None:
        """Stop the child when the build fails in the parent."""
        if self._pid:
            try:
                os.kill(self._pid, 9)
                os.waitpid(self._pid, 0)
            except OSError:
                pass
            self._pid = 0


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def _return_free_memory() -> None:
    """Give the memory freed so far (a cold build's validation results on their way
    through pipes and into the stored results) back to the system before the fork:
    glibc keeps freed heap pages, and the child would count them as its own. At
    10,000 items a cold build's child peaked at 351 MB; with this and with each built
    page trimmed to its anchors (`_build_pages`), at 305 MB. Elsewhere than glibc
    there is no `malloc_trim` and nothing to do."""
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return
    trim(0)


def _build_pages(pages: list[str], config: Any, files: Any, nav: Any, env: Any) -> None:
    """Read and build `pages` as MkDocs' own loops do, one page at a time."""
    from mkdocs.commands.build import _build_page, _populate_page
    from mkdocs.structure.files import InclusionLevel
    from mkdocs.structure.pages import Page
    from mkdocs.structure.toc import TableOfContents

    doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
    for src_uri in pages:
        file = files.get_file_from_path(src_uri)
        page = Page(None, file, config)
        _populate_page(page, config, files)
        _build_page(page, config, doc_files, nav, env)
        page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
        # Built, written and its links checked: only its anchors are still needed (for
        # the links of pages built after it), so memory stays flat over thousands of pages.
        page.content = page.markdown = None
        page.toc, page.meta, page.links_to_anchors = TableOfContents([]), {}, {}


def _build_in_child(pool: _Pool, config: Any, files: Any, nav: Any, writer: int, then: Callable[[], None]) -> None:
    collector = _Collector()
    for name in _MKDOCS_LOGGERS:
        logger = logging.getLogger(name)
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
        logger.addHandler(collector)
    error = None
    try:
        env = config.plugins.on_env(config.theme.get_env(), config=config, files=files)
        # The other work first, while the child is at its smallest (the data files of a
        # large library take tens of megabytes while they are made); the parent goes
        # on with the pool meanwhile, so both still finish together.
        then()
        while pages := pool.take():
            _build_pages(pages, config, files, nav, env)
    except Exception as failure:  # reported to the parent, which fails the build with it
        error = str(failure) or type(failure).__name__
    report = json.dumps({"records": collector.records, "error": error}).encode()
    with os.fdopen(writer, "wb") as pipe:
        pipe.write(report)
    os._exit(0)
