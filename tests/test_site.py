"""End to end: the real briefing built with MkDocs, read back as a reader's browser would."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from generator.check import require_briefing
from tests.conftest import search_records

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def briefing(repo_root: Path):
    return require_briefing(repo_root)[0]


def page(site: Path, uri: str) -> BeautifulSoup:
    return BeautifulSoup((site / uri / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_every_topic_has_a_page_with_every_fact_anchored(built_site: Path, briefing) -> None:
    assert set(briefing.topics) == {"food-for-arms", "livestock-aid", "strategic-treaty"}
    for topic_id, topic in briefing.topics.items():
        soup = page(built_site, f"topics/{topic_id}")
        assert soup.h1 is not None and soup.h1.get_text().startswith(topic.title)
        articles = soup.select("article.bf-fact")
        assert [a["id"] for a in articles] == [f.id for f in topic.facts]
        for article, fact in zip(articles, topic.facts, strict=True):
            if fact.retired:
                assert article.h3.get_text().strip().startswith("Withdrawn"), fact.id
                continue
            badge = article.select_one("a.bf-badge")
            assert badge is not None and badge.get_text().lower() == fact.status
            refs = article.select("sup a.footnote-ref")
            assert len({r["href"] for r in refs}) == len(fact.cites), fact.id


def test_every_citation_resolves_to_a_note_that_names_its_source(built_site: Path, briefing) -> None:
    for topic_id in briefing.topics:
        soup = page(built_site, f"topics/{topic_id}")
        for ref in soup.select("a.footnote-ref"):
            note = soup.find(id=ref["href"].removeprefix("#"))
            assert note is not None, ref["href"]
            source_link = note.find("a", href=lambda h: h and "/sources/" in h)
            assert source_link is not None
            target = (built_site / "topics" / topic_id / unquote(urlsplit(source_link["href"]).path))
            assert (target.resolve() / "index.html").is_file(), source_link["href"]


def test_differing_values_are_shown_value_by_value_saying_how_they_relate(built_site: Path, briefing) -> None:
    differing = [p for p in briefing.current_facts if p.fact.values_differ]
    assert {p.fact.difference for p in differing} == {"contradiction", "detail"}, "the real briefing has both"
    for placed in differing:
        article = page(built_site, f"topics/{placed.topic_id}").find(id=placed.id)
        box = article.select_one(f".bf-values.bf-values--{placed.fact.difference}")
        assert box is not None, placed.id
        words = box.p.get_text(" ", strip=True)
        if placed.fact.difference == "detail":
            assert words == f"The sources differ in detail. {placed.fact.reconciliation}", placed.id
        else:
            assert words == "The sources contradict each other.", placed.id
        shown = [li.strong.get_text() for li in box.select("li")]
        assert shown == placed.fact.values


def test_goat_count_and_destination_disagreement_match_the_articles(briefing) -> None:
    values = {v for p in briefing.facts.values() for c in p.fact.cites for v in [c.value] if v is not None}
    assert {"447", "Nampo", "Rason"} <= {str(v) for v in values}


def test_source_pages_list_every_fact_that_cites_them(built_site: Path, briefing) -> None:
    for source_id in briefing.sources:
        soup = page(built_site, f"sources/{source_id}")
        links = {urlsplit(a["href"]).fragment for a in soup.select("a.bf-factlink")}
        assert links == {p.id for p in briefing.facts_citing.get(source_id, [])}


def test_search_index_holds_fact_text(built_site: Path, briefing) -> None:
    text = " ".join(record["content"] for record in search_records(built_site))
    assert "goats" in text
    some = next(iter(briefing.facts.values())).fact
    first_words = " ".join(some.claim.split()[:4])
    assert first_words.replace("*", "") in text


def test_the_site_carries_the_scripts_its_pages_load_and_not_materials_lunr_search(built_site: Path) -> None:
    for uri in ("", "topics/food-for-arms", "sources"):
        soup = page(built_site, uri)
        folder = built_site / uri
        config = json.loads(soup.select_one("script#__config").get_text())
        loaded = [script["src"] for script in soup.select("script[src]")]
        assert config["search"].endswith("assets/search-worker.js")
        for src in [*loaded, config["search"]]:
            assert (folder / unquote(urlsplit(src).path)).resolve().is_file(), (uri, src)
    scripts = {path.relative_to(built_site).as_posix() for path in (built_site / "assets").rglob("*.js")}
    assert any(name.startswith("assets/javascripts/bundle.") for name in scripts)
    assert not [name for name in scripts if "lunr" in name or name.startswith("assets/javascripts/workers/")]


def test_navigation_lists_home_topics_timeline_sources(built_site: Path) -> None:
    soup = page(built_site, "")
    nav_text = soup.select_one("nav.md-nav--primary").get_text(" ", strip=True)
    for label in ("Topics", "Timeline", "Sources", "Entities", "Status legend"):
        assert label in nav_text


def test_home_page_links_each_topic_with_its_count(built_site: Path, briefing) -> None:
    soup = page(built_site, "")
    for topic_id, topic in briefing.topics.items():
        link = soup.select_one(f'article.md-content__inner a[href="topics/{topic_id}/"]')
        assert link is not None and link.get_text() == topic.title
        assert f"{len(topic.facts)} facts" in link.parent.get_text()


def test_the_table_of_contents_leaves_out_the_facts_headings(built_site: Path) -> None:
    soup = page(built_site, "topics/livestock-aid")
    assert len(soup.select("article.bf-fact > h3.bf-fact__head")) == len(soup.select("article.bf-fact"))
    listed = [a["href"] for a in soup.select("nav.md-nav--secondary a")]
    assert "#facts_list" in listed and "#notes_list" in listed
    assert [href for href in listed if href.endswith("_head")] == []
