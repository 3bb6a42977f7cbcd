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
from typing import NamedTuple

from kirjasto.content.body_locator import Locator
from kirjasto.content.body_messages import (
    attribute_list_message,
    change_message,
    raw_html_message,
    render_error_message,
    reserved_heading_message,
)
from kirjasto.content.body_sections import PERMALINK, BodySection, body_sections
from kirjasto.content.characters import RETYPE_ADVICE, has_unsafe_characters, unsafe_character
from kirjasto.content.messages import Messages, _, messages_in
from kirjasto.content.model import ItemLink
from kirjasto.content.render import BodyRenderer, RenderError
from kirjasto.content.sanitise import Sanitiser, Token, changes, is_unchanged, tokens
from kirjasto.content.text import escape_markdown

FIELD = _("teksti")
"""How reports name the body, which has no front-matter field of its own (marked, so
that a report can show it in its language; the problem itself keeps this name)."""
_FINNISH = messages_in()


class BodyProblem(NamedTuple):
    """One refusal, with where it is."""

    line: int
    """1-based line in the file."""
    message: str


@dataclass(frozen=True)
class CheckedBody:
    """What the body check found."""

    html: str
    """The sanitised HTML the page shows (empty when the body cannot be rendered)."""
    problems: list[BodyProblem] = field(default_factory=list)
    item_links: list[tuple[ItemLink, int]] = field(default_factory=list)
    """Links to other items with the line of each, for the library-wide check."""


def check_body(
    body: str,
    first_line: int,
    *,
    renderer: BodyRenderer,
    sanitiser: Sanitiser,
    src_uri: str,
    title: str | None = None,
    messages: Messages = _FINNISH,
) -> CheckedBody:
    """Render, clean and judge a body whose first line is line `first_line` of the file.
    `title` (the page's `# heading`) is the first heading the engine numbers ids from.
    The problems are told in the language of `messages` (Finnish unless given)."""
    locate = Locator(body, first_line)
    problems = _unsafe_characters(body, locate, messages)
    try:
        rendered = renderer.render(body, src_uri=src_uri)
    except RenderError as error:
        return CheckedBody("", [*problems, BodyProblem(first_line, render_error_message(error.reason, renderer, messages))])
    for raw in _without_paired_closing_tags(rendered.raw_html):
        line, written = locate.raw_html(raw)
        problems.append(BodyProblem(line, raw_html_message(written, messages)))
    problems += [
        BodyProblem(locate.attribute(attribute, value), attribute_list_message(tag, attribute, value, messages))
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
                problems.append(BodyProblem(line, change_message(change, sanitiser, messages)))
                explained.add(line)
    problems += _english_box_titles(cleaned, locate, messages)
    if not problems:
        problems += _check_headings(cleaned, renderer, sanitiser, locate, src_uri, title, messages)
    if has_unsafe_characters(cleaned) and not problems:
        problems.append(
            BodyProblem(
                locate.invisible_entity() or first_line,
                messages.say(
                    _(
                        "Tekstissä on &-alkuinen merkintä, josta tulisi sivulle näkymätön merkki (esim. &shy; tai &#8203;). Poista se."
                    )
                ),
            )
        )
    links = [(link, locate.text(link.written) or first_line) for link in rendered.item_links]
    return CheckedBody(cleaned, problems, links)


def _without_paired_closing_tags(raw_html: list[str]) -> list[str]:
    """`<u>x</u>` is one mistake: a closing tag is reported only when its opening tag is not."""
    opened = {match.group(1).lower() for raw in raw_html if (match := re.match(r"<([A-Za-z][A-Za-z0-9]*)", raw))}
    return [
        raw
        for raw in raw_html
        if not ((match := re.match(r"</\s*([A-Za-z][A-Za-z0-9]*)", raw)) and match.group(1).lower() in opened)
    ]


_BOX_TITLE = re.compile(r'<div class="admonition ([a-z]+)[^"]*">\s*<p class="admonition-title">([^<]*)</p>')


def _english_box_titles(cleaned: str, locate: Locator, messages: Messages) -> list[BodyProblem]:
    """A box written without a title (`!!! warning`) gets its type as the title, in English."""
    problems = []
    for match in _BOX_TITLE.finditer(cleaned):
        kind, shown = match.group(1), match.group(2).strip()
        if shown.lower() == kind:
            problems.append(
                BodyProblem(
                    locate.text(f"!!! {kind}") or locate.first_line,
                    messages.say(
                        _(
                            "Huomautuslaatikon otsikoksi tulisi englanninkielinen '{shown}'. Kirjoita suomenkielinen otsikko tyypin perään "
                            'lainausmerkkeihin, esim. !!! {kind} "Huomio", tai "", jos laatikko ei tarvitse otsikkoa.'
                        ),
                        shown=shown,
                        kind=kind,
                    ),
                )
            )
    return problems


# --- headings ------------------------------------------------------------------


def _check_headings(
    cleaned: str,
    renderer: BodyRenderer,
    sanitiser: Sanitiser,
    locate: Locator,
    src_uri: str,
    title: str | None,
    messages: Messages,
) -> list[BodyProblem]:
    """The page hands top-level headings back to the engine as Markdown
    (`body_sections.py`), after the title's `# heading`. Render them so, as the
    engine will, and refuse any that would not come out as the heading that was
    judged, or whose id (numbered among the page's headings) the site reserves; a
    link in a heading cannot be written back as plain Markdown, so it is refused."""
    problems: list[BodyProblem] = []
    checked: list[BodySection] = []
    for section in body_sections(cleaned):
        if not section.level:
            continue
        if re.search(r"<(a|img)\b", section.heading_html):
            problems.append(
                BodyProblem(
                    locate.heading(section.heading_text) or locate.first_line,
                    messages.say(
                        _(
                            "Väliotsikossa '{heading}' on linkki. Linkki ei toimi väliotsikossa: "
                            "kirjoita otsikko tavallisena tekstinä ja linkki sen alle omaan kappaleeseensa."
                        ),
                        heading=section.heading_text[:60],
                    ),
                )
            )
        else:
            checked.append(section)
    if not checked:
        return problems
    page_headings = ([f"# {escape_markdown(title)}"] if title else []) + [section.heading or "" for section in checked]
    try:
        rendered = renderer.render("\n\n".join(page_headings), src_uri=src_uri).html
    except RenderError as error:
        return [*problems, BodyProblem(locate.first_line, render_error_message(error.reason, renderer, messages))]
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
                    messages.say(
                        _(
                            "Väliotsikkoa '{heading}' ei voi näyttää sivulla samanlaisena: sivu tulkitsisi "
                            "osan sen merkeistä muotoiluksi. Kirjoita otsikko tavallisena tekstinä."
                        ),
                        heading=section.heading_text[:60],
                    ),
                )
            )
        elif shown[0] and sanitiser.allow.id_is_reserved(shown[0]):
            problems.append(BodyProblem(line, reserved_heading_message(section.heading_text, shown[0], sanitiser, messages)))
    return problems


def _words_and_markup(inner_html: str) -> list[Token]:
    """A heading's content compared as the browser shows it: tags and decoded text,
    runs of white space as one space."""
    compared: list[Token] = []
    for token in tokens(inner_html):
        compared.append(("text", " ".join(token[1].split())) if token[0] == "text" else token)
    return [token for token in compared if token != ("text", "")]


def _unsafe_characters(body: str, locate: Locator, messages: Messages) -> list[BodyProblem]:
    found = unsafe_character(body, messages)
    if found is None:
        return []
    offset, what = found
    message = messages.say(_("Tekstissä on {what}."), what=what) + " " + messages.say(RETYPE_ADVICE)
    return [BodyProblem(locate.line_of(offset), message)]
