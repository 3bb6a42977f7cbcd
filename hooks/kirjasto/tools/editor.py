"""Editor support generated from the vocabularies: VS Code snippets that
complete front-matter fields and offer the allowed values as choices.

(VS Code's YAML extension does not read front matter inside Markdown files,
redhat-developer/vscode-yaml#207, so snippets are what completes fields
while typing; the validation task in .vscode/tasks.json marks errors on
their lines.)

The snippets' words are messages (`_()`); `kirjasto schema` writes them in Finnish,
the source language, because the file is committed and shared like the schema."""

from __future__ import annotations

import json
from typing import Any

from kirjasto.content.item_skeleton import RECOMMENDED_SECTIONS
from kirjasto.content.messages import SOURCE_LANGUAGE, _, messages_in
from kirjasto.content.model import KINDS_WITH_STATUS, STATUSES, UNKNOWN_STATUS, Kind
from kirjasto.content.vocabularies import Vocabularies, sorted_by_name
from kirjasto.content.year_wheel import MONTH_NAMES

SNIPPETS_PATH = ".vscode/kirjasto.code-snippets"


def _choice(number: int, values: list[str]) -> str:
    escaped = [value.replace("\\", "\\\\").replace(",", "\\,").replace("|", "\\|").replace("$", "\\$") for value in values]
    return f"${{{number}|{','.join(escaped)}|}}"


def _slot(number: int, text: str) -> str:
    """A tab stop with placeholder text: `${1:Otsikko}`."""
    return f"${{{number}:{text}}}"


def _field(key: str, number: int, text: str, before: str = "") -> str:
    """A quoted field whose value is a tab stop: `title: "${1:Otsikko}"`. (The
    placeholder is given, not written in an f-string, so that `pybabel` finds it.)"""
    return f'{key}: "{before}{_slot(number, text)}"'


def snippets(vocabularies: Vocabularies, language: str = SOURCE_LANGUAGE) -> dict[str, Any]:
    say = messages_in(language).say
    levels = list(vocabularies.levels)
    themes = [t.slug for t in sorted_by_name(vocabularies.themes.values())]
    municipalities = [m.name for m in sorted_by_name(vocabularies.municipalities.values())]
    regions = [r.name for r in sorted_by_name(vocabularies.regions.values())]
    audiences = list(vocabularies.audiences)
    result: dict[str, Any] = {}
    for kind, key in ((Kind.PRACTICE, "kaytanto"), (Kind.NETWORK, "verkosto"), (Kind.TOOLKIT, "materiaali")):
        body = [
            "---",
            _field("title", 1, say(_("Otsikko"))),
            _field("summary", 2, say(_("1-3 virkettä, enintään 300 merkkiä."))),
            f"municipalities: [{_choice(3, municipalities)}]",
            f"levels: [{_choice(4, levels)}]",
            f"themes: [{_choice(5, themes)}]",
        ]
        if kind in KINDS_WITH_STATUS:
            body.append(f"status: {_choice(6, [UNKNOWN_STATUS, *(s for s in STATUSES if s != UNKNOWN_STATUS)])}")
        body += [
            "written: $CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE",
            "updated: $CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE",
            "---",
            "",
        ]
        for section in RECOMMENDED_SECTIONS[kind]:
            body += [f"## {section.heading}", "", section.hint, ""]
        result[say(_("Uusi kuvaus: {kind}"), kind=kind.label.lower())] = {
            "scope": "markdown",
            "prefix": f"kuvaus-{key}",
            "body": body,
            "description": say(_("Front matter ja suositellut väliotsikot ({kind})."), kind=kind.label.lower()),
        }
    fields = {
        "kunta": (say(_("Kunta (municipalities)")), municipalities),
        "maakunta": (say(_("Maakunta (regions)")), regions),
        "aste": (say(_("Koulutusaste (levels)")), levels),
        "teema": (say(_("Teema (themes)")), themes),
        "kohderyhma": (say(_("Kohderyhmä (audience)")), audiences),
        "tila": (say(_("Tila (status)")), list(STATUSES)),
    }
    for prefix, (description, values) in fields.items():
        result[description] = {"scope": "markdown", "prefix": prefix, "body": [_choice(1, values)], "description": description}
    address = say(_("osoite.fi/"))
    result[say(_("Yhteystieto (contacts)"))] = {
        "scope": "markdown",
        "prefix": "yhteystieto",
        "body": [
            _field("  - role", 1, say(_("Tehtävänimike"))),
            _field("    organisation", 2, say(_("Organisaatio"))),
            _field("    url", 3, say(_("organisaation-palvelusivu.fi/")), before="https://"),
        ],
        "description": say(_("Yhteystieto: tehtävänimike, organisaatio ja sen palvelusivu.")),
    }
    result[say(_("Lähde (source)"))] = {
        "scope": "markdown",
        "prefix": "lahde",
        "body": [
            "source:",
            _field("  title", 1, say(_("Lähteen otsikko"))),
            _field("  publisher", 2, say(_("Julkaisija"))),
            f"  published: {_slot(3, '2017-10-27')}",
            _field("  url", 4, address, before="https://"),
        ],
        "description": say(_("Lähde: otsikko, julkaisija, julkaisupäivä tai -vuosi ja osoite.")),
    }
    result[say(_("Linkki (links)"))] = {
        "scope": "markdown",
        "prefix": "linkki",
        "body": [_field("  - title", 1, say(_("Linkin teksti"))), _field("    url", 2, address, before="https://")],
        "description": say(_("Linkki: teksti ja https-osoite.")),
    }
    result[say(_("Tiimi (teams)"))] = {
        "scope": "markdown",
        "prefix": "tiimi",
        "body": [
            _field("  - name", 1, say(_("Tiimin nimi"))),
            f"    themes: [{_choice(2, themes)}]",
            _field("    description", 3, say(_("Mitä tiimi tekee"))),
        ],
        "description": say(_("Verkoston tiimi: nimi, teemat ja yhden virkkeen kuvaus.")),
    }
    result[say(_("Näin pääset mukaan (join)"))] = {
        "scope": "markdown",
        "prefix": "liittyminen",
        "body": [
            "join:",
            _field("  who", 1, say(_("Kuka voi tulla mukaan"))),
            _field("  how", 2, say(_("Miten"))),
            _field("  channel", 3, "https://"),
        ],
        "description": say(_("Liittyminen: vain se, minkä lähde kertoo; kanava on verkko-osoite tai palveluosoite.")),
    }
    result[say(_("Jäsenryhmä (members)"))] = {
        "scope": "markdown",
        "prefix": "jasenet",
        "body": [
            f"  - group: {_choice(1, audiences)}",
            _field("    rule", 2, say(_("esim. kaksi opettajaa jokaisesta lukiosta"))),
        ],
        "description": say(_("Keitä verkostoon kuuluu: kohderyhmä ja määrä tai sääntö.")),
    }
    result[say(_("Vuosikellon rivi (vuosikello)"))] = {
        "scope": "markdown",
        "prefix": "vuosikello",
        "body": [
            f"  - months: {_choice(1, [*MONTH_NAMES[7:], *MONTH_NAMES[:7]])}",
            _field("    title", 2, say(_("Mitä tehdään"))),
            _field("    role", 3, say(_("Kuka vastaa"))),
        ],
        "description": say(_("Vuosikellon rivi: kuukausi tai jakso (9-10), mitä tehdään ja kuka vastaa.")),
    }
    return result


def snippets_text(vocabularies: Vocabularies, language: str = SOURCE_LANGUAGE) -> str:
    header = "// " + messages_in(language).say(_("Generoitu komennolla 'kirjasto schema'. Älä muokkaa käsin.")) + "\n"
    return header + json.dumps(snippets(vocabularies, language), ensure_ascii=False, indent=2) + "\n"
