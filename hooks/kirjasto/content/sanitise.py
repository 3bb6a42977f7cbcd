"""The sanitiser of contributed HTML: nh3 (bindings to the Ammonia library) with
the allow-list in `data/html-allowlist.yml`, and a comparison that tells what it
would change.

Validation renders a body, cleans it here and refuses the body when the clean
HTML differs from what Markdown made; the page then shows the clean HTML. The
sanitiser is therefore both the judge and the last step before publishing, and
the two cannot disagree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from html.parser import HTMLParser
from importlib import resources
from typing import Any

import nh3

from kirjasto.content.yaml_data import load_yaml


@dataclass(frozen=True)
class AllowList:
    """What contributed HTML may contain; read from `data/html-allowlist.yml`."""

    tags: frozenset[str]
    attributes: dict[str, frozenset[str]]
    classes: dict[str, frozenset[str]]
    values: dict[tuple[str, str], re.Pattern[str]]
    """Whole-value patterns for some attributes, by (tag, attribute)."""
    reserved_id_prefixes: tuple[str, ...]
    url_schemes: frozenset[str]
    relative_url: re.Pattern[str]

    @classmethod
    def packaged(cls) -> AllowList:
        text = resources.files("kirjasto").joinpath("data/html-allowlist.yml").read_text("utf-8")
        return cls.from_data(load_yaml(text))

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> AllowList:
        values: dict[tuple[str, str], re.Pattern[str]] = {}
        for key, pattern in data["values"].items():
            tag, attribute = key.split(".")
            values[(tag, attribute)] = re.compile(pattern)
        return cls(
            tags=frozenset(data["tags"]),
            attributes={tag: frozenset(names) for tag, names in data["attributes"].items()},
            classes={tag: frozenset(names) for tag, names in data["classes"].items()},
            values=values,
            reserved_id_prefixes=tuple(data["reserved_id_prefixes"]),
            url_schemes=frozenset(data["url_schemes"]),
            relative_url=re.compile(data["relative_url"]),
        )

    def id_is_reserved(self, value: str) -> bool:
        return value.startswith(self.reserved_id_prefixes)


class Sanitiser:
    """nh3 configured from an allow-list. Reusable and cheap to call."""

    def __init__(self, allow: AllowList | None = None) -> None:
        self.allow = allow or AllowList.packaged()

    def __getstate__(self) -> dict[str, AllowList]:
        # The nh3 cleaner is not picklable; worker processes build their own.
        return {"allow": self.allow}

    def __setstate__(self, state: dict[str, AllowList]) -> None:
        self.allow = state["allow"]

    @cached_property
    def _cleaner(self) -> nh3.Cleaner:
        allow = self.allow
        return nh3.Cleaner(
            tags=set(allow.tags),
            clean_content_tags={"script", "style"},
            attributes={tag: set(names) for tag, names in allow.attributes.items()},
            allowed_classes={tag: set(names) for tag, names in allow.classes.items()},
            attribute_filter=self._filter_attribute,
            url_schemes=set(allow.url_schemes),
            url_relative=self._filter_relative_url,
            link_rel=None,
            strip_comments=True,
        )

    def _filter_attribute(self, tag: str, attribute: str, value: str) -> str | None:
        pattern = self.allow.values.get((tag, attribute))
        if pattern is not None and not pattern.fullmatch(value):
            return None
        if attribute == "id" and self.allow.id_is_reserved(value):
            return None
        return value

    def _filter_relative_url(self, url: str) -> str | None:
        return url if self.allow.relative_url.fullmatch(url) else None

    def clean(self, html: str) -> str:
        return self._cleaner.clean(html)


# --- what changed ----------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """One thing the sanitiser removed or altered."""

    tag: str
    """The element concerned, e.g. `a`, `img`; `#comment` for a comment."""
    attribute: str | None
    """The attribute removed or altered; None when the whole element went."""
    value: str
    """The attribute's value as Markdown made it (for an element: its `src` or `href`, if any)."""
    attributes: tuple[tuple[str, str], ...]
    """All attributes of the element as Markdown made it."""
    text: str
    """The element's own text (a link's text, a heading's words), to help find it."""
    written: str
    """The start tag exactly as Markdown wrote it (entities not decoded)."""
    heading: str | None
    """Text of the nearest heading before the element, to help find it."""


Attributes = tuple[tuple[str, str], ...]
StartToken = tuple[str, str, Attributes]
"""`("start", tag, attributes)`, the attributes sorted by name."""
Token = StartToken | tuple[str, str]
"""A start tag, or `("end", tag)`, `("text", text)`, `("comment", text)`, `("other", declaration)`."""


def _start_tag(token: Token) -> StartToken | None:
    """The token if it is a start tag (the only kind with attributes)."""
    return token if len(token) == 3 else None


class _Tokeniser(HTMLParser):
    """HTML as a list of comparable tokens: entity-decoded text, sorted attributes,
    `<br>` and `<br />` alike. Two strings with equal token lists are the same HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tokens: list[Token] = []
        self.written: dict[int, str] = {}
        """Each start tag as written, by token index (kept out of the comparison)."""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.written[len(self.tokens)] = self.get_starttag_text() or ""
        self.tokens.append(("start", tag, tuple(sorted((key, value or "") for key, value in attrs))))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self.tokens.append(("end", tag))

    def handle_data(self, data: str) -> None:
        if self.tokens and self.tokens[-1][0] == "text":
            self.tokens[-1] = ("text", self.tokens[-1][1] + data)
        else:
            self.tokens.append(("text", data))

    def handle_comment(self, data: str) -> None:
        self.tokens.append(("comment", data))

    def handle_decl(self, decl: str) -> None:
        self.tokens.append(("other", decl))

    def handle_pi(self, data: str) -> None:
        self.handle_decl(data)

    def unknown_decl(self, data: str) -> None:
        self.handle_decl(data)


def _tokenise(html: str) -> _Tokeniser:
    tokeniser = _Tokeniser()
    tokeniser.feed(html)
    tokeniser.close()
    return tokeniser


def tokens(html: str) -> list[Token]:
    return _tokenise(html).tokens


# What Python-Markdown writes differently from nh3 for the same HTML.
_SERIALISATION = (("<br />", "<br>"), ("<hr />", "<hr>"), ("&para;", "¶"), ("\xa0", "&nbsp;"))


def is_unchanged(original: str, cleaned: str) -> bool:
    """True when the sanitiser kept everything: the same HTML up to serialisation."""
    if original == cleaned:
        return True
    normalised = original
    for markdown_form, nh3_form in _SERIALISATION:
        normalised = normalised.replace(markdown_form, nh3_form)
    return normalised == cleaned or tokens(original) == tokens(cleaned)


_HEADING = re.compile(r"^h[1-6]$")


MAX_EXPLAINED = 100
"""Changes explained per body: a body with more is refused anyway, and each one
costs a little to describe."""
_RESYNC_WINDOW = 32


def changes(original: str, cleaned: str) -> list[Change]:
    """Each element or attribute that the sanitiser removed or altered, in document order.

    The sanitiser only removes and alters, never reorders, so the two token lists
    are walked side by side (a short look-ahead finds the place again after
    something was removed): linear in the length of the body, whatever it holds."""
    tokenised = _tokenise(original)
    before, after = tokenised.tokens, tokens(cleaned)
    headings = _headings_before(before)
    found: list[Change] = []
    position = 0
    for index, token in enumerate(before):
        if len(found) >= MAX_EXPLAINED:
            break
        if position < len(after) and after[position] == token:
            position += 1
            continue
        ahead = after[position : position + _RESYNC_WINDOW]
        if token in ahead and token[0] != "text":
            position += ahead.index(token) + 1
            continue
        if token[0] == "comment":
            found.append(Change("#comment", None, token[1], (), "", "", headings[index]))
        elif (start := _start_tag(token)) is not None:
            # The same element with attributes removed or altered, or the element gone.
            same = _start_tag(after[position]) if position < len(after) else None
            kept = [same] if same is not None and same[1] == start[1] else []
            position += 1 if kept else 0
            found += _start_tag_changes(start, kept, _text_of(before, index), tokenised.written.get(index, ""), headings[index])
    if not found and before != after:
        # Restructured (e.g. a block inside a paragraph) without losing a tag or an attribute.
        found.append(Change("#structure", None, "", (), "", "", None))
    return found


def _headings_before(before: list[Token]) -> list[str | None]:
    """For each token, the text of the nearest heading that starts before it (one pass)."""
    result: list[str | None] = []
    current: str | None = None
    for index, token in enumerate(before):
        result.append(current)
        if token[0] == "start" and _HEADING.match(token[1]):
            current = _text_of(before, index) or None
    return result


def _start_tag_changes(token: StartToken, kept: list[StartToken], text: str, written: str, heading: str | None) -> list[Change]:
    _, tag, attributes = token
    counterpart = next((other for other in kept if other[1] == tag), None)
    if counterpart is None:
        value = dict(attributes).get("src") or dict(attributes).get("href") or ""
        return [Change(tag, None, value, attributes, text, written, heading)]
    kept.remove(counterpart)
    remaining = dict(counterpart[2])
    return [
        Change(tag, name, value, attributes, text, written, heading) for name, value in attributes if remaining.get(name) != value
    ]


def _text_of(before: list[Token], index: int) -> str:
    """The text inside the element that starts at token `index` (without permalinks)."""
    tag, depth = before[index][1], 0
    texts: list[str] = []
    for token in before[index + 1 :]:
        if token[0] == "start" and token[1] == tag:
            depth += 1
        elif token[0] == "end" and token[1] == tag:
            if depth == 0:
                break
            depth -= 1
        elif token[0] == "text":
            texts.append(token[1])
    return " ".join("".join(texts).replace("¶", "").split())
