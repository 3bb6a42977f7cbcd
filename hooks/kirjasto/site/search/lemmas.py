"""simplemma's Finnish dictionary as a memory-mapped MARISA trie.

simplemma's default dictionary is a Python dict of 3.5 million Finnish word forms:
loading it took about 3 s and 400 MB on every build, more than a whole bare
mkdocs-material build of a small site. Its `TrieDictionaryFactory` gives the same
answers from a trie file (18 MB on disk, about 36 MB in memory, loaded in 0.1 s).
The trie is built once from simplemma's own data, by `make install`
(`lemmas.prepare()`), into the virtual environment, next to
the package whose data it holds; a build that finds none builds it there first.
"""

from __future__ import annotations

import os
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

LANGUAGE = "fi"


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
def _finnish() -> tuple[Any, Any]:
    """simplemma's lemmatiser and its plain dictionary lookup, both over the trie."""
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultStrategy, DictionaryLookupStrategy
    from simplemma.strategies.dictionaries import TrieDictionaryFactory

    folder = trie_folder()
    factory = TrieDictionaryFactory(disk_cache_dir=str(folder) if folder else None)
    return Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=factory)), DictionaryLookupStrategy(factory)


def lemma(word: str) -> str:
    """The word's base form, as `simplemma.lemmatize(word, lang="fi")` gives it."""
    return str(_finnish()[0].lemmatize(word, lang=LANGUAGE))


def is_known(word: str) -> bool:
    """Whether the dictionary holds the word, as `simplemma.is_known(word, lang="fi")` tells."""
    from simplemma.utils import normalize_token

    return _finnish()[1].get_lemma(normalize_token(word), LANGUAGE) is not None


def prepare() -> None:
    """Build the trie now (about 6 s and 700 MB, once), not in the first site build."""
    lemma("opettajien")
