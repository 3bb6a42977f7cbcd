"""Finnish words to index terms: the word as written, its base form (simplemma,
offline) and, for compounds, their last parts (`tutoropettaja` -> `opettaja`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from kirjasto.site.search import lemmas

MIN_PART = 4
"""Shortest compound part worth indexing on its own (`kunta`, `tuki`)."""


BASE_FORM_FACTOR = 1.0


PART_FACTOR = 0.6
"""A compound's part is a weaker match than the word itself."""


_WORD = re.compile(r"[a-zåäöüéA-ZÅÄÖÜÉ0-9]+(?:-[a-zåäöüéA-ZÅÄÖÜÉ0-9]+)*")


STOP_WORDS = frozenset(
    [
        "ja",
        "tai",
        "sekä",
        "että",
        "kun",
        "jos",
        "niin",
        "kuin",
        "mutta",
        "vaan",
        "myös",
        "jo",
        "vielä",
        "sen",
        "se",
        "ne",
        "ei",
        "on",
        "ovat",
        "oli",
        "olivat",
        "ole",
        "olla",
        "olisi",
        "voi",
        "voivat",
        "voidaan",
        "joka",
        "jotka",
        "jonka",
        "joita",
        "jossa",
        "joiden",
        "mikä",
        "mitä",
        "miten",
        "missä",
        "mihin",
        "kuka",
        "ketkä",
        "tämä",
        "tämän",
        "tässä",
        "tätä",
        "nämä",
        "näiden",
        "näitä",
        "hän",
        "he",
        "me",
        "te",
        "minä",
        "sinä",
        "se",
        "siitä",
        "sitä",
        "siinä",
        "sille",
        "siihen",
        "niiden",
        "niitä",
        "niissä",
        "heidän",
        "meidän",
        "myös",
        "eli",
        "esim",
        "mm",
        "noin",
        "yli",
        "alle",
        "kanssa",
        "ilman",
        "mukaan",
        "kautta",
        "sekä",
    ]
)


@dataclass
class FinnishAnalyser:
    """Words -> index terms: surface form, base form, compound parts. Cached per distinct word,
    because a library repeats the same words thousands of times."""

    cache: dict[str, tuple[tuple[str, float], ...]] = field(default_factory=dict)

    def terms(self, word: str) -> tuple[tuple[str, float], ...]:
        word = word.lower()
        found = self.cache.get(word)
        if found is None:
            found = self.cache[word] = _analyse(word)
        return found

    def base_form(self, word: str) -> str:
        """The word's base form (`kunnissa` -> `kunta`); a hyphenated word is its own."""
        return word if "-" in word or len(word) > MAX_WORD_LENGTH else _lemma(word)


@lru_cache(maxsize=200_000)
def stem_of(word: str) -> str:
    """The Finnish Snowball stem (`opettajien` -> `opettaj`), as the browser's
    docs/javascripts/haku-vartalo.js computes it for the query."""
    return str(_stemmer().stemWord(word))


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    import snowballstemmer

    return snowballstemmer.stemmer("finnish")


MAX_WORD_LENGTH = 64
"""Longer "words" are not indexed: the longest Finnish words have about 60 letters,
and analysing a run of thousands of letters (every split point of a compound) would
take minutes."""


def _analyse(word: str) -> tuple[tuple[str, float], ...]:
    if word in STOP_WORDS or len(word) < 2 or len(word) > MAX_WORD_LENGTH:
        return ()
    terms = {word: 1.0}
    parts = word.split("-") if "-" in word else [word]
    for part in parts:
        if len(part) < 2:
            continue
        terms.setdefault(part, 1.0)
        base = _lemma(part)
        terms.setdefault(base, BASE_FORM_FACTOR)
        for piece in _compound_parts(base):
            terms.setdefault(piece, PART_FACTOR)
    return tuple(terms.items())


@lru_cache(maxsize=200_000)
def _lemma(word: str) -> str:
    return lemmas.lemma(word).lower()


@lru_cache(maxsize=200_000)
def _is_word(word: str) -> bool:
    return lemmas.is_known(word)


@lru_cache(maxsize=200_000)
def _compound_parts(word: str) -> tuple[str, ...]:
    """The known words a compound ends with: `kehittäjäopettajaverkosto` ->
    (`verkosto`, `opettajaverkosto`?, ...), found by trying every split point."""
    if len(word) < 2 * MIN_PART:
        return ()
    parts = []
    for split in range(MIN_PART, len(word) - MIN_PART + 1):
        tail = word[split:]
        if _is_word(tail):
            parts.append(tail)
            parts.extend(_compound_parts(tail))
            head = word[:split]
            if _is_word(head) and len(head) >= MIN_PART:
                parts.append(head)
            break
    return tuple(dict.fromkeys(parts))
