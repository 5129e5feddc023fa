"""The page of changes ("What's new") and the corrections page.

"What's new" lists the briefing's changes newest first, grouped by day
(``history.changelog.changes_for_readers``, the same changes as the feed): facts added, changed
(each field before -> after), corrected and withdrawn; key judgments added and revised; each
links to its fact (on its topic page) or judgment (on the judgments page). Without history only
the corrections have dates, and the page says so. The corrections page lists every correction
of every fact, newest first. Both go on over numbered pages past ``list_page_facts`` entries
(``paginate``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from generator.exports import FEED_XML
from generator.history.changelog import Change, changes_for_readers, day_label
from generator.pages.paginate import Page, paged
from generator.pages.plan import Plan
from generator.pages.spec import PageSpec
from generator.pages.views import FactView, JudgmentView
from generator.render import Md
from generator.urls import CHANGES, CORRECTIONS, JUDGMENTS, relative


@dataclass(frozen=True)
class ChangeView:
    """One change as the page shows it: its kind in words, what changed, and the fact or
    judgment it links to (as a view of it from the page)."""

    change: Change
    fact: FactView | None
    judgment: JudgmentView | None

    @property
    def kind(self) -> Md:
        return Md(self.change.kind)

    @property
    def label(self) -> str:
        return self.change.label

    @property
    def date(self) -> str:
        return day_label(self.change.date)

    @property
    def fields(self) -> tuple[tuple[str, str, str], ...]:
        return self.change.fields

    @property
    def note(self) -> str:
        return self.change.note


def change_view(plan: Plan, change: Change, uri: str) -> ChangeView:
    if change.is_fact:
        return ChangeView(change, plan.fact_view(plan.briefing.facts[change.id], uri), None)
    judgment = plan.briefing.judgments_by_id[change.id]
    return ChangeView(change, None, plan.judgment_view(judgment, uri))


def change_pages(plan: Plan) -> Iterator[PageSpec]:
    """What's new, then the corrections."""
    found = changes_for_readers(plan.briefing, plan.revisions)
    for page in paged(CHANGES, found, plan.list_size):
        yield PageSpec(page.uri, "changes.md.j2", {
            **_page_context(plan, page),
            "days": _days(plan, page),
            "history": plan.revisions is not None,
            "corrections_link": Md(relative(CORRECTIONS, page.uri)),
        })
    corrections = [change for change in found if change.kind == "fact-corrected"]
    for page in paged(CORRECTIONS, corrections, plan.list_size):
        yield PageSpec(page.uri, "corrections.md.j2", {
            **_page_context(plan, page),
            "corrections": [change_view(plan, change, page.uri) for change in page.items],
            "changes_link": Md(relative(CHANGES, page.uri)),
        })


def _page_context(plan: Plan, page: Page[Change]) -> dict[str, object]:
    return {"page_number": page.number, "pages": page.pages, "feed_link": Md(relative(FEED_XML, page.uri)),
            "judgments_link": Md(relative(JUDGMENTS, page.uri)) if plan.briefing.judgments else None}


def _days(plan: Plan, page: Page[Change]) -> list[dict[str, object]]:
    """The page's changes by day, newest first (a day cut by the page goes on on the next)."""
    days: dict[str, list[ChangeView]] = {}
    for change in page.items:
        days.setdefault(change.day, []).append(change_view(plan, change, page.uri))
    # Heading ids hold "_", which no fact or judgment id does.
    return [{"label": day_label(day), "anchor": Md(f"day_{day}"), "changes": views} for day, views in days.items()]
