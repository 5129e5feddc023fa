"""generator/map/projection.py: degrees put on pixels with north up and east right, one scale for
both axes at the view's middle latitude, the view centred in its box; distances on the ground."""

from __future__ import annotations

import math

import pytest

from generator.map.projection import Bounds, Projection, distance_km

VIEW = Bounds(west=120.0, south=30.0, east=140.0, north=50.0)


def test_the_view_is_centred_and_fits_inside_its_margin() -> None:
    projection = Projection(VIEW, 600, 400, margin=20)
    assert projection(130.0, 40.0) == pytest.approx((300, 200))
    corners = [projection(lon, lat) for lon in (VIEW.west, VIEW.east) for lat in (VIEW.south, VIEW.north)]
    assert all(20 - 1e-6 <= x <= 580 + 1e-6 and 20 - 1e-6 <= y <= 380 + 1e-6 for x, y in corners)
    # the view is taller than wide once longitude is shrunk at 40°: its height fills the box
    assert projection(130.0, VIEW.north)[1] == pytest.approx(20)
    assert projection(130.0, VIEW.south)[1] == pytest.approx(380)


def test_north_is_up_and_east_is_right() -> None:
    projection = Projection(VIEW, 600, 400)
    x, y = projection(130.0, 40.0)
    assert projection(131.0, 40.0)[0] > x
    assert projection(130.0, 41.0)[1] < y


def test_a_degree_of_longitude_is_shrunk_by_the_cosine_of_the_middle_latitude() -> None:
    projection = Projection(VIEW, 600, 400)
    lat_px = projection(130.0, 40.0)[1] - projection(130.0, 41.0)[1]
    lon_px = projection(131.0, 40.0)[0] - projection(130.0, 40.0)[0]
    assert lat_px == pytest.approx(projection.scale)
    assert lon_px / lat_px == pytest.approx(math.cos(math.radians(40)))


def test_bounds_around_points_pad_them_and_hold_a_single_point() -> None:
    bounds = Bounds.around([(125.7, 39.0), (125.4, 38.7)], pad=0.5, least=2.0)
    assert bounds.west < 125.4 and bounds.east > 125.7 and bounds.south < 38.7 and bounds.north > 39.0
    assert bounds.north - bounds.south == pytest.approx(4.0)  # at least 2°, padded by half on each side
    alone = Bounds.around([(30.1, 59.6)], pad=0.0, least=14.0)
    assert (alone.east - alone.west, alone.north - alone.south) == pytest.approx((14.0, 14.0))
    assert alone.holds((29.0, 59.0, 31.0, 60.0)) and not alone.holds((100.0, 0.0, 101.0, 1.0))


def test_distances_on_the_ground() -> None:
    assert distance_km((0.0, 0.0), (0.0, 1.0)) == pytest.approx(111.19, abs=0.01)
    pyongyang, nampo, leningrad = (125.73806, 39.01944), (125.4, 38.73333), (30.13333, 59.56667)
    assert 40 < distance_km(pyongyang, nampo) < 50  # Nampo lies some 50 km south-west of Pyongyang
    assert 6000 < distance_km(pyongyang, leningrad) < 7000
