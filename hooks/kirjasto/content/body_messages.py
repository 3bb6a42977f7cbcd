"""The messages of the body check: each names what was found in the body and says
how to write it in Markdown instead. They are written in Finnish and told in the
language of the `Messages` given (the item's own, or the one the contributor asked for)."""

from __future__ import annotations

import html as html_module
import re
from collections.abc import Callable
from urllib.parse import unquote

from kirjasto.content.messages import Messages, _, messages_in
from kirjasto.content.render import MAX_NESTING, BodyRenderer
from kirjasto.content.sanitise import Change, Sanitiser

_FINNISH = messages_in()
Say = Callable[..., str]
"""`Messages.say` of the language the messages are told in."""

SLOW_RENDER_MESSAGE = _(
    "Tekstiä ei voi muuntaa sivuksi: se kestäisi yli {seconds} sekunnin (tavallinen kuvaus "
    "muuntuu sadasosasekunnissa). Näin käy, kun tekstissä on tuhansia toistuvia merkkejä (kuten [, * tai `) tai "
    "luetteloita hyvin monella sisäkkäisellä tasolla. Poista toistuvat merkit tai vähennä luetteloiden sisäkkäisiä tasoja."
)


def is_slow_render_message(message: str, language: str) -> bool:
    """Whether `message` (told in `language`) refuses a body for the CPU budget. Such a
    refusal depends on the budget (1 s in `kirjasto validate`, 3 s in a build), so a
    result with one is never reused from the validation store."""
    # Without values the message is not formatted: its translation up to the number.
    start = messages_in(language).say(SLOW_RENDER_MESSAGE).partition("{seconds}")[0]
    return message.startswith(start)


def render_error_message(reason: str, renderer: BodyRenderer, messages: Messages = _FINNISH) -> str:
    if reason == "slow":
        return messages.say(SLOW_RENDER_MESSAGE, seconds=f"{renderer.budget_seconds:g}")
    return messages.say(
        _(
            "Tekstiä ei voi muuntaa sivuksi: siinä on luetteloita, lainauksia tai muita rakenteita liian monella tasolla "
            "sisäkkäin (luetteloissa enintään {levels} tasoa). Vähennä sisäkkäisiä tasoja."
        ),
        levels=MAX_NESTING // 2,
    )


def reserved_heading_message(text: str, address: str, sanitiser: Sanitiser, messages: Messages = _FINNISH) -> str:
    prefixes = ", ".join(f"'{prefix}'" for prefix in sanitiser.allow.reserved_id_prefixes)
    return messages.say(
        _(
            "Väliotsikosta '{heading}' tulisi sivulle sisäinen osoite '#{address}', joka on varattu sivuston omaan käyttöön "
            "(varattuja alkuja ovat {prefixes}). Muuta otsikon alkua, esimerkiksi lisää sen eteen jokin sana."
        ),
        heading=text[:60],
        address=address[:40],
        prefixes=prefixes,
    )


_MARKDOWN_INSTEAD = {
    ("b", "strong"): _("Käytä Markdownia: lihavointi kirjoitetaan **näin**."),
    ("i", "em"): _("Käytä Markdownia: kursiivi kirjoitetaan *näin*."),
    ("a",): _("Käytä Markdownia: linkki kirjoitetaan [linkin teksti](https://osoite.fi/)."),
    ("img",): _(
        "Käytä Markdownia: kuvaan linkitetään tavallisella linkillä [Kuva: mitä kuvassa on](https://osoite.fi/kuva.png)."
    ),
    ("br", "p", "div"): _("Käytä Markdownia: kappaleet erotetaan tyhjällä rivillä."),
    ("h1", "h2", "h3", "h4", "h5", "h6"): _("Käytä Markdownia: väliotsikko kirjoitetaan ## Otsikko."),
    ("ul", "ol", "li"): _("Käytä Markdownia: luettelon kohta alkaa rivin alussa viivalla (- kohta) tai numerolla (1. kohta)."),
    ("table", "tr", "td", "th"): _(
        "Käytä Markdownia: taulukko kirjoitetaan riveinä | sarake | sarake |, ja otsikkorivin alle tulee rivi | --- | --- |."
    ),
    ("code", "pre"): _("Käytä Markdownia: koodi kirjoitetaan `näin` tai omaksi lohkokseen ```-rivien väliin."),
}
"""Advice for raw HTML, by its tag: the Markdown that writes the same thing."""
_EMBED_ADVICE = _(
    "Poista se. Jos halusit upottaa sisältöä (esim. videon), lisää tilalle linkki: [linkin teksti](https://osoite.fi/)."
)
_TAG_NAME = re.compile(r"</?\s*([A-Za-z][A-Za-z0-9]*)")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")


def raw_html_message(raw: str, messages: Messages = _FINNISH) -> str:
    tag = _TAG_NAME.match(raw)
    name = tag.group(1).lower() if tag else None
    first_line = raw.strip().split("\n")[0]
    shown = first_line if len(first_line) <= 40 else first_line[:40] + "…"
    advice = next((advice for names, advice in _MARKDOWN_INSTEAD.items() if name in names), _EMBED_ADVICE)
    found = messages.say(_("Tekstissä on HTML-koodia ({shown}), jota ei voi käyttää kuvauksissa."), shown=shown)
    return found + " " + messages.say(advice)


def attribute_list_message(tag: str, attribute: str, value: str, messages: Messages = _FINNISH) -> str:
    shown = f"#{value}" if attribute == "id" else f".{value}" if attribute == "class" else f'{attribute}="{value}"'
    return messages.say(
        _(
            "Tekstissä on muotoilumääre ({{: {shown} }}), jota ei voi käyttää kuvauksissa (se antaisi elementille <{tag}> "
            "määreen {attribute}). Poista aaltosulkeet ja niiden sisältö."
        ),
        shown=shown[:40],
        tag=tag,
        attribute=attribute,
    )


def normalised_target(target: str) -> str:
    """A link target as a browser reads it: entities and %-escapes decoded, whitespace
    and control characters (which browsers skip inside a scheme) removed, lower case."""
    decoded = target.strip()
    for _round in range(3):
        decoded = unquote(html_module.unescape(decoded))
    return re.sub(r"[\x00-\x20\x7f]", "", decoded).lower()


def _link_message(change: Change, say: Say) -> str:
    target = normalised_target(change.value)
    scheme = _SCHEME.match(target)
    if not change.value.strip():
        return say(_("Linkin osoite puuttuu. Kirjoita osoite sulkeisiin: [linkin teksti](https://osoite.fi/)."))
    if scheme and scheme.group(1) not in ("http", "https", "mailto"):
        return say(
            _(
                "Linkin osoite alkaa '{scheme}:', mikä ei ole sallittua. Käytä osoitetta, joka alkaa https:// "
                "(tai http:// tai mailto:), tai linkitä toiseen kuvaukseen sen tiedoston polulla, esim. ../verkostot/nimi.md."
            ),
            scheme=scheme.group(1),
        )
    if target.startswith(("/\\", "\\")):
        return say(
            _(
                "Linkin osoite '{address}' on verkkolevyn tai oman koneen polku, eikä se toimi verkossa. "
                "Linkitä verkko-osoitteeseen, joka alkaa https://."
            ),
            address=change.value[:60],
        )
    if target.startswith("//"):
        return say(
            _("Linkin osoitteesta '{address}' puuttuu alku. Kirjoita koko osoite, esim. https:{start}"),
            address=change.value[:60],
            start=change.value[:40],
        )
    if scheme:
        return say(
            _(
                "Linkin osoite '{address}' ei ole kelvollinen verkko-osoite. Tarkista, ettei siinä ole välilyöntejä tai muita ylimääräisiä merkkejä."
            ),
            address=change.value[:60],
        )
    if change.text.startswith("^"):
        return say(
            _(
                "Alaviitteet ([^1]) eivät ole käytössä. Kirjoita lähde tekstiin sulkeisiin tai linkiksi: [lähteen nimi](https://osoite.fi/)."
            )
        )
    return say(
        _(
            "Linkin osoite '{address}' ei ole kokonainen verkko-osoite eikä toisen kuvauksen tiedosto. "
            "Kirjoita verkko-osoite alusta asti, esim. https://www.oph.fi/, tai linkitä toiseen kuvaukseen sen tiedoston polulla, esim. ../verkostot/nimi.md."
        ),
        address=change.value[:60],
    )


def _image_message(change: Change, say: Say) -> str:
    attributes = dict(change.attributes)
    source = attributes.get("src", "")
    target = normalised_target(source)
    scheme = _SCHEME.match(target)
    if (scheme and scheme.group(1) in ("http", "https")) or target.startswith("//"):
        return say(
            _(
                "Toisella palvelimella olevaa kuvaa ei voi näyttää: jokaisen lukijan selain ottaisi silloin yhteyden siihen palvelimeen. "
                "Linkitä kuvaan tavallisella linkillä: [Kuva: mitä kuvassa on](https://osoite.fi/kuva.png)."
            )
        )
    if scheme:
        return say(
            _(
                "Kuvan osoite alkaa '{scheme}:', mikä ei ole sallittua. Kirjastoon ei voi upottaa kuvia; "
                "linkitä kuvaan tavallisella linkillä: [Kuva: mitä kuvassa on](https://osoite.fi/kuva.png)."
            ),
            scheme=scheme.group(1),
        )
    return say(
        _(
            "Kuvaa '{source}' ei voi näyttää: kirjastoon ei tallenneta kuvatiedostoja. "
            "Jos kuva on verkossa, linkitä siihen tavallisella linkillä: [Kuva: mitä kuvassa on](https://osoite.fi/kuva.png)."
        ),
        source=source[:60],
    )


def change_message(change: Change, sanitiser: Sanitiser, messages: Messages = _FINNISH) -> str:
    tag, attribute = change.tag, change.attribute
    say = messages.say
    if tag == "#comment":
        return say(_("Tekstissä on HTML-kommentti (<!-- ... -->), jota ei voi käyttää kuvauksissa. Poista se."))
    if tag == "#structure":
        return say(
            _(
                "Jokin tekstin kohta muuttuisi sivulle vietäessä (esimerkiksi lohko kappaleen sisällä), eikä tarkistus löytänyt sen riviä; "
                "rivinumero on tekstin alku. Kirjoita epäselvä kohta tavallisina kappaleina ja luetteloina."
            )
        )
    if tag == "img":
        return _image_message(change, say)
    if tag == "h1":
        return say(
            _(
                "Pääotsikko ('# ...' tai ===-merkeillä alleviivattu rivi) ei kuulu tekstiin: sivun otsikko tulee title-kentästä. Aloita väliotsikot kahdella risuaidalla: '## ...'."
            )
        )
    if tag == "a" and attribute == "href":
        return _link_message(change, say)
    if attribute == "id" and re.fullmatch(r"h[2-6]", tag) and sanitiser.allow.id_is_reserved(change.value):
        return reserved_heading_message(change.text, change.value, sanitiser, messages)
    if tag in ("code", "pre"):
        if tag == "code" and attribute == "class" and change.value.startswith("language-") and " " not in change.value:
            return say(
                _(
                    "Koodilohkon kielen nimi '{name}' ei kelpaa. Kirjoita avausrivin ```-merkkien perään pelkkä kielen nimi, esim. ```python, tai jätä nimi pois."
                ),
                name=change.value.removeprefix("language-")[:40],
            )
        # No values: the braces are the message's own.
        return say(
            _(
                "Koodilohkon avausrivillä on muotoilumääre ({ ... }). Poista aaltosulkeet ja niiden sisältö; avausrivillä saa olla vain kielen nimi, esim. ```python."
            )
        )
    if tag == "div" and attribute == "class" and "toc" in change.value.split():
        return say(_("Merkintä [TOC] ei ole käytössä: sivun sisällysluettelo tehdään väliotsikoista itsestään. Poista rivi."))
    if tag == "div" and attribute == "class":
        kinds = ", ".join(sorted(sanitiser.allow.classes.get("div", frozenset()) - {"admonition"}))
        given = " ".join(part for part in change.value.split() if part != "admonition")
        return say(
            _(
                "Huomautuslaatikon tyyppi '{given}' ei ole käytössä. Kirjoita !!!-merkkien perään jokin näistä tyypeistä: {kinds}. "
                'Oman otsikon voi kirjoittaa perään lainausmerkkeihin, esim. !!! note "Huomio".'
            ),
            given=given[:40],
            kinds=kinds,
        )
    if attribute is not None:
        return say(
            _(
                "Tekstistä tulisi sivulle HTML-elementti <{tag}>, jolla on määre {attribute}, eikä sitä sallita. Kirjoita kohta tavallisella Markdownilla."
            ),
            tag=tag,
            attribute=attribute,
        )
    return say(
        _("Tekstistä tulisi sivulle HTML-elementti <{tag}>, jota ei sallita. Kirjoita kohta tavallisella Markdownilla."), tag=tag
    )
