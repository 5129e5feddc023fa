"""generator/map/draw.py: the maps' SVG as a browser parses it: one linked mark per place, names
from the YAML only ever as text, mark sizes by current facts, the inset with its scale bar and
its area outlined on the main map, and a scale bar of a round length."""

from __future__ import annotations

from bs4 import BeautifulSoup

from generator.map.draw import R_MAX, R_MIN, MapPlace, locator_figure, map_figure, radius, scale_length
from generator.map.projection import Bounds, Projection

HOSTILE = "</text><script>alert(1)</script> & <b>bold</b> \"q\" ]]>"


def place(pid: str, lon: float, lat: float, facts: int, name: str | None = None) -> MapPlace:
    return MapPlace(pid, name or pid.title(), lon, lat, facts, f"../entities/{pid}/")


PLACES = (place("leningrad-region", 30.13333, 59.56667, 1, HOSTILE), place("pyongyang", 125.73806, 39.01944, 9),
          place("nampo", 125.4, 38.73333, 3), place("rason", 130.38444, 42.34444, 0))
NONE: frozenset[str] = frozenset()


def test_names_reach_the_svg_only_as_text() -> None:
    soup = BeautifulSoup(map_figure(PLACES, frozenset({"Russia"}), HOSTILE), "html.parser")
    assert not soup.find_all(["script", "b"])
    link = soup.find("a", attrs={"data-place": "leningrad-region"})
    assert link is not None and link["aria-label"].startswith(HOSTILE)
    assert link.find("title").get_text().startswith(HOSTILE)
    assert soup.find("figcaption").get_text() == HOSTILE


def test_one_linked_mark_per_place_sized_by_its_facts() -> None:
    soup = BeautifulSoup(map_figure(PLACES, NONE, "caption"), "html.parser")
    links = soup.select("a.bf-map__link")
    assert sorted(a["data-place"] for a in links) == sorted(p.id for p in PLACES)
    assert all(a["xlink:href"] == f"../entities/{a['data-place']}/" for a in links)
    radii = {a["data-place"]: float(a.find("circle")["r"]) for a in links}
    assert radii["pyongyang"] == R_MAX and radii["rason"] == R_MIN
    assert radii["rason"] < radii["leningrad-region"] < radii["nampo"] < radii["pyongyang"]
    assert radius(0, 0) == R_MIN


def test_the_inset_draws_the_crowded_places_with_a_scale_bar_and_its_area_on_the_main_map() -> None:
    soup = BeautifulSoup(map_figure(PLACES, NONE, "caption"), "html.parser")
    inset = soup.select_one("svg.bf-map__svg--inset")
    assert inset is not None
    assert {a["data-place"] for a in inset.select("a.bf-map__link")} == {"pyongyang", "nampo"}
    assert inset.select_one(".bf-map__scale text").get_text().endswith(" km")
    assert soup.select_one("svg.bf-map__svg--main .bf-map__inset-area rect") is not None


def test_no_places_no_map() -> None:
    assert map_figure((), NONE, "caption") == ""


def test_a_locator_map_marks_its_one_place() -> None:
    soup = BeautifulSoup(locator_figure(PLACES[1], frozenset({"North Korea"}), "Where Pyongyang is."), "html.parser")
    assert len(soup.select("circle.bf-map__mark")) == 1
    assert soup.select("path.bf-map__country--named")  # North Korea, shaded
    assert soup.select_one("a.bf-map__link")["xlink:href"] == "../entities/pyongyang/"


def test_the_scale_bar_is_a_round_length_that_fits() -> None:
    projection = Projection(Bounds(125.0, 38.5, 126.5, 40.0), 320, 280, 24)
    km, px = scale_length(projection, most_px=90)
    assert km in (1, 2, 5, 10, 20, 50, 100) and px <= 90
    assert scale_length(projection, most_px=px * 2.6)[0] > km  # more room, a longer bar
