"""A copy's scope: which of the (all validated) items it publishes.

An item is in scope when it names a scoped municipality; when it names or
derives (from its municipalities) a scoped region; when it is region-wide for
the region of a scoped municipality (a Satakunta-wide collaboration concerns
Pori too); or, with `include_national`, when it is national.
"""

from __future__ import annotations

import dataclasses

from kirjasto.content.messages import SOURCE_LANGUAGE, _, messages_in
from kirjasto.content.model import Item, Library
from kirjasto.content.settings import Scope
from kirjasto.content.text import suggest
from kirjasto.content.vocabularies import Vocabularies


def scope_problems(scope: Scope, vocabularies: Vocabularies, language: str = SOURCE_LANGUAGE) -> list[str]:
    """Messages (in `language`) for names in the scope that are not in the vocabularies."""
    say = messages_in(language).say
    unknown = [
        (
            say(_("extra.kirjasto.scope.municipalities: tuntematon kunta '{name}'."), name=name),
            suggest(name, vocabularies.municipalities),
        )
        for name in scope.municipalities
        if name not in vocabularies.municipalities
    ] + [
        (say(_("extra.kirjasto.scope.regions: tuntematon maakunta '{name}'."), name=name), suggest(name, vocabularies.regions))
        for name in scope.regions
        if name not in vocabularies.regions
    ]
    return [message + (" " + say(_("Tarkoititko '{value}'?"), value=closest) if closest else "") for message, closest in unknown]


def in_scope(item: Item, scope: Scope, vocabularies: Vocabularies) -> bool:
    if not scope.is_limited:
        return True
    if item.is_national:
        return scope.include_national
    if any(m.name in scope.municipalities for m in item.municipalities):
        return True
    if any(r.name in scope.regions for r in item.all_regions):
        return True
    scoped_municipality_regions = {
        vocabularies.municipalities[name].region.name for name in scope.municipalities if name in vocabularies.municipalities
    }
    return any(r.name in scoped_municipality_regions for r in item.regions)


def apply_scope(library: Library, scope: Scope) -> Library:
    """The library as this copy publishes it; the other items' slugs are remembered
    so that new items cannot take their names."""
    published = tuple(item for item in library.items if in_scope(item, scope, library.vocabularies))
    published_slugs = {item.slug for item in published}
    hidden = frozenset(item.slug for item in library.items if item.slug not in published_slugs)
    return dataclasses.replace(library, items=published, scope=scope, out_of_scope=hidden)
