"""Topic pages (generator/pages/topics.py, templates/topic.md.j2): the truth model on the page
that holds each fact, the judgments that open it, and retired facts' anchors. Read from the
case briefing tests/cases/judgments, generated without MkDocs."""

from __future__ import annotations

from bs4 import Tag

from generator.inline import plain_text
from tests.pages.conftest import Site

URI = "topics/shipment.md"


def fact(site: Site, fact_id: str) -> Tag:
    article = site.page(URI).find("article", id=fact_id)
    assert article is not None
    return article


def footnote(site: Site, label: str) -> Tag:
    note = site.page(URI).find(id=f"fn:{label}")
    assert note is not None
    return note


def test_a_difference_in_detail_gives_the_reconciliation_first_then_each_value(case: Site) -> None:
    box = fact(case, "goat-count").select_one("div.bf-values.bf-values--detail")
    assert box is not None
    first, values = box.find("p"), box.find("ul")
    assert first.get_text(" ", strip=True) == ("The sources differ in detail. "
                                               "447 is the count; the other report rounds it.")
    assert first.strong.get_text() == "The sources differ in detail."
    assert first.find_next_sibling() is values  # the words come before the values
    items = values.find_all("li", recursive=False)
    assert [li.strong.get_text() for li in items] == ["447", "nearly 450"]
    assert [li.get_text().split(": ", 1)[1].rstrip("0123456789") for li in items] == [
        "Alpha report on the shipment", "[Report on the shipment]"]
    assert [li.select_one("a.footnote-ref")["href"] for li in items] == ["#fn:goat-count-1", "#fn:goat-count-2"]


def test_a_contradiction_says_so_with_each_value_and_who_gives_it(case: Site) -> None:
    article = fact(case, "goat-destination")
    box = article.select_one("div.bf-values.bf-values--contradiction")
    assert box is not None
    assert box.find("p").get_text(" ", strip=True) == "The sources contradict each other."
    items = box.find("ul").find_all("li", recursive=False)
    assert [(li.strong.get_text(), li.select_one("a.footnote-ref")["href"]) for li in items] == [
        ("Nampo", "#fn:goat-destination-1"), ("Rason", "#fn:goat-destination-2")]
    assert article.select_one("a.bf-badge").get_text() == "Disputed"  # in words, beside the colour


def test_values_that_agree_get_no_box(case: Site) -> None:
    assert fact(case, "goat-port").select_one(".bf-values") is None


def test_a_source_error_shows_with_its_citation_and_the_reference_beside_it(case: Site) -> None:
    article = fact(case, "goat-port")
    (box,) = article.select(".bf-source-error")
    words = box.get_text(" ", strip=True)
    assert words.startswith("Source error: The report says the harbour opened in 1950; the port authority "
                            "gives 1980.")
    assert "in Alpha report on the shipment" in words and "the record: Beta port authority: Nampo harbour" in words
    assert [a["href"] for a in box.select("a.footnote-ref")] == ["#fn:goat-port-1", "#fn:goat-port-2"]
    note = footnote(case, "goat-port-1")
    assert "Source error: The report says the harbour opened in 1950" in note.get_text(" ", strip=True)
    record = note.find("a", string="Beta port authority: Nampo harbour")
    assert record is not None and record["href"] == "../sources/ref-page.md"
    assert "(History)" in note.get_text()
    reference = footnote(case, "goat-port-2")
    assert "Reference." in reference.get_text() and "Source error" not in reference.get_text()
    assert "Source error" not in footnote(case, "goat-port-3").get_text()


def test_the_claim_states_the_record_not_the_error(case: Site) -> None:
    claim = fact(case, "goat-port").find_all("p")[0].get_text()
    assert "1980" in claim and "1950" not in claim


def test_corrections_read_correction_date_note(case: Site) -> None:
    (line,) = fact(case, "goat-port").select("p.bf-correction")
    assert line.get_text(" ", strip=True) == ("Correction, 2 September 2024: The opening year now follows the "
                                              "port authority, not the report.")


def test_a_retired_fact_keeps_its_anchor_and_says_it_is_withdrawn(case: Site) -> None:
    article = fact(case, "goat-breed")
    assert "bf-fact--retired" in article["class"]
    heading = article.select_one("h3.bf-fact__head")
    assert heading.get_text(" ", strip=True).startswith("Withdrawn")
    assert heading.find("a", href="#goat-breed") is not None  # its permalink still works
    assert article.select_one("p.bf-retired").get_text(" ", strip=True) == (
        "No source names the breed; the report cited speaks of milk, not of a breed.")
    assert article.select("a.bf-badge, sup, .bf-single") == []  # no status, no citations
    assert case.page(URI).find(id="fn:goat-breed-1") is None
    counts = case.page(URI).select_one("p.bf-counts").get_text()
    assert counts == "4 facts from 3 sources; 1 withdrawn"


def test_single_source_facts_stay_marked(case: Site) -> None:
    assert fact(case, "beta-denies").select_one(".bf-single").get_text() == "Single source"
    assert fact(case, "goat-count").select_one(".bf-single") is None


def test_the_page_opens_with_the_judgments_that_name_the_topic(case: Site) -> None:
    soup = case.page(URI)
    section = soup.select_one("section.bf-topic-judgments")
    assert section is not None and section.find_next("article") is not None
    assert soup.find("article").find_previous("section", class_="bf-topic-judgments") is section
    questions = section.find_all("h3")
    assert [h.get_text(strip=True).removesuffix("¶") for h in questions] == [
        j.question for j in case.briefing.judgments]
    for heading, judgment in zip(questions, case.briefing.judgments, strict=True):
        _, target = case.target(URI, heading.a["href"])
        assert target["id"] == judgment.id and target.get_text(strip=True).removesuffix("¶") == judgment.question
    assert section.select_one("p.bf-confidence").get_text(" ", strip=True) == (
        "Confidence: moderate. Two reports agree on the shipment; only one party's statement speaks of payment.")
    talks = case.page("topics/talks.md").select("section.bf-topic-judgments h3")
    assert [h.get_text(strip=True).removesuffix("¶") for h in talks] == ["Will the talks lead to a trade agreement?"]


def test_facts_a_judgment_names_say_which_and_link_to_it(case: Site) -> None:
    for fact_id, role in (("goat-count", "Supports:"), ("goat-port", "Supports:"), ("beta-denies", "Cuts against:")):
        line = fact(case, fact_id).select_one("p.bf-judgment-refs")
        assert line is not None, fact_id
        assert line.get_text(" ", strip=True) == f"{role} Were the goats aid rather than payment?"
        _, target = case.target(URI, line.a["href"])
        assert target["id"] == "goats-were-aid"
    assert fact(case, "goat-destination").select_one("p.bf-judgment-refs") is None


def test_a_topic_without_judgments_opens_with_its_facts(minimal: Site) -> None:
    soup = minimal.page("topics/shipment.md")
    assert soup.select_one("section.bf-topic-judgments") is None
    assert soup.select(".bf-judgment-refs") == []


def test_every_fact_keeps_its_anchor_and_its_claim(case: Site) -> None:
    soup = case.page(URI)
    for placed in case.briefing.facts.values():
        if placed.topic_id == "shipment":
            article = soup.find("article", id=placed.id)
            assert plain_text(placed.fact.claim) in article.get_text(), placed.id


def test_each_fact_is_headed_by_its_status_line_and_the_lists_by_their_names(case: Site) -> None:
    """The outline a screen reader walks: "Facts", a heading per fact (its status, date and
    permalink), "Notes"; every section and article has its heading."""
    soup = case.page(URI)
    assert [h2.get_text(strip=True).removesuffix("¶") for h2 in soup.find_all("h2")][-2:] == ["Facts", "Notes"]
    for article in soup.find_all("article"):
        heading = article.find("h3", class_="bf-fact__head")
        assert heading is not None and heading.find_previous_sibling() is None, article["id"]
        assert heading["id"] == article["id"] + "_head"
        assert heading.find("a", class_="bf-permalink")["href"] == "#" + article["id"]
    badge = fact(case, "goat-count").h3.a
    assert ("bf-badge" in badge["class"], badge.get_text()) == (True, "Reported")
    assert [s for s in soup.find_all(["section", "article"]) if not s.find(["h2", "h3"])] == []
