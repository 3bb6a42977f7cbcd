"""Load the whole library from a content folder: every file checked (with a cache
between rebuilds, on all cores for a large library), every problem reported, the
valid items gathered into a `Library`."""

from __future__ import annotations

import datetime
import functools
import multiprocessing
import os
from dataclasses import dataclass
from pathlib import Path

from kirjasto.content.body_messages import is_slow_render_message
from kirjasto.content.clock import today_in_finland
from kirjasto.content.frontmatter import FrontMatterError, declared_language, normalise_text, parse, split
from kirjasto.content.library_files import ALLOWED_TOP_LEVEL_FILES, FILE_START, FoundFile, find_item_files, shown_path
from kirjasto.content.library_references import (
    check_item_links_exist,
    check_related_exist,
    check_slugs_unique,
    check_translations,
)
from kirjasto.content.markdown_config import MarkdownConfig
from kirjasto.content.messages import SOURCE_LANGUAGE, _, catalogue_path, messages_in
from kirjasto.content.model import Item, Library
from kirjasto.content.privacy import ALLOWED_CONTACTS_FILE, load_allowed_contacts
from kirjasto.content.problems import Problem, errors
from kirjasto.content.render import RENDER_BUDGET_SECONDS, BodyRenderer
from kirjasto.content.sanitise import Sanitiser
from kirjasto.content.text import finnish_sort_key
from kirjasto.content.validate import ValidatedFile, ValidationContext, validate_item
from kirjasto.content.validation_store import ValidationCache, code_digest, digest
from kirjasto.content.vocabularies import load_vocabularies

CONTENT_DIR = "practices"
MAX_FILE_BYTES = 256 * 1024
"""The longest real description is about 6 KB; a file forty times that is not a description."""


@dataclass(frozen=True)
class LoadedLibrary:
    """The library and every problem found on the way."""

    library: Library
    """The valid items."""
    problems: list[Problem]

    @property
    def is_valid(self) -> bool:
        return not errors(self.problems)


DEFAULT_CONFIG_FILE = "mkdocs.yml"


def load_library(
    repository_root: Path,
    *,
    content_dir: str = CONTENT_DIR,
    today: datetime.date | None = None,
    markdown: MarkdownConfig | None = None,
    render_budget: float = RENDER_BUDGET_SECONDS,
    cache: ValidationCache | None = None,
    language: str | None = None,
) -> LoadedLibrary:
    """Read, check and gather every item under `repository_root/content_dir`.

    Problems are told in each file's own language, or in `language` when asked for one;
    problems of the library as a whole (its folders, its editorial lists) in `language`
    or Finnish.

    `today` is today in Finland unless given; `markdown` is the site's Markdown
    configuration (MkDocs' own in a build), by default read from the repository's
    mkdocs.yml, so that bodies are judged exactly as the site would render them.
    `render_budget` is the CPU time one body may take to render (builds allow more)."""
    today = today or today_in_finland()
    # Absolute paths: the stored results are found by path, whatever the working folder.
    repository_root = repository_root.resolve()
    markdown = markdown or _default_markdown(repository_root)
    root = repository_root / content_dir
    # The library's own files have no language of their own: told in the one asked for.
    library_language = language or SOURCE_LANGUAGE
    vocabularies, problems = load_vocabularies(root, repository_root, library_language)
    allowed, allow_list_problem = load_allowed_contacts(root, messages_in(library_language))
    if allow_list_problem:
        allow_list = shown_path(root / ALLOWED_CONTACTS_FILE, repository_root)
        problems.append(Problem(allow_list, None, None, allow_list_problem, language=library_language))
    context = ValidationContext(
        vocabularies=vocabularies,
        today=today,
        renderer=BodyRenderer(markdown, render_budget),
        sanitiser=Sanitiser(),
        allowed_contacts=allowed,
        language=language,
    )
    found, layout_problems = find_item_files(root, repository_root, library_language)
    problems += layout_problems
    checked = _check_with_cache(found, context, repository_root, cache, root)
    for result in checked.values():
        problems += result.problems
    problems += check_slugs_unique(found, library_language)
    problems += check_related_exist(found, checked)
    problems += check_translations(found, checked)
    problems += check_item_links_exist(found, checked)
    items = tuple(result.item for result in checked.values() if result.item is not None)
    return LoadedLibrary(library=Library(items=items, vocabularies=vocabularies), problems=problems)


def _default_markdown(repository_root: Path) -> MarkdownConfig:
    config_file = repository_root / DEFAULT_CONFIG_FILE
    return MarkdownConfig.from_file(config_file) if config_file.is_file() else MarkdownConfig()


def _check_with_cache(
    found: list[FoundFile], context: ValidationContext, repository_root: Path, cache: ValidationCache | None, root: Path
) -> dict[Path, ValidatedFile]:
    if cache is None:
        return dict(zip((file.path for file in found), _check_files(found, context, repository_root), strict=False))
    cache.use_context(
        digest(
            repr(
                (
                    code_digest(),
                    context.today,
                    context.renderer.config,
                    # The language asked for, and the Swedish messages (outside kirjasto.content).
                    context.language,
                    _file_digest(catalogue_path("sv")),
                    [_file_digest(root / name) for name in sorted(ALLOWED_TOP_LEVEL_FILES)],
                )
            ).encode()
        )
    )
    stamps = {file.path: _stamp(file.path) for file in found}
    looked_up = {
        file.path: cache.result(file.path, stamps[file.path], functools.partial(_file_digest, file.path)) for file in found
    }
    results = {path: result for path, (_, result) in looked_up.items()}
    stale = [file for file in found if results[file.path] is None]
    for file, result in zip(stale, _check_files(stale, context, repository_root), strict=False):
        # The budget is not in the key (validate and build share the results): a body
        # refused for it is checked again every time, under the budget of that run.
        if not any(is_slow_render_message(problem.message, problem.language) for problem in result.problems):
            cache.keep(file.path, stamps[file.path], looked_up[file.path][0] or _file_digest(file.path), result)
        results[file.path] = result
    cache.forget_missing({str(file.path) for file in found})
    cache.save()
    return {path: result for path, result in results.items() if result is not None}


def _stamp(path: Path) -> tuple[int, int, int]:
    try:
        status = path.stat()
    except OSError:
        return (0, 0, 0)
    return (status.st_mtime_ns, status.st_size, status.st_ino)


def _file_digest(path: Path) -> str:
    """The digest of what `_check_file` reads (an unreadable file: its error is the result)."""
    try:
        with path.open("rb") as handle:
            return digest(handle.read(MAX_FILE_BYTES + 1))
    except OSError as error:
        return f"error:{error.errno}"


PARALLEL_THRESHOLD = 800
"""Below this many files a process pool costs more than it saves."""


def _check_files(found: list[FoundFile], context: ValidationContext, repository_root: Path) -> list[ValidatedFile]:
    """Every file checked; large libraries on all cores (checking is pure and per file)."""
    workers = min(os.cpu_count() or 1, 8)
    if len(found) < PARALLEL_THRESHOLD or workers < 2:
        return [_check_file(file, context, repository_root) for file in found]
    check = functools.partial(_check_file, context=context, repository_root=repository_root)
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        return pool.map(check, found, chunksize=max(1, len(found) // (workers * 4)))


def _check_file(file: FoundFile, context: ValidationContext, repository_root: Path) -> ValidatedFile:
    try:
        with file.path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        message = _("Tiedostoa ei voi lukea ({reason}). Tarkista tiedoston oikeudet.")
        return _unread(file, context, FILE_START, message, reason=error.strerror)
    if len(raw) > MAX_FILE_BYTES:
        message = _(
            "Tiedosto on liian suuri (yli {size} KiB). Kuvaus on tekstiä: lyhennä sitä tai jaa se useaksi kuvaukseksi, ja linkitä liitteisiin."
        )
        return _unread(file, context, FILE_START, message, raw, size=MAX_FILE_BYTES // 1024)
    try:
        text = normalise_text(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return _unread(file, context, line, _("Tiedoston merkistö ei ole UTF-8. Tallenna se editorissa UTF-8-muodossa."), raw)
    written_in = declared_language(text)
    told_in = context.language or written_in or SOURCE_LANGUAGE
    try:
        split_file = split(text, messages_in(told_in))
        tree = parse(split_file, messages_in(told_in))
    except FrontMatterError as error:
        problem = Problem(file.shown, error.line, error.field, error.message, language=told_in)
        return ValidatedFile(None, [problem], {}, language=written_in or SOURCE_LANGUAGE, told_in=told_in)
    return validate_item(
        tree,
        path=file.shown,
        kind=file.kind,
        slug=file.slug,
        body=split_file.body,
        body_line=split_file.body_line,
        source_path=file.path.relative_to(repository_root),
        context=context,
    )


def _unread(
    file: FoundFile, context: ValidationContext, line: int, message: str, raw: bytes = b"", **values: object
) -> ValidatedFile:
    """A file that cannot be read as text, its problem told in the language asked for or
    else in the one its front matter seems to declare (`declared_language`)."""
    written_in = declared_language(normalise_text(raw[:MAX_FILE_BYTES].decode("utf-8", "replace")))
    told_in = context.language or written_in or SOURCE_LANGUAGE
    problem = Problem(file.shown, line, None, messages_in(told_in).say(message, **values), language=told_in)
    return ValidatedFile(None, [problem], {}, language=written_in or SOURCE_LANGUAGE, told_in=told_in)


def items_sorted(items: tuple[Item, ...] | list[Item]) -> list[Item]:
    """Items in Finnish alphabetical order of title."""
    return sorted(items, key=lambda item: (finnish_sort_key(item.title), item.slug))
