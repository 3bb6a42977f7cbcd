"""A fork, as the guide 'Oman kopion julkaiseminen' describes it: its own config
inheriting mkdocs.yml, scoped to Satakunta, its own name, publisher and one own
practice. Only that region's items plus national ones are published, everywhere."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from conftest import copy_repository, front_matter, mkdocs_build
from site_html import html_files

FORK_CONFIG = """\
INHERIT: mkdocs.yml
site_name: Satakunnan käytäntökirjasto
site_url: https://example.github.io/kaytannot/
theme:
  palette:
    primary: blue grey
    accent: indigo
extra:
  kirjasto:
    scope:
      regions: [Satakunta]
      include_national: true
    publisher:
      name: Porin kaupunki, sivistyspalvelut
      contact: https://www.pori.fi/
      feedback: opetus@pori.fi
    repository:
      owner: porinkaupunki
      name: kaytantokirjasto
      branch: main
"""
OWN_PRACTICE = "practices/kaytannot/oma-pori-tutorkahvila.md"
# The region's items and the national ones (the memo, also in its Swedish translation).
EXPECTED = {
    "satakunnan-tutoryhteistyo",
    "tutoropettajuuden-hyvat-kaytannot-muistio",
    "promemoria-om-god-praxis-i-tutorlararverksamheten",
    "oma-pori-tutorkahvila",
}
ATOM = "{http://www.w3.org/2005/Atom}"


def digest(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in root.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }


@pytest.fixture(scope="module")
def fork(tmp_path_factory):
    root = copy_repository(tmp_path_factory.mktemp("fork") / "repo", both_languages=True)
    upstream_files = digest(root)
    (root / "satakunta.yml").write_text(FORK_CONFIG, encoding="utf-8")
    (root / OWN_PRACTICE).write_text(
        "---\n"
        + front_matter(title="Tutorkahvila porilaisopettajille", municipalities="[Pori]")
        + "---\n\n## Tavoitteet\n\nOpettajat tapaavat tutorit kahvin äärellä joka perjantai.\n\n"
        # The documented way to link another item, here one the fork does not publish.
        + "Mallia otettiin [Helsingin asiantuntijaopettajista](../verkostot/helsinki-asiantuntijaopettajat.md) ja "
        + "[Satakunnan tutoryhteistyöstä](satakunnan-tutoryhteistyo.md). Katso myös "
        + "[tiimit](../verkostot/helsinki-asiantuntijaopettajat.md#<tiimit>&x) ja "
        + "[mentorit](../verkostot/helsinki-asiantuntijaopettajat.md#tutorit&amp;mentorit).\n",
        encoding="utf-8",
    )
    site = root / "site"
    result = mkdocs_build(root, site, "satakunta.yml")
    assert result.returncode == 0, result.stderr
    return root, site, upstream_files


def published_items(site: Path) -> set[str]:
    return {p.parent.name for folder in ("kaytannot", "verkostot", "materiaalit") for p in (site / folder).glob("*/index.html")}


def test_only_in_scope_item_pages_exist(fork):
    _, site, _ = fork
    assert published_items(site) == EXPECTED


def test_index_pages_hold_only_the_scope(fork):
    _, site, _ = fork
    assert (site / "maakunnat/satakunta/index.html").is_file()
    assert not (site / "maakunnat/uusimaa").exists()
    assert not (site / "kunnat/helsinki").exists()
    assert (site / "kunnat/pori/index.html").is_file()
    municipalities = (site / "kunnat/index.html").read_text("utf-8")
    assert "Helsinki" not in municipalities and "Pori" in municipalities
    front = (site / "index.html").read_text("utf-8")
    assert "Kirjastossa on nyt <strong>4 kuvausta</strong>" in front
    theme = (site / "teemat/tutoropettajatoiminta/index.html").read_text("utf-8")
    assert "Helsingin" not in theme


def test_search_index_holds_only_the_scope(fork):
    _, site, _ = fork
    locations = {row[0] for chunk in (site / "haku-indeksi").glob("d-*.json") for row in json.loads(chunk.read_text("utf-8"))}
    assert not any("helsinki" in location or "hameenlinna" in location or "kuopio" in location for location in locations)
    assert "kaytannot/oma-pori-tutorkahvila/" in locations


def test_exports_and_feed_hold_only_the_scope(fork):
    _, site, _ = fork
    data = json.loads((site / "data/kirjasto.json").read_text("utf-8"))
    assert {item["slug"] for item in data["items"]} == EXPECTED and data["count"] == 4
    assert data["scope"] == {"municipalities": [], "regions": ["Satakunta"], "include_national": True}
    rows = list(csv.DictReader(io.StringIO((site / "data/kirjasto.csv").read_text("utf-8-sig"))))
    assert {row["tunniste"] for row in rows} == EXPECTED
    feed = ElementTree.parse(site / "feed.xml").getroot()
    links = {entry.find(f"{ATOM}link").get("href") for entry in feed.findall(f"{ATOM}entry")}
    assert links == {
        f"https://example.github.io/kaytannot/{p}"
        for p in (
            "kaytannot/satakunnan-tutoryhteistyo/",
            "materiaalit/tutoropettajuuden-hyvat-kaytannot-muistio/",
            "materiaalit/promemoria-om-god-praxis-i-tutorlararverksamheten/",
            "kaytannot/oma-pori-tutorkahvila/",
        )
    }


def test_site_name_publisher_and_repository_appear(fork):
    _, site, _ = fork
    page = (site / "kaytannot/oma-pori-tutorkahvila/index.html").read_text("utf-8")
    assert "<title>Tutorkahvila porilaisopettajille - Satakunnan käytäntökirjasto</title>" in page
    assert "Julkaisija:" in page and '<a href="https://www.pori.fi/">Porin kaupunki, sivistyspalvelut</a>' in page
    assert '<a href="mailto:opetus@pori.fi">Palaute</a>' in page
    assert "https://github.com/porinkaupunki/kaytantokirjasto/edit/main/practices/kaytannot/oma-pori-tutorkahvila.md" in page
    form = (site / "ehdota/index.html").read_text("utf-8")
    assert "https://github.com/porinkaupunki/kaytantokirjasto/new/main" in form
    assert 'data-md-color-primary="blue-grey"' in page


def test_names_of_out_of_scope_items_are_published_only_as_salted_hashes(fork):
    _, site, _ = fork
    text = (site / "data/lomake.json").read_text("utf-8")
    assert "helsinki" not in text.lower(), "nothing readable about items the fork leaves out"
    data = json.loads(text)
    hidden = data["hidden"]
    digest = hashlib.sha256((hidden["salt"] + "helsinki-asiantuntijaopettajat").encode()).hexdigest()[: hidden["length"]]
    assert digest in hidden["hashes"]
    assert "satakunnan-tutoryhteistyo" in data["taken"]


def test_form_refuses_a_name_taken_by_an_out_of_scope_item(fork, browser):
    """The browser hashes the chosen name the same way (crypto.subtle) and refuses it."""
    from browser import StaticServer, new_page_on
    from conftest import TODAY

    _, site, _ = fork
    with StaticServer(site) as server:
        page = new_page_on(browser, TODAY)
        page.goto(f"{server.origin}/ehdota/")
        page.wait_for_selector("#kk-lomake[data-valmis]")
        page.check("input[name=kind][value=network]")
        page.fill("#kk-title", "Helsingin asiantuntijaopettajat")
        page.fill("#kk-slug", "helsinki-asiantuntijaopettajat")
        page.click("#kk-lomake button[type=submit]")
        page.wait_for_selector("#kk-slug-virhe:not([hidden])")
        assert "on jo kuvaus nimellä helsinki-asiantuntijaopettajat" in page.text_content("#kk-slug-virhe")
        page.close()


def test_a_link_to_an_item_outside_the_scope_is_plain_text_with_a_note(fork):
    _, site, _ = fork
    page = (site / "kaytannot/oma-pori-tutorkahvila/index.html").read_text("utf-8")
    assert 'Helsingin asiantuntijaopettajista <span class="kk-ei-julkaistu">(kuvaus ei ole tässä kirjastossa)</span>' in page
    assert "helsinki-asiantuntijaopettajat" not in page
    assert 'tiimit <span class="kk-ei-julkaistu">(kuvaus ei ole tässä kirjastossa)</span>' in page
    assert 'mentorit <span class="kk-ei-julkaistu">(kuvaus ei ole tässä kirjastossa)</span>' in page
    assert '<a href="../../kaytannot/satakunnan-tutoryhteistyo/">Satakunnan tutoryhteistyöstä</a>' in page


def test_upstream_files_are_not_modified(fork):
    root, _, upstream_files = fork
    after = {path: value for path, value in digest(root).items() if not path.startswith("site/")}
    assert {path: after.get(path) for path in upstream_files} == upstream_files
    # The Swedish side's configuration over the fork's own (ignored by Git: .gitignore).
    assert set(after) - set(upstream_files) == {"satakunta.yml", OWN_PRACTICE, ".kirjasto-kieli-satakunta-sv.yml"}


def test_the_forks_swedish_side_keeps_its_scope_and_publisher(fork):
    _, site, _ = fork
    items = {p.relative_to(site).as_posix() for p in site.glob("*/*/index.html") if p.parts[-3] in ("kaytannot", "verkostot")}
    swedish = {p.relative_to(site / "sv").as_posix() for p in (site / "sv").glob("*/*/index.html")}
    assert items and items <= swedish
    assert not any(page.startswith("kaytannot/hameenlinna") for page in swedish), "outside the fork's scope"


def test_no_upstream_item_uses_the_forks_prefix():
    from conftest import REPOSITORY_ROOT

    assert not list((REPOSITORY_ROOT / "practices").glob("*/oma-*.md")), "oma- is reserved for forks (docs/oma-kopio.md)"


def test_unknown_scope_name_fails_the_build_in_finnish(tmp_path):
    root = copy_repository(tmp_path / "repo")
    (root / "satakunta.yml").write_text(FORK_CONFIG.replace("regions: [Satakunta]", "regions: [Satakuta]"), encoding="utf-8")
    result = mkdocs_build(root, tmp_path / "site", "satakunta.yml")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "extra.kirjasto.scope.regions: tuntematon maakunta 'Satakuta'. Tarkoititko 'Satakunta'?" in result.stderr


def test_every_page_links_the_feed(fork):
    _, site, _ = fork
    for html in html_files(site):
        assert re.search(
            r'<link rel="alternate" type="application/atom\+xml"[^>]*href="[^"]*feed\.xml"', html.read_text("utf-8")
        ), html
