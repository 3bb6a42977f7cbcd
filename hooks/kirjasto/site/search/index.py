"""The index files the browser's search reads (docs/javascripts/haku-*.js).

- `meta.json`: the shard table, the score levels, the stop words and a version
  that every other request carries (`?v=`), so that no browser mixes two builds.
- `t-N.json`: terms in sorted order, cut into shards of at most `SHARD_BYTES`
  raw, each with its terms' postings and the *related* table of its key range.
  A query word needs the shard whose range holds it, rarely one more.
- `d-N.json`: the details of result N as a one-row list (address, title,
  summary, kind, place, status and the text the snippet is cut from), fetched
  for shown results only. (A list of rows, `meta.chunk` per file, as the first
  index had: readers of `row[0]` for the address keep working.)

Postings are compact strings: for each document, a capital letter naming the
score level and the document number's distance from the previous one in base
36 (`A0C2b`: document 0 at level A, document 2 at C, document 13 at b...).

The related table maps a Snowball stem, and a base form, to the ids of the index
terms it stands for (`opettaj` -> opettaja, opettajat, opettajien). It points to
existing terms, so a stem costs a few digits, not a second copy of the postings.

Each site has an index of its own, in its language (`meta.language`): the stems
are that language's, which the browser repeats for the query. Every text is
analysed in its own language (`SearchDocument.language`): a Finnish item on the
Swedish site still gets its Finnish base forms, a Swedish item on the Finnish
site its Swedish ones.
"""

from __future__ import annotations

import bisect
import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from kirjasto.content.yaml_data import load_yaml
from kirjasto.site.search.analysis import language_of, rules_of, stem_of
from kirjasto.site.search.postings import Postings, SearchDocument, TermTable, document_postings

INDEX_DIR = "haku-indeksi"

SHARD_BYTES = 16_000
"""Raw size a shard is cut at. A whole first query (meta, a shard or two per word,
ten results' details) then stays well under 150 KB gzip at 10,000 items. A shard
is bigger only when one term's postings alone are (none at 10,000 items)."""

SNIPPET_TEXT_CHARS = 10_000
"""How much of a page's text its result details carry for the snippet."""


SYNONYM_FACTOR = 0.7
"""A page found through a synonym ranks below one that has the word itself."""

SYNONYM_MARK = "~"
"""Index key prefix of a word's synonym entry (`~esimies`: the pages that say `esihenkilö`)."""


@dataclass(frozen=True)
class _Shard:
    first_key: str
    first_term: int
    text: str


def build_search_index(
    documents: list[SearchDocument], language: str = "fi", prepared: tuple[int, TermTable] | None = None
) -> dict[str, str]:
    """Every index file of a site in `language`, as `{path under the site: JSON text}`.
    `prepared`: the terms of the first n documents, found earlier by `document_postings`
    (while the site was being rendered); they are completed here, not copied."""
    language = language_of(language)
    done, table = prepared or (0, TermTable())
    table = document_postings(documents[done:], language, first=done, into=table)
    postings = _with_synonyms(table.postings)
    terms = sorted(postings)
    levels = sorted({score for found in postings.values() for score in found.values()}, reverse=True)
    if len(levels) > 26:
        raise ValueError("search index: more than 26 score levels")
    letter = {score: chr(ord("A") + n) for n, score in enumerate(levels)}
    encoded = {term: _encode(postings[term], letter) for term in terms}
    related = _related(terms, table.base_forms, language)
    shards = _shards(terms, encoded, related)
    files = {f"{INDEX_DIR}/t-{n}.json": shard.text for n, shard in enumerate(shards)}
    for number, document in enumerate(documents):
        row = [
            document.url,
            document.title,
            document.summary,
            document.kind,
            document.place,
            document.status,
            " ".join(document.body.split())[:SNIPPET_TEXT_CHARS],
        ]
        files[f"{INDEX_DIR}/d-{number}.json"] = _json([row])
    # File by file: the same digest as of all the files' text joined, without a copy
    # of the whole index in memory (tens of megabytes at 10,000 items).
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(files[path].encode())
    version = digest.hexdigest()[:12]
    files[f"{INDEX_DIR}/meta.json"] = _json(
        {
            "version": version,
            "count": len(documents),
            "chunk": 1,
            "levels": levels,
            "language": language,
            # The stop words of every language analysed: none of them is in the index.
            "stop": sorted(set().union(*(rules_of(code).stop_words for code in table.languages | {language}))),
            # Words that have a synonym entry, with their stems (the browser matches
            # inflected query words to them).
            "synonyms": sorted({(word, stem_of(word, language)) for group in synonym_groups() for word in group}),
            "shards": [[shard.first_key, shard.first_term] for shard in shards],
        }
    )
    return files


def _with_synonyms(postings: Postings) -> Postings:
    """Adds `~word` for every word of a synonym group: the pages of the group's
    other words, at a lower score. Apart from the word's own entry, so that the
    browser ranks pages that have the words as typed before pages found through a
    synonym."""
    for group in synonym_groups():
        for word in group:
            others: dict[int, float] = {}
            for other in group:
                for number, score in postings.get(other, {}).items() if other != word else ():
                    others[number] = max(others.get(number, 0), round(score * SYNONYM_FACTOR, 1))
            if others:
                postings[SYNONYM_MARK + word] = others
    return postings


@lru_cache(maxsize=1)
def synonym_groups() -> tuple[tuple[str, ...], ...]:
    """The groups of kirjasto/data/search-synonyms.yml."""

    text = resources.files("kirjasto").joinpath("data/search-synonyms.yml").read_text("utf-8")
    return tuple(tuple(str(word).lower() for word in group) for group in load_yaml(text))


def _encode(found: dict[int, float], letter: dict[float, str]) -> str:
    parts = []
    previous = 0
    for number in sorted(found):
        parts.append(letter[found[number]] + _base36(number - previous))
        previous = number
    return "".join(parts)


_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
_SMALL_BASE36 = [_DIGITS[n // 36] + _DIGITS[n % 36] if n >= 36 else _DIGITS[n] for n in range(36 * 36)]
"""The distances between postings are mostly small: looked up, not computed."""


def _base36(number: int) -> str:
    if number < len(_SMALL_BASE36):
        return _SMALL_BASE36[number]
    digits = _DIGITS
    text = ""
    while True:
        number, rest = divmod(number, 36)
        text = digits[rest] + text
        if not number:
            return text


def _related(terms: list[str], base_forms: dict[str, str], language: str) -> dict[str, list[int]]:
    """{stem or base form: ids of the terms it stands for}. A term whose stem is
    itself needs no entry: the browser looks the stem up as a term too. The stems
    are the index language's, as the browser's for the query."""
    ids = {term: number for number, term in enumerate(terms)}
    related: defaultdict[str, set[int]] = defaultdict(set)
    for term, number in ids.items():
        if term.startswith(SYNONYM_MARK):
            continue
        stem = stem_of(term, language)
        if stem != term:
            related[stem].add(number)
        base = base_forms.get(term, term)
        if base != term and base in ids:
            # The base form's own postings already hold this term's documents;
            # the link lets the snippet find and mark `kunnissa` for `kunta`.
            related[base].add(number)
    return {key: sorted(numbers) for key, numbers in related.items()}


def _shards(terms: list[str], encoded: dict[str, str], related: dict[str, list[int]]) -> list[_Shard]:
    """Sorted keys (terms and related keys) cut where a shard would pass `SHARD_BYTES`."""
    shards: list[_Shard] = []
    current_terms: list[list[str]] = []
    current_related: list[list[object]] = []
    first_key = ""
    size = 0

    def close() -> None:
        # The id of the shard's first term, or of the next term when it holds only related keys.
        first_term = bisect.bisect_left(terms, first_key)
        shards.append(_Shard(first_key, first_term, _json({"t": current_terms, "r": current_related})))

    for key in sorted(set(encoded) | set(related)):
        entry_size = len(key) * 2 + len(encoded.get(key, "")) + 6 * len(related.get(key, ())) + 12
        if (current_terms or current_related) and size + entry_size > SHARD_BYTES:
            close()
            current_terms, current_related, size = [], [], 0
        if not current_terms and not current_related:
            first_key = key
        if key in encoded:
            current_terms.append([key, encoded[key]])
        if key in related:
            current_related.append([key, related[key]])
        size += entry_size
    if current_terms or current_related or not shards:
        close()
    shards[0] = _Shard("", shards[0].first_term, shards[0].text)
    return shards


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
