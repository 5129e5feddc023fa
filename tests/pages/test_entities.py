"""Entity pages and their index (generator/pages/entities.py, templates/entity.md.j2,
entities_index.md.j2): the entities by kind with their number of facts, each entity's current
facts by role (about, asserted by, denied by), each role on a list of its own past
``list_page_facts`` facts; an entity's own name is never a link on its pages. Read from
generated case briefings (no MkDocs build)."""

from __future__ import annotations

import pytest

from generator.pages.entities import entity_pages
from tests.pages.conftest import Site, plan_of

INDEX = "entities/index.md"


def roles(site: Site, uri: str) -> dict[str, list[str]]:
    """An entity page's headings -> the facts listed under each."""
    return {h2.get_text().removesuffix("¶"): [a["href"].rsplit("#", 1)[1] for a in
                                              h2.find_next_sibling().select("a.bf-factlink") if "#" in a["href"]]
            for h2 in site.page(uri).find_all("h2")}


def test_an_entity_page_never_links_its_own_name(case: Site) -> None:
    soup = case.page("entities/alpha-country.md")
    hrefs = [a["href"] for a in soup.find_all("a")]
    assert not [h for h in hrefs if h.endswith("alpha-country.md")]
    assert [h for h in hrefs if h.endswith("beta-country.md")]  # others' names stay linked


def test_the_index_gives_the_entities_by_kind_with_their_facts(lists: Site, case: Site) -> None:
    soup = lists.page(INDEX)
    listed = {h2.get_text().removesuffix("¶"): [(li.get_text(), lists.follow(INDEX, li.a["href"]))
                                                for li in h2.find_next_sibling("ul").find_all("li")]
              for h2 in soup.find_all("h2")}
    # North Farm is in six facts, one of them (taxed) both about it and asserted by it
    assert listed == {"Organization": [("North Farm: A farm in the north (6 facts)", "entities/north-farm.md#")],
                      "Place": [("South Port (1 fact)", "entities/south-port.md#")]}
    countries = case.page(INDEX).find("h2", id="country").find_next_sibling("ul").find_all("li")
    assert [li.a.get_text() for li in countries] == ["Alpha", "Beta"]  # by name within a kind


def test_an_entity_page_lists_its_facts_by_role(case: Site) -> None:
    assert roles(case, "entities/alpha-country.md") == {"Facts about Alpha": ["goat-count"],
                                                        "Facts asserted by Alpha": ["beta-denies"]}
    assert roles(case, "entities/beta-country.md") == {"Facts about Beta": ["goat-count"],
                                                       "Facts denied by Beta": ["beta-denies"]}
    soup = case.page("entities/alpha-country.md")
    assert soup.h1.get_text().removesuffix("¶") == "Alpha"
    assert soup.find("p").get_text() == "A country that ships goats"


def test_past_the_limit_each_role_of_an_entity_gets_its_own_list(lists: Site) -> None:
    uri = "entities/north-farm.md"
    soup = lists.page(uri)
    assert lists.fact_links(uri) == []  # the page itself lists no fact
    links = [(h2.get_text().removesuffix("¶"), a.get_text(), lists.follow(uri, a["href"]))
             for h2 in soup.find_all("h2") for a in [h2.find_next_sibling("p").a]]
    assert links == [("Facts about North Farm", "All 5 facts", "entities/north-farm_about.md#"),
                     ("Facts asserted by North Farm", "All 1 fact", "entities/north-farm_asserts.md#"),
                     ("Facts denied by North Farm", "All 1 fact", "entities/north-farm_denies.md#")]
    about = ["entities/north-farm_about.md", "entities/north-farm_about_page-2.md",
             "entities/north-farm_about_page-3.md"]
    assert [lists.fact_links(u) for u in about] == [["planted", "rain"], ["yield", "sold"], ["taxed"]]
    assert lists.fact_links("entities/north-farm_asserts.md") == ["taxed"]
    assert lists.fact_links("entities/north-farm_denies.md") == ["export"]
    first = lists.page(about[0])
    assert first.h1.get_text().removesuffix("¶") == "Facts about North Farm (page 1 of 3)"
    back = first.select_one("p.bf-list-nav a")
    assert (back.get_text(), lists.follow(about[0], back["href"])) == ("North Farm", f"{uri}#")


def test_a_role_list_never_links_the_entity_it_belongs_to(lists: Site) -> None:
    uri = "entities/north-farm_denies.md"
    claim = lists.page(uri).find("li")
    names = {a.get_text(): lists.follow(uri, a["href"]) for a in claim.find_all("a") if "entities/" in a["href"]}
    assert names == {"South Port": "entities/south-port.md#"}  # "North Farm denied it" stays text
    assert "North Farm denied it" in claim.get_text()


def test_an_entity_in_few_facts_lists_them_on_its_page(lists: Site) -> None:
    assert roles(lists, "entities/south-port.md") == {"Facts asserted by South Port": ["export"]}
    assert not [u for u in lists.generated.pages if u.startswith("entities/south-port_")]


@pytest.mark.parametrize(("limit", "split"), [(7, False), (6, True)])
def test_an_entity_page_splits_only_when_its_roles_hold_more_facts_than_the_limit(
        lists: Site, limit: int, split: bool) -> None:
    """North Farm's roles hold seven facts (taxed twice): seven stay on its page, six do not."""
    specs = [s for s in entity_pages(plan_of(lists, list_page_facts=limit)) if s.uri.startswith("entities/north")]
    assert specs[0].uri == "entities/north-farm.md"
    assert [len(facts) for facts in specs[0].context["roles"].values()] == ([0, 0, 0] if split else [5, 1, 1])
    assert [s.uri for s in specs[1:]] == (["entities/north-farm_about.md", "entities/north-farm_asserts.md",
                                           "entities/north-farm_denies.md"] if split else [])


def test_no_entity_pages_when_the_settings_switch_them_off(lists: Site) -> None:
    assert list(entity_pages(plan_of(lists, entities=False))) == []
