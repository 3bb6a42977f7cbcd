"""Where each generated page lives in the docs tree (and so its URL)."""

from __future__ import annotations

from kirjasto.content.model import Item, Kind
from kirjasto.content.vocabularies import Level, Municipality, Region, Theme

THEMES_INDEX = "teemat/index.md"
"""Every theme with its description and count."""
MUNICIPALITIES_INDEX = "kunnat/index.md"
"""Municipalities by region, with the map."""
NATIONAL = "kunnat/valtakunnalliset.md"
"""Items that concern the whole country."""
REGIONS_INDEX = "maakunnat/index.md"
LEVELS_INDEX = "asteet/index.md"
CONTRIBUTE = "ehdota.md"
"""The hand-written page with the submission form."""


def item_src(item: Item) -> str:
    return item.src_uri


def kind_src(kind: Kind) -> str:
    return f"{kind.folder}/index.md"


def theme_src(theme: Theme) -> str:
    return f"teemat/{theme.slug}.md"


def municipality_src(municipality: Municipality) -> str:
    return f"kunnat/{municipality.slug}.md"


def region_src(region: Region) -> str:
    return f"maakunnat/{region.slug}.md"


def level_src(level: Level) -> str:
    return f"asteet/{level.slug}.md"
