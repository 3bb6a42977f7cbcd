"""Checks across the library's files: every slug unique, and every related item
and every link in a body pointing at an item that exists."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from kirjasto.content.library_files import FILE_START, FoundFile
from kirjasto.content.problems import Problem
from kirjasto.content.text import suggest
from kirjasto.content.validate import ValidatedFile


def check_slugs_unique(found: list[FoundFile]) -> list[Problem]:
    first_by_slug: dict[str, FoundFile] = {}
    problems = []
    for file in found:
        slug = file.slug
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

    def __init__(self, names: Collection[str]) -> None:
        self.names = names
        self.given: dict[str, int] = {}

    def closest(self, shown: str, name: str) -> str | None:
        count = self.given.get(shown, 0)
        if count >= SUGGESTIONS_PER_FILE:
            return None
        self.given[shown] = count + 1
        return suggest(name, self.names)


def check_related_exist(found: list[FoundFile], checked: dict[Path, ValidatedFile]) -> list[Problem]:
    slugs = {file.slug for file in found}
    suggestions = _Suggestions(slugs)
    problems = []
    for file in found:
        for slug, line in checked[file.path].related_lines.items():
            if slug not in slugs:
                closest = suggestions.closest(file.shown, slug)
                hint = f" Tarkoititko '{closest}'?" if closest else " Anna toisen kuvauksen tiedostonimi ilman .md-päätettä."
                problems.append(Problem(file.shown, line, "related", f"Kuvausta '{slug}' ei löydy.{hint}"))
    return problems


def check_item_links_exist(found: list[FoundFile], checked: dict[Path, ValidatedFile]) -> list[Problem]:
    """Every link in a body to another item's file points to an item that exists, in its folder."""
    folders = {file.slug: file.kind.folder for file in found}
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
