"""Live parts of hand-written pages: markers such as `<!-- kirjasto:uusimmat -->`
in `docs/*.md` are replaced with Markdown (or, for the form, HTML) computed
from the library and the settings."""

from __future__ import annotations

import re
from collections.abc import Callable

from kirjasto.content.item_skeleton import RECOMMENDED_SECTIONS
from kirjasto.content.messages import Messages, _
from kirjasto.content.model import Kind, Library
from kirjasto.content.settings import LibrarySettings, Publisher
from kirjasto.content.text import escape_markdown
from kirjasto.site.catalogue import CATALOGUE_DATA_PATH, CATALOGUE_SCRIPT, catalogue_html
from kirjasto.site.form import FORM_ITEMS_PATH, form_html
from kirjasto.site.own_wheel import OWN_WHEEL_SCRIPT, own_wheel_html
from kirjasto.site.pages import paths
from kirjasto.site.pages.listing import item_entry, items_count, newest_first
from kirjasto.site.pages.page import link, url_from_page
from kirjasto.site.parts import PartTemplates, part_templates
from kirjasto.site.regionmap import map_html

NEWEST_COUNT = 5
_MARKER = re.compile(r"(?<!`)<!--\s*kirjasto:([a-z-]+)\s*-->(?!`)")
"""A marker inside `code` is documentation about markers, not a marker."""


FORM_SCRIPT = "javascripts/lomake.js"


def expand_markers(
    markdown: str,
    library: Library,
    src_uri: str,
    settings: LibrarySettings | None = None,
    templates: PartTemplates | None = None,
    *,
    messages: Messages | None = None,
) -> str:
    """Replace every known marker; unknown markers stay as (invisible) comments.
    Their words are in the language of `messages` (by default the templates' own)."""
    settings = settings or LibrarySettings()
    parts = templates or part_templates()
    said = messages or parts.messages
    renderers: dict[str, Callable[[Library, str], str]] = {
        "luvut": lambda library, src: _counts(library, src, said),
        "uusimmat": lambda library, src: _newest(library, src, said),
        "teemat": lambda library, src: _themes(library, src, said),
        "lomake": lambda library, src: form_html(
            library,
            settings,
            url_from_page(src, FORM_SCRIPT),
            url_from_page(src, FORM_ITEMS_PATH),
            templates=parts,
            messages=said,
        ),
        "osiot": lambda library, src: _recommended_sections(said),
        "luettelo": lambda library, src: catalogue_html(
            library,
            url_from_page(src, CATALOGUE_DATA_PATH),
            url_from_page(src, CATALOGUE_SCRIPT),
            url_from_page(src, ""),
            templates=parts,
            messages=said,
        ),
        "oma-vuosikello": lambda library, src: own_wheel_html(
            library, url_from_page(src, OWN_WHEEL_SCRIPT), templates=parts, messages=said
        ),
        "kartta": lambda library, src: map_html(
            library, lambda region: url_from_page(src, f"maakunnat/{region.slug}/"), templates=parts, messages=said
        ),
        "repositorio": lambda library, src: _repository_link(settings, said),
        "julkaisija": lambda library, src: _publisher_name(settings),
        "palaute": lambda library, src: _feedback_channel(settings, said),
        "sivusto": lambda library, src: _site(settings),
        # The freshness limit as this copy sets it (`freshness_months`), e.g. "24 kuukautta".
        "vanhenemisaika": lambda library, src: said.plural("{count} kuukausi", "{count} kuukautta", settings.freshness_months),
    }

    def replace(match: re.Match[str]) -> str:
        render = renderers.get(match.group(1))
        return render(library, src_uri) if render else match.group(0)

    return _MARKER.sub(replace, markdown)


def _recommended_sections(messages: Messages) -> str:
    """The headings each kind should have, from the same list `kirjasto new` and the form use."""
    blocks = []
    for kind in Kind:
        items = "\n".join(
            f"- **{messages.say(section.heading)}**: {messages.say(section.hint)}" for section in RECOMMENDED_SECTIONS[kind]
        )
        blocks.append(f"**{messages.say(kind.label)}**\n\n{items}")
    return "\n\n".join(blocks)


def _publisher_name(settings: LibrarySettings) -> str:
    return escape_markdown(settings.publisher.name if settings.publisher else settings.site_name)


def _feedback_channel(settings: LibrarySettings, messages: Messages) -> str:
    publisher = settings.publisher
    target = publisher and (publisher.feedback or publisher.contact)
    if not target:
        return messages.say(_("sivuston ylläpitäjälle"))
    shown = target.removeprefix("mailto:")
    return f"[{escape_markdown(shown)}]({Publisher.href(target)})"


def _site(settings: LibrarySettings) -> str:
    name = escape_markdown(settings.site_name)
    return f"{name} ({settings.site_url})" if settings.site_url else name


def _repository_link(settings: LibrarySettings, messages: Messages) -> str:
    repository = settings.repository
    if repository is None:
        return messages.say(_("Tämän sivuston ylläpitäjä ei ole määrittänyt GitHub-repositoriota; lähetä kuvaus ylläpitäjälle."))
    return f"[{repository.owner}/{repository.name}]({repository.web_url})"


def _counts(library: Library, src: str, messages: Messages) -> str:
    items = library.items
    by_kind = [
        f"[{messages.say(kind.plural)}]({link(src, paths.kind_src(kind))}): {sum(1 for i in items if i.kind is kind)}"
        for kind in Kind
    ]
    municipalities = {m.name for i in items for m in i.municipalities}
    regions = {r.code for i in items for r in i.all_regions}
    national = sum(1 for i in items if i.is_national)
    now = messages.say(
        _("Kirjastossa on nyt {count}: {kinds}."),
        count=f"**{items_count(len(items), messages=messages)}**",
        kinds=", ".join(by_kind),
    )
    # Finnish says 'kuntaa' after any number ('koskevat 1 kuntaa'); Swedish does not.
    places = messages.say(
        _("Ne koskevat {municipalities} ja {regions}; {national}."),
        municipalities=messages.plural("{count} kuntaa", "{count} kuntaa", len(municipalities)),
        regions=messages.plural("{count} maakuntaa", "{count} maakuntaa", len(regions)),
        national=messages.plural("{count} kuvaus on valtakunnallinen", "{count} kuvausta on valtakunnallisia", national),
    )
    return f"{now} {places}"


def _newest(library: Library, src: str, messages: Messages) -> str:
    newest = newest_first(library.items, messages=messages)[:NEWEST_COUNT]
    if not newest:
        none_yet = messages.say(_("Kirjastossa ei ole vielä kuvauksia."))
        propose = messages.say(_("Ehdota ensimmäistä"))
        return f"{none_yet} [{propose}]({link(src, paths.CONTRIBUTE)})."
    return "\n".join(item_entry(item, src, freshness=library.freshness, messages=messages) for item in newest)


def _themes(library: Library, src: str, messages: Messages) -> str:
    """The themes that have items, the most used first, named in the language of `messages`."""
    counts = dict.fromkeys(library.vocabularies.themes, 0)
    for item in library.items:
        for theme in item.themes:
            counts[theme.slug] += 1
    popular = sorted(library.vocabularies.themes.values(), key=lambda t: -counts[t.slug])
    return "\n".join(
        f"- [{escape_markdown(t.name_in(messages.language))}]({link(src, paths.theme_src(t))}) ({counts[t.slug]})"
        for t in popular
        if counts[t.slug]
    )
