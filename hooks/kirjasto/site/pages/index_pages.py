"""The index pages teachers browse by: per kind, theme, municipality, region
and education level, and the overview page of each."""

from __future__ import annotations

import dataclasses

from kirjasto.content.library import items_sorted
from kirjasto.content.messages import Messages, _
from kirjasto.content.model import Item, Kind, Library
from kirjasto.content.network import Team
from kirjasto.content.text import escape_markdown
from kirjasto.content.vocabularies import Theme, sorted_by_name
from kirjasto.site.pages import paths
from kirjasto.site.pages.item_page import team_anchor
from kirjasto.site.pages.listing import items_count, other_language
from kirjasto.site.pages.listing_pages import Listings, group_items, index_page, listing_pages
from kirjasto.site.pages.network_directory import plan_network_directory
from kirjasto.site.pages.page import Page, link
from kirjasto.site.pages.place_pages import place_pages
from kirjasto.site.parts import PartTemplates


def plan_index_pages(library: Library, templates: PartTemplates, *, messages: Messages | None = None) -> list[Page]:
    """The index pages, their words in the language of `messages` (by default the templates' own)."""
    messages = messages or templates.messages
    listings = Listings(library.freshness, templates, messages)
    pages = [
        *(page for kind in Kind for page in _kind_pages(kind, library, listings)),
        *_theme_pages(library, listings),
        *place_pages(library, listings),
        *_level_pages(library, listings),
        plan_network_directory(library, templates, messages=messages),
    ]
    # Overview pages (all themes, all municipalities...) change with any item.
    newest = max((item.updated for item in library.items), default=None)
    return [page if page.updated else dataclasses.replace(page, updated=newest) for page in pages]


_KIND_INTROS = {
    Kind.PRACTICE: _(
        "Hyvät käytännöt ovat koulujen, kuntien ja alueiden toimintamalleja, joita muut voivat soveltaa omaan työhönsä."
    ),
    Kind.NETWORK: _(
        "Verkostot kertovat, keitä niissä on, millaisia tiimejä niillä on, ketä ne palvelevat ja miten mukaan pääsee."
    ),
    Kind.TOOLKIT: _(
        "Materiaalit ovat työkaluja ja aineistoja, kuten vuosikelloja ja muistioita, joita voi ottaa käyttöön ja muokata."
    ),
}


def _kind_pages(kind: Kind, library: Library, listings: Listings) -> list[Page]:
    items = [item for item in library.items if item.kind is kind]
    say = listings.messages.say
    return listing_pages(paths.kind_src(kind), say(kind.plural), say(_KIND_INTROS[kind]), items, listings=listings, newest=True)


def _theme_pages(library: Library, listings: Listings) -> list[Page]:
    themes = library.vocabularies.themes.values()
    by_theme = group_items(library.items, lambda item: [theme.slug for theme in item.themes])
    messages = listings.messages
    language = messages.language
    pages = []
    for theme in themes:
        src = paths.theme_src(theme)
        pages += listing_pages(
            src,
            theme.name_in(language),
            escape_markdown(theme.description_in(language)),
            by_theme[theme.slug],
            listings=listings,
            lead=_teams_on(theme, library, src, messages),
        )
    lines = [
        f"- [{escape_markdown(theme.name_in(language))}]({link(paths.THEMES_INDEX, paths.theme_src(theme))}) ({items_count(len(by_theme[theme.slug]), messages=messages)}): {escape_markdown(theme.description_in(language))}"
        for theme in sorted_by_name(themes, language)
    ]
    intro = messages.say(_("Kuvaukset on ryhmitelty teemoittain. Yksi kuvaus voi kuulua enintään viiteen teemaan."))
    heading = messages.plural("{count} teema", "{count} teemaa", len(lines))
    pages.append(index_page(paths.THEMES_INDEX, messages.say(_("Teemat")), intro, f"## {heading}\n\n" + "\n".join(lines)))
    return pages


def _teams_on(theme: Theme, library: Library, src: str, messages: Messages) -> str:
    """The teams of networks that work on the theme, each linked to its card."""
    lines = [
        _team_line(team, item, src, messages)
        for item in items_sorted(library.items)
        for team in item.teams
        if theme in team.themes
    ]
    if not lines:
        return ""
    return "## " + messages.say(_("Tiimit, jotka työskentelevät teeman parissa")) + "\n\n" + "\n".join(lines)


def _level_pages(library: Library, listings: Listings) -> list[Page]:
    by_level = group_items(library.items, lambda item: [level.slug for level in item.levels])
    levels = library.vocabularies.levels.values()
    messages = listings.messages
    language = messages.language
    level_intro = messages.say(_("Tällä sivulla ovat kuvaukset, jotka koskevat tätä koulutusastetta tai -muotoa."))
    pages = [
        page
        for level in levels
        for page in listing_pages(
            paths.level_src(level), level.name_in(language), level_intro, by_level[level.slug], listings=listings
        )
    ]
    lines = [
        f"- [{escape_markdown(level.name_in(language))}]({link(paths.LEVELS_INDEX, paths.level_src(level))}) ({items_count(len(by_level[level.slug]), messages=messages)})"
        for level in levels
    ]
    intro = messages.say(
        _(
            "Koulutusasteet oppijan polun järjestyksessä varhaiskasvatuksesta korkeakoulutukseen, "
            "lopuksi koko elämän kattavat koulutusmuodot."
        )
    )
    pages.append(index_page(paths.LEVELS_INDEX, messages.say(_("Koulutusasteet")), intro, "\n".join(lines)))
    return pages


def _team_line(team: Team, item: Item, src: str, messages: Messages) -> str:
    """'- [Team](its card) – Network'; a network written in another language than the
    page's has both marked with its language (WCAG 3.1.2)."""
    team_link = f"[{escape_markdown(team.name)}]({link(src, item.src_uri)}#{team_anchor(team)})"
    language = other_language(item, messages=messages)
    if language is None:
        return f"- {team_link} – {escape_markdown(item.title)}"
    return f'- {team_link}{{: lang="{language}" }} – <span lang="{language}">{escape_markdown(item.title)}</span>'
