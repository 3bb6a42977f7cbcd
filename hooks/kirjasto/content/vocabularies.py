"""Controlled vocabularies: national reference data shipped with the package
(municipalities, regions, education levels) and editorial lists that live
with the content (themes, audiences)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Protocol, TypeVar

from kirjasto.content.editorial_lists import load_editorial_list
from kirjasto.content.messages import SOURCE_LANGUAGE
from kirjasto.content.problems import Problem
from kirjasto.content.text import finnish_sort_key, slugify
from kirjasto.content.yaml_data import load_yaml


class Named(Protocol):
    """Anything a vocabulary lists: what it is called on the site, in Finnish (`name`)
    and in the language of a page (`name_in`)."""

    @property
    def name(self) -> str: ...

    def name_in(self, language: str) -> str: ...


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
        if self._bilingual:
            return " – ".join(self.name_in(language) for language in self.languages)
        return self.name

    def shown_in(self, language: str) -> str:
        """As a page in `language` shows it: a bilingual municipality by both names, the
        majority language's first, on the pages of either language (`display_name`);
        any other by its Finnish name on Finnish pages and by its Swedish name, if it
        has one, on Swedish pages ('Hämeenlinna', 'Tavastehus'; 'Maarianhamina', 'Mariehamn')."""
        if language == SOURCE_LANGUAGE or self._bilingual:
            return self.display_name
        return self.name_in(language)

    @property
    def _bilingual(self) -> bool:
        return len(self.languages) == 2 and bool(self.name_sv) and self.name_sv != self.name


@dataclass(frozen=True)
class Term:
    """An entry of a vocabulary written by its slug in front matter."""

    slug: str
    """As written in front matter and in page addresses: `perusopetus`."""
    name: str
    """As the Finnish site shows it: `Perusopetus`."""
    name_sv: str = field(default="", kw_only=True)
    """As the Swedish site shows it: `Grundläggande utbildning`; empty when the list
    gives no Swedish name (the Finnish one is shown then)."""

    def name_in(self, language: str) -> str:
        """The name on a page in `language`: the Swedish one on Swedish pages when there
        is one, else the Finnish."""
        return self.name_sv if language == "sv" and self.name_sv else self.name


@dataclass(frozen=True)
class Level(Term):
    """An education level (koulutusaste), e.g. `perusopetus`."""


@dataclass(frozen=True)
class Theme(Term):
    """A theme of the editorial list `teemat.yml`."""

    description: str
    """One or two sentences on the theme's page."""
    description_sv: str = field(default="", kw_only=True)
    """The same in Swedish; empty when the list gives none (the Finnish one is shown then)."""

    def description_in(self, language: str) -> str:
        """The description on a page in `language`, as `name_in` chooses the name."""
        return self.description_sv if language == "sv" and self.description_sv else self.description


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
THEME_FIELDS = ("slug", "name", "description")
AUDIENCE_FIELDS = ("slug", "name")
THEME_SWEDISH_FIELDS = ("name_sv", "description_sv")
AUDIENCE_SWEDISH_FIELDS = ("name_sv",)
"""The optional Swedish names (and descriptions) of the editorial lists' entries: when
one is missing, the Swedish site shows the Finnish."""


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
    return {
        entry["slug"]: Level(slug=entry["slug"], name=entry["fi"], name_sv=entry.get("sv") or "") for entry in load_yaml(text)
    }


def load_vocabularies(
    content_root: Path, repository_root: Path, language: str = SOURCE_LANGUAGE
) -> tuple[Vocabularies, list[Problem]]:
    """Every vocabulary; editorial ones from `content_root` (the `practices/` folder),
    their problems told in `language`."""
    municipalities, regions = load_places()
    theme_entries, theme_problems = load_editorial_list(
        content_root / THEMES_FILE, repository_root, THEME_FIELDS, language, THEME_SWEDISH_FIELDS
    )
    audience_entries, audience_problems = load_editorial_list(
        content_root / AUDIENCES_FILE, repository_root, AUDIENCE_FIELDS, language, AUDIENCE_SWEDISH_FIELDS
    )
    vocabularies = Vocabularies(
        municipalities=municipalities,
        regions=regions,
        levels=load_levels(),
        themes={
            e["slug"]: Theme(
                e["slug"],
                e["name"].strip(),
                e["description"].strip(),
                name_sv=e.get("name_sv", "").strip(),
                description_sv=e.get("description_sv", "").strip(),
            )
            for e in theme_entries
        },
        audiences={
            e["slug"]: Audience(e["slug"], e["name"].strip(), name_sv=e.get("name_sv", "").strip()) for e in audience_entries
        },
    )
    return vocabularies, theme_problems + audience_problems


def sorted_by_name(values: Iterable[_NamedT], language: str = SOURCE_LANGUAGE) -> list[_NamedT]:
    """Vocabulary entries in alphabetical order of their names as a page in `language`
    shows them (Finnish by default; Swedish, too, puts å, ä and ö after z). On Finnish
    pages the order is that of the Finnish names, also where a municipality is shown by
    both of its names."""
    if language == SOURCE_LANGUAGE:
        return sorted(values, key=lambda value: finnish_sort_key(value.name))
    return sorted(values, key=lambda value: finnish_sort_key(shown_name(value, language)))


def shown_name(value: Named, language: str) -> str:
    """What a page in `language` calls a vocabulary entry: a municipality as
    `Municipality.shown_in` says, anything else by `name_in`."""
    return value.shown_in(language) if isinstance(value, Municipality) else value.name_in(language)
