"""Controlled vocabularies: national reference data shipped with the package
(municipalities, regions, education levels) and editorial lists that live
with the content (themes, audiences)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Protocol, TypeVar

import yaml

from kirjasto.content.messages import SOURCE_LANGUAGE, _, messages_in
from kirjasto.content.problems import Problem
from kirjasto.content.text import finnish_sort_key, slugify


class Named(Protocol):
    """Anything a vocabulary lists: what it is called on the site."""

    @property
    def name(self) -> str: ...


_NamedT = TypeVar("_NamedT", bound=Named)


@dataclass(frozen=True)
class Region:
    """A maakunta."""

    code: str
    """Statistics Finland code with prefix: `MK04`."""
    name: str
    slug: str
    """The region's part of page addresses: `kanta-hame`."""
    name_sv: str = ""
    """Official Swedish name: `Egentliga Tavastland`."""

    def name_in(self, language: str) -> str:
        return self.name_sv if language == "sv" and self.name_sv else self.name


@dataclass(frozen=True)
class Municipality:
    """A kunta, in the region it belongs to."""

    code: str
    """Three-digit Statistics Finland code."""
    name: str
    """Official Finnish name: `Hämeenlinna`."""
    slug: str
    """The municipality's part of page addresses: `hameenlinna`."""
    region: Region
    name_sv: str = ""
    """Official Swedish name: `Tavastehus`."""
    languages: tuple[str, ...] = ("fi",)
    """The municipality's official languages, the majority's first: `("fi", "sv")` for
    Porvoo, `("sv", "fi")` for Närpiö, `("sv",)` for Maarianhamina."""

    def name_in(self, language: str) -> str:
        return self.name_sv if language == "sv" and self.name_sv else self.name

    @property
    def display_name(self) -> str:
        """As the site shows it: a bilingual municipality by both names, the majority
        language's first ('Porvoo – Borgå', 'Närpes – Närpiö'); any other by its name."""
        if len(self.languages) == 2 and self.name_sv and self.name_sv != self.name:
            return " – ".join(self.name_in(language) for language in self.languages)
        return self.name


@dataclass(frozen=True)
class Term:
    """An entry of a vocabulary written by its slug in front matter."""

    slug: str
    """As written in front matter and in page addresses: `perusopetus`."""
    name: str
    """As the site shows it: `Perusopetus`."""


@dataclass(frozen=True)
class Level(Term):
    """An education level (koulutusaste), e.g. `perusopetus`."""


@dataclass(frozen=True)
class Theme(Term):
    """A theme of the editorial list `teemat.yml`."""

    description: str
    """One or two sentences on the theme's page."""


@dataclass(frozen=True)
class Audience(Term):
    """A target group of the editorial list `kohderyhmat.yml`."""


@dataclass(frozen=True)
class Vocabularies:
    """All vocabularies an item's values are checked against, keyed as written
    in front matter (names for places, slugs for the rest)."""

    municipalities: dict[str, Municipality]
    regions: dict[str, Region]
    levels: dict[str, Level]
    themes: dict[str, Theme]
    audiences: dict[str, Audience]

    @property
    def municipality_aliases(self) -> dict[str, str]:
        """Swedish name -> the Finnish name a municipality is keyed by: `Helsingfors`
        is accepted for `Helsinki` and becomes the same municipality."""
        return _swedish_aliases(self.municipalities)

    @property
    def region_aliases(self) -> dict[str, str]:
        """Swedish name -> Finnish name of each region: `Nyland` for `Uusimaa`."""
        return _swedish_aliases(self.regions)


def _swedish_aliases(known: dict[str, Municipality] | dict[str, Region]) -> dict[str, str]:
    # A Swedish name that is some other place's Finnish name stays that place's.
    return {entry.name_sv: key for key, entry in known.items() if entry.name_sv and entry.name_sv not in known}


THEMES_FILE = "teemat.yml"
AUDIENCES_FILE = "kohderyhmat.yml"


_OFFICIAL_LANGUAGES = {"0": ("fi",), "1": ("fi", "sv"), "2": ("sv",), "3": ("sv", "fi")}
"""Statistics Finland's language status (kielisuhde) code -> official languages, majority first."""


def load_places() -> tuple[dict[str, Municipality], dict[str, Region]]:
    """Municipalities and regions (2025 division) in both languages from the packaged
    CSVs, with each municipality's official languages."""
    data = resources.files("kirjasto").joinpath("data")
    statuses = {
        row["code"]: _OFFICIAL_LANGUAGES[row["language_code"]]
        for row in csv.DictReader(data.joinpath("municipality-languages-2025.csv").read_text("utf-8").splitlines())
    }
    regions: dict[str, Region] = {}
    municipalities: dict[str, Municipality] = {}
    for row in csv.DictReader(data.joinpath("municipalities-2025.csv").read_text("utf-8").splitlines()):
        region = regions.setdefault(
            row["region_fi"],
            Region(code=row["region_code"], name=row["region_fi"], slug=slugify(row["region_fi"]), name_sv=row["region_sv"]),
        )
        municipalities[row["name_fi"]] = Municipality(
            code=row["code"],
            name=row["name_fi"],
            slug=slugify(row["name_fi"]),
            region=region,
            name_sv=row["name_sv"],
            languages=statuses[row["code"]],
        )
    return municipalities, regions


def load_levels() -> dict[str, Level]:
    """Education levels from the packaged YAML, in the file's (learner's path) order."""
    text = resources.files("kirjasto").joinpath("data/education-levels.yml").read_text("utf-8")
    return {entry["slug"]: Level(slug=entry["slug"], name=entry["fi"]) for entry in yaml.safe_load(text)}


def load_editorial_list(
    path: Path, root: Path, fields: tuple[str, ...], language: str = SOURCE_LANGUAGE
) -> tuple[list[dict[str, str]], list[Problem]]:
    """Read a list of `slug` + `name` (+ more) entries such as `teemat.yml`.

    Returns the entries that are complete and a problem (told in `language`) for each
    one that is not.
    """
    say = messages_in(language).say
    shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    if not path.is_file():
        message = say(
            _("Tiedosto puuttuu. Luo se: lista, jonka jokaisella rivillä on kentät {fields}."), fields=", ".join(fields)
        )
        return [], [Problem(shown, 1, None, message, language=language)]
    try:
        entries = yaml.safe_load(path.read_text("utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        line = getattr(getattr(error, "problem_mark", None), "line", 0) + 1
        message = say(
            _("Tiedosto ei ole kelvollista YAMLia ({kind}). Korjaa rivin {line} tienoilta."),
            kind=error.__class__.__name__,
            line=line,
        )
        return [], [Problem(shown, line, None, message, language=language)]
    if not isinstance(entries, list):
        message = say(_("Tiedoston pitää olla lista (jokainen kohta alkaa viivalla '- slug: ...')."))
        return [], [Problem(shown, 1, None, message, language=language)]
    complete: list[dict[str, str]] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for position, entry in enumerate(entries, start=1):
        missing = [
            name
            for name in fields
            if not isinstance(entry, dict) or not isinstance(entry.get(name), str) or not entry[name].strip()
        ]
        if missing:
            message = say(
                _("Kohdasta {position} puuttuu {missing}. Anna jokaiselle kohdalle kentät {fields}."),
                position=position,
                missing=", ".join(missing),
                fields=", ".join(fields),
            )
            problems.append(Problem(shown, None, None, message, language=language))
        elif entry["slug"] in seen:
            message = say(_("Tunniste '{slug}' on listalla kahdesti. Poista toinen."), slug=entry["slug"])
            problems.append(Problem(shown, None, "slug", message, language=language))
        elif slugify(entry["slug"]) != entry["slug"]:
            message = say(
                _("Tunniste '{slug}' ei kelpaa. Käytä pieniä kirjaimia a-z, numeroita ja viivoja, esim. '{suggestion}'."),
                slug=entry["slug"],
                suggestion=slugify(entry["slug"]),
            )
            problems.append(Problem(shown, None, "slug", message, language=language))
        else:
            seen.add(entry["slug"])
            complete.append(entry)
    return complete, problems


def load_vocabularies(
    content_root: Path, repository_root: Path, language: str = SOURCE_LANGUAGE
) -> tuple[Vocabularies, list[Problem]]:
    """Every vocabulary; editorial ones from `content_root` (the `practices/` folder),
    their problems told in `language`."""
    municipalities, regions = load_places()
    theme_entries, theme_problems = load_editorial_list(
        content_root / THEMES_FILE, repository_root, ("slug", "name", "description"), language
    )
    audience_entries, audience_problems = load_editorial_list(
        content_root / AUDIENCES_FILE, repository_root, ("slug", "name"), language
    )
    vocabularies = Vocabularies(
        municipalities=municipalities,
        regions=regions,
        levels=load_levels(),
        themes={e["slug"]: Theme(e["slug"], e["name"].strip(), e["description"].strip()) for e in theme_entries},
        audiences={e["slug"]: Audience(e["slug"], e["name"].strip()) for e in audience_entries},
    )
    return vocabularies, theme_problems + audience_problems


def sorted_by_name(values: Iterable[_NamedT]) -> list[_NamedT]:
    """Vocabulary entries in Finnish alphabetical order of their names."""
    return sorted(values, key=lambda value: finnish_sort_key(value.name))
