"""The countries' outlines the maps draw: ``data/countries.json`` (Natural Earth, prepared once
by :mod:`generator.map.prepare`) -> rings in degrees, read once per process.

A map asks for each ring at the detail its scale shows (:func:`ring_in_view`): simplified once
per process to one of a few levels (:data:`LEVELS`, in degrees) and kept, with the runs of the
ring lying wholly outside the map's view cut to a segment. Drawing a map then only projects
the points it shows.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from generator.map.simplify import Point, simplify

DATA_FILE = Path(__file__).parent / "data" / "countries.json"


#: Points per run of a ring that a map outside its view replaces by the run's two ends.
RUN = 24
#: The degrees of detail rings are simplified to, coarsest last (the data itself holds 0.05°).
LEVELS = (0.1, 0.2, 0.4, 0.8)

Box = tuple[float, float, float, float]  # west, south, east, north


@dataclass(frozen=True)
class Country:
    """One country of Natural Earth: its name there, and its outer rings as flat lists of whole
    hundredths of a degree (``[lon, lat, lon, lat, …]``) with their boxes in degrees."""

    name: str
    flat: tuple[list[int], ...]
    #: west, south, east, north of each ring
    boxes: tuple[Box, ...]


Runs = tuple[tuple[tuple[Point, ...], Box], ...]


def level_for(tolerance: float) -> float | None:
    """The coarsest level of detail within ``tolerance`` degrees (None: the data as it is)."""
    return max((level for level in LEVELS if level <= tolerance), default=None)


def ring_points(country: int, ring: int) -> tuple[Point, ...]:
    """A ring's points as (lon, lat) in degrees."""
    flat = countries()[country].flat[ring]
    return tuple((flat[i] / 100, flat[i + 1] / 100) for i in range(0, len(flat), 2))


@cache
def _ring_runs(country: int, ring: int, level: float | None) -> Runs:
    """A ring at a level of detail, in runs of :data:`RUN` points (each beginning where the one
    before ended), each with its box."""
    points = ring_points(country, ring)
    if level is not None:
        points = tuple(simplify(points, level))
    runs = [points[start:start + RUN + 1] for start in range(0, len(points) - 1, RUN)]
    return tuple((run, _box(run)) for run in runs if len(run) > 1)


def ring_in_view(country: int, ring: int, level: float | None, view: Box) -> list[Point]:
    """A ring at a level of detail, each run lying wholly outside ``view`` replaced by its two ends.
    What the ring fills inside the view is unchanged: the run and the segment replacing it both
    lie in the run's box, so the loop they make encloses nothing of the view."""
    points: list[Point] = []
    for run, box in _ring_runs(country, ring, level):
        kept = run if _overlap(box, view) else (run[0], run[-1])
        points.extend(kept if not points else kept[1:])
    return points


def _overlap(a: Box, b: Box) -> bool:
    return a[0] <= b[2] and a[2] >= b[0] and a[1] <= b[3] and a[3] >= b[1]


def _box(points: tuple[Point, ...]) -> Box:
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    return min(lons), min(lats), max(lons), max(lats)


@cache
def countries() -> tuple[Country, ...]:
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    return tuple(Country(country["name"], tuple(country["rings"]),
                         tuple((w / 100, s / 100, e / 100, n / 100) for w, s, e, n in country["boxes"]))
                 for country in data["countries"])


def source() -> str:
    """Where the outlines come from, as the map's caption credits them."""
    return str(json.loads(DATA_FILE.read_text(encoding="utf-8"))["source"])
