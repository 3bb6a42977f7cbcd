"""The year wheel (vuosikello): rows of the school year as data, checked with
Finnish messages on their lines, and published as an iCalendar file."""

from __future__ import annotations

import pytest

from conftest import TODAY, VALID_FRONT_MATTER

WHEEL = """\
vuosikello:
  - months: 8
    title: Lukuvuoden digisuunnitelma
    role: rehtori
  - months: marraskuu-helmikuu
    title: Tutoropettajien työpajat
    description: Kerran kuukaudessa.
  - months: 5-6
    title: Kevään arviointi
"""


def test_a_wheel_is_read_in_school_year_order(library):
    library.write("materiaalit/vuosikello.md", VALID_FRONT_MATTER + WHEEL)
    loaded = library.load()
    assert [p.format() for p in loaded.problems] == []
    rows = loaded.library.items[0].vuosikello
    assert [(row.first, row.last, row.title, row.role) for row in rows] == [
        (8, 8, "Lukuvuoden digisuunnitelma", "rehtori"),
        (11, 2, "Tutoropettajien työpajat", None),
        (5, 6, "Kevään arviointi", None),
    ]
    assert rows[1].months == (11, 12, 1, 2) and rows[1].label == "marraskuu–helmikuu"


@pytest.mark.parametrize(
    ("rows", "line", "field", "message"),
    [
        ("  - months: 13\n    title: X\n", 10, "vuosikello[1].months", "'13' ei ole kuukausi. Anna kuukausi numerona 1–12"),
        ("  - months: 5-9\n    title: X\n", 10, "vuosikello[1].months", "Jakso 5-9 kulkee taaksepäin: lukuvuosi alkaa elokuusta"),
        ("  - months: kesä-elo\n    title: X\n", 10, "vuosikello[1].months", "kulkee taaksepäin"),
        ("  - months: joulu\n", 10, "vuosikello[1].title", "Pakollinen kenttä 'title' puuttuu."),
        ("  - months: 9\n    title: X\n    vastuu: rehtori\n", 12, "vuosikello[1].vastuu", "Tuntematon kenttä 'vastuu'"),
        ("  - months: [9, 10]\n    title: X\n", 10, "vuosikello[1].months", "Kuukausi puuttuu tai on väärää muotoa"),
    ],
)
def test_bad_rows_are_refused_on_their_line(library, rows, line, field, message):
    library.write("materiaalit/vuosikello.md", VALID_FRONT_MATTER + "vuosikello:\n" + rows)
    problems = library.problems()
    assert any(p.startswith(f"practices/materiaalit/vuosikello.md:{line}: {field}: ") and message in p for p in problems), (
        problems
    )


def test_a_wheel_of_more_than_sixty_rows_is_refused(library):
    rows = "".join(f"  - months: {1 + n % 12}\n    title: Rivi {n}\n" for n in range(61))
    library.write("materiaalit/vuosikello.md", VALID_FRONT_MATTER + "vuosikello:\n" + rows)
    problems = library.problems()
    assert any(":9: vuosikello: Vuosikellossa on 61 riviä; kehälle mahtuu luettavasti enintään 60." in p for p in problems), (
        problems
    )


def test_the_wheel_is_an_icalendar_file_that_repeats_every_year(library):
    import datetime

    import icalendar

    from kirjasto.content.settings import LibrarySettings
    from kirjasto.site.exports import calendar_path, export_files

    library.write("materiaalit/vuosikello.md", VALID_FRONT_MATTER + WHEEL)
    loaded = library.load().library
    files = export_files(loaded, LibrarySettings(), "Testi")
    item = loaded.items[0]
    calendar = icalendar.Calendar.from_ical(files[calendar_path(item)])
    events = list(calendar.walk("VEVENT"))
    # One event per month a row covers: August, Nov-Feb (4), May-June (2).
    assert len(events) == 7
    starts = sorted(event.decoded("dtstart") for event in events)
    year = TODAY.year if TODAY.month >= 8 else TODAY.year - 1  # the school year "today" is in
    assert starts[0] == datetime.date(year, 8, 1) and starts[-1] == datetime.date(year + 1, 6, 1)
    assert all(
        event.decoded("dtstart").day == 1 and not isinstance(event.decoded("dtstart"), datetime.datetime) for event in events
    )
    assert all(event["rrule"]["FREQ"] == ["YEARLY"] for event in events)
    assert len({str(event["uid"]) for event in events}) == 7
    august = next(e for e in events if e.decoded("dtstart").month == 8)
    assert str(august["summary"]) == "Lukuvuoden digisuunnitelma" and "Vastuu: rehtori." in str(august["description"])
    # The same library gives the same UIDs in another build.
    again = icalendar.Calendar.from_ical(export_files(loaded, LibrarySettings(), "Testi")[calendar_path(item)])
    assert {str(e["uid"]) for e in again.walk("VEVENT")} == {str(e["uid"]) for e in events}


def test_the_item_page_shows_the_wheel_its_table_and_the_calendar_link(library):
    from kirjasto.site import plan_pages

    library.write("materiaalit/vuosikello.md", VALID_FRONT_MATTER + WHEEL + 'vuosikello_selite: "Toimituksen esimerkki."\n')
    page = plan_pages(library.load().library)[0].with_html_parts()
    assert "## Vuosikello kalenterina" in page
    assert page.count('class="kk-vk-rivi') == 3 and page.count("<tr><td>") == 3
    assert "<td>2</td><td>marraskuu–helmikuu</td><td>Tutoropettajien työpajat</td><td></td><td>Kerran kuukaudessa.</td>" in page
    assert '<a href="../../vuosikellot/vuosikello.ics" download>Lisää kalenteriin</a>' in page
    assert "Toimituksen esimerkki. Vuosikello lukuvuoden järjestyksessä." in page
    assert 'role="img" aria-labelledby="kk-vk-otsikko kk-vk-kuvaus"' in page


def test_rows_that_share_a_month_never_share_a_lane():
    from kirjasto.content.year_wheel import WheelRow
    from kirjasto.site.pages.wheel import draw_wheel

    rows = (WheelRow(8, 10, "A"), WheelRow(9, 9, "B"), WheelRow(11, 2, "C"), WheelRow(10, 12, "D"))
    arcs = draw_wheel(rows).arcs
    lanes = {arc.row.title: arc.lane for arc in arcs}
    assert lanes["A"] != lanes["B"] and lanes["A"] != lanes["D"] and lanes["C"] != lanes["D"]
    assert [arc.number for arc in arcs] == [1, 2, 3, 4]


def test_the_built_example_wheel_imports_into_a_calendar(site):
    import icalendar

    page = (site / "materiaalit/kuopio-digitaalisen-kehittamisen-tyokalupaketti/index.html").read_text("utf-8")
    assert "Kirjaston toimituksen esimerkki, ei Kuopion työkalupaketin omaa sisältöä." in page
    assert 'href="../../vuosikellot/kuopio-digitaalisen-kehittamisen-tyokalupaketti.ics"' in page
    calendar = icalendar.Calendar.from_ical(
        (site / "vuosikellot/kuopio-digitaalisen-kehittamisen-tyokalupaketti.ics").read_bytes()
    )
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 11  # August, then five two-month rows
    assert {str(event["summary"]) for event in events} >= {
        "Henkilöstön osaamisen kartoitus",
        "Arviointi ja seuraavan vuosikellon luonnos",
    }


def test_open_data_carries_the_wheel_in_json_and_in_its_own_csv(library):
    import csv
    import io
    import json

    from kirjasto.content.settings import LibrarySettings
    from kirjasto.site.exports import JSON_PATH, WHEEL_CSV_PATH, export_files

    library.write("materiaalit/vuosikello.md", VALID_FRONT_MATTER + WHEEL)
    files = export_files(library.load().library, LibrarySettings(), "Testi")
    record = json.loads(files[JSON_PATH])["items"][0]
    assert record["vuosikello"][1] == {
        "first": 11, "last": 2, "months": [11, 12, 1, 2], "label": "marraskuu–helmikuu",
        "title": "Tutoropettajien työpajat", "role": None, "description": "Kerran kuukaudessa.",
    }  # fmt: skip
    rows = list(csv.DictReader(io.StringIO(files[WHEEL_CSV_PATH].lstrip("\ufeff"))))
    assert [(r["rivi"], r["ajankohta"], r["mitä"], r["kuka vastaa"]) for r in rows] == [
        ("1", "elokuu", "Lukuvuoden digisuunnitelma", "rehtori"),
        ("2", "marraskuu–helmikuu", "Tutoropettajien työpajat", ""),
        ("3", "toukokuu–kesäkuu", "Kevään arviointi", ""),
    ]


def test_the_wheels_rows_are_found_by_search(library):
    from kirjasto.site.search import build_search_index, item_documents, term_postings

    library.write("materiaalit/vuosikello.md", VALID_FRONT_MATTER + WHEEL)
    files = build_search_index(item_documents(library.load().library))
    assert list(term_postings(files, "työpajat")) == [0]
    assert list(term_postings(files, "digisuunnitelma")) == [0]
