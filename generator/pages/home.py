"""The home page: the bottom line first, each key judgment in brief (its question, its
statement, its likelihood and confidence in words and a link to its reasoning on the
judgments page, which alone holds the basis, the facts for and against, assumptions,
alternatives, gaps and indicators), with the chart of their likelihoods after them; then the
topics, the latest dated facts (without the judgments they bear on, which the fact shows) and
where the sources contradict each other; past a dozen contradictions, a list of them all. It
ends with the ways to follow and reuse the briefing: what's new, the corrections, the feed and
the exports.

A briefing without judgments has no bottom line: that section is left out, not left empty.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.chart import likelihood_chart
from generator.pages.paginate import list_pages
from generator.pages.plan import Plan
from generator.pages.spec import ListSpec, PageSpec
from generator.render import Md
from generator.urls import (
    CHANGES,
    CONTRADICTIONS,
    CORRECTIONS,
    HOME,
    JUDGMENTS,
    STATUS_LEGEND,
    TIMELINE,
    relative,
    topic_uri,
)

URI = HOME
#: Facts whose sources contradict each other listed on the home page; past that, a link to all.
HOME_CONTRADICTIONS = 12


def home_pages(plan: Plan) -> Iterator[PageSpec]:
    yield home_page(plan)
    contradictions = plan.briefing.contradictions
    if len(contradictions) > home_contradictions(plan):
        yield from list_pages(plan, CONTRADICTIONS, contradictions, ListSpec(
            title="Where the sources contradict each other",
            description="Every fact whose sources give answers that cannot all be true.",
            intro="Facts whose sources give answers that cannot all be true, each answer with the "
                  "sources that give it.", style="contradiction", back=("Home", URI)))


def home_contradictions(plan: Plan) -> int:
    return min(HOME_CONTRADICTIONS, plan.list_size)


def home_page(plan: Plan) -> PageSpec:
    b = plan.briefing
    topics = [{
        "link": Md(relative(topic_uri(tid), URI)), "topic": b.topics[tid],
        "facts": sum(1 for f in b.topics[tid].facts if not f.retired),
        "disputed": sum(1 for f in b.topics[tid].facts if not f.retired and f.status == "disputed"),
    } for tid in b.topic_order]
    latest_count = plan.settings.features.latest_facts
    latest = list(reversed(b.dated_facts))[:latest_count] if latest_count else []
    shown = home_contradictions(plan)
    judgments = plan.judgment_views(b.judgments, URI)
    return PageSpec(URI, "home.md.j2", {
        "judgments": judgments,
        "judgment_chart": Md(likelihood_chart(b.judgments)),
        "judgments_link": Md(relative(JUDGMENTS, URI)),
        "topics": topics,
        "latest": plan.fact_views(latest, URI),
        "contradictions": plan.fact_views(b.contradictions[:shown], URI),
        "contradiction_count": len(b.contradictions),
        "contradictions_page": Md(relative(CONTRADICTIONS, URI)) if len(b.contradictions) > shown else None,
        "fact_count": len(b.current_facts), "source_count": len(b.sources),
        "timeline_link": Md(relative(TIMELINE, URI)) if plan.settings.features.timeline else None,
        "changes_link": Md(relative(CHANGES, URI)), "corrections_link": Md(relative(CORRECTIONS, URI)),
        "status_link": Md(relative(STATUS_LEGEND, URI)),
        "history": plan.revisions is not None,
    })
