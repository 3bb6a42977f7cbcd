"""Small text helpers shared by validation and page planning: slugs, Finnish
sort order, suggestions for misspelt values and Markdown escaping."""

from __future__ import annotations

import datetime
import difflib
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

# Finnish alphabetical order puts å, ä and ö after z (and treats ü as y and
# w as its own letter after v, which plain code point order already does).
_FINNISH_TAIL = {"å": "{", "ä": "|", "ö": "}"}
_FOLD_TO_BASE = {"ü": "y", "æ": "|", "ø": "}"}


def slugify(name: str) -> str:
    """ASCII URL slug of a Finnish name: 'Hämeenlinna' -> 'hameenlinna'."""
    decomposed = unicodedata.normalize("NFKD", name.lower())
    ascii_only = decomposed.encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")


class _SortFolding(dict[int, str]):
    """Each character's sort form, for `str.translate`: worked out the first time the
    character is seen (str.translate asks the mapping per character, in C)."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if char in _FINNISH_TAIL:
            folded = _FINNISH_TAIL[char]
        else:
            folded = unicodedata.normalize("NFKD", _FOLD_TO_BASE.get(char, char))[:1]
        self[code] = folded
        return folded


_SORT_FOLDING = _SortFolding()


@lru_cache(maxsize=200_000)
def finnish_sort_key(text: str) -> str:
    """Key that sorts Finnish text as a Finnish reader expects: ... z, å, ä, ö
    (accents folded to their letter, å, ä and ö after z).
    Cached: a big build sorts the same titles into dozens of listings."""
    return text.lower().translate(_SORT_FOLDING)


def suggest(value: str, choices: Iterable[str]) -> str | None:
    """The closest known value to a misspelt one, if any is close enough."""
    by_folded = {finnish_sort_key(choice): choice for choice in choices}
    matches = difflib.get_close_matches(finnish_sort_key(value), list(by_folded), n=1, cutoff=0.75)
    return by_folded[matches[0]] if matches else None


# Parentheses need no escape: with brackets escaped they cannot form a link. `~` is
# not among the characters Python-Markdown unescapes, so it is written as `&#126;`
# (a backslash would show), which also keeps `~~~` from opening a code fence.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}#+!|])")
# At the start of a line these would begin a list: "- x", "1. x".
_LIST_START = re.compile(r"^(-|\d+(?=[.)]))")


def escape_markdown(text: str) -> str:
    """Make untrusted text render literally inside Markdown: no markup, no HTML."""
    flat = " ".join(text.split())
    escaped = _LIST_START.sub(_escape_list_marker, _MARKDOWN_SPECIAL.sub(r"\\\1", flat))
    escaped = escaped.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("~", "&#126;")
    # A line starting with ':' would become a definition list (def_list).
    return "&#58;" + escaped[1:] if escaped.startswith(":") else escaped


def _escape_list_marker(match: re.Match[str]) -> str:
    marker: str = match.group(0)
    return marker + "\\" if marker[0].isdigit() else "\\" + marker


def format_date_fi(value: datetime.date) -> str:
    """A date the Finnish way, without leading zeros: 24.11.2026."""
    return f"{value.day}.{value.month}.{value.year}"


def format_number_fi(number: int) -> str:
    """Thousands apart the Finnish way, with a no-break space: 10 000."""
    return f"{number:,}".replace(",", "\u00a0")


def count_phrase(count: int, singular: str, plural: str) -> str:
    """'1 kuvaus', '3 kuvausta', '10 000 kuvausta': Finnish uses the singular only
    for one and the partitive (`plural`) for every other number, zero included."""
    return f"{format_number_fi(count)} {singular if count == 1 else plural}"


class LineMap:
    """Maps a character offset in a text to its 1-based line in the file."""

    def __init__(self, text: str, first_line: int) -> None:
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self._first = first_line

    def __call__(self, offset: int) -> int:
        low, high = 0, len(self._starts) - 1
        while low < high:
            middle = (low + high + 1) // 2
            if self._starts[middle] <= offset:
                low = middle
            else:
                high = middle - 1
        return self._first + low
