"""Half of the item pages built in a second process.

MkDocs reads, renders and writes pages one at a time, on one core; for a large
library that loop is most of the build. Once the navigation is known (`on_nav`),
`PageSplit.start` forks: the child reads and builds its share of the item pages
with MkDocs' own functions (`_populate_page`, `_build_page`: the same Markdown, the
same templates, the same hooks, so the same HTML) and writes them; the parent builds
everything else. A page is written by exactly one process: in the parent, the
child's pages get no Markdown and an empty template (`ELSEWHERE_TEMPLATE`), and MkDocs
writes no file for empty output.

The child's warnings and errors come back to the parent (`PageSplit.finish`), which
logs them as its own: `--strict` counts them and a failing page fails the build.
Only `mkdocs build` forks: `mkdocs serve` runs a web server thread, and a forked
copy of a threaded process is not safe.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

ELSEWHERE_TEMPLATE = "kirjasto-rakennetaan-muualla.html"
"""The empty template of a page the other process builds (added to the theme's environment)."""

MIN_PAGES_TO_SPLIT = 200
"""Below this, starting a second process costs more than it saves."""

ONE_PROCESS_VARIABLE = "KIRJASTO_YKSI_PROSESSI"
"""Set (to anything but empty) to build every page in one process, as MkDocs alone would:
the tests compare the two builds byte for byte."""

_MKDOCS_LOGGERS = ("mkdocs", "")
"""Where the child's log records would go: MkDocs' logger (which does not propagate) and the root."""


@dataclass
class PageSplit:
    """Which pages the child builds, and how to hear from it."""

    elsewhere: frozenset[str] = frozenset()
    """src_uris of the pages the child builds (empty: no child)."""
    _pid: int = 0
    _reader: int = -1
    _skipped_messages: set[str] = field(default_factory=set)

    @classmethod
    def start(cls, candidates: Collection[str], config: Any, files: Any, nav: Any) -> PageSplit:
        """Fork a child for every other page of `candidates` (src_uris of pages outside
        the nav); in the parent, return the split. Builds too small to gain get none."""
        if len(candidates) < MIN_PAGES_TO_SPLIT or not hasattr(os, "fork") or os.environ.get(ONE_PROCESS_VARIABLE):
            return cls()
        share = sorted(candidates)[1::2]
        reader, writer = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: never returns
            os.close(reader)
            _build_in_child(share, config, files, nav, writer)
        os.close(writer)
        split = cls(elsewhere=frozenset(share), _pid=pid, _reader=reader)
        split._skipped_messages = {f"Page skipped: '{src}'. Generated empty output." for src in share}
        logging.getLogger("mkdocs.commands.build").addFilter(split._not_skipped)
        return split

    def _not_skipped(self, record: logging.LogRecord) -> bool:
        """MkDocs notes every empty page it does not write; the child's pages are not skipped."""
        return record.getMessage() not in self._skipped_messages

    def finish(self) -> str | None:
        """Wait for the child, log its warnings here; the error that stopped it, if any."""
        if not self._pid:
            return None
        with os.fdopen(self._reader, "rb") as pipe:
            report = pipe.read()
        _, status = os.waitpid(self._pid, 0)
        self._pid = 0
        logging.getLogger("mkdocs.commands.build").removeFilter(self._not_skipped)
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


def _build_in_child(share: list[str], config: Any, files: Any, nav: Any, writer: int) -> None:
    from mkdocs.commands.build import _build_page, _populate_page
    from mkdocs.structure.files import InclusionLevel
    from mkdocs.structure.pages import Page

    collector = _Collector()
    for name in _MKDOCS_LOGGERS:
        logger = logging.getLogger(name)
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
        logger.addHandler(collector)
    error = None
    try:
        env = config.plugins.on_env(config.theme.get_env(), config=config, files=files)
        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
        anchors = config.validation.links.anchors
        for src_uri in share:
            file = files.get_file_from_path(src_uri)
            page = Page(None, file, config)
            _populate_page(page, config, files)
            _build_page(page, config, doc_files, nav, env)
            page.validate_anchor_links(files=files, log_level=anchors)
            page.content = page.markdown = None  # built and written: keep memory flat
    except Exception as failure:  # reported to the parent, which fails the build with it
        error = str(failure) or type(failure).__name__
    report = json.dumps({"records": collector.records, "error": error}).encode()
    with os.fdopen(writer, "wb") as pipe:
        pipe.write(report)
    os._exit(0)
