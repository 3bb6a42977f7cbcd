"""simplemma's Finnish and Swedish dictionaries as memory-mapped MARISA tries.

simplemma's default dictionary is a Python dict of 3.5 million Finnish word forms
(Swedish: 1 million, 0.8 s):
loading it took about 3 s and 400 MB on every build, more than a whole bare
mkdocs-material build of a small site. Its `TrieDictionaryFactory` gives the same
answers from a trie file (18 MB on disk, about 36 MB in memory, loaded in 0.1 s).
The tries are built once from simplemma's own data, by `make install`
(`lemmas.prepare()`), into the virtual environment, next to
the package whose data it holds; a build that finds none builds it there first.
"""

from __future__ import annotations

import os
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

LANGUAGES = ("fi", "sv")


def trie_folder() -> Path | None:
    """Where the trie is kept: inside the virtual environment when it is writable
    (the trie belongs to the installed simplemma version), else simplemma's own
    choice, the user's cache folder (None)."""
    folder = Path(sys.prefix) / "share" / "kirjasto" / "simplemma"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder if os.access(folder, os.W_OK) else None


@lru_cache(maxsize=1)
def _dictionaries() -> Any:
    from simplemma.strategies.dictionaries import TrieDictionaryFactory

    folder = trie_folder()
    return TrieDictionaryFactory(disk_cache_dir=str(folder) if folder else None)


@lru_cache(maxsize=4)
def _lemmatiser(greedy: bool) -> Any:
    """simplemma's lemmatiser over the tries; `greedy` also splits unknown compounds."""
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultStrategy

    return Lemmatizer(lemmatization_strategy=DefaultStrategy(greedy=greedy, dictionary_factory=_dictionaries()))


@lru_cache(maxsize=1)
def _lookup() -> Any:
    """simplemma's plain dictionary lookup over the tries."""
    from simplemma.strategies import DictionaryLookupStrategy

    return DictionaryLookupStrategy(_dictionaries())


def lemma(word: str, language: str, *, greedy: bool = False) -> str:
    """The word's base form, as `simplemma.lemmatize(word, lang=language, greedy=greedy)` gives it."""
    return str(_lemmatiser(greedy).lemmatize(word, lang=language))


def is_known(word: str, language: str) -> bool:
    """Whether the dictionary holds the word, as `simplemma.is_known(word, lang=language)` tells."""
    from simplemma.utils import normalize_token

    return _lookup().get_lemma(normalize_token(word), language) is not None


def prepare() -> None:
    """Build the tries now (about 10 s and 700 MB, once), not in the first site build."""
    for language in LANGUAGES:
        lemma("opettajien", language)
