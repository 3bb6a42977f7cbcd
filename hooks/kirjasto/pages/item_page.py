"""An item's own page: title, summary, metadata card, body, related items."""

from __future__ import annotations

from ..model import Contact, Item
from ..settings import Repository
from ..text import escape_markdown, format_date_fi
from . import paths
from .listing import places_label
from .page import Page, link, with_front_matter


def plan_item_page(item: Item, related: list[Item], repository: Repository | None = None) -> Page:
    src = item.src_uri
    parts = [
        f"# {escape_markdown(item.title)}",
        f"{escape_markdown(item.summary)}\n{{: .kk-tiivistelma }}",
        metadata_card(item),
        item.body.strip(),
    ]
    if related:
        entries = "\n".join(
            f"- [{escape_markdown(other.title)}]({link(src, other.src_uri)}) ({escape_markdown(other.kind.label.lower())}): {escape_markdown(other.summary)}"
            for other in related
        )
        parts.append(f"## Katso myös\n\n{entries}")
    if repository:
        edit = repository.edit_url(item.source_path.as_posix())
        parts.append(f"[Ehdota muutosta tähän kuvaukseen]({edit}) (GitHub). Tiedot tarkistettu viimeksi {format_date_fi(item.updated)}.\n{{: .kk-muokkaa }}")
    return Page(src_uri=src, title=item.title, markdown=with_front_matter(item.title, item.summary, "\n\n".join(parts)))


def metadata_card(item: Item) -> str:
    """A definition list of the item's metadata; vocabulary values link to their index pages."""
    src = item.src_uri
    rows: list[tuple[str, str]] = [("Tyyppi", f"[{item.kind.label}]({link(src, paths.kind_src(item.kind))})")]
    if item.status_label:
        rows.append(("Tila", item.status_label))
    rows.append(("Teemat", _links(src, [(t.name, paths.theme_src(t)) for t in item.themes])))
    if item.municipalities:
        rows.append(("Kunnat", _links(src, [(m.name, paths.municipality_src(m)) for m in item.municipalities])))
    if item.all_regions:
        rows.append(("Maakunnat", _links(src, [(r.name, paths.region_src(r)) for r in item.all_regions])))
    if item.is_national:
        rows.append(("Alue", f"[{places_label(item)}]({link(src, paths.NATIONAL)})"))
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
        rows.append(("Linkit", "<br>".join(f"[{escape_markdown(l.title)}](<{l.url}>)" for l in item.links)))
    if item.source:
        rows.append(("Lähde", escape_markdown(item.source)))
    rows.append(("Päivitetty", format_date_fi(item.updated)))
    definitions = "\n".join(f"{term}\n:   {value}\n" for term, value in rows)
    return f'<section class="kk-kortti" aria-label="Perustiedot" markdown>\n\n{definitions}\n</section>'


def _links(src: str, targets: list[tuple[str, str]]) -> str:
    return ", ".join(f"[{escape_markdown(name)}]({link(src, target)})" for name, target in targets)


def _plain(values) -> str:
    return ", ".join(escape_markdown(value) for value in values)


def _contact(contact: Contact) -> str:
    parts = [f"**{escape_markdown(contact.role)}**", escape_markdown(contact.organisation)]
    if contact.name:
        parts.insert(0, escape_markdown(contact.name))
    if contact.email:
        parts.append(f"[{escape_markdown(contact.email)}](mailto:{contact.email})")
    return ", ".join(parts)
