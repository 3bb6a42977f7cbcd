"""How a network is organised, as data: teams with their themes, how to join and
how often it meets; team cards on the network's page and on the theme pages."""

from __future__ import annotations

import pytest

from conftest import VALID_FRONT_MATTER

TEAMS = """\
teams:
  - name: STEAM-tiimi
    themes: [steam]
    description: Kehittää ilmiöpohjaisia STEAM-kokonaisuuksia.
    coordinator: asiantuntijaopettaja
  - name: Arviointitiimi
    themes: [portfolio-ja-arviointi, steam]
join:
  who: Kaksi opettajaa jokaisesta lukiosta.
  when: Haku keväisin.
  channel: https://www.hel.fi/verkostot
meets: Kerran kuukaudessa, verkossa.
"""


def test_teams_join_and_meets_are_read(library):
    library.write("verkostot/verkosto.md", VALID_FRONT_MATTER + TEAMS)
    loaded = library.load()
    assert [p.format() for p in loaded.problems] == []
    item = loaded.library.items[0]
    assert [(t.name, [x.slug for x in t.themes], t.coordinator) for t in item.teams] == [
        ("STEAM-tiimi", ["steam"], "asiantuntijaopettaja"),
        ("Arviointitiimi", ["portfolio-ja-arviointi", "steam"], None),
    ]
    assert item.join.who == "Kaksi opettajaa jokaisesta lukiosta." and item.join.channel_href == "https://www.hel.fi/verkostot"
    assert item.meets == "Kerran kuukaudessa, verkossa."


@pytest.mark.parametrize(
    ("yaml", "line", "field", "message"),
    [
        ("teams:\n  - name: X\n    themes: [steem]\n", 11, "teams[1].themes", "Tuntematon teema 'steem'. Tarkoititko 'steam'?"),
        ("teams:\n  - name: X\n", 10, "teams[1].themes", "Pakollinen kenttä 'themes' puuttuu."),
        ("join:\n  channel: lomake\n", 10, "join.channel", "'lomake' ei ole verkko-osoite eikä sähköpostiosoite."),
        ("join:\n  kuka: kaikki\n", 10, "join.kuka", "Tuntematon kenttä 'kuka'. Sallitut kentät: who, how, when, channel."),
        ("join: https://www.hel.fi/\n", 9, "join", "Arvon pitää olla kenttäryhmä"),
    ],
)
def test_bad_network_fields_are_refused_on_their_line(library, yaml, line, field, message):
    library.write("verkostot/verkosto.md", VALID_FRONT_MATTER + yaml)
    problems = library.problems()
    assert any(p.startswith(f"practices/verkostot/verkosto.md:{line}: {field}: ") and message in p for p in problems), problems


def test_a_service_address_is_a_channel_too(library):
    library.write("verkostot/verkosto.md", VALID_FRONT_MATTER + "join:\n  channel: verkosto@kunta.fi\n")
    item = library.load().library.items[0]
    assert item.join.channel_href == "mailto:verkosto@kunta.fi"


def test_a_material_has_no_teams(library):
    library.write("materiaalit/opas.md", VALID_FRONT_MATTER.replace("status: kaytossa\n", "") + TEAMS)
    problems = library.problems()
    assert any(":8: teams: Kenttä 'teams' kuvaa verkoston tai käytännön organisointia" in p for p in problems), problems


def test_team_cards_link_to_theme_pages_that_list_the_team(library):
    from kirjasto.site import plan_pages

    library.write("verkostot/verkosto.md", VALID_FRONT_MATTER + TEAMS)
    pages = {page.src_uri: page.with_html_parts() for page in plan_pages(library.load().library)}
    network = pages["verkostot/verkosto.md"]
    assert '<section class="kk-tiimi" id="tiimi-steam-tiimi"' in network
    assert '<a href="../../teemat/steam/">STEAM</a>' in network and "Koordinoi: asiantuntijaopettaja" in network
    assert "<dt>Kuka voi tulla mukaan</dt><dd>Kaksi opettajaa jokaisesta lukiosta.</dd>" in network
    assert '<dd><a href="https://www.hel.fi/verkostot">https://www.hel.fi/verkostot</a></dd>' in network
    steam = pages["teemat/steam.md"]
    assert "## Tiimit, jotka työskentelevät teeman parissa" in steam
    assert "[STEAM-tiimi](../verkostot/verkosto.md#tiimi-steam-tiimi)" in steam
    assert "[Arviointitiimi](../verkostot/verkosto.md#tiimi-arviointitiimi)" in pages["teemat/portfolio-ja-arviointi.md"]


def test_a_network_whose_source_does_not_say_how_to_join_says_so(library):
    from kirjasto.site import plan_pages

    library.write("verkostot/verkosto.md")
    page = plan_pages(library.load().library)[0].with_html_parts()
    assert "Lähde ei kerro, miten mukaan pääsee." in page


def test_the_helsinki_expert_teachers_page_has_five_team_cards_on_their_theme_pages(site):
    import re

    page = (site / "verkostot/helsinki-asiantuntijaopettajat/index.html").read_text("utf-8")
    cards = re.findall(r'<section class="kk-tiimi" id="(tiimi-[a-z-]+)"', page)
    assert len(cards) == 5
    assert "Lähde ei kerro, miten mukaan pääsee." in page
    for anchor, theme in zip(cards, re.findall(r'Teema: <a href="\.\./\.\./teemat/([a-z-]+)/">', page), strict=True):
        theme_page = (site / f"teemat/{theme}/index.html").read_text("utf-8")
        assert f"helsinki-asiantuntijaopettajat/#{anchor}" in theme_page, theme


def test_open_data_and_structured_data_carry_the_teams(library):
    import csv
    import io
    import json

    from kirjasto.content.settings import LibrarySettings
    from kirjasto.site.exports import JSON_PATH, TEAMS_CSV_PATH, export_files, item_json_ld

    library.write("verkostot/verkosto.md", VALID_FRONT_MATTER + TEAMS)
    loaded = library.load().library
    files = export_files(loaded, LibrarySettings(), "Testi")
    record = json.loads(files[JSON_PATH])["items"][0]
    assert record["teams"][0] == {
        "name": "STEAM-tiimi",
        "themes": [{"slug": "steam", "name": "STEAM"}],
        "description": "Kehittää ilmiöpohjaisia STEAM-kokonaisuuksia.",
        "coordinator": "asiantuntijaopettaja",
    }
    assert record["join"]["channel"] == "https://www.hel.fi/verkostot" and record["meets"] == "Kerran kuukaudessa, verkossa."
    rows = list(csv.DictReader(io.StringIO(files[TEAMS_CSV_PATH].lstrip("\ufeff"))))
    assert [(r["tiimi"], r["teemat"]) for r in rows] == [
        ("STEAM-tiimi", "STEAM"),
        ("Arviointitiimi", "Portfolio-oppiminen, arviointi ja laaja-alainen osaaminen; STEAM"),
    ]
    ld = item_json_ld(loaded.items[0], LibrarySettings())
    assert [team["name"] for team in ld["mentions"]["subOrganization"]] == ["STEAM-tiimi", "Arviointitiimi"]


def test_members_name_a_group_or_describe_it_with_a_rule(library):
    from kirjasto.site import plan_pages

    members = (
        "members:\n  - group: opettajat\n    rule: kaksi opettajaa jokaisesta lukiosta\n    where: Helsingin lukiot\n"
        "  - description: aamu- ja iltapäivätoiminnan henkilöstö\n"
    )
    library.write("verkostot/verkosto.md", VALID_FRONT_MATTER + members)
    loaded = library.load()
    assert [p.format() for p in loaded.problems] == []
    page = plan_pages(loaded.library)[0].with_html_parts()
    assert (
        "<dt>Jäsenet</dt><dd>Opettajat: kaksi opettajaa jokaisesta lukiosta (Helsingin lukiot)<br>aamu- ja iltapäivätoiminnan henkilöstö</dd>"
        in page
    )


@pytest.mark.parametrize(
    ("yaml", "message"),
    [
        ("members:\n  - group: opettajt\n", "10: members[1].group: Tuntematon kohderyhmä 'opettajt'. Tarkoititko 'opettajat'?"),
        ("members:\n  - rule: kaksi\n", "10: members: Kerro ryhmä: group (kohderyhmä luettelosta) tai description"),
    ],
)
def test_bad_members_are_refused(library, yaml, message):
    library.write("verkostot/verkosto.md", VALID_FRONT_MATTER + yaml)
    assert any(message in p for p in library.problems()), library.problems()


def test_the_network_directory_lists_networks_by_region_and_theme_with_a_map(library):
    from kirjasto.site import plan_pages

    library.write("verkostot/verkosto.md", VALID_FRONT_MATTER + TEAMS)
    library.write("kaytannot/kaytanto.md")
    pages = {page.src_uri: page for page in plan_pages(library.load().library)}
    directory = pages["verkostohakemisto.md"].with_html_parts()
    assert (
        '### Kanta-Häme\n\n<ul>&#10;<li><a href="../verkostot/verkosto/">Tutoropettajat tukevat kollegoitaan</a>'
        " (2 tiimiä, kertoo, miten mukaan pääsee)</li>" in directory
    )
    assert "### [STEAM](teemat/steam.md)" in directory
    assert "(haku.md?tyyppi=verkostot&liittyminen=kertoo-miten)" in directory
    assert '<figure class="kk-kartta">' in directory and "Kanta-Häme, 1 kuvaus" in directory
    assert "kaytannot/kaytanto.md" not in directory, "only networks"


def test_the_catalogue_filters_networks_one_can_join(library):
    from kirjasto.site.catalogue import catalogue_json

    library.write("verkostot/verkosto.md", VALID_FRONT_MATTER + TEAMS)
    library.write("verkostot/toinen.md", VALID_FRONT_MATTER.replace("Tutoropettajat tukevat", "Toiset tukevat"))
    data = catalogue_json(library.load().library)
    facet = next(f for f in data["facets"] if f["id"] == "liittyminen")
    assert facet["label"] == "Voi liittyä" and [list(v) for v in facet["values"]] == [
        ["kertoo-miten", "Kertoo, miten mukaan pääsee"]
    ]
    position = [f["id"] for f in data["facets"]].index("liittyminen")
    joinable = {item[0]: item[5][position] for item in data["items"]}
    assert joinable == {"Tutoropettajat tukevat kollegoitaan": [0], "Toiset tukevat kollegoitaan": []}


def test_team_names_are_found_by_search(library):
    from kirjasto.site.search import build_search_index, item_documents, term_postings

    library.write("verkostot/verkosto.md", VALID_FRONT_MATTER + TEAMS)
    files = build_search_index(item_documents(library.load().library))
    assert list(term_postings(files, "arviointitiimi")) == [0]


def test_the_forms_team_themes_are_suggested_from_the_vocabulary(library):
    from kirjasto.content.settings import LibrarySettings
    from kirjasto.site.form import form_html
    from kirjasto.site.parts import part_templates

    library.write("verkostot/verkosto.md")
    html = form_html(library.load().library, LibrarySettings(), "lomake.js", templates=part_templates())
    assert '<input type="text" list="kk-teams-ehdotukset" data-osa="themes">' in html
    assert '<datalist id="kk-teams-ehdotukset">' in html and '<option value="steam">STEAM</option>' in html
