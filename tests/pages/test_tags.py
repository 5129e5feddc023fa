"""The tags page (generator/pages/tags.py, templates/tags.md.j2): every tag in alphabetical order
with its count, each tag's current facts under its heading or, past ``list_page_facts`` facts in
all, on a list of its own; each fact's tags lead to wherever its tag's list is. Read from
generated case briefings (no MkDocs build)."""

from __future__ import annotations

from generator.pages.tags import tag_pages
from tests.pages.conftest import Site, plan_of

URI = "tags.md"


def index(site: Site) -> list[tuple[str, str]]:
    """The tag index as a reader follows it: (words, page#anchor)."""
    return [(link.get_text(), site.follow(URI, link["href"])) for link in site.page(URI).select("p.bf-tag-index a")]


def test_one_page_lists_each_tag_under_its_heading(lists_whole: Site) -> None:
    assert index(lists_whole) == [("grain", "tags.md#grain"), ("trade", "tags.md#trade"),
                                  ("weather", "tags.md#weather")]
    assert lists_whole.page(URI).select_one("p.bf-tag-index").get_text() == "grain (4) · trade (4) · weather (1)"
    soup = lists_whole.page(URI)
    listed = {h2["id"]: [a["href"].rsplit("#", 1)[1] for a in h2.find_next_sibling("ul").select("a.bf-factlink")]
              for h2 in soup.find_all("h2")}
    assert listed == {"grain": ["planted", "rain", "yield", "sold"],  # blight, withdrawn, is left out
                      "trade": ["export", "price", "sold", "taxed"], "weather": ["rain"]}
    assert not [u for u in lists_whole.generated.pages if u.startswith("tags/")]


def test_past_the_limit_the_page_indexes_the_tags_and_each_gets_its_list(lists: Site) -> None:
    assert index(lists) == [("grain", "tags/grain.md#"), ("trade", "tags/trade.md#"),
                            ("weather", "tags/weather.md#")]
    assert lists.page(URI).select_one("p.bf-tag-index").get_text() == "grain (4) · trade (4) · weather (1)"
    assert lists.page(URI).find_all("h2") == [] and lists.page(URI).select("a.bf-factlink") == []
    assert [lists.fact_links(u) for u in ("tags/trade.md", "tags/trade_page-2.md", "tags/weather.md")] == [
        ["export", "price"], ["sold", "taxed"], ["rain"]]
    assert lists.page("tags/trade.md").h1.get_text().removesuffix("¶") == "Tag: trade (page 1 of 2)"


def test_a_facts_tags_lead_to_its_tags_list_wherever_it_is(lists: Site, lists_whole: Site) -> None:
    for site, expected in ((lists, ["tags/grain.md#", "tags/weather.md#"]),
                           (lists_whole, ["tags.md#grain", "tags.md#weather"])):
        uri = "topics/harvest.md"
        links = [a for a in site.page(uri).find("article", id="rain").select("p.bf-about a") if "tags" in a["href"]]
        assert [a.get_text() for a in links] == ["grain", "weather"]
        assert [site.follow(uri, link["href"]) for link in links] == expected


def test_the_tags_split_only_when_they_would_list_more_than_the_limit(lists: Site) -> None:
    """Nine facts in all under the three tags (rain under two): nine stay on the page, eight do not."""
    whole = list(tag_pages(plan_of(lists, list_page_facts=9)))
    assert [spec.uri for spec in whole] == [URI]
    assert [len(row["facts"]) for row in whole[0].context["tags"]] == [4, 4, 1]
    split = list(tag_pages(plan_of(lists, list_page_facts=8)))
    assert [spec.uri for spec in split] == [URI, "tags/grain.md", "tags/trade.md", "tags/weather.md"]
    assert [len(row["facts"]) for row in split[0].context["tags"]] == [0, 0, 0]
