"""A JSON Schema of the front matter, generated from the model and the
vocabularies. `kirjasto schema` writes it to `schema/kuvaus.schema.json`; a
test keeps the committed file in sync. It serves editors and other tools;
`kirjasto validate` remains the authority (it also checks what a schema
cannot, e.g. that a municipality's region is not typed twice)."""

from __future__ import annotations

import json
from typing import Any

from kirjasto.content.field_rules import EARLIEST_YEAR, MAX_THEMES, PHONE_NUMBER, SUMMARY_MAX_LENGTH, TITLE_LENGTH
from kirjasto.content.messages import LANGUAGES
from kirjasto.content.model import STATUSES, UNKNOWN_STATUS
from kirjasto.content.vocabularies import Vocabularies, sorted_by_name
from kirjasto.content.year_wheel import MAX_WHEEL_ROWS

SCHEMA_PATH = "schema/kuvaus.schema.json"
_TEXT = {"type": "string", "minLength": 1, "pattern": "^[^\\u0000-\\u0008\\u000b-\\u001f\\u202a-\\u202e\\u2066-\\u2069]*$"}


def _text(description: str, **extra: Any) -> dict[str, Any]:
    return {**_TEXT, "description": description, **extra}


def _choices(description: str, values: list[tuple[str, str]], **extra: Any) -> dict[str, Any]:
    """A list whose items are one of `values` (value, Finnish label shown as a hint)."""
    return {
        "type": "array",
        "description": description,
        "uniqueItems": True,
        "items": {"oneOf": [{"const": value, "description": label} for value, label in values]},
        **extra,
    }


def _text_list(description: str) -> dict[str, Any]:
    return {"type": "array", "description": description, "items": _text("")}


def front_matter_schema(vocabularies: Vocabularies) -> dict[str, Any]:
    properties: dict[str, Any] = {
        "title": _text(
            f"Otsikko, {TITLE_LENGTH[0]}-{TITLE_LENGTH[1]} merkkiä.",
            minLength=TITLE_LENGTH[0],
            maxLength=TITLE_LENGTH[1],
            pattern="^[^<>\\u0000-\\u001f\\u202a-\\u202e\\u2066-\\u2069]*$",
        ),
        "summary": _text(
            f"Tiivistelmä: 1-3 virkettä, enintään {SUMMARY_MAX_LENGTH} merkkiä. Näkyy luetteloissa.",
            maxLength=SUMMARY_MAX_LENGTH,
            pattern="^[^<>\\u0000-\\u0008\\u000b-\\u001f\\u202a-\\u202e\\u2066-\\u2069]*$",
        ),
        "municipalities": _choices(
            "Kunnat Tilastokeskuksen kirjoitusasussa, suomeksi tai ruotsiksi.",
            [(m.name, m.region.name) for m in sorted_by_name(vocabularies.municipalities.values())]
            + [(alias, f"= {name}") for alias, name in sorted(vocabularies.municipality_aliases.items())],
        ),
        "regions": _choices(
            "Maakunnat koko maakuntaa koskeville kuvauksille, suomeksi tai ruotsiksi.",
            [(r.name, r.code) for r in sorted_by_name(vocabularies.regions.values())]
            + [(alias, f"= {name}") for alias, name in sorted(vocabularies.region_aliases.items())],
        ),
        "levels": _choices("Koulutusasteet.", [(level.slug, level.name) for level in vocabularies.levels.values()], minItems=1),
        "themes": _choices(
            f"1-{MAX_THEMES} teemaa.", [(t.slug, t.name) for t in vocabularies.themes.values()], minItems=1, maxItems=MAX_THEMES
        ),
        "status": {
            "description": f"Tila. Oletus käytännöille ja verkostoille: {UNKNOWN_STATUS} ({STATUSES[UNKNOWN_STATUS]}).",
            "oneOf": [{"const": slug, "description": label} for slug, label in STATUSES.items()],
        },
        "written": {"type": "string", "format": "date", "description": "Päivä, jolloin kuvaus kirjoitettiin (VVVV-KK-PP)."},
        "updated": {
            "type": "string",
            "format": "date",
            "description": "Päivä, jolloin kuvausta viimeksi muokattiin (VVVV-KK-PP).",
        },
        "checked": {
            "type": "string",
            "format": "date",
            "description": "Päivä, jolloin joku varmisti tiedot todellisuutta vasten (VVVV-KK-PP). Vain jos tiedot on oikeasti tarkistettu.",
        },
        "started": {"type": "integer", "minimum": EARLIEST_YEAR, "description": "Aloitusvuosi."},
        "organisations": _text_list("Mukana olevat organisaatiot."),
        "audience": _choices("Kohderyhmät.", [(a.slug, a.name) for a in vocabularies.audiences.values()]),
        "contacts": {
            "type": "array",
            "description": "Yhteystiedot: tehtävänimike ja organisaatio; sähköpostina mieluiten tehtäväosoite.",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["organisation"],
                "properties": {
                    "role": _text("Tehtävänimike, jos tiedossa."),
                    "organisation": _text("Organisaatio."),
                    "name": _text("Nimi (vapaaehtoinen)."),
                    "email": {
                        "type": "string",
                        "format": "email",
                        "description": "Organisaation palvelun sähköpostiosoite (ei henkilökohtainen).",
                    },
                    "phone": {
                        "type": "string",
                        "pattern": PHONE_NUMBER.pattern,
                        "description": "Vaihteen tai palvelun puhelinnumero.",
                    },
                    "url": {"type": "string", "pattern": "^https?://", "description": "Organisaation palvelusivu."},
                },
            },
        },
        "links": {
            "type": "array",
            "description": "Linkit.",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["title", "url"],
                "properties": {
                    "title": _text("Linkin teksti."),
                    "url": {"type": "string", "pattern": "^https?://", "description": "Osoite (http tai https)."},
                },
            },
        },
        "funding": _text_list("Rahoittajat."),
        "source": {
            "type": "object",
            "description": "Julkaistu teksti, jonka pohjalta kuvaus on kirjoitettu.",
            "additionalProperties": False,
            "required": ["title"],
            "properties": {
                "title": _text("Lähteen otsikko."),
                "publisher": _text("Julkaisija."),
                "published": {
                    "description": "Julkaisupäivä (VVVV-KK-PP) tai pelkkä vuosi, jos päivää ei tiedetä.",
                    "anyOf": [{"type": "string", "format": "date"}, {"type": "integer", "minimum": EARLIEST_YEAR}],
                },
                "url": {"type": "string", "pattern": "^https?://", "description": "Lähteen osoite."},
            },
        },
        "vuosikello": {
            "type": "array",
            "maxItems": MAX_WHEEL_ROWS,
            "description": "Vuosikello: mitä lukuvuoden kuukausina tehdään. Lukuvuosi alkaa elokuusta.",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["months", "title"],
                "properties": {
                    "months": {
                        "description": "Kuukausi (8 tai elokuu) tai jakso lukuvuoden järjestyksessä (9-10, marraskuu-helmikuu).",
                        "anyOf": [{"type": "integer", "minimum": 1, "maximum": 12}, {"type": "string"}],
                    },
                    "title": _text("Mitä tehdään."),
                    "role": _text("Kuka vastaa (tehtävä tai ryhmä, ei henkilön nimi)."),
                    "description": _text("Lisätietoja."),
                },
            },
        },
        "teams": {
            "type": "array",
            "description": "Verkoston tiimit: nimi, teemat, yhden virkkeen kuvaus ja koordinoijan tehtävä.",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["name", "themes"],
                "properties": {
                    "name": _text("Tiimin nimi."),
                    "themes": _choices(
                        "Teemat, joiden parissa tiimi työskentelee.", [(t.slug, t.name) for t in vocabularies.themes.values()]
                    ),
                    "description": _text("Mitä tiimi tekee, yhdellä virkkeellä."),
                    "coordinator": _text("Kuka koordinoi (tehtävä, ei henkilön nimi)."),
                },
            },
        },
        "join": {
            "type": "object",
            "description": "Näin pääset mukaan: vain se, minkä lähde kertoo.",
            "additionalProperties": False,
            "properties": {
                "who": _text("Kuka voi tulla mukaan."),
                "how": _text("Miten mukaan pääsee."),
                "when": _text("Milloin, esim. hakuaika."),
                "channel": _text("Julkinen kanava: verkko-osoite (https://...) tai palvelun sähköpostiosoite."),
            },
        },
        "members": {
            "type": "array",
            "description": "Keitä verkostoon kuuluu: ryhmä kohderyhmien luettelosta ja/tai lähteen omin sanoin, määrä tai sääntö.",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "group": {"type": "string", "enum": list(vocabularies.audiences), "description": "Kohderyhmä luettelosta."},
                    "description": _text("Ryhmä lähteen omin sanoin."),
                    "rule": _text("Määrä tai sääntö, esim. kaksi opettajaa jokaisesta lukiosta."),
                    "where": _text("Mistä kunnista tai kouluista, esim. Helsingin suomenkieliset lukiot."),
                },
            },
        },
        "meets": _text("Miten usein ja missä muodossa verkosto kokoontuu, esim. kerran kuukaudessa, verkossa."),
        "vuosikello_selite": _text("Kenen vuosikello on, esim. että se on toimituksen esimerkki."),
        "related": {
            "type": "array",
            "description": "Muiden kuvausten tiedostonimet ilman .md-päätettä.",
            "uniqueItems": True,
            "items": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
        },
        "language": {
            "description": "Kieli, jolla kuvaus on kirjoitettu: fi (suomi, oletus) tai sv (ruotsi).",
            "enum": list(LANGUAGES),
        },
        "translations": {
            "type": "array",
            "description": "Sama kuvaus toisella kielellä: sen tiedostonimi ilman .md-päätettä. Käännöksen pitää mainita tämä kuvaus omassa translations-listassaan.",
            "uniqueItems": True,
            "maxItems": len(LANGUAGES) - 1,
            "items": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
        },
    }
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": "kuvaus.schema.json",
        "title": "Käytäntökirjaston kuvauksen front matter",
        "description": "Generoitu komennolla 'kirjasto schema'. Älä muokkaa käsin.",
        "type": "object",
        "additionalProperties": False,
        "required": ["title", "summary", "levels", "themes", "updated"],
        "properties": properties,
    }


def schema_text(vocabularies: Vocabularies) -> str:
    return json.dumps(front_matter_schema(vocabularies), ensure_ascii=False, indent=2) + "\n"
