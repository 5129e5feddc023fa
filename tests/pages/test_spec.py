"""The planners' product (generator/pages/spec.py): a page spec is a page of the site, written once
under its uri by the template it names; a list spec is how a list of facts is introduced, its
way back always there and the lists before and after it only when given. Planned from case
briefings and rendered with the project's templates and Python-Markdown (no MkDocs build)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from bs4 import BeautifulSoup

from generator.briefing import Briefing
from generator.model import STATUSES
from generator.pages import plan_pages
from generator.pages.entities import ENTITY_ROLES
from generator.pages.paginate import list_pages
from generator.pages.spec import ListSpec
from generator.render import make_environment, render_page
from generator.urls import (
    CHANGES,
    CONTRADICTIONS,
    CORRECTIONS,
    ENTITIES,
    HOME,
    JUDGMENTS,
    SOURCES,
    STATUS_LEGEND,
    TAGS,
    TIMELINE,
    entity_role_uri,
    entity_uri,
    page_uri,
    source_uri,
    status_uri,
    tag_uri,
    timeline_period_uri,
    topic_uri,
)
from tests.conftest import REPO
from tests.hostile import render_markdown
from tests.pages.conftest import Site

SPEC = ListSpec(title="Tag: grain", description="Every fact tagged grain.", intro="Facts about grain.",
                style="line", back=("All tags", "tags.md"))


@pytest.mark.parametrize("fixture", ["case", "minimal", "lists", "split"])
def test_every_planned_page_is_written_once_under_its_uri(fixture: str, request: pytest.FixtureRequest) -> None:
    site: Site = request.getfixturevalue(fixture)
    specs = list(plan_pages(site.briefing, site.plan.settings, site.plan.urls))
    uris = [spec.uri for spec in specs]
    assert len(set(uris)) == len(uris), "two pages planned under one uri: one would be lost"
    assert uris == site.generated.pages
    assert {spec.template for spec in specs} <= {path.name for path in (REPO / "templates").glob("*.md.j2")}


def rendered(site: Site, spec: ListSpec, first: str = tag_uri("grain")) -> tuple[BeautifulSoup, dict[str, str]]:
    """The first page of a list of the site's grain facts introduced by ``spec``: its HTML and
    front matter."""
    page = next(list_pages(site.plan, first, site.plan.facts_by_tag["grain"], spec))
    env = make_environment(REPO / "templates")
    html = render_markdown(render_page(env, page.template, page.context))
    return BeautifulSoup(html.html, "html.parser"), html.meta


def test_a_list_is_introduced_by_its_title_description_and_intro(lists_whole: Site) -> None:
    soup, meta = rendered(lists_whole, SPEC)
    assert soup.h1.get_text().removesuffix("¶") == "Tag: grain"
    assert meta["description"] == "Every fact tagged grain."
    assert soup.select_one("p.bf-lede").get_text() == "Facts about grain."
    assert len(soup.select("a.bf-factlink")) == 4


def test_a_list_without_neighbours_only_leads_back(lists_whole: Site) -> None:
    soup, _ = rendered(lists_whole, SPEC)
    assert [(a.get_text(), a["href"]) for a in soup.select("p.bf-list-nav a")] == [("All tags", "../tags.md")]


def test_a_list_with_neighbours_leads_back_and_to_them(lists_whole: Site) -> None:
    spec = replace(SPEC, previous=("May 2023", "timeline/2023-05.md"), next=("January 2024", "timeline/2024-01.md"))
    soup, _ = rendered(lists_whole, spec, first=timeline_period_uri("2023-09"))
    assert [(a.get_text(), a["href"]) for a in soup.select("p.bf-list-nav a")] == [
        ("All tags", "../tags.md"), ("← May 2023", "2023-05.md"), ("January 2024 →", "2024-01.md")]


def policy_uris(briefing: Briefing, pages: int) -> dict[str, set[str]]:
    """Every uri the URL policy gives the pages of a briefing, by family: the pages of the site,
    the pages of each record, the list pages from ``urls``, and the numbered pages of any of
    them (up to ``pages``)."""
    dates = [placed.fact.date or "" for placed in briefing.facts.values()]
    families = {
        "site": {HOME, JUDGMENTS, TIMELINE, STATUS_LEGEND, TAGS, SOURCES, ENTITIES, CHANGES, CORRECTIONS,
                 CONTRADICTIONS},
        "records": {*map(topic_uri, briefing.topics), *map(source_uri, briefing.sources),
                    *map(entity_uri, briefing.entities)},
        "tags": {tag_uri(tag) for placed in briefing.facts.values() for tag in placed.fact.tags},
        "statuses": set(map(status_uri, (*STATUSES, "denied"))),
        "timeline": {timeline_period_uri(date[:7] if len(date) >= 7 else date[:4]) for date in dates if date},
        "entity roles": {entity_role_uri(entity, role) for entity in briefing.entities for role in ENTITY_ROLES},
    }
    firsts = set().union(*families.values())
    families["numbered"] = {page_uri(first, number) for first in firsts for number in range(2, pages + 1)}
    return families


@pytest.mark.parametrize("fixture", ["case", "lists", "split"])
def test_every_planned_page_has_its_uri_from_the_url_policy(fixture: str, request: pytest.FixtureRequest) -> None:
    site: Site = request.getfixturevalue(fixture)
    uris = set(site.generated.pages)
    families = policy_uris(site.briefing, len(uris))
    assert uris - set().union(*families.values()) == set()
    if fixture != "case":  # every list split: every family is planned
        assert [name for name, family in families.items() if not uris & family] == []
