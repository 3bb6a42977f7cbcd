"""Checks of an item's Markdown body: no raw HTML, no attribute lists, only
safe link and image targets, alt text on every image, no invisible control
characters, and at most one page title.

The checks read the Markdown as text. Code (fenced blocks and inline code
spans) is left out, because Markdown shows it literally. Indented blocks are
checked like other text: Python-Markdown also indents list paragraphs, and
the safe side is to flag HTML there too. The rendered page is sanitised again
afterwards (`safety.sanitise_item_html`), so a gap here cannot reach a reader.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from urllib.parse import unquote

from .characters import has_unsafe_characters, unsafe_character
from .text import LineMap

FIELD = "teksti"
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})

_FENCE_OPEN = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# A backtick run not preceded by a backslash opens a code span that the same run closes.
_CODE_SPAN = re.compile(r"(?<!\\)(`+)(?:(?!\n[ \t]*\n).)+?(?<!`)\1(?!`)", re.DOTALL)
_HTML = re.compile(
    r"<(?:/?[A-Za-z][^<>@\s]*(?:\s[^<>]*)?|!--.*?--|![A-Za-z][^<>]*|\?[^<>]*)>"
    r"|<!--|^ {0,3}</?[A-Za-z](?![A-Za-z0-9.+-]*[@:])",
    re.DOTALL | re.MULTILINE,
)
_AUTOLINK = re.compile(r"<[A-Za-z][A-Za-z0-9+.-]*:[^<>\s]*>")
_TAG_NAME = re.compile(r"</?\s*([A-Za-z][A-Za-z0-9]*)")
_INLINE_TARGET = re.compile(r"(!?)\[((?:[^\[\]\n]|\\\[|\\\])*)\]\(\s*(<[^>\n]*>|[^\s)]*)")
_REFERENCE_IMAGE = re.compile(r"!\[((?:[^\[\]\n])*)\]\s?\[")
_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:\s*(<[^>\n]*>|\S+)", re.MULTILINE)
_ATTRIBUTE_LIST = re.compile(r"\{:?[ \t]*(?:[.#][\w-]|[\w-]+[ \t]*=)")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
_HEADING_ONE = re.compile(r"^ {0,3}#(?:[ \t]|$)", re.MULTILINE)

_MARKDOWN_INSTEAD = {
    ("b", "strong"): "lihavointi kirjoitetaan **näin**",
    ("i", "em"): "kursiivi kirjoitetaan *näin*",
    ("a",): "linkki kirjoitetaan [linkin teksti](https://osoite.fi/)",
    ("img",): "kuva lisätään muodossa ![kuvaus kuvasta](osoite)",
    ("br", "p", "div", "span"): "kappaleet erotetaan tyhjällä rivillä",
    ("h1", "h2", "h3", "h4", "h5", "h6"): "väliotsikko kirjoitetaan ## Otsikko",
    ("ul", "ol", "li"): "luettelon kohta alkaa rivin alussa viivalla: - kohta",
    ("table", "tr", "td", "th"): "taulukko kirjoitetaan Markdown-taulukkona (| sarake | sarake |)",
    ("code", "pre"): "koodi kirjoitetaan `näin` tai ```-merkkien väliin",
}


@dataclass(frozen=True)
class BodyProblem:
    line: int
    """1-based line in the file."""
    message: str


def check_body(body: str, first_line: int) -> list[BodyProblem]:
    """Every problem in a body whose first line is line `first_line` of the file."""
    line_of = LineMap(body, first_line)
    text = _without_code(body)
    return [
        *_unsafe_characters(body, line_of),
        *_raw_html(text, line_of),
        *_attribute_lists(text, line_of),
        *_link_targets(text, line_of),
        *_heading_ones(text, line_of),
    ]


def _blank(match: re.Match) -> str:
    """Replace code with spaces of the same length, keeping newlines, so offsets still map to lines."""
    return re.sub(r"[^\n]", " ", match.group(0))


def _without_code(body: str) -> str:
    if "`" not in body and "~~~" not in body:
        return body
    lines = body.split("\n")
    fence: str | None = None
    for index, line in enumerate(lines):
        opening = _FENCE_OPEN.match(line)
        if fence is None and opening:
            fence = opening.group(1)
            lines[index] = ""
        elif fence is not None:
            if line.strip().startswith(fence[0] * len(fence)) and not line.strip().strip(fence[0]):
                fence = None
            lines[index] = " " * len(line)
    return _CODE_SPAN.sub(_blank, "\n".join(lines))


def _unsafe_characters(body: str, line_of: LineMap) -> list[BodyProblem]:
    if not has_unsafe_characters(body):
        return []
    offset, what = unsafe_character(body)
    return [BodyProblem(line_of(offset), f"Tekstissä on {what}. Poista se (kopioi teksti ensin muotoilemattomana, esim. Muistion kautta).")]


def _raw_html(text: str, line_of: LineMap) -> list[BodyProblem]:
    if "<" not in text:
        return []
    problems = []
    for match in _HTML.finditer(text):
        if _AUTOLINK.fullmatch(match.group(0)) and _is_web_autolink(match.group(0)):
            continue
        tag = _TAG_NAME.match(match.group(0))
        name = tag.group(1).lower() if tag else None
        shown = match.group(0).split("\n")[0][:40]
        hint = next((advice for names, advice in _MARKDOWN_INSTEAD.items() if name in names), None)
        advice = f"Käytä Markdownia: {hint}." if hint else "Poista se; upotuksia ja skriptejä ei voi lisätä, mutta voit linkittää sisältöön: [linkin teksti](https://osoite.fi/)."
        problems.append(BodyProblem(line_of(match.start()), f"Tekstissä on HTML-koodia ({shown}). HTML ei ole sallittua. {advice}"))
    return problems


def _is_web_autolink(autolink: str) -> bool:
    return _scheme_of(autolink[1:-1]) in ("http", "https")


def _attribute_lists(text: str, line_of: LineMap) -> list[BodyProblem]:
    if "{" not in text:
        return []
    return [
        BodyProblem(line_of(m.start()), "Tekstissä on muotoilumääre ({: ...} tai { .luokka }). Sellaisia ei sallita; poista aaltosulkeet ja niiden sisältö.")
        for m in _ATTRIBUTE_LIST.finditer(text)
    ]


def normalised_target(target: str) -> str:
    """A link target as a browser reads it: entities decoded, percent-escapes decoded,
    whitespace and control characters (which browsers skip inside a scheme) removed."""
    decoded = target.strip().removeprefix("<").removesuffix(">")
    for _ in range(3):
        decoded = unquote(html.unescape(decoded))
    return re.sub(r"[\x00-\x20\x7f]", "", decoded).lower()


def _scheme_of(target: str) -> str | None:
    match = _SCHEME.match(normalised_target(target))
    return match.group(1) if match else None


def _link_targets(text: str, line_of: LineMap) -> list[BodyProblem]:
    if "]" not in text:
        return []
    problems = []
    for match in _INLINE_TARGET.finditer(text):
        is_image, alt, target = match.group(1) == "!", match.group(2), match.group(3)
        line = line_of(match.start())
        if is_image and not alt.strip():
            problems.append(BodyProblem(line, "Kuvalta puuttuu vaihtoehtoinen teksti. Kirjoita hakasulkeisiin, mitä kuvassa on: ![Opettajat suunnittelevat vuosikelloa](osoite)."))
        problems += _target_problems(target, line, is_image)
    for match in _REFERENCE_IMAGE.finditer(text):
        if not match.group(1).strip():
            problems.append(BodyProblem(line_of(match.start()), "Kuvalta puuttuu vaihtoehtoinen teksti. Kirjoita hakasulkeisiin, mitä kuvassa on."))
    for match in _DEFINITION.finditer(text):
        problems += _target_problems(match.group(1), line_of(match.start()), is_image=False)
    return problems


def _target_problems(target: str, line: int, is_image: bool) -> list[BodyProblem]:
    scheme = _scheme_of(target)
    normalised = normalised_target(target)
    if scheme is not None and scheme not in SAFE_SCHEMES:
        return [BodyProblem(line, f"Linkin osoite alkaa '{scheme}:', mikä ei ole sallittua. Käytä osoitetta, joka alkaa https:// (tai http:// tai mailto:), tai suhteellista polkua toiseen kuvaukseen, esim. ../verkostot/nimi.md.")]
    if is_image and (scheme is not None or normalised.startswith("//")):
        return [BodyProblem(line, "Kuvat toisilta palvelimilta eivät ole sallittuja: jokaisen lukijan selain ottaisi yhteyden siihen palvelimeen. Linkitä kuvaan tavallisella linkillä: [kuvan kuvaus](https://...).")]
    return []


def _heading_ones(text: str, line_of: LineMap) -> list[BodyProblem]:
    return [
        BodyProblem(line_of(m.start()), "Pääotsikko '# ...' ei kuulu tekstiin: sivun otsikko tulee title-kentästä. Aloita väliotsikot kahdella risuaidalla: '## ...'.")
        for m in _HEADING_ONE.finditer(text)
    ]
