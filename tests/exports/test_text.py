"""generator/exports/text.py: the wording the export formats share."""

from __future__ import annotations

from generator.briefing import Briefing
from generator.exports.text import (
    date_parts,
    relation_text,
    sentence,
    source_errors_text,
    timestamp,
)


def test_partial_dates_keep_their_parts_and_stand_at_their_first_moment() -> None:
    assert date_parts("2024-08-15") == [2024, 8, 15]
    assert date_parts("2024") == [2024]
    assert timestamp("2024-08") == "2024-08-01T00:00:00Z"
    assert timestamp("1991") == "1991-01-01T00:00:00Z"


def test_sentence_ends_with_a_full_stop_once() -> None:
    assert sentence("It rounds it") == "It rounds it."
    assert sentence("It rounds it. ") == "It rounds it."
    assert sentence("Does it?") == "Does it?"


def test_a_difference_in_detail_gives_the_reconciliation_before_the_values(case: Briefing) -> None:
    fact = case.facts["goat-count"].fact
    assert relation_text(case, fact) == (
        "The sources differ in detail: 447 is the count; the other report rounds it. "
        "Values: 447 (Alpha report on the shipment); nearly 450 ([Report on the shipment]).")


def test_a_contradiction_gives_each_value_and_who_gives_it(case: Briefing) -> None:
    fact = case.facts["goat-port"].fact
    assert relation_text(case, fact) == (
        "The sources contradict each other: Rason (Alpha report on the shipment); "
        "Nampo ([Report on the shipment]).")


def test_values_that_do_not_differ_have_no_relation(case: Briefing) -> None:
    assert relation_text(case, case.facts["pens-built"].fact) is None
    assert relation_text(case, case.facts["beta-denies"].fact) is None


def test_a_source_error_is_told_with_the_source_it_is_in(case: Briefing) -> None:
    assert source_errors_text(case, case.facts["port-founded"].fact) == (
        "Source error in [Report on the shipment]: The report gives 1993; the register shows the port "
        "opened to foreign ships in 1991.")
    assert source_errors_text(case, case.facts["goat-count"].fact) is None
