"""The front matter's YAML as a tree of nodes that remember their lines.

The tree is built straight from parser events, so that anchors, aliases and
explicit tags are refused before anything could be expanded. Values keep the
type YAML gave them, so that validation can tell a contributor that `Kyllä` was
fine but `yes` was read as a boolean.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

import yaml

from kirjasto.content.messages import Messages, _, messages_in

_SHORT_TAGS = {
    "tag:yaml.org,2002:str": "str",
    "tag:yaml.org,2002:int": "int",
    "tag:yaml.org,2002:float": "float",
    "tag:yaml.org,2002:bool": "bool",
    "tag:yaml.org,2002:null": "null",
    "tag:yaml.org,2002:timestamp": "timestamp",
    "tag:yaml.org,2002:merge": "merge",
}


class FrontMatterError(Exception):
    """The file's front matter cannot be read; `line` is 1-based in the file."""

    def __init__(self, line: int, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.field = field


ScalarValue = str | int | float | bool | datetime.date | None
"""What YAML builds for a scalar (a timestamp may also be a `datetime.datetime`)."""


@dataclass(frozen=True)
class Scalar:
    """A single YAML value with the type YAML resolved for it."""

    raw: str
    """The text as written, without quotes."""
    type: str
    """`str`, `int`, `float`, `bool`, `null`, `timestamp` (or `merge` for a `<<` key)."""
    value: ScalarValue
    """The Python value; None where YAML could not build one (e.g. 2024-02-30)."""
    line: int
    """1-based line in the file."""


@dataclass(frozen=True)
class Sequence:
    """A YAML list."""

    items: tuple[YamlNode, ...]
    """The elements, in order."""
    line: int
    """Line of the list's first element (or of its `[`)."""


class Entry(NamedTuple):
    """One `key: value` of a mapping."""

    key_line: int
    """Line of the key: where a problem with the whole field is reported."""
    value: YamlNode


@dataclass(frozen=True)
class Mapping:
    """A group of fields: the front matter itself, a source, a contact."""

    entries: dict[str, Entry] = field(default_factory=dict)
    """The fields by key, in the order written."""
    line: int = 1


YamlNode = Scalar | Sequence | Mapping

MAX_DEPTH = 4
"""Lists and field groups inside each other: contacts (a list of groups of texts) need three."""
TOO_DEEP = _(
    "Front matterissa on liian monta sisäkkäistä listaa tai kenttäryhmää (enintään {depth}). Kirjoita arvot tavallisina listoina."
)
"""Said with `depth=MAX_DEPTH`."""

_PLAIN_NON_TEXT = frozenset(
    form for word in ("yes", "no", "true", "false", "on", "off", "null") for form in (word, word.capitalize(), word.upper())
)
"""Plain words YAML 1.1 reads as booleans or null, in the three spellings it knows."""


def compose(events: Iterable[yaml.Event], offset: int, messages: Messages | None = None) -> YamlNode | None:
    """The tree of one document's parser events; `offset` is the file line of the first
    YAML line; what is refused is told in the language of `messages` (Finnish unless given)."""
    return _Composer(events, offset, messages or messages_in()).compose()


class _Composer:
    """Builds the tree from parser events, every value with its line."""

    def __init__(self, events: Iterable[yaml.Event], offset: int, messages: Messages) -> None:
        self._say = messages.say
        self._events: Iterator[yaml.Event] = iter(events)
        self._offset = offset
        self._depth = 0
        self._resolver = yaml.resolver.Resolver()
        self._constructor = yaml.constructor.SafeConstructor()

    def compose(self) -> YamlNode | None:
        self._expect(yaml.StreamStartEvent)
        if isinstance(event := next(self._events), yaml.StreamEndEvent):
            return None
        event = next(self._events)
        if isinstance(event, yaml.DocumentEndEvent):
            return None
        tree = self._node(event)
        self._expect(yaml.DocumentEndEvent)
        return tree

    def _expect(self, event_type: type[yaml.Event]) -> None:
        event = next(self._events)
        if not isinstance(event, event_type):
            raise FrontMatterError(
                self._line(event),
                self._say(_("Front matterissa saa olla vain yksi YAML-dokumentti. Poista ylimääräinen '---'- tai '...'-rivi.")),
            )

    def _line(self, event: yaml.Event) -> int:
        # The parser marks every event; an unmarked one would stand at the first YAML line.
        line: int = event.start_mark.line if event.start_mark else 0
        return line + self._offset

    def _node(self, event: yaml.Event) -> YamlNode:
        line = self._line(event)
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise FrontMatterError(
                line,
                self._say(_("YAML-ankkurit ja -viittaukset (& ja *) eivät ole sallittuja. Kirjoita arvo auki joka kohtaan.")),
            )
        tag = getattr(event, "tag", None)
        if tag not in (None, "!"):
            raise FrontMatterError(
                line,
                self._say(
                    _("YAML-tunniste '{tag}' ei ole sallittu. Poista se; jos arvo on tekstiä, kirjoita se lainausmerkkeihin."),
                    tag=tag,
                ),
            )
        if isinstance(event, yaml.ScalarEvent):
            return self._scalar(event, line)
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise FrontMatterError(line, self._say(TOO_DEEP, depth=MAX_DEPTH))
        try:
            if isinstance(event, yaml.SequenceStartEvent):
                return Sequence(items=tuple(self._children(yaml.SequenceEndEvent)), line=line)
            return self._mapping(line)
        finally:
            self._depth -= 1

    def _children(self, end_type: type[yaml.Event]) -> Iterator[YamlNode]:
        for event in self._events:
            if isinstance(event, end_type):
                return
            yield self._node(event)

    def _mapping(self, line: int) -> Mapping:
        entries: dict[str, Entry] = {}
        children = self._children(yaml.MappingEndEvent)
        for key in children:
            value = next(children)
            if not isinstance(key, Scalar):
                raise FrontMatterError(key.line, self._say(_("Kentän nimen pitää olla tavallista tekstiä.")))
            if key.type == "merge":
                raise FrontMatterError(key.line, self._say(_("YAML-yhdistämisavain '<<' ei ole sallittu. Kirjoita kentät auki.")))
            if key.raw in entries:
                first = entries[key.raw].key_line
                raise FrontMatterError(
                    key.line,
                    self._say(
                        _("Kenttä '{key}' on kahdesti (myös rivillä {first}). Yhdistä arvot yhteen kenttään."),
                        key=key.raw,
                        first=first,
                    ),
                    key.raw,
                )
            entries[key.raw] = Entry(key_line=key.line, value=value)
        return Mapping(entries=entries, line=line)

    def _scalar(self, event: yaml.ScalarEvent, line: int) -> Scalar:
        # Fast path for the common case: quoted text, or plain text that YAML
        # cannot read as anything else. Everything else goes to the resolver.
        text = event.value
        if event.style in ('"', "'") or (
            text[:1].isalpha()
            and text not in _PLAIN_NON_TEXT
            and not text[:1].isdigit()
            and ":" not in text
            and text[:1] not in "ynoftYNOFTN"
        ):
            return Scalar(raw=text, type="str", value=text, line=line)
        # PyYAML's stubs leave the resolver untyped; it returns the tag as a string.
        tag: str = self._resolver.resolve(yaml.ScalarNode, text, event.implicit)  # type: ignore[no-untyped-call]
        scalar_type = _SHORT_TAGS.get(tag, "str")
        if scalar_type in ("str", "merge"):
            return Scalar(raw=text, type=scalar_type, value=text, line=line)
        value: ScalarValue
        try:
            # No marks: they would only word a constructor error, and those are caught here.
            value = self._constructor.construct_object(yaml.ScalarNode(tag, text), deep=True)
        except (ValueError, yaml.YAMLError):
            value = None
        return Scalar(raw=text, type=scalar_type, value=value, line=line)
