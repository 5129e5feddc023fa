"""The checked briefing: every source, entity, topic and judgment, with the indexes pages need.

``check`` builds one :class:`Briefing` after all files validated; pages and exports only
read it. Lookups that several pages share (which facts cite a source, which facts name an
entity, which judgments rest on a fact) are computed here once.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property

from generator.model import Entity, Fact, Judgment, Source, Topic, last_day, newest_date

#: A judgment reviewed more than this long after the newest date of the facts it rests on
#: says so to readers: its bottom line may be older than its review date suggests.
EVIDENCE_AGE_NOTED = timedelta(days=365)


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
    judgments: list[Judgment] = field(default_factory=list)

    @cached_property
    def topic_order(self) -> list[str]:
        """Topic ids in navigation order: ``order`` first, then title."""
        return sorted(
            self.topics,
            key=lambda tid: (self.topics[tid].order is None, self.topics[tid].order or 0, tid),
        )

    @cached_property
    def facts(self) -> dict[str, PlacedFact]:
        """Every fact by id, in topic order (retired ones too: their anchors stay)."""
        return {
            fact.id: PlacedFact(topic_id, fact)
            for topic_id in self.topic_order
            for fact in self.topics[topic_id].facts
        }

    @cached_property
    def current_facts(self) -> list[PlacedFact]:
        """The facts the briefing stands by: every fact but the retired, in topic order."""
        return [placed for placed in self.facts.values() if not placed.fact.retired]

    @cached_property
    def facts_citing(self) -> dict[str, list[PlacedFact]]:
        """Source id -> the current facts that cite it."""
        index: dict[str, list[PlacedFact]] = defaultdict(list)
        for placed in self.current_facts:
            for source_id in placed.fact.sources:
                index[source_id].append(placed)
        return dict(index)

    @cached_property
    def facts_by_entity(self) -> dict[str, dict[str, list[PlacedFact]]]:
        """Entity id -> role (``about``, ``asserts``, ``denies``) -> current facts."""
        index: dict[str, dict[str, list[PlacedFact]]] = defaultdict(lambda: defaultdict(list))
        for placed in self.current_facts:
            fact = placed.fact
            for role, ids in (("about", fact.entities), ("asserts", fact.attributed_to),
                              ("denies", fact.denied_by)):
                for entity_id in dict.fromkeys(ids):
                    index[entity_id][role].append(placed)
        return {key: dict(value) for key, value in index.items()}

    @cached_property
    def dated_facts(self) -> list[PlacedFact]:
        """Current facts with a date, oldest first (a partial date sorts before the full dates of
        its period)."""
        dated = [p for p in self.current_facts if p.fact.date]
        return sorted(dated, key=lambda p: (p.fact.date or "", p.topic_id, p.id))

    @cached_property
    def contradictions(self) -> list[PlacedFact]:
        """Current facts whose sources contradict each other."""
        return [p for p in self.current_facts if p.fact.contradicted]

    @cached_property
    def judgments_on(self) -> dict[str, dict[str, list[Judgment]]]:
        """Fact id -> ``supports`` / ``cuts_against`` -> the judgments that name it so."""
        index: dict[str, dict[str, list[Judgment]]] = defaultdict(lambda: defaultdict(list))
        for judgment in self.judgments:
            for role in ("supports", "cuts_against"):
                for fact_id in dict.fromkeys(getattr(judgment, role)):
                    index[fact_id][role].append(judgment)
        return {key: dict(value) for key, value in index.items()}

    @cached_property
    def judgments_by_id(self) -> dict[str, Judgment]:
        """Judgment id -> the judgment."""
        return {judgment.id: judgment for judgment in self.judgments}

    @cached_property
    def evidence_until(self) -> dict[str, str | None]:
        """Judgment id -> the newest ``date`` among the facts it rests on, as the facts write it
        (None when none of them is dated)."""
        facts = self.facts
        return {judgment.id: newest_date(facts[f].fact.date for f in judgment.supports if f in facts)
                for judgment in self.judgments}

    def judgments_of_topic(self, topic_id: str) -> list[Judgment]:
        return [j for j in self.judgments if topic_id in j.topics]


def reviewed_long_after(reviewed: str, evidence_until: str | None) -> bool:
    """Whether a review on ``reviewed`` came more than :data:`EVIDENCE_AGE_NOTED` after the last
    day the newest evidence (``evidence_until``, a partial date) covers."""
    if not evidence_until:
        return False
    return date.fromisoformat(reviewed) - last_day(evidence_until) > EVIDENCE_AGE_NOTED
