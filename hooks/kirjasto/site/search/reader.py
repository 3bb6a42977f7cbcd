"""Reading the index back in Python, for tests, the benchmark's helpers and tools.

The browser (docs/javascripts/haku-moottori.js) is what visitors use and what the
browser tests measure; `rank_query` repeats only its core, so that Python code can
ask which documents a query's words match: every word must match (AND) its own
term, a longer term it begins, or a term with its Snowball stem (through the
related table). The forgiving fallbacks and partial matches are the browser's.
"""

from __future__ import annotations

import json
import re

from kirjasto.site.search.analysis import stem_of
from kirjasto.site.search.index import INDEX_DIR

_FACTORS = {"exact": 1.0, "prefix": 0.8, "stem": 0.7}
_MAX_PREFIX_SHARDS = 3


class _Index:
    def __init__(self, files: dict[str, str]) -> None:
        self.files = files
        self.meta = json.loads(files[f"{INDEX_DIR}/meta.json"])
        self.read: set[str] = {f"{INDEX_DIR}/meta.json"}
        self._shards: dict[int, tuple[list[list[str]], dict[str, list[int]]]] = {}

    def shard_number(self, key: str) -> int:
        return max(n for n, (first_key, _) in enumerate(self.meta["shards"]) if first_key <= key)

    def shard(self, number: int) -> tuple[list[list[str]], dict[str, list[int]]]:
        if number not in self._shards:
            path = f"{INDEX_DIR}/t-{number}.json"
            self.read.add(path)
            data = json.loads(self.files[path])
            self._shards[number] = (data["t"], dict(data["r"]))
        return self._shards[number]

    def term(self, term_id: int) -> tuple[str, str] | None:
        number = max(n for n, (_, first) in enumerate(self.meta["shards"]) if first <= term_id)
        terms = self.shard(number)[0]
        offset = term_id - self.meta["shards"][number][1]
        return (terms[offset][0], terms[offset][1]) if 0 <= offset < len(terms) else None

    def prefix_terms(self, prefix: str) -> list[tuple[str, str]]:
        """Terms beginning with `prefix`: its shard and, when they run on, the next
        ones (at most three in all, as the browser)."""
        first = self.shard_number(prefix)
        last = first
        shards = self.meta["shards"]
        while last + 1 < len(shards) and last - first + 1 < _MAX_PREFIX_SHARDS and shards[last + 1][0].startswith(prefix):
            last += 1
        return [
            (term, postings)
            for number in range(first, last + 1)
            for term, postings in self.shard(number)[0]
            if term.startswith(prefix)
        ]

    def scores(self, postings: str) -> dict[int, float]:
        found: dict[int, float] = {}
        number = 0
        for level, distance in re.findall(r"([A-Z])([0-9a-z]+)", postings):
            number += int(distance, 36)
            found[number] = self.meta["levels"][ord(level) - ord("A")]
        return found

    def word(self, word: str) -> dict[int, float]:
        """{document: best score} for one query word."""
        matches: dict[str, tuple[float, str]] = {}
        for term, postings in self.prefix_terms(word):
            matches[term] = (_FACTORS["exact"] if term == word else _FACTORS["prefix"], postings)
        stem = stem_of(word, self.meta.get("language", "fi"))
        stem_terms, stem_related = self.shard(self.shard_number(stem))
        for term, postings in stem_terms:
            if term == stem:
                matches.setdefault(term, (_FACTORS["stem"], postings))
        for term_id in stem_related.get(stem, []):
            found = self.term(term_id)
            if found:
                matches.setdefault(found[0], (_FACTORS["stem"], found[1]))
        best: dict[int, float] = {}
        for factor, postings in matches.values():
            for document, score in self.scores(postings).items():
                best[document] = max(best.get(document, 0), score * factor)
        return best


def rank_query(files: dict[str, str], text: str, limit: int = 10) -> tuple[list[int], set[str]]:
    """The top documents for a query (every word must match) and the index files read."""
    index = _Index(files)
    stop = set(index.meta["stop"])
    words = [w for w in re.findall(r"[a-zåäöüé0-9]+", text.lower()) if w not in stop]
    total: dict[int, float] | None = None
    for word in words:
        scores = index.word(word)
        total = scores if total is None else {d: total[d] + scores[d] for d in total if d in scores}
    final = total or {}
    ranked = sorted(final, key=lambda d: (-final[d], d))[:limit]
    chunk = index.meta["chunk"]
    return ranked, index.read | {f"{INDEX_DIR}/d-{document // chunk}.json" for document in ranked}


def query_files(files: dict[str, str], text: str) -> set[str]:
    """The index files a browser downloads for a query's exact, prefix and stem matches."""
    return rank_query(files, text)[1]


def term_postings(files: dict[str, str], term: str) -> dict[int, float]:
    """{document number: score} of one index term."""
    index = _Index(files)
    terms = dict(index.shard(index.shard_number(term))[0])
    return index.scores(terms.get(term, ""))
