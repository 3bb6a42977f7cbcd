"""Front-matter rules for where an item's facts come from and how old they are:
the dates of the description (`updated`, `written`, `checked`), the year it
started and the published source it was written from."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from kirjasto.content.field_checker import Checker
from kirjasto.content.field_records import unknown_field
from kirjasto.content.field_rules import EARLIEST_YEAR, REQUIRED_FIELDS, SOURCE_FIELDS, WEB_URL
from kirjasto.content.frontmatter_tree import Mapping, Scalar, YamlNode
from kirjasto.content.messages import _
from kirjasto.content.model import PublicationDate, Source


@dataclass(frozen=True)
class Dates:
    """The description's own dates; None where missing or refused."""

    updated: datetime.date | None
    """The last edit (required)."""
    written: datetime.date | None
    checked: datetime.date | None
    """When a person last verified the facts."""


def read_dates(check: Checker, today: datetime.date) -> Dates:
    """`updated` (required), `written` and `checked`; a description cannot be edited
    before it was written."""
    dates: dict[str, datetime.date | None] = {}
    for name in ("updated", "written", "checked"):
        entry = check.entry(name, required=name in REQUIRED_FIELDS)
        dates[name] = check.date(entry, name, today) if entry else None
    written, updated = dates["written"], dates["updated"]
    if written and updated and written > updated:
        line = check.tree.entries["written"].value.line
        check.report(
            line,
            "written",
            check.say(
                _("Kirjoituspäivä {written} on myöhempi kuin viimeinen muokkaus (updated: {updated}). Korjaa jompikumpi."),
                written=written.isoformat(),
                updated=updated.isoformat(),
            ),
        )
    return Dates(updated=updated, written=written, checked=dates["checked"])


def read_started(check: Checker, today: datetime.date) -> int | None:
    entry = check.entry("started", required=False)
    if entry is None:
        return None
    value = entry.value
    if not (isinstance(value, Scalar) and value.type == "int"):
        raw = value.raw if isinstance(value, Scalar) else check.say(_("lista"))
        check.report(
            value.line,
            "started",
            check.say(
                _("'{raw}' ei ole vuosiluku. Kirjoita aloitusvuosi numerona ilman lainausmerkkejä, esim. started: 2014."), raw=raw
            ),
        )
        return None
    # None where YAML read a number but could not build one.
    year = value.value if isinstance(value.value, int) else None
    if year is None or not EARLIEST_YEAR <= year <= today.year:
        message = (
            check.say(
                _("'{raw}...' ei ole mahdollinen vuosi. Anna vuosi väliltä {earliest}–{latest}."),
                raw=value.raw[:20],
                earliest=EARLIEST_YEAR,
                latest=today.year,
            )
            if year is None
            else check.say(
                _("Vuosi {year} ei ole mahdollinen. Anna vuosi väliltä {earliest}–{latest}."),
                year=year,
                earliest=EARLIEST_YEAR,
                latest=today.year,
            )
        )
        check.report(value.line, "started", message)
        return None
    return year


def read_source(check: Checker, today: datetime.date) -> Source | None:
    entry = check.entry("source", required=False)
    if entry is None:
        return None
    example = 'source: {title: "Lähteen otsikko", publisher: "Julkaisija", published: 2017-10-27, url: "https://..."}'
    group = entry.value
    if not isinstance(group, Mapping):
        check.report(
            group.line,
            "source",
            check.say(
                _(
                    "Lähde kirjoitetaan kenttäryhmänä, jossa on otsikko ja (jos tiedossa) julkaisija, julkaisupäivä tai -vuosi ja osoite: {example}"
                ),
                example=example,
            ),
        )
        return None
    texts: dict[str, str | None] = {}
    published: PublicationDate | None = None
    complete = True
    for key, sub in group.entries.items():
        name = f"source.{key}"
        if key not in SOURCE_FIELDS:
            check.report(sub.key_line, name, unknown_field(check, key, SOURCE_FIELDS))
            complete = False
        elif key == "published":
            published = _read_publication_date(check, sub.value, today)
            complete &= published is not None
        else:
            texts[key] = check.text(sub.value, name)
            complete &= texts[key] is not None
    if "title" not in group.entries:
        check.report(
            group.line,
            "source.title",
            check.say(
                _('Lähteeltä puuttuu otsikko (title). Kirjoita lähteen nimi, esim. title: "Innokylä: Katseet koulutulokkaisiin".')
            ),
        )
        complete = False
    url = texts.get("url")
    if url and not WEB_URL.match(url):
        check.report(
            group.entries["url"].value.line,
            "source.url",
            check.say(_("Osoite '{url}' ei kelpaa. Lähteen osoitteen pitää alkaa http:// tai https://."), url=url),
        )
        complete = False
    title = texts.get("title")
    if not complete or title is None:
        return None
    return Source(title=title, publisher=texts.get("publisher"), published=published, url=url)


def _read_publication_date(check: Checker, value: YamlNode, today: datetime.date) -> PublicationDate | None:
    """A day (2017-10-27) or, when the day is not known, a year (2017)."""
    if isinstance(value, Scalar) and value.type == "int":
        year = value.value
        if not isinstance(year, int) or not EARLIEST_YEAR <= year <= today.year:
            check.report(
                value.line,
                "source.published",
                check.say(
                    _("Vuosi '{raw}' ei ole mahdollinen. Anna julkaisuvuosi väliltä {earliest}–{latest}."),
                    raw=value.raw[:20],
                    earliest=EARLIEST_YEAR,
                    latest=today.year,
                ),
            )
            return None
        return PublicationDate(year=year)
    if (
        isinstance(value, Scalar)
        and value.type == "str"
        and isinstance(value.value, str)
        and re.fullmatch(r"\d{4}", value.value.strip())
    ):
        check.report(
            value.line,
            "source.published",
            check.say(_("Kirjoita vuosi ilman lainausmerkkejä: published: {year}."), year=value.value.strip()),
        )
        return None
    day = check.date_value(value, "source.published", today)
    return PublicationDate(year=day.year, day=day) if day else None
