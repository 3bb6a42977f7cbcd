"""Words to index terms, in the language of the text: the word as written, its base
form (simplemma, offline) and, for compounds, their parts (`tutoropettaja` ->
`opettaja`, `tutorlärarna` -> `tutorlärare`, `lärare`).

Finnish and Swedish are analysed alike; what differs is a `LanguageRules` row:
the stop words, the Snowball stemmer the browser repeats for the query, whether
simplemma decomposes unknown compounds itself (its greedy mode, which Swedish
needs: `tutorlärarna` -> `tutorlärare`) and the letters that join a compound's
parts (Swedish `utvecklings|arbete`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from kirjasto.site.search import lemmas
from kirjasto.site.search.stop_words import FINNISH_STOP_WORDS, SWEDISH_STOP_WORDS

MIN_PART = 4
"""Shortest compound part worth indexing on its own (`kunta`, `tuki`, `elev`)."""


BASE_FORM_FACTOR = 1.0


PART_FACTOR = 0.6
"""A compound's part is a weaker match than the word itself."""


_WORD = re.compile(r"[a-zåäöüéA-ZÅÄÖÜÉ0-9]+(?:-[a-zåäöüéA-ZÅÄÖÜÉ0-9]+)*")


@dataclass(frozen=True)
class LanguageRules:
    """How the words of one language become index terms."""

    stop_words: frozenset[str]
    snowball: str
    """snowballstemmer's name of the stemmer the browser repeats for the query
    (docs/javascripts/haku-vartalo.js, haku-vartalo-sv.js)."""
    decompose: bool
    """Whether simplemma itself splits an unknown compound to find its base form
    (its greedy mode): Swedish `tutorlärarna` -> `tutorlärare`. Finnish base forms
    come from its dictionary and affix rules, which greedy mode would overreach."""
    linking_letters: tuple[str, ...] = ()
    """Letters a compound's first part may end with before the next (`utvecklings|arbete`);
    the part is also indexed without them."""
    shortest_first_part: int = MIN_PART
    """Swedish compounds often begin with a short stem (`lär|miljö`, `hem|språk`)."""


RULES = {
    "fi": LanguageRules(FINNISH_STOP_WORDS, "finnish", decompose=False),
    "sv": LanguageRules(SWEDISH_STOP_WORDS, "swedish", decompose=True, linking_letters=("s",), shortest_first_part=3),
}
"""Languages the search analyses; text in any other language is analysed as Finnish."""


def rules_of(language: str) -> LanguageRules:
    return RULES.get(language, RULES["fi"])


def language_of(language: str) -> str:
    """The analysed language `language` is read as ('fi' for anything unknown)."""
    return language if language in RULES else "fi"


@dataclass
class Analyser:
    """Words of one language -> index terms: surface form, base form, compound parts.
    Cached per distinct word, because a library repeats the same words thousands of times."""

    language: str = "fi"
    cache: dict[str, tuple[tuple[str, float], ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.language = language_of(self.language)

    def terms(self, word: str) -> tuple[tuple[str, float], ...]:
        word = word.lower()
        found = self.cache.get(word)
        if found is None:
            found = self.cache[word] = _analyse(word, self.language)
        return found

    def base_form(self, word: str) -> str:
        """The word's base form (`kunnissa` -> `kunta`); a hyphenated word is its own."""
        return word if "-" in word or len(word) > MAX_WORD_LENGTH else _lemma(word, self.language)


@lru_cache(maxsize=400_000)
def stem_of(word: str, language: str = "fi") -> str:
    """The Snowball stem (`opettajien` -> `opettaj`, `lärarna` -> `lär`), as the
    browser's docs/javascripts/haku-vartalo*.js computes it for the query."""
    return str(_stemmer(language_of(language)).stemWord(word))


@lru_cache(maxsize=4)
def _stemmer(language: str) -> Any:
    import snowballstemmer

    return snowballstemmer.stemmer(rules_of(language).snowball)


MAX_WORD_LENGTH = 64
"""Longer "words" are not indexed: the longest Finnish words have about 60 letters,
and analysing a run of thousands of letters (every split point of a compound) would
take minutes."""


def _analyse(word: str, language: str) -> tuple[tuple[str, float], ...]:
    if word in rules_of(language).stop_words or len(word) < 2 or len(word) > MAX_WORD_LENGTH:
        return ()
    terms = {word: 1.0}
    parts = word.split("-") if "-" in word else [word]
    for part in parts:
        if len(part) < 2:
            continue
        terms.setdefault(part, 1.0)
        base = _lemma(part, language)
        split = _split(part, language) if base == part and not _is_word(part, language) else None
        if split:
            # An inflected compound the dictionary does not know inflects in its last
            # part: `lärmiljöer` -> `lär` + `miljö`.
            base = split[0] + _lemma(split[1], language)
        terms.setdefault(base, BASE_FORM_FACTOR)
        for piece in _compound_parts(base, language):
            terms.setdefault(piece, PART_FACTOR)
    return tuple(terms.items())


@lru_cache(maxsize=400_000)
def _lemma(word: str, language: str) -> str:
    return lemmas.lemma(word, language, greedy=rules_of(language).decompose).lower()


@lru_cache(maxsize=400_000)
def _is_word(word: str, language: str) -> bool:
    return lemmas.is_known(word, language)


@lru_cache(maxsize=400_000)
def _compound_parts(word: str, language: str) -> tuple[str, ...]:
    """The known words a compound ends with, and its known first part: `kehittäjäopettajaverkosto`
    -> (`verkosto`, ...), found by trying every split point; each also in its base form
    (`elevhälsoarbetet` -> `arbetet`, `arbete`)."""
    split = _split(word, language)
    if split is None:
        return ()
    head, tail = split
    parts = [tail, _lemma(tail, language), *_compound_parts(tail, language), *_first_part(head, language)]
    return tuple(dict.fromkeys(parts))


@lru_cache(maxsize=400_000)
def _split(word: str, language: str) -> tuple[str, str] | None:
    """The compound's first part and the longest known word it ends with, if any."""
    shortest = rules_of(language).shortest_first_part
    for split in range(shortest, len(word) - MIN_PART + 1):
        if _is_word(word[split:], language):
            return word[:split], word[split:]
    return None


def _first_part(head: str, language: str) -> list[str]:
    """A compound's first part when it is a word of its own: without its linking
    letter when that is a word (`utvecklings` -> `utveckling`), else as written."""
    linked = [head[: -len(letters)] for letters in rules_of(language).linking_letters if head.endswith(letters)]
    return [part for part in (*linked, head) if len(part) >= MIN_PART and _is_word(part, language)][:1]
