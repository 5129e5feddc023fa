"""Entity pages and their index: the current facts about each entity, asserted by it and
denied by it; past ``list_page_facts`` facts, the page gives their numbers and each role's
facts get list pages of their own. An entity's own name is never a link on its pages. A
located place's page shows a small locator map (``map.draw``), captioned with its
coordinates and the reference they were read from."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.map.draw import locator_figure
from generator.map.places import map_place
from generator.pages.map import coordinates, named_of, place_anchor, site_link
from generator.pages.paginate import list_pages
from generator.pages.plan import Plan
from generator.pages.spec import ListSpec, PageSpec
from generator.render import Md
from generator.urls import ENTITIES, MAP, entity_role_uri, entity_uri, relative, source_uri
from generator.vocabulary import plural

INDEX = ENTITIES
#: The roles an entity plays in facts, as its page heads each list.
ENTITY_ROLES = {"about": "Facts about", "asserts": "Facts asserted by", "denies": "Facts denied by"}


def entity_pages(plan: Plan) -> Iterator[PageSpec]:
    if not plan.settings.features.entities:
        return
    yield entities_index(plan)
    for entity_id in sorted(plan.briefing.entities):
        yield from entity_page(plan, entity_id)


def entities_index(plan: Plan) -> PageSpec:
    b = plan.briefing
    kinds: dict[str, list[dict[str, Any]]] = {}
    for eid, entity in sorted(b.entities.items(), key=lambda item: item[1].name.lower()):
        roles = b.facts_by_entity.get(eid, {})
        kinds.setdefault(entity.kind, []).append({
            "entity": entity, "link": Md(relative(entity_uri(eid), INDEX)),
            "facts": len({p.id for facts in roles.values() for p in facts}),
        })
    return PageSpec(INDEX, "entities_index.md.j2", {"kinds": kinds})


def locator(plan: Plan, entity_id: str, uri: str) -> dict[str, Any]:
    """A located place's locator map, its coordinates and where they were read (None otherwise)."""
    location = plan.briefing.entities[entity_id].location
    if location is None:
        return {"locator": None, "location": None}
    source = plan.briefing.sources.get(location.source)
    words = coordinates(float(location.lat), float(location.lon))
    place = map_place(plan.briefing, entity_id, site_link(plan, MAP, uri, place_anchor(entity_id)))
    caption = f"Where {place.name} is. Country outlines: Natural Earth."
    return {"locator": Md(locator_figure(place, named_of(plan), caption)),
            "location": {"coordinates": words, "source_title": source.title if source else location.source,
                         "source_link": Md(relative(source_uri(location.source), uri)),
                         "map_link": Md(relative(f"{MAP}#{place_anchor(entity_id)}", uri))}}


def entity_page(plan: Plan, entity_id: str) -> Iterator[PageSpec]:
    uri = entity_uri(entity_id)
    entity = plan.briefing.entities[entity_id]
    roles = plan.briefing.facts_by_entity.get(entity_id, {})
    split = sum(len(placed) for placed in roles.values()) > plan.list_size
    yield PageSpec(uri, "entity.md.j2", {
        "entity": entity, "headings": ENTITY_ROLES,
        "roles": {role: [] if split else [plan.fact_view(p, uri, unlinked=entity_id) for p in roles.get(role, [])]
                  for role in ENTITY_ROLES},
        "counts": {role: len(roles.get(role, [])) for role in ENTITY_ROLES},
        "role_pages": {role: Md(relative(entity_role_uri(entity_id, role), uri))
                       for role in ENTITY_ROLES if roles.get(role)} if split else {},
        **locator(plan, entity_id, uri),
    })
    if not split:
        return
    for role, heading in ENTITY_ROLES.items():
        if roles.get(role):
            yield from list_pages(plan, entity_role_uri(entity_id, role), roles[role], ListSpec(
                title=f"{heading} {entity.name}", description=f"{heading} {entity.name}.",
                intro=f"{plural(len(roles[role]), 'fact')}.", style="line", back=(entity.name, uri)),
                unlinked=entity_id)
