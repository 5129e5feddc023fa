"""The checked briefing's indexes: what pages and exports look up (retired facts kept as anchors,
left out of every list)."""

from __future__ import annotations

from generator.briefing import Briefing
from generator.model import Fact, Judgment, Topic


def fact(fact_id: str, **fields: object) -> Fact:
    return Fact.model_validate({"id": fact_id, "claim": "c", "status": "reported",
                                "cites": [{"source": "a", "locator": "p1"}], **fields})


def briefing() -> Briefing:
    topics = {
        "later": Topic(title="Z", summary="s", order=2, facts=[fact("z1", date="2024-08"), fact("z2", date="2024")]),
        "first": Topic(title="A", summary="s", order=1, facts=[
            fact("a1", date="2024-08-02", entities=["e"], denied_by=["e"]),
            fact("a2", retired="Withdrawn.", date="2023"),
            fact("a3", cites=[{"source": "a", "value": "1"}, {"source": "b", "value": "2"}], status="disputed",
                 difference="contradiction")]),
    }
    judgment = Judgment(id="j", question="q", judgment="j", likelihood="likely", confidence="low", basis="b",
                        supports=["a1", "z1"], cuts_against=["a3"], topics=["later"], reviewed="2024-09-01")
    return Briefing(topics=topics, judgments=[judgment])


def test_facts_come_in_topic_order_and_retired_ones_only_as_anchors() -> None:
    b = briefing()
    assert b.topic_order == ["first", "later"]
    assert list(b.facts) == ["a1", "a2", "a3", "z1", "z2"]
    assert [p.id for p in b.current_facts] == ["a1", "a3", "z1", "z2"]
    assert [p.id for p in b.dated_facts] == ["z2", "z1", "a1"]  # a year sorts before its months


def test_lookups_shared_by_pages() -> None:
    b = briefing()
    assert [p.id for p in b.contradictions] == ["a3"]
    assert [p.id for p in b.facts_citing["b"]] == ["a3"]
    assert [p.id for p in b.facts_citing["a"]] == ["a1", "a3", "z1", "z2"]
    assert {role: [p.id for p in ps] for role, ps in b.facts_by_entity["e"].items()} == {
        "about": ["a1"], "denies": ["a1"]}
    assert [j.id for j in b.judgments_on["a3"]["cuts_against"]] == ["j"]
    assert [j.id for j in b.judgments_of_topic("later")] == ["j"] and b.judgments_of_topic("first") == []
