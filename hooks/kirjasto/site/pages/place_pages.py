"""The index pages by place: each municipality, each region (with its municipalities),
the national items, the overview of municipalities by region (with the map) and the
list of regions."""

from __future__ import annotations

from collections.abc import Iterable

from kirjasto.content.messages import Messages, _
from kirjasto.content.model import Item, Library
from kirjasto.content.text import escape_markdown
from kirjasto.content.vocabularies import Municipality, Region, sorted_by_name
from kirjasto.site.pages import paths
from kirjasto.site.pages.listing import items_count
from kirjasto.site.pages.listing_pages import Groups, Listings, group_items, index_page, listing_pages
from kirjasto.site.pages.page import Page, link
from kirjasto.site.parts import PartTemplates
from kirjasto.site.regionmap import map_html


def place_pages(library: Library, listings: Listings) -> list[Page]:
    by_municipality = group_items(library.items, lambda item: [m.name for m in item.municipalities])
    by_region = group_items(library.items, lambda item: [r.code for r in item.all_regions])
    region_wide = group_items(library.items, lambda item: [r.code for r in item.regions])
    national = [item for item in library.items if item.is_national]
    municipalities = library.vocabularies.municipalities
    regions = library.published_regions

    pages = [
        page for name, items in by_municipality.items() for page in _municipality_pages(municipalities[name], items, listings)
    ]
    pages += [
        page
        for region in regions
        for page in _region_pages(region, by_region[region.code], by_municipality, municipalities, listings)
    ]
    pages += _national_pages(national, listings)
    pages.append(
        _municipalities_index(library, by_municipality, by_region, region_wide, national, listings.templates, listings.messages)
    )
    pages.append(_regions_index(regions, by_region, listings.messages))
    return pages


def _municipality_pages(municipality: Municipality, items: list[Item], listings: Listings) -> list[Page]:
    src = paths.municipality_src(municipality)
    region = municipality.region
    say = listings.messages.say
    language = listings.messages.language

    def intro(here: str) -> str:
        region_link = f"[{escape_markdown(region.name_in(language))}]({link(here, paths.region_src(region))})"
        return (
            say(_("Tällä sivulla ovat kuvaukset, jotka koskevat tätä kuntaa."))
            + " "
            + say(_("Koko maakuntaa koskevat kuvaukset löydät maakunnan sivulta {region}."), region=region_link)
        )

    return listing_pages(src, municipality.shown_in(language), intro, items, listings=listings)


def _region_pages(
    region: Region,
    items: list[Item],
    by_municipality: dict[str, list[Item]],
    municipalities: dict[str, Municipality],
    listings: Listings,
) -> list[Page]:
    src = paths.region_src(region)
    language = listings.messages.language
    members = sorted_by_name((m for m in municipalities.values() if m.region == region and m.name in by_municipality), language)
    say = listings.messages.say

    def intro(here: str) -> str:
        narrow = say(_("Rajaa niitä teeman tai koulutusasteen mukaan luettelossa"))
        text = (
            say(_("Tällä sivulla ovat maakunnan kuntien kuvaukset ja koko maakuntaa koskevat kuvaukset."))
            + f" [{narrow}]({link(here, 'haku.md')}?maakunta={region.slug})."
        )
        if members:
            member_links = ", ".join(
                f"[{escape_markdown(m.shown_in(language))}]({link(here, paths.municipality_src(m))}) ({len(by_municipality[m.name])})"
                for m in members
            )
            text += " " + say(_("Kunnat, joista on kuvauksia: {municipalities}."), municipalities=member_links)
        return text

    return listing_pages(src, region.name_in(language), intro, items, listings=listings)


def _national_pages(items: list[Item], listings: Listings) -> list[Page]:
    say = listings.messages.say
    intro = say(_("Kuvaukset, jotka eivät rajoitu yhteen kuntaan tai maakuntaan vaan koskevat koko Suomea."))
    return listing_pages(paths.NATIONAL, say(_("Valtakunnalliset kuvaukset")), intro, items, listings=listings)


def _municipalities_index(
    library: Library,
    by_municipality: Groups,
    by_region: Groups,
    region_wide: Groups,
    national: list[Item],
    templates: PartTemplates,
    messages: Messages,
) -> Page:
    src = paths.MUNICIPALITIES_INDEX
    say = messages.say
    language = messages.language

    def count(items: list[Item]) -> str:
        return items_count(len(items), messages=messages)

    region_wide_label = say(_("Koko maakuntaa koskevat"))
    sections = []
    for region in sorted_by_name((r for r in library.vocabularies.regions.values() if by_region[r.code]), language):
        lines = [
            f"- [{escape_markdown(m.shown_in(language))}]({link(src, paths.municipality_src(m))}) ({count(by_municipality[m.name])})"
            for m in sorted_by_name(library.vocabularies.municipalities.values(), language)
            if m.region == region and by_municipality[m.name]
        ]
        if region_wide[region.code]:
            lines.append(f"- [{region_wide_label}]({link(src, paths.region_src(region))}) ({count(region_wide[region.code])})")
        heading = f"## [{escape_markdown(region.name_in(language))}]({link(src, paths.region_src(region))}) ({count(by_region[region.code])})"
        sections.append(heading + "\n\n" + "\n".join(lines))
    national_label = say(_("Valtakunnalliset"))
    sections.append(
        f"## [{national_label}]({link(src, paths.NATIONAL)}) ({count(national)})\n\n"
        + say(_("Koko Suomea koskevat kuvaukset, jotka eivät rajoitu yhteen kuntaan tai maakuntaan."))
    )
    regions_list = "[" + say(_("maakuntaluettelosta")) + f"]({link(src, paths.REGIONS_INDEX)})"
    intro = (
        say(_("Kunnat, joista kirjastossa on kuvauksia, maakunnittain."))
        + " "
        + say(_("Kunnan kohdalla oleva luku kertoo sen kuvausten määrän."))
        + " "
        + say(_("Kaikki maakunnat löydät {regions_list}."), regions_list=regions_list)
    )
    region_map = map_html(library, lambda region: f"../maakunnat/{region.slug}/", templates=templates, messages=messages)
    return index_page(src, say(_("Kunnat ja maakunnat")), intro, region_map + "\n\n" + "\n\n".join(sections))


def _regions_index(regions: Iterable[Region], by_region: Groups, messages: Messages) -> Page:
    src = paths.REGIONS_INDEX
    language = messages.language
    lines = [
        f"- [{escape_markdown(r.name_in(language))}]({link(src, paths.region_src(r))}) ({items_count(len(by_region[r.code]), messages=messages)})"
        for r in sorted_by_name(regions, language)
    ]
    intro = messages.say(
        _("Maakunnat ({count}). Maakunnan sivulla ovat sen kuntien kuvaukset ja koko maakuntaa koskevat kuvaukset."),
        count=len(lines),
    )
    return index_page(src, messages.say(_("Maakunnat")), intro, "\n".join(lines))
