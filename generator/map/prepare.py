"""Run once, by hand: Natural Earth's country outlines (TopoJSON) -> ``data/countries.json``.

The outlines come from the npm package ``world-atlas`` (Natural Earth's Admin 0 countries,
1:50m, as TopoJSON; see ``data/README.md`` for the version and licence). This script decodes
the topology into one list of rings per country, drops what the maps never show at their
sizes (points within 0.05° of the line kept, islets under 0.25° across) and writes each ring
as one flat list of whole hundredths of a degree (about a kilometre), ``[lon, lat, lon, lat,
…]``, with its box (west, south, east, north), so the committed file stays small and is read
in milliseconds. The build reads only the result (:mod:`generator.map.outlines`).

    python -m generator.map.prepare path/to/world-atlas/countries-50m.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from generator.map.outlines import DATA_FILE
from generator.map.simplify import Point, simplify

TOLERANCE = 0.05
#: Rings smaller than this across (degrees, either way) are dropped: islets no map here shows.
SMALLEST = 0.25
SOURCE = "Natural Earth 4.1.0, Admin 0 countries 1:50m (public domain), via world-atlas 2.0.2"


def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    """The topology's arcs as lists of (lon, lat): delta-decoded and un-quantised."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs: list[list[Point]], indexes: list[int]) -> list[Point]:
    """One ring stitched from its arcs (a negative index ``~i`` is arc ``i`` reversed)."""
    points: list[Point] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def unwrap(points: list[Point]) -> list[Point]:
    """A ring that crosses the antimeridian (Russia's Chukotka, Fiji) made continuous: each point's
    longitude moved by 360° where that keeps it beside the point before; east of 180° then."""
    result = [points[0]]
    for lon, lat in points[1:]:
        previous = result[-1][0]
        while lon - previous > 180:
            lon -= 360
        while previous - lon > 180:
            lon += 360
        result.append((lon, lat))
    if min(lon for lon, _ in result) < -180:
        result = [(lon + 360, lat) for lon, lat in result]
    return result


def countries(topology: dict[str, Any]) -> list[dict[str, Any]]:
    arcs = decode_arcs(topology)
    result = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = {"Polygon": [geometry.get("arcs", [])], "MultiPolygon": geometry.get("arcs", [])}.get(
            geometry["type"], [])
        rings: list[list[int]] = []
        boxes: list[list[int]] = []
        for polygon in polygons:
            for indexes in polygon[:1]:  # outer rings only: lakes are not drawn
                kept = simplify(unwrap(ring(arcs, indexes)), TOLERANCE)
                lons, lats = [round(lon * 100) for lon, _ in kept], [round(lat * 100) for _, lat in kept]
                if len(kept) >= 4 and max(max(lons) - min(lons), max(lats) - min(lats)) >= SMALLEST * 100:
                    rings.append([value for pair in zip(lons, lats, strict=True) for value in pair])
                    boxes.append([min(lons), min(lats), max(lons), max(lats)])
        if rings:
            result.append({"name": geometry["properties"]["name"], "id": geometry.get("id"), "boxes": boxes,
                           "rings": rings})
    return sorted(result, key=lambda country: country["name"])


def main(path: str) -> None:
    topology = json.loads(Path(path).read_text(encoding="utf-8"))
    data = {"source": SOURCE, "countries": countries(topology)}
    lines = [json.dumps(country, separators=(",", ":"), ensure_ascii=False) for country in data["countries"]]
    text = '{"source":' + json.dumps(SOURCE) + ',"countries":[\n' + ",\n".join(lines) + "\n]}\n"
    DATA_FILE.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
