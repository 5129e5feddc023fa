"""The checked briefing: every source, entity and topic, with the indexes pages need.

``check`` builds one :class:`Briefing` after all files validated; ``pages`` and the
exports only read it. Lookups that several pages share (which facts cite a source, which
facts name an entity) are computed here once.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from generator.model import Entity, Fact, Source, Topic


@dataclass(frozen=True)
class PlacedFact:
    """A fact together with the topic it belongs to."""

    topic_id: str
    fact: Fact

    @property
    def id(self) -> str:
        return self.fact.id


@dataclass
class Briefing:
    """Everything the contributors wrote, validated and cross-checked."""

    sources: dict[str, Source] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    topics: dict[str, Topic] = field(default_factory=dict)

    @cached_property
    def topic_order(self) -> list[str]:
        """Topic ids in navigation order: ``order`` first, then title."""
        return sorted(
            self.topics,
            key=lambda tid: (self.topics[tid].order is None, self.topics[tid].order or 0, tid),
        )

    @cached_property
    def facts(self) -> dict[str, PlacedFact]:
        """Every fact by id, in topic order."""
        return {
            fact.id: PlacedFact(topic_id, fact)
            for topic_id in self.topic_order
            for fact in self.topics[topic_id].facts
        }

    @cached_property
    def facts_citing(self) -> dict[str, list[PlacedFact]]:
        """Source id -> the facts that cite it."""
        index: dict[str, list[PlacedFact]] = defaultdict(list)
        for placed in self.facts.values():
            for source_id in dict.fromkeys(c.source for c in placed.fact.cites):
                index[source_id].append(placed)
        return dict(index)

    @cached_property
    def facts_by_entity(self) -> dict[str, dict[str, list[PlacedFact]]]:
        """Entity id -> role (``about``, ``asserts``, ``denies``) -> facts."""
        index: dict[str, dict[str, list[PlacedFact]]] = defaultdict(lambda: defaultdict(list))
        for placed in self.facts.values():
            fact = placed.fact
            for role, ids in (("about", fact.entities), ("asserts", fact.attributed_to),
                              ("denies", fact.denied_by)):
                for entity_id in dict.fromkeys(ids):
                    index[entity_id][role].append(placed)
        return {key: dict(value) for key, value in index.items()}

    @cached_property
    def dated_facts(self) -> list[PlacedFact]:
        """Facts with a date, oldest first (partial dates sort before full ones of the same period)."""
        dated = [p for p in self.facts.values() if p.fact.date]
        return sorted(dated, key=lambda p: (p.fact.date or "", p.topic_id, p.id))

    @cached_property
    def disagreements(self) -> list[PlacedFact]:
        """Facts whose citations give different values."""
        return [p for p in self.facts.values() if p.fact.sources_disagree]
