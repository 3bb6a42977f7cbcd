"""An item's own page: title, summary, metadata card, body, related items."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from kirjasto.content.body_sections import body_sections
from kirjasto.content.messages import Messages, _
from kirjasto.content.model import Contact, Item, Kind, Library, Source
from kirjasto.content.network import Team
from kirjasto.content.settings import Repository
from kirjasto.content.text import escape_markdown, format_date_fi, slugify
from kirjasto.site.exports.calendar import calendar_path
from kirjasto.site.pages import paths
from kirjasto.site.pages.body_html import published_body_html
from kirjasto.site.pages.listing import (
    FINNISH,
    PROPOSE_CHANGE,
    STALE_NOTICE,
    other_language,
    places_label,
    shows_stale_notice,
)
from kirjasto.site.pages.page import Page, front_matter_and_body, html_marker, page_meta, url_from_page, with_front_matter
from kirjasto.site.pages.wheel import draw_wheel
from kirjasto.site.parts import LinksFrom, PartTemplates

TEAMS = _("Tiimit")
WHEEL_AS_CALENDAR = _("Vuosikello kalenterina")
SEE_ALSO = _("Katso myös")
"""The headings of an item page's generated sections."""


def plan_item_page(
    item: Item,
    related: list[Item],
    library: Library,
    repository: Repository | None = None,
    *,
    templates: PartTemplates,
    messages: Messages | None = None,
) -> Page:
    """The item's page, its words in the language of `messages` (by default the templates' own)."""
    messages = messages or templates.messages
    src = item.src_uri
    say = messages.say
    # An item written in another language than the page's: its own words carry their
    # language (WCAG 3.1.2); the page's labels stay in the page's.
    language = other_language(item, messages=messages)
    lang = f' lang="{language}"' if language else ""
    marked = f" {{:{lang} }}" if language else ""
    parts = [
        f"# {escape_markdown(item.title)}{marked}",
        f"{escape_markdown(item.summary)}\n{{: .kk-tiivistelma{lang} }}",
    ]
    html_parts = {"kortti": templates.render("kortti", item=item, card=card_data(item, messages=messages))}
    if library.freshness is not None and shows_stale_notice(item, library.freshness):
        html_parts["vanhentunut"] = templates.render(
            "vanhentunut",
            notice=say(STALE_NOTICE),
            action=say(PROPOSE_CHANGE),
            edit_url=library.freshness.edit_url(item),
            reason=stale_reason(item, messages=messages),
        )
        parts.append(html_marker("vanhentunut"))
    parts.append(html_marker("kortti"))
    if item.kind is Kind.NETWORK or item.join or item.meets:
        html_parts["liittyminen"] = templates.render("liittyminen", join=item.join, meets=item.meets)
        parts.append(html_marker("liittyminen"))
    for number, section in enumerate(body_sections(published_body_html(item, library, messages=messages)), start=1):
        if section.heading:
            parts.append(section.heading + marked)
        if section.html:
            name = f"teksti-{number}"
            parts.append(html_marker(name))
            html_parts[name] = templates.wrap("teksti", "body", section.html, lang=language)
    if item.teams:
        html_parts["tiimit"] = templates.render("tiimit", teams=team_cards(item, messages=messages))
        parts.append(f"## {say(TEAMS)}\n\n{html_marker('tiimit')}")
    if item.vuosikello:
        html_parts["vuosikello"] = templates.render(
            "vuosikello",
            drawing=draw_wheel(item.vuosikello, messages=messages),
            calendar_url=url_from_page(src, calendar_path(item)),
            title=item.title,
            caption=item.vuosikello_selite,
        )
        parts.append(f"## {say(WHEEL_AS_CALENDAR)}\n\n{html_marker('vuosikello')}")
    if related:
        html_parts["liittyvat"] = templates.render("liittyvat", related=related, links=LinksFrom(src))
        parts.append(f"## {say(SEE_ALSO)}\n\n{html_marker('liittyvat')}")
    if repository:
        edit = repository.edit_url(item.source_path.as_posix())
        propose = say(_("Ehdota muutosta tähän kuvaukseen"))
        edited = say(_("Kuvausta muokattu viimeksi {date}."), date=format_date_fi(item.updated))
        parts.append(f"[{propose}]({edit}) (GitHub). {edited}\n{{: .kk-muokkaa }}")
    markdown = item_front_matter(item) + "\n\n".join(parts).rstrip() + "\n"
    return Page(src_uri=src, title=item.title, markdown=markdown, html_parts=html_parts, updated=item.updated)


def item_meta(item: Item) -> dict[str, str]:
    """The metadata of an item's page (title and description), as its front matter holds
    it: what an engine needs to list the page before its Markdown is planned. The
    MkDocs hook sets it on the page directly, so that MkDocs parses no YAML for items."""
    return page_meta(item.title, item.summary)


def item_front_matter(item: Item) -> str:
    """The front matter of an item's page (title and description), all an engine needs
    to list the page before its Markdown is planned."""
    return front_matter_and_body(with_front_matter(item.title, item.summary, ""))[0]


def team_anchor(team: Team) -> str:
    """The id of a team's card: theme pages link straight to it."""
    return f"tiimi-{slugify(team.name)}"


def team_cards(item: Item, *, messages: Messages = FINNISH) -> list[dict[str, Any]]:
    """Each team's card (`tiimit.html`): its themes named in the language of `messages`."""
    links = LinksFrom(item.src_uri)
    language = messages.language
    return [
        {
            "team": team,
            "anchor": team_anchor(team),
            "themes": [(t.name_in(language), links.to(paths.theme_src(t))) for t in team.themes],
        }
        for team in item.teams
    ]


def card_data(item: Item, *, messages: Messages = FINNISH) -> dict[str, Any]:
    """What the metadata card (`kortti.html`) shows besides the item's own fields:
    (name, link) pairs to the index pages, the audience's names, contacts with their
    link targets, and the source's date in words; names in the language of `messages`."""
    links = LinksFrom(item.src_uri)
    language = messages.language
    return {
        "kind": (messages.say(item.kind.label), links.to(paths.kind_src(item.kind))),
        "themes": [(t.name_in(language), links.to(paths.theme_src(t))) for t in item.themes],
        "municipalities": [(m.shown_in(language), links.to(paths.municipality_src(m))) for m in item.municipalities],
        "regions": [(r.name_in(language), links.to(paths.region_src(r))) for r in item.all_regions],
        "national": (places_label(item, messages=messages), links.to(paths.NATIONAL)) if item.is_national else None,
        "levels": [(level.name_in(language), links.to(paths.level_src(level))) for level in item.levels],
        "audience": [a.name_in(language) for a in item.audience],
        "contacts": [_contact(c) for c in item.contacts],
        "source_published": _published(item.source, messages) if item.source else None,
    }


def _contact(contact: Contact) -> dict[str, str | None]:
    return {
        "name": contact.name,
        "role": contact.role,
        "organisation": contact.organisation,
        "url": contact.url,
        "host": _host(contact.url) if contact.url else None,
        "email": contact.email,
        "phone": contact.phone,
        "tel": _dialable(contact.phone) if contact.phone else None,
    }


def _host(url: str) -> str:
    """The link text of a service page: its host, which tells a reader where it leads."""
    return urlsplit(url).hostname or url


def _dialable(phone: str) -> str:
    """A `tel:` address: digits and a leading +, Finnish numbers in international form."""
    digits = "".join(c for c in phone if c.isdigit() or c == "+")
    return "+358" + digits[1:] if digits.startswith("0") and not digits.startswith("00") else digits


# --- provenance and freshness ---------------------------------------------------


def _published(source: Source, messages: Messages) -> str:
    published = source.published
    if published is None:
        return messages.say(_("ei tiedossa"))
    return format_date_fi(published.day) if published.day else messages.say(_("vuonna {year}"), year=published.year)


def stale_reason(item: Item, *, messages: Messages = FINNISH) -> str:
    say = messages.say
    if item.checked:
        return say(_("Tiedot on tarkistettu viimeksi {date}."), date=format_date_fi(item.checked))
    if item.source and item.source.published:
        return say(
            _("Kuvaus perustuu lähteeseen, joka on julkaistu {published}, eikä tietoja ole tarkistettu sen jälkeen."),
            published=_published(item.source, messages),
        )
    if item.source:
        return say(_("Kuvaus perustuu lähteeseen, jonka julkaisuaika ei ole tiedossa, eikä tietoja ole tarkistettu."))
    return say(
        _("Kuvaus on kirjoitettu {date}, eikä tietoja ole tarkistettu sen jälkeen."),
        date=format_date_fi(item.written or item.updated),
    )
