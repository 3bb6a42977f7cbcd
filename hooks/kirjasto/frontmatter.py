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


def split(text: str) -> SplitFile:
    """Front matter and body of a normalised Markdown text."""
    match = FRONT_MATTER_RE.match(text)
    if match is None:
        first_line = text.split("\n", 1)[0]
        if first_line.rstrip() == "---":
            raise FrontMatterError(1, "Front matter alkaa rivillä 1, mutta sen päättävä '---'-rivi puuttuu. Lisää '---' omalle rivilleen kenttien jälkeen.")
        raise FrontMatterError(1, "Tiedoston pitää alkaa front matterilla: ensimmäiselle riville '---', sitten kentät (title, summary, ...) ja lopuksi taas '---'.")
    rest = text[match.end():]
    body = rest.lstrip("\n")
    body_line = text[: match.end()].count("\n") + 1 + (len(rest) - len(body))
    return SplitFile(front_matter=match.group(1), body=body, first_yaml_line=2, body_line=body_line)


class _PlainYamlLoader(yaml.SafeLoader):
    """A safe loader that refuses anchors, aliases and explicit tags while composing,
    before anything can be expanded."""

    def compose_node(self, parent, index):  # noqa: ANN001 - PyYAML's signature
        event = self.peek_event()
        line = event.start_mark.line
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _RefusedYaml(line, "YAML-ankkurit ja -viittaukset (& ja *) eivät ole sallittuja. Kirjoita arvo auki joka kohtaan.")
        tag = getattr(event, "tag", None)
        if tag not in (None, "!"):
            raise _RefusedYaml(line, f"YAML-tunniste '{tag}' ei ole sallittu. Poista se; jos arvo on tekstiä, kirjoita se lainausmerkkeihin.")
        return super().compose_node(parent, index)


class _RefusedYaml(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def parse(split_file: SplitFile) -> Mapping:
    """The front matter as a `Mapping` with file line numbers."""
    offset = split_file.first_yaml_line
    loader = _PlainYamlLoader(split_file.front_matter)
    try:
        node = loader.get_single_node()
    except _RefusedYaml as refused:
        raise FrontMatterError(refused.line + offset, refused.message) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + offset if mark else offset
        raise FrontMatterError(line, f"YAML ei ole kelvollista: {_describe_yaml_error(error)}. Tarkista sisennykset, kaksoispisteet ja lainausmerkit; tekstiarvo, jossa on kaksoispiste, kirjoitetaan lainausmerkkeihin.") from None
    except yaml.YAMLError as error:
        raise FrontMatterError(offset, f"YAML ei ole kelvollista: {error}.") from None
    finally:
        loader.dispose()
    if node is None:
        raise FrontMatterError(1, "Front matter on tyhjä. Kirjoita '---'-rivien väliin kentät title, summary, levels, themes ja updated.")
    tree = _convert(node, offset)
    if not isinstance(tree, Mapping):
        raise FrontMatterError(offset, "Front matterin pitää olla kenttiä muodossa 'kenttä: arvo', yksi kenttä riville; nyt se on lista tai pelkkä arvo.")
    return tree


def _describe_yaml_error(error: yaml.MarkedYAMLError) -> str:
    problem = error.problem or error.context or "tuntematon virhe"
    translations = {
        "mapping values are not allowed here": "kaksoispiste väärässä kohdassa (arvossa on kaksoispiste ilman lainausmerkkejä?)",
        "could not find expected ':'": "kaksoispiste puuttuu kentän nimen perästä",
        "found character '\\t' that cannot start any token": "sarkainmerkki (tab) sisennyksessä; käytä välilyöntejä",
        "expected <block end>, but found '<block sequence start>'": "listan sisennys ei täsmää",
        "found undefined alias": "viittaus (*) ei ole sallittu",
    }
    for english, finnish in translations.items():
        if problem.startswith(english):
            return finnish
    return problem


def _convert(node: yaml.Node, offset: int) -> YamlNode:
    line = node.start_mark.line + offset
    if isinstance(node, yaml.ScalarNode):
        return _convert_scalar(node, line)
    if isinstance(node, yaml.SequenceNode):
        return Sequence(items=tuple(_convert(child, offset) for child in node.value), line=line)
    entries: dict[str, Entry] = {}
    for key_node, value_node in node.value:
        key_line = key_node.start_mark.line + offset
        if not isinstance(key_node, yaml.ScalarNode):
            raise FrontMatterError(key_line, "Kentän nimen pitää olla tavallista tekstiä.")
        if _SHORT_TAGS.get(key_node.tag) == "merge":
            raise FrontMatterError(key_line, "YAML-yhdistämisavain '<<' ei ole sallittu. Kirjoita kentät auki.")
        key = key_node.value
        if key in entries:
            first = entries[key].key_line
            raise FrontMatterError(key_line, f"Kenttä '{key}' on kahdesti (myös rivillä {first}). Yhdistä arvot yhteen kenttään.", field=key)
        entries[key] = Entry(key_line=key_line, value=_convert(value_node, offset))
    return Mapping(entries=entries, line=line)


def _convert_scalar(node: yaml.ScalarNode, line: int) -> Scalar:
    scalar_type = _SHORT_TAGS.get(node.tag, "str")
    if scalar_type == "str":
        return Scalar(raw=node.value, type="str", value=node.value, line=line)
    try:
        value = yaml.SafeLoader("").construct_object(node, deep=True)
    except (ValueError, yaml.YAMLError):
        value = None
    return Scalar(raw=node.value, type=scalar_type, value=value, line=line)
