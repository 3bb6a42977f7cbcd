"""What one MkDocs build learnt and its later events read."""

from __future__ import annotations

import datetime
import re
import shutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from kirjasto.content import (
    BUILD_RENDER_BUDGET_SECONDS,
    Item,
    Library,
    LibrarySettings,
    MarkdownConfig,
    Problem,
    ValidationCache,
    apply_scope,
    load_library,
    scope_problems,
    with_freshness,
)
from kirjasto.site import (
    BackgroundIndexer,
    ItemPages,
    KnownScript,
    PartTemplates,
    SearchDocument,
    part_templates,
    put_html_parts,
)
from kirjasto.tools import preview_library
from kirjasto_mkdocs.languages import OtherLanguages
from kirjasto_mkdocs.parallel import PageSplit
from kirjasto_mkdocs.site_folder import SiteFolder
from kirjasto_mkdocs.writing import PageWriter

_ID = re.compile(r'\bid="([^"]+)"')


@dataclass
class BuildState:
    """What one build learnt in on_files and later events read. Reset in on_config,
    because `mkdocs serve` keeps this module loaded between rebuilds."""

    library: Library | None = None
    settings: LibrarySettings = field(default_factory=LibrarySettings)
    today: datetime.date | None = None
    markdown: MarkdownConfig = field(default_factory=MarkdownConfig)
    scripts: list[KnownScript] = field(default_factory=list)
    """Inline scripts the theme's templates emit: the only ones pages may run."""
    policy: str = ""
    items: dict[str, Item] = field(default_factory=dict)
    """Published items by the src_uri of their generated page."""
    other_pages: dict[str, SearchDocument] = field(default_factory=dict)
    """Hand-written and index pages by URL, for the search index (items come from the library)."""
    item_pages: ItemPages | None = None
    """Plans each item's page when MkDocs reads it."""
    html_parts: dict[str, Mapping[str, str]] = field(default_factory=dict)
    """Pre-rendered HTML of generated pages, by src_uri, put in place after Markdown."""
    indexer: BackgroundIndexer | None = None
    templates: PartTemplates = field(default_factory=part_templates)
    """The generated parts' templates, the theme's custom_dir first (compiled once)."""
    page_dates: dict[str, datetime.date] = field(default_factory=dict)
    """When each page's content last changed, by src_uri: the sitemap's dates."""
    pages_in_nav: set[str] = field(default_factory=set)
    """src_uris of the pages the nav lists (the others share their navigation HTML)."""
    split: PageSplit = field(default_factory=PageSplit)
    """Item pages a second process builds (`mkdocs build` of a large library)."""
    exports_in_child: bool = False
    """The data files are written by that process, before its pages, into `exports_staging`."""
    exports_staging: Path | None = None
    other_languages: OtherLanguages = field(default_factory=OtherLanguages)
    """The other languages' builds (`mkdocs build`), under way beside this one's pages."""
    marker_pages: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Hand-written pages whose live markers show the library: (Markdown, as expanded)."""
    writer: PageWriter = field(default_factory=PageWriter)
    """Writes the finished pages (MkDocs gets them empty)."""
    site_folder: SiteFolder | None = None
    """site/ updated in place: set aside in on_pre_build, back in on_nav, stale files out at the end."""
    problems: list[Problem] = field(default_factory=list)
    """What validation found (while serving, the browser shows the errors)."""
    files: Any = None
    nav: Any = None
    env: Any = None
    """MkDocs' files, navigation and template environment, which `mkdocs serve` keeps
    to rebuild single pages (kirjasto_mkdocs.incremental)."""

    def load(self, root: Path, cache: ValidationCache) -> list[Problem]:
        """Check the library (files unchanged since the cache's results are not checked
        again) and keep what this copy publishes: the valid items, in scope, judged for
        freshness. Returns every problem found; a configuration that cannot work raises."""
        loaded = load_library(
            root,
            content_dir=self.settings.content_dir,
            today=self.today,
            markdown=self.markdown,
            render_budget=BUILD_RENDER_BUDGET_SECONDS,
            cache=cache,
        )
        scope_errors = scope_problems(self.settings.scope, loaded.library.vocabularies)
        if scope_errors:
            raise PluginError(f"{root / 'mkdocs.yml'}:\n" + "\n".join(scope_errors))
        library: Library | None = with_freshness(
            apply_scope(loaded.library, self.settings.scope), self.settings, self.build_day()
        )
        if self.settings.preview and library is not None:
            library = preview_library(library, self.settings.preview)
            if library is None:
                raise PluginError(
                    f"Esikatseltavaa kuvausta {self.settings.preview} ei löydy kirjastosta tai se ei ole kelvollinen. Tarkista polku ja virheet yllä."
                )
        self.library = library
        self.items = {item.src_uri: item for item in library.items} if library else {}
        return loaded.problems

    def abandon(self) -> None:
        """After a failed build: no process of it goes on, and a site it did not yet
        write to is left as the previous build made it."""
        self.split.cancel()
        self.other_languages.cancel()
        if self.site_folder is not None:
            self.site_folder.restore()
        if self.exports_staging is not None:
            shutil.rmtree(self.exports_staging, ignore_errors=True)
        if self.indexer is not None:
            self.indexer.cancel()
            self.indexer = None

    def note_part_ids(self, page: Any) -> None:
        """MkDocs checks links to anchors against the ids Markdown made; the ids in a
        page's HTML parts count too. Parts made already (an item's team cards,
        `tiimi-...`) count from now on; parts made when the page is written (a
        listing's, `LazyParts`) count from then (`with_parts`), still before MkDocs checks."""
        parts = self.html_parts.get(page.file.src_uri)
        if isinstance(parts, dict):
            _note_ids(page, parts.values())

    def with_parts(self, output: str, page: Any) -> str:
        """The finished page with its HTML parts (cards, listings, item bodies) in place
        of their markers. They go in after the theme, not into the Markdown's HTML, so
        that a listing's HTML exists only while its page is written (`LazyParts`)."""
        parts = self.html_parts.pop(page.file.src_uri, None)
        if not parts:
            return output
        made = {name: parts[name] for name in parts}
        if not isinstance(parts, dict):
            _note_ids(page, made.values())
        return put_html_parts(output, made)

    def loaded_library(self) -> Library:
        """The library on_pre_build loaded (MkDocs runs the events in order)."""
        if self.library is None:
            raise PluginError("Kirjastoa ei ladattu ennen sivujen rakentamista (on_pre_build ei ajettu).")
        return self.library

    def planner(self) -> ItemPages:
        if self.item_pages is None:
            raise PluginError("Kuvaussivuja ei suunniteltu ennen niiden rakentamista (on_files ei ajettu).")
        return self.item_pages

    def build_day(self) -> datetime.date:
        if self.today is None:
            raise PluginError("Päivämäärää ei luettu ennen rakentamista (on_config ei ajettu).")
        return self.today


def _note_ids(page: Any, parts: Iterable[str]) -> None:
    if page.present_anchor_ids is not None:
        page.present_anchor_ids |= {found for part in parts for found in _ID.findall(part)}


_caches: dict[Path, ValidationCache] = {}
"""One cache per repository for the life of the process: `mkdocs serve` executes the
hook module again for every full rebuild, but this module stays loaded."""


def validation_cache(root: Path) -> ValidationCache:
    """The repository's validation results: in memory while serving, on disk between runs."""
    root = root.resolve()
    if root not in _caches:
        _caches[root] = ValidationCache.stored(root)
    return _caches[root]
