"""Front-matter rules for the year wheel (`vuosikello`): a list of rows, each with
`months` (one month or a run such as `9-10` or `marraskuu-helmikuu`, in
school-year order), a `title`, and optionally the responsible `role` and a
`description`."""

from __future__ import annotations

import re

from kirjasto.content.field_checker import Checker
from kirjasto.content.field_records import read_records
from kirjasto.content.frontmatter_tree import Scalar, YamlNode
from kirjasto.content.messages import _
from kirjasto.content.year_wheel import MAX_WHEEL_ROWS, MONTH_NAMES, WheelRow, month_number, school_year_index

FIELD = "vuosikello"
ROW_FIELDS = ("months", "title", "role", "description")
_RANGE = re.compile(r"^\s*([^\s–—-]+)\s*[-–—]\s*([^\s–—-]+)\s*$")
_MONTH_HELP = _("Anna kuukausi numerona 1–12 (8 = elokuu) tai nimenä (elokuu), jakso muodossa 9-10 tai marraskuu-helmikuu.")


CAPTION_FIELD = "vuosikello_selite"
CAPTION_MAX_LENGTH = 200


def read_wheel_caption(check: Checker) -> str | None:
    """One sentence shown with the wheel: whose it is, or that it is an example."""
    entry = check.entry(CAPTION_FIELD, required=False)
    caption = check.text(entry.value, CAPTION_FIELD) if entry else None
    if entry and caption and len(caption) > CAPTION_MAX_LENGTH:
        check.report(
            entry.value.line,
            CAPTION_FIELD,
            # Always more than the most allowed: no singular form is needed.
            check.say(
                _("Selite on {count} merkkiä; enintään {most}. Kerro lyhyesti, kenen vuosikello on."),
                count=len(caption),
                most=CAPTION_MAX_LENGTH,
            ),
        )
        return None
    return caption


def read_wheel(check: Checker) -> tuple[WheelRow, ...]:
    entry = check.entry(FIELD, required=False)
    records = read_records(
        check, FIELD, ROW_FIELDS[:2], ROW_FIELDS[2:], readers={"months": lambda node, name: _months(check, node, name)}
    )
    rows = tuple(
        WheelRow(
            first=r["months"][0], last=r["months"][1], title=r["title"], role=r.get("role"), description=r.get("description")
        )
        for r, _ in records
    )
    if entry is not None and len(records) > MAX_WHEEL_ROWS:
        check.report(
            entry.key_line,
            FIELD,
            # Always more than the most allowed: no singular form is needed.
            check.say(
                _(
                    "Vuosikellossa on {count} riviä; kehälle mahtuu luettavasti enintään {most}. Yhdistä samaan aikaan osuvia rivejä tai karsi niitä."
                ),
                count=len(records),
                most=MAX_WHEEL_ROWS,
            ),
        )
    return rows


def _months(check: Checker, node: YamlNode, name: str) -> tuple[int, int] | None:
    """(first, last) month of a row; a run must go forward in the school year."""
    raw = str(node.value) if isinstance(node, Scalar) and node.type in ("int", "str") else None
    if raw is None:
        check.report(node.line, name, check.say(_("Kuukausi puuttuu tai on väärää muotoa.")) + " " + check.say(_MONTH_HELP))
        return None
    parts = _RANGE.match(raw)
    first_text, last_text = parts.groups() if parts else (raw, raw)
    first, last = month_number(first_text), month_number(last_text)
    for text, month in ((first_text, first), (last_text, last)):
        if month is None:
            check.report(node.line, name, check.say(_("'{text}' ei ole kuukausi."), text=text) + " " + check.say(_MONTH_HELP))
            return None
    assert first is not None and last is not None
    if school_year_index(last) < school_year_index(first):
        check.report(
            node.line,
            name,
            check.say(
                _(
                    "Jakso {raw} kulkee taaksepäin: lukuvuosi alkaa elokuusta, joten {later} tulee ennen kuin {earlier}. "
                    "Kirjoita jakso lukuvuoden järjestyksessä tai kahdeksi riviksi."
                ),
                raw=raw,
                later=check.say(MONTH_NAMES[last - 1]),
                earlier=check.say(MONTH_NAMES[first - 1]),
            ),
        )
        return None
    return first, last
