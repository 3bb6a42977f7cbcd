"""The network directory (`verkostohakemisto.md`): every network by region and by
theme, with its teams, whether it tells how to join, a map of where the networks
are, and the catalogue's filters for networks one can join."""

from __future__ import annotations

import dataclasses

from kirjasto.content.library import items_sorted
from kirjasto.content.messages import Messages, _
from kirjasto.content.model import Item, Kind, Library
from kirjasto.content.text import escape_markdown
from kirjasto.content.vocabularies import sorted_by_name
from kirjasto.site.catalogue import JOINABLE_ID
from kirjasto.site.pages import paths
from kirjasto.site.pages.listing import in_other_language, in_page_language_first, other_language
from kirjasto.site.pages.listing_pages import group_items, index_page
from kirjasto.site.pages.page import Page, html_marker, link, url_link
from kirjasto.site.parts import PartTemplates
from kirjasto.site.regionmap import map_html

DIRECTORY = "verkostohakemisto.md"


def plan_network_directory(library: Library, templates: PartTemplates, *, messages: Messages | None = None) -> Page:
    """The directory in the language of `messages` (by default the templates' own)."""
    messages = messages or templates.messages
    networks = items_sorted([item for item in library.items if item.kind is Kind.NETWORK])
    joinable = sum(1 for item in networks if item.join)
    say = messages.say
    narrow = say(_("rajaa luettelossa"))
    intro = (
        messages.plural(
            "Kirjaston {count} verkosto alueittain ja teemoittain.",
            "Kirjaston {count} verkostoa alueittain ja teemoittain.",
            len(networks),
        )
        + " "
        + messages.plural(
            "{count} verkosto kertoo, miten mukaan pääsee:", "{count} verkostoa kertoo, miten mukaan pääsee:", joinable
        )
        + f" [{narrow}]({link(DIRECTORY, 'haku.md')}?tyyppi={Kind.NETWORK.folder}&liittyminen={JOINABLE_ID})."
    )
    by_region = group_items(networks, lambda item: [r.code for r in item.all_regions] or ["valtakunnallinen"])
    # A network is under its own themes and under those its teams work on.
    by_theme = group_items(
        networks,
        lambda item: list(dict.fromkeys(t.slug for t in (*item.themes, *(x for team in item.teams for x in team.themes)))),
    )
    language = messages.language
    lists: dict[str, str] = {}

    def listed(items: list[Item]) -> str:
        """The networks as one HTML part (thousands of links in a large library: no
        Markdown to parse), each in its own language."""
        name = f"verkostot-{len(lists) + 1}"
        lists[name] = _list_html(in_page_language_first(items, messages=messages), templates, messages)
        return html_marker(name)

    regions = [r for r in sorted_by_name(library.vocabularies.regions.values(), language) if by_region[r.code]]
    sections = ["## " + say(_("Alueittain")), html_marker("kartta")]
    sections += [f"### {escape_markdown(r.name_in(language))}\n\n" + listed(by_region[r.code]) for r in regions]
    if by_region["valtakunnallinen"]:
        sections.append("### " + say(_("Valtakunnalliset")) + "\n\n" + listed(by_region["valtakunnallinen"]))
    sections.append("## " + say(_("Teemoittain")))
    sections += [
        f"### [{escape_markdown(t.name_in(language))}]({link(DIRECTORY, paths.theme_src(t))})\n\n" + listed(by_theme[t.slug])
        for t in sorted_by_name(library.vocabularies.themes.values(), language)
        if by_theme[t.slug]
    ]
    page = index_page(DIRECTORY, say(_("Verkostot alueittain ja teemoittain")), intro, "\n\n".join(sections))
    networks_only = dataclasses.replace(library, items=tuple(networks))
    region_map = map_html(networks_only, lambda region: f"../maakunnat/{region.slug}/", templates=templates, messages=messages)
    return dataclasses.replace(page, html_parts={"kartta": region_map, **lists})


def _list_html(items: list[Item], templates: PartTemplates, messages: Messages) -> str:
    entries = []
    for item in items:
        language = other_language(item, messages=messages)
        entries.append(
            {
                "href": url_link(DIRECTORY, item.src_uri),
                "title": item.title,
                "facts": _facts(item, messages),
                "lang": language,
                "note": in_other_language(language, messages) if language else None,
            }
        )
    return templates.render("verkostolista", entries=entries)


def _facts(item: Item, messages: Messages) -> str:
    facts = []
    if item.teams:
        facts.append(messages.plural("{count} tiimi", "{count} tiimiä", len(item.teams)))
    if item.join:
        facts.append(messages.say(_("kertoo, miten mukaan pääsee")))
    return ", ".join(facts)
