"""Find the item files under the content folder: each kind's folder walked, and
every file that is misplaced or misnamed reported with how to put it right (in the
language asked for, or Finnish: such a file has not been read)."""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kirjasto.content.messages import SOURCE_LANGUAGE, _, messages_in
from kirjasto.content.model import Kind
from kirjasto.content.privacy import ALLOWED_CONTACTS_FILE
from kirjasto.content.problems import Problem
from kirjasto.content.text import slugify
from kirjasto.content.vocabularies import AUDIENCES_FILE, THEMES_FILE

SLUG_FILE_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\.md$")
RESERVED_SLUGS = {"index"}
"""Slugs that would clash with a generated page (`kaytannot/index.md` is the listing;
`sivu-2`, `sivu-3` ... (RESERVED_PAGE) are its further pages)."""
RESERVED_PAGE = re.compile(r"^sivu-\d+$")
FILE_START = 1
"""Problems about a whole file (its name, size or encoding) point at its first line,
so that every line of a report has the form `path:line: field: message`."""
ALLOWED_TOP_LEVEL_FILES = {THEMES_FILE, AUDIENCES_FILE, ALLOWED_CONTACTS_FILE, "README.md"}
FILE_NAME_FIELD = _("tiedostonimi")
"""How reports name a file's name, which is no front-matter field (marked, so that a
report can show it in its language; the problem itself keeps this name)."""


@dataclass(frozen=True)
class FoundFile:
    """An item file, before it is read."""

    kind: Kind
    """The kind its folder stands for."""
    path: Path
    shown: str
    """The path as reports show it: relative to the repository, with forward slashes."""

    @property
    def slug(self) -> str:
        return self.path.name.removesuffix(".md")


def shown_path(path: Path, repository_root: Path) -> str:
    return path.relative_to(repository_root).as_posix()


def find_item_files(root: Path, repository_root: Path, language: str = SOURCE_LANGUAGE) -> tuple[list[FoundFile], list[Problem]]:
    """Every Markdown file in a kind's folder under `root` whose name can be a slug;
    the problems found on the way are told in `language`."""
    say = messages_in(language).say
    if root.is_symlink():
        return [], [
            Problem(
                shown_path(root, repository_root),
                None,
                None,
                say(_("Sisältökansio on symbolinen linkki. Korvaa se tavallisella kansiolla.")),
                language=language,
            )
        ]
    if not root.is_dir():
        return [], [
            Problem(
                shown_path(root, repository_root),
                None,
                None,
                say(_("Sisältökansiota ei löydy. Luo kansio ja sen alle kansiot kaytannot, verkostot ja materiaalit.")),
                language=language,
            )
        ]
    found: list[FoundFile] = []
    problems: list[Problem] = []
    kind_folders = ", ".join(kind.folder for kind in Kind)
    for entry in sorted(root.iterdir()):
        shown = shown_path(entry, repository_root)
        kind = Kind.from_folder(entry.name)
        if entry.is_symlink():
            message = say(
                _("Symbolinen linkki ei ole sallittu sisältökansiossa. Korvaa se tavallisella tiedostolla tai kansiolla.")
            )
            problems.append(Problem(shown, None, None, message, language=language))
        elif entry.is_dir() and kind is not None:
            folder_files, folder_problems = _find_in_kind_folder(entry, kind, repository_root, language)
            found += folder_files
            problems += folder_problems
        elif not (entry.is_file() and entry.name in ALLOWED_TOP_LEVEL_FILES):
            message = say(
                _("Tämä ei kuulu sisältökansioon. Kuvaukset kuuluvat kansioihin {folders}; muuta tänne ei tarvita."),
                folders=kind_folders,
            )
            problems.append(Problem(shown, FILE_START if entry.is_file() else None, None, message, language=language))
    return found, problems


def _find_in_kind_folder(folder: Path, kind: Kind, repository_root: Path, language: str) -> tuple[list[FoundFile], list[Problem]]:
    say = messages_in(language).say
    found: list[FoundFile] = []
    problems: list[Problem] = []
    seen_folded: dict[str, str] = {}
    prefix = shown_path(folder, repository_root) + "/"
    # os.scandir: file types come with the listing, no extra stat per file.
    with os.scandir(folder) as listing:
        entries = sorted(listing, key=lambda entry: entry.name)
    for dir_entry in entries:
        entry = folder / dir_entry.name
        shown = prefix + dir_entry.name
        folded = unicodedata.normalize("NFC", entry.name).casefold()
        if folded in seen_folded:
            message = say(
                _(
                    "Nimi eroaa tiedostosta {other} vain kirjainkooltaan. Kaikissa järjestelmissä ne olisivat sama tiedosto; nimeä toinen uudelleen."
                ),
                other=seen_folded[folded],
            )
            problems.append(Problem(shown, FILE_START, FILE_NAME_FIELD, message, language=language))
            continue
        seen_folded[folded] = shown
        if dir_entry.is_symlink():
            message = say(_("Symbolinen linkki ei ole sallittu. Korvaa se tavallisella Markdown-tiedostolla."))
            problems.append(Problem(shown, FILE_START, None, message, language=language))
        elif dir_entry.is_dir(follow_symlinks=False):
            message = say(
                _("Alikansiot eivät ole käytössä. Siirrä kuvaukset suoraan kansioon {folder}."),
                folder=shown_path(folder, repository_root),
            )
            problems.append(Problem(shown, None, None, message, language=language))
        elif not entry.name.endswith(".md"):
            message = say(
                _("Vain Markdown-tiedostot (.md) ovat sallittuja. Kirjoita kuvaus .md-tiedostoon ja poista tämä tiedosto.")
            )
            problems.append(Problem(shown, FILE_START, None, message, language=language))
        elif (name_problem := _file_name_problem(entry.name, say)) is not None:
            problems.append(Problem(shown, FILE_START, FILE_NAME_FIELD, name_problem, language=language))
        else:
            found.append(FoundFile(kind=kind, path=entry, shown=shown))
    return found, problems


def _file_name_problem(name: str, say: Callable[..., str]) -> str | None:
    """What is wrong with the name of a Markdown file in a kind's folder, if anything."""
    if unicodedata.normalize("NFC", name) != name:
        return say(
            _(
                "Tiedostonimi ei ole NFC-muodossa (ääkköset on tallennettu hajotettuina merkkeinä). Nimeä tiedosto uudelleen pelkillä merkeillä a-z, 0-9 ja -, esim. '{suggestion}'."
            ),
            suggestion=_suggest_file_name(name),
        )
    if not SLUG_FILE_NAME.match(name):
        return say(
            _(
                "Tiedostonimi '{name}' ei kelpaa. Käytä vain pieniä kirjaimia a-z, numeroita ja viivoja (ei ääkkösiä eikä välilyöntejä), esim. '{suggestion}'."
            ),
            name=name,
            suggestion=_suggest_file_name(name),
        )
    if name.removesuffix(".md") in RESERVED_SLUGS or RESERVED_PAGE.match(name.removesuffix(".md")):
        return say(_("Tiedostonimi '{name}' on varattu luettelosivulle. Anna kuvaukselle sen sisältöä kuvaava nimi."), name=name)
    return None


def _suggest_file_name(name: str) -> str:
    return (slugify(name.removesuffix(".md")) or "kuvauksen-nimi") + ".md"
