"""Split a Markdown file into front matter and body exactly as MkDocs does, and
read the front matter into a tree that remembers the line of every value
(`frontmatter_tree.py`).

Only plain YAML is accepted: no anchors, aliases or explicit tags.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from kirjasto.content.characters import RETYPE_ADVICE, unsafe_character
from kirjasto.content.frontmatter_tree import MAX_DEPTH, TOO_DEEP, FrontMatterError, Mapping, Scalar, Sequence, YamlNode, compose
from kirjasto.content.messages import LANGUAGES, Messages, _, messages_in
from kirjasto.content.yaml_data import SAFE_LOADER
from kirjasto.content.yaml_errors import translate

__all__ = [
    "FRONT_MATTER_RE",
    "MAX_FRONT_MATTER_CHARS",
    "FrontMatterError",
    "Mapping",
    "Scalar",
    "Sequence",
    "SplitFile",
    "YamlNode",
    "declared_language",
    "normalise_text",
    "parse",
    "split",
]
"""`split` and `parse` raise `FrontMatterError` and return a tree of these nodes:
callers that walk the tree (the link checker) take its types from here too."""

# The same expression as mkdocs.utils.meta.YAML_RE (MkDocs 1.6), so that
# what validates here is what MkDocs would split.
FRONT_MATTER_RE = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.UNICODE | re.DOTALL)


@dataclass(frozen=True)
class SplitFile:
    """A file cut where MkDocs cuts it."""

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

_START = _(
    "Tiedoston pitää alkaa front matterilla: ensimmäiselle riville pelkkä '---', sitten kentät (title, summary, ...) ja lopuksi taas '---' omalle rivilleen."
)
_FINNISH = messages_in()

# A top-level `language: sv` line, as a contributor writes it (quoted or not, with a comment or not).
_LANGUAGE_LINE = re.compile(r"""^language[ \t]*:[ \t]*(["']?)[ \t]*([a-z]{2})[ \t]*\1[ \t]*(?:#.*)?$""", re.MULTILINE)


def declared_language(text: str) -> str | None:
    """The site language (`fi`, `sv`) a file's front matter declares on a line of its own
    (`language: sv`), read from the raw text: for the problems found before the YAML
    can be read (a YAML error, no front matter, an unreadable file), which are told in
    the language the file is written in. Only the front matter is looked at; without
    its closing `---`, the first `MAX_FRONT_MATTER_CHARS` characters."""
    match = FRONT_MATTER_RE.match(text)
    found = _LANGUAGE_LINE.search(match.group(1) if match else text[:MAX_FRONT_MATTER_CHARS])
    return found.group(2) if found and found.group(2) in LANGUAGES else None


def split(text: str, messages: Messages = _FINNISH) -> SplitFile:
    """Front matter and body of a normalised Markdown text.

    Uses MkDocs' own expression, then refuses what MkDocs would accept but a
    contributor should not write: other front-matter formats, a first line
    that is not exactly `---`, and the `...` terminator. The refusals are told in
    the language of `messages` (Finnish unless given).
    """
    say = messages.say
    first_line = text.split("\n", 1)[0]
    if first_line.startswith("{"):
        raise FrontMatterError(1, say(_("JSON-muotoista front matteria ei tueta.")) + " " + say(_START))
    if first_line.startswith("+++"):
        raise FrontMatterError(1, say(_("TOML-muotoista front matteria (+++) ei tueta.")) + " " + say(_START))
    match = FRONT_MATTER_RE.match(text)
    if match is None:
        if first_line.rstrip() == "---":
            raise FrontMatterError(
                1,
                say(
                    _(
                        "Front matter alkaa rivillä 1, mutta sen päättävä '---'-rivi puuttuu. Lisää '---' omalle rivilleen kenttien jälkeen."
                    )
                ),
            )
        raise FrontMatterError(1, say(_START))
    if first_line != "---":
        raise FrontMatterError(1, say(_("Ensimmäisellä rivillä pitää olla pelkkä '---'. Poista rivin lopusta välilyönnit.")))
    closing_line = text[: match.end()].count("\n")
    if text[match.end(1) : match.end()].startswith("..."):
        raise FrontMatterError(closing_line, say(_("Front matter päättyy riviin '...'. Käytä päättävänä rivinä '---'.")))
    if len(match.group(1)) > MAX_FRONT_MATTER_CHARS:
        raise FrontMatterError(
            1,
            say(
                _("Front matter on liian pitkä ({length} merkkiä, enintään {limit}). Siirrä pitkät tekstit kuvaustekstiin."),
                length=len(match.group(1)),
                limit=MAX_FRONT_MATTER_CHARS,
            ),
        )
    rest = text[match.end() :]
    body = rest.lstrip("\n")
    body_line = closing_line + 1 + (len(rest) - len(body))
    return SplitFile(front_matter=match.group(1), body=body, first_yaml_line=2, body_line=body_line)


_EventLoader = SAFE_LOADER


def parse(split_file: SplitFile, messages: Messages = _FINNISH) -> Mapping:
    """The front matter as a `Mapping` with file line numbers; what cannot be read is
    told in the language of `messages` (Finnish unless given)."""
    offset = split_file.first_yaml_line
    _refuse_unsafe_characters(split_file.front_matter, offset, messages)
    try:
        tree = compose(yaml.parse(split_file.front_matter, Loader=_EventLoader), offset, messages)
    except yaml.YAMLError as error:
        translated = translate(error, split_file.front_matter, messages)
        raise FrontMatterError(translated.line_index + offset, translated.message) from None
    except (RecursionError, MemoryError):
        raise FrontMatterError(offset, messages.say(TOO_DEEP, depth=MAX_DEPTH)) from None
    if tree is None:
        raise FrontMatterError(
            1,
            messages.say(
                _("Front matter on tyhjä. Kirjoita '---'-rivien väliin kentät title, summary, levels, themes ja updated.")
            ),
        )
    if not isinstance(tree, Mapping):
        raise FrontMatterError(
            offset,
            messages.say(
                _(
                    "Front matterin pitää olla kenttiä muodossa 'kenttä: arvo', yksi kenttä riville; nyt se on lista tai pelkkä arvo."
                )
            ),
        )
    return tree


def _refuse_unsafe_characters(front_matter: str, offset: int, messages: Messages) -> None:
    """Control and bidi characters, named with their line, before YAML sees them
    (libyaml would refuse some with an English message and accept others)."""
    found = unsafe_character(front_matter, messages)
    if found is None:
        return
    index, what = found
    line = front_matter.count("\n", 0, index) + offset
    raise FrontMatterError(line, messages.say(_("Front matterissa on {what}."), what=what) + " " + messages.say(RETYPE_ADVICE))
