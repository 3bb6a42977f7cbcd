"""Check one item's front matter and body against the content model and build an `Item`.

The rules for each group of fields live in `field_identity.py`,
`field_vocabulary.py`, `field_provenance.py` and `field_contacts.py`; the body is
judged by `body.py`. Every check adds a `Problem` and goes on, so that one run
reports everything that is wrong in the file.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from kirjasto.content.body import FIELD as BODY_FIELD
from kirjasto.content.body import CheckedBody, check_body
from kirjasto.content.field_checker import Checker
from kirjasto.content.field_contacts import read_contacts, read_links, warn_about_personal_details
from kirjasto.content.field_identity import check_unknown_keys, read_plain_list, read_status, read_summary, read_title
from kirjasto.content.field_language import read_language, read_translations, written_language
from kirjasto.content.field_network import read_join, read_meets, read_members, read_teams, refuse_on_materials
from kirjasto.content.field_provenance import Dates, read_dates, read_source, read_started
from kirjasto.content.field_vocabulary import read_audience, read_levels, read_places, read_themes
from kirjasto.content.field_wheel import read_wheel, read_wheel_caption
from kirjasto.content.frontmatter_tree import Mapping
from kirjasto.content.item_skeleton import all_hints
from kirjasto.content.messages import SOURCE_LANGUAGE, _, messages_in
from kirjasto.content.model import Contact, Item, ItemLink, Kind, Link, Source
from kirjasto.content.network import JoinInfo, MemberGroup, Team
from kirjasto.content.problems import Problem, errors
from kirjasto.content.render import BodyRenderer
from kirjasto.content.sanitise import Sanitiser
from kirjasto.content.vocabularies import Audience, Level, Municipality, Region, Theme, Vocabularies
from kirjasto.content.year_wheel import WheelRow


@dataclass(frozen=True)
class ValidationContext:
    """What every item is checked against."""

    vocabularies: Vocabularies
    today: datetime.date
    """Today in Finland (`clock.today_in_finland`): dates after it are refused."""
    renderer: BodyRenderer = field(default_factory=BodyRenderer)
    """The site's Markdown configuration: bodies are judged as the page would show them."""
    sanitiser: Sanitiser = field(default_factory=Sanitiser)
    allowed_contacts: frozenset[str] = frozenset()
    """Reviewed personal addresses and numbers (normalised) that need no warning."""
    language: str | None = None
    """The language problems are told in when the contributor asked for one
    (`kirjasto validate --kieli`); otherwise each file's own."""


@dataclass(frozen=True)
class ValidatedFile:
    """The outcome of checking one file: an item when it is valid, and its problems."""

    item: Item | None
    problems: list[Problem]
    related_lines: dict[str, int]
    """Line of each slug in `related`, for the library-wide check that they exist."""
    link_lines: list[tuple[ItemLink, int]] = field(default_factory=list)
    """Links in the body to other items, with their lines, for the same check."""
    language: str = SOURCE_LANGUAGE
    """The language the item is written in (`language`)."""
    translation_lines: dict[str, int] = field(default_factory=dict)
    """Line of each slug in `translations`, for the check that they exist and point back."""
    told_in: str = SOURCE_LANGUAGE
    """The language of the file's problems, also of those found across the library."""


@dataclass(frozen=True)
class _Fields:
    """Every front-matter value as read: None or empty where a problem was reported."""

    title: str | None
    summary: str | None
    places: tuple[tuple[Municipality, ...], tuple[Region, ...]]
    levels: tuple[Level, ...]
    themes: tuple[Theme, ...]
    audience: tuple[Audience, ...]
    status: str | None
    dates: Dates
    started: int | None
    organisations: tuple[str, ...]
    funding: tuple[str, ...]
    source: Source | None
    contacts: tuple[Contact, ...]
    links: tuple[Link, ...]
    vuosikello: tuple[WheelRow, ...]
    vuosikello_selite: str | None
    teams: tuple[Team, ...] = ()
    join: JoinInfo | None = None
    meets: str | None = None
    members: tuple[MemberGroup, ...] = ()


_STORED_AS_READ = (
    "levels", "themes", "status", "started", "organisations", "audience", "contacts", "links", "funding", "source",
    "vuosikello", "vuosikello_selite", "teams", "join", "meets", "members",
)  # fmt: skip


def validate_item(
    tree: Mapping,
    *,
    path: str,
    kind: Kind,
    slug: str,
    body: str,
    body_line: int,
    source_path: Path,
    context: ValidationContext,
) -> ValidatedFile:
    """Check every field of one item and build the `Item` if all are valid."""
    told_in = context.language or written_language(tree) or SOURCE_LANGUAGE
    check = Checker(path=path, tree=tree, messages=messages_in(told_in))
    check_unknown_keys(check)
    language = read_language(check)
    translation_lines = read_translations(check, slug)
    values = _read_fields(check, kind, context)
    checked_body = _check_body(check, body, body_line, f"{kind.folder}/{slug}.md", context, values.title)
    warn_about_personal_details(check, body=body, body_line=body_line, contacts=values.contacts, allowed=context.allowed_contacts)
    related_lines = check.other_items(
        "related", slug, _("Kuvaus ei voi viitata itseensä ('{slug}'). Poista se related-listasta.")
    )
    link_lines = checked_body.item_links if checked_body else []
    title, summary, updated = values.title, values.summary, values.dates.updated
    # A missing title, summary, update day or body has been reported as an error.
    if errors(check.problems) or title is None or summary is None or updated is None or checked_body is None:
        return ValidatedFile(None, check.problems, related_lines, link_lines, language, translation_lines, told_in)
    municipalities, regions = values.places
    item = Item(
        kind=kind,
        slug=slug,
        source_path=source_path,
        title=title,
        summary=summary,
        body=body,
        body_html=checked_body.html,
        municipalities=municipalities,
        regions=regions,
        written=values.dates.written,
        checked=values.dates.checked,
        related=tuple(related_lines),
        item_links=tuple(link for link, _ in link_lines),
        updated=updated,
        language=language,
        translations=tuple(translation_lines),
        # The fields read as they are stored: one name in _Fields and in Item.
        **{name: getattr(values, name) for name in _STORED_AS_READ},
    )
    return ValidatedFile(item, check.problems, related_lines, link_lines, language, translation_lines, told_in)


def _read_fields(check: Checker, kind: Kind, context: ValidationContext) -> _Fields:
    """Every field, in the order their problems are reported."""
    vocabularies, today = context.vocabularies, context.today
    organised = refuse_on_materials(check, kind)
    return _Fields(
        title=read_title(check, renderer=context.renderer, allow=context.sanitiser.allow),
        summary=read_summary(check),
        places=read_places(check, vocabularies),
        levels=read_levels(check, vocabularies),
        themes=read_themes(check, vocabularies),
        audience=read_audience(check, vocabularies),
        status=read_status(check, kind),
        dates=read_dates(check, today),
        started=read_started(check, today),
        organisations=read_plain_list(check, "organisations"),
        funding=read_plain_list(check, "funding"),
        source=read_source(check, today),
        contacts=read_contacts(check),
        links=read_links(check),
        vuosikello=read_wheel(check),
        vuosikello_selite=read_wheel_caption(check),
        teams=read_teams(check, vocabularies) if organised else (),
        join=read_join(check) if organised else None,
        meets=read_meets(check) if organised else None,
        members=read_members(check, vocabularies) if organised else (),
    )


def _check_body(
    check: Checker, body: str, body_line: int, src_uri: str, context: ValidationContext, title: str | None
) -> CheckedBody | None:
    if not body.strip():
        check.report(
            body_line,
            BODY_FIELD,
            check.say(
                _(
                    "Kuvausteksti puuttuu. Kirjoita front matterin jälkeen kuvaus väliotsikoineen (## Tavoitteet, ## Toteutus ...)."
                )
            ),
        )
        return None
    checked = check_body(
        body,
        body_line,
        renderer=context.renderer,
        sanitiser=context.sanitiser,
        src_uri=src_uri,
        title=title,
        messages=check.messages,
    )
    for problem in checked.problems:
        check.report(problem.line, BODY_FIELD, problem.message)
    hints = all_hints()
    for offset, line in enumerate(body.split("\n")):
        if line.strip() in hints:
            check.report(
                body_line + offset,
                BODY_FIELD,
                check.say(_("Apukysymys '{hint}' on vielä tekstissä. Korvaa se omalla tekstilläsi."), hint=line.strip()),
            )
    return checked
