"""An inline SVG map of Finland's regions (maakunnat), drawn at build time.

Each region is a link to its region page, shaded by its number of items, with
an accessible name ("Satakunta, 3 kuvausta"). Geometry: Statistics Finland's
municipal boundaries 1:4,500,000 dissolved into the 2025 regions (packaged
`data/regions-2025.geojson`, ETRS-TM35FIN metres; see data/SOURCE.md).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from kirjasto.content.messages import SOURCE_LANGUAGE, Messages, _
from kirjasto.content.model import Library
from kirjasto.content.vocabularies import Region
from kirjasto.site.parts import PartTemplates

WIDTH = 400
"""SVG user units across; the map is about 1.75 times as tall as it is wide."""
TOLERANCE = 0.6
"""Simplification tolerance in SVG units: below what a screen can show at this size."""
SHADES = 5


@dataclass(frozen=True)
class RegionShape:
    code: str
    name: str
    path: str
    """SVG path data, already projected and simplified."""


def _simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Ramer-Douglas-Peucker, iterative (rings have thousands of points)."""
    if len(points) < 4:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        start, end = stack.pop()
        (x1, y1), (x2, y2) = points[start], points[end]
        dx, dy = x2 - x1, y2 - y1
        length = (dx * dx + dy * dy) ** 0.5 or 1e-9
        farthest, distance = None, tolerance
        for index in range(start + 1, end):
            x, y = points[index]
            d = abs(dy * x - dx * y + x2 * y1 - y2 * x1) / length
            if d > distance:
                farthest, distance = index, d
        if farthest is not None:
            keep[farthest] = True
            stack += [(start, farthest), (farthest, end)]
    return [point for point, kept in zip(points, keep, strict=False) if kept]


def _simplify_ring(ring: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """A closed ring starts and ends at the same point, which gives the line
    simplification no baseline; split it at the point farthest from the start."""
    x0, y0 = ring[0]
    far = max(range(len(ring)), key=lambda i: (ring[i][0] - x0) ** 2 + (ring[i][1] - y0) ** 2)
    return _simplify(ring[: far + 1], tolerance)[:-1] + _simplify(ring[far:], tolerance)


@lru_cache(maxsize=1)
def region_shapes() -> tuple[tuple[RegionShape, ...], float]:
    """Every region's outline as SVG path data, and the map's height. Cached: the
    geometry is packaged data and the same for every build."""
    data = json.loads(resources.files("kirjasto").joinpath("data/regions-2025.geojson").read_text("utf-8"))
    rings_by_region = []
    xs, ys = [], []
    for feature in data["features"]:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        rings = [ring for polygon in polygons for ring in polygon]
        for ring in rings:
            xs += [x for x, _ in ring]
            ys += [y for _, y in ring]
        rings_by_region.append((feature["properties"], rings))
    min_x, max_x, min_y, max_y = min(xs), max(xs), min(ys), max(ys)
    scale = WIDTH / (max_x - min_x)
    height = round((max_y - min_y) * scale, 1)
    shapes = []
    for properties, rings in rings_by_region:
        parts = []
        for ring in rings:
            # Flip y: the data's northing grows upwards, SVG's y downwards.
            projected = [((x - min_x) * scale, (max_y - y) * scale) for x, y in ring]
            simplified = _simplify_ring(projected, TOLERANCE)
            if len(simplified) < 4:
                continue
            coordinates = " ".join(f"{x:.1f},{y:.1f}" for x, y in simplified[:-1])
            parts.append(f"M{coordinates}Z")
        shapes.append(RegionShape(code=properties["code"], name=properties["name_fi"], path="".join(parts)))
    return tuple(shapes), height


def _shade(count: int, most: int) -> int:
    """0 for no items, else 1..SHADES-1 growing with the share of the busiest region."""
    if count == 0 or most == 0:
        return 0
    return 1 + min(SHADES - 2, int((count / most) * (SHADES - 1) - 1e-9))


def region_counts(library: Library) -> dict[str, int]:
    counts = {region.code: 0 for region in library.vocabularies.regions.values()}
    for item in library.items:
        for region in item.all_regions:
            counts[region.code] += 1
    return counts


def map_html(
    library: Library, region_url: Callable[[Region], str], *, templates: PartTemplates, messages: Messages | None = None
) -> str:
    """The map, its legend and attribution, in the language of `messages` (by default
    the templates' own). `region_url(region)` gives the link to a region's page from
    the page the map is on (published regions only)."""
    messages = messages or templates.messages
    shapes, height = region_shapes()
    counts = region_counts(library)
    most = max(counts.values(), default=0)
    published = {region.code for region in library.published_regions}
    regions = {region.code: region for region in library.vocabularies.regions.values()}
    drawn = [
        {
            "label": messages.plural(
                "{region}, {count} kuvaus",
                "{region}, {count} kuvausta",
                counts[shape.code],
                region=_region_name(shape, regions[shape.code], messages),
            ),
            "shade": _shade(counts[shape.code], most),
            "path": shape.path,
            "href": region_url(regions[shape.code]) if shape.code in published else None,
        }
        for shape in shapes
    ]
    return templates.render("kartta", width=WIDTH, height=height, regions=drawn, legend=_legend(most, messages))


def _region_name(shape: RegionShape, region: Region, messages: Messages) -> str:
    """The map's own (Finnish) name of the region, or its name in the language spoken."""
    return shape.name if messages.language == SOURCE_LANGUAGE else region.name_in(messages.language)


def _legend(most: int, messages: Messages) -> list[tuple[int, str]]:
    none = messages.say(_("ei kuvauksia"))
    if most == 0:
        return [(0, none)]
    entries = [(0, none)]
    bounds: list[tuple[int, int, int]] = []
    for count in range(1, most + 1):
        level = _shade(count, most)
        if bounds and bounds[-1][0] == level:
            bounds[-1] = (level, bounds[-1][1], count)
        else:
            bounds.append((level, count, count))
    for level, low, high in bounds:
        if low == high:  # only for a few items (below ten): a level spans more counts
            text = messages.plural("{count} kuvaus", "{count} kuvausta", low)
        else:  # the numbers as they are, not `count`'s thousands apart
            text = messages.say(_("{low}–{high} kuvausta"), low=low, high=high)
        entries.append((level, text))
    return entries
