"""The "Tee oma vuosikello" page in a real browser: a school writes its rows, sees
the wheel the library would draw, and downloads an iCalendar file that parses and an
item file that `kirjasto validate` accepts as it is, all without a network."""

from __future__ import annotations

import icalendar
import pytest

from browser import new_page_on
from conftest import TODAY, LibraryFolder
from kirjasto.content.year_wheel import WheelRow
from kirjasto.site.pages.wheel import draw_wheel

ROWS = [(8, 8, "Laitteet kuntoon", "tekninen tuki"), (9, 10, "Osaamisen kartoitus", "digitiimi"), (11, 2, "Työpajat, kokeilut ja palaute", ""),
        (5, 6, 'Arviointi "kevät"', "koko ryhmä")]  # fmt: skip


@pytest.fixture
def wheel_page(browser, server):
    page = new_page_on(browser, TODAY)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    outside: list[str] = []
    page.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(server.origin)
            else (outside.append(route.request.url), route.abort())
        ),
    )
    page.goto(f"{server.origin}/oma-vuosikello/")
    page.wait_for_selector("#kk-vk-lomake:not([hidden])")
    yield page
    assert errors == [] and outside == []
    page.close()


def fill_wheel(page) -> None:
    page.fill("#kk-vk-nimi", "Digikehittämisen vuosikello, Kalliolan koulu")
    page.fill("#kk-vk-tiivistelma", "Koulun digikehittämisen toimet lukuvuoden ajalle. Vuosikello päivitetään keväisin.")
    page.select_option("#kk-vk-aste", "perusopetus")
    page.select_option("#kk-vk-teema", "koulun-kehittaminen")
    page.select_option("#kk-vk-kunta", "Kuopio")
    page.fill("#kk-vk-teksti", "Digitiimi kokoaa vuosikellon elokuussa ja käy sen läpi joka kuukausi.")
    for number, (first, last, title, role) in enumerate(ROWS, start=1):
        if number > 1:
            page.click("#kk-vk-lisaa")
        row = page.locator(".kk-vk-rivi-muokkaus").nth(number - 1)
        row.locator("[data-osa=first]").select_option(str(first))
        row.locator("[data-osa=last]").select_option(str(last))
        row.locator("[data-osa=title]").fill(title)
        row.locator("[data-osa=role]").fill(role)


def downloaded(page, button: str) -> tuple[str, str]:
    with page.expect_download() as info:
        page.click(button)
    download = info.value
    return download.suggested_filename, open(download.path(), encoding="utf-8").read()


def test_the_item_file_validates_unchanged(wheel_page, tmp_path):
    fill_wheel(wheel_page)
    name, text = downloaded(wheel_page, "#kk-vk-md")
    assert name == "digikehittamisen-vuosikello-kalliolan-koulu.md"
    library = LibraryFolder(tmp_path)
    (tmp_path / "practices/materiaalit" / name).write_text(text, encoding="utf-8")
    loaded = library.load()
    assert [p.format() for p in loaded.problems] == []
    rows = loaded.library.items[0].vuosikello
    assert [(r.first, r.last, r.title, r.role) for r in rows] == [(f, last, t, role or None) for f, last, t, role in ROWS]


def test_the_calendar_file_parses_and_repeats_yearly(wheel_page):
    fill_wheel(wheel_page)
    name, text = downloaded(wheel_page, "#kk-vk-ics")
    assert name.endswith(".ics")
    events = list(icalendar.Calendar.from_ical(text).walk("VEVENT"))
    assert len(events) == 1 + 2 + 4 + 2
    assert all(e.decoded("dtstart").day == 1 and e["rrule"]["FREQ"] == ["YEARLY"] for e in events)
    assert len({str(e["uid"]) for e in events}) == len(events)
    assert "Työpajat, kokeilut ja palaute" in {str(e["summary"]) for e in events}


def test_a_backwards_row_is_pointed_out_before_downloading(wheel_page):
    fill_wheel(wheel_page)
    row = wheel_page.locator(".kk-vk-rivi-muokkaus").nth(3)
    row.locator("[data-osa=first]").select_option("6")
    row.locator("[data-osa=last]").select_option("5")
    wheel_page.click("#kk-vk-md")
    assert "Rivi 4: loppukuukausi on ennen alkukuukautta" in wheel_page.text_content("#kk-vk-virheet")


def _numbers(path: str) -> list[float]:
    import re

    return [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", path)]


def test_the_browser_draws_the_wheel_as_the_build_does(wheel_page):
    rows = [{"first": f, "last": last, "title": t} for f, last, t, _ in ROWS] + [{"first": 9, "last": 9, "title": "X"}]
    drawn = wheel_page.evaluate("rows => import('../javascripts/vuosikello-piirto.js').then(m => m.drawWheel(rows))", rows)
    expected = draw_wheel(tuple(WheelRow(r["first"], r["last"], r["title"]) for r in rows))
    assert [a["lane"] for a in drawn["arcs"]] == [a.lane for a in expected.arcs]
    for ours, theirs in zip(drawn["arcs"] + drawn["sectors"], [*expected.arcs, *expected.sectors], strict=True):
        assert _numbers(ours["path"]) == pytest.approx(_numbers(theirs.path), abs=0.11)


@pytest.mark.parametrize(
    ("path", "part"),
    [
        ("materiaalit/kuopio-digitaalisen-kehittamisen-tyokalupaketti/", ".kk-vuosikello-osa"),
        ("verkostot/helsinki-asiantuntijaopettajat/", ".kk-tiimit"),
    ],
)
def test_the_wheel_and_the_teams_print_on_one_page(browser, server, path, part):
    page = browser.new_page()
    page.goto(f"{server.origin}/{path}")
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 720, "height": 1000})  # an A4 page's printable width in CSS pixels
    element = page.locator(part)
    assert element.evaluate("e => getComputedStyle(e).breakInside") == "avoid"
    assert element.bounding_box()["height"] < 1000, "fits on one printed page"
    page.close()
