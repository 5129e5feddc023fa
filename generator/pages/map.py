"""The map page: every located place on a map drawn at build time (``map.draw``), and below it the
same places as text, the map's text alternative: each place with its coordinates, the reference
they were read from, and the current facts that name it with their statuses and dates.

Past ``list_page_facts`` facts in all, each place gives its number of facts and links to its
page instead of listing them (its page lists them, split as long lists are). Each place's
heading anchor is ``place_<id>`` ("_" is never in a fact id, so no anchor clashes); without
entity pages the map's marks link to these headings.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache
from typing import Any

from generator.map.draw import map_figure
from generator.map.places import current_facts, located, map_place, named_countries
from generator.pages.plan import Plan
from generator.pages.spec import PageSpec
from generator.render import Md
from generator.urls import MAP, entity_uri, relative, source_uri
from generator.vocabulary import plural

URI = MAP


def place_anchor(entity_id: str) -> str:
    return f"place_{entity_id}"


def coordinates(lat: float, lon: float) -> str:
    """Coordinates as readers read them: 39.01944° N, 125.73806° E."""
    return f"{_degrees(lat)}° {'N' if lat >= 0 else 'S'}, {_degrees(lon)}° {'E' if lon >= 0 else 'W'}"


def _degrees(value: float) -> str:
    return f"{abs(value):.5f}".rstrip("0").rstrip(".")


def site_link(plan: Plan, uri: str, from_uri: str, anchor: str = "") -> str:
    """A page's public address relative to another page's, as an SVG link is written: MkDocs
    rewrites the links of Markdown, not those inside raw HTML, and a relative link works on the
    preview as on the published site."""
    return replace(plan.urls, base_url=None).link_from(uri, from_uri, anchor)


@lru_cache(maxsize=2)
def named_of(plan: Plan) -> frozenset[str]:
    """The countries the plan's briefing names, once per plan (every locator map shades them)."""
    return named_countries(plan.briefing)


def map_pages(plan: Plan) -> Iterator[PageSpec]:
    places = located(plan.briefing)
    if not places:
        return
    b, pages = plan.briefing, plan.settings.features.entities
    facts = {eid: current_facts(b, eid) for eid, _ in places}
    listed = sum(len(found) for found in facts.values()) <= plan.list_size

    def href(entity_id: str) -> str:
        return site_link(plan, entity_uri(entity_id), URI) if pages else f"#{place_anchor(entity_id)}"

    rows: list[dict[str, Any]] = []
    for eid, entity in places:
        location = entity.location
        assert location is not None
        source = b.sources.get(location.source)
        rows.append({
            "entity": entity, "anchor": Md(place_anchor(eid)),
            "link": Md(relative(entity_uri(eid), URI)) if pages else None,
            "coordinates": coordinates(float(location.lat), float(location.lon)),
            "source_title": source.title if source else location.source,
            "source_link": Md(relative(source_uri(location.source), URI)),
            "count": len(facts[eid]),
            "facts": plan.fact_views(facts[eid], URI, unlinked=eid) if listed else [],
        })
    drawn = tuple(map_place(b, eid, href(eid)) for eid, _ in places)
    total = sum(row["count"] for row in rows)
    caption = (f"Map of {plural(len(rows), 'place')} the briefing locates, with the countries it names shaded. "
               "A mark's size grows with the number of current facts naming the place; each mark links to "
               "the place. The list below gives every place with its facts in words. Country outlines: "
               "Natural Earth (public domain).")
    yield PageSpec(URI, "map.md.j2", {
        "figure": Md(map_figure(drawn, named_of(plan), caption)), "places": rows, "listed": listed,
        "total": total,
    })
