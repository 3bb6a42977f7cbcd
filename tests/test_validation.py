"""One test per rejection rule: the contributor sees file, line, field and a
Finnish message that says how to fix it."""

from __future__ import annotations

import datetime
import os

import pytest

from conftest import TODAY, front_matter

PATH = "practices/kaytannot/tutorit.md"


def only_problem(library) -> str:
    problems = library.problems()
    assert len(problems) == 1, problems
    return problems[0]


def test_valid_item_has_no_problems(library):
    library.write("kaytannot/tutorit.md")
    loaded = library.load()
    assert loaded.problems == []
    assert [item.slug for item in loaded.library.items] == ["tutorit"]


def test_broken_yaml_names_the_line(library):
    library.write("kaytannot/tutorit.md", front_matter(summary="Tämä: rikkoo YAMLin: koska kaksoispisteitä"))
    problem = only_problem(library)
    assert problem.startswith(f"{PATH}:3: tiedosto: Virhe front matterissa: ")
    assert "lainausmerkkeihin" in problem


def test_front_matter_that_is_a_list_is_rejected(library):
    library.write("kaytannot/tutorit.md", "- title\n- summary\n")
    assert only_problem(library).startswith(f"{PATH}:2: tiedosto: Front matterin pitää olla kenttiä")


def test_missing_front_matter_is_rejected(library):
    library.write_raw("kaytannot/tutorit.md", "# Otsikko\n\nTekstiä.\n")
    assert "Tiedoston pitää alkaa front matterilla" in only_problem(library)


def test_unclosed_front_matter_is_rejected(library):
    library.write_raw("kaytannot/tutorit.md", "---\ntitle: Tutorit auttavat\n\nTekstiä.\n")
    assert only_problem(library).startswith(
        f"{PATH}:1: tiedosto: Front matter alkaa rivillä 1, mutta sen päättävä '---'-rivi puuttuu"
    )


@pytest.mark.parametrize("field", ["title", "summary", "levels", "themes", "updated"])
def test_missing_required_field(library, field):
    library.write("kaytannot/tutorit.md", front_matter(**{field: None}))
    problem = only_problem(library)
    assert problem.startswith(f"{PATH}:2: {field}: Pakollinen kenttä puuttuu")
    assert f"'{field}: ...'" in problem


def test_empty_required_field_names_its_line(library):
    library.write("kaytannot/tutorit.md", front_matter(themes="[]"))
    assert only_problem(library).startswith(f"{PATH}:6: themes: Pakollinen kenttä puuttuu tai on tyhjä")


def test_status_is_optional_for_materials(library):
    library.write("materiaalit/vuosikello.md", front_matter(status=None))
    assert library.problems() == []


def test_unknown_key_gets_a_suggestion(library):
    library.write("kaytannot/tutorit.md", front_matter() + "tittle: Toinen otsikko\n")
    problem = only_problem(library)
    assert problem.startswith(f"{PATH}:9: tittle: Tuntematon kenttä 'tittle'. Tarkoititko 'title'?")


@pytest.mark.parametrize("key", ["template", "hide", "search", "icon", "location", "Meta"])
def test_keys_the_engine_acts_on_are_refused(library, key):
    library.write("kaytannot/tutorit.md", front_matter() + f"{key}: main.html\n")
    assert only_problem(library).startswith(f"{PATH}:9: {key}: Kenttä '{key}' ohjaisi sivuston teknistä toteutusta")


def test_text_typed_where_a_list_belongs(library):
    library.write("kaytannot/tutorit.md", front_matter(municipalities="Hämeenlinna"))
    problem = only_problem(library)
    assert problem.startswith(f"{PATH}:4: municipalities: Arvon pitää olla lista.")
    assert "[Hämeenlinna]" in problem


@pytest.mark.parametrize(
    ("yaml_value", "type_name"),
    [("yes", "totuusarvoksi"), ("2017", "kokonaisluvuksi"), ("2017-10-27", "päivämääräksi"), ("1.5", "desimaaliluvuksi")],
)
def test_value_yaml_reads_as_another_type_must_be_quoted(library, yaml_value, type_name):
    library.write("kaytannot/tutorit.md", front_matter(source=f"{{title: {yaml_value}}}"))
    problem = only_problem(library)
    assert problem.startswith(f"{PATH}:9: source.title: YAML tulkitsee arvon '{yaml_value}' {type_name}")
    assert f'"{yaml_value}"' in problem


def test_boolean_inside_a_list_names_the_element(library):
    library.write("kaytannot/tutorit.md", front_matter(organisations="[Kuntaliitto, no]"))
    assert only_problem(library).startswith(f"{PATH}:9: organisations[2]: YAML tulkitsee arvon 'no' totuusarvoksi")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2024-02-30", "Päivämäärää 2024-02-30 ei ole olemassa"),
        ("24.11.2026", "'24.11.2026' ei ole muotoa VVVV-KK-PP"),
        (
            (TODAY + datetime.timedelta(days=1)).isoformat(),
            f"Päivämäärä {(TODAY + datetime.timedelta(days=1)).isoformat()} on tulevaisuudessa",
        ),
        ('"2024-13-01"', "Päivämäärää 2024-13-01 ei ole olemassa"),
    ],
)
def test_bad_dates(library, value, message):
    library.write("kaytannot/tutorit.md", front_matter(updated=value))
    assert only_problem(library).startswith(f"{PATH}:8: updated: {message}")


def test_quoted_iso_date_is_accepted(library):
    library.write("kaytannot/tutorit.md", front_matter(updated='"2026-11-01"'))
    assert library.problems() == []


def test_started_must_be_a_plausible_year(library):
    library.write("kaytannot/tutorit.md", front_matter() + "started: 1850\n")
    assert only_problem(library).startswith(f"{PATH}:9: started: Vuosi 1850 ei ole mahdollinen")
    library.write("kaytannot/tutorit.md", front_matter() + f"started: {TODAY.year + 1}\n")
    assert only_problem(library).startswith(f"{PATH}:9: started: Vuosi {TODAY.year + 1} ei ole mahdollinen")
    library.write("kaytannot/tutorit.md", front_matter() + f"started: {TODAY.year}\n")
    assert library.problems() == []


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("municipalities", "[Hämenlinna]", "Tuntematon kunta 'Hämenlinna'. Tarkoititko 'Hämeenlinna'?"),
        ("themes", "[tutoropetajatoiminta]", "Tuntematon teema 'tutoropetajatoiminta'. Tarkoititko 'tutoropettajatoiminta'?"),
        (
            "themes",
            "[Tutoropettajatoiminta]",
            "Tuntematon teema 'Tutoropettajatoiminta'. Kirjoita tunniste 'tutoropettajatoiminta' (nimen 'Tutoropettajatoiminta' sijaan).",
        ),
        ("levels", "[perusopetu]", "Tuntematon koulutusaste 'perusopetu'. Tarkoititko 'perusopetus'?"),
        ("status", "käytössä", "Tuntematon tila 'käytössä'. Tarkoititko 'kaytossa'?"),
    ],
)
def test_unknown_vocabulary_values_get_suggestions(library, field, value, message):
    library.write("kaytannot/tutorit.md", front_matter(**{field: value}))
    problem = only_problem(library)
    assert problem.startswith(f"{PATH}:")
    assert f": {field}: {message}" in problem


def test_unknown_region_and_audience(library):
    library.write("kaytannot/tutorit.md", front_matter(municipalities="[]") + "regions: [Satakuntaa]\naudience: [rehtorti]\n")
    problems = library.problems()
    assert any(p.startswith(f"{PATH}:9: regions: Tuntematon maakunta 'Satakuntaa'. Tarkoititko 'Satakunta'?") for p in problems)
    assert any(p.startswith(f"{PATH}:10: audience: Tuntematon kohderyhmä 'rehtorti'. Tarkoititko 'rehtorit'") for p in problems)


def test_region_of_a_listed_municipality_is_not_typed_twice(library):
    library.write("kaytannot/tutorit.md", front_matter() + "regions: [Kanta-Häme]\n")
    assert "Maakunta 'Kanta-Häme' päätellään jo kunnasta 'Hämeenlinna'" in only_problem(library)


def test_title_length(library):
    library.write("kaytannot/tutorit.md", front_matter(title="Tuto"))
    assert only_problem(library).startswith(f"{PATH}:2: title: Otsikossa on 4 merkkiä; sallittu pituus on 5–120 merkkiä.")


def test_summary_length_and_sentences(library):
    long_summary = "Tämä on virke. " * 25
    library.write("kaytannot/tutorit.md", front_matter(summary=long_summary.strip()))
    problems = library.problems()
    assert any("Tiivistelmässä on 374 merkkiä; enintään 300" in p for p in problems)
    assert any("Tiivistelmässä on 25 virkettä; enintään 3" in p for p in problems)


def test_at_most_five_themes(library):
    themes = "[steam, tutoropettajatoiminta, digitaalinen-pedagogiikka, oppimisen-tuki, nivelvaiheet, johtaminen]"
    library.write("kaytannot/tutorit.md", front_matter(themes=themes))
    assert only_problem(library).startswith(f"{PATH}:6: themes: Teemoja on 6; enintään 5")


def test_duplicate_values_in_a_list(library):
    library.write("kaytannot/tutorit.md", front_matter(levels="[perusopetus, perusopetus]"))
    assert "'perusopetus' on listalla kahdesti" in only_problem(library)


def test_duplicate_keys_are_rejected(library):
    library.write("kaytannot/tutorit.md", front_matter() + "title: Toinen otsikko tähän\n")
    assert only_problem(library).startswith(f"{PATH}:9: title: Kenttä 'title' on kahdesti (myös rivillä 2)")


def test_yaml_aliases_are_rejected(library):
    library.write("kaytannot/tutorit.md", front_matter(levels="&tasot [perusopetus]") + "funding: *tasot\n")
    assert "YAML-ankkurit ja -viittaukset" in only_problem(library)


def test_contacts_need_role_and_organisation(library):
    library.write("kaytannot/tutorit.md", front_matter() + "contacts:\n  - role: Koordinaattori\n    puhelin: 123\n")
    problems = library.problems()
    assert any("contacts[1].puhelin: Tuntematon kenttä 'puhelin'" in p for p in problems)
    assert any(p.startswith(f"{PATH}:10: contacts[1].organisation: Pakollinen kenttä 'organisation' puuttuu") for p in problems)


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.fi/", "www.oph.fi"])
def test_links_must_be_http(library, url):
    library.write("kaytannot/tutorit.md", front_matter() + f"links:\n  - title: Linkki\n    url: '{url}'\n")
    assert only_problem(library).startswith(f"{PATH}:11: links.url: Osoite '{url}' ei kelpaa.")


@pytest.mark.parametrize("name", ["Tutorit.md", "tutor opettajat.md", "hämeenlinna.md", "tutorit.markdown.md", "index.md"])
def test_bad_file_names(library, name):
    library.write(f"kaytannot/{name}")
    problem = only_problem(library)
    assert problem.startswith(f"practices/kaytannot/{name}:1: tiedostonimi:")


def test_two_items_with_the_same_slug(library):
    library.write("kaytannot/tutorit.md")
    library.write("verkostot/tutorit.md")
    assert only_problem(library) == (
        "practices/verkostot/tutorit.md:1: tiedostonimi: Tunniste 'tutorit' on jo käytössä tiedostossa "
        "practices/kaytannot/tutorit.md. Nimeä tämä tiedosto uudelleen, esim. lisäämällä kunnan nimi."
    )


def test_related_must_exist(library):
    library.write("kaytannot/tutorit.md", front_matter() + "related: [vuosikelo]\n")
    library.write("materiaalit/vuosikello.md")
    assert only_problem(library).startswith(f"{PATH}:9: related: Kuvausta 'vuosikelo' ei löydy. Tarkoititko 'vuosikello'?")


def test_files_that_do_not_belong(library):
    library.write_raw("kaytannot/skripti.js", "alert(1)")
    library.write_raw("muistiinpanot.txt", "")
    problems = library.problems()
    assert any(p.startswith("practices/kaytannot/skripti.js:1: tiedosto: Vain Markdown-tiedostot") for p in problems)
    assert any(p.startswith("practices/muistiinpanot.txt:1: tiedosto: Tämä ei kuulu sisältökansioon") for p in problems)


def test_symlinks_are_rejected(library):
    target = library.write("kaytannot/tutorit.md")
    os.symlink(target, library.root / "practices" / "verkostot" / "linkki.md")
    assert only_problem(library).startswith("practices/verkostot/linkki.md:1: tiedosto: Symbolinen linkki")


def test_invalid_utf8_names_the_line(library):
    library.write_raw("kaytannot/tutorit.md", b"---\ntitle: Tutorit\n" + b"summary: \xe4\n---\n")
    assert only_problem(library).startswith(f"{PATH}:3: tiedosto: Tiedoston merkistö ei ole UTF-8")


def test_bom_and_crlf_are_accepted(library):
    text = f"\ufeff---\n{front_matter()}---\n\n## Tavoitteet\n\nTekstiä.\n".replace("\n", "\r\n")
    library.write_raw("kaytannot/tutorit.md", text.encode("utf-8"))
    assert library.problems() == []


def test_heading_one_in_body_names_its_line(library):
    library.write("kaytannot/tutorit.md", body="Johdanto.\n\n# Toinen pääotsikko\n")
    assert only_problem(library).startswith(
        f"{PATH}:13: teksti: Pääotsikko ('# ...' tai ===-merkeillä alleviivattu rivi) ei kuulu tekstiin"
    )


def test_empty_body_is_rejected(library):
    library.write("kaytannot/tutorit.md", body="")
    assert "Kuvausteksti puuttuu" in only_problem(library)


def test_every_problem_is_reported_in_one_run(library):
    library.write("kaytannot/tutorit.md", front_matter(title="Tut", levels="[perus]", updated="2024-02-30"))
    library.write("verkostot/toinen.md", front_matter(municipalities="[Hämenlinna]"))
    problems = library.problems()
    assert len(problems) == 4
    assert [p.split(":")[0] for p in problems].count(PATH) == 3


def test_broken_vocabulary_file_is_reported(library):
    library.write_raw("teemat.yml", "- slug: steam\n  name: STEAM\n")
    library.write("kaytannot/tutorit.md", front_matter(themes="[steam]"))
    problems = library.problems()
    assert problems[0].startswith("practices/teemat.yml: tiedosto: Kohdasta 1 puuttuu description")


def test_repository_content_is_valid():
    from conftest import REPOSITORY_ROOT
    from kirjasto.content import load_library

    loaded = load_library(REPOSITORY_ROOT)
    assert [p.format() for p in loaded.problems] == []
    assert len(loaded.library.items) >= 9


@pytest.mark.parametrize("yaml_text", ["\n", "# pelkkä kommentti\n"])
def test_empty_front_matter_is_rejected(library, yaml_text):
    library.write_raw("kaytannot/tutorit.md", f"---\n{yaml_text}---\n\nTekstiä.\n")
    assert only_problem(library).startswith(f"{PATH}:1: tiedosto: Front matter on tyhjä.")


def test_explicit_yaml_tags_are_rejected(library):
    library.write("kaytannot/tutorit.md", front_matter(source="!!python/object:os.system 'ls'"))
    assert only_problem(library).startswith(
        f"{PATH}:9: tiedosto: YAML-tunniste 'tag:yaml.org,2002:python/object:os.system' ei ole sallittu"
    )


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: " + "[" * 5000 + "\n---\n",
        "---\n" + "- " * 3000 + "x\n---\n",
        "---\ntitle: {a: [1, {b: c}]}\nsummary: ]\n---\n",
        "---\n: tyhjä avain\n---\n",
        "---\n? [monimutkainen, avain]\n: arvo\n---\n",
        "---\ntitle: ok\n---\n---\nsummary: toinen\n---\n",
        "---\n\t- sarkain\n---\n",
        "\x00\x01\x02---\n",
    ],
)
def test_hostile_front_matter_gives_a_problem_not_a_traceback(library, text):
    library.write_raw("kaytannot/tutorit.md", text)
    problems = library.problems()
    assert problems and all(p.startswith(PATH) for p in problems)


@pytest.mark.parametrize("line", ["<https://www.oph.fi/>", "<opetus@kunta.fi>", "Katso <https://www.oph.fi/>."])
def test_markdown_autolinks_are_not_html(library, line):
    library.write("kaytannot/tutorit.md", body=f"## Linkit\n\n{line}\n")
    assert library.problems() == []


def test_html_inside_code_is_allowed(library):
    body = "## Esimerkki\n\n```html\n<script>alert(1)</script>\n```\n\nTagi `<b>` näkyy koodina.\n"
    library.write("kaytannot/tutorit.md", body=body)
    assert library.problems() == []


def test_placeholder_questions_left_in_the_body_are_refused(library):
    library.write("kaytannot/tutorit.md", body="## Tavoitteet\n\nMihin tarpeeseen käytäntö syntyi ja mitä sillä tavoitellaan?\n")
    assert only_problem(library).startswith(f"{PATH}:13: teksti: Apukysymys 'Mihin tarpeeseen käytäntö syntyi")
