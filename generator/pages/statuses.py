"""The status legend: what each status means, with the current facts of each and every claim
a party denied; past ``list_page_facts`` facts, a list page per status and one of denials.

Every link the legend makes goes to a page that is written: a briefing in which no fact
records a denial links its denials filter to the legend's own (empty) section.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.briefing import PlacedFact
from generator.model import STATUSES
from generator.pages.paginate import list_pages
from generator.pages.plan import Plan
from generator.pages.spec import ListSpec, PageSpec
from generator.render import Md
from generator.urls import STATUS_LEGEND, relative, status_uri
from generator.vocabulary import STATUS_LABELS, STATUS_MEANINGS, plural

URI = STATUS_LEGEND


def status_pages(plan: Plan) -> Iterator[PageSpec]:
    current = plan.briefing.current_facts
    by_status: dict[str, list[PlacedFact]] = {status: [] for status in STATUSES}
    for placed in current:
        by_status[placed.fact.status].append(placed)
    denied = [p for p in current if p.fact.denied_by]
    split = len(current) > plan.list_size

    def target(name: str, facts: list[PlacedFact]) -> Md:
        """A status's list page when the legend is split and the list has facts, else its section."""
        return Md(relative(status_uri(name), URI)) if split and facts else Md(f"#{name}")

    yield PageSpec(URI, "status.md.j2", {
        "statuses": [{
            "status": Md(s), "label": STATUS_LABELS[s], "meaning": STATUS_MEANINGS[s],
            "count": len(by_status[s]), "link": target(s, by_status[s]),
            "facts": [] if split else plan.fact_views(by_status[s], URI),
        } for s in STATUSES],
        "split": split,
        "denied_count": len(denied),
        "denied_link": target("denied", denied),
        "denied": [] if split else plan.fact_views(denied, URI),
    })
    if not split:
        return
    for s in STATUSES:
        if by_status[s]:
            yield from list_pages(plan, status_uri(s), by_status[s], ListSpec(
                title=f"{STATUS_LABELS[s]} facts", description=f"Every fact shown as {s}.",
                intro=f"{STATUS_LABELS[s]}: {STATUS_MEANINGS[s]}. {plural(len(by_status[s]), 'fact')}.",
                style="status", back=("Status legend", URI)))
    if denied:
        yield from list_pages(plan, status_uri("denied"), denied, ListSpec(
            title="Denied claims", description="Every claim that a party publicly denied.",
            intro=f"Claims that a party publicly denied, whatever their status: {plural(len(denied), 'fact')}.",
            style="denied", back=("Status legend", URI)))
