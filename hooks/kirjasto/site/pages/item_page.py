"""An item's own page: title, summary, metadata card, body, related items."""

from __future__ import annotations

import html
from urllib.parse import urlsplit

from kirjasto.content.model import Contact, Item, Library, Source
from kirjasto.content.settings import Repository
from kirjasto.content.text import escape_markdown, format_date_fi
from kirjasto.site.pages import paths
from kirjasto.content.body_sections import body_sections
from kirjasto.site.pages.body_html import published_body_html
from kirjasto.site.pages.listing import PROPOSE_CHANGE, STALE_NOTICE, places_label, shows_stale_notice
from kirjasto.site.pages.page import Page, html_marker, url_link, with_front_matter


def plan_item_page(item: Item, related: list[Item], library: Library, repository: Repository | None = None) -> Page:
    src = item.src_uri
    parts = [
        f"# {escape_markdown(item.title)}",
        f"{escape_markdown(item.summary)}\n{{: .kk-tiivistelma }}",
    ]
    html_parts = {"kortti": metadata_card(item)}
    if shows_stale_notice(item, library.freshness):
        html_parts["vanhentunut"] = stale_notice(item, library.freshness.edit_url(item))
        parts.append(html_marker("vanhentunut"))
    parts.append(html_marker("kortti"))
    for number, section in enumerate(body_sections(published_body_html(item, library)), start=1):
        if section.heading:
            parts.append(section.heading)
        if section.html:
            name = f"teksti-{number}"
            parts.append(html_marker(name))
            html_parts[name] = f'<div class="kk-teksti">{section.html}</div>'
    if related:
        html_parts["liittyvat"] = "<ul>" + "".join(
            f'<li><a href="{_e(url_link(src, other.src_uri))}">{_e(other.title)}</a> ({_e(other.kind.label.lower())}): {_e(other.summary)}</li>'
            for other in related
        ) + "</ul>"
        parts.append(f"## Katso myös\n\n{html_marker('liittyvat')}")
    if repository:
        edit = repository.edit_url(item.source_path.as_posix())
        parts.append(f"[Ehdota muutosta tähän kuvaukseen]({edit}) (GitHub). Kuvausta muokattu viimeksi {format_date_fi(item.updated)}.\n{{: .kk-muokkaa }}")
    markdown = with_front_matter(item.title, item.summary, "\n\n".join(parts))
    return Page(src_uri=src, title=item.title, markdown=markdown, html_parts=html_parts, updated=item.updated)


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def metadata_card(item: Item) -> str:
    """The item's metadata as a definition list; vocabulary values link to their index pages.
    HTML written here (not Markdown): one card per item, thousands in a large build."""
    src = item.src_uri
    rows: list[tuple[str, str]] = [("Tyyppi", _a(src, paths.kind_src(item.kind), item.kind.label))]
    if item.status_label:
        rows.append(("Tila", _e(item.status_label)))
    rows.append(("Teemat", _links(src, [(t.name, paths.theme_src(t)) for t in item.themes])))
    if item.municipalities:
        rows.append(("Kunnat", _links(src, [(m.name, paths.municipality_src(m)) for m in item.municipalities])))
    if item.all_regions:
        rows.append(("Maakunnat", _links(src, [(r.name, paths.region_src(r)) for r in item.all_regions])))
    if item.is_national:
        rows.append(("Alue", _a(src, paths.NATIONAL, places_label(item))))
    rows.append(("Koulutusasteet", _links(src, [(level.name, paths.level_src(level)) for level in item.levels])))
    if item.audience:
        rows.append(("Kohderyhmät", _plain(a.name for a in item.audience)))
    if item.started:
        rows.append(("Aloitettu", str(item.started)))
    if item.organisations:
        rows.append(("Organisaatiot", _plain(item.organisations)))
    if item.funding:
        rows.append(("Rahoitus", _plain(item.funding)))
    if item.contacts:
        rows.append(("Yhteystiedot", "<br>".join(_contact(c) for c in item.contacts)))
    if item.links:
        rows.append(("Linkit", "<br>".join(f'<a href="{_e(l.url)}">{_e(l.title)}</a>' for l in item.links)))
    rows += provenance_rows(item)
    definitions = "".join(f"<dt>{term}</dt><dd>{value}</dd>" for term, value in rows)
    return f'<section class="kk-kortti" aria-label="Perustiedot"><dl>{definitions}</dl></section>'


def _a(src: str, target: str, text: str) -> str:
    return f'<a href="{_e(url_link(src, target))}">{_e(text)}</a>'


def _links(src: str, targets: list[tuple[str, str]]) -> str:
    return ", ".join(_a(src, target, name) for name, target in targets)


def _plain(values) -> str:
    return ", ".join(_e(value) for value in values)


def _contact(contact: Contact) -> str:
    parts = [f"<strong>{_e(contact.role)}</strong>", _e(contact.organisation)] if contact.role else [f"<strong>{_e(contact.organisation)}</strong>"]
    if contact.name:
        parts.insert(0, _e(contact.name))
    channels = []
    if contact.url:
        channels.append(f'<a href="{_e(contact.url)}">{_e(_host(contact.url))}</a>')
    if contact.email:
        channels.append(f'<a href="mailto:{_e(contact.email)}">{_e(contact.email)}</a>')
    if contact.phone:
        channels.append(f'puh. <a href="tel:{_e(_dialable(contact.phone))}">{_e(contact.phone)}</a>')
    return ", ".join(parts) + (": " + ", ".join(channels) if channels else "")


def _host(url: str) -> str:
    """The link text of a service page: its host, which tells a reader where it leads."""
    return urlsplit(url).hostname or url


def _dialable(phone: str) -> str:
    """A `tel:` address: digits and a leading +, Finnish numbers in international form."""
    digits = "".join(c for c in phone if c.isdigit() or c == "+")
    return "+358" + digits[1:] if digits.startswith("0") and not digits.startswith("00") else digits


# --- provenance and freshness ---------------------------------------------------

def _published(source: Source) -> str:
    published = source.published
    if published is None:
        return "ei tiedossa"
    return format_date_fi(published.day) if published.day else f"vuonna {published.year}"


def _source(source: Source) -> str:
    title = f'<a href="{_e(source.url)}">{_e(source.title)}</a>' if source.url else _e(source.title)
    return f"{title}, {_e(source.publisher)}" if source.publisher else title


def provenance_rows(item: Item) -> list[tuple[str, str]]:
    """Where the facts come from and how old they are, in the reader's words:
    source and its date, when the description was written, when it was checked."""
    rows = []
    if item.source:
        rows += [("Lähde", _source(item.source)), ("Lähde julkaistu", _published(item.source))]
    else:
        rows.append(("Lähde", "ei merkitty"))
    rows.append(("Kuvaus kirjoitettu", format_date_fi(item.written) if item.written else "ei tiedossa"))
    if item.written != item.updated:
        rows.append(("Viimeksi muokattu", format_date_fi(item.updated)))
    rows.append(("Tiedot tarkistettu", format_date_fi(item.checked) if item.checked else "ei tarkistettu"))
    return rows


def stale_reason(item: Item) -> str:
    if item.checked:
        return f"Tiedot on tarkistettu viimeksi {format_date_fi(item.checked)}."
    if item.source and item.source.published:
        return f"Kuvaus perustuu lähteeseen, joka on julkaistu {_published(item.source)}, eikä tietoja ole tarkistettu sen jälkeen."
    if item.source:
        return "Kuvaus perustuu lähteeseen, jonka julkaisuaika ei ole tiedossa, eikä tietoja ole tarkistettu."
    return f"Kuvaus on kirjoitettu {format_date_fi(item.written or item.updated)}, eikä tietoja ole tarkistettu sen jälkeen."


def stale_notice(item: Item, edit_url: str | None) -> str:
    action = f' <a href="{_e(edit_url)}">{PROPOSE_CHANGE}</a>' if edit_url else ""
    return (f'<div class="kk-vanhentunut" role="note"><p><strong>{STALE_NOTICE}</strong>{action}</p>'
            f"<p>{_e(stale_reason(item))}</p></div>")
