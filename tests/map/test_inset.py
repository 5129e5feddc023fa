"""generator/map/inset.py and the map's panels: places whose marks crowd on the main map go to the
inset, chained (A near B near C), the largest group first; the briefing's four places around
Pyongyang go to the inset, Rason and the Leningrad region stay on the main map."""

from __future__ import annotations

from generator.map.draw import MapPlace, main_panels
from generator.map.inset import CROWDED_PX, crowded_groups, inset_group


def test_places_apart_make_no_group() -> None:
    assert crowded_groups([(0, 0), (100, 0), (0, 100)]) == []
    assert inset_group([(0, 0), (100, 0)]) == []


def test_crowding_chains_and_the_largest_group_is_the_inset() -> None:
    step = CROWDED_PX * 0.9
    points = [(0, 0), (step, 0), (2 * step, 0), (500, 500), (500 + step, 500)]
    assert crowded_groups(points) == [[0, 1, 2], [3, 4]]
    assert inset_group(points) == [0, 1, 2]


def test_just_beyond_the_limit_does_not_crowd() -> None:
    assert crowded_groups([(0, 0), (CROWDED_PX + 0.1, 0)]) == []


#: The briefing's places (entities.yml), as the maps get them.
PLACES = [MapPlace(pid, name, lon, lat, facts, f"../entities/{pid}/") for pid, name, lon, lat, facts in [
    ("leningrad-region", "Leningrad region", 30.13333, 59.56667, 1),
    ("liberation-monument", "Liberation Monument", 125.75833, 39.04028, 2),
    ("nampo", "Nampo", 125.4, 38.73333, 3),
    ("pyongyang", "Pyongyang", 125.73806, 39.01944, 9),
    ("rason", "Rason", 130.38444, 42.34444, 1),
    ("yongbyon", "Yongbyon", 125.75389, 39.8, 1),
]]


def test_the_places_around_pyongyang_are_drawn_in_the_inset_only() -> None:
    main, inset = main_panels(PLACES)
    assert inset is not None
    assert {p.id for p in inset.places} == {"liberation-monument", "nampo", "pyongyang", "yongbyon"}
    assert {p.id for p in main.places} == {"leningrad-region", "rason"}
    # the inset's view holds its places, and is far smaller than the main map's
    b = inset.projection.bounds
    assert all(b.west < p.lon < b.east and b.south < p.lat < b.north for p in inset.places)
    assert (b.east - b.west) * 10 < main.projection.bounds.east - main.projection.bounds.west


def test_without_crowding_there_is_no_inset() -> None:
    main, inset = main_panels([p for p in PLACES if p.id in ("leningrad-region", "rason", "pyongyang")])
    assert inset is None and len(main.places) == 3
