"""Open data: the published library as JSON (with its JSON Schema) and CSV, an
Atom feed of new and updated items, and schema.org JSON-LD for item pages.
All of them hold only what the copy publishes (its scope)."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Iterator

from kirjasto.content.clock import today_in_finland
from kirjasto.content.messages import Messages, messages_in
from kirjasto.content.model import Library
from kirjasto.content.settings import LibrarySettings
from kirjasto.site.catalogue import CATALOGUE_DATA_PATH, catalogue_json
from kirjasto.site.exports.calendar import calendar_files, calendar_path
from kirjasto.site.exports.feed import FEED_PATH, FEED_SIZE, atom_feed, stable_id
from kirjasto.site.exports.json_ld import item_json_ld, json_ld_script
from kirjasto.site.exports.records import JSON_PATH, JSON_SCHEMA_PATH, absolute_url, item_record, item_url, library_json
from kirjasto.site.exports.schema import library_json_schema
from kirjasto.site.exports.table import (
    CSV_COLUMNS,
    CSV_PATH,
    TEAMS_CSV_PATH,
    WHEEL_CSV_PATH,
    library_csv,
    neutralise_formulas,
    teams_csv,
    wheel_csv,
)
from kirjasto.site.form import FORM_ITEMS_PATH, form_items

__all__ = [
    "CSV_COLUMNS",
    "CSV_PATH",
    "FEED_PATH",
    "FEED_SIZE",
    "JSON_PATH",
    "JSON_SCHEMA_PATH",
    "ROBOTS_PATH",
    "TEAMS_CSV_PATH",
    "WHEEL_CSV_PATH",
    "absolute_url",
    "atom_feed",
    "calendar_path",
    "export_files",
    "export_paths",
    "item_json_ld",
    "item_record",
    "item_url",
    "iter_export_files",
    "json_ld_script",
    "library_csv",
    "library_json",
    "library_json_schema",
    "neutralise_formulas",
    "robots_txt",
    "stable_id",
]

ROBOTS_PATH = "robots.txt"


def robots_txt(settings: LibrarySettings) -> str:
    """Every page may be indexed; the sitemap's address when the copy knows its own."""
    sitemap = absolute_url(settings, "sitemap.xml")
    return "User-agent: *\nAllow: /\n" + (f"\nSitemap: {sitemap}\n" if sitemap else "")


def export_paths(library: Library) -> dict[str, str]:
    """The paths `export_files` writes, each with empty content (cheap: no data made)."""
    calendars = [calendar_path(item) for item in library.items if item.vuosikello]
    return dict.fromkeys(
        [
            *calendars,
            ROBOTS_PATH,
            CATALOGUE_DATA_PATH,
            FORM_ITEMS_PATH,
            JSON_PATH,
            JSON_SCHEMA_PATH,
            CSV_PATH,
            WHEEL_CSV_PATH,
            TEAMS_CSV_PATH,
            FEED_PATH,
        ],
        "",
    )


def export_files(
    library: Library, settings: LibrarySettings, site_name: str, *, messages: Messages | None = None
) -> dict[str, str]:
    """Every generated data file as `{site path: text}`: the open data, the catalogue's
    index and robots.txt. `messages`: the language of the texts people read in them
    (the feed, the calendars, the catalogue's legends), by default the site's
    (`settings.language`); the open data itself (JSON, CSV and their schema) is the same
    published interface in every language."""
    return {path: "".join(pieces) for path, pieces in iter_export_files(library, settings, site_name, messages=messages)}


def iter_export_files(
    library: Library, settings: LibrarySettings, site_name: str, *, messages: Messages | None = None
) -> Iterator[tuple[str, Iterable[str]]]:
    """`export_files` one file at a time, in the same order, each as pieces of text to
    write one after another: a writer never holds more than one file's data, and the
    open data of 10,000 items (15 MB of JSON, which the encoder would build from
    about 150 MB of pieces) is encoded while it is written."""
    messages = messages or messages_in(settings.language)
    today = library.freshness.today if library.freshness else today_in_finland()
    for path, text in calendar_files(library, today, messages=messages).items():
        yield path, (text,)
    yield ROBOTS_PATH, (robots_txt(settings),)
    yield (
        CATALOGUE_DATA_PATH,
        (json.dumps(catalogue_json(library, messages=messages), ensure_ascii=False, separators=(",", ":")),),
    )
    yield FORM_ITEMS_PATH, (json.dumps(form_items(library), ensure_ascii=False, separators=(",", ":")),)
    data = library_json(library, settings)
    yield JSON_PATH, itertools.chain(json.JSONEncoder(ensure_ascii=False, indent=1).iterencode(data), ("\n",))
    yield JSON_SCHEMA_PATH, (json.dumps(library_json_schema(), ensure_ascii=False, indent=1) + "\n",)
    yield CSV_PATH, (library_csv(data["items"]),)
    yield WHEEL_CSV_PATH, (wheel_csv(data["items"]),)
    yield TEAMS_CSV_PATH, (teams_csv(data["items"]),)
    del data
    yield FEED_PATH, (atom_feed(library, settings, site_name, messages=messages),)
