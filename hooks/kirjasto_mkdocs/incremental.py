"""Rebuild only what a saved item changes, during `mkdocs serve`.

After a full build, `Snapshot` keeps what the build made (MkDocs' files, navigation
and template environment, the hook's state) and what each page was made from. When
only item files under the content folder changed, `Snapshot.rebuild`:
1. checks the library again (unchanged files' results come from the cache);
2. finds the pages that can differ: each changed, added or removed item's own page;
   every item whose related items changed or include a changed item (their titles
   are shown there); every item that links to one; and every listing page whose
   planned Markdown or HTML differs from the last build's (planning all listings
   is cheap, and comparing them is exact);
3. renders those pages with MkDocs' own functions, as the full build did, removes
   the pages of removed items, and writes the data files that changed and the
   sitemap; the search index is rebuilt in the background.
Anything else changing (docs, mkdocs.yml, theme overrides, vocabularies, the
checking code) is left to MkDocs' full build.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kirjasto.content import Item, Library, Messages, Problem, _, errors
from kirjasto.site import (
    BackgroundIndexer,
    Page,
    RelatedIndex,
    expand_markers,
    export_files,
    item_pages,
    listing_pages,
    related_items,
    search_documents,
    write_text_over,
)
from kirjasto_mkdocs.state import BuildState, validation_cache

log = logging.getLogger("mkdocs.hooks.kirjasto")


def _page_digest(page: Page) -> str:
    hasher = hashlib.blake2b(page.markdown.encode(), digest_size=16)
    for name in sorted(page.html_parts):
        hasher.update(name.encode())
        hasher.update(page.html_parts[name].encode())
    return hasher.hexdigest()


def _stamps(paths: list[Path]) -> dict[str, tuple[int, int]]:
    """Modification time and size of every file under `paths` (files or folders)."""
    found: dict[str, tuple[int, int]] = {}
    for path in paths:
        candidates = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()] if path.is_dir() else []
        for file in candidates:
            status = file.stat()
            found[str(file)] = (status.st_mtime_ns, status.st_size)
    return found


def _related(library: Library, index: RelatedIndex) -> dict[str, tuple[str, ...]]:
    return {item.src_uri: tuple(other.slug for other in related_items(item, index)) for item in library.items}


@dataclass
class Snapshot:
    """One full build of `mkdocs serve`, kept to rebuild parts of it."""

    state: BuildState
    config: Any
    files: Any
    nav: Any
    env: Any
    root: Path
    items: dict[str, Item] = field(default_factory=dict)
    related: dict[str, tuple[str, ...]] = field(default_factory=dict)
    listings: dict[str, str] = field(default_factory=dict)
    """Digest of each listing page as planned."""
    exports: dict[str, str] = field(default_factory=dict)
    outside: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Stamps of the files whose change needs a full build."""
    _indexing: threading.Thread | None = None
    _next_index: Callable[[], None] | None = None
    _indexing_lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def of_build(cls, state: BuildState, config: Any, files: Any, nav: Any, env: Any) -> Snapshot:
        root = Path(config.config_file_path).parent
        snapshot = cls(state, config, files, nav, env, root)
        library = state.loaded_library()
        snapshot.items = dict(state.items)
        snapshot.related = _related(library, state.planner().related)
        snapshot.listings = {page.src_uri: _page_digest(page) for page in listing_pages(library, state.templates)}
        snapshot.exports = export_files(library, state.settings, config.site_name)
        snapshot.outside = _stamps(snapshot._outside_paths())
        return snapshot

    def _outside_paths(self) -> list[Path]:
        content = self.root / self.state.settings.content_dir
        paths = [Path(self.config.config_file_path), Path(self.config.docs_dir)]
        paths += [Path(d) for d in ([self.config.theme.custom_dir] if self.config.theme.custom_dir else [])]
        paths += [p for p in content.iterdir() if p.is_file()] if content.is_dir() else []
        return paths

    def rebuild(self, show: Any) -> bool:
        """Rebuild what changed under the content folder; False when a full build is needed.
        `show(problems)` is told the library's errors, or an empty list when it is valid."""
        if _stamps(self._outside_paths()) != self.outside:
            return False
        state = self.state
        problems: list[Problem] = state.load(self.root, validation_cache(self.root))
        if errors(problems):
            show(problems)
            return True
        library = state.loaded_library()
        # One related-items index per save: the planner's, which the pages use too.
        state.item_pages = item_pages(library, state.settings, state.templates)
        changed = self._changed_pages(library)
        self._render(library, changed)
        self._in_background(library)
        show([])
        return True

    def _changed_pages(self, library: Library) -> tuple[dict[str, Page | None], dict[str, Item | None], list[str]]:
        """(listing pages by src_uri, item pages by src_uri, hand-written pages) to write
        again; None: remove."""
        new_items = dict(self.state.items)
        touched = {src for src in new_items.keys() | self.items.keys() if new_items.get(src) != self.items.get(src)}
        touched_slugs = {(new_items.get(src) or self.items[src]).slug for src in touched}
        related = _related(library, self.state.planner().related)
        for src, slugs in related.items():
            if slugs != self.related.get(src) or touched_slugs & set(slugs):
                touched.add(src)
        for item in library.items:
            if any(link.slug in touched_slugs for link in item.item_links):
                touched.add(item.src_uri)
        self.related, self.items = related, new_items
        listings: dict[str, Page | None] = {}
        planned = {page.src_uri: page for page in listing_pages(library, self.state.templates)}
        for src in planned.keys() | self.listings.keys():
            page = planned.get(src)
            digest = _page_digest(page) if page else None
            if digest != self.listings.get(src):
                listings[src] = page
                if digest is None:
                    del self.listings[src]
                else:
                    self.listings[src] = digest
        state = self.state
        markers = [
            src
            for src, (markdown, expanded) in state.marker_pages.items()
            if expand_markers(markdown, library, src, state.settings, state.templates) != expanded
        ]
        return listings, {src: new_items.get(src) for src in touched}, markers

    def _render(self, library: Library, changed: tuple[dict[str, Page | None], dict[str, Item | None], list[str]]) -> None:
        from mkdocs.commands.build import _build_page, _build_theme_template, _populate_page
        from mkdocs.structure.files import File, InclusionLevel
        from mkdocs.structure.pages import Page as MkDocsPage

        state, config, files = self.state, self.config, self.files
        listings, items, markers = changed
        contents: dict[str, str | None] = {src: page.markdown if page else None for src, page in listings.items()}
        for src, page in listings.items():
            if page is not None:
                state.html_parts[src] = page.html_parts
                if page.updated:
                    state.page_dates[src] = page.updated
        for src, item in items.items():
            contents[src] = "" if item else None  # its title is set when it is read (on_page_markdown)
            if item is not None:
                state.page_dates[src] = item.updated
        pages = [files.get_file_from_path(src).page for src in markers]
        for src, content in contents.items():
            file = files.get_file_from_path(src)
            if file is not None and content is None:
                files.remove(file)
                if os.path.exists(file.abs_dest_path):
                    os.remove(file.abs_dest_path)
            elif file is not None:
                # The same File and Page objects: a page in the nav keeps its place there.
                file.content_string = content
                pages.append(file.page or MkDocsPage(None, file, config))
            elif content is not None:
                file = File.generated(config, src, content=content)
                files.append(file)
                pages.append(MkDocsPage(None, file, config))
        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        for page in pages:
            _populate_page(page, config, files)
            _build_page(page, config, doc_files, self.nav, self.env)
        _build_theme_template("sitemap.xml", self.env, files, config, self.nav)
        log.info(f"Päivitettiin {len(pages)} sivua.")

    def _write_exports(self, library: Library) -> None:
        site = Path(self.config.site_dir)
        for path, text in export_files(library, self.state.settings, self.config.site_name).items():
            if self.exports.get(path) != text:
                write_text_over(site / path, text)
                self.exports[path] = text

    def report_page(self, template_name: str, problems: list[Problem]) -> bytes:
        """The library's errors as a page in the site's look (the theme's `template_name`),
        with absolute links like the theme's 404 page, since any address may show it."""
        from urllib.parse import urlsplit

        from mkdocs.commands.build import get_context

        context = get_context(self.nav, self.files, self.config, base_url=urlsplit(self.config.site_url or "/").path)
        shown = sorted(errors(problems), key=lambda problem: (problem.path, problem.line or 0))
        texts = report_texts(self.state.templates.messages, len(shown))
        html = self.env.get_template(template_name).render({**context, "kirjasto_problems": shown, "kirjasto_virhe": texts})
        return str(html).encode("utf-8")

    def _in_background(self, library: Library) -> None:
        """The data files and the search index after the pages: the browser reloads
        to the changed page without waiting for them."""
        messages = self.state.templates.messages
        documents = search_documents(library, list(self.state.other_pages.values()), messages=messages)
        site = Path(self.config.site_dir)

        def index() -> None:
            self._write_exports(library)
            if self.state.settings.preview:
                return
            indexer = BackgroundIndexer.of_items(library, messages)
            for path, text in indexer.finish(documents).items():
                write_text_over(site / path, text)

        with self._indexing_lock:
            self._next_index = index
            if self._indexing is None:
                self._indexing = threading.Thread(target=self._index_latest, daemon=True)
                self._indexing.start()

    def _index_latest(self) -> None:
        """Build the newest index asked for until none is waiting (saves while it runs
        are not queued one by one: only the last one matters)."""
        while True:
            with self._indexing_lock:
                index, self._next_index = self._next_index, None
                if index is None:
                    self._indexing = None
                    return
            index()


def report_texts(messages: Messages, count: int) -> dict[str, str]:
    """The words of the error page (the theme's kirjasto-virhe.html) in the site's language;
    `rivi` keeps `{line}` and `lopuksi` `{command}` for the template to fill."""
    return {
        "otsikko": messages.say(_("Kirjastossa on virheitä")),
        "selitys": messages.plural(
            "Sivustoa ei päivitetty, koska kuvauksessa on virhe. Korjaa se ja tallenna tiedosto: tämä sivu latautuu uudelleen itsestään ja näyttää sivuston taas, kun kirjasto on kunnossa.",
            "Sivustoa ei päivitetty, koska kuvauksissa on {count} virhettä. Korjaa ne ja tallenna tiedosto: tämä sivu latautuu uudelleen itsestään ja näyttää sivuston taas, kun kirjasto on kunnossa.",
            count,
        ),
        "rivi": messages.say(_("rivi {line}"), line="{line}"),
        "kentta": messages.say(_("kenttä")),
        "lopuksi": messages.say(
            _("Sama luettelo on myös komentorivillä, ja {command} tarkistaa kirjaston milloin tahansa."), command="{command}"
        ),
    }
