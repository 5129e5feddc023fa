"""The list pages and their paginator (generator/pages/paginate.py, statuses.py, tags.py,
timeline.py, entities.py): current facts only, each line naming the judgments its fact
bears on, long lists over numbered pages that link to each other."""

from __future__ import annotations

import pytest

from generator.pages.paginate import page_uris
from generator.pages.statuses import status_pages
from tests.pages.conftest import Site, make_site
from tests.pages.shapes import shape_files

LISTS = ("status/", "tags/", "timeline/", "entities/", "contradictions")


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
    assert page_uris("tags/goats", 0, 3) == ["tags/goats.md"]
    assert page_uris("tags/goats", 3, 3) == ["tags/goats.md"]
    assert page_uris("tags/goats", 7, 3) == ["tags/goats.md", "tags/goats_page-2.md", "tags/goats_page-3.md"]


def test_retired_facts_are_left_out_of_every_list(split: Site, case: Site) -> None:
    for site, retired in ((split, "t0-f1"), (case, "goat-breed")):
        found = listed(site)
        assert retired not in found
        assert set(found) >= {p.id for p in site.briefing.current_facts if p.fact.tags}


def test_every_current_fact_is_on_exactly_one_status_list(split: Site) -> None:
    by_status = [fact for uri in split.generated.pages if uri.startswith("status/") and "denied" not in uri
                 for fact in (a["href"].rsplit("#", 1)[1] for a in split.page(uri).select("a.bf-factlink"))]
    assert sorted(by_status) == sorted(p.id for p in split.briefing.current_facts)


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


def test_the_timeline_has_its_chart_when_one_page_and_none_when_split(case: Site, split: Site) -> None:
    figure = case.page("timeline.md").find("figure")
    marks = [a["xlink:href"] for a in figure.find_all("a")]
    assert marks and all(case.page("timeline.md").find(id=m.removeprefix("#")) for m in marks)
    assert "#goat-breed" not in marks
    assert split.page("timeline.md").find("figure") is None
    assert any(uri.startswith("timeline/") for uri in split.generated.pages)


def test_a_briefing_without_dates_says_so_on_its_timeline(tmp_path) -> None:
    site = make_site(tmp_path / "project", files=shape_files(dated=False))
    soup = site.page("timeline.md")
    assert soup.find("figure") is None and soup.find("h2") is None
    assert "No fact has a date yet" in soup.get_text()


@pytest.mark.parametrize("denials", [True, False])
def test_the_legend_links_only_to_lists_that_are_written(tmp_path, denials: bool) -> None:
    site = make_site(tmp_path / "project", files=shape_files(denials=denials, values=False, facts=4,
                                                             list_page_facts=2))
    for link in site.page("status.md").select(".bf-filters a"):
        site.target("status.md", link["href"])  # fails unless the page and its anchor are written
    assert ("status/denied.md" in site.generated.files) == denials
    written = {spec.uri for spec in status_pages(site.plan)}
    assert "status/disputed.md" not in written  # no disputed fact: no empty list page


def test_an_entity_page_never_links_its_own_name(case: Site) -> None:
    soup = case.page("entities/alpha-country.md")
    hrefs = [a["href"] for a in soup.find_all("a")]
    assert not [h for h in hrefs if h.endswith("alpha-country.md")]
    assert [h for h in hrefs if h.endswith("beta-country.md")]  # others' names stay linked


def test_a_timeline_entry_keeps_claim_judgments_and_sources_apart(case: Site) -> None:
    entry = case.page("timeline.md").find("div", id="goat-count")
    meta, claim, sources = entry.find_all("p")
    assert "bf-tl-meta" in meta["class"] and "bf-tl-sources" in sources["class"]
    assert claim.get_text().endswith("View fact Supports: Were the goats aid rather than payment?")
    assert sources.get_text().startswith("Sources: ")
