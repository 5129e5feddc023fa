"""What every page planner shares (generator/pages/plan.py): claims with the first mention of each
entity linked from the page's folder (never the entity whose page it is), entity names linked
only when the site has entity pages, each tag's link to wherever its list is, and the current
facts of each tag. Read from tests/cases/split-lists, planned without rendering; claims
converted with Python-Markdown as the pages are."""

from __future__ import annotations

import posixpath

import pytest
from bs4 import BeautifulSoup

from generator.render import Md
from tests.hostile import render_markdown
from tests.pages.conftest import Site, plan_of


def links(markdown: Md, folder: str) -> list[tuple[str, str]]:
    """A claim's links as a reader of a page in ``folder`` follows them: (words, uri from the root)."""
    soup = BeautifulSoup(render_markdown(markdown).html, "html.parser")
    return [(a.get_text(), posixpath.normpath(posixpath.join(folder, a["href"]))) for a in soup.find_all("a")]


@pytest.mark.parametrize("folder", ["", "topics", "entities"])
def test_a_claim_links_each_entity_it_names_from_the_page_folder(lists: Site, folder: str) -> None:
    claim = lists.plan.claim(lists.briefing.facts["export"].fact, folder)
    assert links(claim, folder) == [("South Port", "entities/south-port.md"), ("North Farm", "entities/north-farm.md")]
    shown = BeautifulSoup(render_markdown(claim).html, "html.parser").get_text()
    assert shown.strip() == "South Port said the wheat was sold abroad; North Farm denied it."


def test_a_claim_links_only_the_first_mention_and_never_the_page_own_entity(lists: Site) -> None:
    fact = lists.briefing.facts["taxed"].fact.model_copy(update={"claim": "North Farm, South Port and North Farm."})
    assert links(lists.plan.claim(fact, "topics"), "topics") == [
        ("North Farm", "entities/north-farm.md"), ("South Port", "entities/south-port.md")]
    assert links(lists.plan.claim(fact, "entities", unlinked="north-farm"), "entities") == [
        ("South Port", "entities/south-port.md")]


def test_without_entity_pages_no_name_is_a_link(lists: Site) -> None:
    plan = plan_of(lists, entities=False)
    claim = plan.claim(lists.briefing.facts["export"].fact, "topics")
    assert links(claim, "topics") == []
    assert "South Port said the wheat" in render_markdown(claim).html
    assert [(ref.name, ref.link) for ref in plan.entity_refs(["south-port", "north-farm"], "topics")] == [
        ("South Port", ""), ("North Farm", "")]
    linked = lists.plan.entity_refs(["south-port", "north-farm", "south-port"], "topics")
    assert [(ref.name, ref.link) for ref in linked] == [("South Port", "../entities/south-port.md"),
                                                        ("North Farm", "../entities/north-farm.md")]  # each once


def test_the_facts_of_each_tag_are_current_in_briefing_order_tags_alphabetical(lists: Site) -> None:
    assert {tag: [p.id for p in facts] for tag, facts in lists.plan.facts_by_tag.items()} == {
        "grain": ["planted", "rain", "yield", "sold"],  # blight is withdrawn
        "trade": ["export", "price", "sold", "taxed"], "weather": ["rain"]}
    assert list(lists.plan.facts_by_tag) == ["grain", "trade", "weather"]


@pytest.mark.parametrize(("limit", "target"), [(9, "tags.md#grain"), (8, "tags/grain.md")])
def test_a_tag_links_to_the_tags_page_or_past_the_limit_to_its_own_list(lists: Site, limit: int,
                                                                        target: str) -> None:
    """Nine facts in all under the tags: a limit of nine keeps them on the tags page, eight does not."""
    plan = plan_of(lists, list_page_facts=limit)
    for folder in ("", "topics", "tags"):
        assert posixpath.normpath(posixpath.join(folder, plan.tag_link("grain", folder))) == target
