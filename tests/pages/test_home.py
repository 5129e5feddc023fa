"""The home page (generator/pages/home.py, templates/home.md.j2): the bottom line first, then
what we do not know and what to watch, then the topics; contradictions only (details stay on
their facts), split past a dozen; nothing of judgments in a briefing without them."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from generator.inline import plain_text
from generator.pages.home import HOME_CONTRADICTIONS
from generator.vocabulary import LIKELIHOODS
from tests.pages.conftest import Site

URI = "index.md"


def sections(soup: BeautifulSoup) -> list[str]:
    return [h2.get_text(strip=True).removesuffix("¶") for h2 in soup.find_all("h2")]


def judgment(soup: BeautifulSoup, judgment_id: str) -> Tag:
    heading = soup.find("h3", id=judgment_id)
    assert heading is not None, judgment_id
    return heading.find_parent("section")


def test_bottom_line_first_then_gaps_indicators_topics(case: Site) -> None:
    assert sections(case.page(URI)) == ["Bottom line", "What we do not know", "What to watch", "Topics",
                                        "Latest dated facts", "Where the sources contradict each other",
                                        "Follow and reuse this briefing"]


def test_each_judgment_is_its_question_with_a_stable_anchor_and_its_text(case: Site) -> None:
    soup = case.page(URI)
    headings = soup.find("h2", id="bottom_line").find_all_next("h3")
    assert [h["id"] for h in headings] == [j.id for j in case.briefing.judgments]
    for item in case.briefing.judgments:
        section = judgment(soup, item.id)
        assert section.h3.get_text(strip=True).removesuffix("¶") == item.question
        assert plain_text(item.judgment) in section.get_text()
    assert judgment(soup, "goats-were-aid").find("em").get_text() == "aid"  # its inline Markdown


def test_likelihood_in_words_with_its_range_linked_to_the_scale(case: Site) -> None:
    soup = case.page(URI)
    for item in case.briefing.judgments:
        line = judgment(soup, item.id).select_one("p.bf-likelihood")
        scale = LIKELIHOODS[item.likelihood]
        assert line.get_text() == f"Likelihood: {scale.term}, {scale.low}–{scale.high} %."
        uri, target = case.target(URI, line.a["href"])
        assert (uri, target["id"]) == ("judgments.md", "scale_likelihood")
    assert judgment(soup, "goats-were-aid").select_one("p.bf-likelihood a").get_text() == "likely, 55–80 %"


def test_confidence_is_a_sentence_of_its_own_with_the_basis(case: Site) -> None:
    soup = case.page(URI)
    for item in case.briefing.judgments:
        section = judgment(soup, item.id)
        confidence = section.select_one("p.bf-confidence")
        assert confidence.get_text() == f"Confidence: {item.confidence}. {item.basis}"
        assert "onfidence" not in section.select_one("p.bf-likelihood").get_text()
        assert not re.search(r"confiden", plain_text(item.judgment), re.I)


def test_fact_links_resolve_and_show_the_claim_on_hover_and_focus(case: Site) -> None:
    soup = case.page(URI)
    for item in case.briefing.judgments:
        section = judgment(soup, item.id)
        for label, ids in (("Rests on", item.supports), ("Cuts against", item.cuts_against)):
            line = section.find(lambda t, label=label: t.name == "p" and t.get_text().startswith(label + ":"))
            if not ids:
                assert line is None
                continue
            links = line.find_all("a")
            assert [a.get_text() for a in links] == [fact_id.replace("-", " ") for fact_id in ids]
            for link, fact_id in zip(links, ids, strict=True):
                uri, target = case.target(URI, link["href"])
                placed = case.briefing.facts[fact_id]
                assert (uri, target.name, target["id"]) == (f"topics/{placed.topic_id}.md", "article", fact_id)
                assert link["title"] == plain_text(placed.fact.claim)


def test_every_gap_and_indicator_is_listed_under_a_link_back_to_its_judgment(case: Site) -> None:
    soup = case.page(URI)
    for heading_id, field in (("not_known", "gaps"), ("to_watch", "indicators")):
        listed: dict[str, list[str]] = {}
        for item in soup.find("h2", id=heading_id).find_next_sibling("ul").find_all("li", recursive=False):
            anchor = item.find("a")["href"]
            assert case.target(URI, anchor)[1].name == "h3"
            listed[anchor.removeprefix("#")] = [li.get_text(strip=True) for li in item.find("ul").find_all("li")]
        assert listed == {j.id: getattr(j, field) for j in case.briefing.judgments if getattr(j, field)}
    assert "talks-go-on" not in str(soup.find("h2", id="to_watch").find_next_sibling("ul"))  # none to watch


def test_the_chart_stands_beside_the_bottom_line_and_links_each_judgment(case: Site) -> None:
    soup = case.page(URI)
    figure = soup.find("h2", id="bottom_line").find_next("figure")
    assert figure is not None and figure.find_next("h3")["id"] == case.briefing.judgments[0].id
    rows = figure.select("a.bf-likelihood__row")
    assert [a["href"] for a in rows] == [f"#{j.id}" for j in case.briefing.judgments]
    for row in rows:
        assert case.target(URI, row["href"])[1].name == "h3"
    assert figure.figcaption.get_text().startswith("Likelihood of the 2 key judgments")


def test_only_contradictions_are_listed_details_stay_on_their_facts(case: Site) -> None:
    soup = case.page(URI)
    heading = soup.find("h2", id="contradictions_list")
    items = heading.find_next_sibling("ul").find_all("li", recursive=False)
    assert [case.target(URI, li.select_one("a.bf-factlink")["href"])[1]["id"] for li in items] == ["goat-destination"]
    (item,) = items
    assert "The sources contradict each other." in item.get_text()
    values = item.find("ul").find_all("li", recursive=False)
    assert [(v.strong.get_text(), v.a.get_text()) for v in values] == [
        ("Nampo", "Alpha report on the shipment"), ("Rason", "[Report on the shipment]")]
    assert "goat-count" not in str(heading.find_next_sibling("ul"))


def test_a_briefing_without_judgments_has_no_bottom_line(minimal: Site) -> None:
    soup = minimal.page(URI)
    assert sections(soup)[0] == "Topics"
    assert soup.find("figure") is None and soup.find(id="not_known") is None and soup.find(id="to_watch") is None
    assert "judgments.md" not in minimal.generated.files
    assert "Key judgments" not in str(minimal.generated.nav)
    assert soup.find(string=re.compile("contradict")) is None  # its one difference is a detail


def test_past_a_dozen_or_a_list_page_contradictions_go_on_a_list_of_their_own(split: Site) -> None:
    contradictions = [p.id for p in split.briefing.contradictions]
    shown = min(HOME_CONTRADICTIONS, split.plan.list_size)
    assert len(contradictions) > shown
    soup = split.page(URI)
    heading = soup.find("h2", id="contradictions_list")
    items = heading.find_next_sibling("ul").find_all("li", recursive=False)
    assert [li.select_one("a.bf-factlink")["href"].rsplit("#")[1] for li in items] == contradictions[:shown]
    more = soup.find("a", string=f"All {len(contradictions)} facts whose sources contradict each other")
    uri, _ = split.target(URI, more["href"])
    listed: list[str] = []
    while uri:
        page = split.page(uri)
        listed += [a["href"].rsplit("#")[1] for a in page.select("a.bf-factlink")]
        following = page.select_one("p.bf-pager strong")
        after = following.find_next_sibling("a") if following else None
        uri = split.target(uri, after["href"])[0] if after else ""
    assert listed == contradictions
    assert "t0-f1" not in listed  # retired
