"""How old an item's facts are, and when its page should say they may be out of date.

An item's facts are as old as its last check by a person (`checked`); never checked,
as old as its source (the last day the source's date can mean; of unknown age when
the source's date is not known); without a source, as old as the description itself. After `months` (the `freshness_months` setting) its page
and its listing entries ask readers to tell what they know.
"""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass

from kirjasto.content.messages import SOURCE_LANGUAGE, _, messages_in
from kirjasto.content.model import Item, Library
from kirjasto.content.settings import DEFAULT_FRESHNESS_MONTHS, LibrarySettings, Repository


def months_between(earlier: datetime.date, later: datetime.date) -> int:
    """Whole months from `earlier` to `later` (0 when `later` is not after it)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    if later.day < earlier.day:
        months -= 1
    return max(months, 0)


@dataclass(frozen=True)
class Freshness:
    """Today and the limit, read once for a build."""

    today: datetime.date
    months: int = DEFAULT_FRESHNESS_MONTHS
    repository: Repository | None = None
    """Where readers propose changes (the notice links to the item's edit page)."""

    def age_months(self, item: Item) -> int | None:
        """Months since the facts were known to hold; None when no one knows."""
        known = item.facts_date
        return months_between(known, self.today) if known else None

    def is_stale(self, item: Item) -> bool:
        age = self.age_months(item)
        return age is None or age >= self.months

    def edit_url(self, item: Item) -> str | None:
        return self.repository.edit_url(item.source_path.as_posix()) if self.repository else None


def with_freshness(library: Library, settings: LibrarySettings, today: datetime.date) -> Library:
    """The library with the build's judgement of age attached."""
    freshness = Freshness(today=today, months=settings.freshness_months, repository=settings.repository)
    return dataclasses.replace(library, freshness=freshness)


def by_age(library: Library) -> list[Item]:
    """Items with the oldest facts first (unknown age first of all), for maintainers;
    ties in title order."""
    return sorted(library.items, key=lambda item: (item.facts_date or datetime.date.min, item.title))


@dataclass(frozen=True)
class ItemAge:
    """One line of the maintainers' list."""

    item: Item
    facts_date: datetime.date | None
    age_months: int | None
    stale: bool


def age_report(library: Library, freshness: Freshness) -> list[ItemAge]:
    """Every item, the oldest facts first: what `kirjasto tarkista` prints and the
    maintainers' page shows."""
    return [ItemAge(item, item.facts_date, freshness.age_months(item), freshness.is_stale(item)) for item in by_age(library)]


def basis_label(item: Item, language: str = SOURCE_LANGUAGE) -> str:
    """What the item's age is counted from, in `language`: a label before the date
    ('tarkistettu 3.2.2025')."""
    say = messages_in(language).say
    if item.checked:
        return say(_("tarkistettu"))
    if item.source:
        return say(_("lähteen julkaisu")) if item.source.published else say(_("lähteen aika ei tiedossa"))
    return say(_("kirjoitettu")) if item.written else say(_("muokattu"))
