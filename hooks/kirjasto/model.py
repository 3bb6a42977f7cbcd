"""The typed model of the library: items, their parts and the whole library."""

from __future__ import annotations

import datetime
import enum
from dataclasses import dataclass, field
from pathlib import Path

from .settings import Scope
from .vocabularies import Level, Municipality, Region, Theme, Audience, Vocabularies


class Kind(enum.Enum):
    """The three kinds of item, told apart by the folder they live in."""

    PRACTICE = ("kaytannot", "Hyvä käytäntö", "Hyvät käytännöt")
    NETWORK = ("verkostot", "Verkosto", "Verkostot")
    TOOLKIT = ("materiaalit", "Materiaali", "Materiaalit")

    def __init__(self, folder: str, label: str, plural: str) -> None:
        self.folder = folder
        """Folder under `practices/` and first URL segment: `kaytannot`."""
        self.label = label
        """Finnish name of one item of this kind."""
        self.plural = plural
        """Finnish name of the kind's listing page."""

    @classmethod
    def from_folder(cls, folder: str) -> Kind | None:
        return next((kind for kind in cls if kind.folder == folder), None)


STATUSES = {"kehitteilla": "Kehitteillä", "kaytossa": "Käytössä", "paattynyt": "Päättynyt"}
"""Status slugs as written in front matter, and how the site shows them."""


@dataclass(frozen=True)
class Contact:
    role: str
    organisation: str
    name: str | None = None
    email: str | None = None


@dataclass(frozen=True)
class Link:
    title: str
    url: str


@dataclass(frozen=True)
class ItemLink:
    """A link in a body to another item's file."""

    slug: str
    folder: str
    written: str
    """The address as the contributor wrote it, e.g. `../verkostot/nimi.md#kohta`."""
    href: str
    """The page address it became, e.g. `../../verkostot/nimi/#kohta`."""


@dataclass(frozen=True)
class Item:
    """One validated practice, network or material."""

    kind: Kind
    slug: str
    """File name without `.md`; unique across the library."""
    source_path: Path
    """Path of the Markdown file, relative to the repository root."""
    title: str
    summary: str
    body: str
    """Markdown after the front matter."""
    body_html: str
    """The body as the page shows it: rendered with the site's Markdown configuration
    and sanitised (validation refused it if the sanitiser had anything to remove)."""
    municipalities: tuple[Municipality, ...]
    regions: tuple[Region, ...]
    """Regions the item names itself (region-wide items)."""
    levels: tuple[Level, ...]
    themes: tuple[Theme, ...]
    status: str | None
    updated: datetime.date
    started: int | None = None
    organisations: tuple[str, ...] = ()
    audience: tuple[Audience, ...] = ()
    contacts: tuple[Contact, ...] = ()
    links: tuple[Link, ...] = ()
    funding: tuple[str, ...] = ()
    source: str | None = None
    related: tuple[str, ...] = ()
    """Slugs of items the contributor linked explicitly."""
    item_links: tuple[ItemLink, ...] = ()
    """Links in the body to other items (resolved to page addresses in `body_html`)."""

    @property
    def src_uri(self) -> str:
        """Path of the generated page in the docs tree: `kaytannot/<slug>.md`."""
        return f"{self.kind.folder}/{self.slug}.md"

    @property
    def all_regions(self) -> tuple[Region, ...]:
        """Named regions plus the regions of the item's municipalities, in order."""
        seen: dict[str, Region] = {}
        for region in (*self.regions, *(m.region for m in self.municipalities)):
            seen.setdefault(region.code, region)
        return tuple(seen.values())

    @property
    def is_national(self) -> bool:
        return not self.municipalities and not self.regions

    @property
    def status_label(self) -> str | None:
        return STATUSES.get(self.status) if self.status else None


@dataclass(frozen=True)
class Library:
    """Every valid item together with the vocabularies they use."""

    items: tuple[Item, ...]
    vocabularies: Vocabularies
    scope: Scope = Scope()
    """What this copy publishes; `items` are already limited to it."""
    out_of_scope: frozenset[str] = frozenset()
    """Slugs of valid items left out by the scope (still taken: new items cannot reuse them)."""
    by_slug: dict[str, Item] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_slug", {item.slug: item for item in self.items})

    @property
    def published_regions(self):
        """Regions that get a page: all of them, or in a scoped copy those the scope
        names or that have items."""
        regions = self.vocabularies.regions.values()
        if not self.scope.is_limited:
            return list(regions)
        wanted = set(self.scope.regions)
        wanted |= {self.vocabularies.municipalities[n].region.name for n in self.scope.municipalities if n in self.vocabularies.municipalities}
        wanted |= {r.name for item in self.items for r in item.all_regions}
        return [region for region in regions if region.name in wanted]
