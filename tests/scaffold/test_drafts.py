"""Drafts of new entries: their YAML data in the format's order, and each value checked with the
checker's own messages, named by field."""

from __future__ import annotations

import pytest

from generator.errors import ScaffoldError
from generator.model import Fact
from generator.scaffold.drafts import CitationDraft, FactDraft, check_pairing, fact_data, field_error


def test_a_draft_is_written_in_the_format_s_order_without_empty_fields() -> None:
    draft = FactDraft(claim="c", status="reported", citations=[CitationDraft("s", "p1", None, "447")],
                      date="2024", difference=None, tags=["goats"])
    data = fact_data(draft, "f")
    assert list(data) == ["id", "claim", "date", "status", "tags", "cites"]
    assert data["cites"] == [{"source": "s", "locator": "p1", "value": "447"}]


def test_paired_flags_beyond_the_sources_are_refused() -> None:
    check_pairing(("a", "b"), {"--quote": ("q",), "--value": ("1", "2")})
    with pytest.raises(ScaffoldError) as raised:
        check_pairing(("a",), {"--quote": ("q", "r"), "--value": ()})
    assert raised.value.report() == (
        "error: --quote: given 2 times for 1 --source\n"
        "    hint: give at most one --quote per --source, in the same order ('' skips one)")


def test_one_field_is_checked_with_the_checker_s_message() -> None:
    assert field_error(Fact, "date", "March 2024") == (
        "'March 2024' is not a date: write YYYY-MM-DD, YYYY-MM or YYYY", "write `2024-03`")
    assert field_error(Fact, "date", "2024-03") is None
