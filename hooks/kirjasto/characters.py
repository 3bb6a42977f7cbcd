"""Characters that have no place in contributed text: control characters and
the bidirectional controls that can make text display differently from what
it is ("Trojan Source")."""

from __future__ import annotations

import unicodedata

BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_ALLOWED_CONTROLS = frozenset("\t\n")


def unsafe_character(text: str) -> tuple[int, str] | None:
    """Index and Finnish description of the first unsafe character, if any."""
    for index, char in enumerate(text):
        if char in BIDI_CONTROLS:
            return index, f"tekstin suuntaa muuttava näkymätön merkki U+{ord(char):04X}"
        if char not in _ALLOWED_CONTROLS and unicodedata.category(char) == "Cc":
            return index, f"näkymätön ohjausmerkki U+{ord(char):04X}"
    return None


def has_unsafe_characters(text: str) -> bool:
    """Fast path: most texts are plain, so test the whole string at C speed first."""
    return not text.replace("\n", "").replace("\t", "").isprintable() and unsafe_character(text) is not None
