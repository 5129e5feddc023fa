"""How a validation failure is worded: by its error type, with the hint that fixes it."""

from __future__ import annotations

import pytest

from generator.kinds import KINDS, kind_of_error
from generator.messages import WORDINGS, closest, date_hint, fields_at, union_rank
from generator.model import Entities, Judgments, Source, Topic


@pytest.mark.parametrize(("text", "hint"), [
    ("March 2023", "write `2023-03`"),
    ("15 August 2024", "write `2024-08-15`"),
    ("Aug 5, 2024", "write `2024-08-05`"),
    ("05/08/2024", "write YYYY-MM-DD, YYYY-MM or YYYY, only as precise as known (is it 2024-08-05 or 2024-05-08?)"),
    ("19/11/2024", "write `2024-11-19`"),  # only one reading is a real date: 2024-19-11 is none
    ("11.19.2024", "write `2024-11-19`"),
    ("05/05/2024", "write `2024-05-05`"),
    ("31/02/2024", "write YYYY-MM-DD, YYYY-MM or YYYY, only as precise as known"),  # no real date at all
    ("someday", "write YYYY-MM-DD, YYYY-MM or YYYY, only as precise as known"),
    ("March 2023 or 2024", "write YYYY-MM-DD, YYYY-MM or YYYY, only as precise as known"),
])
def test_the_date_hint_infers_the_fix_it_can(text: str, hint: str) -> None:
    assert date_hint(text) == hint


def test_closest_names_the_nearest_ids_or_where_to_add_one() -> None:
    assert closest("alpha-reprt", ["alpha-report", "beta-report", "zeta"], "x") == \
        "did you mean 'alpha-report' or 'beta-report'?"
    assert closest("zzz", ["alpha"], "briefings/sources/") == "add it to briefings/sources/, or fix the id"


def test_the_fields_allowed_are_found_at_any_depth() -> None:
    assert "published" in fields_at(Source, ())
    assert fields_at(Topic, ("facts", 0, "cites", 1))[:3] == ["error", "locator", "quote"]
    assert "aliases" in fields_at(Entities, ("russia",))
    assert "likelihood" in fields_at(Judgments, (0,)) and "text" in fields_at(Judgments, (0, "alternatives", 0))
    assert fields_at(Topic, ("title",)) == []


def test_every_worded_type_has_a_kind_for_the_summary() -> None:
    worded_as = {error: kind.name for kind in KINDS.values() for error in kind.errors}
    assert set(WORDINGS) == set(worded_as)  # every wording is a registered kind's, and every kind's type worded
    assert kind_of_error("string_type") == "not text" and kind_of_error("no_value") == "empty text"
    assert kind_of_error("a type no wording knows") == "invalid value"
    assert union_rank("string_type") > union_rank("not_a_date") and union_rank("int_type") > union_rank("string_type")
