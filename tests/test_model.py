"""The format's models: what one record may hold, and what a fact says of its citations."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from generator.model import Citation, Fact, Judgment, Source


def fact(*cites: dict, **fields: object) -> Fact:
    return Fact.model_validate({"id": "f", "claim": "c", "status": "reported", "cites": list(cites), **fields})


def test_a_fact_s_values_are_the_distinct_values_as_written_in_citation_order() -> None:
    f = fact({"source": "a", "value": 447}, {"source": "b", "value": "nearly 450"}, {"source": "a", "value": "447"},
             {"source": "c"}, difference="detail", reconciliation="r")
    assert f.values == ["447", "nearly 450"]
    assert f.values_differ and not f.contradicted
    assert f.sources == ["a", "b", "c"] and not f.single_source
    assert f.sources_giving("447") == ["a"]
    assert Citation(source="a", value=10.5).shown_value == "10.5"


def test_only_a_contradiction_of_differing_values_is_contradicted() -> None:
    same = fact({"source": "a", "value": "x"}, {"source": "b", "value": "x"}, difference="contradiction",
                status="disputed")
    assert not same.contradicted and not same.values_differ
    differ = fact({"source": "a", "value": "x"}, {"source": "a", "value": "y"}, difference="contradiction",
                  status="disputed")
    assert differ.contradicted and differ.single_source


@pytest.mark.parametrize(("fields", "kind"), [
    ({"status": "alleged"}, "alleged_without_attribution"),
    ({"date": "2024-02-30"}, "not_a_real_date"),
    ({"date": "March 2024"}, "not_a_date"),
    ({"claim": "see [x](javascript:alert(1))"}, "unsafe_link"),
    ({"claim": "a\x07b"}, "control_characters"),
    ({"claim": "   "}, "empty_text"),
    ({"difference": "minor"}, "literal_error"),
    ({"corrections": [{"date": "2024-05", "note": "n"}]}, "not_a_full_date"),
])
def test_each_refusal_has_an_error_type_of_its_own(fields: dict, kind: str) -> None:
    with pytest.raises(ValidationError) as raised:
        fact({"source": "a"}, **fields)
    assert kind in {error["type"] for error in raised.value.errors()}


def test_a_bare_year_is_a_date_and_a_reference_can_be_a_source_kind() -> None:
    assert Source.model_validate({"title": "t", "published": 2024}).published == "2024"
    assert Source.model_validate({"title": "t", "published": "2024", "kind": "reference"}).kind == "reference"
    with pytest.raises(ValidationError):
        Source.model_validate({"title": "a\nb", "published": "2024"})


def test_a_judgment_rests_on_at_least_one_fact_and_uses_the_scale() -> None:
    base = {"id": "j", "question": "q", "judgment": "j", "likelihood": "likely", "confidence": "low", "basis": "b",
            "supports": ["f"], "reviewed": "2024-01-02"}
    assert Judgment.model_validate(base).likelihood == "likely"
    for broken in ({"supports": []}, {"likelihood": "probable"}, {"confidence": "certain"}, {"reviewed": "2024"}):
        with pytest.raises(ValidationError):
            Judgment.model_validate({**base, **broken})
