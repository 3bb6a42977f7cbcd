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

import html as html_module
import re
from dataclasses import dataclass, field
from urllib.parse import unquote

from kirjasto.content.body_sections import PERMALINK, body_sections
from kirjasto.content.characters import RETYPE_ADVICE, has_unsafe_characters, unsafe_character
from kirjasto.content.model import ItemLink
from kirjasto.content.render import MAX_NESTING, BodyRenderer, RenderError
from kirjasto.content.sanitise import Change, Sanitiser, changes, is_unchanged, tokens
from kirjasto.content.text import LineMap, escape_markdown

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


def check_body(
    body: str, first_line: int, *, renderer: BodyRenderer, sanitiser: Sanitiser, src_uri: str, title: str | None = None
) -> CheckedBody:
    """Render, clean and judge a body whose first line is line `first_line` of the file.
    `title` (the page's `# heading`) is the first heading the engine numbers ids from."""
    locate = _Locator(body, first_line)
    problems = _unsafe_characters(body, locate)
    try:
        rendered = renderer.render(body, src_uri=src_uri)
    except RenderError as error:
        return CheckedBody("", [*problems, BodyProblem(first_line, _render_error(error.reason, renderer))])
    for raw in _without_paired_closing_tags(rendered.raw_html):
        line, written = locate.raw_html(raw)
        problems.append(BodyProblem(line, _raw_html_message(written)))
    problems += [
        BodyProblem(locate.attribute(attribute, value), _attribute_list_message(tag, attribute, value))
        for tag, attribute, value in rendered.attribute_lists
    ]
    cleaned = sanitiser.clean(rendered.html)
    if not is_unchanged(rendered.html, cleaned):
        explained = {problem.line for problem in problems}
        # Elements the contributor wrote as raw HTML are already reported, on their line.
        raw_tags = {match.group(1).lower() for raw in rendered.raw_html if (match := re.match(r"</?\s*([^\s/>]+)", raw))}
        for change in changes(rendered.html, cleaned):
            if change.tag in raw_tags:
                continue
            line = locate.change(change)
            if line not in explained:
                problems.append(BodyProblem(line, _change_message(change, sanitiser)))
                explained.add(line)
    problems += _english_box_titles(cleaned, locate)
    if not problems:
        problems += _check_headings(cleaned, renderer, sanitiser, locate, src_uri, title)
    if has_unsafe_characters(cleaned) and not problems:
        problems.append(
            BodyProblem(
                locate.invisible_entity() or first_line,
                "Tekstissä on &-alkuinen merkintä, josta tulisi sivulle näkymätön merkki (esim. &shy; tai &#8203;). Poista se.",
            )
        )
    links = [(link, locate.text(link.written) or first_line) for link in rendered.item_links]
    return CheckedBody(cleaned, problems, links)


def _render_error(reason: str, renderer: BodyRenderer) -> str:
    if reason == "slow":
        return (
            f"Tekstiä ei voi muuntaa sivuksi: se kestäisi yli {renderer.budget_seconds:g} sekunnin (tavallinen kuvaus "
            "muuntuu sadasosasekunnissa). Näin käy, kun tekstissä on tuhansia toistuvia merkkejä (kuten [, * tai `) tai "
            "luetteloita hyvin monella sisäkkäisellä tasolla. Poista toistuvat merkit tai vähennä luetteloiden sisäkkäisiä tasoja."
        )
    return (
        f"Tekstiä ei voi muuntaa sivuksi: siinä on luetteloita, lainauksia tai muita rakenteita liian monella tasolla "
        f"sisäkkäin (luetteloissa enintään {MAX_NESTING // 2} tasoa). Vähennä sisäkkäisiä tasoja."
    )


_BOX_TITLE = re.compile(r'<div class="admonition ([a-z]+)[^"]*">\s*<p class="admonition-title">([^<]*)</p>')


def _english_box_titles(cleaned: str, locate: _Locator) -> list[BodyProblem]:
    """A box written without a title (`!!! warning`) gets its type as the title, in English."""
    problems = []
    for match in _BOX_TITLE.finditer(cleaned):
        kind, shown = match.group(1), match.group(2).strip()
        if shown.lower() == kind:
            problems.append(
                BodyProblem(
                    locate.text(f"!!! {kind}") or locate.first_line,
                    f"Huomautuslaatikon otsikoksi tulisi englanninkielinen '{shown}'. Kirjoita suomenkielinen otsikko tyypin perään "
                    f'lainausmerkkeihin, esim. !!! {kind} "Huomio", tai "", jos laatikko ei tarvitse otsikkoa.',
                )
            )
    return problems


# --- headings ------------------------------------------------------------------


def _check_headings(
    cleaned: str, renderer: BodyRenderer, sanitiser: Sanitiser, locate: _Locator, src_uri: str, title: str | None
) -> list[BodyProblem]:
    """The page hands top-level headings back to the engine as Markdown
    (`body_sections.py`), after the title's `# heading`. Render them so, as the
    engine will, and refuse any that would not come out as the heading that was
    judged, or whose id (numbered among the page's headings) the site reserves; a
    link in a heading cannot be written back as plain Markdown, so it is refused."""
    problems, checked = [], []
    for section in body_sections(cleaned):
        if not section.level:
            continue
        if re.search(r"<(a|img)\b", section.heading_html):
            problems.append(
                BodyProblem(
                    locate.heading(section.heading_text) or locate.first_line,
                    f"Väliotsikossa '{section.heading_text[:60]}' on linkki. Linkki ei toimi väliotsikossa: "
                    "kirjoita otsikko tavallisena tekstinä ja linkki sen alle omaan kappaleeseensa.",
                )
            )
        else:
            checked.append(section)
    if not checked:
        return problems
    page_headings = ([f"# {escape_markdown(title)}"] if title else []) + [section.heading for section in checked]
    try:
        rendered = renderer.render("\n\n".join(page_headings), src_uri=src_uri).html
    except RenderError as error:
        return [*problems, BodyProblem(locate.first_line, _render_error(error.reason, renderer))]
    headings = [
        (match.group(2), PERMALINK.sub("", match.group(3)))
        for match in re.finditer(r'<h([1-6])(?: id="([^"]*)")?>(.*?)</h\1>', rendered, re.DOTALL)
    ]
    headings = headings[1:] if title else headings
    for position, section in enumerate(checked):
        line = locate.heading(section.heading_text) or locate.first_line
        shown = headings[position] if position < len(headings) else None
        if shown is None or _words_and_markup(shown[1]) != _words_and_markup(section.heading_html):
            problems.append(
                BodyProblem(
                    line,
                    f"Väliotsikkoa '{section.heading_text[:60]}' ei voi näyttää sivulla samanlaisena: sivu tulkitsisi "
                    "osan sen merkeistä muotoiluksi. Kirjoita otsikko tavallisena tekstinä.",
                )
            )
        elif shown[0] and sanitiser.allow.id_is_reserved(shown[0]):
            problems.append(BodyProblem(line, _reserved_heading_message(section.heading_text, shown[0], sanitiser)))
    return problems


def _reserved_heading_message(text: str, address: str, sanitiser: Sanitiser) -> str:
    prefixes = ", ".join(f"'{prefix}'" for prefix in sanitiser.allow.reserved_id_prefixes)
    return (
        f"Väliotsikosta '{text[:60]}' tulisi sivulle sisäinen osoite '#{address[:40]}', joka on varattu sivuston omaan käyttöön "
        f"(varattuja alkuja ovat {prefixes}). Muuta otsikon alkua, esimerkiksi lisää sen eteen jokin sana."
    )


def _words_and_markup(inner_html: str) -> list:
    """A heading's content compared as the browser shows it: tags and decoded text,
    runs of white space as one space."""
    compared = []
    for token in tokens(inner_html):
        compared.append(("text", " ".join(token[1].split())) if token[0] == "text" else token)
    return [token for token in compared if token != ("text", "")]


# --- messages -------------------------------------------------------------------

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


def _raw_html_message(raw: str) -> str:
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


def _without_paired_closing_tags(raw_html: list[str]) -> list[str]:
    """`<u>x</u>` is one mistake: a closing tag is reported only when its opening tag is not."""
    opened = {match.group(1).lower() for raw in raw_html if (match := re.match(r"<([A-Za-z][A-Za-z0-9]*)", raw))}
    return [
        raw
        for raw in raw_html
        if not ((match := re.match(r"</\s*([A-Za-z][A-Za-z0-9]*)", raw)) and match.group(1).lower() in opened)
    ]


def _attribute_list_message(tag: str, attribute: str, value: str) -> str:
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


def _change_message(change: Change, sanitiser: Sanitiser) -> str:
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
        return _reserved_heading_message(change.text, change.value, sanitiser)
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


# --- lines -------------------------------------------------------------------------

_ATTRIBUTE_VALUE = r'\s{name}="([^"]*)"'
_HEADING_LINE = re.compile(r"^ {0,3}#{1,6}[ \t]")
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
        self._headings: dict[str, list[int]] | None = None

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
        """The line of a heading with these words (ATX `## ...` or underlined); the
        next unused one when several have the same words."""
        if not text:
            return None
        if self._headings is None:
            self._headings = {}
            lines = self.body.split("\n")
            for index, line in enumerate(lines):
                atx = _HEADING_LINE.match(line)
                underlined = index + 1 < len(lines) and line.strip() and re.fullmatch(r" {0,3}(=+|-+)\s*", lines[index + 1])
                # The words of an ATX heading: without its #-marks at either end.
                candidate = line.strip().lstrip("#").rstrip("#").strip() if atx else line if underlined else None
                if candidate is not None:
                    self._headings.setdefault(_heading_key(candidate), []).append(self.first_line + index)
        found = self._headings.get(_heading_key(text))
        if not found:
            return None
        return found.pop(0) if len(found) > 1 else found[0]

    def raw_html(self, raw: str) -> tuple[int, str]:
        """The line of raw HTML the parser passed through, and the HTML as written there
        (an element the parser rebuilt, e.g. for `markdown="1"`, is found by its tag)."""
        first = raw.strip().split("\n")[0]
        tag = re.match(r"</?[A-Za-z][A-Za-z0-9]*", first)
        for needle in (first, first[:40]):
            offset = self._find(needle, ignore_case=True)
            if offset is not None:
                return self.line_of(offset), self.body[offset : offset + len(needle)]
        offset = self._find(tag.group(0), ignore_case=True) if tag else None
        if offset is not None:
            line = self.body[offset:].split("\n", 1)[0]
            end = line.find(">")
            return self.line_of(offset), line[: end + 1] if end >= 0 else line
        return self.first_line, first

    def invisible_entity(self) -> int | None:
        """The line of an HTML entity (`&shy;`, `&#8203;`) that stands for a refused character."""
        for match in re.finditer(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);", self.body):
            if has_unsafe_characters(html_module.unescape(match.group(0))):
                return self.line_of(match.start())
        return None

    def attribute(self, attribute: str, value: str) -> int:
        token = (
            f"#{value}"
            if attribute == "id"
            else f".{value.split()[0]}"
            if attribute == "class" and value.strip()
            else f"{attribute}="
        )
        return self.text(token, value, "{:", "{") or self.first_line

    def change(self, change: Change) -> int:
        written = re.search(
            _ATTRIBUTE_VALUE.format(name=re.escape(change.attribute or ("src" if change.tag == "img" else "href"))),
            change.written,
        )
        raw_value = written.group(1) if written else ""
        if change.tag == "#comment":
            found = self.text("<!--")
        elif change.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            found = self.heading(change.text)
        elif change.tag == "code" and change.attribute == "class":
            found = self.text(
                "```" + change.value.removeprefix("language-").split()[0],
                "~~~" + change.value.removeprefix("language-").split()[0],
                "```",
                "~~~",
            )
        elif change.tag == "div" and change.attribute == "class":
            found = self.text(*(f"!!! {part}" for part in change.value.split() if part != "admonition"), "!!!")
        else:
            found = self.text(
                *(needle for needle in (raw_value, html_module.unescape(raw_value), change.value, change.text) if needle)
            )
        return found or self.heading(change.heading) or self.first_line


def _heading_key(text: str) -> str:
    """Words of a heading for matching the source with what was rendered: link targets,
    entities and markup characters do not count."""
    without_targets = re.sub(r"\]\([^)]*\)", " ", text)
    return " ".join(_MARKUP.sub(" ", html_module.unescape(without_targets)).split()).lower()


def _unsafe_characters(body: str, locate: _Locator) -> list[BodyProblem]:
    if not has_unsafe_characters(body):
        return []
    offset, what = unsafe_character(body)
    return [BodyProblem(locate.line_of(offset), f"Tekstissä on {what}. {RETYPE_ADVICE}")]
