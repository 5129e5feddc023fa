"""generator/exports/search.py: what the search finds, a result per page, per current fact and
per key judgment, each landing on what it found."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.briefing import Briefing
from generator.exports.search import JUDGMENTS_PAGE, SearchEntry, search_entries
from tests.conftest import search_records
from tests.exports.conftest import HOSTILE


@pytest.fixture(scope="module")
def entries(case: Briefing) -> dict[tuple[str, str], SearchEntry]:
    return {(entry.uri, entry.anchor): entry for entry in search_entries(case)}


def test_each_page_current_fact_and_judgment_has_an_entry(entries: dict[tuple[str, str], SearchEntry]) -> None:
    assert sorted(entries) == sorted([
        ("topics/shipment.md", ""),
        *(("sources/" + sid + ".md", "") for sid in ("alpha-report", "beta-report", "encyclopedia-port",
                                                     "port-register", "alpha-ministry-statement")),
        ("entities/alpha-country.md", ""), ("entities/beta-country.md", ""),
        *(("topics/shipment.md", fid) for fid in ("goat-count", "goat-port", "pens-built", "port-founded",
                                                  "beta-denies")),  # not the retired goats-were-sheep
        ("judgments.md", "goats-were-aid"), ("judgments.md", "more-shipments"),
    ])


def test_a_judgment_is_found_by_its_question_words_and_estimate(entries: dict[tuple[str, str], SearchEntry]) -> None:
    entry = entries["judgments.md", "goats-were-aid"]
    assert (entry.title, entry.page) == ("Were the goats aid rather than payment?", JUDGMENTS_PAGE)
    assert entry.text == (
        "Were the goats aid rather than payment? The goats were aid to Beta, not payment for arms. "
        "Likelihood: likely, 55–80 %. Confidence: Moderate. Two reports agree on the shipment; only one party's "
        "statement speaks of payment.")


def test_a_fact_is_found_by_its_words_status_date_names_and_tags(entries: dict[tuple[str, str], SearchEntry]) -> None:
    entry = entries["topics/shipment.md", "goat-count"]
    assert (entry.title, entry.page) == ("Alpha shipped 447 goats to Beta.", "The shipment")
    assert entry.text == ("Alpha shipped 447 goats to Beta. Status: Reported. Date: August 2024. "
                          "Names: Alpha, Beta. Tags: goats.")
    assert entries["sources/alpha-report.md", ""].text.startswith("Alpha report on the shipment. Alpha News.")


def test_every_real_fact_has_a_search_record_landing_on_it(built_site: Path, real: Briefing) -> None:
    records = {r["url"]: r for r in search_records(built_site)}
    for placed in real.current_facts:
        record = records[f"topics/{placed.topic_id}/#{placed.id}"]
        assert record["meta"]["page"] == real.topics[placed.topic_id].title
    for source_id, source in real.sources.items():
        assert records[f"sources/{source_id}/"]["meta"] == {"title": source.title, "page": "Sources"}
    for entity_id, entity in real.entities.items():
        assert all(name in records[f"entities/{entity_id}/"]["content"] for name in (entity.name, *entity.aliases))


def test_every_real_judgment_has_a_search_record_landing_on_it(built_site: Path, real: Briefing) -> None:
    records = {r["url"]: r for r in search_records(built_site)}
    for judgment in real.judgments:
        record = records.get(f"judgments/#{judgment.id}")
        assert record is not None, f"no search record lands on judgment {judgment.id}"
        assert record["meta"] == {"title": judgment.question, "page": JUDGMENTS_PAGE}


def test_search_records_hold_the_text_as_written(hostile_site: Path) -> None:
    """Records hold plain text, not HTML: the search dialog escapes it."""
    records = {r["url"]: r for r in search_records(hostile_site)}
    record = records["topics/shipment/#goat-count"]
    assert record["content"].startswith("Alpha shipped 447 goats to Beta " + HOSTILE)
    assert record["meta"]["page"] == "The shipment " + HOSTILE
    assert records["sources/alpha-report/"]["meta"]["title"] == f"Alpha report {HOSTILE}"
    assert records["topics/shipment/"]["meta"]["title"] == "The shipment " + HOSTILE
