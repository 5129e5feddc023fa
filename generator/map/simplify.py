"""Line simplification the map shares: Douglas–Peucker, for outlines at the detail a map shows.

``prepare`` simplifies Natural Earth's outlines once, in degrees, before they are committed;
``draw`` simplifies them again in pixels for each map, so a small map carries no point it
cannot show. Small enough not to need a geometry library.
"""

from __future__ import annotations

from collections.abc import Sequence

Point = tuple[float, float]


def simplify(points: Sequence[Point], tolerance: float) -> list[Point]:
    """The points of a line (or a ring, first point repeated last) that keep every dropped point
    within ``tolerance`` of the line kept; the first and last points are always kept."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        far, farthest = -1.0, 0
        for index in range(first + 1, last):
            distance = _distance(points[index], points[first], points[last])
            if distance > far:
                far, farthest = distance, index
        if far > tolerance:
            keep[farthest] = True
            stack += [(first, farthest), (farthest, last)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def _distance(point: Point, start: Point, end: Point) -> float:
    """How far ``point`` lies from the segment ``start``–``end``."""
    (x, y), (x1, y1), (x2, y2) = point, start, end
    dx, dy = x2 - x1, y2 - y1
    length = dx * dx + dy * dy
    if length == 0:
        return float(((x - x1) ** 2 + (y - y1) ** 2) ** 0.5)
    t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / length))
    return float(((x - x1 - t * dx) ** 2 + (y - y1 - t * dy) ** 2) ** 0.5)
