"""Split a Markdown file into front matter and body exactly as MkDocs does,
and read the front matter into a tree that remembers the line of every value.

Only plain YAML is accepted: no anchors, aliases or explicit tags. Values
keep the type YAML gave them, so that validation can tell a contributor that
`Kyllä` was fine but `yes` was read as a boolean.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from kirjasto.content.characters import RETYPE_ADVICE, has_unsafe_characters, unsafe_character
from kirjasto.content.yaml_errors import translate

# The same expression as mkdocs.utils.meta.YAML_RE (MkDocs 1.6), so that
# what validates here is what MkDocs would split.
FRONT_MATTER_RE = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.UNICODE | re.DOTALL)

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


@dataclass(frozen=True)
class Scalar:
    """A single YAML value with the type YAML resolved for it."""

    raw: str
    """The text as written, without quotes."""
    type: str
    """`str`, `int`, `float`, `bool`, `null` or `timestamp`."""
    value: Any
    """The Python value; None where YAML could not build one (e.g. 2024-02-30)."""
    line: int


@dataclass(frozen=True)
class Sequence:
    items: tuple[Any, ...]
    line: int


@dataclass(frozen=True)
class Entry:
    key_line: int
    value: Any


@dataclass(frozen=True)
class Mapping:
    entries: dict[str, Entry] = field(default_factory=dict)
    line: int = 1


YamlNode = Scalar | Sequence | Mapping


@dataclass(frozen=True)
class SplitFile:
    front_matter: str
    """The YAML text between the `---` lines."""
    body: str
    """Markdown after the front matter, leading blank lines removed as MkDocs does."""
    first_yaml_line: int
    """File line of the first YAML line (2: line 1 holds `---`)."""
    body_line: int
    """File line where the body starts."""


def normalise_text(text: str) -> str:
    """Drop a byte-order mark and turn CRLF/CR into LF, as MkDocs' reader does."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


MAX_FRONT_MATTER_CHARS = 16_000
"""A long real front matter (ten contacts and links) is about 2,000 characters."""

_START = "Tiedoston pitää alkaa front matterilla: ensimmäiselle riville pelkkä '---', sitten kentät (title, summary, ...) ja lopuksi taas '---' omalle rivilleen."


def split(text: str) -> SplitFile:
    """Front matter and body of a normalised Markdown text.

    Uses MkDocs' own expression, then refuses what MkDocs would accept but a
    contributor should not write: other front-matter formats, a first line
    that is not exactly `---`, and the `...` terminator.
    """
    first_line = text.split("\n", 1)[0]
    if first_line.startswith("{"):
        raise FrontMatterError(1, "JSON-muotoista front matteria ei tueta. " + _START)
    if first_line.startswith("+++"):
        raise FrontMatterError(1, "TOML-muotoista front matteria (+++) ei tueta. " + _START)
    match = FRONT_MATTER_RE.match(text)
    if match is None:
        if first_line.rstrip() == "---":
            raise FrontMatterError(
                1,
                "Front matter alkaa rivillä 1, mutta sen päättävä '---'-rivi puuttuu. Lisää '---' omalle rivilleen kenttien jälkeen.",
            )
        raise FrontMatterError(1, _START)
    if first_line != "---":
        raise FrontMatterError(1, "Ensimmäisellä rivillä pitää olla pelkkä '---'. Poista rivin lopusta välilyönnit.")
    closing_line = text[: match.end()].count("\n")
    if text[match.end(1) : match.end()].startswith("..."):
        raise FrontMatterError(closing_line, "Front matter päättyy riviin '...'. Käytä päättävänä rivinä '---'.")
    if len(match.group(1)) > MAX_FRONT_MATTER_CHARS:
        raise FrontMatterError(
            1,
            f"Front matter on liian pitkä ({len(match.group(1))} merkkiä, enintään {MAX_FRONT_MATTER_CHARS}). Siirrä pitkät tekstit kuvaustekstiin.",
        )
    rest = text[match.end() :]
    body = rest.lstrip("\n")
    body_line = closing_line + 1 + (len(rest) - len(body))
    return SplitFile(front_matter=match.group(1), body=body, first_yaml_line=2, body_line=body_line)


# libyaml's C parser when PyYAML has it (about 10x faster), else the pure-Python one.
_EventLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse(split_file: SplitFile) -> Mapping:
    """The front matter as a `Mapping` with file line numbers."""
    offset = split_file.first_yaml_line
    _refuse_unsafe_characters(split_file.front_matter, offset)
    try:
        tree = _Composer(yaml.parse(split_file.front_matter, Loader=_EventLoader), offset).compose()
    except yaml.YAMLError as error:
        translated = translate(error, split_file.front_matter)
        raise FrontMatterError(translated.line_index + offset, translated.message) from None
    except (RecursionError, MemoryError):
        raise FrontMatterError(offset, _TOO_DEEP) from None
    if tree is None:
        raise FrontMatterError(
            1, "Front matter on tyhjä. Kirjoita '---'-rivien väliin kentät title, summary, levels, themes ja updated."
        )
    if not isinstance(tree, Mapping):
        raise FrontMatterError(
            offset,
            "Front matterin pitää olla kenttiä muodossa 'kenttä: arvo', yksi kenttä riville; nyt se on lista tai pelkkä arvo.",
        )
    return tree


def _refuse_unsafe_characters(front_matter: str, offset: int) -> None:
    """Control and bidi characters, named with their line, before YAML sees them
    (libyaml would refuse some with an English message and accept others)."""
    if not has_unsafe_characters(front_matter):
        return
    index, what = unsafe_character(front_matter)
    line = front_matter.count("\n", 0, index) + offset
    raise FrontMatterError(line, f"Front matterissa on {what}. {RETYPE_ADVICE}")


MAX_DEPTH = 4
"""Lists and field groups inside each other: contacts (a list of groups of texts) need three."""
_TOO_DEEP = f"Front matterissa on liian monta sisäkkäistä listaa tai kenttäryhmää (enintään {MAX_DEPTH}). Kirjoita arvot tavallisina listoina."

_PLAIN_NON_TEXT = frozenset(
    {
        "yes",
        "Yes",
        "YES",
        "no",
        "No",
        "NO",
        "true",
        "True",
        "TRUE",
        "false",
        "False",
        "FALSE",
        "on",
        "On",
        "ON",
        "off",
        "Off",
        "OFF",
        "null",
        "Null",
        "NULL",
    }
)


class _Composer:
    """Builds the tree straight from parser events, so that anchors, aliases and
    tags are refused before anything could be expanded, and every value keeps
    its line."""

    def __init__(self, events, offset: int) -> None:
        self._events = iter(events)
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

    def _expect(self, event_type) -> None:
        event = next(self._events)
        if not isinstance(event, event_type):
            raise FrontMatterError(
                self._line(event),
                "Front matterissa saa olla vain yksi YAML-dokumentti. Poista ylimääräinen '---'- tai '...'-rivi.",
            )

    def _line(self, event) -> int:
        return event.start_mark.line + self._offset

    def _node(self, event) -> YamlNode:
        line = self._line(event)
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise FrontMatterError(
                line, "YAML-ankkurit ja -viittaukset (& ja *) eivät ole sallittuja. Kirjoita arvo auki joka kohtaan."
            )
        tag = getattr(event, "tag", None)
        if tag not in (None, "!"):
            raise FrontMatterError(
                line, f"YAML-tunniste '{tag}' ei ole sallittu. Poista se; jos arvo on tekstiä, kirjoita se lainausmerkkeihin."
            )
        if isinstance(event, yaml.ScalarEvent):
            return self._scalar(event, line)
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise FrontMatterError(line, _TOO_DEEP)
        try:
            if isinstance(event, yaml.SequenceStartEvent):
                return Sequence(items=tuple(self._children(yaml.SequenceEndEvent)), line=line)
            return self._mapping(line)
        finally:
            self._depth -= 1

    def _children(self, end_type):
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
                raise FrontMatterError(key.line, "Kentän nimen pitää olla tavallista tekstiä.")
            if key.type == "merge":
                raise FrontMatterError(key.line, "YAML-yhdistämisavain '<<' ei ole sallittu. Kirjoita kentät auki.")
            if key.raw in entries:
                first = entries[key.raw].key_line
                raise FrontMatterError(
                    key.line, f"Kenttä '{key.raw}' on kahdesti (myös rivillä {first}). Yhdistä arvot yhteen kenttään.", key.raw
                )
            entries[key.raw] = Entry(key_line=key.line, value=value)
        return Mapping(entries=entries, line=line)

    def _scalar(self, event: yaml.ScalarEvent, line: int) -> Scalar:
        # Fast path for the common case: quoted text, or plain text that YAML
        # cannot read as anything else. Everything else goes to the resolver.
        value = event.value
        if event.style in ('"', "'") or (
            value[:1].isalpha()
            and value not in _PLAIN_NON_TEXT
            and not value[:1].isdigit()
            and ":" not in value
            and value[:1] not in "ynoftYNOFTN"
        ):
            return Scalar(raw=value, type="str", value=value, line=line)
        tag = self._resolver.resolve(yaml.ScalarNode, event.value, event.implicit)
        scalar_type = _SHORT_TAGS.get(tag, "str")
        if scalar_type in ("str", "merge"):
            return Scalar(raw=event.value, type=scalar_type, value=event.value, line=line)
        try:
            value = self._constructor.construct_object(
                yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark), deep=True
            )
        except (ValueError, yaml.YAMLError):
            value = None
        return Scalar(raw=event.value, type=scalar_type, value=value, line=line)
