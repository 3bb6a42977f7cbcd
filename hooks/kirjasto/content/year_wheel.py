"""The year wheel (vuosikello) as data: rows that each fall on a month or a run of
months of the school year, which starts in August."""

from __future__ import annotations

from typing import NamedTuple

from kirjasto.content.messages import _

SCHOOL_YEAR_START = 8
"""August: the first month of the school year and the top of the wheel."""
MAX_WHEEL_ROWS = 60
"""More rows than this cannot be read around one wheel."""

MONTH_NAMES = (
    _("tammikuu"),
    _("helmikuu"),
    _("maaliskuu"),
    _("huhtikuu"),
    _("toukokuu"),
    _("kesäkuu"),
    _("heinäkuu"),
    _("elokuu"),
    _("syyskuu"),
    _("lokakuu"),
    _("marraskuu"),
    _("joulukuu"),
)
"""Finnish month names, January first; a contributor may write them or their stems (`elo`).
Marked for translation because messages about a row name its months (`field_wheel`)."""


class WheelRow(NamedTuple):
    """One row of a year wheel."""

    first: int
    """Month number 1-12 where the row starts."""
    last: int
    """Month where it ends (the same as `first` for one month); later in the school year."""
    title: str
    role: str | None = None
    """Who is responsible, as a role (never a person)."""
    description: str | None = None

    @property
    def months(self) -> tuple[int, ...]:
        """Every month the row covers, in school-year order (11-2 is Nov, Dec, Jan, Feb)."""
        return tuple(
            (self.first - 1 + step) % 12 + 1 for step in range(school_year_index(self.last) - school_year_index(self.first) + 1)
        )

    @property
    def label(self) -> str:
        """'elokuu' or 'marraskuu–helmikuu'."""
        first = MONTH_NAMES[self.first - 1]
        return first if self.first == self.last else f"{first}–{MONTH_NAMES[self.last - 1]}"


def school_year_index(month: int) -> int:
    """0 for August ... 11 for July."""
    return (month - SCHOOL_YEAR_START) % 12


def month_number(text: str) -> int | None:
    """A month as a contributor writes it: `8`, `elokuu`, `elo` (any case); None if not one."""
    word = text.strip().lower()
    if word.isdigit():
        number = int(word)
        return number if 1 <= number <= 12 else None
    for number, name in enumerate(MONTH_NAMES, start=1):
        if word in (name, name.removesuffix("kuu")):
            return number
    return None
