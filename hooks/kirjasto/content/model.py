"""The typed model of the library: items, their parts and the whole library."""

from __future__ import annotations

import datetime
import enum
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from kirjasto.content.messages import _
from kirjasto.content.network import JoinInfo, MemberGroup, Team
from kirjasto.content.settings import Scope
from kirjasto.content.vocabularies import Audience, Level, Municipality, Region, Theme, Vocabularies
from kirjasto.content.year_wheel import WheelRow

if TYPE_CHECKING:
    from kirjasto.content.freshness import Freshness


class Kind(enum.Enum):
    """The three kinds of item, told apart by the folder they live in."""

    PRACTICE = ("kaytannot", _("Hyvä käytäntö"), _("Hyvät käytännöt"))
    NETWORK = ("verkostot", _("Verkosto"), _("Verkostot"))
    TOOLKIT = ("materiaalit", _("Materiaali"), _("Materiaalit"))

    def __init__(self, folder: str, label: str, plural: str) -> None:
        self.folder = folder
        """Folder under `practices/` and first URL segment: `kaytannot`."""
        self.label = label
        """Finnish name of one item of this kind (a message: `messages.say(kind.label)`)."""
        self.plural = plural
        """Finnish name of the kind's listing page (a message: `messages.say(kind.plural)`)."""

    @classmethod
    def from_folder(cls, folder: str) -> Kind | None:
        return next((kind for kind in cls if kind.folder == folder), None)


UNKNOWN_STATUS = "ei-tiedossa"
STATUSES = {
    "kehitteilla": _("Kehitteillä"),
    "kaytossa": _("Käytössä"),
    "paattynyt": _("Päättynyt"),
    UNKNOWN_STATUS: _("Tilanne ei tiedossa"),
}
"""Status slugs as written in front matter, and how the site shows them. A practice or
network whose status no one has confirmed is `ei-tiedossa` (the default)."""
KINDS_WITH_STATUS = (Kind.PRACTICE, Kind.NETWORK)
"""Kinds that are carried on by people, so that a reader asks whether they still are."""


@dataclass(frozen=True)
class Contact:
    """Who to ask: the organisation, the role when a source names one, and the
    organisation's public channels (never a person's own)."""

    organisation: str
    role: str | None = None
    name: str | None = None
    email: str | None = None
    """A service address of the organisation, e.g. opetus@kunta.fi."""
    phone: str | None = None
    """A switchboard or service number, as written."""
    url: str | None = None
    """The organisation's page for the service."""

    @property
    def has_channel(self) -> bool:
        return bool(self.email or self.phone or self.url)


@dataclass(frozen=True)
class PublicationDate:
    """When a source was published: a day, or only the year when the day is not known."""

    year: int
    day: datetime.date | None = None

    @property
    def iso(self) -> str:
        return self.day.isoformat() if self.day else str(self.year)

    @property
    def latest(self) -> datetime.date:
        """The last day it can mean: information from the source is at least this old."""
        return self.day or datetime.date(self.year, 12, 31)


class Source(NamedTuple):
    """The published text a description was written from."""

    title: str
    """The source's own title."""
    publisher: str | None = None
    """Who published it, e.g. Innokylä or Opetushallitus."""
    published: PublicationDate | None = None
    """When it was published (a day, or only a year); None when not known."""
    url: str | None = None


class Link(NamedTuple):
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
    """A key of `STATUSES`; practices and networks default to `ei-tiedossa`."""
    updated: datetime.date
    """The last edit of the description."""
    written: datetime.date | None = None
    """When the description was first written."""
    checked: datetime.date | None = None
    """When a person last verified the facts against reality; None if no one has."""
    started: int | None = None
    organisations: tuple[str, ...] = ()
    audience: tuple[Audience, ...] = ()
    contacts: tuple[Contact, ...] = ()
    links: tuple[Link, ...] = ()
    funding: tuple[str, ...] = ()
    source: Source | None = None
    related: tuple[str, ...] = ()
    """Slugs of items the contributor linked explicitly."""
    item_links: tuple[ItemLink, ...] = ()
    """Links in the body to other items (resolved to page addresses in `body_html`)."""
    vuosikello: tuple[WheelRow, ...] = ()
    """The item's year wheel: what happens in which months of the school year."""
    vuosikello_selite: str | None = None
    """Whose wheel it is, shown with it (e.g. that it is the editors' example)."""
    teams: tuple[Team, ...] = ()
    """A network's teams and the themes each works on."""
    join: JoinInfo | None = None
    """How to join, as far as the source says; None when it does not say."""
    meets: str | None = None
    """How often and in what form the network meets."""
    members: tuple[MemberGroup, ...] = ()
    """Who belongs to the network: groups with a count or a rule."""
    language: str = "fi"
    """The language the item is written in: `fi` or `sv`."""
    translations: tuple[str, ...] = ()
    """Slugs of the same item in the other language (checked to point back)."""

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

    @property
    def facts_date(self) -> datetime.date | None:
        """The day the facts were last known to hold: the check; else the source's
        publication (its last possible day); None when the source's date is not
        known (the facts' age is unknown); else, for a description written from the
        author's own knowledge, when it was written (or last edited)."""
        if self.checked:
            return self.checked
        if self.source:
            return self.source.published.latest if self.source.published else None
        return self.written or self.updated


@dataclass(frozen=True)
class Library:
    """Every valid item together with the vocabularies they use."""

    items: tuple[Item, ...]
    vocabularies: Vocabularies
    scope: Scope = field(default_factory=Scope)
    """What this copy publishes; `items` are already limited to it."""
    out_of_scope: frozenset[str] = frozenset()
    """Slugs of valid items left out by the scope (still taken: new items cannot reuse them)."""
    freshness: Freshness | None = None
    """`freshness.Freshness` of this build: when pages say an item's facts may be out
    of date. None: no page says so (e.g. a library built in a test)."""
    by_slug: dict[str, Item] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_slug", {item.slug: item for item in self.items})

    @property
    def published_regions(self) -> list[Region]:
        """Regions that get a page: all of them, or in a scoped copy those the scope
        names or that have items."""
        regions = self.vocabularies.regions.values()
        if not self.scope.is_limited:
            return list(regions)
        wanted = set(self.scope.regions)
        wanted |= {
            self.vocabularies.municipalities[n].region.name
            for n in self.scope.municipalities
            if n in self.vocabularies.municipalities
        }
        wanted |= {r.name for item in self.items for r in item.all_regions}
        return [region for region in regions if region.name in wanted]
