"""Both national languages in the content: places by their Swedish names, items
written in Swedish, translations linked both ways, messages in the item's
language, and every message of the catalogue translated into Swedish."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from conftest import REPOSITORY_ROOT, VALID_BODY, front_matter
from kirjasto.content.messages import catalogue_path, messages_in
from kirjasto.content.vocabularies import load_places
from kirjasto.site.catalogue import catalogue_json
from kirjasto.site.pages.item_page import card_data
from kirjasto.site.pages.listing import listing_html, newest_first, places_label
from kirjasto.site.pages.plan import listing_pages
from kirjasto.site.parts import part_templates

PATH = "practices/kaytannot/tutorit.md"


def swedish(**changes: str | None) -> str:
    written_in_swedish: dict[str, str | None] = {
        "title": "Tutorlärare stöder sina kolleger",
        "summary": "Tutorlärare hjälper kolleger med digital pedagogik.",
        "language": "sv",
    }
    return front_matter(**{**written_in_swedish, **changes})


SWEDISH_BODY = "## Mål\n\nKolleger lär sig av varandra.\n"


def test_swedish_place_names_are_the_same_places(library):
    library.write("kaytannot/tutorit.md", front_matter(municipalities="[Helsingfors, Jakobstad]", regions="[Åland]"))
    loaded = library.load()
    assert loaded.problems == []
    (item,) = loaded.library.items
    assert [(m.code, m.name) for m in item.municipalities] == [("091", "Helsinki"), ("598", "Pietarsaari")]
    assert [r.code for r in item.regions] == ["MK21"]


@pytest.mark.parametrize(
    ("front", "body", "expected"),
    [
        (swedish, SWEDISH_BODY, "Okänd kommun 'Jakobstadt'. Menade du 'Jakobstad' (Pietarsaari)?"),
        (front_matter, VALID_BODY, "Tuntematon kunta 'Jakobstadt'. Tarkoititko 'Pietarsaari' (Jakobstad)?"),
    ],
)
def test_a_misspelt_place_gets_a_suggestion_in_the_items_language(library, front, body, expected):
    library.write("kaytannot/tutorit.md", front(municipalities="[Jakobstadt]"), body)
    (problem,) = library.problems()
    assert problem == f"{PATH}:4: municipalities: {expected}"


def test_a_finnish_typo_of_a_finnish_name_gets_the_finnish_name_alone(library):
    library.write("kaytannot/tutorit.md", front_matter(municipalities="[Pietarsari]"))
    assert library.problems() == [f"{PATH}:4: municipalities: Tuntematon kunta 'Pietarsari'. Tarkoititko 'Pietarsaari'?"]


def test_a_swedish_item_is_told_in_swedish(library):
    library.write("kaytannot/tutorit.md", swedish(themes="[tutorverksamhet]", updated="2030-01-01"), SWEDISH_BODY)
    problems = library.problems()
    assert any(p.startswith(f"{PATH}:6: themes: Okänt tema 'tutorverksamhet'.") for p in problems), problems
    assert any("Datumet 2030-01-01 ligger i framtiden." in p for p in problems), problems
    assert problems == sorted(problems, key=lambda p: int(p.split(":")[1]))


def test_an_unknown_language_is_refused(library):
    library.write("kaytannot/tutorit.md", front_matter(language="en"))
    (problem,) = library.problems()
    assert problem.startswith(f"{PATH}:9: language: Tuntematon kieli 'en'. Kirjoita fi")


def write_pair(library, finnish_translations: str | None, swedish_translations: str | None, swedish_language: str = "sv"):
    library.write("kaytannot/tutorit.md", front_matter(translations=finnish_translations))
    library.write(
        "kaytannot/tutorlarare.md",
        swedish(translations=swedish_translations, language=swedish_language),
        SWEDISH_BODY,
    )


def test_translations_linked_both_ways_are_valid(library):
    write_pair(library, "[tutorlarare]", "[tutorit]")
    loaded = library.load()
    assert loaded.problems == []
    by_slug = {item.slug: item for item in loaded.library.items}
    assert (by_slug["tutorit"].language, by_slug["tutorit"].translations) == ("fi", ("tutorlarare",))
    assert (by_slug["tutorlarare"].language, by_slug["tutorlarare"].translations) == ("sv", ("tutorit",))


def test_a_translation_must_point_back(library):
    write_pair(library, "[tutorlarare]", None)
    assert library.problems() == [
        f"{PATH}:9: translations: Kuvaus 'tutorlarare' ei mainitse tätä kuvausta käännöksenään. "
        "Lisää sen front matteriin rivi 'translations: [tutorit]'."
    ]


def test_a_translation_must_be_in_the_other_language(library):
    write_pair(library, "[tutorlarare]", "[tutorit]", swedish_language="fi")
    problems = library.problems()
    assert len(problems) == 2
    assert "Kuvaus 'tutorlarare' on kirjoitettu samalla kielellä (suomi) kuin tämä." in problems[0]


def test_a_missing_translation_gets_a_suggestion_in_swedish(library):
    write_pair(library, None, "[tutorti]")
    assert library.problems() == [
        "practices/kaytannot/tutorlarare.md:10: translations: Översättningen 'tutorti' finns inte. Menade du 'tutorit'?"
    ]


def test_bilingual_municipalities_show_both_names_majority_first():
    municipalities, _ = load_places()
    assert municipalities["Porvoo"].display_name == "Porvoo – Borgå"
    assert municipalities["Närpiö"].display_name == "Närpes – Närpiö"
    assert municipalities["Hämeenlinna"].display_name == "Hämeenlinna"
    assert municipalities["Maarianhamina"].display_name == "Maarianhamina"  # Swedish only: its Finnish name on Finnish pages


def test_listings_show_the_pages_language_first_and_mark_the_other(library):
    write_pair(library, "[tutorlarare]", "[tutorit]")
    library.write("kaytannot/porvoo.md", front_matter(title="Porvoon tutorit", municipalities="[Borgå]", updated="2026-10-01"))
    items = library.load().library.items
    ordered = newest_first(items)
    assert [item.slug for item in ordered] == ["tutorit", "porvoo", "tutorlarare"]
    assert places_label(ordered[1]) == "Porvoo – Borgå"
    html = listing_html(ordered, "teemat/x.md", None, templates=part_templates())
    assert '<a href="../../kaytannot/tutorlarare/" lang="sv">Tutorlärare stöder sina kolleger</a> (ruotsiksi)</h3>' in html
    assert '<p lang="sv">Tutorlärare hjälper kolleger med digital pedagogik.</p>' in html
    assert html.count('lang="sv"') == 2


@pytest.mark.parametrize(
    ("language", "theme", "description", "audience", "level", "place"),
    [
        ("fi", "Tutoropettajatoiminta", "Opettajien vertaistukea", "Opettajat", "Perusopetus", "Hämeenlinna"),
        ("sv", "Tutorlärarverksamhet", "Kamratstöd och kamratutbildning", "Lärare", "Grundläggande utbildning", "Tavastehus"),
    ],
)
def test_vocabulary_names_are_in_the_pages_language(library, language, theme, description, audience, level, place):
    library.write("kaytannot/tutorit.md", front_matter(audience="[opettajat]"))
    loaded = library.load().library
    (item,) = loaded.items
    templates = part_templates(None, language)
    card = templates.render("kortti", item=item, card=card_data(item, messages=templates.messages))
    assert f'<a href="../../teemat/tutoropettajatoiminta/">{theme}</a>' in card
    assert f'<a href="../../asteet/perusopetus/">{level}</a>' in card
    assert f'<a href="../../kunnat/hameenlinna/">{place}</a>' in card
    assert f"<dd>{audience}</dd>" in card
    pages = {page.src_uri: page for page in listing_pages(loaded, templates)}
    theme_page = pages["teemat/tutoropettajatoiminta.md"]
    assert theme_page.title == theme
    assert f"# {theme}\n\n{description}" in theme_page.markdown
    assert f"· {place} · {level} ·" in theme_page.with_html_parts()
    assert pages["asteet/perusopetus.md"].title == level
    assert pages["kunnat/hameenlinna.md"].title == place
    facets = {facet["id"]: dict(facet["values"]) for facet in catalogue_json(loaded, messages=messages_in(language))["facets"]}
    assert (facets["teema"]["tutoropettajatoiminta"], facets["kohderyhma"]["opettajat"]) == (theme, audience)


def test_swedish_names_are_optional_and_a_given_one_must_be_a_text(library):
    library.write_raw(
        "kohderyhmat.yml", "- slug: opettajat\n  name: Opettajat\n- slug: rehtorit\n  name: Rehtorit\n  name_sv: ''\n"
    )
    library.write("kaytannot/tutorit.md", front_matter(audience="[opettajat, rehtorit]"))
    loaded = library.load()
    assert [problem.format() for problem in loaded.problems] == [
        "practices/kohderyhmat.yml: name_sv: Kohdan 2 kenttä name_sv on tyhjä tai ei ole tekstiä. "
        "Kirjoita siihen teksti tai poista kenttä."
    ]
    audiences = loaded.library.vocabularies.audiences
    assert [audiences[slug].name_in("sv") for slug in ("opettajat", "rehtorit")] == ["Opettajat", "Rehtorit"]


def test_a_swedish_page_names_a_municipality_by_its_swedish_name_unless_it_is_bilingual():
    municipalities, _ = load_places()
    shown = {name: (m.shown_in("fi"), m.shown_in("sv")) for name, m in municipalities.items()}
    assert shown["Hämeenlinna"] == ("Hämeenlinna", "Tavastehus")
    assert shown["Maarianhamina"] == ("Maarianhamina", "Mariehamn")
    assert shown["Porvoo"] == ("Porvoo – Borgå", "Porvoo – Borgå")
    assert shown["Närpiö"] == ("Närpes – Närpiö", "Närpes – Närpiö")
    assert shown["Kuopio"] == ("Kuopio", "Kuopio")


def _extracted_messages() -> set[str | tuple[str, str]]:
    """Every message the code, the part templates and the browser scripts mark, as
    `make messages` extracts them (babel.cfg)."""
    found = extract_from_dir(
        str(REPOSITORY_ROOT),
        method_map=[
            ("hooks/**.py", "python"),
            ("hooks/kirjasto/site/templates/**.html", "jinja2"),
            ("docs/javascripts/**.js", "javascript"),
        ],
        options_map={"hooks/kirjasto/site/templates/**.html": {"extensions": "jinja2.ext.i18n"}},
        keywords={"_": None, "plural": (1, 2)},
    )
    return {message for _, _, message, _, _ in found}


def test_every_message_has_a_swedish_translation():
    with catalogue_path("sv").open("rb") as handle:
        catalogue = read_po(handle, locale="sv")
    translated = {message.id: message for message in catalogue if message.id}
    missing = []
    for message in _extracted_messages():
        entry = translated.get(message)
        strings = entry.string if entry else None
        if entry is None or entry.fuzzy or not all(strings if isinstance(strings, tuple) else [strings]):
            missing.append(message)
            continue
        for source, target in zip(
            message if isinstance(message, tuple) else [message],
            strings if isinstance(strings, tuple) else [strings],
            strict=False,
        ):
            assert set(re.findall(r"\{\w+\}", source)) == set(re.findall(r"\{\w+\}", target)), (source, target)
    assert missing == [], f"Run `make messages` and translate these in {catalogue_path('sv')}: {missing}"


def test_swedish_messages_fill_in_their_values():
    say = messages_in("sv").say
    assert say("Tuntematon kunta '{text}'.", text="Jakobstadt") == "Okänd kommun 'Jakobstadt'."
    assert messages_in("sv").plural("{count} virhe", "{count} virhettä", 2000) == "2\u00a0000 fel"
    assert messages_in("xx").language == "fi"


def test_the_packaged_language_table_agrees_with_the_municipalities():
    municipalities, _ = load_places()
    assert sum(len(m.languages) == 2 for m in municipalities.values()) == 33
    assert sum(m.languages == ("sv",) for m in municipalities.values()) == 16
    assert Path(REPOSITORY_ROOT / "hooks/kirjasto/data/municipality-languages-2025.csv").is_file()


def test_the_theme_overrides_words_come_in_the_sites_language():
    from kirjasto.site.theme_texts import theme_texts

    finnish, swedish = theme_texts(), theme_texts(messages_in("sv"))
    assert finnish["hae"] == "Hae" and swedish["hae"] == "Sök"
    assert swedish["saavutettavuusseloste"] == "Tillgänglighetsutlåtande"
    assert finnish.keys() == swedish.keys()
    assert [key for key in finnish if swedish[key] == finnish[key]] == []


def test_a_new_swedish_item_starts_in_swedish_and_its_hints_are_caught(library):
    import datetime

    from kirjasto.content.item_skeleton import new_item_text
    from kirjasto.content.model import Kind

    text = new_item_text(Kind.PRACTICE, "Tutorlärare i Åbo", datetime.date(2026, 11, 30), "sv")
    assert "language: sv\n" in text and "## Mål\n" in text and "## Tavoitteet" not in text
    assert "# checked: ÅÅÅÅ-MM-DD" in text
    body = text.split("---\n\n", 1)[1]
    library.write("kaytannot/tutorlarare.md", swedish(), body)
    problems = library.problems()
    assert any(
        "Hjälpfrågan 'Vilket behov gav upphov till praxisen och vad vill man uppnå med den?' finns kvar i texten." in p
        for p in problems
    ), problems


def test_a_copys_own_configuration_carries_over_to_its_other_language(tmp_path):
    """A copy's `kunta.yml` (however it writes INHERIT) is what its Swedish side inherits."""
    from kirjasto.content import other_language_config

    (tmp_path / "mkdocs.yml").write_text("site_name: Kirjasto\n", encoding="utf-8")
    (tmp_path / "mkdocs.sv.yml").write_text("INHERIT: mkdocs.yml\ntheme:\n  language: sv\n", encoding="utf-8")
    assert other_language_config(tmp_path, "mkdocs.yml", "sv", "mkdocs.sv.yml") == "mkdocs.sv.yml"
    (tmp_path / "kunta.yml").write_text("INHERIT: 'alue.yml'  # the region's\n", encoding="utf-8")
    written = other_language_config(tmp_path, "kunta.yml", "sv", "mkdocs.sv.yml")
    assert written == ".kirjasto-kieli-kunta-sv.yml"
    assert (tmp_path / written).read_text("utf-8") == "INHERIT: kunta.yml\ntheme:\n  language: sv\n"
    (tmp_path / "oma.sv.yml").write_text("site_name: Bibliotek\n", encoding="utf-8")
    assert other_language_config(tmp_path, "kunta.yml", "sv", "oma.sv.yml") == "oma.sv.yml", "a file of its own"
