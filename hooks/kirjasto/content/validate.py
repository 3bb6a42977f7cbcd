"""Check one item's front matter against the content model and build an `Item`.

Every check adds a `Problem` and goes on, so that one run reports everything
that is wrong in the file.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kirjasto.content.body import FIELD as BODY_FIELD
from kirjasto.content.body import check_body
from kirjasto.content.characters import RETYPE_ADVICE, has_unsafe_characters, unsafe_character
from kirjasto.content.frontmatter import Entry, Mapping, Scalar, Sequence
from kirjasto.content.item_skeleton import all_hints
from kirjasto.content.model import (
    KINDS_WITH_STATUS,
    STATUSES,
    UNKNOWN_STATUS,
    Contact,
    Item,
    ItemLink,
    Kind,
    Link,
    PublicationDate,
    Source,
)
from kirjasto.content.privacy import find_personal_details, warning_message
from kirjasto.content.problems import Problem, Severity, errors
from kirjasto.content.render import BodyRenderer
from kirjasto.content.sanitise import Sanitiser
from kirjasto.content.text import LineMap, count_phrase, escape_markdown, suggest
from kirjasto.content.vocabularies import Vocabularies

REQUIRED_FIELDS = ("title", "summary", "levels", "themes", "updated")
OPTIONAL_FIELDS = (
    "municipalities",
    "regions",
    "status",
    "written",
    "checked",
    "started",
    "organisations",
    "audience",
    "contacts",
    "links",
    "funding",
    "source",
    "related",
)
KNOWN_FIELDS = REQUIRED_FIELDS + OPTIONAL_FIELDS
SOURCE_FIELDS = ("title", "publisher", "published", "url")
CONTACT_FIELDS = ("organisation", "role", "name", "email", "phone", "url")
"""The organisation is required; a role only when someone knows it."""

TITLE_LENGTH = (5, 120)
SUMMARY_MAX_LENGTH = 300
SUMMARY_MAX_SENTENCES = 3
MAX_THEMES = 5
EARLIEST_YEAR = 1900

_TYPE_NAMES = {
    "bool": "totuusarvoksi (kyllä/ei)",
    "int": "kokonaisluvuksi",
    "float": "desimaaliluvuksi",
    "null": "tyhjäksi arvoksi",
    "timestamp": "päivämääräksi",
}
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-ZÅÄÖ\"”'])")
_EMAIL = re.compile(r"^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$", re.IGNORECASE)
# The host as dot-separated labels, each without dots: one way to match, so no backtracking.
WEB_URL = re.compile(r"^https?://[^\s/?#<>\"'().]+(?:\.[^\s/?#<>\"'().]+)+\.?(?:[/?#][^\s<>\"']*)?$", re.IGNORECASE)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# A service or switchboard number as people write it: digits in groups, an optional
# +358 and parentheses around an area code.
PHONE_NUMBER = re.compile(r"^\+?[0-9][0-9 ()-]{4,22}$")
PHONE_DIGITS = (5, 15)
"""How many digits a phone number has (E.164 allows at most 15)."""
# Finnish mobile numbers (04x, 050) belong to a person far more often than to a service.
_MOBILE_NUMBER = re.compile(r"^(?:\+358|00358|0)(?:4\d|50)")

DATE_MEANINGS = {
    "updated": "päivä, jolloin kuvausta viimeksi muokattiin",
    "written": "päivä, jolloin kuvaus kirjoitettiin",
    "checked": "päivä, jolloin joku viimeksi tarkisti tiedot",
    "source.published": "lähteen julkaisupäivä",
}


@dataclass
class _Checker:
    """Collects the problems of one file while its fields are read."""

    path: str
    tree: Mapping
    problems: list[Problem] = field(default_factory=list)

    def report(self, line: int | None, field_name: str | None, message: str) -> None:
        self.problems.append(Problem(self.path, line, field_name, message))

    def warn(self, line: int | None, field_name: str | None, message: str) -> None:
        self.problems.append(Problem(self.path, line, field_name, message, Severity.WARNING))

    def entry(self, name: str, *, required: bool) -> Entry | None:
        found = self.tree.entries.get(name)
        if found is None or _is_empty(found.value):
            if required:
                line = found.key_line if found else self.tree.line
                self.report(line, name, f"Pakollinen kenttä puuttuu tai on tyhjä. Lisää front matteriin rivi '{name}: ...'.")
            return None
        return found

    # --- value readers -------------------------------------------------
    def text(self, value: Any, name: str) -> str | None:
        """A single piece of text; other YAML types get a 'quote it' hint."""
        if isinstance(value, Scalar) and value.type == "str":
            if has_unsafe_characters(value.value):
                _, what = unsafe_character(value.value)
                self.report(value.line, name, f"Arvossa on {what}. {RETYPE_ADVICE}")
                return None
            text = " ".join(value.value.split())
            if not text:
                self.report(value.line, name, "Arvo on tyhjä. Kirjoita siihen tekstiä tai poista kenttä.")
                return None
            return text
        if isinstance(value, Scalar):
            self.report(
                value.line,
                name,
                f"YAML tulkitsee arvon '{value.raw}' {_TYPE_NAMES[value.type]}, ei tekstiksi. Kirjoita se lainausmerkkeihin: \"{value.raw}\".",
            )
        else:
            self.report(value.line, name, "Arvon pitää olla yksi teksti, ei lista eikä kenttäryhmä.")
        return None

    def text_list(self, entry: Entry, name: str) -> list[tuple[str, int]]:
        """A list of texts with the line of each; a bare text gets a 'make it a list' hint."""
        value = entry.value
        if isinstance(value, Scalar):
            self.report(
                value.line,
                name,
                f"Arvon pitää olla lista. Kirjoita {name}: [{value.raw}] tai jokainen arvo omalle rivilleen viivan perään ('- {value.raw}').",
            )
            return []
        if isinstance(value, Mapping):
            self.report(value.line, name, "Arvon pitää olla lista tekstejä, ei kenttäryhmä.")
            return []
        texts, seen = [], set()
        for position, element in enumerate(value.items, start=1):
            text = self.text(element, f"{name}[{position}]")
            if text is None:
                continue
            if text in seen:
                self.report(element.line, name, f"'{text}' on listalla kahdesti. Poista toinen.")
                continue
            seen.add(text)
            texts.append((text, element.line))
        return texts

    def vocabulary_list(self, entry: Entry, name: str, known: dict, what: str, names: dict[str, str] | None = None) -> list:
        """Values looked up in a vocabulary, with a suggestion for unknown ones."""
        found = []
        for text, line in self.text_list(entry, name):
            if text in known:
                found.append(known[text])
                continue
            hint = _suggestion(text, known, names) or _allowed_values(known)
            self.report(line, name, f"Tuntematon {what} '{text}'.{hint}")
        return found

    def date(self, entry: Entry, name: str, today: datetime.date) -> datetime.date | None:
        return self.date_value(entry.value, name, today)

    def date_value(self, value: Any, name: str, today: datetime.date) -> datetime.date | None:
        if not isinstance(value, Scalar) or value.type not in ("timestamp", "str"):
            raw = value.raw if isinstance(value, Scalar) else "lista"
            self.report(
                value.line,
                name,
                f"'{raw}' ei ole päivämäärä. Kirjoita päivämäärä muodossa VVVV-KK-PP, esim. {today.isoformat()}.",
            )
            return None
        if not _ISO_DATE.match(value.raw):
            self.report(value.line, name, f"'{value.raw}' ei ole muotoa VVVV-KK-PP. Kirjoita esim. {today.isoformat()}.")
            return None
        try:
            parsed = datetime.date.fromisoformat(value.raw)
        except ValueError:
            self.report(value.line, name, f"Päivämäärää {value.raw} ei ole olemassa. Tarkista kuukausi ja päivä.")
            return None
        if parsed > today:
            self.report(
                value.line, name, f"Päivämäärä {value.raw} on tulevaisuudessa. Anna {DATE_MEANINGS.get(name, 'mennyt päivä')}."
            )
            return None
        return parsed


def _is_empty(value: Any) -> bool:
    if isinstance(value, Scalar):
        return value.type == "null" or (value.type == "str" and not value.value.strip())
    if isinstance(value, Sequence):
        return not value.items
    return not value.entries


LISTED_VOCABULARY_SIZE = 40
"""A vocabulary this small is listed whole when nothing close to a typed value is found."""


def _allowed_values(known: dict) -> str:
    if len(known) > LISTED_VOCABULARY_SIZE:
        return ""
    return f" Sallitut arvot: {', '.join(known)}."


def _suggestion(text: str, known: dict, names: dict[str, str] | None) -> str:
    """' Tarkoititko 'x'?' for the closest key, or for a key whose display name was typed."""
    by_name = {display: key for key, display in (names or {}).items()}
    if text in by_name:
        return f" Kirjoita tunniste '{by_name[text]}' (nimen '{text}' sijaan)."
    closest = suggest(text, known)
    if closest:
        return f" Tarkoititko '{closest}'?"
    named = suggest(text, by_name)
    return f" Tarkoititko '{by_name[named]}' ({named})?" if named else ""


@dataclass(frozen=True)
class ValidationContext:
    """What every item is checked against."""

    vocabularies: Vocabularies
    today: datetime.date
    """Today in Finland (`clock.today_in_finland`): dates after it are refused."""
    renderer: BodyRenderer = field(default_factory=BodyRenderer)
    """The site's Markdown configuration: bodies are judged as the page would show them."""
    sanitiser: Sanitiser = field(default_factory=Sanitiser)
    allowed_contacts: frozenset[str] = frozenset()
    """Reviewed personal addresses and numbers (normalised) that need no warning."""


@dataclass(frozen=True)
class ValidatedFile:
    """The outcome of checking one file: an item when it is valid, and its problems."""

    item: Item | None
    problems: list[Problem]
    related_lines: dict[str, int]
    """Line of each slug in `related`, for the library-wide check that they exist."""
    link_lines: list[tuple[ItemLink, int]] = field(default_factory=list)
    """Links in the body to other items, with their lines, for the same check."""


def validate_item(
    tree: Mapping,
    *,
    path: str,
    kind: Kind,
    slug: str,
    body: str,
    body_line: int,
    source_path: Path,
    context: ValidationContext,
) -> ValidatedFile:
    """Check every field of one item and build the `Item` if all are valid."""
    check = _Checker(path=path, tree=tree)
    _check_unknown_keys(check)
    values = _read_fields(check, kind, context)
    checked_body = _check_body(check, body, body_line, f"{kind.folder}/{slug}.md", context, values["title"])
    _warn_about_personal_details(check, body, body_line, values["contacts"], context.allowed_contacts)
    related_entry = check.entry("related", required=False)
    related_lines = dict(check.text_list(related_entry, "related")) if related_entry else {}
    if related_lines.pop(slug, None) is not None:
        check.report(related_entry.key_line, "related", f"Kuvaus ei voi viitata itseensä ('{slug}'). Poista se related-listasta.")
    link_lines = checked_body.item_links if checked_body else []
    if errors(check.problems):
        return ValidatedFile(None, check.problems, related_lines, link_lines)
    item = Item(
        kind=kind,
        slug=slug,
        source_path=source_path,
        body=body,
        body_html=checked_body.html,
        item_links=tuple(link for link, _ in link_lines),
        related=tuple(related_lines),
        **values,
    )
    return ValidatedFile(item, check.problems, related_lines, link_lines)


ENGINE_KEYS = frozenset(
    {
        "template",
        "hide",
        "search",
        "icon",
        "status_icon",
        "subtitle",
        "location",
        "meta",
        "tags",
        "description",
        "social",
        "comments",
        "nav_title",
        "edit_url",
        "redirect",
        "render_macros",
        "draft",
    }
)
"""Keys MkDocs, mkdocs-material or common plugins act on: a page could choose its
own template, hide navigation or leave the search index through them."""


def _check_unknown_keys(check: _Checker) -> None:
    for key, entry in check.tree.entries.items():
        if key in KNOWN_FIELDS:
            continue
        if key.lower() in ENGINE_KEYS:
            check.report(
                entry.key_line,
                key,
                f"Kenttä '{key}' ohjaisi sivuston teknistä toteutusta (sivupohjaa, hakua tai näkyvyyttä), eikä sitä voi käyttää kuvauksissa. Poista rivi. Sallitut kentät: {', '.join(KNOWN_FIELDS)}.",
            )
            continue
        closest = suggest(key, KNOWN_FIELDS)
        hint = f" Tarkoititko '{closest}'?" if closest else ""
        check.report(entry.key_line, key, f"Tuntematon kenttä '{key}'.{hint} Sallitut kentät: {', '.join(KNOWN_FIELDS)}.")


def _read_fields(check: _Checker, kind: Kind, context: ValidationContext) -> dict[str, Any]:
    vocabularies, today = context.vocabularies, context.today
    return {
        "title": _read_title(check, context),
        "summary": _read_summary(check),
        **_read_places(check, vocabularies),
        "levels": _read_vocabulary(
            check,
            "levels",
            vocabularies.levels,
            "koulutusaste",
            required=True,
            names={k: v.name for k, v in vocabularies.levels.items()},
        ),
        "themes": _read_themes(check, vocabularies),
        "audience": _read_vocabulary(
            check,
            "audience",
            vocabularies.audiences,
            "kohderyhmä",
            required=False,
            names={k: v.name for k, v in vocabularies.audiences.items()},
        ),
        "status": _read_status(check, kind),
        **_read_dates(check, today),
        "started": _read_started(check, today),
        "organisations": _read_plain_list(check, "organisations"),
        "funding": _read_plain_list(check, "funding"),
        "source": _read_source(check, today),
        "contacts": _read_contacts(check),
        "links": _read_links(check),
    }


def _no_angle_brackets(check: _Checker, entry: Entry, name: str, text: str | None) -> str | None:
    if text is not None and ("<" in text or ">" in text):
        check.report(
            entry.value.line,
            name,
            "Merkit < ja > eivät ole sallittuja otsikossa eikä tiivistelmässä. Käytä sanoja (esim. 'yli', 'alle') tai poista merkit.",
        )
        return None
    return text


def _read_title(check: _Checker, context: ValidationContext) -> str | None:
    entry = check.entry("title", required=True)
    title = _no_angle_brackets(check, entry, "title", check.text(entry.value, "title")) if entry else None
    if title is not None and not TITLE_LENGTH[0] <= len(title) <= TITLE_LENGTH[1]:
        check.report(
            entry.value.line,
            "title",
            f"Otsikossa on {count_phrase(len(title), 'merkki', 'merkkiä')}; sallittu pituus on {TITLE_LENGTH[0]}–{TITLE_LENGTH[1]} merkkiä.",
        )
        return None
    if title is not None:
        reserved = _reserved_title_address(title, context)
        if reserved:
            check.report(
                entry.value.line,
                "title",
                f"Otsikosta tulisi sivulle sisäinen osoite '#{reserved}', joka on varattu sivuston omaan käyttöön. Muuta otsikon alkua, esimerkiksi lisää sen eteen jokin sana.",
            )
            return None
    return title


def _reserved_title_address(title: str, context: ValidationContext) -> str | None:
    """The title becomes the page's `# heading` (and listing headings): the id the
    site's Markdown gives it, if that id is one the theme or the library uses."""
    rendered = context.renderer.render(f"# {escape_markdown(title)}", src_uri="").html
    found = re.search(r'<h1 id="([^"]*)"', rendered)
    if found is None:
        return None
    # Listings show many titles as headings: a second title with the same id gets
    # `_1` added (`_` becomes `__1`), so that form must be free too.
    address = found.group(1)
    allow = context.sanitiser.allow
    return address if allow.id_is_reserved(address) or allow.id_is_reserved(address + "_1") else None


def _read_summary(check: _Checker) -> str | None:
    entry = check.entry("summary", required=True)
    summary = _no_angle_brackets(check, entry, "summary", check.text(entry.value, "summary")) if entry else None
    if summary is None:
        return None
    if len(summary) > SUMMARY_MAX_LENGTH:
        check.report(
            entry.value.line,
            "summary",
            f"Tiivistelmässä on {len(summary)} merkkiä; enintään {SUMMARY_MAX_LENGTH} on sallittu. Lyhennä se 1–3 virkkeeseen.",
        )
    sentences = len(_SENTENCE_END.findall(summary)) + 1
    if sentences > SUMMARY_MAX_SENTENCES:
        check.report(
            entry.value.line,
            "summary",
            f"Tiivistelmässä on {sentences} virkettä; enintään {SUMMARY_MAX_SENTENCES} on sallittu. Siirrä loput kuvaustekstiin.",
        )
    return summary


def _read_places(check: _Checker, vocabularies: Vocabularies) -> dict[str, tuple]:
    municipalities = _read_vocabulary(check, "municipalities", vocabularies.municipalities, "kunta", required=False)
    regions = _read_vocabulary(check, "regions", vocabularies.regions, "maakunta", required=False)
    derived = {m.region.name: m.name for m in municipalities}
    regions_entry = check.tree.entries.get("regions")
    for region in regions:
        if region.name in derived:
            check.report(
                regions_entry.key_line,
                "regions",
                f"Maakunta '{region.name}' päätellään jo kunnasta '{derived[region.name]}'. Poista se regions-listasta; maakuntaa ei kirjoiteta kahdesti.",
            )
    return {"municipalities": tuple(municipalities), "regions": tuple(regions)}


def _read_vocabulary(
    check: _Checker, name: str, known: dict, what: str, *, required: bool, names: dict[str, str] | None = None
) -> tuple:
    entry = check.entry(name, required=required)
    return tuple(check.vocabulary_list(entry, name, known, what, names)) if entry else ()


def _read_themes(check: _Checker, vocabularies: Vocabularies) -> tuple:
    names = {key: theme.name for key, theme in vocabularies.themes.items()}
    themes = _read_vocabulary(check, "themes", vocabularies.themes, "teema", required=True, names=names)
    if len(themes) > MAX_THEMES:
        check.report(
            check.tree.entries["themes"].key_line,
            "themes",
            f"Teemoja on {len(themes)}; enintään {MAX_THEMES} on sallittu. Valitse kuvausta parhaiten vastaavat.",
        )
    return themes


def _read_status(check: _Checker, kind: Kind) -> str | None:
    entry = check.entry("status", required=False)
    if entry is None:
        # No one has said whether it is still going on: say so rather than guess.
        return UNKNOWN_STATUS if kind in KINDS_WITH_STATUS else None
    status = check.text(entry.value, "status")
    if status is not None and status not in STATUSES:
        choices = ", ".join(f"{slug} ({label})" for slug, label in STATUSES.items())
        closest = suggest(status, STATUSES)
        if closest is None:
            by_label = {label: slug for slug, label in STATUSES.items()}
            label = suggest(status, by_label)
            closest = by_label[label] if label else None
        hint = f" Tarkoititko '{closest}'?" if closest else ""
        check.report(entry.value.line, "status", f"Tuntematon tila '{status}'.{hint} Sallitut arvot: {choices}.")
        return None
    return status


def _read_dates(check: _Checker, today: datetime.date) -> dict[str, datetime.date | None]:
    """`updated` (required), `written` and `checked`; a description cannot be edited
    before it was written."""
    dates = {}
    for name in ("updated", "written", "checked"):
        entry = check.entry(name, required=name in REQUIRED_FIELDS)
        dates[name] = check.date(entry, name, today) if entry else None
    written, updated = dates["written"], dates["updated"]
    if written and updated and written > updated:
        line = check.tree.entries["written"].value.line
        check.report(
            line,
            "written",
            f"Kirjoituspäivä {written.isoformat()} on myöhempi kuin viimeinen muokkaus (updated: {updated.isoformat()}). Korjaa jompikumpi.",
        )
    return dates


def _read_started(check: _Checker, today: datetime.date) -> int | None:
    entry = check.entry("started", required=False)
    if entry is None:
        return None
    value = entry.value
    if not (isinstance(value, Scalar) and value.type == "int"):
        raw = value.raw if isinstance(value, Scalar) else "lista"
        check.report(
            value.line,
            "started",
            f"'{raw}' ei ole vuosiluku. Kirjoita aloitusvuosi numerona ilman lainausmerkkejä, esim. started: 2014.",
        )
        return None
    if value.value is None or not EARLIEST_YEAR <= value.value <= today.year:
        if value.value is None:
            check.report(
                value.line,
                "started",
                f"'{value.raw[:20]}...' ei ole mahdollinen vuosi. Anna vuosi väliltä {EARLIEST_YEAR}–{today.year}.",
            )
            return None
        check.report(
            value.line, "started", f"Vuosi {value.value} ei ole mahdollinen. Anna vuosi väliltä {EARLIEST_YEAR}–{today.year}."
        )
        return None
    return value.value


def _read_plain_list(check: _Checker, name: str) -> tuple[str, ...]:
    entry = check.entry(name, required=False)
    return tuple(text for text, _ in check.text_list(entry, name)) if entry else ()


def _read_source(check: _Checker, today: datetime.date) -> Source | None:
    entry = check.entry("source", required=False)
    if entry is None:
        return None
    example = 'source: {title: "Lähteen otsikko", publisher: "Julkaisija", published: 2017-10-27, url: "https://..."}'
    if not isinstance(entry.value, Mapping):
        check.report(
            entry.value.line,
            "source",
            f"Lähde kirjoitetaan kenttäryhmänä, jossa on otsikko ja (jos tiedossa) julkaisija, julkaisupäivä tai -vuosi ja osoite: {example}",
        )
        return None
    fields, complete = {}, True
    for key, sub in entry.value.entries.items():
        name = f"source.{key}"
        if key not in SOURCE_FIELDS:
            check.report(sub.key_line, name, f"Tuntematon kenttä '{key}'. Sallitut kentät: {', '.join(SOURCE_FIELDS)}.")
            complete = False
        elif key == "published":
            fields[key] = _read_publication_date(check, sub.value, today)
            complete &= fields[key] is not None
        else:
            fields[key] = check.text(sub.value, name)
            complete &= fields[key] is not None
    if "title" not in entry.value.entries:
        check.report(
            entry.value.line,
            "source.title",
            'Lähteeltä puuttuu otsikko (title). Kirjoita lähteen nimi, esim. title: "Innokylä: Katseet koulutulokkaisiin".',
        )
        complete = False
    url = fields.get("url")
    if url and not WEB_URL.match(url):
        check.report(
            entry.value.entries["url"].value.line,
            "source.url",
            f"Osoite '{url}' ei kelpaa. Lähteen osoitteen pitää alkaa http:// tai https://.",
        )
        complete = False
    return Source(**fields) if complete else None


def _read_publication_date(check: _Checker, value: Any, today: datetime.date) -> PublicationDate | None:
    """A day (2017-10-27) or, when the day is not known, a year (2017)."""
    if isinstance(value, Scalar) and value.type == "int":
        if value.value is None or not EARLIEST_YEAR <= value.value <= today.year:
            check.report(
                value.line,
                "source.published",
                f"Vuosi '{value.raw[:20]}' ei ole mahdollinen. Anna julkaisuvuosi väliltä {EARLIEST_YEAR}–{today.year}.",
            )
            return None
        return PublicationDate(year=value.value)
    if isinstance(value, Scalar) and value.type == "str" and re.fullmatch(r"\d{4}", value.value.strip()):
        check.report(value.line, "source.published", f"Kirjoita vuosi ilman lainausmerkkejä: published: {value.value.strip()}.")
        return None
    day = check.date_value(value, "source.published", today)
    return PublicationDate(year=day.year, day=day) if day else None


def _read_records(
    check: _Checker, name: str, required: tuple[str, ...], optional: tuple[str, ...]
) -> list[tuple[dict[str, str], Mapping]]:
    """A list of small records such as contacts: each a group of `key: text` fields."""
    entry = check.entry(name, required=False)
    if entry is None:
        return []
    if not isinstance(entry.value, Sequence):
        example = ", ".join(f"{key}: ..." for key in required)
        check.report(entry.value.line, name, f"Arvon pitää olla lista, jonka jokainen kohta alkaa viivalla: '- {example}'.")
        return []
    records = []
    for position, element in enumerate(entry.value.items, start=1):
        where = f"{name}[{position}]"
        if not isinstance(element, Mapping):
            check.report(element.line, where, f"Kohdan pitää olla kenttäryhmä, jossa on {', '.join(required)}.")
            continue
        record, complete = {}, True
        for key, sub in element.entries.items():
            if key not in required + optional:
                check.report(
                    sub.key_line,
                    f"{where}.{key}",
                    f"Tuntematon kenttä '{key}'. Sallitut kentät: {', '.join(required + optional)}.",
                )
                complete = False
                continue
            text = check.text(sub.value, f"{where}.{key}")
            complete &= text is not None
            record[key] = text
        for key in required:
            if key not in element.entries:
                check.report(element.line, f"{where}.{key}", f"Pakollinen kenttä '{key}' puuttuu.")
                complete = False
        if complete:
            records.append((record, element))
    return records


def _read_contacts(check: _Checker) -> tuple[Contact, ...]:
    contacts = []
    for record, element in _read_records(check, "contacts", CONTACT_FIELDS[:1], CONTACT_FIELDS[1:]):
        problems = _contact_channel_problems(record)
        for key, message in problems:
            check.report(element.entries[key].value.line, f"contacts.{key}", message)
        if not problems:
            contacts.append(Contact(**record))
    return tuple(contacts)


def _contact_channel_problems(record: dict[str, str]) -> list[tuple[str, str]]:
    problems = []
    email, phone, url = record.get("email"), record.get("phone"), record.get("url")
    if email and not _EMAIL.match(email):
        problems.append(
            ("email", f"'{email}' ei ole sähköpostiosoite. Kirjoita se muodossa palvelu@organisaatio.fi tai poista kenttä.")
        )
    if phone and not (PHONE_NUMBER.match(phone) and PHONE_DIGITS[0] <= sum(c.isdigit() for c in phone) <= PHONE_DIGITS[1]):
        problems.append(
            (
                "phone",
                f"'{phone}' ei ole puhelinnumero. Kirjoita organisaation vaihteen tai palvelun numero, esim. 09 123 4567 tai +358 9 123 4567.",
            )
        )
    if url and not WEB_URL.match(url):
        problems.append(("url", f"Osoite '{url}' ei kelpaa. Kirjoita organisaation palvelusivun osoite, joka alkaa https://."))
    return problems


def _read_links(check: _Checker) -> tuple[Link, ...]:
    links = []
    for record, element in _read_records(check, "links", ("title", "url"), ()):
        if not WEB_URL.match(record["url"]):
            line = element.entries["url"].value.line
            check.report(
                line,
                "links.url",
                f"Osoite '{record['url']}' ei kelpaa. Linkin pitää alkaa http:// tai https://, esim. https://www.oph.fi/.",
            )
            continue
        links.append(Link(**record))
    return tuple(links)


def _warn_about_personal_details(check: _Checker, body: str, body_line: int, contacts, allowed: frozenset[str]) -> None:
    line_of = LineMap(body, body_line)
    for detail in find_personal_details(body, allowed):
        check.warn(line_of(detail.offset), BODY_FIELD, warning_message(detail))
    contacts_entry = check.tree.entries.get("contacts")
    for position, contact in enumerate(contacts or (), start=1):
        # A number in `phone` is declared a public channel; only a mobile number
        # is likely to be a person's own.
        phone = contact.phone if contact.phone and _MOBILE_NUMBER.match(contact.phone.replace(" ", "")) else None
        for detail in find_personal_details(
            " ".join(filter(None, (contact.email, contact.role, contact.organisation, phone))), allowed
        ):
            check.warn(contacts_entry.key_line, f"contacts[{position}]", warning_message(detail))


def _check_body(check: _Checker, body: str, body_line: int, src_uri: str, context: ValidationContext, title: str | None):
    if not body.strip():
        check.report(
            body_line,
            BODY_FIELD,
            "Kuvausteksti puuttuu. Kirjoita front matterin jälkeen kuvaus väliotsikoineen (## Tavoitteet, ## Toteutus ...).",
        )
        return None
    checked = check_body(body, body_line, renderer=context.renderer, sanitiser=context.sanitiser, src_uri=src_uri, title=title)
    for problem in checked.problems:
        check.report(problem.line, BODY_FIELD, problem.message)
    hints = all_hints()
    for offset, line in enumerate(body.split("\n")):
        if line.strip() in hints:
            check.report(
                body_line + offset, BODY_FIELD, f"Apukysymys '{line.strip()}' on vielä tekstissä. Korvaa se omalla tekstilläsi."
            )
    return checked
