"""The maintainers' page of how old each item's facts are (`ajantasaisuus.md`)."""

from __future__ import annotations

from kirjasto.content.freshness import Freshness, age_report, basis_label
from kirjasto.content.messages import Messages, _
from kirjasto.content.model import Library
from kirjasto.content.text import format_date_fi
from kirjasto.site.pages.page import Page, html_marker, with_front_matter
from kirjasto.site.parts import LinksFrom, PartTemplates

FRESHNESS_PAGE = "ajantasaisuus.md"


def plan_freshness_page(
    library: Library, freshness: Freshness, templates: PartTemplates, *, messages: Messages | None = None
) -> Page:
    """The page in the language of `messages` (by default the templates' own)."""
    messages = messages or templates.messages
    rows = age_report(library, freshness)
    stale = sum(1 for row in rows if row.stale)
    say = messages.say
    intro = " ".join(
        [
            say(_("Tällä sivulla ovat kirjaston kuvaukset sen mukaan, kuinka vanhoja niiden tiedot ovat: vanhimmat ensin.")),
            say(
                _(
                    "Tietojen ikä lasketaan viimeisestä tarkistuksesta ({field}), tai jos kuvausta ei ole tarkistettu, "
                    "lähteen julkaisusta; ilman lähdettä kuvauksen kirjoittamisesta."
                ),
                field="`checked`",
            ),
            messages.plural(
                "Kun tiedot ovat vähintään {count} kuukauden vanhoja tai niiden ikää ei tiedetä, kuvauksen sivulla "
                "ja luetteloissa pyydetään lukijoita kertomaan tilanteesta.",
                "Kun tiedot ovat vähintään {count} kuukautta vanhoja tai niiden ikää ei tiedetä, kuvauksen sivulla "
                "ja luetteloissa pyydetään lukijoita kertomaan tilanteesta.",
                freshness.months,
            ),
            say(_("Raja on asetus {setting}."), setting="`freshness_months`"),
            say(_("Sama luettelo tulostuu komennolla {command}."), command="`kirjasto tarkista`"),
        ]
    )
    date = format_date_fi(freshness.today)
    counted = messages.plural("{count} kuvaus", "{count} kuvausta", len(rows))
    summary = (
        # {stale} as written so far (no thousands separator), not {count}.
        messages.plural(
            "Tilanne {date}: {items}, joista {stale} näyttää huomautuksen vanhentuneista tiedoista.",
            "Tilanne {date}: {items}, joista {stale} näyttävät huomautuksen vanhentuneista tiedoista.",
            stale,
            date=date,
            items=counted,
            stale=stale,
        )
        if stale
        else say(
            _("Tilanne {date}: {items}, eikä yhdessäkään ole huomautusta vanhentuneista tiedoista."),
            date=date,
            items=counted,
        )
    )
    unknown = say(_("ei tiedossa"))
    # One row per item: an HTML part, not a Markdown table (at 10,000 items the
    # table took Python-Markdown seconds, on every save during `mkdocs serve`).
    table = templates.render(
        "ajantasaisuus",
        rows=[
            {
                "item": row.item,
                "known": format_date_fi(row.facts_date) if row.facts_date else unknown,
                "basis": basis_label(row.item, messages.language),
                "age": (
                    messages.plural("{count} kuukausi", "{count} kuukautta", row.age_months)
                    if row.age_months is not None
                    else unknown
                ),
                "stale": row.stale,
            }
            for row in rows
        ],
        links=LinksFrom(FRESHNESS_PAGE),
    )
    by_age = say(_("Kuvaukset tietojen iän mukaan"))
    body = f"{summary}\n\n## {by_age}\n\n{html_marker('taulukko')}\n"
    title = say(_("Tietojen ajantasaisuus"))
    markdown = f"# {title}\n\n{intro}\n\n{body}"
    return Page(
        src_uri=FRESHNESS_PAGE,
        title=title,
        markdown=with_front_matter(title, say(_("Kuvaukset tietojen iän mukaan ylläpitäjille.")), markdown),
        html_parts={"taulukko": table},
    )
