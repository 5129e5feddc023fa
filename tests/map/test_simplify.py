"""generator/map/simplify.py: Douglas–Peucker keeps the ends and every point farther than the
tolerance from the line kept, and drops the rest."""

from __future__ import annotations

from generator.map.simplify import simplify


def test_points_on_a_line_are_dropped_and_the_ends_kept() -> None:
    assert simplify([(0, 0), (1, 0.01), (2, -0.01), (3, 0)], 0.1) == [(0, 0), (3, 0)]


def test_a_corner_beyond_the_tolerance_is_kept() -> None:
    line = [(0, 0), (1, 0), (2, 2), (3, 0), (4, 0)]
    assert simplify(line, 0.5) == [(0, 0), (1, 0), (2, 2), (3, 0), (4, 0)]
    assert (2, 2) in simplify(line, 1.5) and (2, 2) not in simplify(line, 2.5)


def test_a_closed_ring_keeps_its_shape() -> None:
    square = [(0, 0), (10, 0), (10, 0.1), (10, 10), (0, 10), (0, 0)]
    assert simplify(square, 0.5) == [(0, 0), (10, 0), (10, 10), (0, 10), (0, 0)]


def test_short_lines_are_left_alone() -> None:
    assert simplify([(0, 0), (1, 1)], 5) == [(0, 0), (1, 1)]
