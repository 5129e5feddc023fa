"""Long lists split into pages (issue 5): past ``list_page_facts`` facts, the timeline gets a
page per month, each tag and each status its own page, and a list longer still goes on over
numbered pages. Built from the real briefing with the limit set to 5, so every kind of split
happens, and read from the HTML MkDocs writes. (The home page's list of contradictions, split
past a dozen, is tested on generated briefings: tests/pages/test_home.py.)
"""

from __future__ import annotations

import functools
import re
import shutil
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from generator.check import load_settings, require_briefing
from generator.vocabulary import STATUS_LABELS, plural
from tests.conftest import REPO, copy_project_frame, run_briefing

pytestmark = pytest.mark.slow

LIMIT = 5
BRIEFING, _ = require_briefing(REPO, load_settings(REPO))


@pytest.fixture(scope="module")
def split_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("split") / "project"
    copy_project_frame(root)
    shutil.copytree(REPO / "briefings", root / "briefings")
    config = (REPO / "site_config.yml").read_text(encoding="utf-8")
    (root / "site_config.yml").write_text(config + f"  list_page_facts: {LIMIT}\n", encoding="utf-8")
    result = run_briefing("build", "--site", "site", cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


@functools.cache  # a list's pages are read again as its pager is followed; the tests only read them
def read(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def fact_links(soup: BeautifulSoup) -> list[str]:
    """The facts a list page links to ("View fact"), as fact ids, in order."""
    article = soup.select_one("article.md-content__inner")
    assert article is not None
    return [a["href"].rsplit("#", 1)[1] for a in article.select("a.bf-factlink") if "#" in a["href"]]


def follow_pages(site: Path, first: str) -> list[str]:
    """Every page of one list, from its first page through the pager's links."""
    soup = read(site, first)
    pager = soup.select_one("p.bf-pager")
    if pager is None:
        return [first]
    pages = [first.rstrip("/") + "/"]
    for link in pager.select("a"):
        pages.append(urljoin(pages[0], link["href"]).rstrip("/") + "/")
    return sorted(set(pages), key=lambda p: (len(p), p))


def facts_of_list(site: Path, first: str) -> list[str]:
    return [fact for page in follow_pages(site, first) for fact in fact_links(read(site, page))]


def test_each_status_lists_its_facts_over_pages_of_at_most_the_limit(split_site: Path) -> None:
    legend = read(split_site, "status")
    assert not fact_links(legend)  # the legend itself lists no facts any more
    listed: list[str] = []
    for status, label in STATUS_LABELS.items():
        expected = [p.id for p in BRIEFING.current_facts if p.fact.status == status]
        link = legend.select_one(f"section#{status} a.bf-factlink")
        assert link is not None and link.get_text() == f"Every {label.lower()} fact"
        pages = follow_pages(split_site, f"status/{status}")
        assert len(pages) == -(-len(expected) // LIMIT)
        for page in pages:
            assert 0 < len(fact_links(read(split_site, page))) <= LIMIT
        assert facts_of_list(split_site, f"status/{status}") == expected
        listed += expected
    assert sorted(listed) == sorted(p.id for p in BRIEFING.current_facts)
    denied = [p.id for p in BRIEFING.current_facts if p.fact.denied_by]
    assert facts_of_list(split_site, "status/denied") == denied


def test_a_long_list_has_numbered_pages_that_link_to_each_other(split_site: Path) -> None:
    pages = follow_pages(split_site, "status/reported")
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        soup = read(split_site, page)
        assert soup.h1 is not None
        assert soup.h1.get_text().rstrip("¶").endswith(f"(page {number} of {len(pages)})")
        pager = soup.select_one("p.bf-pager")
        assert pager is not None
        assert pager.strong is not None and pager.strong.get_text() == str(number)  # this page: no link
        assert [a.get_text() for a in pager.select("a")] == [str(n) for n in range(1, len(pages) + 1)
                                                            if n != number]


def test_the_timeline_gets_a_page_per_month(split_site: Path) -> None:
    timeline = read(split_site, "timeline")
    assert timeline.select_one("figure.bf-chart") is None  # marks would link to facts on other pages
    months = [a for a in timeline.select("article.md-content__inner li a")]
    assert months, "the timeline lists its months"
    seen: list[str] = []
    for link in months:
        count = int(re.search(r"(\d+) facts?$", link.parent.get_text()).group(1))  # type: ignore[union-attr]
        first = urljoin("timeline/", link["href"]).rstrip("/")
        facts = facts_of_list(split_site, first)
        assert len(facts) == count, first
        title = read(split_site, first).h1
        assert title is not None and link.get_text() in title.get_text()
        seen += facts
    assert seen == [p.id for p in BRIEFING.dated_facts]  # every dated fact once, oldest first
    middle = read(split_site, urljoin("timeline/", months[1]["href"]).rstrip("/"))
    around = [a.get_text() for a in middle.select("p.bf-list-nav a")]
    assert around == ["Whole timeline", f"← {months[0].get_text()}", f"{months[2].get_text()} →"]


def test_each_tag_gets_its_page_and_facts_link_to_it(split_site: Path) -> None:
    tags = read(split_site, "tags")
    index = {a.get_text(): a["href"] for a in tags.select("p.bf-tag-index a")}
    by_tag: dict[str, list[str]] = {}
    for placed in BRIEFING.current_facts:
        for tag in dict.fromkeys(placed.fact.tags):
            by_tag.setdefault(tag, []).append(placed.id)
    assert set(index) == set(by_tag)
    for tag, facts in by_tag.items():
        assert index[tag] == f"{tag}/"
        assert facts_of_list(split_site, f"tags/{tag}") == facts
    topic = read(split_site, "topics/livestock-aid")
    tag_links = {a.get_text(): a["href"] for a in topic.select("p.bf-about a") if "/tags/" in a["href"]}
    assert tag_links and all(href == f"../../tags/{tag}/" for tag, href in tag_links.items())


def test_no_attribute_list_shows_as_text(split_site: Path, built_site: Path) -> None:
    """`{ .class }` lines must reach Markdown on a line of their own, or readers see them."""
    for site in (split_site, built_site):
        for html in site.rglob("*.html"):
            assert "{ ." not in html.read_text(encoding="utf-8"), html


def test_an_entity_in_many_facts_gets_a_list_page_per_role(split_site: Path) -> None:
    entity_id, roles = max(BRIEFING.facts_by_entity.items(),
                           key=lambda item: sum(len(facts) for facts in item[1].values()))
    entity = BRIEFING.entities[entity_id]
    page = read(split_site, f"entities/{entity_id}")
    assert not fact_links(page)
    for role, facts in roles.items():
        expected = [p.id for p in facts]
        link = page.find("a", string=f"All {plural(len(expected), 'fact')}", href=f"../{entity_id}_{role}/")
        assert link is not None, role
        assert facts_of_list(split_site, f"entities/{entity_id}_{role}") == expected
    about = read(split_site, f"entities/{entity_id}_about")
    article = about.select_one("article.md-content__inner")
    assert article is not None
    # in the claims listed, the entity's own name is never a link on its pages; others' names are
    in_claims = article.select("li a")
    assert not [a for a in in_claims if a["href"].endswith(f"/{entity_id}/")]
    assert [a for a in in_claims if a["href"].startswith("../") and "/topics/" not in a["href"]
            and "status" not in a["href"]], "other entities stay linked"
    assert article.find("a", string=entity.name, href=f"../{entity_id}/") is not None  # the way back
