"""The index pages teachers browse by: per kind, theme, municipality, region
and education level, and the overview page of each."""

from __future__ import annotations

import dataclasses

from kirjasto.content.library import items_sorted
from kirjasto.content.model import Kind, Library
from kirjasto.content.text import count_phrase, escape_markdown
from kirjasto.content.vocabularies import Theme, sorted_by_name
from kirjasto.site.pages import paths
from kirjasto.site.pages.item_page import team_anchor
from kirjasto.site.pages.listing import items_count
from kirjasto.site.pages.listing_pages import Listings, group_items, index_page, listing_pages
from kirjasto.site.pages.network_directory import plan_network_directory
from kirjasto.site.pages.page import Page, link
from kirjasto.site.pages.place_pages import place_pages
from kirjasto.site.parts import PartTemplates


def plan_index_pages(library: Library, templates: PartTemplates) -> list[Page]:
    listings = Listings(library.freshness, templates)
    pages = [
        *(page for kind in Kind for page in _kind_pages(kind, library, listings)),
        *_theme_pages(library, listings),
        *place_pages(library, listings),
        *_level_pages(library, listings),
        plan_network_directory(library, templates),
    ]
    # Overview pages (all themes, all municipalities...) change with any item.
    newest = max((item.updated for item in library.items), default=None)
    return [page if page.updated else dataclasses.replace(page, updated=newest) for page in pages]


_KIND_INTROS = {
    Kind.PRACTICE: "Hyvät käytännöt ovat koulujen, kuntien ja alueiden toimintamalleja, joita muut voivat soveltaa omaan työhönsä.",
    Kind.NETWORK: "Verkostot kertovat, keitä niissä on, millaisia tiimejä niillä on, ketä ne palvelevat ja miten mukaan pääsee.",
    Kind.TOOLKIT: "Materiaalit ovat työkaluja ja aineistoja, kuten vuosikelloja ja muistioita, joita voi ottaa käyttöön ja muokata.",
}


def _kind_pages(kind: Kind, library: Library, listings: Listings) -> list[Page]:
    items = [item for item in library.items if item.kind is kind]
    return listing_pages(paths.kind_src(kind), kind.plural, _KIND_INTROS[kind], items, listings=listings, newest=True)


def _theme_pages(library: Library, listings: Listings) -> list[Page]:
    themes = library.vocabularies.themes.values()
    by_theme = group_items(library.items, lambda item: [theme.slug for theme in item.themes])
    pages = []
    for theme in themes:
        src = paths.theme_src(theme)
        pages += listing_pages(
            src,
            theme.name,
            escape_markdown(theme.description),
            by_theme[theme.slug],
            listings=listings,
            lead=_teams_on(theme, library, src),
        )
    lines = [
        f"- [{escape_markdown(theme.name)}]({link(paths.THEMES_INDEX, paths.theme_src(theme))}) ({items_count(len(by_theme[theme.slug]))}): {escape_markdown(theme.description)}"
        for theme in sorted_by_name(themes)
    ]
    intro = "Kuvaukset on ryhmitelty teemoittain. Yksi kuvaus voi kuulua enintään viiteen teemaan."
    pages.append(
        index_page(
            paths.THEMES_INDEX,
            "Teemat",
            intro,
            f"## {count_phrase(len(lines), 'teema', 'teemaa').capitalize()}\n\n" + "\n".join(lines),
        )
    )
    return pages


def _teams_on(theme: Theme, library: Library, src: str) -> str:
    """The teams of networks that work on the theme, each linked to its card."""
    lines = [
        f"- [{escape_markdown(team.name)}]({link(src, item.src_uri)}#{team_anchor(team)}) – {escape_markdown(item.title)}"
        for item in items_sorted(library.items)
        for team in item.teams
        if theme in team.themes
    ]
    return "## Tiimit, jotka työskentelevät teeman parissa\n\n" + "\n".join(lines) if lines else ""


def _level_pages(library: Library, listings: Listings) -> list[Page]:
    by_level = group_items(library.items, lambda item: [level.slug for level in item.levels])
    levels = library.vocabularies.levels.values()
    pages = [
        page
        for level in levels
        for page in listing_pages(
            paths.level_src(level),
            level.name,
            "Tällä sivulla ovat kuvaukset, jotka koskevat tätä koulutusastetta tai -muotoa.",
            by_level[level.slug],
            listings=listings,
        )
    ]
    lines = [
        f"- [{escape_markdown(level.name)}]({link(paths.LEVELS_INDEX, paths.level_src(level))}) ({items_count(len(by_level[level.slug]))})"
        for level in levels
    ]
    intro = "Koulutusasteet oppijan polun järjestyksessä varhaiskasvatuksesta korkeakoulutukseen, lopuksi koko elämän kattavat koulutusmuodot."
    pages.append(index_page(paths.LEVELS_INDEX, "Koulutusasteet", intro, "\n".join(lines)))
    return pages
