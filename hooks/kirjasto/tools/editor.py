"""Editor support generated from the vocabularies: VS Code snippets that
complete front-matter fields and offer the allowed values as choices.

(VS Code's YAML extension does not read front matter inside Markdown files,
redhat-developer/vscode-yaml#207, so snippets are what completes fields
while typing; the validation task in .vscode/tasks.json marks errors on
their lines.)"""

from __future__ import annotations

import json
from typing import Any

from kirjasto.content.item_skeleton import RECOMMENDED_SECTIONS
from kirjasto.content.model import KINDS_WITH_STATUS, STATUSES, UNKNOWN_STATUS, Kind
from kirjasto.content.vocabularies import Vocabularies, sorted_by_name
from kirjasto.content.year_wheel import MONTH_NAMES

SNIPPETS_PATH = ".vscode/kirjasto.code-snippets"


def _choice(number: int, values: list[str]) -> str:
    escaped = [value.replace("\\", "\\\\").replace(",", "\\,").replace("|", "\\|").replace("$", "\\$") for value in values]
    return f"${{{number}|{','.join(escaped)}|}}"


def snippets(vocabularies: Vocabularies) -> dict[str, Any]:
    levels = list(vocabularies.levels)
    themes = [t.slug for t in sorted_by_name(vocabularies.themes.values())]
    municipalities = [m.name for m in sorted_by_name(vocabularies.municipalities.values())]
    regions = [r.name for r in sorted_by_name(vocabularies.regions.values())]
    audiences = list(vocabularies.audiences)
    result: dict[str, Any] = {}
    for kind, key in ((Kind.PRACTICE, "kaytanto"), (Kind.NETWORK, "verkosto"), (Kind.TOOLKIT, "materiaali")):
        body = [
            "---",
            'title: "${1:Otsikko}"',
            'summary: "${2:1-3 virkettä, enintään 300 merkkiä.}"',
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
        result[f"Uusi kuvaus: {kind.label.lower()}"] = {
            "scope": "markdown",
            "prefix": f"kuvaus-{key}",
            "body": body,
            "description": f"Front matter ja suositellut väliotsikot ({kind.label.lower()}).",
        }
    fields = {
        "kunta": ("Kunta (municipalities)", municipalities),
        "maakunta": ("Maakunta (regions)", regions),
        "aste": ("Koulutusaste (levels)", levels),
        "teema": ("Teema (themes)", themes),
        "kohderyhma": ("Kohderyhmä (audience)", audiences),
        "tila": ("Tila (status)", list(STATUSES)),
    }
    for prefix, (description, values) in fields.items():
        result[description] = {"scope": "markdown", "prefix": prefix, "body": [_choice(1, values)], "description": description}
    result["Yhteystieto (contacts)"] = {
        "scope": "markdown",
        "prefix": "yhteystieto",
        "body": [
            '  - role: "${1:Tehtävänimike}"',
            '    organisation: "${2:Organisaatio}"',
            '    url: "https://${3:organisaation-palvelusivu.fi/}"',
        ],
        "description": "Yhteystieto: tehtävänimike, organisaatio ja sen palvelusivu.",
    }
    result["Lähde (source)"] = {
        "scope": "markdown",
        "prefix": "lahde",
        "body": [
            "source:",
            '  title: "${1:Lähteen otsikko}"',
            '  publisher: "${2:Julkaisija}"',
            "  published: ${3:2017-10-27}",
            '  url: "https://${4:osoite.fi/}"',
        ],
        "description": "Lähde: otsikko, julkaisija, julkaisupäivä tai -vuosi ja osoite.",
    }
    result["Linkki (links)"] = {
        "scope": "markdown",
        "prefix": "linkki",
        "body": ['  - title: "${1:Linkin teksti}"', '    url: "https://${2:osoite.fi/}"'],
        "description": "Linkki: teksti ja https-osoite.",
    }
    result["Tiimi (teams)"] = {
        "scope": "markdown",
        "prefix": "tiimi",
        "body": [
            '  - name: "${1:Tiimin nimi}"',
            f"    themes: [{_choice(2, themes)}]",
            '    description: "${3:Mitä tiimi tekee}"',
        ],
        "description": "Verkoston tiimi: nimi, teemat ja yhden virkkeen kuvaus.",
    }
    result["Näin pääset mukaan (join)"] = {
        "scope": "markdown",
        "prefix": "liittyminen",
        "body": ["join:", '  who: "${1:Kuka voi tulla mukaan}"', '  how: "${2:Miten}"', '  channel: "${3:https://}"'],
        "description": "Liittyminen: vain se, minkä lähde kertoo; kanava on verkko-osoite tai palveluosoite.",
    }
    result["Jäsenryhmä (members)"] = {
        "scope": "markdown",
        "prefix": "jasenet",
        "body": [f"  - group: {_choice(1, audiences)}", '    rule: "${2:esim. kaksi opettajaa jokaisesta lukiosta}"'],
        "description": "Keitä verkostoon kuuluu: kohderyhmä ja määrä tai sääntö.",
    }
    result["Vuosikellon rivi (vuosikello)"] = {
        "scope": "markdown",
        "prefix": "vuosikello",
        "body": [
            f"  - months: {_choice(1, [*MONTH_NAMES[7:], *MONTH_NAMES[:7]])}",
            '    title: "${2:Mitä tehdään}"',
            '    role: "${3:Kuka vastaa}"',
        ],
        "description": "Vuosikellon rivi: kuukausi tai jakso (9-10), mitä tehdään ja kuka vastaa.",
    }
    return result


def snippets_text(vocabularies: Vocabularies) -> str:
    header = "// Generoitu komennolla 'kirjasto schema'. Älä muokkaa käsin.\n"
    return header + json.dumps(snippets(vocabularies), ensure_ascii=False, indent=2) + "\n"
