"""The status legend (generator/pages/statuses.py, templates/status.md.j2): what each status means
with its count and a link to its facts, each status's facts in its section or, past
``list_page_facts``, on list pages of their own, and every claim a party denied. Read from
generated case briefings (no MkDocs build)."""

from __future__ import annotations

import pytest

from generator.pages.statuses import status_pages
from generator.vocabulary import STATUS_LABELS, STATUS_MEANINGS
from tests.pages.conftest import Site, make_site, plan_of
from tests.pages.shapes import shape_files

URI = "status.md"


def filters(site: Site) -> list[tuple[str, str]]:
    """The legend's filters as a reader follows them: (words, page#anchor)."""
    return [(link.get_text(), site.follow(URI, link["href"])) for link in site.page(URI).select(".bf-filters a")]


def test_every_current_fact_is_on_exactly_one_status_list(split: Site) -> None:
    by_status = [fact for uri in split.generated.pages if uri.startswith("status/") and "denied" not in uri
                 for fact in split.fact_links(uri)]
    assert sorted(by_status) == sorted(p.id for p in split.briefing.current_facts)


@pytest.mark.parametrize("denials", [True, False])
def test_the_legend_links_only_to_lists_that_are_written(tmp_path, denials: bool) -> None:
    site = make_site(tmp_path / "project", files=shape_files(denials=denials, values=False, facts=4,
                                                             list_page_facts=2))
    for link in site.page("status.md").select(".bf-filters a"):
        site.target("status.md", link["href"])  # fails unless the page and its anchor are written
    assert ("status/denied.md" in site.generated.files) == denials
    written = {spec.uri for spec in status_pages(site.plan)}
    assert "status/disputed.md" not in written  # no disputed fact: no empty list page


def test_one_page_legend_counts_each_status_and_lists_its_facts_in_its_section(case: Site) -> None:
    assert filters(case) == [("confirmed (1)", "status.md#confirmed"), ("reported (2)", "status.md#reported"),
                             ("alleged (1)", "status.md#alleged"), ("disputed (1)", "status.md#disputed"),
                             ("denied by a party (1)", "status.md#denied")]
    soup = case.page(URI)
    sections = {s["id"]: s for s in soup.select("section.bf-status-section")}
    assert list(sections) == [*STATUS_LABELS, "denied"]
    listed = {status: [a["href"] for a in section.select("a.bf-factlink")] for status, section in sections.items()}
    assert listed == {"confirmed": ["topics/shipment.md#goat-port"],
                      "reported": ["topics/shipment.md#goat-count", "topics/talks.md#talks-held"],
                      "alleged": ["topics/shipment.md#beta-denies"],
                      "disputed": ["topics/shipment.md#goat-destination"],
                      "denied": ["topics/shipment.md#beta-denies"]}  # goat-breed is withdrawn: in none
    for status, label in STATUS_LABELS.items():
        meaning = sections[status].select_one("p.bf-status-meaning").get_text(" ", strip=True)
        count = len(listed[status])
        assert meaning == f"{label} {STATUS_MEANINGS[status]} ({count} {'fact' if count == 1 else 'facts'})"
    assert "Beta" in sections["denied"].find("li").get_text()  # who denied it
    headings = [section.h2.get_text(strip=True).removesuffix("¶") for section in sections.values()]
    assert headings == [f"{label} facts" for label in STATUS_LABELS.values()] + ["Denied claims"]


def test_past_the_limit_the_legend_links_each_status_to_its_own_list(lists: Site) -> None:
    assert filters(lists) == [
        ("confirmed (1)", "status/confirmed.md#"), ("reported (4)", "status/reported.md#"),
        ("alleged (1)", "status/alleged.md#"), ("disputed (1)", "status/disputed.md#"),
        ("denied by a party (1)", "status/denied.md#")]
    soup = lists.page(URI)
    assert soup.select("li") == []  # the legend itself lists no fact
    every = [(a.get_text(), lists.target(URI, a["href"])[0]) for a in soup.select("a.bf-factlink")]
    assert every == [("Every confirmed fact", "status/confirmed.md"), ("Every reported fact", "status/reported.md"),
                     ("Every alleged fact", "status/alleged.md"), ("Every disputed fact", "status/disputed.md"),
                     ("Every denied claim", "status/denied.md")]


def test_each_status_list_gives_its_meaning_and_its_facts_over_pages(lists: Site) -> None:
    assert [u for u in lists.generated.pages if u.startswith("status/")] == [
        "status/confirmed.md", "status/reported.md", "status/reported_page-2.md", "status/alleged.md",
        "status/disputed.md", "status/denied.md"]
    assert [lists.fact_links(u) for u in ("status/reported.md", "status/reported_page-2.md")] == [
        ["rain", "yield"], ["sold", "taxed"]]  # blight, reported but withdrawn, is left out
    first = lists.page("status/reported.md")
    assert first.h1.get_text().removesuffix("¶") == "Reported facts (page 1 of 2)"
    assert first.select_one("p.bf-lede").get_text() == f"Reported: {STATUS_MEANINGS['reported']}. 4 facts."
    back = first.select_one("p.bf-list-nav a")
    assert back.get_text() == "Status legend" and lists.target("status/reported.md", back["href"])[0] == URI
    denied = lists.page("status/denied.md")
    assert denied.h1.get_text().removesuffix("¶") == "Denied claims"
    assert lists.fact_links("status/denied.md") == ["export"]
    assert "North Farm" in denied.find("li").get_text()  # who denied it
    assert lists.fact_links("status/disputed.md") == ["price"]


@pytest.mark.parametrize(("limit", "split"), [(7, False), (6, True)])
def test_the_legend_splits_only_when_it_would_list_more_than_the_limit(lists: Site, limit: int, split: bool) -> None:
    """Seven current facts: a limit of seven keeps them on the legend, six sends them to list pages."""
    specs = list(status_pages(plan_of(lists, list_page_facts=limit)))
    assert specs[0].uri == URI and specs[0].context["split"] is split
    assert [spec.uri for spec in specs[1:]] == (["status/confirmed.md", "status/reported.md", "status/alleged.md",
                                                 "status/disputed.md", "status/denied.md"] if split else [])
    shown = [view.anchor for row in specs[0].context["statuses"] for view in row["facts"]]
    assert shown == ([] if split else ["planted", "rain", "yield", "sold", "taxed", "export", "price"])
