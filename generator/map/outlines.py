"""The countries' outlines the maps draw: ``data/countries.json`` (Natural Earth, prepared once
by :mod:`generator.map.prepare`) -> rings in degrees, read once per process."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from generator.map.simplify import Point

DATA_FILE = Path(__file__).parent / "data" / "countries.json"


@dataclass(frozen=True)
class Country:
    """One country of Natural Earth: its name there and its outer rings as (lon, lat)."""

    name: str
    rings: tuple[tuple[Point, ...], ...]
    #: west, south, east, north of each ring
    boxes: tuple[tuple[float, float, float, float], ...]


@cache
def countries() -> tuple[Country, ...]:
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    result = []
    for country in data["countries"]:
        rings = tuple(tuple((float(lon), float(lat)) for lon, lat in ring) for ring in country["rings"])
        boxes = tuple((min(p[0] for p in r), min(p[1] for p in r), max(p[0] for p in r), max(p[1] for p in r))
                      for r in rings)
        result.append(Country(country["name"], rings, boxes))
    return tuple(result)


def source() -> str:
    """Where the outlines come from, as the map's caption credits them."""
    return str(json.loads(DATA_FILE.read_text(encoding="utf-8"))["source"])
