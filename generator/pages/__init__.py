"""Stage 4 of the pipeline: the checked briefing -> page specs (uri, template, context) and nav.

Every page the site will have is decided here, with every cross-link resolved and every
citation numbered, before any template renders a byte; templates only lay out what the
specs hold. One planner per page family (``home``, ``judgments``, ``changes``, ``topics``,
``timeline``, ``map``, ``statuses``, ``tags``, ``sources``, ``entities``), each yielding its pages; long lists go
through the shared paginator (``paginate``); the views templates read are in ``views``,
the state planners share in ``plan``, the navigation in ``nav``.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.briefing import Briefing
from generator.history.record_dates import Revisions
from generator.pages.changes import change_pages
from generator.pages.entities import entity_pages
from generator.pages.home import home_pages
from generator.pages.judgments import judgment_pages
from generator.pages.map import map_pages
from generator.pages.nav import plan_nav
from generator.pages.plan import Plan
from generator.pages.sources import source_pages
from generator.pages.spec import PageSpec
from generator.pages.statuses import status_pages
from generator.pages.tags import tag_pages
from generator.pages.timeline import timeline_pages
from generator.pages.topics import topic_pages
from generator.settings import Settings
from generator.urls import Urls

__all__ = ["PageSpec", "plan_nav", "plan_pages"]

#: The page families, in the order their pages are planned.
FAMILIES = (home_pages, judgment_pages, change_pages, topic_pages, timeline_pages, map_pages, status_pages,
            tag_pages, source_pages, entity_pages)


def plan_pages(briefing: Briefing, settings: Settings, urls: Urls,
               revisions: Revisions | None = None) -> Iterator[PageSpec]:
    """Every page of the site, one at a time: a large briefing's page contexts need not all
    be held at once. ``revisions`` gives each record's dates from git, when known."""
    plan = Plan(briefing, settings, urls, revisions)
    for family in FAMILIES:
        yield from family(plan)
