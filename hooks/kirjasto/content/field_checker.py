"""Read front-matter values of one file, reporting every problem and going on.

The `Checker` turns the tree's nodes into texts, lists, vocabulary entries and
dates; the field rules (`field_*.py`) build on it. A reader that finds a problem
reports it with its line and returns None (or leaves the value out), so that one
run tells everything that is wrong in the file.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping as MappingOf
from dataclasses import dataclass, field
from typing import TypeVar

from kirjasto.content.characters import RETYPE_ADVICE, unsafe_character
from kirjasto.content.frontmatter_tree import Entry, Mapping, Scalar, Sequence, YamlNode
from kirjasto.content.problems import Problem, Severity
from kirjasto.content.text import suggest

_TYPE_NAMES = {
    "bool": "totuusarvoksi (kyllä/ei)",
    "int": "kokonaisluvuksi",
    "float": "desimaaliluvuksi",
    "null": "tyhjäksi arvoksi",
    "timestamp": "päivämääräksi",
    "merge": "YAML:n yhdistämismerkiksi",
}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

DATE_MEANINGS = {
    "updated": "päivä, jolloin kuvausta viimeksi muokattiin",
    "written": "päivä, jolloin kuvaus kirjoitettiin",
    "checked": "päivä, jolloin joku viimeksi tarkisti tiedot",
    "source.published": "lähteen julkaisupäivä",
}
"""What each date means, for the message that refuses a date in the future."""

LISTED_VOCABULARY_SIZE = 40
"""A vocabulary this small is listed whole when nothing close to a typed value is found."""


_Term = TypeVar("_Term")


@dataclass
class Checker:
    """Collects the problems of one file while its fields are read."""

    path: str
    """The file as reports name it."""
    tree: Mapping
    """The file's front matter."""
    problems: list[Problem] = field(default_factory=list)

    def report(self, line: int | None, field_name: str | None, message: str) -> None:
        self.problems.append(Problem(self.path, line, field_name, message))

    def warn(self, line: int | None, field_name: str | None, message: str) -> None:
        self.problems.append(Problem(self.path, line, field_name, message, Severity.WARNING))

    def entry(self, name: str, *, required: bool) -> Entry | None:
        found = self.tree.entries.get(name)
        if found is None or _is_empty(found.value):
            if required:
                line = found.key_line if found else self.tree.line
                self.report(line, name, f"Pakollinen kenttä puuttuu tai on tyhjä. Lisää front matteriin rivi '{name}: ...'.")
            return None
        return found

    # --- value readers -------------------------------------------------
    def text(self, value: YamlNode, name: str) -> str | None:
        """A single piece of text; other YAML types get a 'quote it' hint."""
        if isinstance(value, Scalar) and value.type == "str" and isinstance(value.value, str):
            unsafe = unsafe_character(value.value)
            if unsafe is not None:
                self.report(value.line, name, f"Arvossa on {unsafe[1]}. {RETYPE_ADVICE}")
                return None
            text = " ".join(value.value.split())
            if not text:
                self.report(value.line, name, "Arvo on tyhjä. Kirjoita siihen tekstiä tai poista kenttä.")
                return None
            return text
        if isinstance(value, Scalar):
            self.report(
                value.line,
                name,
                f"YAML tulkitsee arvon '{value.raw}' {_TYPE_NAMES.get(value.type, 'muuksi kuin tekstiksi')}, ei tekstiksi. Kirjoita se lainausmerkkeihin: \"{value.raw}\".",
            )
        else:
            self.report(value.line, name, "Arvon pitää olla yksi teksti, ei lista eikä kenttäryhmä.")
        return None

    def text_list(self, entry: Entry, name: str) -> list[tuple[str, int]]:
        """A list of texts with the line of each; a bare text gets a 'make it a list' hint."""
        value = entry.value
        if isinstance(value, Scalar):
            self.report(
                value.line,
                name,
                f"Arvon pitää olla lista. Kirjoita {name}: [{value.raw}] tai jokainen arvo omalle rivilleen viivan perään ('- {value.raw}').",
            )
            return []
        if isinstance(value, Mapping):
            self.report(value.line, name, "Arvon pitää olla lista tekstejä, ei kenttäryhmä.")
            return []
        texts: list[tuple[str, int]] = []
        seen: set[str] = set()
        for position, element in enumerate(value.items, start=1):
            text = self.text(element, f"{name}[{position}]")
            if text is None:
                continue
            if text in seen:
                self.report(element.line, name, f"'{text}' on listalla kahdesti. Poista toinen.")
                continue
            seen.add(text)
            texts.append((text, element.line))
        return texts

    def vocabulary_list(
        self, entry: Entry, name: str, *, known: MappingOf[str, _Term], what: str, names: MappingOf[str, str] | None = None
    ) -> list[_Term]:
        """Values looked up in a vocabulary, with a suggestion for unknown ones.
        `names` are the entries' display names, for a contributor who typed one."""
        found = (self.lookup(text, line, name, known=known, what=what, names=names) for text, line in self.text_list(entry, name))
        return [term for term in found if term is not None]

    def lookup(
        self,
        text: str,
        line: int,
        name: str,
        *,
        known: MappingOf[str, _Term],
        what: str,
        names: MappingOf[str, str] | None = None,
    ) -> _Term | None:
        """One value of a vocabulary; an unknown one is reported with a suggestion."""
        if text in known:
            return known[text]
        hint = _suggestion(text, known, names) or _allowed_values(known)
        self.report(line, name, f"Tuntematon {what} '{text}'.{hint}")
        return None

    def date(self, entry: Entry, name: str, today: datetime.date) -> datetime.date | None:
        return self.date_value(entry.value, name, today)

    def date_value(self, value: YamlNode, name: str, today: datetime.date) -> datetime.date | None:
        if not isinstance(value, Scalar) or value.type not in ("timestamp", "str"):
            raw = value.raw if isinstance(value, Scalar) else "lista"
            self.report(
                value.line,
                name,
                f"'{raw}' ei ole päivämäärä. Kirjoita päivämäärä muodossa VVVV-KK-PP, esim. {today.isoformat()}.",
            )
            return None
        if not _ISO_DATE.match(value.raw):
            self.report(value.line, name, f"'{value.raw}' ei ole muotoa VVVV-KK-PP. Kirjoita esim. {today.isoformat()}.")
            return None
        try:
            parsed = datetime.date.fromisoformat(value.raw)
        except ValueError:
            self.report(value.line, name, f"Päivämäärää {value.raw} ei ole olemassa. Tarkista kuukausi ja päivä.")
            return None
        if parsed > today:
            self.report(
                value.line, name, f"Päivämäärä {value.raw} on tulevaisuudessa. Anna {DATE_MEANINGS.get(name, 'mennyt päivä')}."
            )
            return None
        return parsed


def _is_empty(value: YamlNode) -> bool:
    if isinstance(value, Scalar):
        return value.type == "null" or (value.type == "str" and isinstance(value.value, str) and not value.value.strip())
    if isinstance(value, Sequence):
        return not value.items
    return not value.entries


def _allowed_values(known: MappingOf[str, object]) -> str:
    if len(known) > LISTED_VOCABULARY_SIZE:
        return ""
    return f" Sallitut arvot: {', '.join(known)}."


def _suggestion(text: str, known: MappingOf[str, object], names: MappingOf[str, str] | None) -> str:
    """' Tarkoititko 'x'?' for the closest key, or for a key whose display name was typed."""
    by_name = {display: key for key, display in (names or {}).items()}
    if text in by_name:
        return f" Kirjoita tunniste '{by_name[text]}' (nimen '{text}' sijaan)."
    closest = suggest(text, known)
    if closest:
        return f" Tarkoititko '{closest}'?"
    named = suggest(text, by_name)
    return f" Tarkoititko '{by_name[named]}' ({named})?" if named else ""
