"""The map as a reader and a reuser meet it in the built site: the Map page in the navigation, its
inline SVG (one mark per located place, each linking to a page that exists, nothing fetched from
another host, no script), its text alternative (every place with every current fact naming it),
its size; each place's locator map; `places.geojson` (RFC 7946), the location in `facts.json` and
the `geo` of places in the topic pages' JSON-LD."""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup, Tag

from generator.briefing import Briefing
from generator.check import require_briefing
from generator.map.places import current_facts, located
from generator.vocabulary import STATUS_LABELS, date_label
from tests.conftest import REPO
from tests.exports.test_jsonld import jsonld_in

PLACES = {"leningrad-region", "liberation-monument", "nampo", "pyongyang", "rason", "yongbyon"}


@pytest.fixture(scope="module")
def briefing() -> Briefing:
    return require_briefing(REPO)[0]


def html(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def resolves(site: Path, page: str, href: str) -> bool:
    """Whether a relative link on ``page`` (a folder of the site) leads to a built page (and anchor)."""
    path, _, anchor = href.partition("#")
    target = site / posixpath.normpath(posixpath.join(page, path)) if path else site / page
    file = target / "index.html" if target.is_dir() else target
    if not file.is_file():
        return False
    return not anchor or f'id="{anchor}"' in file.read_text(encoding="utf-8")


def marks(soup: BeautifulSoup) -> list[Tag]:
    return soup.select("figure.bf-map a.bf-map__link")


def test_the_map_page_is_in_the_navigation(built_site: Path) -> None:
    nav = [a.get_text(strip=True) for a in html(built_site, "").select(".md-nav--primary a")]
    assert "Map" in nav


def test_one_mark_per_located_place_each_linking_to_its_page(built_site: Path) -> None:
    soup = html(built_site, "map")
    found = marks(soup)
    assert sorted(a["data-place"] for a in found) == sorted(PLACES)
    for a in found:
        href = a["xlink:href"]
        assert href == f"../entities/{a['data-place']}/", href
        assert resolves(built_site, "map", href), href
        assert a.find("circle") is not None and a.find("title").get_text().startswith(a["aria-label"][:5])


def test_the_inset_holds_the_places_around_pyongyang(built_site: Path) -> None:
    soup = html(built_site, "map")
    inset = {a["data-place"] for a in soup.select("svg.bf-map__svg--inset a.bf-map__link")}
    main = {a["data-place"] for a in soup.select("svg.bf-map__svg--main a.bf-map__link")}
    assert inset == {"liberation-monument", "nampo", "pyongyang", "yongbyon"}
    assert main == {"leningrad-region", "rason"}
    assert soup.select_one("svg.bf-map__svg--main .bf-map__inset-area rect") is not None


def test_marks_grow_with_the_current_facts_naming_the_place(built_site: Path, briefing: Briefing) -> None:
    radius = {a["data-place"]: float(a.find("circle")["r"]) for a in marks(html(built_site, "map"))}
    count = {pid: len(current_facts(briefing, pid)) for pid in PLACES}
    most, least = max(count, key=count.__getitem__), min(count, key=count.__getitem__)
    assert count[most] > count[least] and radius[most] > radius[least]
    for a in marks(html(built_site, "map")):
        assert f"{count[a['data-place']]} current fact" in a["aria-label"]


def test_the_countries_the_briefing_names_are_set_apart(built_site: Path) -> None:
    svg = html(built_site, "map").select_one("svg.bf-map__svg--main")
    assert svg is not None
    assert len(svg.select("path.bf-map__country--named")) >= 5  # Russia, China, the Koreas, Ukraine, Iran
    assert len(svg.select("path.bf-map__country:not(.bf-map__country--named)")) > 10


def test_the_map_fetches_nothing_and_runs_nothing(built_site: Path) -> None:
    figure = html(built_site, "map").select_one("figure.bf-map")
    assert figure is not None
    assert not figure.find_all(["script", "img", "image", "iframe", "foreignObject", "use"])
    for element in figure.find_all(True):
        for name, value in element.attrs.items():
            assert not name.startswith("on"), name
            if name.endswith("href") or name == "src":
                assert not urlparse(str(value)).netloc, value


def test_the_text_alternative_lists_every_place_and_every_fact_with_status_and_date(
        built_site: Path, briefing: Briefing) -> None:
    soup = html(built_site, "map")
    for entity_id, entity in located(briefing):
        heading = soup.find(id=f"place_{entity_id}")
        assert heading is not None and entity.name in heading.get_text()
        section = []
        for sibling in heading.find_next_siblings():
            if sibling.name in ("h2", "h3"):
                break
            section.append(sibling)
        text = " ".join(s.get_text(" ", strip=True) for s in section)
        links = [a["href"] for s in section for a in s.find_all("a", href=True)]
        for placed in current_facts(briefing, entity_id):
            assert any(href.endswith(f"#{placed.id}") for href in links), (entity_id, placed.id)
            assert STATUS_LABELS[placed.fact.status] in text
            if placed.fact.date:
                assert date_label(placed.fact.date) in text
        for href in links:
            assert urlparse(href).netloc or resolves(built_site, "map", href), href


def test_the_map_page_stays_small(built_site: Path) -> None:
    assert (built_site / "map" / "index.html").stat().st_size < 300_000


def test_a_place_page_shows_its_locator_map_and_others_none(built_site: Path) -> None:
    place = html(built_site, "entities/rason")
    figure = place.select_one("figure.bf-map--locator")
    assert figure is not None and len(figure.select("circle.bf-map__mark")) == 1
    link = figure.select_one("a.bf-map__link")["xlink:href"]
    assert resolves(built_site, "entities/rason", link), link
    assert "42.34444° N, 130.38444° E" in place.get_text()
    assert html(built_site, "entities/russia").select_one("figure.bf-map") is None


def test_places_geojson_is_a_feature_collection_of_every_place(built_site: Path, briefing: Briefing) -> None:
    data = json.loads((built_site / "places.geojson").read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection" and set(data) == {"type", "features"}  # RFC 7946: no crs
    features = {f["id"]: f for f in data["features"]}
    assert set(features) == PLACES
    base = "https://example-org.github.io/russia-north-korea-briefing/"
    for entity_id, entity in located(briefing):
        feature = features[entity_id]
        assert feature["type"] == "Feature" and feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]  # RFC 7946: longitude first
        assert entity.location is not None and (lon, lat) == (entity.location.lon, entity.location.lat)
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        properties = feature["properties"]
        assert properties["name"] == entity.name and properties["url"] == f"{base}entities/{entity_id}/"
        facts = current_facts(briefing, entity_id)
        assert properties["fact_ids"] == [p.id for p in facts]
        for url in properties["fact_urls"]:
            assert url.startswith(base)
            assert resolves(built_site, "", url.removeprefix(base)), url


def test_facts_json_gives_each_place_its_location(built_site: Path) -> None:
    entities = json.loads((built_site / "facts.json").read_text(encoding="utf-8"))["entities"]
    assert entities["nampo"]["location"] == {"lat": 38.73333, "lon": 125.4, "source": "wikipedia-nampo"}
    assert "location" not in entities["russia"]


def test_topic_pages_give_places_their_geo(built_site: Path) -> None:
    text = (built_site / "topics" / "livestock-aid" / "index.html").read_text(encoding="utf-8")
    nodes = re.findall(r"\{[^{}]*\"@type\": ?\"Place\"[^{}]*(?:\{[^{}]*\}[^{}]*)?\}", json.dumps(jsonld_in(text)))
    places = [json.loads(node) for node in nodes]
    nampo = next(p for p in places if p["name"] == "Nampo")
    assert nampo["geo"] == {"@type": "GeoCoordinates", "latitude": 38.73333, "longitude": 125.4}
