"""MkDocs adapter for the kirjasto core: validate the library (on_pre_build),
add the generated pages (on_files), expand live markers in hand-written pages,
and refuse pages with scripts the policy does not know. No logic here."""

from __future__ import annotations

import atexit
import gc
import logging
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkDocsPage

from kirjasto.content import (
    LIBRARY_HAS_ERRORS,
    LICENCE_CONFIG_KEY,
    REFUSED_BUILD,
    ClockError,
    Item,
    SettingsError,
    errors,
    format_report,
    messages_in,
    read_settings,
    today_in_finland,
)
from kirjasto.site import (
    CONFIG_KEY,
    THEME_TEXTS_KEY,
    BackgroundIndexer,
    NavigationCache,
    base_urls,
    expand_markers,
    export_files,
    export_paths,
    finish_page,
    front_matter_and_body,
    item_meta,
    item_pages,
    iter_export_files,
    known_scripts,
    last_commit_dates,
    listing_pages,
    override_dir_of,
    own_title,
    page_document,
    part_templates,
    site_policy,
    theme_script_dirs,
    theme_texts,
)
from kirjasto_mkdocs import (
    BuildState,
    OtherLanguages,
    PageSplit,
    PageWriter,
    SiteFolder,
    Snapshot,
    language_files,
    other_language_builds,
    page_language_switch,
    prepared_environment,
    root_language,
    serving,
    speak_site_language,
    validation_cache,
)

log = logging.getLogger("mkdocs.hooks.kirjasto")


_state = BuildState()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _state
    try:
        settings = read_settings(config.extra.get("kirjasto"), site_url=config.site_url, site_name=config.site_name)
        today = today_in_finland()
    except (SettingsError, ClockError) as error:
        raise PluginError(f"{config.config_file_path}: {error}") from None
    settings, markdown = speak_site_language(config, settings)
    config.extra[LICENCE_CONFIG_KEY] = settings.licence.as_record(messages_in(settings.language))
    config.extra[THEME_TEXTS_KEY] = theme_texts(messages_in(settings.language))  # the overrides' words
    custom_dir = Path(config.theme.custom_dir) if config.theme.custom_dir else None
    _state.writer.stop()  # the previous build's, while serving
    _state = BuildState(
        settings=settings,
        today=today,
        markdown=markdown,
        scripts=known_scripts(theme_script_dirs(custom_dir)),
        templates=part_templates(override_dir_of(custom_dir), settings.language),
        writer=PageWriter.listening(),
    )
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    # Validated before MkDocs cleans site/: a failed build leaves the last good site as it was.
    root = Path(config.config_file_path).parent
    problems = _state.problems = _state.load(root, validation_cache(root))
    if errors(problems):
        if _command != "serve":
            raise PluginError(messages_in(_state.settings.language).say(LIBRARY_HAS_ERRORS) + "\n" + format_report(problems))
        # While serving, the browser shows the report (kirjasto_mkdocs.serve) and the
        # valid items are built; the next good save brings the whole site back.
        log.info(format_report(problems))
    else:
        # Warnings (personal contact details) are for the reviewer of a pull
        # request; logged as info so that `--strict` does not turn them into errors.
        for problem in problems:
            log.info(problem.format())
    if _updates_in_place:
        _state.site_folder = SiteFolder.set_aside(config.site_dir, _state.settings.other_language_folders)
    library = _state.loaded_library()
    # A preview skips the search index: it is the slowest part and not needed to check one page.
    _state.indexer = None if _state.settings.preview else BackgroundIndexer.of_items(library, _state.templates.messages)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    _state.page_dates = last_commit_dates(Path(config.config_file_path).parent, Path(config.docs_dir))
    library = _state.loaded_library()
    # Item pages are planned when MkDocs reads them (on_page_markdown), in the process
    # that builds them, and get their title there too: no front matter for MkDocs to parse.
    _state.item_pages = item_pages(library, _state.settings, _state.templates)
    for item in library.items:
        files.append(File.generated(config, item.src_uri, content=""))
        _state.page_dates[item.src_uri] = item.updated
    for page in listing_pages(library, _state.templates):
        files.append(File.generated(config, page.src_uri, content=page.markdown))
        if page.html_parts:
            _state.html_parts[page.src_uri] = page.html_parts
        if page.updated:
            _state.page_dates[page.src_uri] = page.updated
    # A large `mkdocs build` writes the data files in its second process (MkDocs gets them empty now).
    _state.exports_in_child = _command == "build" and PageSplit.wanted(len(library.items))
    exports = export_paths(library) if _state.exports_in_child else export_files(library, _state.settings, config.site_name)
    for path, text in exports.items():
        files.append(File.generated(config, path, content=text))
    for file in language_files(config, _state.settings.language, {file.src_uri for file in files}):
        files.append(file)  # another language's site: shared scripts and styles, the scripts' texts
    urls = (file.url for file in files.documentation_pages())
    _state.policy = site_policy(_state.scripts, base_urls(urls, config.site_url, config.extra.get("scope")))
    # The templates write the policy into every page (overrides/main.html).
    config.extra[CONFIG_KEY] = _state.policy
    # The library and MkDocs' files live until the build ends: kept out of the collector's passes.
    gc.freeze()
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    if _state.site_folder is not None:
        _state.site_folder.put_back(file.dest_uri for file in files)
    _state.pages_in_nav = {page.file.src_uri for page in nav.pages}
    _state.nav = nav
    if _state.exports_in_child:
        staging = _state.exports_staging = Path(tempfile.mkdtemp(prefix="kirjasto-data-"))
        _state.split = PageSplit.start(list(_state.items), config, files, nav, then=lambda: _write_exports(config, staging))
    if _command != "serve":  # into site/<language>/ (while serving, built in the background after each build)
        _state.other_languages = OtherLanguages.start(config, _state.settings)
    return nav


def _write_exports(config: MkDocsConfig, folder: Path) -> None:
    """The open data, catalogue index, feed and calendars, written into `folder`."""
    for path, pieces in iter_export_files(_state.loaded_library(), _state.settings, config.site_name):
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        with (folder / path).open("w", encoding="utf-8") as target:
            target.writelines(pieces)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    # overrides/main.html renders the primary navigation through it (once per folder).
    env.globals["kirjasto_nav"] = NavigationCache(_state.pages_in_nav)
    _state.files, _state.env = files, env
    # Every page is read by now (the other process builds item pages only): the index
    # is completed and written in its own process while MkDocs writes the pages.
    if _state.indexer is not None:
        _state.indexer.write_into(list(_state.other_pages.values()), config.site_dir)
    return prepared_environment(env)


def on_page_markdown(markdown: str, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
    if _state.library is None:
        return markdown
    # The sitemap's <lastmod>: the page's own date, never the day of the build.
    known = _state.page_dates.get(page.file.src_uri)
    page.update_date = known.isoformat() if known else ""
    # Not written here: the other process builds it, or a preview (which shows one
    # item, its related items and their listings) skips the hand-written pages.
    skipped_in_preview = bool(_state.settings.preview) and not page.file.generated_by and page.file.src_uri != "index.md"
    item = _state.items.get(page.file.src_uri)
    # Also for a page the other process writes: the sitemap, written here, lists its alternates.
    page.meta["kirjasto_kielet"] = page_language_switch(config, _state.settings, page, item, _state.library)
    if page.file.src_uri in _state.split.elsewhere or skipped_in_preview:
        return _state.writer.leave_out(page)
    if item is not None:
        page.meta.update(item_meta(item))
        planned = _state.planner().page(item)
        _state.html_parts[page.file.src_uri] = planned.html_parts
        return front_matter_and_body(planned.markdown)[1]
    title = own_title(page.meta.get("title"), markdown, page.title or "")
    _state.other_pages[page.url] = page_document(page.url, title, markdown, page.meta.get("description"))
    # Live markers belong to hand-written pages only: a generated page holds
    # contributors' words, which must never turn into a marker.
    if page.file.generated_by:
        return markdown
    expanded = expand_markers(markdown, _state.library, page.file.src_uri, _state.settings, _state.templates)
    if expanded != markdown:
        # A page that shows the library: `mkdocs serve` renders it again when that changes.
        _state.marker_pages[page.file.src_uri] = (markdown, expanded)
    return expanded


def on_page_content(html: str, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
    _state.note_part_ids(page)
    return html


def on_post_page(output: str, page: MkDocsPage, config: MkDocsConfig) -> str:
    if not output:  # not built here (PageWriter.leave_out)
        return output
    # The library's own HTML: cards, listings and item bodies (sanitised in validation).
    output = _state.with_parts(output, page)
    item = _state.items.get(page.file.src_uri)
    where = (
        page.file.src_uri if page.file.generated_by else f"{config.docs_dir.rstrip('/').rsplit('/', 1)[-1]}/{page.file.src_uri}"
    )
    return _state.writer.write(page, _checked(output, where, item))


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    # 404.html is rendered as a theme template, not as a page.
    return _checked(output_content, template_name) if template_name.endswith(".html") else output_content


def _checked(output: str, where: str, item: Item | None = None) -> str:
    finished, problems = finish_page(output, item, _state.settings, _state.policy)
    if problems:
        raise PluginError("\n".join(f"{where}: {problem.message}" for problem in problems))
    return finished


def on_post_build(config: MkDocsConfig) -> None:
    _state.split.help(config, _state.files, _state.nav, _state.env)
    error = _state.split.finish()
    if error:
        raise PluginError(error)
    staging = _state.exports_staging
    if _state.exports_in_child and staging is not None:
        # After MkDocs copied its empty stand-ins: the data files the child wrote (or wrote here).
        if not _state.split.forked:
            _write_exports(config, staging)
        shutil.copytree(staging, config.site_dir, dirs_exist_ok=True)
        shutil.rmtree(staging, ignore_errors=True)
    if _command == "serve" and _state.env is not None:
        snapshot = Snapshot.of_build(_state, config, _state.files, _state.nav, _state.env)
        serving().remember(snapshot, _state.problems, other_language_builds(config, _state.settings))
    if _state.indexer is not None:
        _state.indexer.wait()
    _state.other_languages.finish()
    if _state.site_folder is not None:
        _state.site_folder.remove_stale()


_command: str | None = None  # `build`, `serve` or `gh-deploy`: only a refused `build` ends the process
_updates_in_place = False
"""site/ is updated in place (kirjasto_mkdocs.site_folder), unless MkDocs' --dirty build is asked for."""


def on_startup(command: str, dirty: bool) -> None:
    global _command, _updates_in_place
    _command, _updates_in_place = command, not dirty


def on_build_error(error: Exception) -> None:
    _state.abandon()
    if _command == "build" and not root_language():  # (a nested build's report is relayed)
        # After MkDocs' English "Aborted with ...", at exit: a contributor's last line is the site's language.
        atexit.register(print, messages_in(_state.settings.language).say(REFUSED_BUILD), file=sys.stderr)


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., Any]) -> LiveReloadServer:
    # MkDocs watches docs/ and mkdocs.yml only; contributors edit practices/: a save
    # there rebuilds only what it changes, and errors show in the browser.
    root = Path(config.config_file_path).parent
    serving().attach(server, builder, root / _state.settings.content_dir)
    return server
