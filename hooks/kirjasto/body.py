"""Check an item's Markdown body by rendering it: the HTML that would be published
is what is judged.

The body is rendered with the site's own Markdown configuration (`render.py`)
and cleaned by the sanitiser (`sanitise.py`). It is refused when

- it holds a character that has no place in text (`characters.py`);
- the parser passed raw HTML through, or an attribute list `{: ...}` set an
  attribute (both noted by the renderer's observers);
- the sanitiser would change anything in the rendered HTML (a link with an
  unsafe address, an image, a page title `#`, a heading whose id the theme
  uses, a fence or box type that would set a class ...);
- it cannot be rendered within the limits of time and nesting.

Each refusal names the line in the file: found by locating the offending text
in the source, or else the nearest heading before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit
import html as html_module

from .characters import has_unsafe_characters, unsafe_character
from .model import ItemLink
from .render import MAX_NESTING, RENDER_BUDGET_SECONDS, BodyRenderer, RenderError
from .sanitise import Change, Sanitiser, changes, is_unchanged
from .text import LineMap

FIELD = "teksti"


@dataclass(frozen=True)
class BodyProblem:
    line: int
    """1-based line in the file."""
    message: str


@dataclass(frozen=True)
class CheckedBody:
    html: str
    """The sanitised HTML the page shows (empty when the body cannot be rendered)."""
    problems: list[BodyProblem] = field(default_factory=list)
    item_links: list[tuple[ItemLink, int]] = field(default_factory=list)
    """Links to other items with the line of each, for the library-wide check."""


def check_body(body: str, first_line: int, *, renderer: BodyRenderer, sanitiser: Sanitiser, src_uri: str) -> CheckedBody:
    """Render, clean and judge a body whose first line is line `first_line` of the file."""
    locate = _Locator(body, first_line)
    problems = _unsafe_characters(body, locate)
    try:
        rendered = renderer.render(body, src_uri=src_uri)
    except RenderError as error:
        return CheckedBody("", problems + [BodyProblem(first_line, _RENDER_ERRORS[error.reason])])
    problems += [BodyProblem(locate.raw_html(raw), _raw_html_message(raw)) for raw in rendered.raw_html]
    problems += [BodyProblem(locate.attribute(attribute, value), _attribute_list_message(tag, attribute, value))
                 for tag, attribute, value in rendered.attribute_lists]
    cleaned = sanitiser.clean(rendered.html)
    if not is_unchanged(rendered.html, cleaned):
        explained = {problem.line for problem in problems}
        for change in changes(rendered.html, cleaned):
            line = locate.change(change)
            if line not in explained:
                problems.append(BodyProblem(line, _change_message(change, sanitiser)))
                explained.add(line)
    if has_unsafe_characters(cleaned) and not problems:
        problems.append(BodyProblem(first_line, "Tekstistä ei saa tehtyä sivua luotettavasti (siihen jäisi näkymättömiä merkkejä). Tarkista erikoismerkit."))
    links = [(link, locate.text(link.written) or first_line) for link in rendered.item_links]
    return CheckedBody(cleaned, problems, links)


_RENDER_ERRORS = {
    "slow": (f"Tekstiä ei voi muuntaa sivuksi: se kestäisi yli {RENDER_BUDGET_SECONDS:g} sekunnin (tavallinen kuvaus "
             "muuntuu sadasosasekunnissa). Näin käy, kun tekstissä on tuhansia toistuvia merkkejä (kuten [, * tai `) tai "
             "luetteloita hyvin monella sisäkkäisellä tasolla. Poista toistuvat merkit tai jaa teksti lyhyempiin osiin."),
    "deep": (f"Tekstiä ei voi muuntaa sivuksi: siinä on luetteloita, lainauksia tai muita rakenteita liian monella tasolla "
             f"sisäkkäin (enintään {MAX_NESTING // 2} tasoa). Kirjoita rakenne matalammaksi."),
}


# --- messages -------------------------------------------------------------------

_MARKDOWN_INSTEAD = {
    ("b", "strong"): "lihavointi kirjoitetaan **näin**",
    ("i", "em"): "kursiivi kirjoitetaan *näin*",
    ("a",): "linkki kirjoitetaan [linkin teksti](https://osoite.fi/)",
    ("img",): "kuvaan linkitetään: [kuvaus kuvasta](https://osoite.fi/kuva.png)",
    ("br", "p", "div", "span"): "kappaleet erotetaan tyhjällä rivillä",
    ("h1", "h2", "h3", "h4", "h5", "h6"): "väliotsikko kirjoitetaan ## Otsikko",
    ("ul", "ol", "li"): "luettelon kohta alkaa rivin alussa viivalla: - kohta",
    ("table", "tr", "td", "th"): "taulukko kirjoitetaan Markdown-taulukkona (| sarake | sarake |)",
    ("code", "pre"): "koodi kirjoitetaan `näin` tai ```-merkkien väliin",
}
_TAG_NAME = re.compile(r"</?\s*([A-Za-z][A-Za-z0-9]*)")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")


def _raw_html_message(raw: str) -> str:
    tag = _TAG_NAME.match(raw)
    name = tag.group(1).lower() if tag else None
    shown = raw.strip().split("\n")[0][:40]
    hint = next((advice for names, advice in _MARKDOWN_INSTEAD.items() if name in names), None)
    advice = f"Käytä Markdownia: {hint}." if hint else "Poista se; upotuksia ja skriptejä ei voi lisätä, mutta voit linkittää sisältöön: [linkin teksti](https://osoite.fi/)."
    return f"Tekstissä on HTML-koodia ({shown}). HTML ei ole sallittua. {advice}"


def _attribute_list_message(tag: str, attribute: str, value: str) -> str:
    shown = f"#{value}" if attribute == "id" else f".{value}" if attribute == "class" else f'{attribute}="{value}"'
    return (f"Tekstissä on muotoilumääre ({{: {shown[:40]} }}), joka asettaisi sivun elementille <{tag}> määreen {attribute}. "
            "Sellaisia ei sallita; poista aaltosulkeet ja niiden sisältö.")


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
        return (f"Linkin osoite alkaa '{scheme.group(1)}:', mikä ei ole sallittua. Käytä osoitetta, joka alkaa https:// "
                "(tai http:// tai mailto:), tai suhteellista polkua toiseen kuvaukseen, esim. ../verkostot/nimi.md.")
    if target.startswith(("//", "/\\", "\\")):
        return f"Linkin osoitteesta '{change.value[:60]}' puuttuu alku. Kirjoita koko osoite, esim. https:{change.value[:40]}"
    if scheme:
        return f"Linkin osoite '{change.value[:60]}' ei ole kelvollinen www-osoite. Tarkista, ettei siinä ole välilyöntejä tai muita ylimääräisiä merkkejä."
    footnote = " Alaviitteet ([^1]) eivät ole käytössä: kirjoita lähde tekstiin suluissa tai linkkinä." if change.text.startswith("^") else ""
    return (f"Linkki '{change.value[:60]}' ei osoita mihinkään kirjaston kuvaukseen.{footnote} Linkitä toiseen kuvaukseen "
            "sen tiedoston polulla, esim. ../verkostot/nimi.md, ja muualle koko osoitteella, esim. https://www.oph.fi/.")


def _image_message(change: Change) -> str:
    attributes = dict(change.attributes)
    source = attributes.get("src", "")
    target = normalised_target(source)
    scheme = _SCHEME.match(target)
    no_alt = "" if attributes.get("alt", "").strip() else " Kuvalta puuttuu myös vaihtoehtoinen teksti, joka kertoisi, mitä kuvassa on."
    if scheme and scheme.group(1) in ("http", "https") or target.startswith("//"):
        return ("Kuvat toisilta palvelimilta eivät ole sallittuja: jokaisen lukijan selain ottaisi yhteyden siihen palvelimeen. "
                "Linkitä kuvaan tavallisella linkillä: [kuvan kuvaus](https://...)." + no_alt)
    if scheme:
        return (f"Kuvan osoite alkaa '{scheme.group(1)}:', mikä ei ole sallittua. Kirjastoon ei voi upottaa kuvia; "
                "linkitä kuvaan tavallisella linkillä: [kuvan kuvaus](https://...)." + no_alt)
    return (f"Kuvaa '{source[:60]}' ei voi näyttää: kirjastoon ei tallenneta kuvatiedostoja. "
            "Linkitä kuvaan tavallisella linkillä: [kuvan kuvaus](https://...)." + no_alt)


def _change_message(change: Change, sanitiser: Sanitiser) -> str:
    tag, attribute = change.tag, change.attribute
    if tag == "#comment":
        return "Tekstissä on HTML-kommentti (<!-- ... -->). Poista se; HTML ei ole sallittua."
    if tag == "#structure":
        return "Tekstin rakenne muuttuisi sivulle vietäessä (esimerkiksi lohko kappaleen sisällä). Kirjoita kohta tavallisina kappaleina ja luetteloina."
    if tag == "img":
        return _image_message(change)
    if tag == "h1":
        return "Pääotsikko '# ...' ei kuulu tekstiin: sivun otsikko tulee title-kentästä. Aloita väliotsikot kahdella risuaidalla: '## ...'."
    if tag == "a" and attribute == "href":
        return _link_message(change)
    if attribute == "id" and re.fullmatch(r"h[2-6]", tag) and sanitiser.allow.id_is_reserved(change.value):
        prefixes = ", ".join(f"'{prefix}'" for prefix in sanitiser.allow.reserved_id_prefixes)
        return (f"Väliotsikosta '{change.text[:60]}' tulisi sivulle tunniste '{change.value[:40]}', joka on varattu sivuston omille osille "
                f"(tunnisteet, jotka alkavat {prefixes}). Muotoile otsikko toisin, esim. aloita se kirjaimella.")
    if tag in ("code", "pre"):
        if tag == "code" and attribute == "class" and change.value.startswith("language-") and " " not in change.value:
            return f"Koodilohkon kielen nimi '{change.value.removeprefix('language-')[:40]}' ei kelpaa. Kirjoita avausriville vain kielen nimi kirjaimin, esim. ```python, tai ei mitään."
        return "Koodilohkon avausrivillä on muotoilumääre ({ ... }). Poista aaltosulkeet ja niiden sisältö; avausrivillä saa olla vain kielen nimi, esim. ```python."
    if tag == "div" and attribute == "class":
        kinds = ", ".join(sorted(sanitiser.allow.classes.get("div", frozenset()) - {"admonition"}))
        given = " ".join(part for part in change.value.split() if part != "admonition")
        return f"Huomautuslaatikon tyyppi '{given[:40]}' ei ole käytössä. Kirjoita !!! ja jokin näistä: {kinds}."
    if attribute is not None:
        return f"Tekstistä tulisi sivulle elementille <{tag}> määre {attribute}, jota ei sallita. Kirjoita kohta tavallisella Markdownilla."
    return f"Tekstistä tulisi sivulle elementti <{tag}>, jota ei sallita. Kirjoita kohta tavallisella Markdownilla."


# --- lines -------------------------------------------------------------------------

_ATTRIBUTE_VALUE = r'\s{name}="([^"]*)"'
_HEADING_LINE = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$")
_MARKUP = re.compile(r"[*_`\[\]()!\\#<>{}]")


class _Locator:
    """Finds where in the source something the renderer reported was written.

    Each kind of thing is searched for by the text that makes it (the raw HTML as
    written, the address of a link, the words of a heading); repeated findings of
    the same text are matched to successive occurrences. When nothing is found,
    the line of the nearest heading before it is used, and failing that the
    body's first line."""

    def __init__(self, body: str, first_line: int) -> None:
        self.body = body
        self.first_line = first_line
        self.line_of = LineMap(body, first_line)
        self._lowered = body.lower()
        self._used: dict[str, int] = {}

    def _find(self, needle: str, *, ignore_case: bool = False) -> int | None:
        """Offset of the next unused occurrence of `needle` (or of its first one)."""
        if not needle:
            return None
        haystack, key = (self._lowered, needle.lower()) if ignore_case else (self.body, needle)
        start = self._used.get(key, 0)
        found = haystack.find(key, start)
        if found < 0:
            found = haystack.find(key)
        if found < 0:
            return None
        self._used[key] = found + 1
        return found

    def text(self, *needles: str, ignore_case: bool = False) -> int | None:
        for needle in needles:
            offset = self._find(needle, ignore_case=ignore_case)
            if offset is not None:
                return self.line_of(offset)
        return None

    def heading(self, text: str | None) -> int | None:
        """The line of a heading with these words (ATX `## ...` or underlined)."""
        if not text:
            return None
        wanted = " ".join(_MARKUP.sub(" ", text).split()).lower()
        lines = self.body.split("\n")
        for index, line in enumerate(lines):
            atx = _HEADING_LINE.match(line)
            candidate = atx.group(2) if atx else line if index + 1 < len(lines) and re.fullmatch(r" {0,3}(=+|-+)\s*", lines[index + 1]) and line.strip() else None
            if candidate is not None and " ".join(_MARKUP.sub(" ", candidate).split()).lower() == wanted:
                return self.first_line + index
        return None

    def raw_html(self, raw: str) -> int:
        first = raw.strip().split("\n")[0]
        return self.text(first, first[:40], ignore_case=True) or self.first_line

    def attribute(self, attribute: str, value: str) -> int:
        token = f"#{value}" if attribute == "id" else f".{value.split()[0]}" if attribute == "class" and value.strip() else f"{attribute}="
        return self.text(token, value, "{:", "{") or self.first_line

    def change(self, change: Change) -> int:
        written = re.search(_ATTRIBUTE_VALUE.format(name=re.escape(change.attribute or ("src" if change.tag == "img" else "href"))), change.written)
        raw_value = written.group(1) if written else ""
        if change.tag == "#comment":
            found = self.text("<!--")
        elif change.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            found = self.heading(change.text)
        elif change.tag == "code" and change.attribute == "class":
            found = self.text("```" + change.value.removeprefix("language-").split()[0], "~~~" + change.value.removeprefix("language-").split()[0], "```", "~~~")
        elif change.tag == "div" and change.attribute == "class":
            found = self.text(*(f"!!! {part}" for part in change.value.split() if part != "admonition"), "!!!")
        else:
            found = self.text(*(needle for needle in (raw_value, html_module.unescape(raw_value), change.value, change.text) if needle))
        return found or self.heading(change.heading) or self.first_line


def _unsafe_characters(body: str, locate: _Locator) -> list[BodyProblem]:
    if not has_unsafe_characters(body):
        return []
    offset, what = unsafe_character(body)
    return [BodyProblem(locate.line_of(offset), f"Tekstissä on {what}. Poista se (kopioi teksti ensin muotoilemattomana, esim. Muistion kautta).")]
