"""The maintainers' page of how old each item's facts are (`ajantasaisuus.md`)."""

from __future__ import annotations

from kirjasto.content.freshness import Freshness, age_report, basis_label
from kirjasto.content.model import Library
from kirjasto.content.text import count_phrase, format_date_fi
from kirjasto.site.pages.page import Page, html_marker, with_front_matter
from kirjasto.site.parts import LinksFrom, PartTemplates

FRESHNESS_PAGE = "ajantasaisuus.md"


def plan_freshness_page(library: Library, freshness: Freshness, templates: PartTemplates) -> Page:
    rows = age_report(library, freshness)
    stale = sum(1 for row in rows if row.stale)
    intro = (
        f"Tällä sivulla ovat kirjaston kuvaukset sen mukaan, kuinka vanhoja niiden tiedot ovat: vanhimmat ensin. "
        f"Tietojen ikä lasketaan viimeisestä tarkistuksesta (`checked`), tai jos kuvausta ei ole tarkistettu, lähteen "
        f"julkaisusta; ilman lähdettä kuvauksen kirjoittamisesta. Kun tiedot ovat vähintään {count_phrase(freshness.months, 'kuukauden', 'kuukautta')} "
        f"vanhoja tai niiden ikää ei tiedetä, kuvauksen sivulla ja luetteloissa pyydetään lukijoita kertomaan tilanteesta. "
        f"Raja on asetus `freshness_months`. Sama luettelo tulostuu komennolla `kirjasto tarkista`."
    )
    counted = f"Tilanne {format_date_fi(freshness.today)}: {count_phrase(len(rows), 'kuvaus', 'kuvausta')}"
    summary = (
        f"{counted}, joista {stale} {'näyttää' if stale == 1 else 'näyttävät'} huomautuksen vanhentuneista tiedoista."
        if stale
        else f"{counted}, eikä yhdessäkään ole huomautusta vanhentuneista tiedoista."
    )
    # One row per item: an HTML part, not a Markdown table (at 10,000 items the
    # table took Python-Markdown seconds, on every save during `mkdocs serve`).
    table = templates.render(
        "ajantasaisuus",
        rows=[
            {
                "item": row.item,
                "known": format_date_fi(row.facts_date) if row.facts_date else "ei tiedossa",
                "basis": basis_label(row.item),
                "age": count_phrase(row.age_months, "kuukausi", "kuukautta") if row.age_months is not None else "ei tiedossa",
                "stale": row.stale,
            }
            for row in rows
        ],
        links=LinksFrom(FRESHNESS_PAGE),
    )
    body = f"{summary}\n\n## Kuvaukset tietojen iän mukaan\n\n{html_marker('taulukko')}\n"
    title = "Tietojen ajantasaisuus"
    markdown = f"# {title}\n\n{intro}\n\n{body}"
    return Page(
        src_uri=FRESHNESS_PAGE,
        title=title,
        markdown=with_front_matter(title, "Kuvaukset tietojen iän mukaan ylläpitäjille.", markdown),
        html_parts={"taulukko": table},
    )
