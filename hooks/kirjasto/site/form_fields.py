"""The submission form's fields as data, in order, with the validator's own limits
in their help texts; the template `kirjasto/lomake.html` writes their HTML."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal

from kirjasto.content.field_rules import EARLIEST_YEAR, MAX_THEMES, SUMMARY_MAX_LENGTH, SUMMARY_MAX_SENTENCES, TITLE_LENGTH
from kirjasto.content.messages import SOURCE_LANGUAGE, Messages, _, messages_in
from kirjasto.content.model import STATUSES, UNKNOWN_STATUS, Kind, Library
from kirjasto.content.vocabularies import Vocabularies, sorted_by_name

KIND_KEYS = {Kind.PRACTICE: "practice", Kind.NETWORK: "network", Kind.TOOLKIT: "material"}

_FINNISH = messages_in()


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
        "contacts", _("Yhteystiedot"),
        _("Organisaatio ja sen julkinen kanava (palvelusivu, palveluosoite tai vaihde) riittävät; tehtävänimike, jos tiedät sen. Älä kirjoita kenenkään omaa sähköpostiosoitetta tai matkapuhelinnumeroa."),
        [("organisation", _("Organisaatio"), "text"), ("role", _("Tehtävänimike (jos tiedossa)"), "text"), ("name", _("Nimi (vapaaehtoinen)"), "text"),
         ("url", _("Palvelusivun osoite (vapaaehtoinen)"), "url"), ("email", _("Palvelun sähköposti (vapaaehtoinen)"), "email"),
         ("phone", _("Vaihde tai palvelunumero (vapaaehtoinen)"), "tel")],
        _("Yhteystieto"),
    ),
    ("links", _("Linkit"), _("Osoitteen pitää alkaa https:// tai http://."), [("title", _("Linkin teksti"), "text"), ("url", _("Osoite"), "url")], _("Linkki")),
    (
        "teams", _("Tiimit"),
        _("Verkostoille ja käytännöille: tiimin nimi, teemat tunnisteina pilkuilla erotettuina (esim. steam, johtaminen; samat kuin yllä) ja halutessa yksi virke siitä, mitä tiimi tekee. Vapaaehtoinen."),
        [("name", _("Tiimin nimi"), "text"), ("themes", _("Teemat (tunnisteet)"), "list"), ("description", _("Mitä tiimi tekee (vapaaehtoinen)"), "text")],
        _("Tiimi"),
    ),
    (
        "vuosikello", _("Vuosikello"),
        _("Lukuvuosi alkaa elokuusta. Kuukausi numerona tai nimenä (8 tai elokuu) tai jakso lukuvuoden järjestyksessä (9-10 tai marraskuu-helmikuu), mitä tehdään ja halutessa kuka vastaa (tehtävä, ei nimi). Vapaaehtoinen."),
        [("months", _("Kuukausi tai jakso"), "text"), ("title", _("Mitä tehdään"), "text"), ("role", _("Kuka vastaa (vapaaehtoinen)"), "text")],
        _("Vuosikellon rivi"),
    ),
)  # fmt: skip
"""The groups a contributor can repeat: (field, legend, help, (part, label, input type) of each input, one group's name),
their texts Finnish messages (`form_fields` says them in its language)."""


def _repeated_group(group: tuple[str, str, str, list[tuple[str, str, str]], str], messages: Messages) -> FormField:
    """One of `REPEATED_GROUPS` in the language of `messages`."""
    name, legend, help_text, parts, item_label = group
    say = messages.say
    return _repeatable(
        name, say(legend), say(help_text), [(part, say(label), kind) for part, label, kind in parts], say(item_label)
    )


def _with_suggestions(group: FormField, vocabularies: Vocabularies, language: str) -> FormField:
    """A team's themes are suggested from the vocabulary while typing (input type `list`),
    named in `language`."""
    if not any(kind == "list" for _, _, kind in group.parts):
        return group
    return dataclasses.replace(group, options=_themes(vocabularies, language))


def _themes(vocabularies: Vocabularies, language: str) -> list[tuple[str, str]]:
    return [(t.slug, t.name_in(language)) for t in sorted_by_name(vocabularies.themes.values(), language)]


def _municipality_options(vocabularies: Vocabularies, language: str) -> list[tuple[str, str]]:
    """(Finnish name, what the list shows beside it) of every municipality, in the order of
    the Finnish names: the value is the name the form writes into the file (the script
    knows municipalities by it); beside it, its region, and on Swedish pages also the
    municipality's Swedish name when that differs ('Helsingfors, Nyland'), so that typing
    either name finds it."""
    municipalities = sorted_by_name(vocabularies.municipalities.values())
    if language == SOURCE_LANGUAGE:
        return [(m.name, m.region.name) for m in municipalities]
    options = []
    for m in municipalities:
        region = m.region.name_in(language)
        options.append((m.name, f"{m.name_sv}, {region}" if m.name_sv and m.name_sv != m.name else region))
    return options


def form_fields(library: Library, *, messages: Messages = _FINNISH) -> list[FormField]:
    """Every field, in order, with the validator's own limits in its help text, in the
    language of `messages` (Finnish by default)."""
    say = messages.say
    language = messages.language
    vocabularies = library.vocabularies
    kinds = [(KIND_KEYS[kind], say(kind.label)) for kind in Kind]
    statuses = [(slug, say(label)) for slug, label in STATUSES.items()]
    municipalities = _municipality_options(vocabularies, language)
    fields = [
        _choices(
            "kind",
            say(_("Kuvauksen tyyppi")),
            say(
                _(
                    "Hyvä käytäntö on kokeiltu toimintamalli, verkosto kertoo ihmisistä ja tiimeistä, materiaali on työkalu tai aineisto."
                )
            ),
            kinds,
            input_type="radio",
            required=True,
            columns=False,
        ),
        _input(
            "title",
            say(_("Otsikko")),
            " ".join(
                (
                    say(_("{min}–{max} merkkiä."), min=TITLE_LENGTH[0], max=TITLE_LENGTH[1]),
                    say(_("Kerro, mitä ja missä: esim. Tutoropettajat Porin peruskouluissa.")),
                )
            ),
            required=True,
            maxlength=str(TITLE_LENGTH[1]),
        ),
        _textarea(
            "summary",
            say(_("Tiivistelmä")),
            " ".join(
                (
                    say(
                        _("1–{sentences} virkettä, enintään {length} merkkiä."),
                        sentences=SUMMARY_MAX_SENTENCES,
                        length=SUMMARY_MAX_LENGTH,
                    ),
                    say(_("Näkyy luetteloissa.")),
                )
            ),
            required=True,
        ),
        _input(
            "slug",
            say(_("Tiedostonimi")),
            say(_("Muodostetaan otsikosta; saat muuttaa. Vain a–z, 0–9 ja viiva. Tulee kuvauksen osoitteeksi.")),
            required=True,
            pattern="[a-z0-9]+(-[a-z0-9]+)*",
            spellcheck="false",
        ),
        _picker(
            "municipalities",
            say(_("Kunnat")),
            say(
                _("Kirjoita kunnan nimen alkua ja valitse listasta, sitten Lisää. Jätä tyhjäksi, jos kuvaus koskee koko Suomea.")
            ),
            municipalities,
        ),
        _choices(
            "regions",
            say(_("Maakunnat")),
            say(_("Vain koko maakuntaa koskeville kuvauksille. Kunnan maakuntaa ei tarvitse valita.")),
            [(r.name, r.name_in(language)) for r in sorted_by_name(vocabularies.regions.values(), language)],
        ),
        _choices(
            "levels",
            say(_("Koulutusasteet")),
            say(_("Valitse yksi tai useampi.")),
            [(level.slug, level.name_in(language)) for level in vocabularies.levels.values()],
            required=True,
        ),
        _choices(
            "themes",
            say(_("Teemat")),
            say(_("Valitse 1–{most}."), most=MAX_THEMES),
            _themes(vocabularies, language),
            required=True,
        ),
        _choices(
            "status",
            say(_("Tila")),
            say(
                _("Käytännöille ja verkostoille. Jos et tiedä, jatkuuko toiminta yhä, jätä valinnaksi {status}."),
                status=say(STATUSES[UNKNOWN_STATUS]),
            ),
            statuses,
            input_type="radio",
            columns=False,
        ),
        _input(
            "written",
            say(_("Kirjoituspäivä")),
            say(_("Päivä, jolloin kirjoitit kuvauksen (tavallisesti tänään).")),
            required=True,
            kind="date",
        ),
        _choices(
            "checked",
            say(_("Tietojen tarkistus")),
            say(
                _(
                    "Rastita vain, jos olet itse varmistanut, että tiedot pitävät nyt paikkansa: toiminta on sellaista kuin kuvaat ja yhteystiedot toimivat. Kuvaus näyttää tarkistuspäivän lukijoille."
                )
            ),
            [("tanaan", say(_("Olen tarkistanut tiedot tänään")))],
            columns=False,
        ),
        _input(
            "started",
            say(_("Aloitusvuosi")),
            say(_("Vapaaehtoinen, esim. 2014.")),
            kind="number",
            min=str(EARLIEST_YEAR),
            step="1",
        ),
        _textarea("organisations", say(_("Organisaatiot")), say(_("Yksi riville, esim. Porin kaupunki."))),
        _choices(
            "audience",
            say(_("Kohderyhmät")),
            say(_("Vapaaehtoinen.")),
            [(a.slug, a.name_in(language)) for a in vocabularies.audiences.values()],
        ),
        *(_with_suggestions(_repeated_group(group, messages), vocabularies, language) for group in REPEATED_GROUPS),
        _textarea("funding", say(_("Rahoitus")), say(_("Rahoittajat, yksi riville. Vapaaehtoinen."))),
        _input(
            "source_title",
            say(_("Lähteen otsikko")),
            say(_("Jos kirjoitit kuvauksen julkaistun tekstin pohjalta: sen otsikko. Vapaaehtoinen.")),
        ),
        _input("source_publisher", say(_("Lähteen julkaisija")), say(_("Esim. Innokylä tai Opetushallitus. Vapaaehtoinen."))),
        _input(
            "source_published",
            say(_("Lähteen julkaisupäivä tai -vuosi")),
            say(_("Muodossa 2017-10-27 tai pelkkä vuosi 2017, jos päivää ei tiedetä.")),
            inputmode="numeric",
            spellcheck="false",
        ),
        _input("source_url", say(_("Lähteen osoite")), say(_("Alkaa https://. Vapaaehtoinen.")), kind="url"),
        _picker(
            "related",
            say(_("Liittyvät kuvaukset")),
            say(_("Kirjoita toisen kuvauksen nimeä ja valitse listasta. Vapaaehtoinen.")),
            [],
        ),
        _textarea(
            "body",
            say(_("Kuvausteksti")),
            say(_("Markdown-muodossa. Korvaa apukysymykset omalla tekstilläsi; väliotsikot alkavat merkeillä ##.")),
            required=True,
            rows=16,
        ),
    ]
    return fields
