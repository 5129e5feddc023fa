"""Source pages and their index: each source with its kind, the current facts citing it (by
topic, each citation with its locator, quote and value), and the errors found in it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.pages.plan import Plan
from generator.pages.spec import PageSpec
from generator.render import Md
from generator.urls import SOURCES, relative, source_uri, topic_uri
from generator.vocabulary import SOURCE_KINDS

INDEX = SOURCES


def source_pages(plan: Plan) -> Iterator[PageSpec]:
    yield sources_index(plan)
    for source_id in sorted(plan.briefing.sources):
        yield source_page(plan, source_id)


def sources_index(plan: Plan) -> PageSpec:
    b = plan.briefing
    rows = sorted(b.sources.items(), key=lambda item: (item[1].published, item[0]), reverse=True)
    return PageSpec(INDEX, "sources_index.md.j2", {"sources": [{
        "source": source, "kind": SOURCE_KINDS[source.kind], "link": Md(relative(source_uri(sid), INDEX)),
        "cited_by": len(b.facts_citing.get(sid, [])),
    } for sid, source in rows]})


def source_page(plan: Plan, source_id: str) -> PageSpec:
    uri = source_uri(source_id)
    b = plan.briefing
    by_topic: dict[str, list[dict[str, Any]]] = {}
    errors = []
    for placed in b.facts_citing.get(source_id, []):
        view = plan.fact_view(placed, uri)
        by_topic.setdefault(placed.topic_id, []).append({
            "view": view, "notes": [n for n in view.notes if n.source_id == source_id]})
        errors += [{"view": view, "error": error} for error in view.source_errors
                   if error.note.source_id == source_id]
    # in the topics' order, looking only at this source's topics (not every topic per source)
    topics = [{"title": b.topics[tid].title, "link": Md(relative(topic_uri(tid), uri)), "facts": by_topic[tid]}
              for tid in sorted(by_topic, key=plan.topic_position.__getitem__)]
    source = b.sources[source_id]
    return PageSpec(uri, "source.md.j2", {
        "source": source, "kind": SOURCE_KINDS[source.kind], "topics": topics,
        "errors": errors, "cited_by": len(b.facts_citing.get(source_id, [])),
    })
