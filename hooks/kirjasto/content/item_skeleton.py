"""What a new item looks like: the recommended sections of each kind, shared by
`kirjasto new` and the submission form."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from kirjasto.content.model import KINDS_WITH_STATUS, Kind


@dataclass(frozen=True)
class Section:
    heading: str
    hint: str


RECOMMENDED_SECTIONS: dict[Kind, tuple[Section, ...]] = {
    Kind.PRACTICE: (
        Section("Tavoitteet", "Mihin tarpeeseen käytäntö syntyi ja mitä sillä tavoitellaan?"),
        Section("Toteutus", "Keitä oli mukana, mitä tehtiin, millä resursseilla ja missä aikataulussa?"),
        Section("Tulokset", "Mitä saatiin aikaan? Millaista palautetta tai näyttöä on?"),
        Section("Näin pääset alkuun", "Mitä toisen koulun tai kunnan kannattaa tehdä ensimmäiseksi?"),
    ),
    Kind.NETWORK: (
        Section("Keitä verkostossa on", "Ketkä verkostoon kuuluvat ja millaisia tiimejä siinä on?"),
        Section("Mitä verkosto tekee", "Miten verkosto toimii arjessa ja mitä se kehittää?"),
        Section("Kenelle", "Ketä verkosto palvelee ja miten sen tukea saa?"),
        Section("Näin pääset mukaan", "Miten verkostoon liitytään tai miten siihen otetaan yhteyttä?"),
    ),
    Kind.TOOLKIT: (
        Section("Mikä materiaali on", "Mitä materiaali sisältää ja mihin sitä käytetään?"),
        Section("Kenelle", "Kenelle materiaali on tehty?"),
        Section("Näin otat käyttöön", "Miten materiaalia käytetään tai muokataan omaan työhön?"),
        Section("Taustaa", "Kuka materiaalin teki, milloin ja missä yhteydessä?"),
    ),
}


def body_template(kind: Kind) -> str:
    """The recommended headings of a kind, each with a one-line hint to replace."""
    return "\n".join(f"## {section.heading}\n\n{section.hint}\n" for section in RECOMMENDED_SECTIONS[kind])


def new_item_text(kind: Kind, title: str, today: datetime.date) -> str:
    """A new item file: the title filled in, every other field waiting for the contributor.

    Required fields are left empty on purpose, so that `kirjasto validate`
    points at each one until it is filled in.
    """
    status = (
        "status: ei-tiedossa   # tai kehitteilla, kaytossa, paattynyt: kaytossa vain, jos tiedät toiminnan jatkuvan nyt\n"
        if kind in KINDS_WITH_STATUS
        else ""
    )
    quoted_title = '"' + title.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return (
        "---\n"
        f"title: {quoted_title}\n"
        'summary: ""   # 1–3 virkettä, enintään 300 merkkiä\n'
        "municipalities: []   # esim. [Hämeenlinna]; jätä tyhjäksi, jos kuvaus on valtakunnallinen\n"
        "regions: []   # vain koko maakuntaa koskeville, esim. [Satakunta]\n"
        "levels: []   # esim. [perusopetus]; luettelo: docs/osallistu.md\n"
        "themes: []   # 1–5 teemaa tiedostosta practices/teemat.yml\n"
        f"{status}"
        f"written: {today.isoformat()}\n"
        f"updated: {today.isoformat()}\n"
        "# checked: VVVV-KK-PP   # vain jos olet varmistanut, että tiedot pitävät nyt paikkansa\n"
        '# source: {title: "Lähteen otsikko", publisher: "Julkaisija", published: 2017-10-27, url: "https://..."}\n'
        "---\n\n"
        f"{body_template(kind)}"
    )


def all_hints() -> frozenset[str]:
    """Every placeholder question; a body that still has one is not finished."""
    return frozenset(section.hint for sections in RECOMMENDED_SECTIONS.values() for section in sections)
