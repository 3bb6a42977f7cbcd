"""The submission form ("Ehdota kuvausta"): its HTML and the data its script
needs, both generated from the same vocabularies and limits the validator uses.

The form is plain HTML with labelled fields; `docs/javascripts/lomake.js`
checks it, writes the item file and offers the ways to send it. Without
JavaScript the form stays hidden and the page's own text explains the other
ways to contribute.
"""

from __future__ import annotations

import hashlib
import html
import json
from typing import Any

from kirjasto.content.library import items_sorted
from kirjasto.content.model import KINDS_WITH_STATUS, STATUSES, UNKNOWN_STATUS, Kind, Library
from kirjasto.content.settings import LibrarySettings
from kirjasto.content.item_skeleton import all_hints, body_template
from kirjasto.content.validate import EARLIEST_YEAR, MAX_THEMES, PHONE_DIGITS, PHONE_NUMBER, WEB_URL, SUMMARY_MAX_LENGTH, SUMMARY_MAX_SENTENCES, TITLE_LENGTH
from kirjasto.content.vocabularies import sorted_by_name

KIND_KEYS = {Kind.PRACTICE: "practice", Kind.NETWORK: "network", Kind.TOOLKIT: "material"}
GITHUB_URL_LIMIT = 7500
"""Characters; GitHub and browsers refuse much longer addresses, so longer files are copied instead."""


FORM_ITEMS_PATH = "data/lomake.json"


HIDDEN_HASH_LENGTH = 16
"""Hex digits kept of each hidden name's SHA-256: 64 bits, no collisions among thousands."""


def form_items(library: Library) -> dict[str, Any]:
    """The existing items for the form (related-item choices, names already taken), in a
    file of their own so that the form page stays small in a big library.

    A copy that publishes only part of the library must still refuse names taken by
    the items it leaves out, without publishing anything readable about them: those
    names are listed only as salted SHA-256 hashes, which the form compares with the
    hash of the name a contributor chose."""
    salt = "kaytantokirjasto:" + hashlib.sha256(repr(library.scope).encode("utf-8")).hexdigest()[:16] + ":"
    hidden = sorted(hashlib.sha256((salt + slug).encode("utf-8")).hexdigest()[:HIDDEN_HASH_LENGTH] for slug in library.out_of_scope)
    return {
        "items": [[item.slug, item.title] for item in items_sorted(library.items)],
        "taken": sorted(item.slug for item in library.items),
        "hidden": {"salt": salt, "length": HIDDEN_HASH_LENGTH, "hashes": hidden},
    }


def form_data(library: Library, settings: LibrarySettings, items_url: str = FORM_ITEMS_PATH) -> dict[str, Any]:
    """Everything the script needs that the HTML does not carry."""
    repository = settings.repository
    return {
        "kinds": {KIND_KEYS[kind]: {"folder": kind.folder, "label": kind.label, "body": body_template(kind),
                                    "hasStatus": kind in KINDS_WITH_STATUS} for kind in Kind},
        "unknownStatus": UNKNOWN_STATUS,
        "limits": {
            "titleMin": TITLE_LENGTH[0], "titleMax": TITLE_LENGTH[1], "summaryMax": SUMMARY_MAX_LENGTH,
            "summarySentences": SUMMARY_MAX_SENTENCES, "themesMax": MAX_THEMES, "earliestYear": EARLIEST_YEAR,
            "githubUrlMax": GITHUB_URL_LIMIT, "phoneDigitsMin": PHONE_DIGITS[0], "phoneDigitsMax": PHONE_DIGITS[1],
        },
        # The validator's own expressions (the same syntax in JavaScript), not copies of them.
        "patterns": {"webUrl": WEB_URL.pattern, "phone": PHONE_NUMBER.pattern},
        "hints": sorted(all_hints()),
        "municipalities": {m.name: m.region.name for m in library.vocabularies.municipalities.values()},
        "itemsUrl": items_url,
        "repository": {"newFileUrl": repository.new_file_url} if repository else None,
    }


def _escape(text: str) -> str:
    return html.escape(text, quote=True)


def _field_id(name: str) -> str:
    return f"kk-{name}"


def _help_and_error(name: str, help_text: str) -> str:
    return (f'<p class="kk-ohje" id="{_field_id(name)}-ohje">{_escape(help_text)}</p>'
            f'<p class="kk-virhe" id="{_field_id(name)}-virhe" hidden></p>')


def _described_by(name: str) -> str:
    return f'aria-describedby="{_field_id(name)}-ohje {_field_id(name)}-virhe"'


def _label(name: str, text: str, required: bool) -> str:
    marker = ' <span class="kk-pakollinen">(pakollinen)</span>' if required else ""
    return f'<label for="{_field_id(name)}">{_escape(text)}{marker}</label>'


def _input(name: str, label: str, help_text: str, *, required: bool = False, kind: str = "text", extra: str = "") -> str:
    return (
        f'<div class="kk-kentta" data-kentta="{name}">{_label(name, label, required)}'
        f'<input type="{kind}" id="{_field_id(name)}" name="{name}" {_described_by(name)}{" required" if required else ""} {extra}>'
        f"{_help_and_error(name, help_text)}</div>"
    )


def _textarea(name: str, label: str, help_text: str, *, required: bool = False, rows: int = 3, value: str = "") -> str:
    return (
        f'<div class="kk-kentta" data-kentta="{name}">{_label(name, label, required)}'
        f'<textarea id="{_field_id(name)}" name="{name}" rows="{rows}" {_described_by(name)}{" required" if required else ""}>{_escape(value)}</textarea>'
        f"{_help_and_error(name, help_text)}</div>"
    )


def _choices(name: str, legend: str, help_text: str, options: list[tuple[str, str]], *, kind: str = "checkbox", required: bool = False, columns: bool = True) -> str:
    marker = ' <span class="kk-pakollinen">(pakollinen)</span>' if required else ""
    boxes = "".join(
        f'<label class="kk-valinta"><input type="{kind}" name="{name}" value="{_escape(value)}"> {_escape(text)}</label>'
        for value, text in options
    )
    return (
        f'<fieldset class="kk-kentta" data-kentta="{name}" id="{_field_id(name)}" {_described_by(name)}>'
        f"<legend>{_escape(legend)}{marker}</legend>{_help_and_error(name, help_text)}"
        f'<div class="{"kk-valinnat" if columns else "kk-valinnat-rivi"}">{boxes}</div></fieldset>'
    )


def _picker(name: str, label: str, help_text: str, datalist: list[tuple[str, str]]) -> str:
    """A search-as-you-type field (native datalist) that adds values to a list of chosen ones."""
    options = "".join(f'<option value="{_escape(value)}">{_escape(text)}</option>' for value, text in datalist)
    return (
        f'<div class="kk-kentta kk-valitsin" data-kentta="{name}">{_label(name, label, False)}'
        f'<div class="kk-valitsin-rivi"><input type="text" id="{_field_id(name)}" list="{_field_id(name)}-lista" autocomplete="off" {_described_by(name)}>'
        f'<button type="button" class="md-button" data-lisaa="{name}">Lisää</button></div>'
        f'<datalist id="{_field_id(name)}-lista">{options}</datalist>'
        f"{_help_and_error(name, help_text)}"
        f'<ul class="kk-valitut" id="{_field_id(name)}-valitut" aria-label="Valitut: {_escape(label.lower())}"></ul></div>'
    )


def _repeatable(name: str, legend: str, help_text: str, fields: list[tuple[str, str, str]]) -> str:
    """A group the contributor can repeat (contacts, links); the script clones the template."""
    inputs = "".join(
        f'<label>{_escape(text)}<input type="{kind}" data-osa="{part}"></label>' for part, text, kind in fields
    )
    return (
        f'<fieldset class="kk-kentta kk-toistuva" data-kentta="{name}" id="{_field_id(name)}" {_described_by(name)}>'
        f"<legend>{_escape(legend)}</legend>{_help_and_error(name, help_text)}"
        f'<template id="{_field_id(name)}-pohja"><div class="kk-ryhma" role="group">{inputs}'
        f'<button type="button" class="kk-poista">Poista</button></div></template>'
        f'<div class="kk-ryhmat"></div><button type="button" class="md-button" data-lisaa-ryhma="{name}">Lisää</button></fieldset>'
    )


def form_html(library: Library, settings: LibrarySettings, script_url: str, items_url: str = FORM_ITEMS_PATH) -> str:
    """The whole form as one HTML block (a hand-written page includes it with a marker)."""
    vocabularies = library.vocabularies
    kinds = [(KIND_KEYS[kind], kind.label) for kind in Kind]
    statuses = [*STATUSES.items()]
    municipalities = [(m.name, m.region.name) for m in sorted_by_name(vocabularies.municipalities.values())]
    parts = [
        _choices("kind", "Kuvauksen tyyppi", "Hyvä käytäntö on kokeiltu toimintamalli, verkosto kertoo ihmisistä ja tiimeistä, materiaali on työkalu tai aineisto.", kinds, kind="radio", required=True, columns=False),
        _input("title", "Otsikko", f"{TITLE_LENGTH[0]}–{TITLE_LENGTH[1]} merkkiä. Kerro, mitä ja missä: esim. Tutoropettajat Porin peruskouluissa.", required=True, extra=f'maxlength="{TITLE_LENGTH[1]}"'),
        _textarea("summary", "Tiivistelmä", f"1–{SUMMARY_MAX_SENTENCES} virkettä, enintään {SUMMARY_MAX_LENGTH} merkkiä. Näkyy luetteloissa.", required=True),
        _input("slug", "Tiedostonimi", "Muodostetaan otsikosta; saat muuttaa. Vain a–z, 0–9 ja viiva. Tulee kuvauksen osoitteeksi.", required=True, extra='pattern="[a-z0-9]+(-[a-z0-9]+)*" spellcheck="false"'),
        _picker("municipalities", "Kunnat", "Kirjoita kunnan nimen alkua ja valitse listasta, sitten Lisää. Jätä tyhjäksi, jos kuvaus koskee koko Suomea.", municipalities),
        _choices("regions", "Maakunnat", "Vain koko maakuntaa koskeville kuvauksille. Kunnan maakuntaa ei tarvitse valita.", [(r.name, r.name) for r in sorted_by_name(vocabularies.regions.values())]),
        _choices("levels", "Koulutusasteet", "Valitse yksi tai useampi.", [(level.slug, level.name) for level in vocabularies.levels.values()], required=True),
        _choices("themes", "Teemat", f"Valitse 1–{MAX_THEMES}.", [(t.slug, t.name) for t in sorted_by_name(vocabularies.themes.values())], required=True),
        _choices("status", "Tila", f"Käytännöille ja verkostoille. Jos et tiedä, jatkuuko toiminta yhä, jätä valinnaksi {STATUSES[UNKNOWN_STATUS]}.", statuses, kind="radio", columns=False),
        _input("written", "Kirjoituspäivä", "Päivä, jolloin kirjoitit kuvauksen (tavallisesti tänään).", required=True, kind="date"),
        _choices("checked", "Tietojen tarkistus", "Rastita vain, jos olet itse varmistanut, että tiedot pitävät nyt paikkansa: toiminta on sellaista kuin kuvaat ja yhteystiedot toimivat. Kuvaus näyttää tarkistuspäivän lukijoille.",
                 [("tanaan", "Olen tarkistanut tiedot tänään")], columns=False),
        _input("started", "Aloitusvuosi", "Vapaaehtoinen, esim. 2014.", kind="number", extra=f'min="{EARLIEST_YEAR}" step="1"'),
        _textarea("organisations", "Organisaatiot", "Yksi riville, esim. Porin kaupunki."),
        _choices("audience", "Kohderyhmät", "Vapaaehtoinen.", [(a.slug, a.name) for a in vocabularies.audiences.values()]),
        _repeatable("contacts", "Yhteystiedot", "Organisaatio ja sen julkinen kanava (palvelusivu, palveluosoite tai vaihde) riittävät; tehtävänimike, jos tiedät sen. Älä kirjoita kenenkään omaa sähköpostiosoitetta tai matkapuhelinnumeroa.",
                    [("organisation", "Organisaatio", "text"), ("role", "Tehtävänimike (jos tiedossa)", "text"), ("name", "Nimi (vapaaehtoinen)", "text"),
                     ("url", "Palvelusivun osoite (vapaaehtoinen)", "url"), ("email", "Palvelun sähköposti (vapaaehtoinen)", "email"), ("phone", "Vaihde tai palvelunumero (vapaaehtoinen)", "tel")]),
        _repeatable("links", "Linkit", "Osoitteen pitää alkaa https:// tai http://.", [("title", "Linkin teksti", "text"), ("url", "Osoite", "url")]),
        _textarea("funding", "Rahoitus", "Rahoittajat, yksi riville. Vapaaehtoinen."),
        _input("source_title", "Lähteen otsikko", "Jos kirjoitit kuvauksen julkaistun tekstin pohjalta: sen otsikko. Vapaaehtoinen."),
        _input("source_publisher", "Lähteen julkaisija", "Esim. Innokylä tai Opetushallitus. Vapaaehtoinen."),
        _input("source_published", "Lähteen julkaisupäivä tai -vuosi", "Muodossa 2017-10-27 tai pelkkä vuosi 2017, jos päivää ei tiedetä.", extra='inputmode="numeric" spellcheck="false"'),
        _input("source_url", "Lähteen osoite", "Alkaa https://. Vapaaehtoinen.", kind="url"),
        _picker("related", "Liittyvät kuvaukset", "Kirjoita toisen kuvauksen nimeä ja valitse listasta. Vapaaehtoinen.", []),
        _textarea("body", "Kuvausteksti", "Markdown-muodossa. Korvaa apukysymykset omalla tekstilläsi; väliotsikot alkavat merkeillä ##.", required=True, rows=16),
    ]
    data = json.dumps(form_data(library, settings, items_url), ensure_ascii=False).replace("<", "\\u003c")
    licence = settings.licence
    licence_terms = (f'Kun ehdotat kuvausta, hyväksyt, että se julkaistaan lisenssillä <a href="{_escape(licence.url)}">{_escape(licence.name)}</a> '
                     f"({_escape(licence.spdx)}): kuka tahansa saa {_escape(licence.terms)}. Kirjoita omin sanoin; älä kopioi toisten tekstiä.")
    no_repository = "" if settings.repository else '<p class="kk-huom">Tälle sivustolle ei ole määritetty GitHub-repositoriota, joten voit ladata tai kopioida tiedoston.</p>'
    return f"""<div class="kk-lomake-alue">
<script type="application/json" id="kk-lomake-data">{data}</script>
<form id="kk-lomake" class="kk-lomake" novalidate hidden aria-labelledby="kk-lomake-otsikko">
<h2 id="kk-lomake-otsikko">Lomake</h2>
<p>Pakolliset kentät on merkitty. Lomake ei lähetä mitään: se muodostaa tiedoston, jonka lähetät itse.</p>
<div id="kk-virheet" class="kk-virheyhteenveto" tabindex="-1" hidden></div>
{"".join(parts)}
<p class="kk-lisenssi">{licence_terms}</p>
<button type="submit" class="md-button md-button--primary">Tarkista ja muodosta tiedosto</button>
</form>
<section id="kk-tulos" class="kk-tulos" hidden aria-labelledby="kk-tulos-otsikko" tabindex="-1">
<h2 id="kk-tulos-otsikko">Valmis tiedosto</h2>
<p>Tallennetaan polkuun <code id="kk-polku"></code></p>
{no_repository}
<div class="kk-painikkeet">
<a id="kk-github" class="md-button md-button--primary" hidden>Avaa GitHubissa</a>
<button type="button" id="kk-lataa" class="md-button">Lataa tiedosto</button>
<button type="button" id="kk-kopioi" class="md-button">Kopioi leikepöydälle</button>
</div>
<p id="kk-tila" role="status" aria-live="polite"></p>
<div id="kk-pitka" class="kk-huom" hidden><p>Tiedosto on niin pitkä, ettei sitä voi siirtää GitHubiin linkin mukana. Kopioi tiedosto painikkeella, avaa GitHub-linkki ja liitä teksti GitHubin tekstikenttään (Ctrl+V). Tiedostonimi on valmiina.</p></div>
<pre class="kk-esikatselu"><code id="kk-sisalto"></code></pre>
</section>
<script src="{_escape(script_url)}" defer></script>
</div>"""
