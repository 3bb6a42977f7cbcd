"""The Finnish messages of the body check: each names what was found in the body
and says how to write it in Markdown instead."""

from __future__ import annotations

import html as html_module
import re
from urllib.parse import unquote

from kirjasto.content.render import MAX_NESTING, BodyRenderer
from kirjasto.content.sanitise import Change, Sanitiser

SLOW_RENDER_MESSAGE_START = "Tekstiä ei voi muuntaa sivuksi: se kestäisi yli"
"""How a refusal for the CPU budget begins: it depends on the budget (1 s in `kirjasto
validate`, 3 s in a build), so such a result is never reused from the validation store."""


def render_error_message(reason: str, renderer: BodyRenderer) -> str:
    if reason == "slow":
        return (
            f"{SLOW_RENDER_MESSAGE_START} {renderer.budget_seconds:g} sekunnin (tavallinen kuvaus "
            "muuntuu sadasosasekunnissa). Näin käy, kun tekstissä on tuhansia toistuvia merkkejä (kuten [, * tai `) tai "
            "luetteloita hyvin monella sisäkkäisellä tasolla. Poista toistuvat merkit tai vähennä luetteloiden sisäkkäisiä tasoja."
        )
    return (
        f"Tekstiä ei voi muuntaa sivuksi: siinä on luetteloita, lainauksia tai muita rakenteita liian monella tasolla "
        f"sisäkkäin (luetteloissa enintään {MAX_NESTING // 2} tasoa). Vähennä sisäkkäisiä tasoja."
    )


def reserved_heading_message(text: str, address: str, sanitiser: Sanitiser) -> str:
    prefixes = ", ".join(f"'{prefix}'" for prefix in sanitiser.allow.reserved_id_prefixes)
    return (
        f"Väliotsikosta '{text[:60]}' tulisi sivulle sisäinen osoite '#{address[:40]}', joka on varattu sivuston omaan käyttöön "
        f"(varattuja alkuja ovat {prefixes}). Muuta otsikon alkua, esimerkiksi lisää sen eteen jokin sana."
    )


_MARKDOWN_INSTEAD = {
    ("b", "strong"): "lihavointi kirjoitetaan **näin**",
    ("i", "em"): "kursiivi kirjoitetaan *näin*",
    ("a",): "linkki kirjoitetaan [linkin teksti](https://osoite.fi/)",
    ("img",): "kuvaan linkitetään tavallisella linkillä [Kuva: mitä kuvassa on](https://osoite.fi/kuva.png)",
    ("br", "p", "div"): "kappaleet erotetaan tyhjällä rivillä",
    ("h1", "h2", "h3", "h4", "h5", "h6"): "väliotsikko kirjoitetaan ## Otsikko",
    ("ul", "ol", "li"): "luettelon kohta alkaa rivin alussa viivalla (- kohta) tai numerolla (1. kohta)",
    (
        "table",
        "tr",
        "td",
        "th",
    ): "taulukko kirjoitetaan riveinä | sarake | sarake |, ja otsikkorivin alle tulee rivi | --- | --- |",
    ("code", "pre"): "koodi kirjoitetaan `näin` tai omaksi lohkokseen ```-rivien väliin",
}
_TAG_NAME = re.compile(r"</?\s*([A-Za-z][A-Za-z0-9]*)")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")


def raw_html_message(raw: str) -> str:
    tag = _TAG_NAME.match(raw)
    name = tag.group(1).lower() if tag else None
    first_line = raw.strip().split("\n")[0]
    shown = first_line if len(first_line) <= 40 else first_line[:40] + "…"
    hint = next((advice for names, advice in _MARKDOWN_INSTEAD.items() if name in names), None)
    advice = (
        f"Käytä Markdownia: {hint}."
        if hint
        else "Poista se. Jos halusit upottaa sisältöä (esim. videon), lisää tilalle linkki: [linkin teksti](https://osoite.fi/)."
    )
    return f"Tekstissä on HTML-koodia ({shown}), jota ei voi käyttää kuvauksissa. {advice}"


def attribute_list_message(tag: str, attribute: str, value: str) -> str:
    shown = f"#{value}" if attribute == "id" else f".{value}" if attribute == "class" else f'{attribute}="{value}"'
    return (
        f"Tekstissä on muotoilumääre ({{: {shown[:40]} }}), jota ei voi käyttää kuvauksissa (se antaisi elementille <{tag}> määreen {attribute}). "
        "Poista aaltosulkeet ja niiden sisältö."
    )


def normalised_target(target: str) -> str:
    """A link target as a browser reads it: entities and %-escapes decoded, whitespace
    and control characters (which browsers skip inside a scheme) removed, lower case."""
    decoded = target.strip()
    for _ in range(3):
        decoded = unquote(html_module.unescape(decoded))
    return re.sub(r"[\x00-\x20\x7f]", "", decoded).lower()


def _link_message(change: Change) -> str:
    target = normalised_target(change.value)
    scheme = _SCHEME.match(target)
    if not change.value.strip():
        return "Linkin osoite puuttuu. Kirjoita osoite sulkeisiin: [linkin teksti](https://osoite.fi/)."
    if scheme and scheme.group(1) not in ("http", "https", "mailto"):
        return (
            f"Linkin osoite alkaa '{scheme.group(1)}:', mikä ei ole sallittua. Käytä osoitetta, joka alkaa https:// "
            "(tai http:// tai mailto:), tai linkitä toiseen kuvaukseen sen tiedoston polulla, esim. ../verkostot/nimi.md."
        )
    if target.startswith(("/\\", "\\")):
        return (
            f"Linkin osoite '{change.value[:60]}' on verkkolevyn tai oman koneen polku, eikä se toimi verkossa. "
            "Linkitä verkko-osoitteeseen, joka alkaa https://."
        )
    if target.startswith("//"):
        return f"Linkin osoitteesta '{change.value[:60]}' puuttuu alku. Kirjoita koko osoite, esim. https:{change.value[:40]}"
    if scheme:
        return f"Linkin osoite '{change.value[:60]}' ei ole kelvollinen verkko-osoite. Tarkista, ettei siinä ole välilyöntejä tai muita ylimääräisiä merkkejä."
    if change.text.startswith("^"):
        return "Alaviitteet ([^1]) eivät ole käytössä. Kirjoita lähde tekstiin sulkeisiin tai linkiksi: [lähteen nimi](https://osoite.fi/)."
    return (
        f"Linkin osoite '{change.value[:60]}' ei ole kokonainen verkko-osoite eikä toisen kuvauksen tiedosto. "
        "Kirjoita verkko-osoite alusta asti, esim. https://www.oph.fi/, tai linkitä toiseen kuvaukseen sen tiedoston polulla, esim. ../verkostot/nimi.md."
    )


def _image_message(change: Change) -> str:
    attributes = dict(change.attributes)
    source = attributes.get("src", "")
    target = normalised_target(source)
    scheme = _SCHEME.match(target)
    if (scheme and scheme.group(1) in ("http", "https")) or target.startswith("//"):
        return (
            "Toisella palvelimella olevaa kuvaa ei voi näyttää: jokaisen lukijan selain ottaisi silloin yhteyden siihen palvelimeen. "
            "Linkitä kuvaan tavallisella linkillä: [Kuva: mitä kuvassa on](https://osoite.fi/kuva.png)."
        )
    if scheme:
        return (
            f"Kuvan osoite alkaa '{scheme.group(1)}:', mikä ei ole sallittua. Kirjastoon ei voi upottaa kuvia; "
            "linkitä kuvaan tavallisella linkillä: [Kuva: mitä kuvassa on](https://osoite.fi/kuva.png)."
        )
    return (
        f"Kuvaa '{source[:60]}' ei voi näyttää: kirjastoon ei tallenneta kuvatiedostoja. "
        "Jos kuva on verkossa, linkitä siihen tavallisella linkillä: [Kuva: mitä kuvassa on](https://osoite.fi/kuva.png)."
    )


def change_message(change: Change, sanitiser: Sanitiser) -> str:
    tag, attribute = change.tag, change.attribute
    if tag == "#comment":
        return "Tekstissä on HTML-kommentti (<!-- ... -->), jota ei voi käyttää kuvauksissa. Poista se."
    if tag == "#structure":
        return (
            "Jokin tekstin kohta muuttuisi sivulle vietäessä (esimerkiksi lohko kappaleen sisällä), eikä tarkistus löytänyt sen riviä; "
            "rivinumero on tekstin alku. Kirjoita epäselvä kohta tavallisina kappaleina ja luetteloina."
        )
    if tag == "img":
        return _image_message(change)
    if tag == "h1":
        return "Pääotsikko ('# ...' tai ===-merkeillä alleviivattu rivi) ei kuulu tekstiin: sivun otsikko tulee title-kentästä. Aloita väliotsikot kahdella risuaidalla: '## ...'."
    if tag == "a" and attribute == "href":
        return _link_message(change)
    if attribute == "id" and re.fullmatch(r"h[2-6]", tag) and sanitiser.allow.id_is_reserved(change.value):
        return reserved_heading_message(change.text, change.value, sanitiser)
    if tag in ("code", "pre"):
        if tag == "code" and attribute == "class" and change.value.startswith("language-") and " " not in change.value:
            return f"Koodilohkon kielen nimi '{change.value.removeprefix('language-')[:40]}' ei kelpaa. Kirjoita avausrivin ```-merkkien perään pelkkä kielen nimi, esim. ```python, tai jätä nimi pois."
        return "Koodilohkon avausrivillä on muotoilumääre ({ ... }). Poista aaltosulkeet ja niiden sisältö; avausrivillä saa olla vain kielen nimi, esim. ```python."
    if tag == "div" and attribute == "class" and "toc" in change.value.split():
        return "Merkintä [TOC] ei ole käytössä: sivun sisällysluettelo tehdään väliotsikoista itsestään. Poista rivi."
    if tag == "div" and attribute == "class":
        kinds = ", ".join(sorted(sanitiser.allow.classes.get("div", frozenset()) - {"admonition"}))
        given = " ".join(part for part in change.value.split() if part != "admonition")
        return (
            f"Huomautuslaatikon tyyppi '{given[:40]}' ei ole käytössä. Kirjoita !!!-merkkien perään jokin näistä tyypeistä: {kinds}. "
            'Oman otsikon voi kirjoittaa perään lainausmerkkeihin, esim. !!! note "Huomio".'
        )
    if attribute is not None:
        return f"Tekstistä tulisi sivulle HTML-elementti <{tag}>, jolla on määre {attribute}, eikä sitä sallita. Kirjoita kohta tavallisella Markdownilla."
    return f"Tekstistä tulisi sivulle HTML-elementti <{tag}>, jota ei sallita. Kirjoita kohta tavallisella Markdownilla."
