"""Choose the items shown under 'Katso myös' on an item page."""

from __future__ import annotations

import heapq
from collections import defaultdict
from dataclasses import dataclass

from kirjasto.content.model import Item, Library
from kirjasto.content.text import finnish_sort_key

MAX_RELATED = 5
MIN_RELATED = 3
POOL_PER_FEATURE = 60
"""How many of the newest items sharing one theme or region are considered.
Scoring every pair is quadratic (32 s of a 1,000-item build); the newest few
dozen per shared feature give the same choice whenever a theme or region has
fewer items than this, and fresh suggestions when it has more."""

# Why these weights: a shared theme says most about what a reader wants next;
# the same region matters to a teacher looking for partners near them; a
# shared level is common and says least.
_THEME_WEIGHT = 3
_REGION_WEIGHT = 2
_LEVEL_WEIGHT = 1


@dataclass(frozen=True)
class _Profile:
    """What relatedness compares, computed once per item."""

    themes: frozenset[str]
    regions: frozenset[str]
    levels: frozenset[str]

    @classmethod
    def of(cls, item: Item) -> _Profile:
        return cls(
            themes=frozenset(t.slug for t in item.themes),
            regions=frozenset(r.code for r in item.all_regions),
            levels=frozenset(level.slug for level in item.levels),
        )

    @property
    def features(self) -> set[str]:
        return {f"teema:{slug}" for slug in self.themes} | {f"alue:{code}" for code in self.regions}


class _Weights:
    """Profiles as integers whose shared set bits count `relatedness`: each theme owns
    `_THEME_WEIGHT` bits, each region `_REGION_WEIGHT`, each level one, so that
    `(a & b).bit_count()` is their relatedness: the weighted overlap. Ranking every item's pool is then a
    few integer operations per candidate instead of three set intersections (it was
    most of the time spent choosing related items)."""

    def __init__(self) -> None:
        self._bits: dict[tuple[str, str], int] = {}
        self._next = 0

    def mask(self, profile: _Profile) -> int:
        mask = 0
        for kind, values, weight in (
            ("teema", profile.themes, _THEME_WEIGHT),
            ("alue", profile.regions, _REGION_WEIGHT),
            ("aste", profile.levels, _LEVEL_WEIGHT),
        ):
            for value in values:
                mask |= self._bits_of((kind, value), weight)
        return mask

    def _bits_of(self, key: tuple[str, str], weight: int) -> int:
        if key not in self._bits:
            self._bits[key] = ((1 << weight) - 1) << self._next
            self._next += weight
        return self._bits[key]


@dataclass(frozen=True)
class RelatedIndex:
    """Built once per library: items by theme and region, newest first. Items are
    named by their position in `newest` (their rank): choosing related items then
    touches only integers, not the items, which in the build's forked process would
    copy every item's memory page."""

    library: Library
    rank: dict[str, int]
    """Slug -> position in newest-first order (ties in Finnish title order)."""
    newest: list[Item]
    features: list[tuple[str, ...]]
    """By rank: the themes and regions of the item (`_Profile.features`)."""
    by_feature: dict[str, list[int]]
    """Feature -> the ranks of the newest `POOL_PER_FEATURE` + 1 items that have it."""
    masks: list[int]
    """By rank: the item's profile as weighted bits (`_Weights`)."""

    @classmethod
    def build(cls, library: Library, around: Item | None = None) -> RelatedIndex:
        """The index of the whole library, or (`around`) of the items sharing a theme or
        region with one item: enough to choose that item's related items whenever its
        pools give at least `MIN_RELATED` (`related_for`)."""
        items = library.items
        if around is not None:
            wanted = _Profile.of(around).features
            items = tuple(item for item in items if wanted & _Profile.of(item).features)
        newest = sorted(items, key=lambda i: (-i.updated.toordinal(), finnish_sort_key(i.title), i.slug))
        profiles = [_Profile.of(item) for item in newest]
        features = [tuple(profile.features) for profile in profiles]
        by_feature: defaultdict[str, list[int]] = defaultdict(list)
        for position, own in enumerate(features):
            for feature in own:
                if len(by_feature[feature]) < POOL_PER_FEATURE + 1:
                    by_feature[feature].append(position)
        weights = _Weights()
        return cls(
            library=library,
            rank={item.slug: position for position, item in enumerate(newest)},
            newest=newest,
            features=features,
            by_feature=dict(by_feature),
            masks=[weights.mask(profile) for profile in profiles],
        )


def related_for(item: Item, library: Library) -> list[Item]:
    """One item's related items without indexing the whole library (a preview): the
    items sharing a theme or region decide, unless too few do and the newest of the
    whole library must fill in."""
    if _Profile.of(item).features:
        pooled = _pooled(item, RelatedIndex.build(library, around=item))
        if len(pooled) >= MIN_RELATED:
            return pooled
    return related_items(item, RelatedIndex.build(library))


def related_items(item: Item, index: RelatedIndex) -> list[Item]:
    """The contributor's own `related` first, then the most related others:
    at most five, and at least three whenever the library has that many."""
    chosen = _pooled(item, index)
    for other in index.newest:
        if len(chosen) >= MIN_RELATED:
            break
        if other.slug != item.slug and other not in chosen:
            chosen.append(other)
    return chosen


def _pooled(item: Item, index: RelatedIndex) -> list[Item]:
    """The contributor's own `related`, then the best of the newest items that share a
    theme or region, by relatedness: at most five."""
    by_slug, rank = index.library.by_slug, index.rank
    chosen = [by_slug[slug] for slug in item.related if slug in by_slug][:MAX_RELATED]
    own = rank[item.slug]
    taken = {own, *(rank[c.slug] for c in chosen if c.slug in rank)}
    pool = set().union(*(index.by_feature.get(feature, ()) for feature in index.features[own])) - taken
    mask, masks = index.masks[own], index.masks
    # One integer per candidate orders as (-relatedness, rank) does; ranks are unique, so
    # the order is the same as sorting all candidates, and the rank names the item.
    keys = [(-(mask & masks[other]).bit_count() << _RANK_BITS) + other for other in pool]
    best = heapq.nsmallest(MAX_RELATED - len(chosen), keys)
    return chosen + [index.newest[key & _RANK_MASK] for key in best]


_RANK_BITS = 40
_RANK_MASK = (1 << _RANK_BITS) - 1
