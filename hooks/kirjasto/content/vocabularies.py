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


THEMES_FILE = "teemat.yml"
AUDIENCES_FILE = "kohderyhmat.yml"


def load_places() -> tuple[dict[str, Municipality], dict[str, Region]]:
    """Municipalities and regions (2025 division) from the packaged CSV."""
    text = resources.files("kirjasto").joinpath("data/municipalities-2025.csv").read_text("utf-8")
    regions: dict[str, Region] = {}
    municipalities: dict[str, Municipality] = {}
    for row in csv.DictReader(text.splitlines()):
        region = regions.setdefault(
            row["region_fi"],
            Region(code=row["region_code"], name=row["region_fi"], slug=slugify(row["region_fi"])),
        )
        municipalities[row["name_fi"]] = Municipality(
            code=row["code"], name=row["name_fi"], slug=slugify(row["name_fi"]), region=region
        )
    return municipalities, regions


def load_levels() -> dict[str, Level]:
    """Education levels from the packaged YAML, in the file's (learner's path) order."""
    text = resources.files("kirjasto").joinpath("data/education-levels.yml").read_text("utf-8")
    return {entry["slug"]: Level(slug=entry["slug"], name=entry["fi"]) for entry in yaml.safe_load(text)}


def load_editorial_list(path: Path, root: Path, fields: tuple[str, ...]) -> tuple[list[dict[str, str]], list[Problem]]:
    """Read a list of `slug` + `name` (+ more) entries such as `teemat.yml`.

    Returns the entries that are complete and a problem for each one that is not.
    """
    shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    if not path.is_file():
        return [], [
            Problem(shown, 1, None, f"Tiedosto puuttuu. Luo se: lista, jonka jokaisella rivillä on kentät {', '.join(fields)}.")
        ]
    try:
        entries = yaml.safe_load(path.read_text("utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        line = getattr(getattr(error, "problem_mark", None), "line", 0) + 1
        return [], [
            Problem(
                shown,
                line,
                None,
                f"Tiedosto ei ole kelvollista YAMLia ({error.__class__.__name__}). Korjaa rivin {line} tienoilta.",
            )
        ]
    if not isinstance(entries, list):
        return [], [Problem(shown, 1, None, "Tiedoston pitää olla lista (jokainen kohta alkaa viivalla '- slug: ...').")]
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
            problems.append(
                Problem(
                    shown,
                    None,
                    None,
                    f"Kohdasta {position} puuttuu {', '.join(missing)}. Anna jokaiselle kohdalle kentät {', '.join(fields)}.",
                )
            )
        elif entry["slug"] in seen:
            problems.append(Problem(shown, None, "slug", f"Tunniste '{entry['slug']}' on listalla kahdesti. Poista toinen."))
        elif slugify(entry["slug"]) != entry["slug"]:
            problems.append(
                Problem(
                    shown,
                    None,
                    "slug",
                    f"Tunniste '{entry['slug']}' ei kelpaa. Käytä pieniä kirjaimia a-z, numeroita ja viivoja, esim. '{slugify(entry['slug'])}'.",
                )
            )
        else:
            seen.add(entry["slug"])
            complete.append(entry)
    return complete, problems


def load_vocabularies(content_root: Path, repository_root: Path) -> tuple[Vocabularies, list[Problem]]:
    """Every vocabulary; editorial ones from `content_root` (the `practices/` folder)."""
    municipalities, regions = load_places()
    theme_entries, theme_problems = load_editorial_list(
        content_root / THEMES_FILE, repository_root, ("slug", "name", "description")
    )
    audience_entries, audience_problems = load_editorial_list(content_root / AUDIENCES_FILE, repository_root, ("slug", "name"))
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
