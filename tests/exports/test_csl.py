"""generator/exports/csl.py: sources.json, valid CSL-JSON (against the CSL project's schema),
each source's kind shown in its type, its note and custom.kind."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from generator.briefing import Briefing
from generator.exports.csl import SOURCES_JSON, csl_items
from generator.exports.layout import json_bytes
from tests.exports.conftest import CSL_SCHEMA, load_json


def csl_errors(items: Any) -> list[str]:
    schema = json.loads(CSL_SCHEMA.read_text(encoding="utf-8"))
    return [f"{list(e.absolute_path)}: {e.message}" for e in jsonschema.Draft7Validator(schema).iter_errors(items)]


@pytest.fixture(scope="module")
def items(case: Briefing) -> dict[str, dict[str, Any]]:
    data = json.loads(json_bytes(csl_items(case)))
    assert csl_errors(data) == []
    return {item["id"]: item for item in data}


def test_each_kind_of_source_gets_its_csl_type(items: dict[str, dict[str, Any]]) -> None:
    assert {sid: item["type"] for sid, item in items.items()} == {
        "alpha-report": "article-newspaper",           # an article with its outlet
        "beta-report": "document",                     # an article with neither outlet nor address
        "encyclopedia-port": "entry-encyclopedia",     # a reference in an encyclopedia
        "port-register": "webpage",                    # any other reference (a register, a dataset)
        "alpha-ministry-statement": "document",        # a primary statement
    }
    assert items["encyclopedia-port"]["container-title"] == "Wikipedia"
    assert items["alpha-ministry-statement"]["publisher"] == "Alpha Ministry of Agriculture"
    assert "container-title" not in items["alpha-ministry-statement"]


def test_the_kind_is_kept_in_custom_and_said_in_the_note(items: dict[str, dict[str, Any]]) -> None:
    assert {sid: item["custom"]["kind"] for sid, item in items.items()} == {
        "alpha-report": "article", "beta-report": "article", "encyclopedia-port": "reference",
        "port-register": "reference", "alpha-ministry-statement": "statement"}
    assert items["port-register"]["note"] == "Source kind: Reference."
    assert items["alpha-ministry-statement"]["note"] == "Source kind: Primary statement."
    assert "note" not in items["alpha-report"]


def test_dates_carry_only_the_known_parts(items: dict[str, dict[str, Any]]) -> None:
    assert items["alpha-report"]["issued"] == {"date-parts": [[2024, 8, 15]]}
    assert items["port-register"]["issued"] == {"date-parts": [[2025, 6]]}
    assert items["beta-report"]["issued"] == {"date-parts": [[2024]]}
    assert items["beta-report"]["note"] == "Date: not printed; inferred from the events it reports"
    assert items["port-register"]["accessed"] == {"date-parts": [[2026, 12, 2]]}
    assert items["alpha-report"]["author"] == [{"literal": "A. Writer"}]
    assert items["alpha-report"]["custom"] == {"kind": "article", "archive_url": "https://archive.example.org/alpha"}


def test_the_real_sources_json_is_valid_csl_json(built_site: Path, real: Briefing) -> None:
    items = load_json(built_site / SOURCES_JSON)
    assert csl_errors(items) == []
    assert isinstance(items, list)
    assert [item["id"] for item in items] == sorted(real.sources)
    for item in items:
        source = real.sources[item["id"]]
        assert item["title"] == source.title
        assert item.get("URL") == source.url
        assert item["custom"]["kind"] == source.kind
    assert {item["type"] for item in items if item["custom"]["kind"] == "reference"} == {"entry-encyclopedia"}
