"""Problems found in the content, and the report contributors read."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from kirjasto.content.characters import printable
from kirjasto.content.text import count_phrase

# A field as the report names it: `title`, `contacts[1].role`. Anything else (a key
# a contributor invented, which the message quotes) is shown as plain `kenttä`, so
# that the `path:line: field:` part can never be forged or misread.
_FIELD_NAME = re.compile(r"^[A-Za-z0-9_äöåÄÖÅ.\[\]-]{1,60}$")


class Severity(enum.Enum):
    ERROR = "virhe"
    WARNING = "varoitus"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one file, with where it is and how to fix it."""

    path: str
    """File path relative to the repository root, with forward slashes."""
    line: int | None
    """1-based line in the file, when known."""
    field: str | None
    """Front-matter field the problem concerns, e.g. `themes` or `contacts[1].role`."""
    message: str
    """Finnish: what is wrong and how to fix it."""
    severity: Severity = Severity.ERROR

    def format(self) -> str:
        """`path:line: field: message`, the form editors and CI logs link to: always one
        line, with every control or invisible character from the file shown as an escape."""
        location = f"{printable(self.path)}:{self.line}" if self.line else printable(self.path)
        prefix = "" if self.severity is Severity.ERROR else "varoitus: "
        field = self.field or "tiedosto"
        return f"{location}: {field if _FIELD_NAME.match(field) else 'kenttä'}: {prefix}{printable(self.message)}"


def errors(problems: list[Problem]) -> list[Problem]:
    return [problem for problem in problems if problem.severity is Severity.ERROR]


def format_report(problems: list[Problem]) -> str:
    """All problems, sorted by file and line, with a closing summary line."""
    ordered = sorted(problems, key=lambda p: (p.path, p.line or 0, p.field or ""))
    lines = [problem.format() for problem in ordered]
    error_count = len(errors(problems))
    warning_count = len(problems) - error_count
    # Only the kinds that occur: "1 virhe", "2 varoitusta", "1 virhe ja 2 varoitusta".
    counted = [count_phrase(error_count, "virhe", "virhettä")] if error_count else []
    if warning_count:
        counted.append(count_phrase(warning_count, "varoitus", "varoitusta"))
    summary = f"Kirjastossa on {' ja '.join(counted)}." if counted else "Kirjastossa ei ole virheitä eikä varoituksia."
    if error_count:
        summary += " Korjaa virheet ja aja 'kirjasto validate' uudelleen."
    return "\n".join([*lines, summary])
