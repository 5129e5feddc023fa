"""The shared paginator (generator/pages/paginate.py, templates/fact_list.md.j2): a list -> one page
or numbered pages that link to each other, each page with its list's title, intro and way back;
current facts only, each line naming the judgments its fact bears on. Read from generated
briefings whose lists split (no MkDocs build)."""

from __future__ import annotations

import re

import pytest

from generator.pages.paginate import page_uris, paged
from generator.urls import tag_uri
from tests.pages.conftest import Site

LISTS = ("status/", "tags/", "timeline/", "entities/", "contradictions")
GOATS = tag_uri("goats")


def listed(site: Site) -> dict[str, list[str]]:
    """Fact id -> the list pages that link to it ("View fact")."""
    found: dict[str, list[str]] = {}
    for uri in site.generated.pages:
        if uri.startswith(LISTS) or uri in ("status.md", "tags.md", "timeline.md"):
            for link in site.page(uri).select("a.bf-factlink"):
                if "#" in link["href"]:
                    found.setdefault(link["href"].rsplit("#", 1)[1], []).append(uri)
    return found


def test_page_uris_number_the_pages_after_the_first() -> None:
    assert page_uris(GOATS, 0, 3) == ["tags/goats.md"]
    assert page_uris(GOATS, 3, 3) == ["tags/goats.md"]
    assert page_uris(GOATS, 7, 3) == ["tags/goats.md", "tags/goats_page-2.md", "tags/goats_page-3.md"]


@pytest.mark.parametrize(("count", "cut"), [(0, [[]]), (1, [[0]]), (4, [[0, 1], [2, 3]]),
                                            (5, [[0, 1], [2, 3], [4]])])
def test_a_list_is_cut_every_size_items_in_order(count: int, cut: list[list[int]]) -> None:
    pages = list(paged(GOATS, list(range(count)), 2))
    assert [list(page.items) for page in pages] == cut
    assert [page.number for page in pages] == list(range(1, len(cut) + 1))


def test_every_page_links_every_page_of_its_list_and_marks_its_own() -> None:
    pages = list(paged(GOATS, list(range(5)), 2))
    assert [page.uri for page in pages] == ["tags/goats.md", "tags/goats_page-2.md", "tags/goats_page-3.md"]
    for page in pages:
        assert [(p["number"], p["link"], p["current"]) for p in page.pages] == [
            (1, "goats.md", page.number == 1), (2, "goats_page-2.md", page.number == 2),
            (3, "goats_page-3.md", page.number == 3)]


def test_retired_facts_are_left_out_of_every_list(split: Site, case: Site) -> None:
    for site, retired in ((split, "t0-f1"), (case, "goat-breed")):
        found = listed(site)
        assert retired not in found
        assert set(found) >= {p.id for p in site.briefing.current_facts if p.fact.tags}


def test_list_pages_hold_at_most_the_limit_and_link_every_page(split: Site) -> None:
    pages = sorted(uri for uri in split.generated.pages if uri.startswith("status/reported"))
    assert len(pages) > 2
    for uri in pages:
        soup = split.page(uri)
        assert 0 < len(soup.select("a.bf-factlink")) <= split.plan.list_size
        pager = soup.select_one("p.bf-pager")
        assert sorted(split.target(uri, a["href"])[0] for a in pager.find_all("a")) == sorted(
            other for other in pages if other != uri)


def test_each_line_names_the_judgments_its_fact_bears_on(split: Site) -> None:
    for uri, page in ((u, split.page(u)) for u in split.generated.pages if u.startswith(("status/", "tags/"))):
        for link in page.select('a.bf-factlink[href$="#t0-f0"]'):
            refs = link.find_parent("li").select_one(".bf-judgment-ref")
            assert refs is not None and refs.get_text() == "Supports:", uri
            question = refs.find_next_sibling("a")
            assert question.get_text() == "Will it go on?"
            assert split.target(uri, question["href"])[1]["id"] == "first-judgment"


def test_a_split_list_gives_each_page_its_number_its_facts_and_the_way_back(lists: Site) -> None:
    uris = ["tags/grain.md", "tags/grain_page-2.md"]
    assert [u for u in lists.generated.pages if u.startswith("tags/grain")] == uris
    pages = {uri: lists.page(uri) for uri in uris}
    assert [soup.h1.get_text().removesuffix("¶") for soup in pages.values()] == [
        "Tag: grain (page 1 of 2)", "Tag: grain (page 2 of 2)"]
    assert [lists.fact_links(uri) for uri in uris] == [["planted", "rain"], ["yield", "sold"]]
    for number, (uri, soup) in enumerate(pages.items(), start=1):
        assert soup.select_one("p.bf-lede").get_text() == "4 facts carry the tag grain."
        (back,) = soup.select("p.bf-list-nav a")
        assert back.get_text() == "All tags" and lists.target(uri, back["href"])[0] == "tags.md"
        pagers = soup.select("p.bf-pager")
        assert len(pagers) == 2  # above and below the list
        for pager in pagers:
            assert pager.strong.get_text() == str(number)  # this page: no link
            assert [(a.get_text(), lists.target(uri, a["href"])[0]) for a in pager.find_all("a")] == [
                (str(n), other) for n, other in enumerate(uris, start=1) if other != uri]


def test_a_list_of_one_page_has_no_page_numbers(lists: Site) -> None:
    soup = lists.page("tags/weather.md")
    assert soup.h1.get_text().removesuffix("¶") == "Tag: weather"
    assert soup.select("p.bf-pager") == [] and "tags/weather_page-2.md" not in lists.generated.files
    assert lists.fact_links("tags/weather.md") == ["rain"]


def test_a_count_of_one_fact_is_singular(lists: Site) -> None:
    for uri in lists.generated.pages:
        assert not re.search(r"\b1 facts\b", lists.page(uri).get_text()), uri
