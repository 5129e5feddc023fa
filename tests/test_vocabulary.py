"""The words the site uses: partial dates, the estimative scale, statuses and relations."""

from __future__ import annotations

from generator.model import STATUSES, Likelihood
from generator.vocabulary import (
    DIFFERENCE_HEADINGS,
    LIKELIHOODS,
    STATUS_LABELS,
    STATUS_MEANINGS,
    date_label,
    date_precision,
)


def test_a_partial_date_reads_only_as_precise_as_written() -> None:
    assert [date_label(d) for d in ("2024", "2024-08", "2024-08-05", None, "")] == [
        "2024", "August 2024", "5 August 2024", "", ""]
    assert [date_precision(d) for d in ("2024", "2024-08", "2024-08-05", None)] == ["year", "month", "day", None]


def test_the_scale_has_the_seven_terms_in_order_with_their_ranges() -> None:
    assert list(LIKELIHOODS) == list(Likelihood.__args__)
    assert [(item.term, item.range) for item in LIKELIHOODS.values()] == [
        ("almost no chance", "1–5 %"), ("very unlikely", "5–20 %"), ("unlikely", "20–45 %"),
        ("roughly even chance", "45–55 %"), ("likely", "55–80 %"), ("very likely", "80–95 %"),
        ("almost certain", "95–99 %")]
    assert LIKELIHOODS["likely"].label == "likely, 55–80 %"
    highs = [item.high for item in LIKELIHOODS.values()]
    assert highs == sorted(highs)


def test_every_status_and_relation_has_its_words() -> None:
    assert set(STATUS_LABELS) == set(STATUS_MEANINGS) == set(STATUSES)
    assert "contradict" in STATUS_MEANINGS["disputed"] and "denies" in STATUS_MEANINGS["disputed"]
    assert DIFFERENCE_HEADINGS == {"contradiction": "The sources contradict each other.",
                                   "detail": "The sources differ in detail."}
