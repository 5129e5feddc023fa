"""The inset rule: which places crowd on the main map, and so are drawn again, larger, in an inset.

Places crowd when their marks on the main map would lie closer than :data:`CROWDED_PX`
pixels: their labels could not all be read there. Crowding is transitive (single linkage: A
near B and B near C put A, B and C in one group). The largest crowded group, if any, gets the
inset; its places are drawn in the inset only, and the main map outlines the inset's area.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.map.simplify import Point

#: Marks closer than this on the main map crowd each other.
CROWDED_PX = 20.0


def crowded_groups(points: Sequence[Point], limit: float = CROWDED_PX) -> list[list[int]]:
    """Indexes of the points, in groups of two or more that crowd each other (largest first,
    then by first index); points alone are in no group."""
    parent = list(range(len(points)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (x1, y1) in enumerate(points):
        for j in range(i + 1, len(points)):
            x2, y2 = points[j]
            if (x1 - x2) ** 2 + (y1 - y2) ** 2 < limit * limit:
                parent[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(points)):
        groups.setdefault(root(i), []).append(i)
    crowded = [group for group in groups.values() if len(group) > 1]
    return sorted(crowded, key=lambda group: (-len(group), group[0]))


def inset_group(points: Sequence[Point], limit: float = CROWDED_PX) -> list[int]:
    """The places the inset shows: the largest crowded group (none when nothing crowds)."""
    groups = crowded_groups(points, limit)
    return groups[0] if groups else []
