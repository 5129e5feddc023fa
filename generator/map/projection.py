"""Where a point of the Earth goes on a map: (lon, lat) in degrees -> (x, y) in pixels.

An equirectangular projection whose horizontal scale is taken at the view's middle latitude
(so shapes near that latitude keep their proportions), fitted into a box of pixels with a
margin: the simplest projection that serves maps of a region, and easy to test. Distances on
the ground (:func:`distance_km`) use the haversine formula.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property

from generator.map.simplify import Point

EARTH_RADIUS_KM = 6371.0


@dataclass(frozen=True)
class Bounds:
    """A view of the Earth in degrees: west, south, east, north."""

    west: float
    south: float
    east: float
    north: float

    @classmethod
    def around(cls, points: list[Point], pad: float, least: float) -> Bounds:
        """The box holding ``points`` with ``pad`` (a share of its size) on each side, at least
        ``least`` degrees of latitude tall and as many of longitude wide, clamped to the globe."""
        lons, lats = [p[0] for p in points], [p[1] for p in points]
        west, east, south, north = min(lons), max(lons), min(lats), max(lats)
        width, height = max(east - west, least), max(north - south, least)
        mid_lon, mid_lat = (west + east) / 2, (south + north) / 2
        width, height = width * (1 + 2 * pad), height * (1 + 2 * pad)
        return cls(max(-180.0, mid_lon - width / 2), max(-85.0, mid_lat - height / 2),
                   min(180.0, mid_lon + width / 2), min(85.0, mid_lat + height / 2))

    def holds(self, box: tuple[float, float, float, float]) -> bool:
        """Whether a (west, south, east, north) box overlaps the view."""
        west, south, east, north = box
        return west <= self.east and east >= self.west and south <= self.north and north >= self.south


@dataclass(frozen=True)
class Projection:
    """``bounds`` drawn into ``width`` × ``height`` pixels (with a ``margin``), centred, one scale
    for both axes after the longitude is shrunk by the cosine of the middle latitude."""

    bounds: Bounds
    width: float
    height: float
    margin: float = 0.0

    @cached_property
    def _shrink(self) -> float:
        return math.cos(math.radians((self.bounds.south + self.bounds.north) / 2))

    @cached_property
    def scale(self) -> float:
        """Pixels per degree of latitude."""
        spans = ((self.bounds.east - self.bounds.west) * self._shrink, self.bounds.north - self.bounds.south)
        return min((self.width - 2 * self.margin) / max(spans[0], 1e-9),
                   (self.height - 2 * self.margin) / max(spans[1], 1e-9))

    @cached_property
    def _terms(self) -> tuple[float, float, float, float]:
        """x = a + lon * kx, y = b - lat * ky."""
        mid_lon = (self.bounds.west + self.bounds.east) / 2
        mid_lat = (self.bounds.south + self.bounds.north) / 2
        kx = self._shrink * self.scale
        return self.width / 2 - mid_lon * kx, kx, self.height / 2 + mid_lat * self.scale, self.scale

    def __call__(self, lon: float, lat: float) -> Point:
        a, kx, b, ky = self._terms
        return a + lon * kx, b - lat * ky


def distance_km(a: Point, b: Point) -> float:
    """The great-circle distance between two (lon, lat) points, in kilometres."""
    lon1, lat1, lon2, lat2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))
