"""Choose the items shown under 'Katso myös' on an item page."""

from __future__ import annotations

from ..model import Item, Library
from ..text import finnish_sort_key

MAX_RELATED = 5
MIN_RELATED = 3

# Why these weights: a shared theme says most about what a reader wants next;
# the same region matters to a teacher looking for partners near them; a
# shared level is common and says least.
_THEME_WEIGHT = 3
_REGION_WEIGHT = 2
_LEVEL_WEIGHT = 1


def relatedness(item: Item, other: Item) -> int:
    shared_themes = len(set(item.themes) & set(other.themes))
    shared_regions = len({r.code for r in item.all_regions} & {r.code for r in other.all_regions})
    shared_levels = len(set(item.levels) & set(other.levels))
    return shared_themes * _THEME_WEIGHT + shared_regions * _REGION_WEIGHT + shared_levels * _LEVEL_WEIGHT


def related_items(item: Item, library: Library) -> list[Item]:
    """The contributor's own `related` first, then the most related others:
    at most five, and at least three whenever the library has that many."""
    chosen = [library.by_slug[slug] for slug in item.related if slug in library.by_slug][:MAX_RELATED]
    taken = {item.slug, *(c.slug for c in chosen)}
    candidates = [other for other in library.items if other.slug not in taken]
    candidates.sort(key=lambda other: (-relatedness(item, other), -other.updated.toordinal(), finnish_sort_key(other.title)))
    for other in candidates:
        if len(chosen) >= MAX_RELATED:
            break
        if relatedness(item, other) > 0 or len(chosen) < MIN_RELATED:
            chosen.append(other)
    return chosen
