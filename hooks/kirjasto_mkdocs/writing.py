"""The pages this process writes, and those it leaves to another.

The hook writes each finished page itself, over the previous build's file
(`kirjasto.site.overwrite`: MkDocs' own write truncates the file first, which costs
about 1 ms a page on the project's machines), and hands MkDocs an empty page. A page
this process does not build (the other process builds it, or a preview leaves it out)
gets no Markdown and an empty template. MkDocs writes no file for either and notes
"Page skipped" at INFO level; those notes are left out."""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass, field
from typing import Any

from kirjasto.site import write_over
from kirjasto_mkdocs.parallel import ELSEWHERE_TEMPLATE

BUILD_LOGGERS = ("mkdocs.commands.build", "properdocs.commands.build")
"""Where MkDocs, and ProperDocs under its own name, log each page they write no file for."""
_SKIPPED = "Page skipped: '{src_uri}'. Generated empty output."
"""MkDocs' note for a page with empty output (mkdocs.commands.build._build_page)."""


@dataclass
class PageWriter:
    _notes: set[str] = field(default_factory=set)
    """MkDocs' notes for the pages written here or left to another: not logged."""
    _loggers: list[logging.Logger] = field(default_factory=list)

    @classmethod
    def listening(cls) -> PageWriter:
        """A writer whose pages MkDocs' loggers (and ProperDocs') note nothing for."""
        writer = cls()
        for name in BUILD_LOGGERS:
            logger = logging.getLogger(name)
            logger.addFilter(writer._not_noted)
            writer._loggers.append(logger)
        return writer

    def write(self, page: Any, output: str) -> str:
        """Write the page's finished HTML (encoded as MkDocs would); MkDocs gets nothing to write."""
        if not output.strip():
            return output
        write_over(page.file.abs_dest_path, output.encode("utf-8", errors="xmlcharrefreplace"))
        self._notes.add(_SKIPPED.format(src_uri=page.file.src_uri))
        return ""

    def leave_out(self, page: Any) -> str:
        """The Markdown of a page this process does not build: none, with an empty
        template, so that MkDocs writes no file. MkDocs' rendering is skipped too: it
        would make a Markdown processor for the empty text, for each of thousands of
        pages in a large build."""
        page.meta["template"] = ELSEWHERE_TEMPLATE
        page.render = functools.partial(_render_nothing, page)
        self._notes.add(_SKIPPED.format(src_uri=page.file.src_uri))
        return ""

    def stop(self) -> None:
        """The next build's writer takes over (`mkdocs serve` keeps the loggers)."""
        for logger in self._loggers:
            logger.removeFilter(self._not_noted)
        self._loggers.clear()

    def _not_noted(self, record: logging.LogRecord) -> bool:
        return record.getMessage() not in self._notes


def _render_nothing(page: Any, config: Any, files: Any) -> None:
    """What MkDocs' `Page.render` leaves for an empty text."""
    from mkdocs.structure.toc import TableOfContents

    page.content, page.toc, page.present_anchor_ids, page.links_to_anchors = "", TableOfContents([]), set(), {}
