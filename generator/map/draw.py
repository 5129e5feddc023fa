"""The maps as inline SVG, drawn at build time: the map page's map (with its inset where places
crowd) and the small locator map of a place's page.

Nothing is fetched and nothing runs in the reader's browser: the country outlines are
Natural Earth's (``outlines``), projected (``projection``) and simplified to the pixels each
map shows (``outlines``, once per level of detail); places crowded on the main map are drawn again in an inset
(``inset``); labels are placed where they collide with nothing (``labels``). Each mark links
to its place's page and names it, with its number of current facts, in its tooltip and
``aria-label``. Colours come from CSS (``bf-map__…`` classes, Material's colour variables), so
the maps follow the light and dark schemes. Every element is built with ``xml.etree`` (see
``chart.svg``), so names from the YAML only ever reach the page as text.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache

from generator.chart.svg import number, svg_root, text
from generator.map.inset import inset_group
from generator.map.labels import CHAR_WIDTH, FONT_SIZE, Box, Mark, place_labels
from generator.map.outlines import countries, level_for, ring_in_view
from generator.map.projection import EARTH_RADIUS_KM, Bounds, Projection
from generator.vocabulary import plural

WIDTH, HEIGHT = 600.0, 380.0
INSET_WIDTH, INSET_HEIGHT = 320.0, 280.0
LOCATOR_WIDTH, LOCATOR_HEIGHT = 240.0, 150.0
MARGIN = 24.0
R_MIN, R_MAX = 4.0, 12.0
#: Most labels one map places (its places with the most facts first): more could not be read, and
#: every place is named by its mark's tooltip and in the list below the map.
MAX_LABELS = 40
#: The main map's labels are placed for the size a narrow screen shows them at (``map.css`` draws
#: them at 12 units, or at this size below 30em, where the map is drawn at about half scale): a
#: label drawn smaller stays inside the box it was placed for, since it keeps its anchor.
MAIN_LABEL_FONT = 20.0
#: Outlines are drawn at a level of detail of at most this many pixels.
PIXEL_TOLERANCE = 1.0


@dataclass(frozen=True)
class MapPlace:
    """A located place as the maps show it: where it is, how many current facts name it, and
    the link to its page (as written on the page the map is on)."""

    id: str
    name: str
    lon: float
    lat: float
    facts: int
    href: str

    @property
    def words(self) -> str:
        return f"{self.name}: {plural(self.facts, 'current fact')}"


def radius(facts: int, most: int) -> float:
    """A mark's radius: its area grows with the number of current facts naming the place."""
    return R_MIN + (R_MAX - R_MIN) * math.sqrt(facts / most) if most else R_MIN


@dataclass(frozen=True)
class Panel:
    """One drawn map: its projection and the places on it, with their pixel positions."""

    projection: Projection
    places: list[MapPlace]


def main_panels(places: Sequence[MapPlace]) -> tuple[Panel, Panel | None]:
    """The main map of every place and, when some crowd it, the inset of the crowded ones
    (they are drawn in the inset only)."""
    bounds = Bounds.around([(p.lon, p.lat) for p in places], pad=0.12, least=12.0)
    projection = Projection(bounds, WIDTH, HEIGHT, MARGIN)
    group = set(inset_group([projection(p.lon, p.lat) for p in places]))
    if not group:
        return Panel(projection, list(places)), None
    crowded = [p for i, p in enumerate(places) if i in group]
    inset_bounds = Bounds.around([(p.lon, p.lat) for p in crowded], pad=0.3, least=0.8)
    inset = Panel(Projection(inset_bounds, INSET_WIDTH, INSET_HEIGHT, MARGIN), crowded)
    return Panel(projection, [p for i, p in enumerate(places) if i not in group]), inset


@lru_cache(maxsize=4)
def map_figure(places: tuple[MapPlace, ...], named: frozenset[str], caption: str) -> str:
    """The map page's figure: the main map, its inset where places crowd, and the caption (as
    one line of HTML). ``named`` are the Natural Earth names of the countries the briefing names.
    Kept for the same places: the preview plans the map page again on every edit."""
    if not places:
        return ""
    most = max(p.facts for p in places)
    main, inset = main_panels(places)
    figure = ET.Element("figure", {"class": "bf-map"})
    panels = ET.SubElement(figure, "div", {"class": "bf-map__panels"})
    inset_box = None
    if inset is not None:
        inset_box = _area_of(main.projection, inset.projection)
    names = ", ".join(p.name for p in main.places)
    svg = svg_root(WIDTH, HEIGHT, "bf-map__svg bf-map__svg--main", "bf-map-main", "Map of the briefing's places",
                   f"Countries the briefing names are shaded darker. Marks: {names or 'none outside the inset'}; "
                   "each mark's size grows with the number of current facts naming the place, and it links to "
                   "the place's page." + (" The boxed area is drawn larger in the inset." if inset else ""))
    _draw(svg, main, named, most, "bf-map-main", inset_box, font=MAIN_LABEL_FONT)
    panels.append(svg)
    if inset is not None:
        svg = svg_root(INSET_WIDTH, INSET_HEIGHT, "bf-map__svg bf-map__svg--inset", "bf-map-inset",
                       "Inset: " + ", ".join(p.name for p in inset.places),
                       "The boxed area of the main map, drawn larger: these places lie close together.")
        corners = [(0.0, 0.0, 70.0, 26.0), (0.0, INSET_HEIGHT - 34, 110.0, INSET_HEIGHT)]  # heading, scale bar
        _draw(svg, inset, named, most, "bf-map-inset", None, avoid=corners)
        _scale_bar(svg, inset.projection)
        text(svg, 10, 18, "Inset", **{"class": "bf-map__heading", "aria-hidden": "true", "font-weight": "700"})
        panels.append(svg)
    ET.SubElement(figure, "figcaption").text = caption
    return ET.tostring(figure, encoding="unicode", short_empty_elements=True)


@lru_cache(maxsize=1024)
def locator_figure(place: MapPlace, named: frozenset[str], caption: str) -> str:
    """A small map of where one place is, in its region (as one line of HTML); kept, like the map."""
    bounds = Bounds.around([(place.lon, place.lat)], pad=0.0, least=14.0)
    panel = Panel(Projection(bounds, LOCATOR_WIDTH, LOCATOR_HEIGHT), [place])
    figure = ET.Element("figure", {"class": "bf-map bf-map--locator"})
    svg = svg_root(LOCATOR_WIDTH, LOCATOR_HEIGHT, "bf-map__svg bf-map__svg--locator", "bf-locator",
                   f"Where {place.name} is", f"A mark at {place.name} on a map of its region.")
    _draw(svg, panel, named, 0, "bf-locator", None, labelled=False)
    figure.append(svg)
    ET.SubElement(figure, "figcaption").text = caption
    return ET.tostring(figure, encoding="unicode", short_empty_elements=True)


#: Lengths a scale bar may show, in kilometres.
SCALE_STEPS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000)


def scale_length(projection: Projection, most_px: float = 90.0) -> tuple[int, float]:
    """The longest round length (km) whose bar fits in ``most_px`` pixels, and its length in pixels
    (along the middle latitude, where the projection keeps proportions)."""
    px_per_km = projection.scale / (math.pi * EARTH_RADIUS_KM / 180)
    km = max((step for step in SCALE_STEPS if step * px_per_km <= most_px), default=SCALE_STEPS[0])
    return km, km * px_per_km


def _scale_bar(svg: ET.Element, projection: Projection) -> None:
    km, length = scale_length(projection)
    group = ET.SubElement(svg, "g", {"class": "bf-map__scale", "aria-hidden": "true"})
    x, y = 12.0, projection.height - 12
    ET.SubElement(group, "line", {"x1": number(x), "x2": number(x + length), "y1": number(y), "y2": number(y)})
    text(group, x, y - 5, f"{km} km")


def _area_of(outer: Projection, inner: Projection) -> Box:
    """The inner map's view, as a box on the outer map (at least a few pixels each way)."""
    b = inner.bounds
    x1, y1 = outer(b.west, b.north)
    x2, y2 = outer(b.east, b.south)
    cx, cy = (x1 + x2) / 2, (y1 + y2) / 2
    half_w, half_h = max((x2 - x1) / 2, 6.0), max((y2 - y1) / 2, 6.0)
    return cx - half_w, cy - half_h, cx + half_w, cy + half_h


def _draw(svg: ET.Element, panel: Panel, named: Collection[str], most: int, prefix: str,
          inset_box: Box | None, *, labelled: bool = True, avoid: Sequence[Box] = (),
          font: float = FONT_SIZE) -> None:
    projection = panel.projection
    width, height = projection.width, projection.height
    ET.SubElement(svg, "rect", {"class": "bf-map__sea", "width": number(width), "height": number(height)})
    clip = ET.SubElement(ET.SubElement(svg, "defs"), "clipPath", {"id": f"{prefix}-clip"})
    ET.SubElement(clip, "rect", {"width": number(width), "height": number(height)})
    land = ET.SubElement(svg, "g", {"class": "bf-map__land", "clip-path": f"url(#{prefix}-clip)",
                                    "aria-hidden": "true"})
    for country, d in outline_paths(projection):
        css = "bf-map__country bf-map__country--named" if country in named else "bf-map__country"
        ET.SubElement(land, "path", {"class": css, "d": d})
    avoid = list(avoid)
    if inset_box is not None:
        left, top, right, bottom = inset_box
        area = ET.SubElement(svg, "g", {"class": "bf-map__inset-area", "aria-hidden": "true"})
        ET.SubElement(area, "rect", {"x": number(left), "y": number(top), "width": number(right - left),
                                     "height": number(bottom - top)})
        words = "Inset"
        text(area, right + 3, bottom + font, words)
        avoid += [inset_box, (right + 3, bottom, right + 3 + len(words) * font * CHAR_WIDTH, bottom + font + 3)]
    marks = []
    order = sorted(panel.places, key=lambda p: (-p.facts, p.name))
    for place in order:
        x, y = projection(place.lon, place.lat)
        marks.append(Mark(x, y, radius(place.facts, most) if most else 5.0, place.name))
    labels = place_labels(marks[:MAX_LABELS], (2.0, 2.0, width - 2, height - 2), font, avoid,
                          others=marks[MAX_LABELS:]) if labelled else []
    group = ET.SubElement(svg, "g", {"class": "bf-map__marks"})
    for index, (place, mark) in enumerate(zip(order, marks, strict=True)):
        link = ET.SubElement(group, "a", {"xlink:href": place.href, "aria-label": place.words,
                                          "class": "bf-map__link", "data-place": place.id})
        ET.SubElement(link, "title").text = place.words
        ET.SubElement(link, "circle", {"class": "bf-map__mark", "cx": number(mark.x), "cy": number(mark.y),
                                       "r": number(mark.r)})
        label = labels[index] if index < len(labels) else None
        if label is not None:
            text(link, label.x, label.y, place.name, **{"class": "bf-map__label", "text-anchor": label.anchor})


def outline_paths(projection: Projection) -> list[tuple[str, str]]:
    """Each country in view as (its Natural Earth name, SVG path data), at the detail the map's
    scale shows (a point per :data:`PIXEL_TOLERANCE` pixels at most) and with what lies far outside
    the view cut away (``outlines.ring_in_view``), so a small map projects only what it shows."""
    b = projection.bounds
    pad = (b.north - b.south) * 0.5
    view = (b.west - pad, b.south - pad, b.east + pad, b.north + pad)
    level = level_for(PIXEL_TOLERANCE / projection.scale)
    result = []
    for number_of, country in enumerate(countries()):
        parts = []
        for index, box in enumerate(country.boxes):
            if not b.holds(box):
                continue
            points = [projection(lon, lat) for lon, lat in ring_in_view(number_of, index, level, view)]
            if len(points) < 4:
                continue
            parts.append("M" + " ".join(f"{number(x)},{number(y)}" for x, y in points[:-1]) + "Z")
        if parts:
            result.append((country.name, "".join(parts)))
    return result
