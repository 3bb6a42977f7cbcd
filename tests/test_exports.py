"""Open data as a program reads it: JSON valid against its published schema, a
CSV that round-trips, a valid Atom feed and parseable JSON-LD."""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
import xml.etree.ElementTree as ElementTree

import jsonschema

from conftest import REPOSITORY_ROOT
from kirjasto.content import load_library
from kirjasto.site.exports import CSV_COLUMNS, FEED_SIZE

ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


def test_json_is_valid_against_its_published_schema(site):
    data = json.loads((site / "data/kirjasto.json").read_text("utf-8"))
    schema = json.loads((site / "data/kirjasto.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    assert [error.message for error in validator.iter_errors(data)] == []
    library = load_library(REPOSITORY_ROOT).library
    assert data["count"] == len(library.items) == len(data["items"])
    record = next(item for item in data["items"] if item["slug"] == "hameenlinna-konsultoivien-verkosto")
    assert record["municipalities"] == [
        {"code": "109", "name": "Hämeenlinna", "region_code": "MK05", "region_name": "Kanta-Häme"}
    ]
    assert record["url"] == "verkostot/hameenlinna-konsultoivien-verkosto/"
    assert {"slug": "oppimisen-tuki", "name": "Oppimisen tuki ja konsultaatio"} in record["themes"]
    assert len(data["vocabularies"]["municipalities"]) == 308 and len(data["vocabularies"]["regions"]) == 19


def test_schema_refuses_a_broken_record(site):
    data = json.loads((site / "data/kirjasto.json").read_text("utf-8"))
    schema = json.loads((site / "data/kirjasto.schema.json").read_text("utf-8"))
    data["items"][0]["municipalities"] = [{"code": "Hämeenlinna"}]
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(data))


def test_csv_round_trips(site):
    raw = (site / "data/kirjasto.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "BOM for Excel"
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    data = json.loads((site / "data/kirjasto.json").read_text("utf-8"))
    assert [list(row) for row in rows[:1]] == [[name for name, _ in CSV_COLUMNS]]
    assert [[row[name] for name, _ in CSV_COLUMNS] for row in rows] == [
        [value(record) for _, value in CSV_COLUMNS] for record in data["items"]
    ]
    satakunta = next(row for row in rows if row["tunniste"] == "helsinki-kehittajaopettajaverkostot")
    assert "; " in satakunta["koulutusasteet"]


def test_feed_is_valid_atom(site):
    root = ElementTree.parse(site / "feed.xml").getroot()
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated", "author"):
        assert root.find(f"{ATOM}{required}") is not None, required
    assert RFC3339.match(root.find(f"{ATOM}updated").text)
    entries = root.findall(f"{ATOM}entry")
    library = load_library(REPOSITORY_ROOT).library
    assert len(entries) == min(len(library.items), FEED_SIZE)
    ids = [entry.find(f"{ATOM}id").text for entry in entries]
    assert len(set(ids)) == len(ids) and all(re.match(r"^(urn:uuid:|https?://)", i) for i in ids)
    for entry in entries:
        assert entry.find(f"{ATOM}title").text and entry.find(f"{ATOM}summary").text
        assert RFC3339.match(entry.find(f"{ATOM}updated").text)
        href = entry.find(f"{ATOM}link").get("href")
        assert (site / href / "index.html").is_file(), href
    dates = [entry.find(f"{ATOM}updated").text for entry in entries]
    assert dates == sorted(dates, reverse=True), "newest first"


def test_item_pages_carry_parseable_json_ld(site):
    html = (site / "verkostot/hameenlinna-konsultoivien-verkosto/index.html").read_text("utf-8")
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    assert len(scripts) == 1
    data = json.loads(scripts[0])
    assert data["@context"] == "https://schema.org" and "LearningResource" in data["@type"]
    assert data["name"].startswith("Hämeenlinnan konsultoivien")
    assert {"@type": "AdministrativeArea", "name": "Hämeenlinna", "identifier": "109"} in data["spatialCoverage"]
    assert "Perusopetus" in data["educationalLevel"]
    assert datetime.date.fromisoformat(data["dateModified"])
    assert data["publisher"]["name"] == "Käytäntökirjaston toimitus"
    assert any(term["termCode"] == "oppimisen-tuki" for term in data["about"])


def test_the_paths_a_large_build_reserves_are_the_data_files_it_writes():
    """A build of 200 or more items gives MkDocs empty stand-ins (`export_paths`) and
    writes the data files later: both lists must name the same files."""
    from kirjasto.content import LibrarySettings
    from kirjasto.site import export_files, export_paths
    from kirjasto.site.pages.plan import judged

    library = judged(load_library(REPOSITORY_ROOT).library)
    assert list(export_paths(library)) == list(export_files(library, LibrarySettings(), "Käytäntökirjasto"))
