"""The submission form in a real browser (Playwright driving Debian's Chromium):
what it writes is accepted by `kirjasto validate` and by the build, unchanged."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import frontmatter
import pytest
from playwright.sync_api import expect

from browser import new_page_on
from conftest import REPOSITORY_ROOT, TODAY, LibraryFolder, copy_repository, mkdocs_build

FORM_PAGE = "ehdota/"
NEW_FILE_URL = "https://github.com/kaytantokirjasto/kaytantokirjasto/new/main"


@pytest.fixture
def form(browser, server):
    page = new_page_on(browser, TODAY)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{server.origin}/{FORM_PAGE}")
    page.wait_for_selector("#kk-lomake[data-valmis]")
    yield page
    assert errors == [], "no script errors"
    page.close()


def pick(page, name: str, value: str) -> None:
    """Type into a search-as-you-type field and add with the keyboard (Enter)."""
    page.fill(f"#kk-{name}", value)
    page.press(f"#kk-{name}", "Enter")


def fill(
    page, kind: str, title: str, *, municipality: str | None = None, region: str | None = None, status: str | None = "kaytossa"
) -> None:
    page.check(f"input[name=kind][value={kind}]")
    page.fill("#kk-title", title)
    page.fill("#kk-summary", f"{title} kokoaa opettajat yhteen. Toiminta on vakiintunut osaksi arkea.")
    if municipality:
        pick(page, "municipalities", municipality)
    if region:
        page.check(f"input[name=regions][value='{region}']")
    page.check("input[name=levels][value=perusopetus]")
    page.check("input[name=themes][value=tutoropettajatoiminta]")
    page.check("input[name=themes][value=digitaalinen-pedagogiikka]")
    if status:
        page.check(f"input[name=status][value={status}]")
    page.fill("#kk-started", "2019")
    page.fill("#kk-organisations", "Porin kaupunki\nSatakunnan tutorverkosto")
    page.check("input[name=audience][value=tutoropettajat]")
    page.click("[data-lisaa-ryhma=contacts]")
    page.fill("#kk-contacts .kk-ryhma [data-osa=role]", "Tutortoiminnan koordinaattori")
    page.fill("#kk-contacts .kk-ryhma [data-osa=organisation]", "Porin kaupunki, perusopetus")
    page.fill("#kk-contacts .kk-ryhma [data-osa=name]", "Tutortiimi")
    page.fill("#kk-contacts .kk-ryhma [data-osa=email]", "opetus@pori.fi")
    page.click("[data-lisaa-ryhma=links]")
    page.fill("#kk-links .kk-ryhma [data-osa=title]", "Porin kaupunki")
    page.fill("#kk-links .kk-ryhma [data-osa=url]", "https://www.pori.fi/")
    pick(page, "related", "satakunnan-tutoryhteistyo")
    body = page.input_value("#kk-body")
    own_words = "\n".join(
        line if not line or line.startswith("## ") else "Kuvaamme tässä omin sanoin, miten toimimme." for line in body.split("\n")
    )
    page.fill("#kk-body", own_words + '\nLisäksi "lainausmerkit", kaksoispiste: ja `koodi` toimivat.\n')


def generate(page) -> tuple[str, str]:
    page.click("#kk-lomake button[type=submit]")
    page.wait_for_selector("#kk-tulos:not([hidden])")
    return page.text_content("#kk-polku"), page.text_content("#kk-sisalto")


CASES = [
    ("practice", "Tutoropettajat Porin kouluissa", {"municipality": "Pori"}),
    ("network", "Satakunnan digitutorien verkosto", {"region": "Satakunta"}),
    ("material", "Tutoropettajan vuosikello -pohja", {"status": None}),
]


@pytest.mark.parametrize(("kind", "title", "options"), CASES, ids=[c[0] for c in CASES])
def test_form_output_validates_unchanged(form, tmp_path, kind, title, options):
    fill(form, kind, title, **options)
    path, content = generate(form)
    folder = {"practice": "kaytannot", "network": "verkostot", "material": "materiaalit"}[kind]
    assert path.startswith(f"practices/{folder}/") and path.endswith(".md")
    library = LibraryFolder(tmp_path)
    for existing in (REPOSITORY_ROOT / "practices").glob("*/*.md"):
        shutil.copy(existing, tmp_path / "practices" / existing.parent.name / existing.name)
    (tmp_path / path).write_text(content, encoding="utf-8")
    document = frontmatter.loads(content)
    assert document["title"] == title and document.content.startswith("##")
    loaded = library.load()
    assert [p.format() for p in loaded.problems] == []
    item = loaded.library.by_slug[Path(path).stem]
    assert item.title == title and item.kind.folder == folder
    assert (item.contacts[0].name, item.contacts[0].email) == ("Tutortiimi", "opetus@pori.fi")
    assert item.related == ("satakunnan-tutoryhteistyo",)


def test_form_output_builds(form, tmp_path):
    fill(form, "practice", "Tutoropettajat Porin kouluissa", municipality="Pori")
    path, content = generate(form)
    root = copy_repository(tmp_path / "repo")
    (root / path).write_text(content, encoding="utf-8")
    result = mkdocs_build(root, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site/kaytannot/tutoropettajat-porin-kouluissa/index.html").is_file()


def test_missing_required_field_is_refused_with_a_visible_message(form):
    fill(form, "practice", "", municipality="Pori")
    form.click("#kk-lomake button[type=submit]")
    summary = form.locator("#kk-virheet")
    assert summary.is_visible()
    assert "Kirjoita otsikko." in summary.text_content()
    assert form.locator("#kk-title-virhe").is_visible()
    assert form.get_attribute("#kk-title", "aria-invalid") == "true"
    assert form.locator("#kk-tulos").is_hidden()
    assert form.evaluate("document.activeElement.id") == "kk-virheet", "focus moves to the summary"


def test_placeholder_questions_must_be_replaced(form):
    fill(form, "practice", "Tutoropettajat Porin kouluissa", municipality="Pori")
    form.fill("#kk-body", "## Tavoitteet\n\nMihin tarpeeseen käytäntö syntyi ja mitä sillä tavoitellaan?\n")
    form.click("#kk-lomake button[type=submit]")
    assert "Korvaa apukysymykset omalla tekstilläsi" in form.text_content("#kk-body-virhe")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("![Kuva](https://example.com/kuva.png)", "Kuvia ei voi lisätä tekstiin"),
        ("Kappale.\n{: .md-button }", "Tekstissä on muotoilumääre"),
        ("<b>lihava</b>", "Tekstissä on HTML-koodia"),
    ],
)
def test_what_validation_would_refuse_is_pointed_out_before_sending(form, line, message):
    fill(form, "practice", "Tutoropettajat Porin kouluissa", municipality="Pori")
    form.fill("#kk-body", f"## Tavoitteet\n\n{line}\n")
    form.click("#kk-lomake button[type=submit]")
    expect(form.locator("#kk-body-virhe")).to_contain_text(message)


def test_unknown_municipality_is_refused(form):
    pick(form, "municipalities", "Hämenlinna")
    assert "Tuntematon kunta 'Hämenlinna'" in form.text_content("#kk-municipalities-virhe")
    assert form.locator("#kk-municipalities-valitut li").count() == 0


def test_github_link_carries_the_exact_file(form):
    fill(form, "practice", "Tutoropettajat Porin kouluissa", municipality="Pori")
    path, content = generate(form)
    href = form.get_attribute("#kk-github", "href")
    url = urlsplit(href)
    assert f"{url.scheme}://{url.netloc}{url.path}" == NEW_FILE_URL
    query = parse_qs(url.query, keep_blank_values=True)
    assert query["filename"] == [path]
    assert query["value"] == [content]


def test_what_github_receives_validates_unchanged(form, tmp_path):
    """The 'done when' of the form: a real practice, the GitHub button, and the content passes."""
    fill(form, "practice", "Konsultoivat opettajat Hämeenlinnan kouluissa", municipality="Hämeenlinna")
    generate(form)
    query = parse_qs(urlsplit(form.get_attribute("#kk-github", "href")).query)
    library = LibraryFolder(tmp_path)
    for existing in (REPOSITORY_ROOT / "practices").glob("*/*.md"):
        shutil.copy(existing, tmp_path / "practices" / existing.parent.name / existing.name)
    (tmp_path / query["filename"][0]).write_text(query["value"][0], encoding="utf-8")
    assert library.problems() == []


def test_long_file_falls_back_to_copy_and_paste(form):
    fill(form, "practice", "Tutoropettajat Porin kouluissa", municipality="Pori")
    form.fill("#kk-body", "## Tavoitteet\n\n" + "Pitkä kuvaus opettajien yhteistyöstä. " * 300)
    generate(form)
    query = parse_qs(urlsplit(form.get_attribute("#kk-github", "href")).query)
    assert "value" not in query and query["filename"]
    assert form.locator("#kk-pitka").is_visible()


def test_copy_button_puts_the_file_on_the_clipboard(browser, server):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = new_page_on(context, TODAY)
    page.goto(f"{server.origin}/{FORM_PAGE}")
    page.wait_for_selector("#kk-lomake[data-valmis]")
    fill(page, "material", "Tutoropettajan vuosikello -pohja", status=None)
    _, content = generate(page)
    page.click("#kk-kopioi")
    expect(page.locator("#kk-tila")).to_contain_text("kopioitiin")
    assert page.evaluate("navigator.clipboard.readText()") == content
    context.close()


def test_download_button_saves_the_file(form):
    fill(form, "material", "Tutoropettajan vuosikello -pohja", status=None)
    path, content = generate(form)
    with form.expect_download() as download_info:
        form.click("#kk-lataa")
    download = download_info.value
    assert download.suggested_filename == Path(path).name
    assert Path(download.path()).read_text("utf-8") == content


def test_without_javascript_the_page_explains_other_ways(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server.origin}/{FORM_PAGE}")
    assert page.locator("#kk-lomake").is_hidden()
    note = page.locator(".kk-ilman-js")
    assert note.is_visible() and "Näin lisäät kuvauksen" in note.text_content()
    context.close()


def test_every_field_has_a_label_and_the_form_works_by_keyboard(form):
    unlabeled = form.evaluate("""() => Array.from(document.querySelectorAll('#kk-lomake input:not([type=hidden]), #kk-lomake textarea'))
        .filter(el => !(el.labels && el.labels.length) && !el.closest('label')).map(el => el.id || el.name)""")
    assert unlabeled == []
    form.focus("#kk-municipalities")
    form.keyboard.type("Pori")
    form.keyboard.press("Enter")
    assert form.locator("#kk-municipalities-valitut li").count() == 1
    form.keyboard.press("Tab")
    form.keyboard.press("Tab")
    assert form.evaluate("document.activeElement.getAttribute('aria-label')") == "Poista Pori"
    form.keyboard.press("Enter")
    assert form.locator("#kk-municipalities-valitut li").count() == 0


def test_after_midnight_in_finland_the_form_and_validation_agree(browser, server, tmp_path):
    """23:30 UTC is already the next day in Finland. The form writes Finland's date
    whatever the browser's time zone, and validation (on a machine in UTC) takes
    today from Finland too, so the submission is not refused as 'in the future'."""
    import datetime

    from kirjasto.content import load_library
    from kirjasto.content.clock import today_in_finland

    evening = datetime.datetime.combine(TODAY, datetime.time(23, 30), tzinfo=datetime.UTC)
    context = browser.new_context(timezone_id="America/New_York")
    page = new_page_on(context, TODAY, at=evening.time())
    page.goto(f"{server.origin}/{FORM_PAGE}")
    page.wait_for_selector("#kk-lomake[data-valmis]")
    next_day = TODAY + datetime.timedelta(days=1)
    assert page.input_value("#kk-written") == next_day.isoformat()
    fill(page, "practice", "Tutoropettajat Porin kouluissa", municipality="Pori")
    path, content = generate(page)
    context.close()

    finland_today = today_in_finland(now=evening, environ={})
    assert finland_today == next_day
    LibraryFolder(tmp_path)
    for existing in (REPOSITORY_ROOT / "practices").glob("*/*.md"):
        shutil.copy(existing, tmp_path / "practices" / existing.parent.name / existing.name)
    (tmp_path / path).write_text(content, encoding="utf-8")
    assert [p.format() for p in load_library(tmp_path, today=finland_today).problems] == []


def _add_group(form, group_name: str, /, **parts: str) -> None:
    """Add one repeated group (a team, a wheel row) with the keyboard and fill it in."""
    form.focus(f"[data-lisaa-ryhma={group_name}]")
    form.keyboard.press("Enter")
    group = form.locator(f"#kk-{group_name} .kk-ryhma").last
    for part, value in parts.items():
        group.locator(f"[data-osa={part}]").fill(value)


def test_teams_and_wheel_rows_from_the_form_validate_unchanged(form, tmp_path):
    fill(form, "network", "Satakunnan digitutorien verkosto", region="Satakunta")
    _add_group(
        form,
        "teams",
        name="Digitiimi",
        themes="tutoropettajatoiminta, digitaalinen-pedagogiikka",
        description="Suunnittelee tutorien työn.",
    )
    _add_group(form, "vuosikello", months="9-10", title="Tutorien koulutus", role="digitiimi")
    _add_group(form, "vuosikello", months="marraskuu", title="Kokemusten jakaminen")
    assert form.locator("#kk-vuosikello .kk-ryhma").nth(1).get_attribute("aria-label") == "Vuosikellon rivi 2"
    path, content = generate(form)
    library = LibraryFolder(tmp_path)
    for existing in (REPOSITORY_ROOT / "practices").glob("*/*.md"):
        shutil.copy(existing, tmp_path / "practices" / existing.parent.name / existing.name)
    (tmp_path / path).write_text(content, encoding="utf-8")
    loaded = library.load()
    assert [p.format() for p in loaded.problems] == []
    item = loaded.library.by_slug[Path(path).stem]
    assert [(t.name, [x.slug for x in t.themes]) for t in item.teams] == [
        ("Digitiimi", ["tutoropettajatoiminta", "digitaalinen-pedagogiikka"])
    ]
    assert [(r.first, r.last, r.title, r.role) for r in item.vuosikello] == [
        (9, 10, "Tutorien koulutus", "digitiimi"),
        (11, 11, "Kokemusten jakaminen", None),
    ]


@pytest.mark.parametrize(
    ("name", "parts", "message"),
    [
        ("teams", {"name": "Tiimi", "themes": "steem"}, "Tiimi 1: tuntematon teema 'steem'"),
        ("vuosikello", {"months": "13", "title": "X"}, "Vuosikellon rivi 1: '13' ei ole kuukausi eikä jakso"),
        ("vuosikello", {"months": "5-9", "title": "X"}, "Vuosikellon rivi 1: jakso kulkee taaksepäin"),
    ],
)
def test_bad_teams_and_wheel_rows_are_pointed_out_before_sending(form, name, parts, message):
    fill(form, "network", "Satakunnan digitutorien verkosto", region="Satakunta")
    _add_group(form, name, **parts)
    form.click("#kk-lomake button[type=submit]")
    expect(form.locator(f"#kk-{name}-virhe")).to_contain_text(message)
