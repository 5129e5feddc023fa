"""generator/history/changelog.py: each record's dates and the briefing's changes as readers are told them,
from revisions made by hand (the real git walk is tested in test_record_dates.py, and the history on
the pages and in the exports in tests/pages/test_changes.py and tests/exports/)."""

from __future__ import annotations

import pytest

from generator.briefing import Briefing
from generator.check import require_briefing
from generator.history.changelog import (
    CHANGE_TEXT_LIMIT,
    RecordDates,
    around_difference,
    changes_for_readers,
    instant,
    published_modified,
    shown_change,
)
from generator.history.record_dates import Event, Record, Revisions
from tests.conftest import CASES


@pytest.fixture(scope="module")
def case() -> Briefing:
    return require_briefing(CASES / "exports-truth")[0]


def test_a_long_text_is_cut_to_what_changed_with_a_few_words_around_it() -> None:
    words = " ".join(f"w{n}" for n in range(60))
    before, after = around_difference(words, words.replace("w30", "THIRTY"))
    assert (before, after) == ("… w26 w27 w28 w29 w30 w31 w32 w33 w34 …", "… w26 w27 w28 w29 THIRTY w31 w32 w33 w34 …")
    added = around_difference(words, words + " w60")
    assert added == ("… w56 w57 w58 w59", "… w56 w57 w58 w59 w60")
    assert around_difference("a b", "c d") == ("a b", "c d")


def test_a_change_is_told_in_words() -> None:
    assert shown_change("claim", "Alpha *shipped* [goats](https://example.org).", "Alpha shipped sheep.") == (
        "claim", "Alpha shipped goats.", "Alpha shipped sheep.")
    assert shown_change("date", "2024-08", "") == ("date", "August 2024", "none")
    assert shown_change("likelihood", "roughly-even-chance", "very-likely") == (
        "likelihood", "roughly even chance", "very likely")
    assert shown_change("cuts_against", "", "beta-denies") == ("cuts against", "none", "beta-denies")
    long = "x " * 200
    _, before, after = shown_change("citations", long + "a", long + "b")
    assert len(before) <= CHANGE_TEXT_LIMIT and after.endswith("b")


def test_without_history_nothing_is_dated(case: Briefing) -> None:
    dates = RecordDates(None)
    assert dates.fact("goat-count") is None and dates.topic_updated(case, "shipment") is None
    assert dates.fact_dates("goat-count") == (None, None) == published_modified(None)
    from_briefing = ["fact-corrected", "fact-corrected"]
    assert [c.kind for c in changes_for_readers(case, None)] == from_briefing


def test_the_newest_change_of_a_topic_is_its_last_update(case: Briefing) -> None:
    revisions = Revisions(
        facts={"goat-count": Record("2026-11-20T09:00:00+00:00", "2026-12-02T23:30:00-05:00"),
               "goats-were-sheep": Record("2026-11-20T09:00:00+00:00")},
        judgments={"goats-were-aid": Record("2026-11-20T09:00:00+00:00", "2026-12-03T01:00:00+02:00")},
        events=[Event("2026-12-01T10:00:00+00:00", "fact-retired", "goats-were-sheep")])
    dates = RecordDates(revisions)
    # 23:30 at -05:00 is later than 01:00 at +02:00 the next day: instants compare, not strings
    assert dates.topic_updated(case, "shipment") == "2026-12-02T23:30:00-05:00"
    assert dates.fact_dates("goats-were-sheep") == ("2026-11-20T09:00:00+00:00", "2026-12-01T10:00:00+00:00")
    assert published_modified(revisions.facts["goat-count"]) == ("2026-11-20T09:00:00+00:00",
                                                                 "2026-12-02T23:30:00-05:00")
    assert instant("2026-12-02") < instant("2026-12-02T00:00:01+00:00")


def test_changes_come_by_the_authors_day_newest_first_each_once(case: Briefing) -> None:
    revisions = Revisions(events=[
        Event("2026-11-20T09:00:00+00:00", "fact-added", "goat-count"),
        Event("2026-11-20T09:00:00+00:00", "source-added", "alpha-report"),   # told by its facts
        Event("2026-11-20T09:00:00+00:00", "fact-added", "gone-fact"),         # no longer in the briefing
        Event("2026-12-02T23:30:00-05:00", "fact-changed", "goat-count", (("status", "alleged", "reported"),)),
        Event("2026-12-02T23:30:00-05:00", "fact-changed", "goat-count", (("date", "2024", "2024-08"),)),
        Event("2026-12-03T01:00:00+02:00", "judgment-revised", "goats-were-aid"),
    ])
    found = changes_for_readers(case, revisions)
    assert [(c.day, c.kind, c.id) for c in found] == [
        ("2026-12-03", "judgment-revised", "goats-were-aid"),
        ("2026-12-02", "fact-changed", "goat-count"),
        ("2026-12-02", "fact-changed", "goat-count"),
        ("2026-12-02", "fact-corrected", "port-founded"),
        ("2026-12-01", "fact-corrected", "goats-were-sheep"),
        ("2026-11-20", "fact-added", "goat-count")]
    assert found[1].fields == (("status", "alleged", "reported"),) and found[2].fields == (("date", "2024",
                                                                                            "August 2024"),)
    assert len({c.key for c in found}) == len(found)  # two changes in one second keep apart
    assert found[-1].key == "goat-count" and found[3].key == "port-founded/correction/1"
