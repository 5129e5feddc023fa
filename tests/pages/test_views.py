"""The views templates read (generator/pages/views.py) and the plan that makes them
(generator/pages/plan.py), from the case briefing, without rendering."""

from __future__ import annotations

from generator.inline import plain_text
from generator.pages.views import FactView
from tests.pages.conftest import Site


def view(case: Site, fact_id: str, from_uri: str = "topics/shipment.md", numbered: bool = True) -> FactView:
    return case.plan.fact_view(case.briefing.facts[fact_id], from_uri, numbered=numbered)


def test_notes_are_numbered_only_where_the_page_footnotes_them(case: Site) -> None:
    assert [n.label for n in view(case, "goat-count").notes] == ["goat-count-1", "goat-count-2"]
    assert [n.label for n in view(case, "goat-count", "tags.md", numbered=False).notes] == ["", ""]


def test_links_are_relative_to_the_folder_of_the_page(case: Site) -> None:
    assert view(case, "goat-count", "index.md").permalink == "topics/shipment.md#goat-count"
    assert view(case, "goat-count", "tags/goats.md").permalink == "../topics/shipment.md#goat-count"
    assert view(case, "goat-count", "index.md").notes[0].source_link == "sources/alpha-report.md"


def test_values_and_how_they_relate(case: Site) -> None:
    detail = view(case, "goat-count")
    assert [(g.value, [n.source_id for n in g.notes]) for g in detail.values] == [
        ("447", ["alpha-report"]), ("nearly 450", ["beta-report"])]
    assert (detail.difference, detail.difference_heading, detail.reconciliation) == (
        "detail", "The sources differ in detail.", "447 is the count; the other report rounds it.")
    contradiction = view(case, "goat-destination")
    assert (contradiction.difference, contradiction.difference_heading, contradiction.reconciliation) == (
        "contradiction", "The sources contradict each other.", "")
    agreeing = view(case, "goat-port")
    assert (agreeing.values, agreeing.difference, agreeing.difference_heading) == ([], "", "")


def test_a_source_error_comes_with_the_reference_sources_of_the_fact(case: Site) -> None:
    fact = view(case, "goat-port")
    (error,) = fact.source_errors
    assert error.note.source_id == "alpha-report"
    assert [(g.source.title, g.locators) for g in error.references] == [
        ("Beta port authority: Nampo harbour", ["History"])]
    assert fact.source_error(fact.notes[0]) is error and fact.source_error(fact.notes[1]) is None
    assert [n.kind for n in fact.notes] == ["News article", "Reference", "News article"]


def test_judgments_naming_a_fact_supports_first(case: Site) -> None:
    assert [(r.role, r.question, r.link) for r in view(case, "beta-denies", "index.md").judgments] == [
        ("Cuts against", "Were the goats aid rather than payment?", "index.md#goats-were-aid")]
    assert [r.role for r in view(case, "goat-count").judgments] == ["Supports"]
    assert view(case, "goat-destination").judgments == []


def test_a_judgment_view_links_its_facts_with_their_claims(case: Site) -> None:
    judgment = case.plan.judgment_view(case.briefing.judgments[0], "index.md")
    assert (judgment.link, judgment.details_link, judgment.scale_link) == (
        "index.md#goats-were-aid", "judgments.md#goats-were-aid", "judgments.md#scale_likelihood")
    assert judgment.likelihood.label == "likely, 55–80 %"
    refs = judgment.supports
    assert [r.link for r in refs] == ["topics/shipment.md#goat-count", "topics/shipment.md#goat-port"]
    assert plain_text(refs[0].claim) == plain_text(case.briefing.facts["goat-count"].fact.claim)
    assert [r.link for r in judgment.cuts_against] == ["topics/shipment.md#beta-denies"]
    assert judgment.topics == [("The shipment", "topics/shipment.md")]


def test_entity_names_link_to_their_pages_except_on_their_own(case: Site) -> None:
    claim = view(case, "goat-count", "entities/beta-country.md", numbered=False).claim
    assert "beta-country.md" in claim
    own = case.plan.fact_view(case.briefing.facts["goat-count"], "entities/alpha-country.md",
                              unlinked="alpha-country").claim
    assert "alpha-country.md" not in own and "beta-country.md" in own
