"""What a teacher reads about an item's age and origin is true: source date,
when it was written, whether anyone checked it, an honest status, and a notice
when the facts may be out of date. Also the licence and the open data's dates."""

from __future__ import annotations

import datetime
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from conftest import REPOSITORY_ROOT, TODAY, copy_repository, front_matter, mkdocs_build
from kirjasto.content import load_library
from kirjasto.content.freshness import Freshness, months_between, with_freshness
from kirjasto.content.problems import Problem, Severity, format_report
from kirjasto.content.settings import LibrarySettings, Repository, SettingsError, read_settings
from kirjasto.content.text import count_phrase
from kirjasto.site import plan_pages
from kirjasto.site.exports import export_files, item_json_ld
from kirjasto.site.pages.listing import STALE_NOTICE, listing_html
from kirjasto.site.parts import part_templates

PATH = "practices/kaytannot/tutorit.md"
DAY = datetime.date(2026, 11, 30)


def _item(library, **fields):
    library.write("kaytannot/tutorit.md", front_matter(**fields))
    loaded = library.load()
    assert [p.format() for p in loaded.problems if p.severity is Severity.ERROR] == []
    return loaded.library


def _page(library_model, settings=None, today=DAY) -> str:
    settings = settings or LibrarySettings(repository=Repository("kunta", "kirjasto"))
    judged = with_freshness(library_model, settings, today)
    pages = {page.src_uri: page for page in plan_pages(judged, settings)}
    return pages["kaytannot/tutorit.md"].with_html_parts()


# --- provenance on the page ---------------------------------------------------------


def test_page_tells_source_date_writing_date_and_no_check(library):
    model = _item(
        library,
        source='{title: "Tutortoiminta kunnassa", publisher: Kuntaliitto, published: 2017-01-24}',
        written="2026-11-24",
        updated="2026-11-30",
    )
    page = _page(model)
    assert "<dt>Lähde julkaistu</dt><dd>24.1.2017</dd>" in page
    assert "<dt>Kuvaus kirjoitettu</dt><dd>24.11.2026</dd>" in page
    assert "<dt>Tiedot tarkistettu</dt><dd>ei tarkistettu</dd>" in page
    assert "Tutortoiminta kunnassa, Kuntaliitto" in page


def test_year_only_source_is_shown_as_a_year(library):
    model = _item(library, source='{title: "Esittely", published: 2019}')
    assert "<dt>Lähde julkaistu</dt><dd>vuonna 2019</dd>" in _page(model)


def test_checked_date_is_shown_only_when_someone_checked(library):
    model = _item(library, checked="2026-10-01")
    assert "<dt>Tiedot tarkistettu</dt><dd>1.10.2026</dd>" in _page(model)


def test_missing_status_is_not_known_not_in_use(library):
    model = _item(library, status=None)
    assert model.items[0].status == "ei-tiedossa"
    assert "<dt>Tila</dt><dd>Tilanne ei tiedossa</dd>" in _page(model)


def test_the_librarys_own_items_never_claim_a_check_or_use(site):
    for page in site.glob("*/*/index.html"):
        text = page.read_text("utf-8")
        if 'class="kk-kortti"' not in text:
            continue
        assert "Lähde" in text and "Kuvaus kirjoitettu" in text and "Tiedot tarkistettu" in text, page
        assert "<dt>Tiedot tarkistettu</dt><dd>ei tarkistettu</dd>" in text, page
        assert "<dt>Tila</dt><dd>Käytössä</dd>" not in text, page


# --- freshness ---------------------------------------------------------------------


def test_item_checked_longer_ago_than_the_setting_shows_the_notice(library):
    model = _item(library, checked="2024-11-29")
    page = _page(model, today=DAY)
    assert STALE_NOTICE in page
    assert 'href="https://github.com/kunta/kirjasto/edit/main/practices/kaytannot/tutorit.md">Ehdota muutosta</a>' in page
    assert "Tiedot on tarkistettu viimeksi 29.11.2024." in page


def test_item_checked_within_the_setting_shows_no_notice(library):
    model = _item(library, checked="2024-12-01")
    assert STALE_NOTICE not in _page(model, today=DAY)


def test_the_setting_moves_the_limit(library):
    model = _item(library, checked="2026-05-01")
    six_months = LibrarySettings(repository=Repository("kunta", "kirjasto"), freshness_months=6)
    assert STALE_NOTICE in _page(model, settings=six_months, today=DAY)
    assert STALE_NOTICE not in _page(model, today=DAY)


def test_source_of_unknown_date_never_checked_is_stale(library):
    model = _item(library, source='{title: "Esittely ilman päivää"}')
    assert STALE_NOTICE in _page(model)


def test_listing_entry_carries_the_notice(library):
    model = _item(library, checked="2020-01-01")
    freshness = Freshness(today=DAY, repository=Repository("kunta", "kirjasto"))
    entry = listing_html(model.items, "kaytannot/index.md", freshness, templates=part_templates())
    assert STALE_NOTICE in entry and "Ehdota muutosta" in entry
    assert "Tarkistettu 1.1.2020" in entry


def test_months_between_counts_whole_months():
    assert months_between(datetime.date(2024, 11, 30), datetime.date(2026, 11, 30)) == 24
    assert months_between(datetime.date(2024, 12, 1), datetime.date(2026, 11, 30)) == 23
    assert months_between(datetime.date(2027, 1, 1), datetime.date(2026, 11, 30)) == 0


def test_freshness_setting_is_checked():
    with pytest.raises(SettingsError, match="freshness_months"):
        read_settings({"freshness_months": "kaksi vuotta"})
    assert read_settings({"freshness_months": 12}).freshness_months == 12


# --- the fields ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "source, message",
    [
        ('"Innokylä, 27.10.2017"', "Lähde kirjoitetaan kenttäryhmänä"),
        ("{publisher: Kuntaliitto}", "Lähteeltä puuttuu otsikko"),
        ("{title: X, published: 2099-01-01}", "on tulevaisuudessa"),
        ('{title: X, published: "2017"}', "ilman lainausmerkkejä"),
        ("{title: X, published: 1850}", "ei ole mahdollinen"),
        ('{title: X, url: "ftp://a.fi/"}', "ei kelpaa"),
        ("{title: X, author: Y}", "Tuntematon kenttä 'author'"),
    ],
)
def test_source_record_is_validated(library, source, message):
    library.write("kaytannot/tutorit.md", front_matter(source=source))
    problems = library.problems()
    assert any(p.startswith(f"{PATH}:") and message in p for p in problems), problems


def test_written_after_last_edit_is_refused(library):
    library.write("kaytannot/tutorit.md", front_matter(written="2026-11-20", updated="2026-11-01"))
    assert any("myöhempi kuin viimeinen muokkaus" in p for p in library.problems())


@pytest.mark.parametrize(
    "contact, ok",
    [
        ('[{role: Rehtori, organisation: Porin kaupunki, url: "https://www.pori.fi/"}]', True),
        ('[{role: Rehtori, organisation: Porin kaupunki, phone: "02 621 1100"}]', True),
        ('[{role: Rehtori, organisation: Porin kaupunki, phone: "soita vaihteeseen"}]', False),
        ('[{role: Rehtori, organisation: Porin kaupunki, url: "www.pori.fi"}]', False),
    ],
)
def test_contact_channels_are_validated(library, contact, ok):
    library.write("kaytannot/tutorit.md", front_matter(contacts=contact))
    errors = [p for p in library.load().problems if p.severity is Severity.ERROR]
    assert (errors == []) is ok, [p.format() for p in errors]


def test_mobile_number_in_a_contact_is_warned_about_but_a_switchboard_is_not(library):
    library.write(
        "kaytannot/tutorit.md", front_matter(contacts='[{role: Rehtori, organisation: Porin kaupunki, phone: "040 123 4567"}]')
    )
    assert any("puhelinnumerolta" in p for p in library.problems())
    library.write(
        "kaytannot/tutorit.md", front_matter(contacts='[{role: Rehtori, organisation: Porin kaupunki, phone: "02 621 1100"}]')
    )
    assert library.problems() == []


def test_contact_channels_are_links_on_the_page(library):
    model = _item(
        library, contacts='[{role: Rehtori, organisation: Porin kaupunki, url: "https://www.pori.fi/", phone: "02 621 1100"}]'
    )
    page = _page(model)
    assert '<a href="https://www.pori.fi/">www.pori.fi</a>' in page
    assert '<a href="tel:+35826211100">02 621 1100</a>' in page


# --- licence and open data -----------------------------------------------------------


def test_licence_is_in_json_feed_and_json_ld(library):
    model = _item(library, source="{title: Esittely, published: 2018}")
    settings = LibrarySettings(site_url="https://kunta.example/kirjasto/")
    files = export_files(model, settings, "Käytäntökirjasto")
    data = json.loads(files["data/kirjasto.json"])
    assert data["license"]["spdx"] == "CC-BY-4.0"
    schema = json.loads(files["data/kirjasto.schema.json"])
    assert "Lisenssi" in schema["properties"]["license"]["description"]
    assert "license" in schema["required"]
    feed = ET.fromstring(files["feed.xml"])
    atom = "{http://www.w3.org/2005/Atom}"
    assert "CC-BY-4.0" in feed.find(f"{atom}rights").text
    ld = item_json_ld(model.items[0], settings)
    assert ld["license"] == "https://creativecommons.org/licenses/by/4.0/deed.fi"
    assert ld["datePublished"] and ld["url"] == "https://kunta.example/kirjasto/kaytannot/tutorit/"
    assert ld["isBasedOn"]["datePublished"] == "2018"


def test_fork_chooses_its_licence_from_the_list():
    assert read_settings({"licence": "CC0-1.0"}).licence.spdx == "CC0-1.0"
    with pytest.raises(SettingsError, match=re.escape("CC-BY-4.0")):
        read_settings({"licence": "MIT"})


def test_feed_entry_ids_do_not_depend_on_the_address(library):
    model = _item(library)
    ids = []
    for site_url in ("", "https://a.example/", "https://b.example/kirjasto/"):
        feed = ET.fromstring(export_files(model, LibrarySettings(site_url=site_url), "K")["feed.xml"])
        ids.append(
            [entry.findtext("{http://www.w3.org/2005/Atom}id") for entry in feed.iter("{http://www.w3.org/2005/Atom}entry")]
        )
    assert ids[0] == ids[1] == ids[2] and ids[0][0].startswith("urn:uuid:")


def test_built_site_has_licence_footer_robots_and_own_sitemap_dates(tmp_path):
    # The sitemap lists addresses only when the copy knows its own (site_url).
    root = copy_repository(tmp_path / "repo")
    result = mkdocs_build(root, tmp_path / "site", SITE_URL="https://kunta.example/kirjasto/")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    home = (site / "index.html").read_text("utf-8")
    assert 'rel="license"' in home and "CC-BY-4.0" in home
    assert "Sitemap: https://kunta.example/kirjasto/sitemap.xml" in (site / "robots.txt").read_text("utf-8")
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    item = re.search(r"<loc>[^<]*kaytannot/satakunnan-tutoryhteistyo/</loc>\s*<lastmod>([^<]+)</lastmod>", sitemap)
    assert item and item.group(1) == "2026-11-30"
    assert (REPOSITORY_ROOT / "LICENSE").read_text("utf-8").startswith("MIT License")


# --- count forms -------------------------------------------------------------------------

COUNTS = (0, 1, 2, 5, 21, 1000, 10000)
PHRASES = [
    ("kuvaus", "kuvausta"),
    ("virhe", "virhettä"),
    ("varoitus", "varoitusta"),
    ("merkki", "merkkiä"),
    ("teema", "teemaa"),
    ("sivu", "sivua"),
    ("kuukausi", "kuukautta"),
]


@pytest.mark.parametrize("count", COUNTS)
@pytest.mark.parametrize("singular, plural", PHRASES)
def test_every_counted_phrase_is_right_for_every_number(count, singular, plural):
    expected_number = {1000: "1\u00a0000", 10000: "10\u00a0000"}.get(count, str(count))
    assert count_phrase(count, singular, plural) == f"{expected_number} {singular if count == 1 else plural}"


@pytest.mark.parametrize(
    "errors, warnings, summary",
    [
        (1, 0, "Kirjastossa on 1 virhe."),
        (0, 2, "Kirjastossa on 2 varoitusta."),
        (21, 1, "Kirjastossa on 21 virhettä ja 1 varoitus."),
    ],
)
def test_report_summary_names_only_what_occurs(errors, warnings, summary):
    problems = [Problem("a.md", 1, "title", "x")] * errors + [Problem("a.md", 1, "title", "y", Severity.WARNING)] * warnings
    assert format_report(problems).split("\n")[-1].startswith(summary)


# --- the command line in Finnish -------------------------------------------------------------


def test_command_line_help_and_errors_are_finnish():
    kirjasto = [sys.executable, "-m", "kirjasto.tools.cli"]
    help_text = subprocess.run([*kirjasto, "--help"], capture_output=True, text=True).stdout
    assert "käyttö:" in help_text and "usage:" not in help_text and "show this help" not in help_text
    error = subprocess.run([*kirjasto, "validate", "--ei-ole"], capture_output=True, text=True).stderr
    assert "virhe: tuntemattomia argumentteja: --ei-ole" in error and "error" not in error


def test_tarkista_lists_items_oldest_first(library, capsys):
    from kirjasto.tools.cli import main

    library.write("kaytannot/vanha.md", front_matter(checked="2020-01-01"))
    library.write("kaytannot/uusi.md", front_matter(title="Uusi tutorkäytäntö", checked="2026-11-01"))
    status = main(["tarkista", "--root", str(library.root)])
    out = capsys.readouterr().out.splitlines()
    lines = [line for line in out if line.startswith("practices/")]
    old, new = (months_between(datetime.date.fromisoformat(day), TODAY) for day in ("2020-01-01", "2026-11-01"))
    assert lines == [
        f"practices/kaytannot/vanha.md: {count_phrase(old, 'kuukausi', 'kuukautta')} (tarkistettu 1.1.2020) – huomautus näkyy",
        f"practices/kaytannot/uusi.md: {count_phrase(new, 'kuukausi', 'kuukautta')} (tarkistettu 1.11.2026)"
        + (" – huomautus näkyy" if new >= 24 else ""),
    ]
    assert f"Huomautus vanhentuneista tiedoista näkyy {1 + (new >= 24)}/2 kuvauksessa." in out
    assert status == 0


def test_about_page_states_the_copys_own_freshness_limit(library):
    from kirjasto.site import expand_markers

    text = (REPOSITORY_ROOT / "docs/tietoa.md").read_text("utf-8")
    model = library.load().library
    assert "vähintään 24 kuukautta sitten" in expand_markers(text, model, "tietoa.md", LibrarySettings())
    assert "vähintään 12 kuukautta sitten" in expand_markers(text, model, "tietoa.md", LibrarySettings(freshness_months=12))


def test_every_browse_page_is_in_the_menu(site):
    nav = (site / "index.html").read_text("utf-8")
    for address, label in (
        ("haku/", "Hae ja rajaa"),
        ("teemat/", "Teemat"),
        ("kunnat/", "Kunnat ja maakunnat"),
        ("asteet/", "Koulutusasteet"),
    ):
        assert re.search(
            rf'<a href="{address}" class="md-nav__link[^"]*">\s*<span class="md-ellipsis">\s*{label}\s*</span>', nav
        ), label


def test_every_item_of_the_library_names_a_public_channel():
    loaded = load_library(REPOSITORY_ROOT, today=TODAY)
    assert [item.slug for item in loaded.library.items if not any(c.has_channel for c in item.contacts)] == []


def test_a_contact_may_be_just_the_organisation_and_its_page(library):
    model = _item(library, contacts='[{organisation: Porin kaupunki, url: "https://www.pori.fi/"}]')
    assert (
        '<dt>Yhteystiedot</dt><dd><strong>Porin kaupunki</strong>: <a href="https://www.pori.fi/">www.pori.fi</a></dd>'
        in _page(model)
    )


def test_a_refused_build_ends_with_a_finnish_line(tmp_path):
    root = copy_repository(tmp_path / "repo")
    (root / "practices/kaytannot/kesken.md").write_text("---\ntitle: Kesken\n---\n", encoding="utf-8")
    result = mkdocs_build(root, tmp_path / "site")
    assert result.returncode == 1
    assert (
        result.stderr.strip().splitlines()[-1]
        == "Sivustoa ei rakennettu: korjaa yllä luetellut virheet ja rakenna sivusto uudelleen."
    )
