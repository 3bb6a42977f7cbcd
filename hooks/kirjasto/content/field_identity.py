"""Front-matter rules for what an item is: only known keys, its title and summary,
whether it is still going on (`status`), and the plain lists of organisations and
funding."""

from __future__ import annotations

import re

from kirjasto.content.field_checker import Checker
from kirjasto.content.field_records import unknown_field
from kirjasto.content.field_rules import KNOWN_FIELDS, SUMMARY_MAX_LENGTH, SUMMARY_MAX_SENTENCES, TITLE_LENGTH
from kirjasto.content.messages import _
from kirjasto.content.model import KINDS_WITH_STATUS, STATUSES, UNKNOWN_STATUS, Kind
from kirjasto.content.render import BodyRenderer
from kirjasto.content.sanitise import AllowList
from kirjasto.content.text import escape_markdown, suggest

_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-ZÅÄÖ\"”'])")

ENGINE_KEYS = frozenset(
    {
        "template",
        "hide",
        "search",
        "icon",
        "status_icon",
        "subtitle",
        "location",
        "meta",
        "tags",
        "description",
        "social",
        "comments",
        "nav_title",
        "edit_url",
        "redirect",
        "render_macros",
        "draft",
    }
)
"""Keys MkDocs, mkdocs-material or common plugins act on: a page could choose its
own template, hide navigation or leave the search index through them."""


def check_unknown_keys(check: Checker) -> None:
    for key, entry in check.tree.entries.items():
        if key in KNOWN_FIELDS:
            continue
        if key.lower() in ENGINE_KEYS:
            check.report(
                entry.key_line,
                key,
                check.say(
                    _(
                        "Kenttä '{key}' ohjaisi sivuston teknistä toteutusta (sivupohjaa, hakua tai näkyvyyttä), eikä sitä voi käyttää kuvauksissa. Poista rivi. Sallitut kentät: {fields}."
                    ),
                    key=key,
                    fields=", ".join(KNOWN_FIELDS),
                ),
            )
            continue
        check.report(entry.key_line, key, unknown_field(check, key, KNOWN_FIELDS, closest=suggest(key, KNOWN_FIELDS)))


def _plain_text(check: Checker, name: str) -> tuple[str, int] | None:
    """A required text without `<` and `>` (the title and the summary), with its line."""
    entry = check.entry(name, required=True)
    text = check.text(entry.value, name) if entry else None
    if entry is None or text is None:
        return None
    if "<" in text or ">" in text:
        check.report(
            entry.value.line,
            name,
            check.say(
                _(
                    "Merkit < ja > eivät ole sallittuja otsikossa eikä tiivistelmässä. Käytä sanoja (esim. 'yli', 'alle') tai poista merkit."
                )
            ),
        )
        return None
    return text, entry.value.line


def read_title(check: Checker, *, renderer: BodyRenderer, allow: AllowList) -> str | None:
    found = _plain_text(check, "title")
    if found is None:
        return None
    title, line = found
    if not TITLE_LENGTH[0] <= len(title) <= TITLE_LENGTH[1]:
        check.report(
            line,
            "title",
            check.messages.plural(
                "Otsikossa on {count} merkki; sallittu pituus on {shortest}–{longest} merkkiä.",
                "Otsikossa on {count} merkkiä; sallittu pituus on {shortest}–{longest} merkkiä.",
                len(title),
                shortest=TITLE_LENGTH[0],
                longest=TITLE_LENGTH[1],
            ),
        )
        return None
    reserved = _reserved_title_address(title, renderer=renderer, allow=allow)
    if reserved:
        check.report(
            line,
            "title",
            check.say(
                _(
                    "Otsikosta tulisi sivulle sisäinen osoite '#{address}', joka on varattu sivuston omaan käyttöön. Muuta otsikon alkua, esimerkiksi lisää sen eteen jokin sana."
                ),
                address=reserved,
            ),
        )
        return None
    return title


def _reserved_title_address(title: str, *, renderer: BodyRenderer, allow: AllowList) -> str | None:
    """The title becomes the page's `# heading` (and listing headings): the id the
    site's Markdown gives it, if that id is one the theme or the library uses."""
    rendered = renderer.render(f"# {escape_markdown(title)}", src_uri="").html
    found = re.search(r'<h1 id="([^"]*)"', rendered)
    if found is None:
        return None
    # Listings show many titles as headings: a second title with the same id gets
    # `_1` added (`_` becomes `__1`), so that form must be free too.
    address = found.group(1)
    return address if allow.id_is_reserved(address) or allow.id_is_reserved(address + "_1") else None


def read_summary(check: Checker) -> str | None:
    found = _plain_text(check, "summary")
    if found is None:
        return None
    summary, line = found
    if len(summary) > SUMMARY_MAX_LENGTH:
        check.report(
            line,
            "summary",
            # Always more than the most allowed: no singular form is needed.
            check.say(
                _("Tiivistelmässä on {count} merkkiä; enintään {most} on sallittu. Lyhennä se 1–3 virkkeeseen."),
                count=len(summary),
                most=SUMMARY_MAX_LENGTH,
            ),
        )
    sentences = len(_SENTENCE_END.findall(summary)) + 1
    if sentences > SUMMARY_MAX_SENTENCES:
        check.report(
            line,
            "summary",
            check.say(
                _("Tiivistelmässä on {count} virkettä; enintään {most} on sallittu. Siirrä loput kuvaustekstiin."),
                count=sentences,
                most=SUMMARY_MAX_SENTENCES,
            ),
        )
    return summary


def read_status(check: Checker, kind: Kind) -> str | None:
    entry = check.entry("status", required=False)
    if entry is None:
        # No one has said whether it is still going on: say so rather than guess.
        return UNKNOWN_STATUS if kind in KINDS_WITH_STATUS else None
    status = check.text(entry.value, "status")
    if status is not None and status not in STATUSES:
        # The labels are the site's (model.STATUSES), translated when the catalogue has them.
        choices = ", ".join(f"{slug} ({check.say(label)})" for slug, label in STATUSES.items())
        closest = suggest(status, STATUSES)
        if closest is None:
            by_label = {label: slug for slug, label in STATUSES.items()}
            label = suggest(status, by_label)
            closest = by_label[label] if label else None
        message = [
            check.say(_("Tuntematon tila '{status}'."), status=status),
            check.say(_("Tarkoititko '{value}'?"), value=closest) if closest else "",
            check.say(_("Sallitut arvot: {values}."), values=choices),
        ]
        check.report(entry.value.line, "status", " ".join(filter(None, message)))
        return None
    return status


def read_plain_list(check: Checker, name: str) -> tuple[str, ...]:
    """Free texts such as `organisations` and `funding`."""
    entry = check.entry(name, required=False)
    return tuple(text for text, _ in check.text_list(entry, name)) if entry else ()
