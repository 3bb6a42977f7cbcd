"""schema.org JSON-LD for item pages: what search engines read of an item."""

from __future__ import annotations

from typing import Any

from kirjasto.content.messages import Messages, _, messages_in
from kirjasto.content.model import Item, Source
from kirjasto.content.settings import LibrarySettings
from kirjasto.content.year_wheel import WheelRow
from kirjasto.site.exports.records import absolute_url, item_url
from kirjasto.site.parts import script_json

_FINNISH = messages_in()


def item_json_ld(item: Item, settings: LibrarySettings, *, messages: Messages = _FINNISH) -> dict[str, Any]:
    """Structured data for search engines: a LearningResource (a CreativeWork); the
    kind, the country, the places, themes, levels and target groups named in the
    language of `messages` (the page's)."""
    language = messages.language
    places = [{"@type": "AdministrativeArea", "name": m.name_in(language), "identifier": m.code} for m in item.municipalities]
    places += [{"@type": "AdministrativeArea", "name": r.name_in(language), "identifier": r.code} for r in item.regions]
    if not places:
        places = [{"@type": "Country", "name": messages.say(_("Suomi"))}]
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": ["CreativeWork", "LearningResource"],
        "name": item.title,
        "description": item.summary,
        "inLanguage": item.language,
        "genre": messages.say(item.kind.label),
        "about": [{"@type": "DefinedTerm", "name": t.name_in(language), "termCode": t.slug} for t in item.themes],
        "educationalLevel": [level.name_in(language) for level in item.levels],
        "spatialCoverage": places,
        "datePublished": (item.written or item.updated).isoformat(),
        "dateModified": item.updated.isoformat(),
        "license": settings.licence.url,
        # The page's own address; relative ("./") when the copy has no site_url.
        "url": absolute_url(settings, item_url(item)) or "./",
    }
    if item.source:
        data["isBasedOn"] = _source_json_ld(item.source)
    if item.audience:
        data["audience"] = [{"@type": "Audience", "audienceType": a.name_in(language)} for a in item.audience]
    if settings.publisher:
        data["publisher"] = {"@type": "Organization", "name": settings.publisher.name}
    if item.organisations:
        data["contributor"] = [{"@type": "Organization", "name": name} for name in item.organisations]
    if item.teams:
        # The network the page describes, its teams as sub-organisations.
        data["mentions"] = {
            "@type": "Organization",
            "name": item.title,
            "subOrganization": [
                {"@type": "Organization", "name": team.name, "knowsAbout": [t.name_in(language) for t in team.themes]}
                | ({"description": team.description} if team.description else {})
                for team in item.teams
            ],
        }
    if item.vuosikello:
        data["hasPart"] = [_wheel_event(row) for row in item.vuosikello]
    return data


def _wheel_event(row: WheelRow) -> dict[str, Any]:
    """A year-wheel row as a yearly Schedule: which months, every year."""
    event: dict[str, Any] = {
        "@type": "Event",
        "name": row.title,
        "eventSchedule": {"@type": "Schedule", "repeatFrequency": "P1Y", "byMonth": list(row.months)},
    }
    if row.role:
        event["organizer"] = {"@type": "Organization", "name": row.role}
    if row.description:
        event["description"] = row.description
    return event


def _source_json_ld(source: Source) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "name": source.title}
    if source.publisher:
        work["publisher"] = {"@type": "Organization", "name": source.publisher}
    if source.published:
        work["datePublished"] = source.published.iso
    if source.url:
        work["url"] = source.url
    return work


def json_ld_script(item: Item, settings: LibrarySettings, *, messages: Messages = _FINNISH) -> str:
    """The `<script type="application/ld+json">` element; `<` is escaped so no text can close it."""
    return f'<script type="application/ld+json">{script_json(item_json_ld(item, settings, messages=messages))}</script>'
