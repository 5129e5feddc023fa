"""Topic pages: each topic's facts in full, opened by the judgments that name the topic.

A topic page is where a fact lives: its anchor (a retired fact's stays, saying it is
withdrawn), its numbered citations, the values its sources give and how they relate, the
sources' own errors beside the reference they are set against, its corrections, and the
judgments it supports or cuts against, and when it was added and last changed (from the
history). The page says when it last changed, and carries its JSON-LD (from ``exports``).
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.exports import jsonld_script, topic_jsonld
from generator.history.changelog import day_label
from generator.pages.plan import Plan
from generator.pages.spec import PageSpec
from generator.render import Md
from generator.urls import topic_uri


def topic_pages(plan: Plan) -> Iterator[PageSpec]:
    for topic_id in plan.briefing.topic_order:
        yield topic_page(plan, topic_id)


def topic_page(plan: Plan, topic_id: str) -> PageSpec:
    b = plan.briefing
    uri = topic_uri(topic_id)
    topic = b.topics[topic_id]
    current = [f for f in topic.facts if not f.retired]
    updated = plan.dates.topic_updated(b, topic_id)
    return PageSpec(uri, "topic.md.j2", {
        "topic": topic,
        "facts": [plan.fact_view(b.facts[f.id], uri, numbered=True) for f in topic.facts],
        "fact_count": len(current),
        "retired_count": len(topic.facts) - len(current),
        "source_count": len({s for f in current for s in f.sources}),
        "judgments": plan.judgment_views(b.judgments_of_topic(topic_id), uri),
        "last_updated": day_label(updated) if updated else "",
        "jsonld": Md(jsonld_script(topic_jsonld(b, plan.settings, plan.urls, topic_id, plan.dates))),
    })
