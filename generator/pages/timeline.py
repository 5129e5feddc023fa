"""The timeline: every current dated fact in order, with its chart; past ``list_page_facts``
dated facts, a page per month (and per year for facts known only to the year).

The chart (``chart.timeline_svg``) is drawn only when the timeline is one page: its marks
link to the facts below them, and a timeline split by month has too many facts for a chart
of marks to be read.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property

from generator.briefing import PlacedFact
from generator.chart import timeline_svg
from generator.pages.paginate import list_pages
from generator.pages.plan import Plan
from generator.pages.spec import ListSpec, PageSpec
from generator.render import Md
from generator.urls import TIMELINE, relative, timeline_period_uri
from generator.vocabulary import date_label, plural

URI = TIMELINE


class Timeline:
    """The timeline's periods: dated facts by year, then by month."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.split = len(plan.briefing.dated_facts) > plan.list_size

    @cached_property
    def years(self) -> dict[str, dict[str, list[PlacedFact]]]:
        """Year -> month ("" for a fact known only to the year) -> facts, oldest first."""
        years: dict[str, dict[str, list[PlacedFact]]] = {}
        for placed in self.plan.briefing.dated_facts:
            value = placed.fact.date or ""
            month = value[:7] if len(value) >= 7 else ""
            years.setdefault(value[:4], {}).setdefault(month, []).append(placed)
        return years

    @staticmethod
    def label(year: str, month: str) -> str:
        return date_label(month) if month else f"{year}, month not known"

    @staticmethod
    def uri(year: str, month: str) -> str:
        return timeline_period_uri(month or year)

    def page(self) -> PageSpec:
        plan = self.plan
        groups = [{
            "year": Md(year),
            "months": [{"label": self.label(year, month),
                        # Heading ids hold "_", which fact ids never do: no clash with fact anchors.
                        "anchor": Md(f"month_{month}" if month else f"year_{year}_month-unknown"),
                        "count": len(placed),
                        "link": Md(relative(self.uri(year, month), URI)) if self.split else None,
                        "facts": [] if self.split else plan.fact_views(placed, URI)}
                       for month, placed in months.items()],
        } for year, months in self.years.items()]
        return PageSpec(URI, "timeline.md.j2", {
            "years": groups, "split": self.split, "dated_count": len(plan.briefing.dated_facts),
            "chart": Md("" if self.split else timeline_svg(plan.briefing)),
        })

    def month_pages(self) -> Iterator[PageSpec]:
        """A list per month, each linking to the months before and after it."""
        periods = [(year, month, placed) for year, months in self.years.items()
                   for month, placed in months.items()]
        ways = [(self.label(year, month), self.uri(year, month)) for year, month, _ in periods]
        for index, (year, month, placed) in enumerate(periods):
            label = self.label(year, month)
            yield from list_pages(self.plan, self.uri(year, month), placed, ListSpec(
                title=f"Timeline: {label}", description=f"Every fact dated {label}, in order.",
                intro=f"{plural(len(placed), 'fact')} dated {label}, oldest first, with their topics, statuses "
                      "and sources.",
                style="timeline", back=("Whole timeline", URI),
                previous=ways[index - 1] if index > 0 else None,
                next=ways[index + 1] if index + 1 < len(ways) else None))


def timeline_pages(plan: Plan) -> Iterator[PageSpec]:
    if not plan.settings.features.timeline:
        return
    timeline = Timeline(plan)
    yield timeline.page()
    if timeline.split:
        yield from timeline.month_pages()
