"""What a new item looks like: the recommended sections of each kind, shared by
`kirjasto new` and the submission form, in the language the item is written in."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from kirjasto.content.messages import LANGUAGES, SOURCE_LANGUAGE, Messages, _, messages_in
from kirjasto.content.model import KINDS_WITH_STATUS, Kind


@dataclass(frozen=True)
class Section:
    heading: str
    hint: str


RECOMMENDED_SECTIONS: dict[Kind, tuple[Section, ...]] = {
    Kind.PRACTICE: (
        Section(_("Tavoitteet"), _("Mihin tarpeeseen käytäntö syntyi ja mitä sillä tavoitellaan?")),
        Section(_("Toteutus"), _("Keitä oli mukana, mitä tehtiin, millä resursseilla ja missä aikataulussa?")),
        Section(_("Tulokset"), _("Mitä saatiin aikaan? Millaista palautetta tai näyttöä on?")),
        Section(_("Näin pääset alkuun"), _("Mitä toisen koulun tai kunnan kannattaa tehdä ensimmäiseksi?")),
    ),
    Kind.NETWORK: (
        Section(_("Keitä verkostossa on"), _("Ketkä verkostoon kuuluvat ja millaisia tiimejä siinä on?")),
        Section(_("Mitä verkosto tekee"), _("Miten verkosto toimii arjessa ja mitä se kehittää?")),
        Section(_("Kenelle"), _("Ketä verkosto palvelee ja miten sen tukea saa?")),
        Section(_("Näin pääset mukaan"), _("Miten verkostoon liitytään tai miten siihen otetaan yhteyttä?")),
    ),
    Kind.TOOLKIT: (
        Section(_("Mikä materiaali on"), _("Mitä materiaali sisältää ja mihin sitä käytetään?")),
        Section(_("Kenelle"), _("Kenelle materiaali on tehty?")),
        Section(_("Näin otat käyttöön"), _("Miten materiaalia käytetään tai muokataan omaan työhön?")),
        Section(_("Taustaa"), _("Kuka materiaalin teki, milloin ja missä yhteydessä?")),
    ),
}


def body_template(kind: Kind, messages: Messages | None = None) -> str:
    """The recommended headings of a kind, each with a one-line hint to replace, in the
    language of `messages` (Finnish unless given)."""
    say = (messages or messages_in()).say
    return "\n".join(f"## {say(section.heading)}\n\n{say(section.hint)}\n" for section in RECOMMENDED_SECTIONS[kind])


_COMMENTS = {
    "status": _("tai kehitteilla, kaytossa, paattynyt: kaytossa vain, jos tiedät toiminnan jatkuvan nyt"),
    "summary": _("1–3 virkettä, enintään 300 merkkiä"),
    "municipalities": _("esim. [Hämeenlinna]; jätä tyhjäksi, jos kuvaus on valtakunnallinen"),
    "regions": _("vain koko maakuntaa koskeville, esim. [Satakunta]"),
    "levels": _("esim. [perusopetus]; luettelo: docs/osallistu.md"),
    "themes": _("1–5 teemaa tiedostosta practices/teemat.yml"),
    "date_format": _("VVVV-KK-PP"),
    "checked": _("vain jos olet varmistanut, että tiedot pitävät nyt paikkansa"),
    "source_title": _("Lähteen otsikko"),
    "publisher": _("Julkaisija"),
}
"""The new file's comments and example values, said in the item's language."""


def new_item_text(kind: Kind, title: str, today: datetime.date, language: str = SOURCE_LANGUAGE) -> str:
    """A new item file in `language`: the title filled in, every other field waiting for
    the contributor, the comments and the body's headings and hints in that language.

    Required fields are left empty on purpose, so that `kirjasto validate`
    points at each one until it is filled in.
    """
    messages = messages_in(language)
    c = {key: messages.say(text) for key, text in _COMMENTS.items()}
    status = f"status: ei-tiedossa   # {c['status']}\n" if kind in KINDS_WITH_STATUS else ""
    quoted_title = '"' + title.replace("\\", "\\\\").replace('"', '\\"') + '"'
    written_in = "" if language == SOURCE_LANGUAGE else f"language: {language}\n"
    return (
        "---\n"
        f"title: {quoted_title}\n"
        f"{written_in}"
        f'summary: ""   # {c["summary"]}\n'
        f"municipalities: []   # {c['municipalities']}\n"
        f"regions: []   # {c['regions']}\n"
        f"levels: []   # {c['levels']}\n"
        f"themes: []   # {c['themes']}\n"
        f"{status}"
        f"written: {today.isoformat()}\n"
        f"updated: {today.isoformat()}\n"
        f"# checked: {c['date_format']}   # {c['checked']}\n"
        f'# source: {{title: "{c["source_title"]}", publisher: "{c["publisher"]}", published: 2017-10-27, url: "https://..."}}\n'
        "---\n\n"
        f"{body_template(kind, messages)}"
    )


def all_hints() -> frozenset[str]:
    """Every placeholder question, in every language; a body that still has one is not finished."""
    return frozenset(
        messages_in(language).say(section.hint)
        for language in LANGUAGES
        for sections in RECOMMENDED_SECTIONS.values()
        for section in sections
    )
