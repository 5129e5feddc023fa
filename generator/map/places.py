"""The briefing's places as the maps show them: each located place with the current facts that
name it, and the countries the briefing names, matched to Natural Earth's outlines."""

from __future__ import annotations

from functools import cache

from generator.briefing import Briefing, PlacedFact
from generator.map.draw import MapPlace
from generator.map.outlines import countries
from generator.model import Entity


def located(briefing: Briefing) -> list[tuple[str, Entity]]:
    """Every place with a location, by name."""
    return sorted(((eid, e) for eid, e in briefing.entities.items() if e.location is not None),
                  key=lambda item: (item[1].name.lower(), item[0]))


def current_facts(briefing: Briefing, entity_id: str) -> list[PlacedFact]:
    """The current facts naming an entity in any role, each once: those about it, then those it
    asserts, then those it denies, each role in the briefing's order."""
    seen: dict[str, PlacedFact] = {}
    for facts in briefing.facts_by_entity.get(entity_id, {}).values():
        for placed in facts:
            seen.setdefault(placed.id, placed)
    return list(seen.values())


def map_place(briefing: Briefing, entity_id: str, href: str) -> MapPlace:
    entity = briefing.entities[entity_id]
    assert entity.location is not None
    return MapPlace(entity_id, entity.name, float(entity.location.lon), float(entity.location.lat),
                    len(current_facts(briefing, entity_id)), href)


@cache
def _outline_names() -> dict[str, str]:
    return {country.name.lower(): country.name for country in countries()}


def named_countries(briefing: Briefing) -> frozenset[str]:
    """The Natural Earth names of the countries the briefing names: an entity of kind ``country``
    whose name or an alias is the name Natural Earth gives it."""
    names = _outline_names()
    return frozenset(names[word.lower()] for e in briefing.entities.values() if e.kind == "country"
                     for word in (e.name, *e.aliases) if word.lower() in names)
