"""Year wheels as iCalendar files (`vuosikellot/<slug>.ics`), made with the
`icalendar` package: for every month a row covers, an all-day event on the first
day of that month, repeating every year, with a UID that stays the same from build
to build (a calendar that imported the file again updates rather than duplicates)."""

from __future__ import annotations

import datetime
import uuid

from icalendar import Calendar, Event, vRecur

from kirjasto.content.messages import Messages, _, messages_in
from kirjasto.content.model import Item, Library
from kirjasto.content.year_wheel import SCHOOL_YEAR_START, WheelRow

CALENDAR_DIR = "vuosikellot"
_UID_NAMESPACE = uuid.UUID("6f1c2a4e-5d0b-4c1e-9a57-3b8e2f0d9c41")
"""Fixed, so that UIDs depend only on the item, the row and the month."""
_FINNISH = messages_in()


def calendar_path(item: Item) -> str:
    return f"{CALENDAR_DIR}/{item.slug}.ics"


def school_year_start(today: datetime.date) -> int:
    """The calendar year in which the current school year began (in August)."""
    return today.year if today.month >= SCHOOL_YEAR_START else today.year - 1


def wheel_calendar(item: Item, today: datetime.date, *, messages: Messages = _FINNISH) -> str:
    """The item's wheel, its events dated in the school year that `today` is in, its
    own texts in the language of `messages`."""
    calendar = Calendar()
    calendar.add("prodid", "-//Käytäntökirjasto//Vuosikello//FI")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", messages.say(_("Vuosikello: {title}"), title=item.title))
    start_year = school_year_start(today)
    for number, row in enumerate(item.vuosikello, start=1):
        for month in row.months:
            calendar.add_component(_event(item, number, row, month, start_year, messages))
    ical: bytes = calendar.to_ical()
    return ical.decode("utf-8")


def _event(item: Item, number: int, row: WheelRow, month: int, start_year: int, messages: Messages) -> Event:
    day = datetime.date(start_year if month >= SCHOOL_YEAR_START else start_year + 1, month, 1)
    event = Event()
    event.add("uid", f"{uuid.uuid5(_UID_NAMESPACE, f'{item.slug}/{number}/{month}')}@kaytantokirjasto")
    event.add("dtstamp", datetime.datetime.combine(item.updated, datetime.time(), tzinfo=datetime.UTC))
    event.add("dtstart", day)
    event.add("dtend", day + datetime.timedelta(days=1))
    event.add("rrule", vRecur(freq="YEARLY"))
    event.add("summary", row.title)
    say = messages.say
    details = [
        say(_("Vastuu: {role}."), role=row.role) if row.role else "",
        row.description or "",
        say(_("Ajankohta: {when}."), when=row.label),
        say(_("Lähde: {title}."), title=item.title),
    ]
    event.add("description", " ".join(part for part in details if part))
    event.add("transp", "TRANSPARENT")
    return event


def calendar_files(library: Library, today: datetime.date, *, messages: Messages = _FINNISH) -> dict[str, str]:
    return {calendar_path(item): wheel_calendar(item, today, messages=messages) for item in library.items if item.vuosikello}
