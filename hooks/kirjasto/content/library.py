"""Load the whole library from a content folder: every file checked, every
problem reported, the valid items gathered into a `Library`."""

from __future__ import annotations

import datetime
import functools
import multiprocessing
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from kirjasto.content import frontmatter
from kirjasto.content.clock import today_in_finland
from kirjasto.content.markdown_config import MarkdownConfig
from kirjasto.content.model import Item, Kind, Library
from kirjasto.content.privacy import ALLOWED_CONTACTS_FILE, load_allowed_contacts
from kirjasto.content.problems import Problem, errors
from kirjasto.content.render import RENDER_BUDGET_SECONDS, BodyRenderer
from kirjasto.content.sanitise import Sanitiser
from kirjasto.content.text import finnish_sort_key, slugify, suggest
from kirjasto.content.validate import ValidatedFile, ValidationContext, validate_item
from kirjasto.content.vocabularies import AUDIENCES_FILE, THEMES_FILE, load_vocabularies

CONTENT_DIR = "practices"
SLUG_FILE_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\.md$")
RESERVED_SLUGS = {"index"}
"""Slugs that would clash with a generated page (`kaytannot/index.md` is the listing;
`sivu-2`, `sivu-3` ... are its further pages)."""
MAX_FILE_BYTES = 256 * 1024
"""The longest real description is about 6 KB; a file forty times that is not a description."""
FILE_START = 1
"""Problems about a whole file (its name, size or encoding) point at its first line,
so that every line of a report has the form `path:line: field: message`."""
ALLOWED_TOP_LEVEL_FILES = {THEMES_FILE, AUDIENCES_FILE, ALLOWED_CONTACTS_FILE, "README.md"}


@dataclass(frozen=True)
class LoadedLibrary:
    library: Library
    problems: list[Problem]

    @property
    def is_valid(self) -> bool:
        return not errors(self.problems)


@dataclass(frozen=True)
class _FoundFile:
    kind: Kind
    path: Path
    shown: str


@dataclass
class ValidationCache:
    """Results of unchanged files between rebuilds (mkdocs serve, kirjasto preview):
    a file is checked again only when its size or modification time changes, and
    everything is checked again when a vocabulary file or the date changes."""

    context_key: tuple = ()
    results: dict[Path, tuple[tuple[int, int], ValidatedFile]] = field(default_factory=dict)


def _stamp(path: Path) -> tuple[int, int]:
    try:
        status = path.stat()
    except OSError:
        return (0, 0)
    return (status.st_mtime_ns, status.st_size)


DEFAULT_CONFIG_FILE = "mkdocs.yml"


def load_library(
    repository_root: Path,
    *,
    content_dir: str = CONTENT_DIR,
    today: datetime.date | None = None,
    markdown: MarkdownConfig | None = None,
    render_budget: float = RENDER_BUDGET_SECONDS,
    cache: ValidationCache | None = None,
) -> LoadedLibrary:
    """Read, check and gather every item under `repository_root/content_dir`.

    `today` is today in Finland unless given; `markdown` is the site's Markdown
    configuration (MkDocs' own in a build), by default read from the repository's
    mkdocs.yml, so that bodies are judged exactly as the site would render them.
    `render_budget` is the CPU time one body may take to render (builds allow more)."""
    today = today or today_in_finland()
    markdown = markdown or _default_markdown(repository_root)
    root = repository_root / content_dir
    vocabularies, problems = load_vocabularies(root, repository_root)
    allowed, allow_list_problem = load_allowed_contacts(root)
    if allow_list_problem:
        problems.append(Problem(_shown(root / ALLOWED_CONTACTS_FILE, repository_root), None, None, allow_list_problem))
    context = ValidationContext(
        vocabularies=vocabularies,
        today=today,
        renderer=BodyRenderer(markdown, render_budget),
        sanitiser=Sanitiser(),
        allowed_contacts=allowed,
    )
    found, layout_problems = _find_item_files(root, repository_root)
    problems += layout_problems
    checked = _check_with_cache(found, context, repository_root, cache, root)
    for result in checked.values():
        problems += result.problems
    problems += _check_slugs_unique(found)
    problems += _check_related_exist(found, checked)
    problems += _check_item_links_exist(found, checked)
    items = tuple(result.item for result in checked.values() if result.item is not None)
    return LoadedLibrary(library=Library(items=items, vocabularies=vocabularies), problems=problems)


def _default_markdown(repository_root: Path) -> MarkdownConfig:
    config_file = repository_root / DEFAULT_CONFIG_FILE
    return MarkdownConfig.from_file(config_file) if config_file.is_file() else MarkdownConfig()


def _shown(path: Path, repository_root: Path) -> str:
    return path.relative_to(repository_root).as_posix()


def _find_item_files(root: Path, repository_root: Path) -> tuple[list[_FoundFile], list[Problem]]:
    if root.is_symlink():
        return [], [
            Problem(
                _shown(root, repository_root), None, None, "Sisältökansio on symbolinen linkki. Korvaa se tavallisella kansiolla."
            )
        ]
    if not root.is_dir():
        return [], [
            Problem(
                _shown(root, repository_root),
                None,
                None,
                "Sisältökansiota ei löydy. Luo kansio ja sen alle kansiot kaytannot, verkostot ja materiaalit.",
            )
        ]
    found, problems = [], []
    kind_folders = ", ".join(kind.folder for kind in Kind)
    for entry in sorted(root.iterdir()):
        shown = _shown(entry, repository_root)
        kind = Kind.from_folder(entry.name)
        if entry.is_symlink():
            problems.append(
                Problem(
                    shown,
                    None,
                    None,
                    "Symbolinen linkki ei ole sallittu sisältökansiossa. Korvaa se tavallisella tiedostolla tai kansiolla.",
                )
            )
        elif entry.is_dir() and kind is not None:
            folder_files, folder_problems = _find_in_kind_folder(entry, kind, repository_root)
            found += folder_files
            problems += folder_problems
        elif not (entry.is_file() and entry.name in ALLOWED_TOP_LEVEL_FILES):
            problems.append(
                Problem(
                    shown,
                    FILE_START if entry.is_file() else None,
                    None,
                    f"Tämä ei kuulu sisältökansioon. Kuvaukset kuuluvat kansioihin {kind_folders}; muuta tänne ei tarvita.",
                )
            )
    return found, problems


def _find_in_kind_folder(folder: Path, kind: Kind, repository_root: Path) -> tuple[list[_FoundFile], list[Problem]]:
    found, problems = [], []
    seen_folded: dict[str, str] = {}
    prefix = _shown(folder, repository_root) + "/"
    # os.scandir: file types come with the listing, no extra stat per file.
    with os.scandir(folder) as listing:
        entries = sorted(listing, key=lambda entry: entry.name)
    for dir_entry in entries:
        entry = folder / dir_entry.name
        shown = prefix + dir_entry.name
        folded = unicodedata.normalize("NFC", entry.name).casefold()
        if folded in seen_folded:
            problems.append(
                Problem(
                    shown,
                    FILE_START,
                    "tiedostonimi",
                    f"Nimi eroaa tiedostosta {seen_folded[folded]} vain kirjainkooltaan. Kaikissa järjestelmissä ne olisivat sama tiedosto; nimeä toinen uudelleen.",
                )
            )
            continue
        seen_folded[folded] = shown
        if dir_entry.is_symlink():
            problems.append(
                Problem(
                    shown, FILE_START, None, "Symbolinen linkki ei ole sallittu. Korvaa se tavallisella Markdown-tiedostolla."
                )
            )
        elif dir_entry.is_dir(follow_symlinks=False):
            problems.append(
                Problem(
                    shown,
                    None,
                    None,
                    f"Alikansiot eivät ole käytössä. Siirrä kuvaukset suoraan kansioon {_shown(folder, repository_root)}.",
                )
            )
        elif not entry.name.endswith(".md"):
            problems.append(
                Problem(
                    shown,
                    FILE_START,
                    None,
                    "Vain Markdown-tiedostot (.md) ovat sallittuja. Kirjoita kuvaus .md-tiedostoon ja poista tämä tiedosto.",
                )
            )
        elif unicodedata.normalize("NFC", entry.name) != entry.name:
            problems.append(
                Problem(
                    shown,
                    FILE_START,
                    "tiedostonimi",
                    f"Tiedostonimi ei ole NFC-muodossa (ääkköset on tallennettu hajotettuina merkkeinä). Nimeä tiedosto uudelleen pelkillä merkeillä a-z, 0-9 ja -, esim. '{_suggest_file_name(entry.name)}'.",
                )
            )
        elif not SLUG_FILE_NAME.match(entry.name):
            problems.append(
                Problem(
                    shown,
                    FILE_START,
                    "tiedostonimi",
                    f"Tiedostonimi '{entry.name}' ei kelpaa. Käytä vain pieniä kirjaimia a-z, numeroita ja viivoja (ei ääkkösiä eikä välilyöntejä), esim. '{_suggest_file_name(entry.name)}'.",
                )
            )
        elif entry.name.removesuffix(".md") in RESERVED_SLUGS or re.fullmatch(r"sivu-\d+\.md", entry.name):
            problems.append(
                Problem(
                    shown,
                    FILE_START,
                    "tiedostonimi",
                    f"Tiedostonimi '{entry.name}' on varattu luettelosivulle. Anna kuvaukselle sen sisältöä kuvaava nimi.",
                )
            )
        else:
            found.append(_FoundFile(kind=kind, path=entry, shown=shown))
    return found, problems


def _suggest_file_name(name: str) -> str:
    return (slugify(name.removesuffix(".md")) or "kuvauksen-nimi") + ".md"


def _check_with_cache(
    found, context, repository_root: Path, cache: ValidationCache | None, root: Path
) -> dict[Path, ValidatedFile]:
    if cache is None:
        return dict(zip((file.path for file in found), _check_files(found, context, repository_root), strict=False))
    key = (
        context.today,
        repr(context.renderer.config),
        context.renderer.budget_seconds,
        *(_stamp(root / name) for name in sorted(ALLOWED_TOP_LEVEL_FILES)),
    )
    if key != cache.context_key:
        cache.context_key, cache.results = key, {}
    stamps = {file.path: _stamp(file.path) for file in found}
    stale = [file for file in found if cache.results.get(file.path, (None,))[0] != stamps[file.path]]
    for file, result in zip(stale, _check_files(stale, context, repository_root), strict=False):
        cache.results[file.path] = (stamps[file.path], result)
    return {file.path: cache.results[file.path][1] for file in found}


PARALLEL_THRESHOLD = 800
"""Below this many files a process pool costs more than it saves."""


def _check_files(found: list[_FoundFile], context: ValidationContext, repository_root: Path) -> list[ValidatedFile]:
    """Every file checked; large libraries on all cores (checking is pure and per file)."""
    workers = min(os.cpu_count() or 1, 8)
    if len(found) < PARALLEL_THRESHOLD or workers < 2:
        return [_check_file(file, context, repository_root) for file in found]
    check = functools.partial(_check_file, context=context, repository_root=repository_root)
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        return pool.map(check, found, chunksize=max(1, len(found) // (workers * 4)))


def _check_file(file: _FoundFile, context: ValidationContext, repository_root: Path) -> ValidatedFile:
    try:
        with file.path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        return ValidatedFile(
            None,
            [Problem(file.shown, FILE_START, None, f"Tiedostoa ei voi lukea ({error.strerror}). Tarkista tiedoston oikeudet.")],
            {},
        )
    if len(raw) > MAX_FILE_BYTES:
        return ValidatedFile(
            None,
            [
                Problem(
                    file.shown,
                    FILE_START,
                    None,
                    f"Tiedosto on liian suuri (yli {MAX_FILE_BYTES // 1024} KiB). Kuvaus on tekstiä: lyhennä sitä tai jaa se useaksi kuvaukseksi, ja linkitä liitteisiin.",
                )
            ],
            {},
        )
    try:
        text = frontmatter.normalise_text(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return ValidatedFile(
            None, [Problem(file.shown, line, None, "Tiedoston merkistö ei ole UTF-8. Tallenna se editorissa UTF-8-muodossa.")], {}
        )
    try:
        split_file = frontmatter.split(text)
        tree = frontmatter.parse(split_file)
    except frontmatter.FrontMatterError as error:
        return ValidatedFile(None, [Problem(file.shown, error.line, error.field, error.message)], {})
    return validate_item(
        tree,
        path=file.shown,
        kind=file.kind,
        slug=file.path.name.removesuffix(".md"),
        body=split_file.body,
        body_line=split_file.body_line,
        source_path=file.path.relative_to(repository_root),
        context=context,
    )


def _check_slugs_unique(found: list[_FoundFile]) -> list[Problem]:
    first_by_slug: dict[str, _FoundFile] = {}
    problems = []
    for file in found:
        slug = file.path.name.removesuffix(".md")
        if slug in first_by_slug:
            other = first_by_slug[slug].shown
            problems.append(
                Problem(
                    file.shown,
                    FILE_START,
                    "tiedostonimi",
                    f"Tunniste '{slug}' on jo käytössä tiedostossa {other}. Nimeä tämä tiedosto uudelleen, esim. lisäämällä kunnan nimi.",
                )
            )
        else:
            first_by_slug[slug] = file
    return problems


SUGGESTIONS_PER_FILE = 20
"""Missing names get a "Tarkoititko" suggestion this many times per file: each compares
the name with every item's, and a file can hold thousands of names."""


class _Suggestions:
    """Closest item names for misspelt ones, at most `SUGGESTIONS_PER_FILE` per file."""

    def __init__(self, names) -> None:
        self.names = names
        self.given: dict[str, int] = {}

    def closest(self, shown: str, name: str) -> str | None:
        count = self.given.get(shown, 0)
        if count >= SUGGESTIONS_PER_FILE:
            return None
        self.given[shown] = count + 1
        return suggest(name, self.names)


def _check_related_exist(found: list[_FoundFile], checked: dict[Path, ValidatedFile]) -> list[Problem]:
    slugs = {file.path.name.removesuffix(".md") for file in found}
    suggestions = _Suggestions(slugs)
    problems = []
    for file in found:
        for slug, line in checked[file.path].related_lines.items():
            if slug not in slugs:
                closest = suggestions.closest(file.shown, slug)
                hint = f" Tarkoititko '{closest}'?" if closest else " Anna toisen kuvauksen tiedostonimi ilman .md-päätettä."
                problems.append(Problem(file.shown, line, "related", f"Kuvausta '{slug}' ei löydy.{hint}"))
    return problems


def _check_item_links_exist(found: list[_FoundFile], checked: dict[Path, ValidatedFile]) -> list[Problem]:
    """Every link in a body to another item's file points to an item that exists, in its folder."""
    folders = {file.path.name.removesuffix(".md"): file.kind.folder for file in found}
    suggestions = _Suggestions(folders)
    problems = []
    for file in found:
        for link, line in checked[file.path].link_lines:
            folder = folders.get(link.slug)
            if folder is None:
                closest = suggestions.closest(file.shown, link.slug)
                hint = (
                    f" Tarkoititko '{closest}'?"
                    if closest
                    else " Tarkista tiedostonimi kansioista kaytannot, verkostot ja materiaalit."
                )
                problems.append(
                    Problem(
                        file.shown,
                        line,
                        "teksti",
                        f"Linkki '{link.written}' osoittaa kuvaukseen '{link.slug}', jota ei ole kirjastossa.{hint}",
                    )
                )
            elif folder != link.folder:
                problems.append(
                    Problem(
                        file.shown,
                        line,
                        "teksti",
                        f"Linkki '{link.written}' osoittaa kansioon {link.folder}, mutta kuvaus '{link.slug}' on kansiossa {folder}. Korjaa polku muotoon ../{folder}/{link.slug}.md.",
                    )
                )
    return problems


def items_sorted(items: tuple[Item, ...] | list[Item]) -> list[Item]:
    """Items in Finnish alphabetical order of title."""
    return sorted(items, key=lambda item: (finnish_sort_key(item.title), item.slug))
