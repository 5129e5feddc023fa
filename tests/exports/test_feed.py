"""generator/exports/feed.py: feed.xml, read with feedparser as a feed reader would. Built from a
git history, the briefing's changes at their dates (the same as the page of changes); without
it, every dated fact with how its values relate and its sources' errors, each correction, each
key judgment dated by its latest review or change. Newest first, with stable ids."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import feedparser
import pytest
from bs4 import BeautifulSoup

from generator.briefing import Briefing
from generator.check import require_briefing
from generator.exports.feed import FEED_XML, atom_feed, feed_entry_id
from generator.history.changelog import instant
from generator.history.record_dates import Revisions, read_revisions
from generator.model import Judgments
from generator.vocabulary import DIFFERENCE_HEADINGS
from tests.conftest import REPO
from tests.exports.conftest import BASE_URL, HOSTILE, SETTINGS, URLS, page_html
from tests.history_case import CORRECTED, FIRST, REVISED, WITHDRAWN, markup_in_history


def parse(raw: bytes) -> Any:
    feed = feedparser.parse(raw)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


@pytest.fixture(scope="module")
def feed(case: Briefing) -> Any:
    return parse(atom_feed(case, SETTINGS, URLS))


def entries_by_link(feed: Any) -> dict[str, Any]:
    return {entry.link: entry for entry in feed.entries if entry.tags[0].term != "correction"}


def test_entries_come_newest_first_and_the_feed_is_as_new_as_its_newest(feed: Any) -> None:
    assert [(e.updated[:10], e.tags[0].term) for e in feed.entries] == [
        ("2026-12-03", "judgment"),       # goats-were-aid: revised on its review date
        ("2026-12-02", "correction"),     # port-founded
        ("2026-12-01", "correction"),     # goats-were-sheep (retired)
        ("2026-11-25", "judgment"),       # more-shipments
        ("2024-08-14", "disputed"),       # goat-port
        ("2024-08-01", "reported"),       # goat-count (August 2024)
        ("1991-01-01", "confirmed"),      # port-founded (1991)
    ]
    assert feed.feed.updated == feed.entries[0].updated
    assert feed.feed.title == SETTINGS.title
    assert len({e.id for e in feed.entries}) == len(feed.entries)


def test_a_facts_entry_says_how_its_values_relate(feed: Any) -> None:
    entries = entries_by_link(feed)
    detail = entries[f"{BASE_URL}topics/shipment/#goat-count"]
    assert detail.title == "August 2024: Alpha shipped 447 goats to Beta."
    assert ("The sources differ in detail: 447 is the count; the other report rounds it. Values: 447 (Alpha "
            "report on the shipment); nearly 450 ([Report on the shipment]).") in detail.summary
    contradiction = entries[f"{BASE_URL}topics/shipment/#goat-port"]
    assert contradiction.summary.startswith("Disputed (14 August 2024; topic: The shipment).")
    assert ("The sources contradict each other: Rason (Alpha report on the shipment); Nampo ([Report on the "
            "shipment]).") in contradiction.summary


def test_a_facts_entry_tells_its_sources_errors(feed: Any) -> None:
    entry = entries_by_link(feed)[f"{BASE_URL}topics/shipment/#port-founded"]
    assert "Source error in [Report on the shipment]: The report gives 1993;" in entry.summary
    assert entry.summary.endswith("Sources: [Report on the shipment]; Register of ports.")


def test_each_correction_is_an_entry_at_its_date_linking_to_its_fact(feed: Any) -> None:
    corrections = [e for e in feed.entries if e.tags[0].term == "correction"]
    assert [(e.link, e.updated) for e in corrections] == [
        (f"{BASE_URL}topics/shipment/#port-founded", "2026-12-02T00:00:00Z"),
        (f"{BASE_URL}topics/shipment/#goats-were-sheep", "2026-12-01T00:00:00Z")]
    assert corrections[0].title == "Correction, 2 December 2026: The port of Rason was opened to foreign ships in 1991."
    assert corrections[0].summary.startswith("Correction, 2 December 2026: The year was 1991, not 1993")


def test_a_retired_fact_has_no_entry_of_its_own(feed: Any) -> None:
    assert f"{BASE_URL}topics/shipment/#goats-were-sheep" not in entries_by_link(feed)


def test_each_judgment_is_an_entry_on_the_judgments_page(feed: Any) -> None:
    entry = entries_by_link(feed)[f"{BASE_URL}judgments/#goats-were-aid"]
    assert entry.id == feed_entry_id("judgment/goats-were-aid")
    assert entry.title == "Key judgment: Were the goats aid rather than payment?"
    assert entry.summary == (
        "Were the goats aid rather than payment? The goats were aid to Beta, not payment for arms. "
        "Likelihood: likely, 55–80 %. Confidence: Moderate. Two reports agree on the shipment; only one party's "
        "statement speaks of payment. Changed 3 December 2026: Likelihood raised from roughly even chance: the "
        "count is confirmed by two reports.")
    assert [(t.term, t.label) for t in entry.tags] == [
        ("judgment", "Key judgment"), ("likely", "likely"), ("moderate-confidence", "Moderate confidence")]


def test_a_revised_judgment_keeps_its_id_and_comes_back_to_the_top(case: Briefing) -> None:
    revised = case.judgments[1].model_copy(update={"reviewed": "2026-12-20"})
    briefing = Briefing(case.sources, case.entities, case.topics, Judgments([case.judgments[0], revised]).root)
    feed = parse(atom_feed(briefing, SETTINGS, URLS))
    assert (feed.entries[0].link, feed.entries[0].updated) == (
        f"{BASE_URL}judgments/#more-shipments", "2026-12-20T00:00:00Z")
    assert feed.entries[0].id == feed_entry_id("judgment/more-shipments")


def test_the_real_feed_carries_the_changes_of_every_fact_and_judgment(built_site: Path, real: Briefing) -> None:
    feed = parse((built_site / FEED_XML).read_bytes())
    assert read_revisions(REPO, REPO / "briefings") is not None, "the repository is built from its history"
    kinds: dict[str, list[str]] = {}
    for entry in feed.entries:
        kinds.setdefault(entry.tags[0].term, []).append(entry.link.split("#")[1])
    assert set(kinds) <= {"fact-added", "fact-changed", "correction", "fact-retired", "judgment-added",
                          "judgment-revised"}
    assert sorted(kinds["fact-added"]) == sorted(real.facts)  # every fact, each once
    assert sorted(kinds["judgment-added"]) == sorted(j.id for j in real.judgments) != []
    assert len(kinds["correction"]) == sum(len(p.fact.corrections) for p in real.facts.values())
    days = [entry.updated[:10] for entry in feed.entries]
    assert days == sorted(days, reverse=True) and feed.feed.updated == feed.entries[0].updated
    assert len({e.id for e in feed.entries}) == len(feed.entries)
    added = {e.link.split("#")[1]: e for e in feed.entries if e.tags[0].term == "fact-added"}
    for placed in real.current_facts:
        entry = added[placed.id]
        assert entry.tags[1].term == placed.fact.status
        if placed.fact.difference:
            assert DIFFERENCE_HEADINGS[placed.fact.difference].removesuffix(".") + ":" in entry.summary


# --------------------------------------------------------------------------- with history

@pytest.fixture(scope="module")
def changes_feed(history: tuple[Briefing, Revisions]) -> Any:
    briefing, revisions = history
    return parse(atom_feed(briefing, SETTINGS, URLS, revisions))


def test_with_history_the_feed_carries_the_changes_at_their_dates(changes_feed: Any) -> None:
    assert [(e.updated, e.tags[0].term, e.link.rpartition("#")[2]) for e in changes_feed.entries] == [
        (REVISED, "judgment-revised", "goats-were-aid"),
        (CORRECTED, "fact-changed", "port-founded"),
        ("2026-12-02T00:00:00Z", "correction", "port-founded"),
        (WITHDRAWN, "fact-retired", "goats-were-sheep"),
        ("2026-12-01T00:00:00Z", "correction", "goats-were-sheep"),
        (FIRST, "judgment-added", "goats-were-aid"), (FIRST, "judgment-added", "more-shipments"),
        *((FIRST, "fact-added", fact_id) for fact_id in (
            "goat-count", "goat-port", "pens-built", "port-founded", "goats-were-sheep", "beta-denies"))]
    assert changes_feed.feed.updated == REVISED
    assert len({e.id for e in changes_feed.entries}) == len(changes_feed.entries)


def test_a_change_says_what_changed_before_and_after(changes_feed: Any) -> None:
    entries = {(e.tags[0].term, e.link.rpartition("#")[2]): e for e in changes_feed.entries}
    changed = entries["fact-changed", "port-founded"]
    assert changed.link == f"{BASE_URL}topics/shipment/#port-founded"
    assert changed.title == "Fact changed: The port of Rason was opened to foreign ships in 1991."
    assert changed.summary.startswith(
        "Fact changed, 2 December 2026: claim: “The port of Rason was opened to foreign ships in 1993.” → “The port "
        "of Rason was opened to foreign ships in 1991.”; date: 1993 → 1991. Confirmed (1991; topic: The shipment).")
    revised = entries["judgment-revised", "goats-were-aid"]
    assert revised.link == f"{BASE_URL}judgments/#goats-were-aid"
    assert revised.summary.startswith("Key judgment revised, 3 December 2026: likelihood: roughly even chance → "
                                      "likely. Were the goats aid rather than payment?")
    withdrawn = entries["fact-retired", "goats-were-sheep"]
    assert withdrawn.summary == ("Fact withdrawn, 1 December 2026: Withdrawn: every source says goats; the fact "
                                 "misread a photo caption. The withdrawn text read: The animals shipped were sheep.")


def test_an_added_fact_or_judgment_keeps_the_id_and_the_words_it_had_without_history(
        changes_feed: Any, feed: Any) -> None:
    """A reader who subscribed before the site had its history sees the same entries, not new ones."""
    before = {e.id: e for e in feed.entries}
    for term, key in (("fact-added", "goat-count"), ("judgment-added", "judgment/goats-were-aid"),
                      ("correction", "port-founded/correction/1")):
        entry = next(e for e in changes_feed.entries if e.id == feed_entry_id(key))
        assert entry.tags[0].term == term and entry.id in before
        assert before[entry.id].summary in entry.summary


def test_text_from_the_history_stays_text_in_the_feed(tmp_path: Path) -> None:
    root = markup_in_history(tmp_path / "project", HOSTILE)
    revisions = read_revisions(root, root / "briefings", cache=False)
    feed = parse(atom_feed(require_briefing(root)[0], SETTINGS, URLS, revisions))
    assert feed.entries[0].summary.startswith(
        f"Fact changed, 5 December 2026: claim: “Port A {HOSTILE}” → “Port B {HOSTILE}”.")
    assert [instant(e.updated) for e in feed.entries] == sorted((instant(e.updated) for e in feed.entries),
                                                                reverse=True)


def test_every_page_links_the_feed_in_its_head(built_site: Path) -> None:
    for path in ("", "topics/livestock-aid", "timeline"):
        link = BeautifulSoup(page_html(built_site, path), "html.parser").find("link", type="application/atom+xml")
        assert link is not None and link["href"].endswith(FEED_XML), path


def test_text_from_the_briefing_stays_text_in_the_feed(hostile_site: Path) -> None:
    feed = parse((hostile_site / FEED_XML).read_bytes())
    entries = entries_by_link(feed)
    fact = next(e for link, e in entries.items() if link.endswith("#goat-count"))
    assert fact.title == "August 2024: Alpha shipped 447 goats to Beta " + HOSTILE
    assert f"The sources differ in detail: 447 is the count {HOSTILE}." in fact.summary
    assert f"(Alpha report {HOSTILE})" in fact.summary
    judgment = next(e for link, e in entries.items() if link.endswith("#goats-were-aid"))
    assert judgment.title == f"Key judgment: Were the goats aid {HOSTILE}"
    correction = next(e for e in feed.entries if e.tags[0].term == "correction" and "#port-founded" in e.link)
    assert correction.summary.startswith(f"Correction, 2 December 2026: The year was 1991 {HOSTILE}")
