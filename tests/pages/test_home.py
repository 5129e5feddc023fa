"""The home page (generator/pages/home.py, templates/home.md.j2): the bottom line first, each
judgment in brief with a link to its reasoning (which stays on the judgments page), then the
chart, the topics; contradictions only (details stay on their facts), split past a dozen;
nothing of judgments in a briefing without them."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from generator.inline import plain_text
from generator.pages.home import HOME_CONTRADICTIONS
from generator.vocabulary import LIKELIHOODS, date_label
from tests.pages.conftest import Site

URI = "index.md"


def sections(soup: BeautifulSoup) -> list[str]:
    return [h2.get_text(strip=True).removesuffix("¶") for h2 in soup.find_all("h2")]


def judgment(soup: BeautifulSoup, judgment_id: str) -> Tag:
    heading = soup.find("h3", id=judgment_id)
    assert heading is not None, judgment_id
    return heading.find_parent("section")


def test_bottom_line_first_then_topics(case: Site) -> None:
    assert sections(case.page(URI)) == ["Bottom line", "Topics", "Latest dated facts",
                                        "Where the sources contradict each other", "Follow and reuse this briefing"]


def test_each_judgment_is_its_question_with_a_stable_anchor_and_its_text(case: Site) -> None:
    soup = case.page(URI)
    headings = soup.find("h2", id="bottom_line").find_all_next("h3")
    assert [h["id"] for h in headings] == [j.id for j in case.briefing.judgments]
    for item in case.briefing.judgments:
        section = judgment(soup, item.id)
        assert section.h3.get_text(strip=True).removesuffix("¶") == item.question
        assert plain_text(item.judgment) in section.get_text()
    assert judgment(soup, "goats-were-aid").find("em").get_text() == "aid"  # its inline Markdown


def test_likelihood_and_confidence_in_words_on_one_line_with_a_link_to_the_reasoning(case: Site) -> None:
    soup = case.page(URI)
    for item in case.briefing.judgments:
        line = judgment(soup, item.id).select_one("p.bf-terms")
        scale = LIKELIHOODS[item.likelihood]
        until = case.briefing.evidence_until[item.id]
        evidence = [f"Evidence up to {date_label(until)}"] if until else []
        terms = [f"Likelihood: {scale.term}, {scale.low}–{scale.high} %", f"Confidence: {item.confidence}", *evidence]
        assert line.get_text() == " · ".join([*terms, "Why we judge so"])
        assert [span.get_text() for span in line.select("span.bf-term")] == terms
        to_scale, to_reasoning = line.find_all("a")
        assert case.target(URI, to_scale["href"])[0] == "judgments.md"
        assert case.target(URI, to_scale["href"])[1]["id"] == "scale_likelihood"
        uri, target = case.target(URI, to_reasoning["href"])
        assert (uri, target.name, target["id"]) == ("judgments.md", "h2", item.id)
    assert any(case.briefing.evidence_until.values())  # the case shows how recent a judgment's evidence is


def test_the_reasoning_stays_on_the_judgments_page(case: Site) -> None:
    """Basis, facts, assumptions, alternatives, gaps and indicators are one click away, not here."""
    soup = case.page(URI)
    home = soup.get_text()
    for item in case.briefing.judgments:
        section = judgment(soup, item.id)
        assert [p.get_text() for p in section.find_all("p")] == [plain_text(item.judgment),
                                                                section.select_one("p.bf-terms").get_text()]
        hidden = [item.basis, *item.assumptions, *(a.text for a in item.alternatives), *item.gaps, *item.indicators]
        assert [text for text in hidden if plain_text(text) in home] == []
    assert soup.find(id="not_known") is None and soup.find(id="to_watch") is None


def test_the_latest_facts_are_listed_without_the_judgments_they_bear_on(case: Site) -> None:
    """The judgments are right above; each fact's page names them."""
    soup = case.page(URI)
    items = soup.find("h2", id="latest_facts").find_next_sibling("ul").find_all("li", recursive=False)
    assert [case.target(URI, li.select_one("a.bf-factlink")["href"])[1]["id"] for li in items] == [
        "goat-port", "goat-count", "talks-held"]
    assert soup.find("h2", id="latest_facts").find_next_sibling("ul").select(".bf-judgment-ref") == []
    assert "Supports" in case.page("topics/shipment.md").find(id="goat-port").get_text()


def test_the_chart_follows_the_judgments_and_links_each_one(case: Site) -> None:
    soup = case.page(URI)
    figure = soup.find("h2", id="bottom_line").find_next("figure")
    assert figure is not None and figure.find_previous("h3")["id"] == case.briefing.judgments[-1].id
    assert figure.find_next("h2")["id"] == "topic_list"
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
