"""Source pages and their index (generator/pages/sources.py): each source's kind, the errors
found in it set against the reference, and only current facts."""

from __future__ import annotations

from generator.vocabulary import SOURCE_KINDS
from tests.pages.conftest import Site


def test_each_source_page_gives_its_kind(case: Site) -> None:
    for source_id, source in case.briefing.sources.items():
        details = case.page(f"sources/{source_id}.md").find("ul").find_all("li")
        assert details[0].get_text() == f"Kind: {SOURCE_KINDS[source.kind]}", source_id
    assert case.briefing.sources["ref-page"].kind == "reference"


def test_the_sources_index_gives_each_kind(case: Site) -> None:
    soup = case.page("sources/index.md")
    kinds = {li.a.get_text(): li.select_one(".bf-kind").get_text() for li in soup.find("ul").find_all("li")}
    assert kinds == {s.title: SOURCE_KINDS[s.kind] for s in case.briefing.sources.values()}


def test_a_source_page_lists_the_errors_found_in_it_with_the_record(case: Site) -> None:
    uri = "sources/alpha-report.md"
    soup = case.page(uri)
    heading = soup.find("h2", id="source_errors")
    (item,) = heading.find_next_sibling("ul").find_all("li", recursive=False)
    assert item.get_text(" ", strip=True).startswith(
        "Source error: The report says the harbour opened in 1950; the port authority gives 1980. (paragraph 6). "
        "The record: Beta port authority: Nampo harbour (History).")
    links = {a.get_text(): case.target(uri, a["href"]) for a in item.find_all("a")}
    assert links["Beta port authority: Nampo harbour"][0] == "sources/ref-page.md"
    assert links["View fact"][1]["id"] == "goat-port"
    cite = soup.find_all("a", href="../topics/shipment.md#goat-port")[-1].find_parent("li").find("ul")  # its citing
    assert "Source error: The report says the harbour opened in 1950" in cite.get_text()
    for clean in ("beta-report", "ref-page"):
        assert case.page(f"sources/{clean}.md").find(id="source_errors") is None


def test_a_citation_line_says_how_its_value_relates_to_the_others(case: Site) -> None:
    soup = case.page("sources/beta-report.md")
    detail = soup.find("a", href="../topics/shipment.md#goat-count").find_parent("li").find("ul").get_text()
    assert detail.strip() == ("paragraph 1 (gives nearly 450; the sources differ in detail. "
                              "447 is the count; the other report rounds it.)")
    contradiction = soup.find("a", href="../topics/shipment.md#goat-destination").find_parent("li").find("ul")
    assert contradiction.get_text().strip() == "paragraph 4 (gives Rason; the sources contradict each other.)"


def test_retired_facts_are_left_out_of_source_pages(case: Site) -> None:
    soup = case.page("sources/beta-report.md")
    links = {a["href"].rsplit("#")[1] for a in soup.select("a.bf-factlink")}
    assert "goat-breed" not in links and "goat-count" in links
    count = len(case.briefing.facts_citing["beta-report"])
    assert soup.find(string=lambda s: s and s.strip().startswith("Cited by ")).strip() == (
        f"Cited by {count} fact{'' if count == 1 else 's'}.")
