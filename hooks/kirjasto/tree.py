"""`kirjasto generate OUTDIR`: the complete Markdown tree an engine needs, with no
hooks involved. The hand-written `docs/` with live markers expanded, every item
and index page (the same `plan_pages` the MkDocs hook uses, HTML parts in place),
the open data, the feed, the catalogue data and the search index, plus a
hook-free `mkdocs.yml`. Any engine that reads a MkDocs tree can build it."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .exports import export_files
from .library import load_library
from .pages import expand_markers, plan_pages
from .problems import Problem, errors
from .scope import apply_scope, scope_problems
from .search import build_search_index, item_documents, page_document
from .settings import LibrarySettings, read_settings

HOOKLESS_CONFIG = "mkdocs.yml"


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as MkDocs reads it, for what the tree needs: `!ENV [NAME, default]`."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    import os

    values = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    for name in values[:-1] if len(values) > 1 else values:
        if isinstance(name, str) and name in os.environ:
            return os.environ[name]
    return values[-1] if len(values) > 1 else None


_ConfigLoader.add_constructor("!ENV", _env)


def _merge(base: dict, override: dict) -> dict:
    merged = dict(base)
    for key, value in override.items():
        merged[key] = _merge(merged[key], value) if isinstance(value, dict) and isinstance(merged.get(key), dict) else value
    return merged


def read_config(path: Path) -> dict:
    """A MkDocs configuration file, with INHERIT followed (dictionaries merged deeply, as MkDocs does)."""
    data = yaml.load(path.read_text("utf-8"), Loader=_ConfigLoader) or {}
    parent = data.pop("INHERIT", None)
    return _merge(read_config(path.parent / parent), data) if parent else data


@dataclass(frozen=True)
class GeneratedTree:
    out_dir: Path
    pages: int
    problems: list[Problem]


def generate_tree(repository_root: Path, config_name: str, out_dir: Path) -> GeneratedTree:
    """Write the tree; on invalid content write nothing and return the problems."""
    config = read_config(repository_root / config_name)
    settings: LibrarySettings = read_settings((config.get("extra") or {}).get("kirjasto"), config.get("site_url"), config.get("site_name"))
    loaded = load_library(repository_root, content_dir=settings.content_dir)
    scope_errors = [Problem(config_name, None, "extra.kirjasto.scope", message) for message in scope_problems(settings.scope, loaded.library.vocabularies)]
    if errors(loaded.problems) or scope_errors:
        return GeneratedTree(out_dir, 0, loaded.problems + scope_errors)
    library = apply_scope(loaded.library, settings.scope)

    if out_dir.exists():
        shutil.rmtree(out_dir)
    docs_source = repository_root / config.get("docs_dir", "docs")
    docs = out_dir / "docs"
    documents = []
    for source in sorted(docs_source.rglob("*")):
        target = docs / source.relative_to(docs_source)
        if source.is_dir():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.suffix == ".md":
            src_uri = source.relative_to(docs_source).as_posix()
            markdown = source.read_text("utf-8")
            expanded = expand_markers(markdown, library, src_uri, settings)
            target.write_text(expanded, encoding="utf-8")
            documents.append(_document(src_uri, markdown))
        else:
            shutil.copy(source, target)
    pages = plan_pages(library, settings)
    for page in pages:
        target = docs / page.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.with_html_parts(), encoding="utf-8")
    item_uris = {item.src_uri for item in library.items}
    documents += [_document(page.src_uri, page.markdown) for page in pages if page.src_uri not in item_uris]
    files = export_files(library, settings, settings.site_name)
    files.update(build_search_index(item_documents(library) + documents))
    for path, text in files.items():
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    _write_config(repository_root, config, out_dir)
    return GeneratedTree(out_dir, len(pages), loaded.problems)


def _document(src_uri: str, markdown: str):
    from .frontmatter import FRONT_MATTER_RE
    from .pages.page import url_of

    match = FRONT_MATTER_RE.match(markdown)
    meta = yaml.safe_load(match.group(1)) if match else {}
    body = markdown[match.end():] if match else markdown
    title = (meta or {}).get("title") or next((line[2:].strip() for line in body.splitlines() if line.startswith("# ")), src_uri)
    return page_document(url_of(src_uri), title, body, (meta or {}).get("description"))


def _write_config(repository_root: Path, config: dict, out_dir: Path) -> None:
    """The site's configuration without hooks, its theme overrides copied beside it."""
    tree_config = {key: value for key, value in config.items() if key not in ("hooks", "docs_dir", "site_dir")}
    custom_dir = (config.get("theme") or {}).get("custom_dir")
    if custom_dir:
        shutil.copytree(repository_root / custom_dir, out_dir / custom_dir)
    tree_config["docs_dir"] = "docs"
    tree_config["site_dir"] = "site"
    (out_dir / HOOKLESS_CONFIG).write_text(
        "# Generated by `kirjasto generate`: the library's tree, built with no hooks.\n"
        + yaml.safe_dump(tree_config, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
