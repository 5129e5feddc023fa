"""generator/map/outlines.py: Natural Earth's outlines as committed, and a ring cut to a map's view
filling exactly what the whole ring fills inside that view, with far fewer points."""

from __future__ import annotations

from generator.map.outlines import DATA_FILE, countries, level_for, ring_in_view, ring_points
from generator.map.simplify import Point


def inside(point: Point, ring: list[Point]) -> bool:
    """Even-odd point in polygon."""
    x, y = point
    result = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            result = not result
    return result


def test_the_data_names_its_source_and_holds_the_briefings_countries() -> None:
    assert "Natural Earth" in DATA_FILE.read_text(encoding="utf-8")[:200]
    names = {country.name for country in countries()}
    assert {"Russia", "North Korea", "South Korea", "China", "Ukraine", "Iran"} <= names


def test_a_ring_cut_to_a_view_fills_the_same_inside_it() -> None:
    number = next(i for i, c in enumerate(countries()) if c.name == "Russia")
    russia = countries()[number]
    ring = max(range(len(russia.flat)), key=lambda i: len(russia.flat[i]))
    whole = list(ring_points(number, ring))
    view = (126.0, 38.0, 136.0, 47.0)  # around Rason and Vladivostok
    cut = ring_in_view(number, ring, None, view)
    assert len(cut) < len(whole) / 5
    samples = [(126.0 + i * 0.25, 38.0 + j * 0.25) for i in range(41) for j in range(37)]
    assert [inside(p, cut) for p in samples] == [inside(p, whole) for p in samples]
    assert any(inside(p, whole) for p in samples) and not all(inside(p, whole) for p in samples)


def test_a_map_gets_the_coarsest_detail_its_scale_cannot_tell_apart() -> None:
    assert level_for(0.05) is None  # the data as it is
    assert level_for(0.15) == 0.1
    assert level_for(5.0) == 0.8
