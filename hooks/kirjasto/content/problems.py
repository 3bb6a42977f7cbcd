"""Problems found in the content, and the report contributors read."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from kirjasto.content.characters import printable
from kirjasto.content.messages import SOURCE_LANGUAGE, _, messages_in

# A field as the report names it: `title`, `contacts[1].role`. Anything else (a key
# a contributor invented, which the message quotes) is shown as plain `kenttä`, so
# that the `path:line: field:` part can never be forged or misread.
_FIELD_NAME = re.compile(r"^[A-Za-z0-9_äöåÄÖÅ.\[\]-]{1,60}$")


_OWN_WORDS = frozenset((_("tiedosto"), _("teksti"), _("tiedostonimi")))
"""What the report names a problem's place when it is not a front-matter field."""


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
    """What is wrong and how to fix it, in `language`."""
    severity: Severity = Severity.ERROR
    language: str = SOURCE_LANGUAGE
    """The message's language: the item's own, or the one the contributor asked for."""

    def format(self) -> str:
        """`path:line: field: message`, the form editors and CI logs link to: always one
        line, with every control or invisible character from the file shown as an escape."""
        say = messages_in(self.language).say
        location = f"{printable(self.path)}:{self.line}" if self.line else printable(self.path)
        prefix = "" if self.severity is Severity.ERROR else say(_("varoitus")) + ": "
        field = self.field or _("tiedosto")
        # A field is shown as written, except the report's own words for the parts of a
        # file that are not fields (the text, the file name), which are translated.
        shown = say(field) if field in _OWN_WORDS else field if _FIELD_NAME.match(field) else say(_("kenttä"))
        return f"{location}: {shown}: {prefix}{printable(self.message)}"


LIBRARY_HAS_ERRORS = _("Kirjaston kuvauksissa on virheitä, sivustoa ei rakennettu:")
"""The first line of a build's report when validation found errors (the report follows)."""
REFUSED_BUILD = _("Sivustoa ei rakennettu: korjaa yllä luetellut virheet ja rakenna sivusto uudelleen.")
"""The last line of a refused build, after every engine's own words."""


def errors(problems: list[Problem]) -> list[Problem]:
    return [problem for problem in problems if problem.severity is Severity.ERROR]


def format_report(problems: list[Problem], language: str = SOURCE_LANGUAGE) -> str:
    """All problems, sorted by file and line, with a closing summary line in `language`
    (each problem is told in its own)."""
    messages = messages_in(language)
    ordered = sorted(problems, key=lambda p: (p.path, p.line or 0, p.field or ""))
    lines = [problem.format() for problem in ordered]
    error_count = len(errors(problems))
    warning_count = len(problems) - error_count
    # Only the kinds that occur: "1 virhe", "2 varoitusta", "1 virhe ja 2 varoitusta".
    counted = [messages.plural("{count} virhe", "{count} virhettä", error_count)] if error_count else []
    if warning_count:
        counted.append(messages.plural("{count} varoitus", "{count} varoitusta", warning_count))
    if counted:
        counts = messages.say(_("{first} ja {second}"), first=counted[0], second=counted[1]) if len(counted) == 2 else counted[0]
        summary = messages.say(_("Kirjastossa on {counts}."), counts=counts)
    else:
        summary = messages.say(_("Kirjastossa ei ole virheitä eikä varoituksia."))
    if error_count:
        summary += " " + messages.say(_("Korjaa virheet ja aja 'kirjasto validate' uudelleen."))
    return "\n".join([*lines, summary])
