"""The submission form's fields as data, in order, with the validator's own limits
in their help texts; the template `kirjasto/lomake.html` writes their HTML."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal

from kirjasto.content.field_rules import EARLIEST_YEAR, MAX_THEMES, SUMMARY_MAX_LENGTH, SUMMARY_MAX_SENTENCES, TITLE_LENGTH
from kirjasto.content.model import STATUSES, UNKNOWN_STATUS, Kind, Library
from kirjasto.content.vocabularies import Vocabularies, sorted_by_name

KIND_KEYS = {Kind.PRACTICE: "practice", Kind.NETWORK: "network", Kind.TOOLKIT: "material"}


@dataclass(frozen=True, kw_only=True)
class FormField:
    """One field of the form, as data; `templates/kirjasto/lomake.html` writes its HTML."""

    control: Literal["input", "textarea", "choices", "picker", "repeatable"]
    name: str
    """The field's key: the front-matter field it fills, and `kk-NAME` in element ids."""
    label: str
    help: str
    required: bool = False
    input_type: str = "text"
    """`type` of an input, or of each choice (checkbox, radio)."""
    attributes: dict[str, str] = field(default_factory=dict)
    rows: int = 3
    options: list[tuple[str, str]] = field(default_factory=list)
    """(value, text) of each choice or suggestion."""
    columns: bool = True
    parts: list[tuple[str, str, str]] = field(default_factory=list)
    """(part, label, input type) of each input in one repeated group."""
    item_label: str = ""
    """What one repeated group is called, numbered for screen readers: 'Yhteystieto 2'."""


def _input(name: str, label: str, help_text: str, *, required: bool = False, kind: str = "text", **attributes: str) -> FormField:
    return FormField(
        control="input", name=name, label=label, help=help_text, required=required, input_type=kind, attributes=attributes
    )


def _textarea(name: str, label: str, help_text: str, *, required: bool = False, rows: int = 3) -> FormField:
    return FormField(control="textarea", name=name, label=label, help=help_text, required=required, rows=rows)


def _choices(name: str, legend: str, help_text: str, options: list[tuple[str, str]], **choice: Any) -> FormField:
    """Checkboxes, or radio buttons (`input_type="radio"`); `columns=False` sets them on one row."""
    choice.setdefault("input_type", "checkbox")
    return FormField(control="choices", name=name, label=legend, help=help_text, options=options, **choice)


def _picker(name: str, label: str, help_text: str, datalist: list[tuple[str, str]]) -> FormField:
    """A search-as-you-type field (native datalist) that adds values to a list of chosen ones."""
    return FormField(control="picker", name=name, label=label, help=help_text, options=datalist)


def _repeatable(name: str, legend: str, help_text: str, fields: list[tuple[str, str, str]], item_label: str) -> FormField:
    """A group the contributor can repeat (contacts, links, teams, wheel rows); the script clones the template."""
    return FormField(control="repeatable", name=name, label=legend, help=help_text, parts=fields, item_label=item_label)


REPEATED_GROUPS: tuple[tuple[str, str, str, list[tuple[str, str, str]], str], ...] = (
    (
        "contacts", "Yhteystiedot",
        "Organisaatio ja sen julkinen kanava (palvelusivu, palveluosoite tai vaihde) riittävät; tehtävänimike, jos tiedät sen. Älä kirjoita kenenkään omaa sähköpostiosoitetta tai matkapuhelinnumeroa.",
        [("organisation", "Organisaatio", "text"), ("role", "Tehtävänimike (jos tiedossa)", "text"), ("name", "Nimi (vapaaehtoinen)", "text"),
         ("url", "Palvelusivun osoite (vapaaehtoinen)", "url"), ("email", "Palvelun sähköposti (vapaaehtoinen)", "email"),
         ("phone", "Vaihde tai palvelunumero (vapaaehtoinen)", "tel")],
        "Yhteystieto",
    ),
    ("links", "Linkit", "Osoitteen pitää alkaa https:// tai http://.", [("title", "Linkin teksti", "text"), ("url", "Osoite", "url")], "Linkki"),
    (
        "teams", "Tiimit",
        "Verkostoille ja käytännöille: tiimin nimi, teemat tunnisteina pilkuilla erotettuina (esim. steam, johtaminen; samat kuin yllä) ja halutessa yksi virke siitä, mitä tiimi tekee. Vapaaehtoinen.",
        [("name", "Tiimin nimi", "text"), ("themes", "Teemat (tunnisteet)", "list"), ("description", "Mitä tiimi tekee (vapaaehtoinen)", "text")],
        "Tiimi",
    ),
    (
        "vuosikello", "Vuosikello",
        "Lukuvuosi alkaa elokuusta. Kuukausi numerona tai nimenä (8 tai elokuu) tai jakso lukuvuoden järjestyksessä (9-10 tai marraskuu-helmikuu), mitä tehdään ja halutessa kuka vastaa (tehtävä, ei nimi). Vapaaehtoinen.",
        [("months", "Kuukausi tai jakso", "text"), ("title", "Mitä tehdään", "text"), ("role", "Kuka vastaa (vapaaehtoinen)", "text")],
        "Vuosikellon rivi",
    ),
)  # fmt: skip
"""The groups a contributor can repeat: (field, legend, help, (part, label, input type) of each input, one group's name)."""


def _with_suggestions(group: FormField, vocabularies: Vocabularies) -> FormField:
    """A team's themes are suggested from the vocabulary while typing (input type `list`)."""
    if not any(kind == "list" for _, _, kind in group.parts):
        return group
    return dataclasses.replace(group, options=[(t.slug, t.name) for t in sorted_by_name(vocabularies.themes.values())])


def form_fields(library: Library) -> list[FormField]:
    """Every field, in order, with the validator's own limits in its help text."""
    vocabularies = library.vocabularies
    kinds = [(KIND_KEYS[kind], kind.label) for kind in Kind]
    statuses = [*STATUSES.items()]
    municipalities = [(m.name, m.region.name) for m in sorted_by_name(vocabularies.municipalities.values())]
    fields = [
        _choices(
            "kind",
            "Kuvauksen tyyppi",
            "Hyvä käytäntö on kokeiltu toimintamalli, verkosto kertoo ihmisistä ja tiimeistä, materiaali on työkalu tai aineisto.",
            kinds,
            input_type="radio",
            required=True,
            columns=False,
        ),
        _input(
            "title",
            "Otsikko",
            f"{TITLE_LENGTH[0]}–{TITLE_LENGTH[1]} merkkiä. Kerro, mitä ja missä: esim. Tutoropettajat Porin peruskouluissa.",
            required=True,
            maxlength=str(TITLE_LENGTH[1]),
        ),
        _textarea(
            "summary",
            "Tiivistelmä",
            f"1–{SUMMARY_MAX_SENTENCES} virkettä, enintään {SUMMARY_MAX_LENGTH} merkkiä. Näkyy luetteloissa.",
            required=True,
        ),
        _input(
            "slug",
            "Tiedostonimi",
            "Muodostetaan otsikosta; saat muuttaa. Vain a–z, 0–9 ja viiva. Tulee kuvauksen osoitteeksi.",
            required=True,
            pattern="[a-z0-9]+(-[a-z0-9]+)*",
            spellcheck="false",
        ),
        _picker(
            "municipalities",
            "Kunnat",
            "Kirjoita kunnan nimen alkua ja valitse listasta, sitten Lisää. Jätä tyhjäksi, jos kuvaus koskee koko Suomea.",
            municipalities,
        ),
        _choices(
            "regions",
            "Maakunnat",
            "Vain koko maakuntaa koskeville kuvauksille. Kunnan maakuntaa ei tarvitse valita.",
            [(r.name, r.name) for r in sorted_by_name(vocabularies.regions.values())],
        ),
        _choices(
            "levels",
            "Koulutusasteet",
            "Valitse yksi tai useampi.",
            [(level.slug, level.name) for level in vocabularies.levels.values()],
            required=True,
        ),
        _choices(
            "themes",
            "Teemat",
            f"Valitse 1–{MAX_THEMES}.",
            [(t.slug, t.name) for t in sorted_by_name(vocabularies.themes.values())],
            required=True,
        ),
        _choices(
            "status",
            "Tila",
            f"Käytännöille ja verkostoille. Jos et tiedä, jatkuuko toiminta yhä, jätä valinnaksi {STATUSES[UNKNOWN_STATUS]}.",
            statuses,
            input_type="radio",
            columns=False,
        ),
        _input(
            "written", "Kirjoituspäivä", "Päivä, jolloin kirjoitit kuvauksen (tavallisesti tänään).", required=True, kind="date"
        ),
        _choices(
            "checked",
            "Tietojen tarkistus",
            "Rastita vain, jos olet itse varmistanut, että tiedot pitävät nyt paikkansa: toiminta on sellaista kuin kuvaat ja yhteystiedot toimivat. Kuvaus näyttää tarkistuspäivän lukijoille.",
            [("tanaan", "Olen tarkistanut tiedot tänään")],
            columns=False,
        ),
        _input("started", "Aloitusvuosi", "Vapaaehtoinen, esim. 2014.", kind="number", min=str(EARLIEST_YEAR), step="1"),
        _textarea("organisations", "Organisaatiot", "Yksi riville, esim. Porin kaupunki."),
        _choices("audience", "Kohderyhmät", "Vapaaehtoinen.", [(a.slug, a.name) for a in vocabularies.audiences.values()]),
        *(_with_suggestions(_repeatable(*group), vocabularies) for group in REPEATED_GROUPS),
        _textarea("funding", "Rahoitus", "Rahoittajat, yksi riville. Vapaaehtoinen."),
        _input(
            "source_title", "Lähteen otsikko", "Jos kirjoitit kuvauksen julkaistun tekstin pohjalta: sen otsikko. Vapaaehtoinen."
        ),
        _input("source_publisher", "Lähteen julkaisija", "Esim. Innokylä tai Opetushallitus. Vapaaehtoinen."),
        _input(
            "source_published",
            "Lähteen julkaisupäivä tai -vuosi",
            "Muodossa 2017-10-27 tai pelkkä vuosi 2017, jos päivää ei tiedetä.",
            inputmode="numeric",
            spellcheck="false",
        ),
        _input("source_url", "Lähteen osoite", "Alkaa https://. Vapaaehtoinen.", kind="url"),
        _picker("related", "Liittyvät kuvaukset", "Kirjoita toisen kuvauksen nimeä ja valitse listasta. Vapaaehtoinen.", []),
        _textarea(
            "body",
            "Kuvausteksti",
            "Markdown-muodossa. Korvaa apukysymykset omalla tekstilläsi; väliotsikot alkavat merkeillä ##.",
            required=True,
            rows=16,
        ),
    ]
    return fields
