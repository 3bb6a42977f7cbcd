"""The index pages teachers browse by: per kind, theme, municipality, region
and education level, and the overview page of each."""

from __future__ import annotations

import dataclasses
import html
import re
from collections import defaultdict

from kirjasto.content.library import items_sorted
from kirjasto.content.model import Item, Kind, Library
from kirjasto.site.regionmap import map_html
from kirjasto.content.freshness import Freshness
from kirjasto.content.text import count_phrase, escape_markdown, finnish_sort_key
from kirjasto.content.vocabularies import Municipality, Region, sorted_by_name
from kirjasto.site.pages import paths
from kirjasto.site.pages.listing import grouped_by_kind, item_entry_html, items_count, newest_first
from kirjasto.site.pages.page import Page, html_marker, link, with_front_matter


def plan_index_pages(library: Library) -> list[Page]:
    pages = [
        *(page for kind in Kind for page in _kind_pages(kind, library)),
        *_theme_pages(library),
        *_place_pages(library),
        *_level_pages(library),
    ]
    # Overview pages (all themes, all municipalities...) change with any item.
    newest = max((item.updated for item in library.items), default=None)
    return [page if page.updated else dataclasses.replace(page, updated=newest) for page in pages]


LISTING_PAGE_SIZE = 200
"""Items per listing page: a page stays far below 1 MB at any library size."""


def page_src(src: str, number: int) -> str:
    """Source path of page `number` of a listing: `teemat/steam.md` -> `teemat/steam/sivu-2.md`,
    `kaytannot/index.md` -> `kaytannot/sivu-2.md`."""
    if number == 1:
        return src
    folder = src.removesuffix("index.md") if src.endswith("index.md") else src.removesuffix(".md") + "/"
    return f"{folder}sivu-{number}.md"


def _pager(src: str, number: int, count: int) -> str:
    if count == 1:
        return ""
    def to(n: int, text: str) -> str:
        return f"[{text}]({link(page_src(src, number), page_src(src, n))})"
    parts = []
    if number > 1:
        parts += [to(1, "« Ensimmäinen"), to(number - 1, "‹ Edellinen")]
    parts.append(f"**Sivu {number} / {count}**")
    if number < count:
        parts += [to(number + 1, "Seuraava ›"), to(count, "Viimeinen »")]
    return " · ".join(parts) + "\n{: .kk-sivutus }\n"


def _listing_pages(src: str, title: str, intro, items, *, freshness: Freshness | None, newest: bool = False) -> list[Page]:
    """A listing split into pages of LISTING_PAGE_SIZE: newest first, or grouped by kind.
    `intro` is text, or a function of the page's own path when it holds links (later
    pages sit one folder deeper)."""
    intro_for = intro if callable(intro) else (lambda here: intro)
    items = list(items)
    if not items:
        return [_page(src, title, intro_for(src), grouped_by_kind([], src))]
    totals = {kind: sum(1 for item in items if item.kind is kind) for kind in Kind}
    ordered = newest_first(items) if newest else [i for kind in Kind for i in items_sorted([x for x in items if x.kind is kind])]
    chunks = [ordered[start:start + LISTING_PAGE_SIZE] for start in range(0, len(ordered), LISTING_PAGE_SIZE)]
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        here = page_src(src, number)
        pager = _pager(src, number, len(chunks))
        parts: dict[str, str] = {}
        if newest:
            parts["kaikki"] = '<div class="kk-luettelo">' + "".join(item_entry_html(item, here, freshness) for item in chunk) + "</div>"
            body = f"## {items_count(len(items)).capitalize()}, uusimmat ensin\n\n{html_marker('kaikki')}"
        else:
            sections = []
            for kind in Kind:
                of_kind = [item for item in chunk if item.kind is kind]
                if of_kind:
                    parts[kind.folder] = '<div class="kk-luettelo">' + "".join(item_entry_html(item, here, freshness) for item in of_kind) + "</div>"
                    sections.append(f"## {kind.plural} ({totals[kind]})\n\n{html_marker(kind.folder)}")
            body = "\n\n".join(sections)
        page_title = title if number == 1 else f"{title} (sivu {number})"
        page = _page(here, page_title, intro_for(here), "\n\n".join(part for part in (pager, body, pager) if part))
        pages.append(dataclasses.replace(page, html_parts=parts, updated=max(item.updated for item in chunk)))
    return pages


def _page(src: str, title: str, intro: str, body: str) -> Page:
    markdown = f"# {escape_markdown(title)}\n\n{intro}\n\n{body}"
    return Page(src_uri=src, title=title, markdown=with_front_matter(title, intro_description(intro), markdown))


def intro_description(intro: str) -> str:
    """The page description for search engines: the intro without Markdown links."""
    plain = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", intro)
    return html.unescape(plain.replace("\\", ""))


# --- kinds ---------------------------------------------------------------

_KIND_INTROS = {
    Kind.PRACTICE: "Hyvät käytännöt ovat koulujen, kuntien ja alueiden toimintamalleja, joita muut voivat soveltaa omaan työhönsä.",
    Kind.NETWORK: "Verkostot kertovat, keitä niissä on, millaisia tiimejä niillä on, ketä ne palvelevat ja miten mukaan pääsee.",
    Kind.TOOLKIT: "Materiaalit ovat työkaluja ja aineistoja, kuten vuosikelloja ja muistioita, joita voi ottaa käyttöön ja muokata.",
}


def _kind_pages(kind: Kind, library: Library) -> list[Page]:
    items = [item for item in library.items if item.kind is kind]
    return _listing_pages(paths.kind_src(kind), kind.plural, _KIND_INTROS[kind], items, freshness=library.freshness, newest=True)


# --- themes --------------------------------------------------------------

def _theme_pages(library: Library) -> list[Page]:
    themes = library.vocabularies.themes.values()
    by_theme = _group(library.items, lambda item: [theme.slug for theme in item.themes])
    pages = []
    for theme in themes:
        src = paths.theme_src(theme)
        pages += _listing_pages(src, theme.name, escape_markdown(theme.description), by_theme[theme.slug], freshness=library.freshness)
    lines = [
        f"- [{escape_markdown(theme.name)}]({link(paths.THEMES_INDEX, paths.theme_src(theme))}) ({items_count(len(by_theme[theme.slug]))}): {escape_markdown(theme.description)}"
        for theme in sorted_by_name(themes)
    ]
    intro = "Kuvaukset on ryhmitelty teemoittain. Yksi kuvaus voi kuulua enintään viiteen teemaan."
    pages.append(_page(paths.THEMES_INDEX, "Teemat", intro, f"## {count_phrase(len(lines), 'teema', 'teemaa').capitalize()}\n\n" + "\n".join(lines)))
    return pages


# --- municipalities and regions -----------------------------------------

def _place_pages(library: Library) -> list[Page]:
    by_municipality = _group(library.items, lambda item: [m.name for m in item.municipalities])
    by_region = _group(library.items, lambda item: [r.code for r in item.all_regions])
    region_wide = _group(library.items, lambda item: [r.code for r in item.regions])
    national = [item for item in library.items if item.is_national]
    municipalities = library.vocabularies.municipalities
    regions = library.published_regions

    pages = [
        page for name, items in by_municipality.items()
        for page in _municipality_pages(municipalities[name], items, library.freshness)
    ]
    pages += [page for region in regions for page in _region_pages(region, by_region[region.code], by_municipality, municipalities, library.freshness)]
    pages += _national_pages(national, library.freshness)
    pages.append(_municipalities_index(library, by_municipality, by_region, region_wide, national))
    pages.append(_regions_index(regions, by_region))
    return pages


def _municipality_pages(municipality: Municipality, items: list[Item], freshness: Freshness | None) -> list[Page]:
    src = paths.municipality_src(municipality)
    region = municipality.region

    def intro(here: str) -> str:
        return (
            "Tällä sivulla ovat kuvaukset, jotka koskevat tätä kuntaa. "
            f"Koko maakuntaa koskevat kuvaukset löydät maakunnan sivulta [{escape_markdown(region.name)}]({link(here, paths.region_src(region))})."
        )

    return _listing_pages(src, municipality.name, intro, items, freshness=freshness)


def _region_pages(region: Region, items: list[Item], by_municipality: dict[str, list[Item]], municipalities: dict[str, Municipality],
                  freshness: Freshness | None) -> list[Page]:
    src = paths.region_src(region)
    members = sorted_by_name(m for m in municipalities.values() if m.region == region and m.name in by_municipality)

    def intro(here: str) -> str:
        text = (
            "Tällä sivulla ovat maakunnan kuntien kuvaukset ja koko maakuntaa koskevat kuvaukset. "
            f"[Rajaa niitä teeman tai koulutusasteen mukaan luettelossa]({link(here, 'haku.md')}?maakunta={region.slug})."
        )
        if members:
            member_links = ", ".join(
                f"[{escape_markdown(m.name)}]({link(here, paths.municipality_src(m))}) ({len(by_municipality[m.name])})" for m in members
            )
            text += f" Kunnat, joista on kuvauksia: {member_links}."
        return text

    return _listing_pages(src, region.name, intro, items, freshness=freshness)


def _national_pages(items: list[Item], freshness: Freshness | None) -> list[Page]:
    intro = "Kuvaukset, jotka eivät rajoitu yhteen kuntaan tai maakuntaan vaan koskevat koko Suomea."
    return _listing_pages(paths.NATIONAL, "Valtakunnalliset kuvaukset", intro, items, freshness=freshness)


def _municipalities_index(library: Library, by_municipality, by_region, region_wide, national) -> Page:
    src = paths.MUNICIPALITIES_INDEX
    sections = []
    for region in sorted_by_name(r for r in library.vocabularies.regions.values() if by_region[r.code]):
        lines = [
            f"- [{escape_markdown(m.name)}]({link(src, paths.municipality_src(m))}) ({items_count(len(by_municipality[m.name]))})"
            for m in sorted_by_name(library.vocabularies.municipalities.values())
            if m.region == region and by_municipality[m.name]
        ]
        if region_wide[region.code]:
            lines.append(
                f"- [Koko maakuntaa koskevat]({link(src, paths.region_src(region))}) ({items_count(len(region_wide[region.code]))})"
            )
        heading = f"## [{escape_markdown(region.name)}]({link(src, paths.region_src(region))}) ({items_count(len(by_region[region.code]))})"
        sections.append(heading + "\n\n" + "\n".join(lines))
    sections.append(
        f"## [Valtakunnalliset]({link(src, paths.NATIONAL)}) ({items_count(len(national))})\n\n"
        "Koko Suomea koskevat kuvaukset, jotka eivät rajoitu yhteen kuntaan tai maakuntaan."
    )
    intro = (
        "Kunnat, joista kirjastossa on kuvauksia, maakunnittain. Kunnan kohdalla oleva luku kertoo sen kuvausten määrän. "
        f"Kaikki maakunnat löydät [maakuntaluettelosta]({link(src, paths.REGIONS_INDEX)})."
    )
    region_map = map_html(library, lambda region: f"../maakunnat/{region.slug}/")
    return _page(src, "Kunnat ja maakunnat", intro, region_map + "\n\n" + "\n\n".join(sections))


def _regions_index(regions, by_region) -> Page:
    src = paths.REGIONS_INDEX
    lines = [
        f"- [{escape_markdown(r.name)}]({link(src, paths.region_src(r))}) ({items_count(len(by_region[r.code]))})"
        for r in sorted_by_name(regions)
    ]
    intro = f"Maakunnat ({len(lines)}). Maakunnan sivulla ovat sen kuntien kuvaukset ja koko maakuntaa koskevat kuvaukset."
    return _page(src, "Maakunnat", intro, "\n".join(lines))


# --- education levels ----------------------------------------------------

def _level_pages(library: Library) -> list[Page]:
    by_level = _group(library.items, lambda item: [level.slug for level in item.levels])
    levels = library.vocabularies.levels.values()
    pages = [
        page for level in levels
        for page in _listing_pages(paths.level_src(level), level.name,
                                   "Tällä sivulla ovat kuvaukset, jotka koskevat tätä koulutusastetta tai -muotoa.", by_level[level.slug],
                                   freshness=library.freshness)
    ]
    lines = [
        f"- [{escape_markdown(level.name)}]({link(paths.LEVELS_INDEX, paths.level_src(level))}) ({items_count(len(by_level[level.slug]))})"
        for level in levels
    ]
    intro = "Koulutusasteet oppijan polun järjestyksessä varhaiskasvatuksesta korkeakoulutukseen, lopuksi koko elämän kattavat koulutusmuodot."
    pages.append(_page(paths.LEVELS_INDEX, "Koulutusasteet", intro, "\n".join(lines)))
    return pages


def _group(items, keys_of) -> defaultdict[str, list[Item]]:
    """Items by each key they carry, keys in first-seen order, items in input order."""
    groups: defaultdict[str, list[Item]] = defaultdict(list)
    for item in sorted(items, key=lambda i: finnish_sort_key(i.title)):
        for key in keys_of(item):
            groups[key].append(item)
    return groups
