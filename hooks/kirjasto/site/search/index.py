"""The sharded index files: terms by their first two letters (`t-ku.json`), result
details in chunks of documents (`d-0.json`), and the ranking the browser does,
repeated here for tests and the benchmark."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass

from kirjasto.site.search.analysis import _WORD, FinnishAnalyser

INDEX_DIR = "haku-indeksi"


DOCS_PER_CHUNK = 100


WEIGHTS = {"title": 10, "keywords": 6, "summary": 5, "headings": 4, "body": 1}


@dataclass(frozen=True)
class SearchDocument:
    """One page as the search sees it."""

    url: str
    """Site-relative URL, e.g. `kaytannot/nimi/`."""
    title: str
    summary: str
    """Shown under the title in the results."""
    kind: str = ""
    """Shown in the results: 'Hyvä käytäntö', 'Sivu' ..."""
    headings: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    """Metadata names: themes, places, levels, kind."""
    body: str = ""


def _shard_of(term: str) -> str:
    """Two-letter shard name; characters outside a-zåäö0-9 become `_`."""
    key = "".join(c if c.isalnum() else "_" for c in term[:2])
    return key.ljust(2, "_")


def build_search_index(documents: list[SearchDocument], analyser: FinnishAnalyser | None = None) -> dict[str, str]:
    """Every index file as `{path under the site: JSON text}`."""
    analyser = analyser or FinnishAnalyser()
    postings: defaultdict[str, dict[int, float]] = defaultdict(dict)
    for number, document in enumerate(documents):
        fields = {
            "title": document.title,
            "keywords": " ".join(document.keywords),
            "summary": document.summary,
            "headings": " ".join(document.headings),
            "body": document.body,
        }
        for name, text in fields.items():
            weight = WEIGHTS[name]
            for word in set(_WORD.findall(text)):
                for term, factor in analyser.terms(word):
                    score = weight * factor
                    if postings[term].get(number, 0) < score:
                        postings[term][number] = score
    shards: defaultdict[str, dict[str, list[int | float]]] = defaultdict(dict)
    for term in sorted(postings):
        flat = []
        for number, score in sorted(postings[term].items()):
            flat += [number, round(score, 1)]
        shards[_shard_of(term)][term] = flat
    files = {f"{INDEX_DIR}/t-{name}.json": _json(terms) for name, terms in shards.items()}
    for start in range(0, len(documents), DOCS_PER_CHUNK):
        chunk = [[d.url, d.title, d.summary, d.kind] for d in documents[start : start + DOCS_PER_CHUNK]]
        files[f"{INDEX_DIR}/d-{start // DOCS_PER_CHUNK}.json"] = _json(chunk)
    files[f"{INDEX_DIR}/meta.json"] = _json({"count": len(documents), "chunk": DOCS_PER_CHUNK, "shards": sorted(shards)})
    return files


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def rank_query(files: dict[str, str], text: str, limit: int = 10) -> tuple[list[int], set[str]]:
    """The top documents for a query and the index files a browser downloads for it,
    computed the way docs/javascripts/haku.js does (for tests and the benchmark)."""
    meta = json.loads(files[f"{INDEX_DIR}/meta.json"])
    fetched = {f"{INDEX_DIR}/meta.json"}
    words = [w for w in re.findall(r"[a-zåäöüé0-9]+", text.lower()) if len(w) > 1]
    total: dict[int, float] | None = None
    for word in words:
        path = f"{INDEX_DIR}/t-{_shard_of(word)}.json"
        shard = json.loads(files.get(path, "{}"))
        if path in files:
            fetched.add(path)
        scores: dict[int, float] = {}
        for term, postings in shard.items():
            factor = 1 if term == word else 0.8 if term.startswith(word) else 0
            if not factor:
                continue
            for doc, score in zip(postings[::2], postings[1::2], strict=False):
                if scores.get(doc, -1) < score * factor:
                    scores[doc] = score * factor
        total = scores if total is None else {d: total[d] + scores[d] for d in total if d in scores}
    final = total or {}
    ranked = sorted(final, key=lambda d: (-final[d], d))[:limit]
    fetched |= {f"{INDEX_DIR}/d-{doc // meta['chunk']}.json" for doc in ranked}
    return ranked, fetched


def query_files(files: dict[str, str], text: str) -> set[str]:
    return rank_query(files, text)[1]
