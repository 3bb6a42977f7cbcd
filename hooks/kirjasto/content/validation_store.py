"""Validation results kept between runs, so that checking an unchanged library
again takes a fraction of a second at any size (rendering every body with
Python-Markdown takes about a millisecond per item; reading a stored result does not).

A result is reused only when nothing it depends on has changed:
- the file's bytes (a BLAKE2 digest of them; the file is read only when its
  modification time, size or inode changed since the result was stored);
- the context every file is checked against: the date, the Markdown configuration,
  the rendering budget, the vocabulary and allow-list files, and the checking code
  itself (every module and data file of `kirjasto.content`), and the Python version.
Anything in the context changing means every file is checked again.

The results are a pickle, which can run code when read, so they are never kept in
the repository, where a pull request could put one: they live in the user's cache
folder (`platformdirs`), one file per repository, or under `$KIRJASTO_VALIMUISTI`.
A store that cannot be read or written is ignored: the library is checked as if
for the first time.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

STORE_VARIABLE = "KIRJASTO_VALIMUISTI"
"""A folder for the stored results instead of the user's cache folder (tests, CI)."""
_FORMAT = 2
_RACY_NS = 2_000_000_000


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


@lru_cache(maxsize=1)
def code_digest() -> str:
    """The checking code and its data: a change to either checks everything again."""
    package = Path(__file__).resolve().parent.parent
    hasher = hashlib.blake2b(digest_size=16)
    hasher.update(f"{_FORMAT} {sys.version}".encode())
    for path in sorted([*(package / "content").glob("*.py"), *(package / "data").glob("*")]):
        hasher.update(path.name.encode())
        hasher.update(path.read_bytes())
    return hasher.hexdigest()


def cache_folder() -> Path | None:
    """The library's cache folder outside any repository (`$KIRJASTO_VALIMUISTI`, else the
    user's cache folder), or None when there is none."""
    folder = os.environ.get(STORE_VARIABLE)
    if folder:
        return Path(folder)
    try:
        from platformdirs import user_cache_dir
    except ImportError:
        return None
    return Path(user_cache_dir("kirjasto"))


def store_path(repository_root: Path) -> Path | None:
    """Where this repository's results are kept, or None when there is no cache folder."""
    base = cache_folder()
    return base / f"validointi-{digest(str(repository_root.resolve()).encode())}.pickle" if base else None


@dataclass
class ValidationCache:
    """Results by file, each with the digest of the bytes it was computed from, and
    the context they all share. Kept in memory between rebuilds of `mkdocs serve`
    and, with a `store`, on disk between runs."""

    context_key: str = ""
    results: dict[str, tuple[tuple[int, int, int], str, Any]] = field(default_factory=dict)
    """File path -> (its stamp: modification time, size, inode; the digest of its bytes;
    its `ValidatedFile`). An unchanged stamp spares reading the file; a changed one
    (a checkout, a copy) still reuses the result when the bytes are the same."""
    store: Path | None = None
    changed: bool = False

    @classmethod
    def stored(cls, repository_root: Path) -> ValidationCache:
        """The results kept for this repository (none yet: an empty cache that will keep them)."""
        path = store_path(repository_root)
        cache = cls(store=path)
        if path is None:
            return cache
        # Hundreds of thousands of objects at 10,000 items, none of them garbage: the
        # collector's passes while they are made would double the time.
        collecting = gc.isenabled()
        gc.disable()
        try:
            with path.open("rb") as handle:
                context_key, results = pickle.load(handle)
        except (OSError, EOFError, ValueError, TypeError, AttributeError, ImportError, IndexError, pickle.UnpicklingError):
            return cache
        finally:
            if collecting:
                gc.enable()
        cache.context_key, cache.results = context_key, results
        return cache

    def result(self, path: Path, stamp: tuple[int, int, int], file_digest: Callable[[], str]) -> tuple[str | None, Any]:
        """(the file's digest if it had to be read, the stored result or None)."""
        found = self.results.get(str(path))
        if found is None:
            return file_digest(), None
        # A file written in the last two seconds may change again within the same
        # modification time on a coarse file system ("racy git"): read it.
        if found[0] == stamp and time.time_ns() - stamp[0] > _RACY_NS:
            return None, found[2]
        digest_now = file_digest()
        if digest_now != found[1]:
            return digest_now, None
        self.results[str(path)] = (stamp, digest_now, found[2])
        self.changed = True
        return digest_now, found[2]

    def keep(self, path: Path, stamp: tuple[int, int, int], file_digest: str, result: Any) -> None:
        self.results[str(path)] = (stamp, file_digest, result)
        self.changed = True

    def use_context(self, key: str) -> None:
        if key != self.context_key:
            self.context_key, self.results, self.changed = key, {}, True

    def forget_missing(self, present: set[str]) -> None:
        """Drop the results of files that no longer exist."""
        gone = set(self.results) - present
        for path in gone:
            del self.results[path]
        self.changed = self.changed or bool(gone)

    def save(self) -> None:
        """Write the results when they changed; a failure only costs the next run time."""
        if self.store is None or not self.changed:
            return
        try:
            self.store.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=self.store.parent, delete=False, suffix=".tmp") as handle:
                pickle.dump((self.context_key, self.results), handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(handle.name, self.store)
            self.changed = False
        except OSError:
            return
