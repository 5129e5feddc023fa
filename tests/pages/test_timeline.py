"""The timeline (generator/pages/timeline.py, templates/timeline.md.j2): every current dated fact
in order under its year and month (a fact known only to the year under "<year>, month not
known"), with its chart; past ``list_page_facts`` dated facts, an index of months and a list
page per month, each linking to the months around it. Read from generated case briefings (no
MkDocs build)."""

from __future__ import annotations

import pytest

from generator.pages.timeline import Timeline, timeline_pages
from tests.pages.conftest import Site, make_site, plan_of
from tests.pages.shapes import shape_files

URI = "timeline.md"
#: The split-lists case's periods: their list pages, and the facts of each, oldest first.
MONTHS = {"2023, month not known": ["timeline/2023.md"],
          "May 2023": ["timeline/2023-05.md", "timeline/2023-05_page-2.md"],
          "September 2023": ["timeline/2023-09.md"], "January 2024": ["timeline/2024-01.md"]}
FACTS = {"2023, month not known": ["planted"], "May 2023": ["rain", "yield", "sold"], "September 2023": ["export"],
         "January 2024": ["price"]}


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


def test_a_timeline_entry_keeps_claim_judgments_and_sources_apart(case: Site) -> None:
    entry = case.page("timeline.md").find("div", id="goat-count")
    meta, claim, sources = entry.find_all("p")
    assert "bf-tl-meta" in meta["class"] and "bf-tl-sources" in sources["class"]
    assert claim.get_text().endswith("View fact Supports: Were the goats aid rather than payment?")
    assert sources.get_text().startswith("Sources: ")


def test_one_page_lists_the_facts_by_year_then_month_the_year_only_first(lists_whole: Site) -> None:
    soup = lists_whole.page(URI)
    years = {h2.get_text().removesuffix("¶"): h2["id"] for h2 in soup.find_all("h2")}
    assert years == {"2023": "year_2023", "2024": "year_2024"}
    months = {h3.get_text().removesuffix("¶"): (h3.find_previous("h2")["id"], h3["id"]) for h3 in soup.find_all("h3")}
    assert months == {"2023, month not known": ("year_2023", "year_2023_month-unknown"),
                      "May 2023": ("year_2023", "month_2023-05"), "September 2023": ("year_2023", "month_2023-09"),
                      "January 2024": ("year_2024", "month_2024-01")}
    entries = {label: [] for label in months}
    for entry in soup.select("div.bf-tl-fact"):
        entries[entry.find_previous("h3").get_text().removesuffix("¶")].append(entry["id"])
    assert entries == FACTS  # blight (withdrawn) and taxed (no date) are not on the timeline
    shown = [entry.select_one(".bf-tl-meta strong").get_text() for entry in soup.select("div.bf-tl-fact")]
    assert shown == ["2023", "May 2023", "20 May 2023", "25 May 2023", "September 2023", "10 January 2024"]
    assert not [u for u in lists_whole.generated.pages if u.startswith("timeline/")]


def test_past_the_limit_the_timeline_indexes_its_months_with_their_counts(lists: Site) -> None:
    soup = lists.page(URI)
    assert soup.find("figure") is None and soup.select("div.bf-tl-fact") == []
    indexed = [(li.find_previous("h2").get_text().removesuffix("¶"), li.get_text(), lists.follow(URI, li.a["href"]))
               for li in soup.find_all("li")]
    assert indexed == [("2023", "2023, month not known: 1 fact", "timeline/2023.md#"),
                       ("2023", "May 2023: 3 facts", "timeline/2023-05.md#"),
                       ("2023", "September 2023: 1 fact", "timeline/2023-09.md#"),
                       ("2024", "January 2024: 1 fact", "timeline/2024-01.md#")]
    assert "6 facts in all" in soup.get_text()


def test_each_month_page_lists_its_facts_and_links_to_the_months_around_it(lists: Site) -> None:
    labels = list(MONTHS)
    assert [u for u in lists.generated.pages if u.startswith("timeline/")] == [u for us in MONTHS.values() for u in us]
    for index, (label, uris) in enumerate(MONTHS.items()):
        assert [f for uri in uris for f in lists.fact_links(uri)] == FACTS[label]
        for uri in uris:
            soup = lists.page(uri)
            assert soup.h1.get_text().removesuffix("¶").startswith(f"Timeline: {label}")
            around = [(a.get_text(), lists.follow(uri, a["href"])) for a in soup.select("p.bf-list-nav a")]
            expected = [("Whole timeline", "timeline.md#")]
            if index > 0:
                expected.append((f"← {labels[index - 1]}", f"{MONTHS[labels[index - 1]][0]}#"))
            if index + 1 < len(labels):
                expected.append((f"{labels[index + 1]} →", f"{MONTHS[labels[index + 1]][0]}#"))
            assert around == expected, uri
    assert [lists.fact_links(u) for u in MONTHS["May 2023"]] == [["rain", "yield"], ["sold"]]
    assert lists.page("timeline/2023-05_page-2.md").h1.get_text().removesuffix("¶") == (
        "Timeline: May 2023 (page 2 of 2)")


@pytest.mark.parametrize(("limit", "split"), [(6, False), (5, True)])
def test_the_timeline_splits_only_when_it_has_more_dated_facts_than_the_limit(
        lists: Site, limit: int, split: bool) -> None:
    """Six dated facts: a limit of six keeps them on one page with the chart, five splits them by month
    (each month of at most five facts on one page)."""
    plan = plan_of(lists, list_page_facts=limit)
    assert Timeline(plan).split is split
    specs = list(timeline_pages(plan))
    assert [spec.uri for spec in specs] == [URI] + ([uris[0] for uris in MONTHS.values()] if split else [])
    assert bool(specs[0].context["chart"]) is not split


def test_no_timeline_when_the_settings_switch_it_off(lists: Site) -> None:
    assert list(timeline_pages(plan_of(lists, timeline=False))) == []
