"""The maintainers' page of how old each item's facts are (`ajantasaisuus.md`)."""

from __future__ import annotations

from kirjasto.content.freshness import Freshness, age_report, basis_label
from kirjasto.content.model import Library
from kirjasto.content.text import count_phrase, escape_markdown, format_date_fi
from kirjasto.site.pages.page import Page, link, with_front_matter
from kirjasto.site.pages.paths import item_src

FRESHNESS_PAGE = "ajantasaisuus.md"


def plan_freshness_page(library: Library, freshness: Freshness) -> Page:
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
    table = ["| Kuvaus | Tiedot ajalta | Peruste | Ikä | Huomautus |", "|---|---|---|---|---|"]
    for row in rows:
        title = f"[{escape_markdown(row.item.title)}]({link(FRESHNESS_PAGE, item_src(row.item))})"
        known = format_date_fi(row.facts_date) if row.facts_date else "ei tiedossa"
        age = count_phrase(row.age_months, "kuukausi", "kuukautta") if row.age_months is not None else "ei tiedossa"
        table.append(f"| {title} | {known} | {basis_label(row.item)} | {age} | {'kyllä' if row.stale else 'ei'} |")
    body = f"{summary}\n\n## Kuvaukset tietojen iän mukaan\n\n" + "\n".join(table) + "\n"
    title = "Tietojen ajantasaisuus"
    markdown = f"# {title}\n\n{intro}\n\n{body}"
    return Page(
        src_uri=FRESHNESS_PAGE,
        title=title,
        markdown=with_front_matter(title, "Kuvaukset tietojen iän mukaan ylläpitäjille.", markdown),
    )
