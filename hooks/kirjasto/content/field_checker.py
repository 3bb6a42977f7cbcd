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
from kirjasto.content.messages import Messages, _, messages_in
from kirjasto.content.problems import Problem, Severity
from kirjasto.content.text import suggest

_TYPE_NAMES = {
    "bool": _("totuusarvoksi (kyllä/ei)"),
    "int": _("kokonaisluvuksi"),
    "float": _("desimaaliluvuksi"),
    "null": _("tyhjäksi arvoksi"),
    "timestamp": _("päivämääräksi"),
    "merge": _("YAML:n yhdistämismerkiksi"),
}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

DATE_MEANINGS = {
    "updated": _("päivä, jolloin kuvausta viimeksi muokattiin"),
    "written": _("päivä, jolloin kuvaus kirjoitettiin"),
    "checked": _("päivä, jolloin joku viimeksi tarkisti tiedot"),
    "source.published": _("lähteen julkaisupäivä"),
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
    messages: Messages = field(default_factory=messages_in)
    """The language the problems are told in: the item's own (`language`), unless the
    contributor asked for one (`kirjasto validate --kieli`)."""

    def say(self, message: str, /, **values: object) -> str:
        """`message` (marked with `_()`) in the checker's language, values filled in."""
        return self.messages.say(message, **values)

    def report(self, line: int | None, field_name: str | None, message: str) -> None:
        self.problems.append(Problem(self.path, line, field_name, message, language=self.messages.language))

    def warn(self, line: int | None, field_name: str | None, message: str) -> None:
        self.problems.append(Problem(self.path, line, field_name, message, Severity.WARNING, language=self.messages.language))

    def entry(self, name: str, *, required: bool) -> Entry | None:
        found = self.tree.entries.get(name)
        if found is None or _is_empty(found.value):
            if required:
                line = found.key_line if found else self.tree.line
                self.report(
                    line,
                    name,
                    self.say(_("Pakollinen kenttä puuttuu tai on tyhjä. Lisää front matteriin rivi '{name}: ...'."), name=name),
                )
            return None
        return found

    # --- value readers -------------------------------------------------
    def text(self, value: YamlNode, name: str) -> str | None:
        """A single piece of text; other YAML types get a 'quote it' hint."""
        if isinstance(value, Scalar) and value.type == "str" and isinstance(value.value, str):
            unsafe = unsafe_character(value.value, self.messages)
            if unsafe is not None:
                self.report(
                    value.line, name, self.say(_("Arvossa on {character}."), character=unsafe[1]) + " " + self.say(RETYPE_ADVICE)
                )
                return None
            text = " ".join(value.value.split())
            if not text:
                self.report(value.line, name, self.say(_("Arvo on tyhjä. Kirjoita siihen tekstiä tai poista kenttä.")))
                return None
            return text
        if isinstance(value, Scalar):
            self.report(
                value.line,
                name,
                self.say(
                    _("YAML tulkitsee arvon '{raw}' {type}, ei tekstiksi. Kirjoita se lainausmerkkeihin: \"{raw}\"."),
                    raw=value.raw,
                    type=self.say(_TYPE_NAMES.get(value.type, _("muuksi kuin tekstiksi"))),
                ),
            )
        else:
            self.report(value.line, name, self.say(_("Arvon pitää olla yksi teksti, ei lista eikä kenttäryhmä.")))
        return None

    def text_list(self, entry: Entry, name: str) -> list[tuple[str, int]]:
        """A list of texts with the line of each; a bare text gets a 'make it a list' hint."""
        value = entry.value
        if isinstance(value, Scalar):
            self.report(
                value.line,
                name,
                self.say(
                    _(
                        "Arvon pitää olla lista. Kirjoita {name}: [{raw}] tai jokainen arvo omalle rivilleen viivan perään ('- {raw}')."
                    ),
                    name=name,
                    raw=value.raw,
                ),
            )
            return []
        if isinstance(value, Mapping):
            self.report(value.line, name, self.say(_("Arvon pitää olla lista tekstejä, ei kenttäryhmä.")))
            return []
        texts: list[tuple[str, int]] = []
        seen: set[str] = set()
        for position, element in enumerate(value.items, start=1):
            text = self.text(element, f"{name}[{position}]")
            if text is None:
                continue
            if text in seen:
                self.report(element.line, name, self.say(_("'{text}' on listalla kahdesti. Poista toinen."), text=text))
                continue
            seen.add(text)
            texts.append((text, element.line))
        return texts

    def other_items(self, name: str, own_slug: str, names_itself: str) -> dict[str, int]:
        """The slugs listed in `name` (`related`, `translations`) with their lines, this
        item's own slug left out and reported with `names_itself` (a message with `{slug}`)."""
        entry = self.entry(name, required=False)
        lines = dict(self.text_list(entry, name)) if entry else {}
        if entry and lines.pop(own_slug, None) is not None:
            self.report(entry.key_line, name, self.say(names_itself, slug=own_slug))
        return lines

    def vocabulary_list(
        self,
        entry: Entry,
        name: str,
        *,
        known: MappingOf[str, _Term],
        unknown: str,
        names: MappingOf[str, str] | None = None,
        aliases: MappingOf[str, str] | None = None,
    ) -> list[_Term]:
        """Values looked up in a vocabulary, with a suggestion for unknown ones (`lookup`)."""
        found = (
            self.lookup(text, line, name, known=known, unknown=unknown, names=names, aliases=aliases)
            for text, line in self.text_list(entry, name)
        )
        return [term for term in found if term is not None]

    def lookup(
        self,
        text: str,
        line: int,
        name: str,
        *,
        known: MappingOf[str, _Term],
        unknown: str,
        names: MappingOf[str, str] | None = None,
        aliases: MappingOf[str, str] | None = None,
    ) -> _Term | None:
        """One value of a vocabulary; an unknown one is reported (`unknown`, a message with
        `{text}`) with a suggestion. `names` are the entries' display names, for a
        contributor who typed one; `aliases` are the Swedish names of places, which
        stand for the same entry (`Helsingfors` is `Helsinki`)."""
        if text in known:
            return known[text]
        if aliases and text in aliases:
            return known[aliases[text]]
        hint = self._suggestion(text, known, names, aliases) or self._allowed_values(known)
        self.report(line, name, " ".join(filter(None, [self.say(unknown, text=text), hint])))
        return None

    def _allowed_values(self, known: MappingOf[str, object]) -> str:
        if len(known) > LISTED_VOCABULARY_SIZE:
            return ""
        return self.say(_("Sallitut arvot: {values}."), values=", ".join(known))

    def _suggestion(
        self, text: str, known: MappingOf[str, object], names: MappingOf[str, str] | None, aliases: MappingOf[str, str] | None
    ) -> str:
        """'Tarkoititko 'x'?' for the closest key, or for a key whose display name was
        typed; for a place, the name in the checker's language, the other in brackets."""
        by_name = {display: key for key, display in (names or {}).items()}
        if text in by_name:
            return self.say(_("Kirjoita tunniste '{key}' (nimen '{text}' sijaan)."), key=by_name[text], text=text)
        if aliases:
            return self._place_suggestion(text, known, aliases)
        closest = suggest(text, known)
        if closest:
            return self.say(_("Tarkoititko '{value}'?"), value=closest)
        named = suggest(text, by_name)
        return self.say(_("Tarkoititko '{value}' ({name})?"), value=by_name[named], name=named) if named else ""

    def _place_suggestion(self, text: str, known: MappingOf[str, object], aliases: MappingOf[str, str]) -> str:
        """The closest place by its Finnish or Swedish name, shown in the checker's
        language. The other name follows in brackets when it helps: always in Swedish
        (Finnish names are the places' keys on the site), and in Finnish when the
        contributor typed something like the Swedish name."""
        closest = suggest(text, [*known, *aliases])
        if closest is None:
            return ""
        finnish = aliases.get(closest, closest)
        swedish = {key: alias for alias, key in aliases.items()}.get(finnish)
        if self.messages.language == "sv" and swedish:
            return self.say(_("Tarkoititko '{value}' ({name})?"), value=swedish, name=finnish)
        if closest == swedish:
            return self.say(_("Tarkoititko '{value}' ({name})?"), value=finnish, name=swedish)
        return self.say(_("Tarkoititko '{value}'?"), value=finnish)

    def date(self, entry: Entry, name: str, today: datetime.date) -> datetime.date | None:
        return self.date_value(entry.value, name, today)

    def date_value(self, value: YamlNode, name: str, today: datetime.date) -> datetime.date | None:
        if not isinstance(value, Scalar) or value.type not in ("timestamp", "str"):
            raw = value.raw if isinstance(value, Scalar) else self.say(_("lista"))
            self.report(
                value.line,
                name,
                self.say(
                    _("'{raw}' ei ole päivämäärä. Kirjoita päivämäärä muodossa VVVV-KK-PP, esim. {today}."),
                    raw=raw,
                    today=today.isoformat(),
                ),
            )
            return None
        if not _ISO_DATE.match(value.raw):
            self.report(
                value.line,
                name,
                self.say(_("'{raw}' ei ole muotoa VVVV-KK-PP. Kirjoita esim. {today}."), raw=value.raw, today=today.isoformat()),
            )
            return None
        try:
            parsed = datetime.date.fromisoformat(value.raw)
        except ValueError:
            self.report(
                value.line, name, self.say(_("Päivämäärää {raw} ei ole olemassa. Tarkista kuukausi ja päivä."), raw=value.raw)
            )
            return None
        if parsed > today:
            self.report(
                value.line,
                name,
                self.say(
                    _("Päivämäärä {raw} on tulevaisuudessa. Anna {meaning}."),
                    raw=value.raw,
                    meaning=self.say(DATE_MEANINGS.get(name, _("mennyt päivä"))),
                ),
            )
            return None
        return parsed


def _is_empty(value: YamlNode) -> bool:
    if isinstance(value, Scalar):
        return value.type == "null" or (value.type == "str" and isinstance(value.value, str) and not value.value.strip())
    if isinstance(value, Sequence):
        return not value.items
    return not value.entries
