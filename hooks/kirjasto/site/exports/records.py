"""The published library as records: one JSON object per item, and the whole
library as the open-data JSON file (`data/kirjasto.json`)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from kirjasto.content.model import STATUSES, Item, Kind, Library, Source
from kirjasto.content.settings import LibrarySettings
from kirjasto.content.vocabularies import Audience, Level, Theme
from kirjasto.site.pages.listing import newest_first
from kirjasto.site.pages.page import url_of

JSON_PATH = "data/kirjasto.json"
JSON_SCHEMA_PATH = "data/kirjasto.schema.json"
LIST_SEPARATOR = "; "


def item_url(item: Item) -> str:
    """Site-relative URL of an item page: `kaytannot/slug/`."""
    return url_of(item.src_uri)


def absolute_url(settings: LibrarySettings, relative: str) -> str | None:
    return settings.site_url.rstrip("/") + "/" + relative if settings.site_url else None


def _named(values: Iterable[Theme | Level | Audience]) -> list[dict[str, str]]:
    return [{"slug": value.slug, "name": value.name} for value in values]


def item_record(item: Item, library: Library, settings: LibrarySettings) -> dict[str, Any]:
    return {
        "slug": item.slug,
        "kind": item.kind.folder,
        "kind_label": item.kind.label,
        "url": item_url(item),
        "absolute_url": absolute_url(settings, item_url(item)),
        "title": item.title,
        "summary": item.summary,
        "municipalities": [
            {"code": m.code, "name": m.name, "region_code": m.region.code, "region_name": m.region.name}
            for m in item.municipalities
        ],
        "regions": [{"code": r.code, "name": r.name} for r in item.all_regions],
        "region_wide": [r.code for r in item.regions],
        "national": item.is_national,
        "levels": _named(item.levels),
        "themes": _named(item.themes),
        "audience": _named(item.audience),
        "status": item.status,
        "status_label": item.status_label,
        "written": item.written.isoformat() if item.written else None,
        "updated": item.updated.isoformat(),
        "checked": item.checked.isoformat() if item.checked else None,
        "started": item.started,
        "organisations": list(item.organisations),
        "contacts": [{k: v for k, v in vars(c).items() if v is not None} for c in item.contacts],
        "links": [{"title": link.title, "url": link.url} for link in item.links],
        "funding": list(item.funding),
        "source": _source_record(item.source),
        "related": [slug for slug in item.related if slug in library.by_slug],
        "vuosikello": [
            {
                "first": row.first,
                "last": row.last,
                "months": list(row.months),
                "label": row.label,
                "title": row.title,
                "role": row.role,
                "description": row.description,
            }
            for row in item.vuosikello
        ],
        "vuosikello_selite": item.vuosikello_selite,
        "teams": [
            {"name": team.name, "themes": _named(team.themes), "description": team.description, "coordinator": team.coordinator}
            for team in item.teams
        ],
        "join": {"who": item.join.who, "how": item.join.how, "when": item.join.when, "channel": item.join.channel}
        if item.join
        else None,
        "meets": item.meets,
        "members": [
            {
                "group": {"slug": m.group.slug, "name": m.group.name} if m.group else None,
                "description": m.description,
                "rule": m.rule,
                "where": m.where,
            }
            for m in item.members
        ],
    }


def _source_record(source: Source | None) -> dict[str, Any] | None:
    if source is None:
        return None
    return {
        "title": source.title,
        "publisher": source.publisher,
        "published": source.published.iso if source.published else None,
        "url": source.url,
    }


def library_json(library: Library, settings: LibrarySettings) -> dict[str, Any]:
    vocabularies = library.vocabularies
    items = newest_first(library.items)
    publisher = settings.publisher
    return {
        "$schema": "kirjasto.schema.json",
        "license": settings.licence.as_record(),
        "publisher": {"name": publisher.name, "contact": publisher.contact, "feedback": publisher.feedback}
        if publisher
        else None,
        "scope": {
            "municipalities": list(library.scope.municipalities),
            "regions": list(library.scope.regions),
            "include_national": library.scope.include_national,
        }
        if library.scope.is_limited
        else None,
        "updated": max((item.updated for item in items), default=datetime.date(2000, 1, 1)).isoformat(),
        "count": len(items),
        "items": [item_record(item, library, settings) for item in items],
        "vocabularies": {
            "kinds": [{"slug": kind.folder, "name": kind.label} for kind in Kind],
            "statuses": [{"slug": slug, "name": label} for slug, label in STATUSES.items()],
            "levels": _named(vocabularies.levels.values()),
            "themes": [{"slug": t.slug, "name": t.name, "description": t.description} for t in vocabularies.themes.values()],
            "audiences": _named(vocabularies.audiences.values()),
            "regions": [{"code": r.code, "name": r.name} for r in vocabularies.regions.values()],
            "municipalities": [
                {"code": m.code, "name": m.name, "region_code": m.region.code} for m in vocabularies.municipalities.values()
            ],
        },
    }
