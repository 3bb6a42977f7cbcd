"""MkDocs adapter for the kirjasto core: validate the library (on_pre_build),
add the generated pages (on_files), expand live markers in hand-written pages,
and refuse pages with scripts the policy does not know. No logic here."""

from __future__ import annotations

import atexit
import datetime
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkDocsPage

from kirjasto.content import (
    BUILD_RENDER_BUDGET_SECONDS,
    LICENCE_CONFIG_KEY,
    ClockError,
    Item,
    Library,
    LibrarySettings,
    MarkdownConfig,
    SettingsError,
    ValidationCache,
    apply_scope,
    errors,
    format_report,
    load_library,
    read_settings,
    scope_problems,
    today_in_finland,
    with_freshness,
)
from kirjasto.site import (
    CONFIG_KEY,
    BackgroundIndexer,
    KnownScript,
    PartTemplates,
    SearchDocument,
    base_urls,
    check_page,
    expand_markers,
    export_files,
    item_documents,
    json_ld_script,
    known_scripts,
    last_commit_dates,
    override_dir_of,
    own_title,
    page_document,
    part_templates,
    plan_pages,
    put_html_parts,
    search_documents,
    site_policy,
    theme_script_dirs,
    with_noopener,
)
from kirjasto.tools import preview_library

log = logging.getLogger("mkdocs.hooks.kirjasto")


@dataclass
class _BuildState:
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
    other_pages: list[SearchDocument] = field(default_factory=list)
    """Hand-written and index pages, for the search index (items come from the library)."""
    html_parts: dict[str, dict[str, str]] = field(default_factory=dict)
    """Pre-rendered HTML of generated pages, by src_uri, put in place after Markdown."""
    indexer: BackgroundIndexer | None = None
    templates: PartTemplates = field(default_factory=part_templates)
    """The generated parts' templates, the theme's custom_dir first (compiled once)."""
    page_dates: dict[str, datetime.date] = field(default_factory=dict)
    """When each page's content last changed, by src_uri: the sitemap's dates."""


_state = _BuildState()
# Kept across rebuilds on purpose (not reset in on_config): during `mkdocs serve`
# an edit re-validates only the files that changed.
_validation_cache = ValidationCache()


def _library() -> Library:
    """The library on_pre_build loaded (MkDocs runs the events in order)."""
    if _state.library is None:
        raise PluginError("Kirjastoa ei ladattu ennen sivujen rakentamista (on_pre_build ei ajettu).")
    return _state.library


def _today() -> datetime.date:
    if _state.today is None:
        raise PluginError("Päivämäärää ei luettu ennen rakentamista (on_config ei ajettu).")
    return _state.today


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _state
    try:
        settings = read_settings(config.extra.get("kirjasto"), site_url=config.site_url, site_name=config.site_name)
        today = today_in_finland()
    except (SettingsError, ClockError) as error:
        raise PluginError(f"{config.config_file_path}: {error}") from None
    config.extra[LICENCE_CONFIG_KEY] = settings.licence.as_record()
    custom_dir = Path(config.theme.custom_dir) if config.theme.custom_dir else None
    _state = _BuildState(
        settings=settings,
        today=today,
        markdown=MarkdownConfig.from_mkdocs(config.markdown_extensions, config.mdx_configs),
        scripts=known_scripts(theme_script_dirs(custom_dir)),
        templates=part_templates(override_dir_of(custom_dir)),
    )
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    # Validate before MkDocs cleans site/, so a failed build leaves the last
    # good site as it was and nothing half-built is written.
    root = Path(config.config_file_path).parent
    loaded = load_library(
        root,
        content_dir=_state.settings.content_dir,
        today=_state.today,
        markdown=_state.markdown,
        render_budget=BUILD_RENDER_BUDGET_SECONDS,
        cache=_validation_cache,
    )
    if errors(loaded.problems):
        raise PluginError("Kirjaston kuvauksissa on virheitä, sivustoa ei rakennettu:\n" + format_report(loaded.problems))
    # Warnings (personal contact details) are for the reviewer of a pull
    # request; logged as info so that `--strict` does not turn them into errors.
    for problem in loaded.problems:
        log.info(problem.format())
    scope_errors = scope_problems(_state.settings.scope, loaded.library.vocabularies)
    if scope_errors:
        raise PluginError(f"{config.config_file_path}:\n" + "\n".join(scope_errors))
    _state.library = with_freshness(apply_scope(loaded.library, _state.settings.scope), _state.settings, _today())
    if _state.settings.preview:
        _state.library = preview_library(_state.library, _state.settings.preview)
        if _state.library is None:
            raise PluginError(
                f"Esikatseltavaa kuvausta {_state.settings.preview} ei löydy kirjastosta tai se ei ole kelvollinen. Tarkista polku ja virheet yllä."
            )
    _state.items = {item.src_uri: item for item in _state.library.items}
    # A preview skips the search index: it is the slowest part and not needed to check one page.
    _state.indexer = None if _state.settings.preview else BackgroundIndexer(item_documents(_state.library))


def on_files(files: Files, config: MkDocsConfig) -> Files:
    _state.page_dates = last_commit_dates(Path(config.config_file_path).parent, Path(config.docs_dir))
    library = _library()
    for page in plan_pages(library, _state.settings, _state.templates):
        files.append(File.generated(config, page.src_uri, content=page.markdown))
        if page.html_parts:
            _state.html_parts[page.src_uri] = page.html_parts
        if page.updated:
            _state.page_dates[page.src_uri] = page.updated
    for path, text in export_files(library, _state.settings, config.site_name).items():
        files.append(File.generated(config, path, content=text))
    urls = (file.url for file in files.documentation_pages())
    _state.policy = site_policy(_state.scripts, base_urls(urls, config.site_url, config.extra.get("scope")))
    # The templates write the policy into every page (overrides/main.html).
    config.extra[CONFIG_KEY] = _state.policy
    return files


def on_page_markdown(markdown: str, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
    if _state.library is None:
        return markdown
    # The sitemap's <lastmod>: the page's own date, never the day of the build.
    known = _state.page_dates.get(page.file.src_uri)
    page.update_date = known.isoformat() if known else ""
    if page.file.src_uri not in _state.items:
        title = own_title(page.meta.get("title"), markdown, page.title or "")
        _state.other_pages.append(page_document(page.url, title, markdown, page.meta.get("description")))
    # Live markers belong to hand-written pages only: a generated page holds
    # contributors' words, which must never turn into a marker.
    if page.file.generated_by:
        return markdown
    return expand_markers(markdown, _state.library, page.file.src_uri, _state.settings, _state.templates)


def on_page_content(html: str, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
    # The library's own HTML: cards, listings and item bodies (sanitised in validation).
    return put_html_parts(html, _state.html_parts.get(page.file.src_uri, {}))


def on_post_page(output: str, page: MkDocsPage, config: MkDocsConfig) -> str:
    item = _state.items.get(page.file.src_uri)
    if item is not None:
        output = output.replace("</head>", json_ld_script(item, _state.settings) + "</head>", 1)
    where = (
        page.file.src_uri if page.file.generated_by else f"{config.docs_dir.rstrip('/').rsplit('/', 1)[-1]}/{page.file.src_uri}"
    )
    return _checked(output, where)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    # 404.html is rendered as a theme template, not as a page.
    return _checked(output_content, template_name) if template_name.endswith(".html") else output_content


def _checked(output: str, where: str) -> str:
    problems = check_page(output, _state.policy)
    if problems:
        raise PluginError("\n".join(f"{where}: {problem.message}" for problem in problems))
    return with_noopener(output)


def on_post_build(config: MkDocsConfig) -> None:
    if _state.indexer is None:
        return
    documents = search_documents(_library(), _state.other_pages)
    for path, text in _state.indexer.finish(documents).items():
        target = Path(config.site_dir) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


REFUSED_BUILD = "Sivustoa ei rakennettu: korjaa yllä luetellut virheet ja rakenna sivusto uudelleen."
_command: str | None = None
"""`build`, `serve` or `gh-deploy` (from on_startup): only a refused `build` ends the process."""


def on_startup(command: str, dirty: bool) -> None:
    global _command
    _command = command


def on_build_error(error: Exception) -> None:
    if _state.indexer is not None:
        _state.indexer.cancel()
        _state.indexer = None
    if _command == "build":
        # MkDocs ends a refused build with its own English line ("Aborted with ...");
        # this runs after it, as the process exits, so a contributor's last line is Finnish.
        atexit.register(print, REFUSED_BUILD, file=sys.stderr)


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., Any]) -> LiveReloadServer:
    # MkDocs watches docs/ and mkdocs.yml only; contributors edit practices/.
    root = Path(config.config_file_path).parent
    server.watch(str(root / _state.settings.content_dir))
    return server
