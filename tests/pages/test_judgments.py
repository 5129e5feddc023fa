"""The judgments page (generator/pages/judgments.py, templates/judgments.md.j2): every judgment
in full, and the estimative scale that every likelihood term links to."""

from __future__ import annotations

from bs4 import Tag

from generator.inline import plain_text
from generator.vocabulary import CONFIDENCE_LABELS, CONFIDENCE_MEANINGS, LIKELIHOODS
from tests.pages.conftest import Site

URI = "judgments.md"


def block(case: Site, judgment_id: str) -> Tag:
    heading = case.page(URI).find("h2", id=judgment_id)
    assert heading is not None
    return heading.find_parent("section")


def items_after(section: Tag, label: str) -> list[Tag]:
    strong = section.find("strong", string=f"{label}:")
    assert strong is not None, label
    return strong.find_parent("p").find_next_sibling("ul").find_all("li", recursive=False)


def test_every_judgment_in_order_with_its_text_likelihood_and_confidence(case: Site) -> None:
    soup = case.page(URI)
    assert [h["id"] for h in soup.find_all("h2")] == [j.id for j in case.briefing.judgments] + [
        "scale_likelihood", "scale_confidence", "scale_apart"]
    for item in case.briefing.judgments:
        section = block(case, item.id)
        assert section.h2.get_text(strip=True).removesuffix("¶") == item.question
        assert plain_text(item.judgment) in section.get_text()
        assert section.select_one("p.bf-likelihood").get_text() == f"Likelihood: {LIKELIHOODS[item.likelihood].label}."
        assert section.select_one("p.bf-confidence").get_text() == f"Confidence: {item.confidence}. {item.basis}"
        assert section.find("a", string="On the home page")["href"] == f"index.md#{item.id}"


def test_the_facts_for_and_against_are_given_by_their_claims(case: Site) -> None:
    section = block(case, "goats-were-aid")
    for label, ids in (("Rests on", ["goat-count", "goat-port"]), ("Cuts against", ["beta-denies"])):
        items = items_after(section, label)
        assert [li.get_text().removesuffix(" View fact") for li in items] == [
            plain_text(case.briefing.facts[i].fact.claim) for i in ids]
        for li, fact_id in zip(items, ids, strict=True):
            assert case.target(URI, li.select_one("a.bf-factlink")["href"])[1]["id"] == fact_id


def test_assumptions_alternatives_gaps_indicators_and_history(case: Site) -> None:
    section = block(case, "goats-were-aid")
    assert [li.get_text() for li in items_after(section, "Assumptions")] == ["The reports describe one shipment."]
    (alternative,) = items_after(section, "Alternatives considered")
    assert alternative.get_text() == "The goats paid for arms. (unlikely, 20–45 %)"
    assert case.target(URI, alternative.a["href"])[1]["id"] == "scale_likelihood"
    assert [li.get_text() for li in items_after(section, "What we do not know")] == [
        "What Beta gave in return, if anything.", "Who chose the goats."]
    assert [li.get_text() for li in items_after(section, "What to watch")] == ["A second shipment."]
    assert [li.get_text() for li in items_after(section, "History")] == [
        "20 August 2024: First made.",
        "3 September 2024: Raised from roughly even chance once the port's records were read."]
    assert "Reviewed 3 September 2024." in section.select_one("p.bf-reviewed").get_text()
    bare = block(case, "talks-go-on")
    assert bare.find("strong", string="Assumptions:") is None and bare.find("strong", string="History:") is None


def test_the_scale_gives_the_seven_terms_with_their_ranges(case: Site) -> None:
    soup = case.page(URI)
    scale = soup.find("h2", id="scale_likelihood").find_next_sibling("ul").find_all("li")
    assert [li.get_text() for li in scale] == [f"{item.term}: {item.low}–{item.high} %"
                                               for item in LIKELIHOODS.values()]
    assert len(scale) == 7
    confidence = soup.find("h2", id="scale_confidence").find_next_sibling("ul").find_all("li")
    assert [li.get_text() for li in confidence] == [
        f"{CONFIDENCE_LABELS[k]}: {CONFIDENCE_MEANINGS[k]}." for k in CONFIDENCE_LABELS]
    apart = soup.find("h2", id="scale_apart").find_next_sibling("p").get_text()
    assert "Likelihood is how probable" in apart and "confidence is how much we trust the evidence" in apart


def test_the_page_is_in_the_navigation_after_home(case: Site) -> None:
    assert case.generated.nav[:2] == [{"Home": "index.md"}, {"Key judgments": URI}]
