"""`kirjasto generate OUTDIR`: the complete Markdown tree an engine needs, with no
hooks involved. The hand-written `docs/` with live markers expanded, every item
and index page (the same `plan_pages` the MkDocs hook uses, HTML parts in place),
the open data, the feed, the catalogue data and the search index, plus a
hook-free `mkdocs.yml`. Any engine that reads a MkDocs tree can build it."""

from __future__ import annotations

import datetime
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import frontmatter
import yaml

from kirjasto.content.config_file import read_config
from kirjasto.content.freshness import with_freshness
from kirjasto.content.library import load_library
from kirjasto.content.markdown_config import MarkdownConfig
from kirjasto.content.messages import messages_in
from kirjasto.content.model import Library
from kirjasto.content.problems import Problem, errors
from kirjasto.content.render import BUILD_RENDER_BUDGET_SECONDS
from kirjasto.content.scope import apply_scope, scope_problems
from kirjasto.content.settings import LICENCE_CONFIG_KEY, LibrarySettings, settings_of_config
from kirjasto.content.urls import url_of
from kirjasto.site.csp import CONFIG_KEY as CSP_CONFIG_KEY
from kirjasto.site.csp import base_urls, known_scripts, site_policy, theme_script_dirs
from kirjasto.site.exports import export_files
from kirjasto.site.pages.markers import expand_markers
from kirjasto.site.pages.plan import plan_pages
from kirjasto.site.parts import override_dir_of, part_templates
from kirjasto.site.search import SearchDocument, build_search_index, own_title, page_document, search_documents
from kirjasto.site.search_style import SEARCH_STYLESHEET, theme_search_rules
from kirjasto.site.site_language import language_data_files, language_switch, shared_files, switch_sides, with_switch
from kirjasto.site.theme_texts import THEME_TEXTS_KEY, markdown_configs_in, theme_texts

HOOKLESS_CONFIG = "mkdocs.yml"


@dataclass(frozen=True)
class GeneratedTree:
    out_dir: Path
    pages: int
    problems: list[Problem]
    library: Library | None = None
    """What the tree publishes (None when nothing was written)."""
    settings: LibrarySettings | None = None
    policy: str = ""
    """The Content-Security-Policy every page carries."""


def generate_tree(
    repository_root: Path,
    config_name: str,
    out_dir: Path,
    *,
    today: datetime.date,
    engine: str = "mkdocs",
    root_language: str | None = None,
) -> GeneratedTree:
    """Write the tree; on invalid content write nothing and return the problems.
    `engine` names whose theme renders it (`THEME_PACKAGES`): the policy allows that
    theme's inline scripts. `root_language`: the tree is another language's side of
    that language's site, published in its `<language>/` folder."""
    config = read_config(repository_root / config_name)
    if root_language and config.get("site_url"):
        config["site_url"] = str(config["site_url"]).rstrip("/") + f"/{settings_of_config(config).language}/"
    settings = settings_of_config(config)
    loaded = load_library(
        repository_root,
        content_dir=settings.content_dir,
        today=today,
        markdown=MarkdownConfig.from_config(config),
        render_budget=BUILD_RENDER_BUDGET_SECONDS,
    )
    scope_errors = [
        Problem(config_name, None, "extra.kirjasto.scope", message)
        for message in scope_problems(settings.scope, loaded.library.vocabularies)
    ]
    if errors(loaded.problems) or scope_errors:
        return GeneratedTree(out_dir, 0, loaded.problems + scope_errors)
    library = with_freshness(apply_scope(loaded.library, settings.scope), settings, today)

    if out_dir.exists():
        shutil.rmtree(out_dir)
    docs_source = repository_root / config.get("docs_dir", "docs")
    docs = out_dir / "docs"
    sides = switch_sides(settings.language, settings.other_languages, root_language)
    site_url = str(config.get("site_url") or "")
    documents, hand_written = [], []
    custom_dir = (config.get("theme") or {}).get("custom_dir")
    templates = part_templates(override_dir_of(repository_root / custom_dir if custom_dir else None), settings.language)
    for source in sorted(docs_source.rglob("*")):
        target = docs / source.relative_to(docs_source)
        if source.is_dir():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.suffix == ".md":
            src_uri = source.relative_to(docs_source).as_posix()
            markdown = source.read_text("utf-8")
            expanded = expand_markers(markdown, library, src_uri, settings, templates)
            switch = language_switch(
                url_of(src_uri),
                sides,
                item=None,
                library=library,
                hand_written=(docs_source, settings.language, src_uri),
                site_url=site_url,
            )
            target.write_text(with_switch(expanded, switch), encoding="utf-8")
            documents.append(_document(src_uri, markdown))
            hand_written.append(src_uri)
        else:
            shutil.copy(source, target)
    for source, relative in shared_files(docs_source, settings.language):
        if not (docs / relative).exists():  # another language's site: the shared scripts and styles
            (docs / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(source / relative, docs / relative)
    pages = plan_pages(library, settings, templates)
    items = {item.src_uri: item for item in library.items}
    for page in pages:
        target = docs / page.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        item = items.get(page.src_uri)
        switch = language_switch(url_of(page.src_uri), sides, item=item, library=library, hand_written=None, site_url=site_url)
        target.write_text(with_switch(page.with_html_parts(), switch), encoding="utf-8")
    documents += [_document(page.src_uri, page.markdown) for page in pages if page.src_uri not in items]
    files = export_files(library, settings, settings.site_name) | language_data_files(settings.language)
    files.update(
        build_search_index(search_documents(library, documents, messages=templates.messages), templates.messages.language)
    )
    for path, text in files.items():
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    page_urls = [url_of(page.src_uri) for page in pages] + [url_of(uri) for uri in hand_written]
    policy = _write_config(repository_root, config, out_dir, page_urls, settings, engine)
    return GeneratedTree(out_dir, len(pages), loaded.problems, library, settings, policy)


def _document(src_uri: str, markdown: str) -> SearchDocument:
    """A hand-written or index page for the search index. A whole document is read
    and no line numbers are needed, so python-frontmatter reads it (validation
    keeps its own line-tracking reader)."""
    page = frontmatter.loads(markdown)
    body = page.content
    title = own_title(page.metadata.get("title"), body, src_uri)
    description = page.metadata.get("description")
    return page_document(url_of(src_uri), title, body, str(description) if description else None)


def _write_config(
    repository_root: Path, config: dict[str, Any], out_dir: Path, page_urls: list[str], settings: LibrarySettings, engine: str
) -> str:
    """The site's configuration without hooks, its theme overrides copied beside it,
    and the Content-Security-Policy the templates write into every page (returned)."""
    tree_config = {key: value for key, value in config.items() if key not in ("hooks", "docs_dir", "site_dir")}
    custom_dir = (config.get("theme") or {}).get("custom_dir")
    if custom_dir:
        shutil.copytree(repository_root / custom_dir, out_dir / custom_dir)
    extra = dict(tree_config.get("extra") or {})
    scripts = known_scripts(theme_script_dirs(repository_root / custom_dir if custom_dir else None, engine))
    bases = base_urls(page_urls, tree_config.get("site_url"), extra.get("scope"), engine)
    extra[CSP_CONFIG_KEY] = site_policy(scripts, bases)
    extra[LICENCE_CONFIG_KEY] = settings.licence.as_record(messages_in(settings.language))
    messages = messages_in(settings.language)
    extra[THEME_TEXTS_KEY] = theme_texts(messages)
    tree_config["extra"] = extra
    if tree_config.get("markdown_extensions"):  # their words in the site's language
        tree_config["markdown_extensions"] = [
            markdown_configs_in(entry, messages) if isinstance(entry, dict) else entry
            for entry in tree_config["markdown_extensions"]
        ]
    if engine == "zensical":
        # Zensical's classic look is mkdocs-material's: the site's stylesheet and its
        # contrast fixes are made for it (its modern look has a light footer).
        tree_config["theme"] = {**(tree_config.get("theme") or {}), "variant": "classic"}
        # Its theme no longer styles the search classes the library's search box wears.
        (out_dir / "docs" / SEARCH_STYLESHEET).parent.mkdir(parents=True, exist_ok=True)
        (out_dir / "docs" / SEARCH_STYLESHEET).write_text(theme_search_rules(), encoding="utf-8")
        tree_config["extra_css"] = [SEARCH_STYLESHEET, *(tree_config.get("extra_css") or [])]
    tree_config["docs_dir"] = "docs"
    tree_config["site_dir"] = "site"
    (out_dir / HOOKLESS_CONFIG).write_text(
        "# Generated by `kirjasto generate`: the library's tree, built with no hooks.\n"
        + yaml.safe_dump(tree_config, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    return str(extra[CSP_CONFIG_KEY])
