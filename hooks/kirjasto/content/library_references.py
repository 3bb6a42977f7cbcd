"""Checks across the library's files: every slug unique, every related item and
every link in a body pointing at an item that exists, and every translation
existing, in the other language and pointing back. Each file's problems are told
in its language (`ValidatedFile.told_in`)."""

from __future__ import annotations

from collections.abc import Callable, Collection
from pathlib import Path

from kirjasto.content.field_language import LANGUAGE_NAMES
from kirjasto.content.library_files import FILE_START, FoundFile
from kirjasto.content.messages import SOURCE_LANGUAGE, _, messages_in
from kirjasto.content.problems import Problem
from kirjasto.content.text import suggest
from kirjasto.content.validate import ValidatedFile


def check_slugs_unique(found: list[FoundFile], language: str = SOURCE_LANGUAGE) -> list[Problem]:
    """Every file name once (the problem in `language`: the file may not have been read)."""
    say = messages_in(language).say
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
                    say(
                        _(
                            "Tunniste '{slug}' on jo käytössä tiedostossa {other}. Nimeä tämä tiedosto uudelleen, esim. lisäämällä kunnan nimi."
                        ),
                        slug=slug,
                        other=other,
                    ),
                    language=language,
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
        told_in = checked[file.path].told_in
        say = messages_in(told_in).say
        for slug, line in checked[file.path].related_lines.items():
            if slug not in slugs:
                hint = _missing_item_hint(say, suggestions.closest(file.shown, slug))
                problems.append(
                    Problem(
                        file.shown,
                        line,
                        "related",
                        say(_("Kuvausta '{slug}' ei löydy."), slug=slug) + " " + hint,
                        language=told_in,
                    )
                )
    return problems


def _missing_item_hint(say: Callable[..., str], closest: str | None) -> str:
    if closest:
        return say(_("Tarkoititko '{value}'?"), value=closest)
    return say(_("Anna toisen kuvauksen tiedostonimi ilman .md-päätettä."))


def check_translations(found: list[FoundFile], checked: dict[Path, ValidatedFile]) -> list[Problem]:
    """Every item named in `translations` exists, is written in the other language and
    names this item back: a translation is one link, seen from both ends."""
    by_slug = {file.slug: file for file in found}
    suggestions = _Suggestions(by_slug)
    problems = []
    for file in found:
        own = checked[file.path]
        say = messages_in(own.told_in).say
        for slug, line in own.translation_lines.items():
            other = checked[by_slug[slug].path] if slug in by_slug else None
            if other is None:
                message = (
                    say(_("Käännöstä '{slug}' ei löydy."), slug=slug)
                    + " "
                    + _missing_item_hint(say, suggestions.closest(file.shown, slug))
                )
            elif other.language == own.language:
                message = say(
                    _(
                        "Kuvaus '{slug}' on kirjoitettu samalla kielellä ({language}) kuin tämä. Käännöksen pitää olla toisella kielellä, ja sen front matterissa rivi 'language: {other}'."
                    ),
                    slug=slug,
                    language=say(LANGUAGE_NAMES[own.language]),
                    other=next(code for code in LANGUAGE_NAMES if code != own.language),
                )
            elif file.slug not in other.translation_lines:
                message = say(
                    _(
                        "Kuvaus '{slug}' ei mainitse tätä kuvausta käännöksenään. Lisää sen front matteriin rivi 'translations: [{own}]'."
                    ),
                    slug=slug,
                    own=file.slug,
                )
            else:
                continue
            problems.append(Problem(file.shown, line, "translations", message, language=own.told_in))
    return problems


def check_item_links_exist(found: list[FoundFile], checked: dict[Path, ValidatedFile]) -> list[Problem]:
    """Every link in a body to another item's file points to an item that exists, in its folder."""
    folders = {file.slug: file.kind.folder for file in found}
    suggestions = _Suggestions(folders)
    problems = []
    for file in found:
        told_in = checked[file.path].told_in
        say = messages_in(told_in).say
        for link, line in checked[file.path].link_lines:
            folder = folders.get(link.slug)
            if folder is None:
                closest = suggestions.closest(file.shown, link.slug)
                hint = (
                    say(_("Tarkoititko '{value}'?"), value=closest)
                    if closest
                    else say(_("Tarkista tiedostonimi kansioista kaytannot, verkostot ja materiaalit."))
                )
                message = say(
                    _("Linkki '{link}' osoittaa kuvaukseen '{slug}', jota ei ole kirjastossa."), link=link.written, slug=link.slug
                )
                problems.append(Problem(file.shown, line, "teksti", message + " " + hint, language=told_in))
            elif folder != link.folder:
                message = say(
                    _(
                        "Linkki '{link}' osoittaa kansioon {folder}, mutta kuvaus '{slug}' on kansiossa {actual}. Korjaa polku muotoon ../{actual}/{slug}.md."
                    ),
                    link=link.written,
                    folder=link.folder,
                    slug=link.slug,
                    actual=folder,
                )
                problems.append(Problem(file.shown, line, "teksti", message, language=told_in))
    return problems
