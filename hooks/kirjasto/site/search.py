"""Site search that understands Finnish, and stays light at 10,000 items.

Build time: every page's words are indexed as written *and* in their base
forms (simplemma, offline), and compounds also under their last parts
(`tutoropettaja` -> `opettaja`), so that `kunta` finds `kunnissa` and
`opettaja` finds `tutoropettajien`. Result snippets are the pages' own
summaries, never the added base forms.

The index is sharded: terms by their first two letters (`t-ku.json`), result
details in chunks of documents (`d-0.json`). A search downloads `meta.json`,
the shards of its words and the chunks of its top results, not the whole
index. The browser side is `docs/javascripts/haku.js`.
"""

from __future__ import annotations

import html
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from kirjasto.content.body_sections import body_sections

INDEX_DIR = "haku-indeksi"
DOCS_PER_CHUNK = 100
MIN_PART = 4
"""Shortest compound part worth indexing on its own (`kunta`, `tuki`)."""

WEIGHTS = {"title": 10, "keywords": 6, "summary": 5, "headings": 4, "body": 1}
BASE_FORM_FACTOR = 1.0
PART_FACTOR = 0.6
"""A compound's part is a weaker match than the word itself."""

_WORD = re.compile(r"[a-zåäöüéA-ZÅÄÖÜÉ0-9]+(?:-[a-zåäöüéA-ZÅÄÖÜÉ0-9]+)*")
STOP_WORDS = frozenset("""
ja tai sekä että kun jos niin kuin mutta vaan myös jo vielä sen se ne ei on ovat oli olivat ole olla
olisi voi voivat voidaan joka jotka jonka joita jossa joiden mikä mitä miten missä mihin kuka ketkä
tämä tämän tässä tätä nämä näiden näitä hän he me te minä sinä se siitä sitä siinä sille siihen
niiden niitä niissä heidän meidän myös eli esim mm noin yli alle kanssa ilman mukaan kautta sekä
""".split())


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
    import simplemma  # imported late: loading its Finnish data takes a moment

    return simplemma.lemmatize(word, lang="fi").lower()


@lru_cache(maxsize=200_000)
def _is_word(word: str) -> bool:
    import simplemma

    return simplemma.is_known(word, lang="fi")


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
    shards: defaultdict[str, dict[str, list]] = defaultdict(dict)
    for term in sorted(postings):
        flat = []
        for number, score in sorted(postings[term].items()):
            flat += [number, round(score, 1)]
        shards[_shard_of(term)][term] = flat
    files = {f"{INDEX_DIR}/t-{name}.json": _json(terms) for name, terms in shards.items()}
    for start in range(0, len(documents), DOCS_PER_CHUNK):
        chunk = [[d.url, d.title, d.summary, d.kind] for d in documents[start:start + DOCS_PER_CHUNK]]
        files[f"{INDEX_DIR}/d-{start // DOCS_PER_CHUNK}.json"] = _json(chunk)
    files[f"{INDEX_DIR}/meta.json"] = _json({"count": len(documents), "chunk": DOCS_PER_CHUNK, "shards": sorted(shards)})
    return files


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def markdown_to_text(markdown: str) -> str:
    """Plain words of a hand-written page's Markdown: no links' targets, markup or code
    fences. (Items are indexed from their rendered HTML, `html_to_text`.) Every
    expression is bounded, so no text makes it quadratic."""
    text = re.sub(r"```.{0,20000}?```", " ", markdown, flags=re.DOTALL)
    text = re.sub(r"!?\[([^\]\n]{0,300})\]\([^)\n]{0,2000}\)", r"\1", text)
    text = re.sub(r"<[^<>\n]{1,300}>", " ", text)
    return re.sub(r"[#*_`>|{}\[\]()]", " ", text)


def html_to_text(sanitised_html: str) -> str:
    """The words of sanitised HTML (an item's body as the page shows it)."""
    return html.unescape(re.sub(r"<[^>]*>", " ", sanitised_html))


def headings_of(markdown: str) -> tuple[str, ...]:
    return tuple(m.group(1).strip() for m in re.finditer(r"^#{2,6}\s+(.+)$", markdown, re.MULTILINE))


def item_documents(library) -> list[SearchDocument]:
    """Search documents for every published item, newest first."""
    from kirjasto.site.pages.listing import newest_first
    from kirjasto.site.pages.page import url_of

    documents = []
    for item in newest_first(library.items):
        keywords = (
            item.kind.label,
            *(t.name for t in item.themes),
            *(m.name for m in item.municipalities),
            *(r.name for r in item.all_regions),
            *(level.name for level in item.levels),
            *(a.name for a in item.audience),
            *item.organisations,
        )
        documents.append(SearchDocument(
            url=url_of(item.src_uri),
            title=item.title,
            summary=item.summary,
            kind=item.kind.label,
            headings=tuple(section.heading_text for section in body_sections(item.body_html) if section.level),
            keywords=keywords,
            body=html_to_text(item.body_html),
        ))
    return documents


def page_document(url: str, title: str, markdown: str, description: str | None) -> SearchDocument:
    """A hand-written or index page: its description (or first paragraph) is the snippet."""
    text = markdown_to_text(re.sub(r"<!--.*?-->", " ", markdown, flags=re.DOTALL))
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip() and not p.lstrip().startswith(("-", "|", ":"))]
    summary = description or (" ".join(paragraphs[1].split())[:240] if len(paragraphs) > 1 else "")
    return SearchDocument(url=url, title=title, summary=summary, kind="Sivu", headings=headings_of(markdown), body=text)


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
            for doc, score in zip(postings[::2], postings[1::2]):
                if scores.get(doc, -1) < score * factor:
                    scores[doc] = score * factor
        total = scores if total is None else {d: total[d] + scores[d] for d in total if d in scores}
    ranked = sorted(total or {}, key=lambda d: (-total[d], d))[:limit]
    fetched |= {f"{INDEX_DIR}/d-{doc // meta['chunk']}.json" for doc in ranked}
    return ranked, fetched


def query_files(files: dict[str, str], text: str) -> set[str]:
    return rank_query(files, text)[1]


def warm_up(documents: list[SearchDocument]) -> int:
    """Analyse every word once, filling this process's caches (and loading
    simplemma's Finnish data, about 4 s and 400 MB, which dominates small builds)."""
    analyser = FinnishAnalyser()
    for document in documents:
        for text in (document.title, document.summary, document.body, " ".join(document.keywords), " ".join(document.headings)):
            for word in set(_WORD.findall(text)):
                analyser.terms(word)
    return len(analyser.cache)


class BackgroundIndexer:
    """Builds the search index in a second process, so that loading the lemma data
    and analysing the items overlap with the page rendering in the main process."""

    def __init__(self, documents: list[SearchDocument]) -> None:
        import concurrent.futures
        import multiprocessing

        # spawn, not fork: the build process may hold threads (mkdocs serve).
        self._pool = concurrent.futures.ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
        self._pool.submit(warm_up, documents)

    def finish(self, documents: list[SearchDocument]) -> dict[str, str]:
        try:
            return self._pool.submit(build_search_index, documents).result()
        finally:
            self._pool.shutdown()

    def cancel(self) -> None:
        """Stop the second process when the build fails before the index is needed."""
        self._pool.shutdown(wait=True, cancel_futures=True)
