"""The hook writes each finished page itself, over the previous build's file
(`kirjasto.site.overwrite`: MkDocs' own write truncates the file first, which costs
about 1 ms a page on the project's machines), and hands MkDocs an empty page, for
which MkDocs writes no file and notes "Page skipped" at INFO level. Those notes are
left out for the pages written here and, in a preview (which leaves most pages out
on purpose), for every page."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from kirjasto.site import write_over
from kirjasto_mkdocs.parallel import BUILD_LOGGERS

_SKIPPED = "Page skipped: '{src_uri}'. Generated empty output."
"""MkDocs' note for a page with empty output (mkdocs.commands.build._build_page)."""


@dataclass
class PageWriter:
    every_skip_quiet: bool = False
    """A preview: no note for any page left out."""
    _notes: set[str] = field(default_factory=set)
    _loggers: list[logging.Logger] = field(default_factory=list)

    @classmethod
    def listening(cls, *, every_skip_quiet: bool = False) -> PageWriter:
        """A writer whose pages MkDocs' loggers (and ProperDocs') note nothing for."""
        writer = cls(every_skip_quiet)
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

    def stop(self) -> None:
        """The next build's writer takes over (`mkdocs serve` keeps the loggers)."""
        for logger in self._loggers:
            logger.removeFilter(self._not_noted)
        self._loggers.clear()

    def _not_noted(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return message not in self._notes and not (self.every_skip_quiet and message.startswith("Page skipped:"))
