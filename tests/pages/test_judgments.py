"""The judgments page (generator/pages/judgments.py, templates/judgments.md.j2): every judgment
in full, and the estimative scale that every likelihood term links to."""

from __future__ import annotations

from pathlib import Path

from bs4 import Tag

from generator.inline import plain_text
from generator.vocabulary import CONFIDENCE_LABELS, CONFIDENCE_MEANINGS, LIKELIHOODS, date_label
from tests.conftest import CASES
from tests.pages.conftest import Site, make_site

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
        until = date_label(case.briefing.evidence_until[item.id])
        assert section.select_one("p.bf-likelihood").get_text() == (
            f"Likelihood: {LIKELIHOODS[item.likelihood].label}, evidence up to {until}.")
        assert section.select_one("p.bf-confidence").get_text() == f"Confidence: {item.confidence}. {item.basis}"
        assert section.find("a", string="On the home page")["href"] == f"index.md#{item.id}"


def test_each_judgment_says_how_recent_its_evidence_is(case: Site) -> None:
    """The newest date among the facts it rests on, beside its likelihood: goat-port's day beats
    goat-count's month; reviewed within a year of it, no note."""
    assert block(case, "goats-were-aid").select_one("p.bf-likelihood").get_text() == (
        "Likelihood: likely, 55–80 %, evidence up to 14 August 2024.")
    assert block(case, "talks-go-on").select_one("p.bf-likelihood").get_text() == (
        "Likelihood: roughly even chance, 45–55 %, evidence up to July 2024.")
    assert case.page(URI).select("p.bf-evidence-note") == []


def test_a_judgment_reviewed_long_after_its_evidence_says_so(tmp_path: Path) -> None:
    """Reviewed more than a year after the last day its newest fact covers (July 2024 for
    talks-go-on), a judgment says so; a day short of that, it does not."""
    judgments = (CASES / "judgments" / "briefings" / "judgments.yml").read_text(encoding="utf-8")
    late = judgments.replace('  gaps:\n    - "What the two sides asked for."\n  reviewed: "2024-09-03"',
                             '  gaps:\n    - "What the two sides asked for."\n  reviewed: "2025-08-01"')
    assert late != judgments
    site = make_site(tmp_path / "late", CASES / "judgments" / "briefings", {"briefings/judgments.yml": late})
    notes = site.page(URI).select("p.bf-evidence-note")
    assert [n.get_text() for n in notes] == ["Reviewed August 2025; its newest evidence is from July 2024."]
    assert notes[0].find_parent("section").h2["id"] == "talks-go-on"
    edge = make_site(tmp_path / "edge", CASES / "judgments" / "briefings",
                     {"briefings/judgments.yml": late.replace('"2025-08-01"', '"2025-07-31"')})
    assert edge.page(URI).select("p.bf-evidence-note") == []


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
