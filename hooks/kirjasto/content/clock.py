"""One clock for the whole library: "today" for contributors is today in Finland.

Validation refuses dates in the future, `kirjasto new` and the submission form
write today's date, and the bench makes dated items: all of them take `today`
as a parameter, read once at the edge (the MkDocs hook, the command line, the
tree generator) from `today_in_finland`. A build on a machine whose clock runs in
UTC therefore agrees with a contributor who saved the form after midnight in
Finland, and tests set one date for everything through `KIRJASTO_TODAY`.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Mapping
from zoneinfo import ZoneInfo

from kirjasto.content.messages import SOURCE_LANGUAGE, _, messages_in

FINLAND = ZoneInfo("Europe/Helsinki")
TODAY_VARIABLE = "KIRJASTO_TODAY"
"""Environment variable that fixes "today" (YYYY-MM-DD): for tests and reproducible builds."""


class ClockError(ValueError):
    """`KIRJASTO_TODAY` is set but is not a date; the message says how to fix it."""


def today_in_finland(
    now: datetime.datetime | None = None, environ: Mapping[str, str] = os.environ, language: str = SOURCE_LANGUAGE
) -> datetime.date:
    """Today's date in Finland, or the date fixed by `KIRJASTO_TODAY` (a `ClockError`
    tells in `language` what is wrong with it)."""
    fixed = environ.get(TODAY_VARIABLE, "").strip()
    if fixed:
        try:
            return datetime.date.fromisoformat(fixed)
        except ValueError:
            message = _(
                "Ympäristömuuttujan {variable} arvo '{value}' ei ole kelvollinen päivämäärä. Anna se muodossa VVVV-KK-PP (esim. 2026-11-30) tai poista muuttuja."
            )
            raise ClockError(messages_in(language).say(message, variable=TODAY_VARIABLE, value=fixed)) from None
    moment = now or datetime.datetime.now(datetime.UTC)
    if moment.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    return moment.astimezone(FINLAND).date()
