"""The year wheel drawn: twelve month sectors clockwise from August at the top, and
each row as a numbered arc on a lane inside them. Python computes the geometry; the
template `kirjasto/vuosikello.html` writes the SVG and the table with the same rows.

Readable without colour: months are named in their sectors, every arc carries the
number of its row in the table, and arcs on neighbouring lanes differ in shade and
in outline, so greyscale and print keep them apart.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from kirjasto.content.messages import Messages, _, messages_in
from kirjasto.content.year_wheel import MONTH_NAMES, WheelRow, school_year_index

FINNISH = messages_in()

SIZE = 400
"""The SVG's width and height in user units."""
_CENTRE = SIZE / 2
_MONTH_OUTER, _MONTH_INNER = 196.0, 164.0
_LANES_OUTER, _LANES_INNER = 158.0, 56.0
_MAX_LANE_WIDTH = 24.0
MONTH_SHORT_NAMES = (
    _("tammi"),
    _("helmi"),
    _("maalis"),
    _("huhti"),
    _("touko"),
    _("kesä"),
    _("heinä"),
    _("elo"),
    _("syys"),
    _("loka"),
    _("marras"),
    _("joulu"),
)
"""What fits in a month's sector, January first: the name's stem in Finnish (`elo`)."""


@dataclass(frozen=True)
class Sector:
    month: str
    """The month's name, e.g. `elokuu`."""
    short: str
    """What fits in the sector: `elo`."""
    path: str
    label_x: float
    label_y: float


@dataclass(frozen=True)
class Arc:
    number: int
    """The row's number in the table."""
    row: WheelRow
    lane: int
    path: str
    label_x: float
    label_y: float


@dataclass(frozen=True)
class WheelDrawing:
    size: int
    sectors: tuple[Sector, ...]
    arcs: tuple[Arc, ...]


def draw_wheel(rows: tuple[WheelRow, ...], *, messages: Messages = FINNISH) -> WheelDrawing:
    lanes = _lanes(rows)
    lane_count = max(lanes, default=0) + 1
    width = min(_MAX_LANE_WIDTH, (_LANES_OUTER - _LANES_INNER) / lane_count)
    sectors = []
    for index in range(12):
        month = (index + 7) % 12 + 1
        x, y = _point(index + 0.5, (_MONTH_OUTER + _MONTH_INNER) / 2)
        name, short = messages.say(MONTH_NAMES[month - 1]), messages.say(MONTH_SHORT_NAMES[month - 1])
        sectors.append(Sector(name, short, _band(index, index + 1, _MONTH_INNER, _MONTH_OUTER), x, y))
    arcs = []
    for number, (row, lane) in enumerate(zip(rows, lanes, strict=True), start=1):
        outer = _LANES_OUTER - lane * width
        start, end = school_year_index(row.first), school_year_index(row.last) + 1
        x, y = _point((start + end) / 2, outer - width / 2)
        arcs.append(Arc(number, row, lane, _band(start + 0.04, end - 0.04, outer - width + 1.5, outer - 0.5), x, y))
    return WheelDrawing(SIZE, tuple(sectors), tuple(arcs))


def _lanes(rows: tuple[WheelRow, ...]) -> list[int]:
    """The innermost free lane for each row, rows taken in school-year order: rows that
    share a month never share a lane."""
    used: list[set[int]] = []
    lanes = [0] * len(rows)
    for position in sorted(range(len(rows)), key=lambda i: (school_year_index(rows[i].first), i)):
        months = {school_year_index(month) for month in rows[position].months}
        lane = next((n for n, taken in enumerate(used) if not taken & months), len(used))
        if lane == len(used):
            used.append(set())
        used[lane] |= months
        lanes[position] = lane
    return lanes


def _point(month_position: float, radius: float) -> tuple[float, float]:
    """A point at `month_position` twelfths of the way round from the top, clockwise."""
    angle = math.tau * month_position / 12 - math.pi / 2
    return round(_CENTRE + radius * math.cos(angle), 1), round(_CENTRE + radius * math.sin(angle), 1)


def _band(start: float, end: float, inner: float, outer: float) -> str:
    """SVG path of the ring segment between two month positions."""
    large = 1 if end - start > 6 else 0
    (x1, y1), (x2, y2) = _point(start, outer), _point(end, outer)
    (x3, y3), (x4, y4) = _point(end, inner), _point(start, inner)
    return f"M{x1},{y1}A{outer},{outer} 0 {large} 1 {x2},{y2}L{x3},{y3}A{inner},{inner} 0 {large} 0 {x4},{y4}Z"
