"""Site search that understands Finnish and Swedish, and stays light at 10,000 items.

Build time: every page's words are indexed as written *and* in their base
forms (simplemma, offline), and compounds also under their parts
(`tutoropettaja` -> `opettaja`, `tutorlärarna` -> `tutorlärare`, `lärare`), so
that `kunta` finds `kunnissa` and `opettaja` finds `tutoropettajien`. Each text
is analysed in its own language. Result snippets are the pages' own summaries,
never the added base forms.

Every indexed word also has its Snowball stem in the site's language, stored as
a table that points to the index's words, and the browser stems the query with
the same algorithm (docs/javascripts/haku-vartalo.js, haku-vartalo-sv.js), so
`opettajille` finds `opettajien` and `lärarnas` finds `lärare`. The index is cut into shards of sorted terms of at most about
16 KB each, and every result's details are a file of their own: a search
downloads `meta.json`, a shard or two per word and the details of the results
it shows, never the whole index (index.py). The browser side is
`docs/javascripts/haku*.js`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kirjasto.site.overwrite import write_text_over
from kirjasto.site.search.analysis import Analyser, stem_of
from kirjasto.site.search.documents import (
    headings_of,
    html_to_text,
    item_documents,
    markdown_to_text,
    own_title,
    page_document,
    search_documents,
    with_pages,
)
from kirjasto.site.search.index import INDEX_DIR, build_search_index
from kirjasto.site.search.postings import SearchDocument, TermTable, document_postings
from kirjasto.site.search.reader import query_files, rank_query, term_postings

if TYPE_CHECKING:
    from kirjasto.content.messages import Messages
    from kirjasto.content.model import Library

__all__ = [
    "INDEX_DIR",
    "Analyser",
    "BackgroundIndexer",
    "SearchDocument",
    "build_search_index",
    "headings_of",
    "html_to_text",
    "item_documents",
    "markdown_to_text",
    "own_title",
    "page_document",
    "query_files",
    "rank_query",
    "search_documents",
    "stem_of",
    "term_postings",
]


@dataclass
class _Prepared:
    """The items' terms, found in the indexing process while the main process
    renders the pages. The process serves one build, so this is its only state."""

    documents: list[SearchDocument] = field(default_factory=list)
    language: str = "fi"
    table: TermTable = field(default_factory=TermTable)


_prepared = _Prepared()


def _prepare(documents: list[SearchDocument], language: str) -> int:
    """The items' terms for a site in `language`; loading simplemma's data and the
    analysis overlap with the rendering."""
    _prepared.documents = documents
    _prepared.language = language
    _prepared.table = document_postings(documents, language)
    return len(_prepared.table.postings)


def _finish(documents: list[SearchDocument]) -> dict[str, str]:
    done = len(_prepared.documents)
    if done and documents[:done] == _prepared.documents:
        return build_search_index(documents, _prepared.language, prepared=(done, _prepared.table))
    return build_search_index(documents, _prepared.language)


def _finish_into(pages: list[SearchDocument], site_dir: str) -> int:
    """The index of the items given at the start and of `pages`, written straight into
    the site (no round trip of thousands of files through the parent process, and
    the items' documents are not sent a second time)."""
    items = _prepared.documents
    files = build_search_index(with_pages(items, pages), _prepared.language, prepared=(len(items), _prepared.table))
    for path, text in files.items():
        write_text_over(Path(site_dir) / path, text)
    return len(files)


def _end_with_parent(parent: int) -> None:
    """The indexing process ends when the build process does, however that ends (a
    stopped `mkdocs serve` would otherwise leave it waiting for work forever). Linux
    only (prctl); elsewhere it ends when it next reads from the closed pipe."""
    import ctypes
    import signal

    try:
        libc = ctypes.CDLL(None)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the build process ended while this one was starting
        os._exit(0)


class BackgroundIndexer:
    """Builds the search index in a second process, so that loading the lemma data
    and analysing the items overlap with the page rendering in the main process;
    at the end only the other pages are added and the files written."""

    def __init__(self, documents: list[SearchDocument], language: str = "fi") -> None:
        import concurrent.futures
        import multiprocessing

        # spawn, not fork: the build process may hold threads (mkdocs serve).
        self._pool = concurrent.futures.ProcessPoolExecutor(
            max_workers=1, mp_context=multiprocessing.get_context("spawn"), initializer=_end_with_parent, initargs=(os.getpid(),)
        )
        self._owner = os.getpid()
        """A forked copy of the build process (kirjasto_mkdocs.parallel) must not use the pool."""
        self._prepared = self._pool.submit(_prepare, documents, language)

    @classmethod
    def of_items(cls, library: Library, messages: Messages) -> BackgroundIndexer:
        """An indexer of the library's items (`item_documents`), for a site in the language of `messages`."""
        return cls(item_documents(library, messages=messages), messages.language)

    def finish(self, documents: list[SearchDocument]) -> dict[str, str]:
        try:
            return self._pool.submit(_finish, documents).result()
        finally:
            self._pool.shutdown()

    def write_into(self, pages: list[SearchDocument], site_dir: str) -> None:
        """Complete the index of the items given at the start with the other `pages`
        (`search_documents` order) and write it into `site_dir`, in the second process,
        while the caller goes on (`wait` for it)."""
        if os.getpid() == self._owner:
            self._written = self._pool.submit(_finish_into, pages, site_dir)

    def wait(self) -> None:
        try:
            # The items' postings first: had they failed, the index would lack the items.
            self._prepared.result()
            self._written.result()
        finally:
            self._pool.shutdown()

    def cancel(self) -> None:
        """Stop the second process when the build fails before the index is needed."""
        self._pool.shutdown(wait=True, cancel_futures=True)
