"""Open data: the published library as JSON (with its JSON Schema) and CSV, an
Atom feed of new and updated items, and schema.org JSON-LD for item pages.
All of them hold only what the copy publishes (its scope)."""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
import uuid
from typing import Any
from xml.sax.saxutils import escape as _xml_escape, quoteattr as _xml_quoteattr

from kirjasto.site.catalogue import CATALOGUE_DATA_PATH, catalogue_json
from kirjasto.site.form import FORM_ITEMS_PATH, form_items
from kirjasto.content.model import STATUSES, Item, Kind, Library, Source
from kirjasto.site.pages.listing import newest_first
from kirjasto.site.pages.page import url_of
from kirjasto.content.settings import LibrarySettings

JSON_PATH = "data/kirjasto.json"
JSON_SCHEMA_PATH = "data/kirjasto.schema.json"
CSV_PATH = "data/kirjasto.csv"
FEED_PATH = "feed.xml"
FEED_SIZE = 50
"""Entries in the feed: the newest by `updated`; readers keep their own history."""
LIST_SEPARATOR = "; "


def item_url(item: Item) -> str:
    """Site-relative URL of an item page: `kaytannot/slug/`."""
    return url_of(item.src_uri)


def absolute_url(settings: LibrarySettings, relative: str) -> str | None:
    return settings.site_url.rstrip("/") + "/" + relative if settings.site_url else None


# --- JSON -----------------------------------------------------------------------

def _named(values) -> list[dict[str, str]]:
    return [{"slug": value.slug, "name": value.name} for value in values]


def item_record(item: Item, library: Library, settings: LibrarySettings) -> dict[str, Any]:
    return {
        "slug": item.slug,
        "kind": item.kind.folder,
        "kind_label": item.kind.label,
        "url": item_url(item),
        "absolute_url": absolute_url(settings, item_url(item)),
        "title": item.title,
        "summary": item.summary,
        "municipalities": [
            {"code": m.code, "name": m.name, "region_code": m.region.code, "region_name": m.region.name} for m in item.municipalities
        ],
        "regions": [{"code": r.code, "name": r.name} for r in item.all_regions],
        "region_wide": [r.code for r in item.regions],
        "national": item.is_national,
        "levels": _named(item.levels),
        "themes": _named(item.themes),
        "audience": _named(item.audience),
        "status": item.status,
        "status_label": item.status_label,
        "written": item.written.isoformat() if item.written else None,
        "updated": item.updated.isoformat(),
        "checked": item.checked.isoformat() if item.checked else None,
        "started": item.started,
        "organisations": list(item.organisations),
        "contacts": [{k: v for k, v in vars(c).items() if v is not None} for c in item.contacts],
        "links": [{"title": link.title, "url": link.url} for link in item.links],
        "funding": list(item.funding),
        "source": _source_record(item.source),
        "related": [slug for slug in item.related if slug in library.by_slug],
    }


def _source_record(source: Source | None) -> dict[str, Any] | None:
    if source is None:
        return None
    return {"title": source.title, "publisher": source.publisher,
            "published": source.published.iso if source.published else None, "url": source.url}


def library_json(library: Library, settings: LibrarySettings) -> dict[str, Any]:
    vocabularies = library.vocabularies
    items = newest_first(library.items)
    publisher = settings.publisher
    return {
        "$schema": "kirjasto.schema.json",
        "license": settings.licence.as_record(),
        "publisher": {"name": publisher.name, "contact": publisher.contact, "feedback": publisher.feedback} if publisher else None,
        "scope": {
            "municipalities": list(library.scope.municipalities),
            "regions": list(library.scope.regions),
            "include_national": library.scope.include_national,
        } if library.scope.is_limited else None,
        "updated": max((item.updated for item in items), default=datetime.date(2000, 1, 1)).isoformat(),
        "count": len(items),
        "items": [item_record(item, library, settings) for item in items],
        "vocabularies": {
            "kinds": [{"slug": kind.folder, "name": kind.label} for kind in Kind],
            "statuses": [{"slug": slug, "name": label} for slug, label in STATUSES.items()],
            "levels": _named(vocabularies.levels.values()),
            "themes": [{"slug": t.slug, "name": t.name, "description": t.description} for t in vocabularies.themes.values()],
            "audiences": _named(vocabularies.audiences.values()),
            "regions": [{"code": r.code, "name": r.name} for r in vocabularies.regions.values()],
            "municipalities": [{"code": m.code, "name": m.name, "region_code": m.region.code} for m in vocabularies.municipalities.values()],
        },
    }


def _string(**extra: Any) -> dict[str, Any]:
    return {"type": "string", **extra}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


def _object(properties: dict[str, Any], required: list[str] | None = None) -> dict[str, Any]:
    return {"type": "object", "additionalProperties": False, "properties": properties,
            "required": list(properties) if required is None else required}


def _array(items: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": items}


def library_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of `data/kirjasto.json`, published beside it."""
    named = _object({"slug": _string(), "name": _string()})
    code_name = _object({"code": _string(pattern="^MK\\d{2}$"), "name": _string()})
    item = _object({
        "slug": _string(pattern="^[a-z0-9]+(-[a-z0-9]+)*$"),
        "kind": {"enum": [kind.folder for kind in Kind]},
        "kind_label": _string(),
        "url": _string(description="Sivun osoite sivuston juuresta, esim. kaytannot/nimi/"),
        "absolute_url": _nullable(_string(format="uri")),
        "title": _string(minLength=1),
        "summary": _string(minLength=1),
        "municipalities": _array(_object({"code": _string(pattern="^\\d{3}$"), "name": _string(), "region_code": _string(), "region_name": _string()})),
        "regions": _array(code_name),
        "region_wide": _array(_string()),
        "national": {"type": "boolean"},
        "levels": _array(named),
        "themes": _array(named),
        "audience": _array(named),
        "status": _nullable({"enum": list(STATUSES)}),
        "status_label": _nullable(_string()),
        "written": _nullable(_string(format="date", description="Päivä, jolloin kuvaus kirjoitettiin.")),
        "updated": _string(format="date", description="Kuvauksen viimeisin muokkaus."),
        "checked": _nullable(_string(format="date", description="Päivä, jolloin joku viimeksi varmisti tiedot; null, jos kukaan ei ole.")),
        "started": _nullable({"type": "integer"}),
        "organisations": _array(_string()),
        "contacts": _array(_object({"role": _string(), "organisation": _string(), "name": _string(), "email": _string(),
                                    "phone": _string(), "url": _string(format="uri")}, required=["organisation"])),
        "links": _array(_object({"title": _string(), "url": _string(format="uri")})),
        "funding": _array(_string()),
        "source": _nullable(_object({
            "title": _string(), "publisher": _nullable(_string()),
            "published": _nullable(_string(pattern="^\\d{4}(-\\d{2}-\\d{2})?$", description="Päivä tai pelkkä vuosi, jos päivää ei tiedetä.")),
            "url": _nullable(_string(format="uri")),
        })),
        "related": _array(_string()),
    })
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "kirjasto.schema.json",
        "title": "Käytäntökirjaston avoin data",
        "description": "Kaikki julkaistut kuvaukset metatietoineen sekä sanastot. Kentät on kuvattu sivulla Avoin data.",
        **_object({
            "$schema": _string(),
            "license": _object({
                "spdx": _string(description="Lisenssin SPDX-tunniste, esim. CC-BY-4.0."),
                "name": _string(), "url": _string(format="uri"),
            }) | {"description": "Lisenssi, jolla kuvaukset ja tämä data julkaistaan. Käyttäjän pitää noudattaa sen ehtoja (CC BY: mainitse lähde)."},
            "publisher": _nullable(_object({"name": _string(), "contact": _nullable(_string()), "feedback": _nullable(_string())})),
            "scope": _nullable(_object({"municipalities": _array(_string()), "regions": _array(_string()), "include_national": {"type": "boolean"}})),
            "updated": _string(format="date"),
            "count": {"type": "integer", "minimum": 0},
            "items": _array(item),
            "vocabularies": _object({
                "kinds": _array(named), "statuses": _array(named), "levels": _array(named),
                "themes": _array(_object({"slug": _string(), "name": _string(), "description": _string()})),
                "audiences": _array(named), "regions": _array(code_name),
                "municipalities": _array(_object({"code": _string(), "name": _string(), "region_code": _string()})),
            }),
        }),
    }


# --- CSV ---------------------------------------------------------------------------

CSV_COLUMNS = (
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


def library_csv(records: list[dict[str, Any]]) -> str:
    """One row per item; UTF-8 with a byte-order mark so that Excel reads ä and ö right.

    Every cell is quoted, so that neither `,` nor `;` (the separator of Finnish Excel)
    inside a value can start a new cell, and every place where a spreadsheet could
    start a formula is neutralised (see `neutralise_formulas`)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    writer.writerow([name for name, _ in CSV_COLUMNS])
    for record in records:
        writer.writerow([neutralise_formulas(value(record)) for _, value in CSV_COLUMNS])
    return "\ufeff" + buffer.getvalue()


# A formula starts with = + - @ (or their full-width forms, which some spreadsheets
# accept), or a cell starts with a tab or a line break; at the start of the cell or
# after any separator a program might split on, despite the quotes (, ; tab).
_FORMULA_START = re.compile(r"(^|[,;\t])(\s*)(?=[=+\-@\uff1d\uff0b\uff0d\uff20\t\r\n])")


def neutralise_formulas(cell: str) -> str:
    """An apostrophe before every place a spreadsheet could read as the start of a
    formula: `=1+1` becomes `'=1+1`, `Pori; =HYPERLINK(...)` becomes `Pori; '=HYPERLINK(...)`."""
    return _FORMULA_START.sub(r"\1\2'", cell)


# --- Atom ----------------------------------------------------------------------------

# Characters XML 1.0 cannot hold at all. Validation refuses them in every field, so
# this only keeps the feed well-formed should one ever get through.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def escape(text: str) -> str:
    return _xml_escape(_NOT_XML.sub("\ufffd", text))


def quoteattr(text: str) -> str:
    return _xml_quoteattr(_NOT_XML.sub("\ufffd", text))


def stable_id(name: str) -> str:
    """An Atom id that never changes: not the address (SITE_URL, a move of folders or a
    fork's own domain would change it) but a name-based UUID of what it identifies."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'kaytantokirjasto:' + name)}"


def _timestamp(day: datetime.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def atom_feed(library: Library, settings: LibrarySettings, site_name: str) -> str:
    """The newest items by `updated` as an Atom 1.0 feed (RFC 4287)."""
    items = newest_first(library.items)[:FEED_SIZE]
    updated = max((item.updated for item in items), default=datetime.date(2000, 1, 1))
    author = settings.publisher.name if settings.publisher else site_name
    home = absolute_url(settings, "") or "./"
    feed_self = absolute_url(settings, FEED_PATH) or FEED_PATH
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fi">',
        f"  <id>{escape(stable_id('feed:' + site_name))}</id>",
        f"  <title>{escape(site_name)}: uudet ja päivitetyt kuvaukset</title>",
        f"  <updated>{_timestamp(updated)}</updated>",
        f"  <author><name>{escape(author)}</name></author>",
        f"  <rights>{escape(_rights(settings))}</rights>",
        f"  <link rel=\"alternate\" type=\"text/html\" href={quoteattr(home)}/>",
        f"  <link rel=\"self\" type=\"application/atom+xml\" href={quoteattr(feed_self)}/>",
    ]
    for item in items:
        url = absolute_url(settings, item_url(item)) or item_url(item)
        categories = "".join(f"\n    <category term={quoteattr(t.slug)} label={quoteattr(t.name)}/>" for t in item.themes)
        places = ", ".join(m.name for m in item.municipalities) or ", ".join(r.name for r in item.regions) or "Valtakunnallinen"
        lines += [
            "  <entry>",
            f"    <id>{escape(stable_id('item:' + item.slug))}</id>",
            f"    <published>{_timestamp(item.written or item.updated)}</published>",
            f"    <title>{escape(item.title)}</title>",
            f"    <updated>{_timestamp(item.updated)}</updated>",
            f"    <link rel=\"alternate\" type=\"text/html\" href={quoteattr(url)}/>",
            f"    <summary>{escape(item.kind.label + ' · ' + places + ': ' + item.summary)}</summary>{categories}",
            "  </entry>",
        ]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def _rights(settings: LibrarySettings) -> str:
    licence = settings.licence
    return f"Lisenssi {licence.name} ({licence.spdx}): {licence.url}"


# --- schema.org JSON-LD ------------------------------------------------------------------

def item_json_ld(item: Item, settings: LibrarySettings) -> dict[str, Any]:
    """Structured data for search engines: a LearningResource (a CreativeWork)."""
    places = [{"@type": "AdministrativeArea", "name": m.name, "identifier": m.code} for m in item.municipalities]
    places += [{"@type": "AdministrativeArea", "name": r.name, "identifier": r.code} for r in item.regions]
    if not places:
        places = [{"@type": "Country", "name": "Suomi"}]
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": ["CreativeWork", "LearningResource"],
        "name": item.title,
        "description": item.summary,
        "inLanguage": "fi",
        "genre": item.kind.label,
        "about": [{"@type": "DefinedTerm", "name": t.name, "termCode": t.slug} for t in item.themes],
        "educationalLevel": [level.name for level in item.levels],
        "spatialCoverage": places,
        "datePublished": (item.written or item.updated).isoformat(),
        "dateModified": item.updated.isoformat(),
        "license": settings.licence.url,
        # The page's own address; relative ("./") when the copy has no site_url.
        "url": absolute_url(settings, item_url(item)) or "./",
    }
    if item.source:
        data["isBasedOn"] = _source_json_ld(item.source)
    if item.audience:
        data["audience"] = [{"@type": "Audience", "audienceType": a.name} for a in item.audience]
    if settings.publisher:
        data["publisher"] = {"@type": "Organization", "name": settings.publisher.name}
    if item.organisations:
        data["contributor"] = [{"@type": "Organization", "name": name} for name in item.organisations]
    return data


def _source_json_ld(source: Source) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "name": source.title}
    if source.publisher:
        work["publisher"] = {"@type": "Organization", "name": source.publisher}
    if source.published:
        work["datePublished"] = source.published.iso
    if source.url:
        work["url"] = source.url
    return work


def json_ld_script(item: Item, settings: LibrarySettings) -> str:
    """The `<script type="application/ld+json">` element; `<` is escaped so no text can close it."""
    text = json.dumps(item_json_ld(item, settings), ensure_ascii=False).replace("<", "\\u003c")
    return f'<script type="application/ld+json">{text}</script>'


# --- all files -----------------------------------------------------------------------------

ROBOTS_PATH = "robots.txt"


def robots_txt(settings: LibrarySettings) -> str:
    """Every page may be indexed; the sitemap's address when the copy knows its own."""
    sitemap = absolute_url(settings, "sitemap.xml")
    return "User-agent: *\nAllow: /\n" + (f"\nSitemap: {sitemap}\n" if sitemap else "")


def export_files(library: Library, settings: LibrarySettings, site_name: str) -> dict[str, str]:
    """Every generated data file as `{site path: text}`: the open data, the catalogue's
    index and robots.txt."""
    data = library_json(library, settings)
    return {
        ROBOTS_PATH: robots_txt(settings),
        CATALOGUE_DATA_PATH: json.dumps(catalogue_json(library), ensure_ascii=False, separators=(",", ":")),
        FORM_ITEMS_PATH: json.dumps(form_items(library), ensure_ascii=False, separators=(",", ":")),
        JSON_PATH: json.dumps(data, ensure_ascii=False, indent=1) + "\n",
        JSON_SCHEMA_PATH: json.dumps(library_json_schema(), ensure_ascii=False, indent=1) + "\n",
        CSV_PATH: library_csv(data["items"]),
        FEED_PATH: atom_feed(library, settings, site_name),
    }
