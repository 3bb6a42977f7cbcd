"""Find the line in a body's source where something was written that the renderer
or the sanitiser reported: raw HTML, an attribute list, a changed element, a
heading, an HTML entity."""

from __future__ import annotations

import html as html_module
import re

from kirjasto.content.characters import has_unsafe_characters
from kirjasto.content.sanitise import Change
from kirjasto.content.text import LineMap

_ATTRIBUTE_VALUE = r'\s{name}="([^"]*)"'
_HEADING_LINE = re.compile(r"^ {0,3}#{1,6}[ \t]")
_MARKUP = re.compile(r"[*_`\[\]()!\\#<>{}]")


class Locator:
    """Finds where in the source something the renderer reported was written.

    Each kind of thing is searched for by the text that makes it (the raw HTML as
    written, the address of a link, the words of a heading); repeated findings of
    the same text are matched to successive occurrences. When nothing is found,
    the line of the nearest heading before it is used, and failing that the
    body's first line."""

    def __init__(self, body: str, first_line: int) -> None:
        self.body = body
        self.first_line = first_line
        self.line_of = LineMap(body, first_line)
        self._lowered = body.lower()
        self._used: dict[str, int] = {}
        self._headings: dict[str, list[int]] | None = None

    def _find(self, needle: str, *, ignore_case: bool = False) -> int | None:
        """Offset of the next unused occurrence of `needle` (or of its first one)."""
        if not needle:
            return None
        haystack, key = (self._lowered, needle.lower()) if ignore_case else (self.body, needle)
        start = self._used.get(key, 0)
        found = haystack.find(key, start)
        if found < 0:
            found = haystack.find(key)
        if found < 0:
            return None
        self._used[key] = found + 1
        return found

    def text(self, *needles: str, ignore_case: bool = False) -> int | None:
        for needle in needles:
            offset = self._find(needle, ignore_case=ignore_case)
            if offset is not None:
                return self.line_of(offset)
        return None

    def heading(self, text: str | None) -> int | None:
        """The line of a heading with these words (ATX `## ...` or underlined); the
        next unused one when several have the same words."""
        if not text:
            return None
        if self._headings is None:
            self._headings = {}
            lines = self.body.split("\n")
            for index, line in enumerate(lines):
                atx = _HEADING_LINE.match(line)
                underlined = index + 1 < len(lines) and line.strip() and re.fullmatch(r" {0,3}(=+|-+)\s*", lines[index + 1])
                # The words of an ATX heading: without its #-marks at either end.
                candidate = line.strip().lstrip("#").rstrip("#").strip() if atx else line if underlined else None
                if candidate is not None:
                    self._headings.setdefault(_heading_key(candidate), []).append(self.first_line + index)
        found = self._headings.get(_heading_key(text))
        if not found:
            return None
        return found.pop(0) if len(found) > 1 else found[0]

    def raw_html(self, raw: str) -> tuple[int, str]:
        """The line of raw HTML the parser passed through, and the HTML as written there
        (an element the parser rebuilt, e.g. for `markdown="1"`, is found by its tag)."""
        first = raw.strip().split("\n")[0]
        tag = re.match(r"</?[A-Za-z][A-Za-z0-9]*", first)
        for needle in (first, first[:40]):
            offset = self._find(needle, ignore_case=True)
            if offset is not None:
                return self.line_of(offset), self.body[offset : offset + len(needle)]
        offset = self._find(tag.group(0), ignore_case=True) if tag else None
        if offset is not None:
            line = self.body[offset:].split("\n", 1)[0]
            end = line.find(">")
            return self.line_of(offset), line[: end + 1] if end >= 0 else line
        return self.first_line, first

    def invisible_entity(self) -> int | None:
        """The line of an HTML entity (`&shy;`, `&#8203;`) that stands for a refused character."""
        for match in re.finditer(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);", self.body):
            if has_unsafe_characters(html_module.unescape(match.group(0))):
                return self.line_of(match.start())
        return None

    def attribute(self, attribute: str, value: str) -> int:
        token = (
            f"#{value}"
            if attribute == "id"
            else f".{value.split()[0]}"
            if attribute == "class" and value.strip()
            else f"{attribute}="
        )
        return self.text(token, value, "{:", "{") or self.first_line

    def change(self, change: Change) -> int:
        written = re.search(
            _ATTRIBUTE_VALUE.format(name=re.escape(change.attribute or ("src" if change.tag == "img" else "href"))),
            change.written,
        )
        raw_value = written.group(1) if written else ""
        if change.tag == "#comment":
            found = self.text("<!--")
        elif change.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            found = self.heading(change.text)
        elif change.tag == "code" and change.attribute == "class":
            found = self.text(
                "```" + change.value.removeprefix("language-").split()[0],
                "~~~" + change.value.removeprefix("language-").split()[0],
                "```",
                "~~~",
            )
        elif change.tag == "div" and change.attribute == "class":
            found = self.text(*(f"!!! {part}" for part in change.value.split() if part != "admonition"), "!!!")
        else:
            found = self.text(
                *(needle for needle in (raw_value, html_module.unescape(raw_value), change.value, change.text) if needle)
            )
        return found or self.heading(change.heading) or self.first_line


def _heading_key(text: str) -> str:
    """Words of a heading for matching the source with what was rendered: link targets,
    entities and markup characters do not count."""
    without_targets = re.sub(r"\]\([^)]*\)", " ", text)
    return " ".join(_MARKUP.sub(" ", html_module.unescape(without_targets)).split()).lower()
