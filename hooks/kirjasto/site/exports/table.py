"""The open data as CSV (`data/kirjasto.csv`, and the year wheels' rows in
`data/vuosikellot.csv`), safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from typing import Any

from kirjasto.site.exports.records import LIST_SEPARATOR

CSV_PATH = "data/kirjasto.csv"

Record = dict[str, Any]
CSV_COLUMNS: tuple[tuple[str, Callable[[Record], str]], ...] = (
    ("tunniste", lambda r: r["slug"]),
    ("tyyppi", lambda r: r["kind_label"]),
    ("otsikko", lambda r: r["title"]),
    ("tiivistelmä", lambda r: r["summary"]),
    ("kunnat", lambda r: LIST_SEPARATOR.join(m["name"] for m in r["municipalities"])),
    ("kuntakoodit", lambda r: LIST_SEPARATOR.join(m["code"] for m in r["municipalities"])),
    ("maakunnat", lambda r: LIST_SEPARATOR.join(x["name"] for x in r["regions"])),
    ("valtakunnallinen", lambda r: "kyllä" if r["national"] else "ei"),
    ("koulutusasteet", lambda r: LIST_SEPARATOR.join(x["name"] for x in r["levels"])),
    ("teemat", lambda r: LIST_SEPARATOR.join(x["name"] for x in r["themes"])),
    ("kohderyhmät", lambda r: LIST_SEPARATOR.join(x["name"] for x in r["audience"])),
    ("tila", lambda r: r["status_label"] or ""),
    ("kirjoitettu", lambda r: r["written"] or ""),
    ("päivitetty", lambda r: r["updated"]),
    ("tarkistettu", lambda r: r["checked"] or ""),
    ("aloitettu", lambda r: "" if r["started"] is None else str(r["started"])),
    ("organisaatiot", lambda r: LIST_SEPARATOR.join(r["organisations"])),
    ("rahoitus", lambda r: LIST_SEPARATOR.join(r["funding"])),
    ("lähde", lambda r: ", ".join(filter(None, (r["source"]["title"], r["source"]["publisher"]))) if r["source"] else ""),
    ("lähde julkaistu", lambda r: (r["source"] or {}).get("published") or ""),
    ("lähteen osoite", lambda r: (r["source"] or {}).get("url") or ""),
    ("osoite", lambda r: r["absolute_url"] or r["url"]),
)


WHEEL_CSV_PATH = "data/vuosikellot.csv"
WHEEL_COLUMNS: tuple[tuple[str, Callable[[Record], str]], ...] = (
    ("tunniste", lambda r: r["slug"]),
    ("kuvaus", lambda r: r["item_title"]),
    ("rivi", lambda r: str(r["number"])),
    ("ensimmäinen kuukausi", lambda r: str(r["first"])),
    ("viimeinen kuukausi", lambda r: str(r["last"])),
    ("ajankohta", lambda r: r["label"]),
    ("mitä", lambda r: r["title"]),
    ("kuka vastaa", lambda r: r["role"] or ""),
    ("lisätietoja", lambda r: r["description"] or ""),
)
"""The year wheels' rows, one line each, in a file of their own (an item has many)."""
TEAMS_CSV_PATH = "data/tiimit.csv"
TEAM_COLUMNS: tuple[tuple[str, Callable[[Record], str]], ...] = (
    ("tunniste", lambda r: r["slug"]),
    ("kuvaus", lambda r: r["item_title"]),
    ("tiimi", lambda r: r["name"]),
    ("teemat", lambda r: LIST_SEPARATOR.join(t["name"] for t in r["themes"])),
    ("mitä tekee", lambda r: r["description"] or ""),
    ("koordinoi", lambda r: r["coordinator"] or ""),
)
"""Networks' teams, one line each."""


def library_csv(records: list[dict[str, Any]]) -> str:
    """One row per item (see `table_csv`)."""
    return table_csv(records, CSV_COLUMNS)


def wheel_csv(records: list[dict[str, Any]]) -> str:
    """One line per year-wheel row of every item."""
    return table_csv(_parts(records, "vuosikello"), WHEEL_COLUMNS)


def teams_csv(records: list[dict[str, Any]]) -> str:
    """One line per team of every item."""
    return table_csv(_parts(records, "teams"), TEAM_COLUMNS)


def _parts(records: list[dict[str, Any]], key: str) -> list[Record]:
    """The records' sub-records under `key`, each with its item's slug, title and position."""
    return [
        {**part, "slug": record["slug"], "item_title": record["title"], "number": number}
        for record in records
        for number, part in enumerate(record[key], start=1)
    ]


def table_csv(records: list[dict[str, Any]], columns: tuple[tuple[str, Callable[[Record], str]], ...]) -> str:
    """UTF-8 with a byte-order mark so that Excel reads ä and ö right.

    Every cell is quoted, so that neither `,` nor `;` (the separator of Finnish Excel)
    inside a value can start a new cell, and every place where a spreadsheet could
    start a formula is neutralised (see `neutralise_formulas`)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    writer.writerow([name for name, _ in columns])
    for record in records:
        writer.writerow([neutralise_formulas(value(record)) for _, value in columns])
    return "\ufeff" + buffer.getvalue()


# A formula starts with = + - @ (or their full-width forms, which some spreadsheets
# accept), or a cell starts with a tab or a line break; at the start of the cell or
# after any separator a program might split on, despite the quotes (, ; tab).
_FORMULA_START = re.compile(r"(^|[,;\t])(\s*)(?=[=+\-@\uff1d\uff0b\uff0d\uff20\t\r\n])")


def neutralise_formulas(cell: str) -> str:
    """An apostrophe before every place a spreadsheet could read as the start of a
    formula: `=1+1` becomes `'=1+1`, `Pori; =HYPERLINK(...)` becomes `Pori; '=HYPERLINK(...)`."""
    return _FORMULA_START.sub(r"\1\2'", cell)
