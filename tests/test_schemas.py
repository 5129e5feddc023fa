"""The JSON Schemas editors use and the format reference (FORMAT.md): generated from the checker's
models, committed, never stale, and in agreement with the checker on real and broken files."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from generator.check import check_project
from generator.cli import main
from generator.load import load_file
from generator.schemas import MODELS, render_files, stale_files
from tests.conftest import CASES, REPO

SCHEMA_FOR = {  # where each kind of file lives -> its schema
    "briefings/sources/*.yml": "source.schema.json",
    "briefings/topics/*.yml": "topic.schema.json",
    "briefings/entities.yml": "entities.schema.json",
    "briefings/judgments.yml": "judgments.schema.json",
    "site_config.yml": "site_config.schema.json",
}


def render_schemas() -> dict[str, str]:
    return {name.removeprefix("schemas/"): text for name, text in render_files().items()
            if name.startswith("schemas/")}


def validator(name: str) -> jsonschema.Draft7Validator:
    return jsonschema.Draft7Validator(json.loads(render_schemas()[name]))


def test_committed_schemas_and_reference_are_the_ones_the_models_generate() -> None:
    committed = {name: (REPO / name).read_text(encoding="utf-8") if (REPO / name).is_file() else None
                 for name in render_files()}  # schemas/ also holds hand-written contracts: not compared
    assert committed == render_files(), "stale: run `briefing schemas` and commit the result"
    assert stale_files(REPO) == []


def test_schemas_are_valid_draft_07_with_one_file_per_kind() -> None:
    assert set(render_schemas()) == {"source.schema.json", "topic.schema.json", "entities.schema.json",
                                     "judgments.schema.json", "site_config.schema.json"} == set(MODELS)
    for text in render_schemas().values():
        schema = json.loads(text)
        assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
        jsonschema.Draft7Validator.check_schema(schema)
        assert "$defs" not in text  # draft-07 editors resolve #/definitions/...


def test_schemas_check_fails_when_stale_and_write_repairs(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["schemas", "--root", str(tmp_path), "--check"])
    assert result.exit_code == 1
    assert "schemas/source.schema.json:1:1: error: out of date with generator/model.py" in result.stderr
    assert "FORMAT.md:1:1: error: out of date with generator/model.py" in result.stderr
    assert runner.invoke(main, ["schemas", "--root", str(tmp_path)]).exit_code == 0
    assert stale_files(tmp_path) == []
    (tmp_path / "schemas/topic.schema.json").write_text("{}\n")
    assert stale_files(tmp_path) == ["schemas/topic.schema.json"]
    result = runner.invoke(main, ["schemas", "--root", str(tmp_path)])
    assert "wrote schemas/topic.schema.json" in result.stderr
    assert runner.invoke(main, ["schemas", "--root", str(tmp_path), "--check"]).exit_code == 0


def _files(base: Path) -> list[tuple[Path, str]]:
    found = []
    for pattern, schema in SCHEMA_FOR.items():
        found += [(path, schema) for path in sorted(base.glob(pattern))]
    return found


REAL_FILES = _files(REPO)
VALID_CASES = [case for case in sorted(CASES.iterdir()) if not check_project(case).errors]
CASE_FILES = [item for case in VALID_CASES for item in _files(case)]
REAL_IDS = [path.relative_to(REPO).as_posix() for path, _ in REAL_FILES]


@pytest.mark.parametrize(("path", "schema"), REAL_FILES + CASE_FILES,
                         ids=[p.relative_to(REPO).as_posix() for p, _ in REAL_FILES + CASE_FILES])
def test_every_briefing_file_satisfies_its_schema(path: Path, schema: str) -> None:
    data = load_file(path).data
    errors = [f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
              for error in validator(schema).iter_errors(data)]
    assert errors == []


@pytest.mark.parametrize(("path", "schema"), REAL_FILES, ids=REAL_IDS)
def test_every_briefing_file_names_its_schema_for_the_editor(path: Path, schema: str) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert match, f"{path} should start with a yaml-language-server comment"
    assert (path.parent / match.group(1)).resolve() == REPO / "schemas" / schema


BROKEN = {  # what the checker refuses, the editor flags as well
    "unknown field": ("topic.schema.json", {"title": "t", "summary": "s", "facts": [], "titel": "x"}),
    "text that YAML read as a boolean": ("source.schema.json", {"title": "t", "published": "2024",
                                                                "outlet": False}),
    "not a date": ("source.schema.json", {"title": "t", "published": "someday"}),
    "ftp url": ("source.schema.json", {"title": "t", "published": "2024", "url": "ftp://x.org/"}),
    "newline in a title": ("source.schema.json", {"title": "a\nb", "published": "2024"}),
    "unknown status": ("topic.schema.json", {"title": "t", "summary": "s", "facts": [
        {"id": "a", "claim": "c", "status": "rumoured", "cites": [{"source": "s"}]}]}),
    "fact without citations": ("topic.schema.json", {"title": "t", "summary": "s", "facts": [
        {"id": "a", "claim": "c", "status": "reported", "cites": []}]}),
    "bad fact id": ("topic.schema.json", {"title": "t", "summary": "s", "facts": [
        {"id": "Bad_Id", "claim": "c", "status": "reported", "cites": [{"source": "s"}]}]}),
    "entity key that is not an id": ("entities.schema.json", {"../x": {"name": "X", "kind": "place"}}),
    "unknown entity kind": ("entities.schema.json", {"x": {"name": "X", "kind": "city"}}),
    "unknown setting": ("site_config.schema.json", {"titel": "x"}),
    "unknown difference": ("topic.schema.json", {"title": "t", "summary": "s", "facts": [
        {"id": "a", "claim": "c", "status": "reported", "cites": [{"source": "s"}], "difference": "minor"}]}),
    "unknown source kind": ("source.schema.json", {"title": "t", "published": "2024", "kind": "blog"}),
    "correction dated to the month": ("topic.schema.json", {"title": "t", "summary": "s", "facts": [
        {"id": "a", "claim": "c", "status": "reported", "cites": [{"source": "s"}],
         "corrections": [{"date": "2024-05", "note": "n"}]}]}),
    "judgment on no fact": ("judgments.schema.json", [{"id": "j", "question": "q", "judgment": "j",
                                                       "likelihood": "likely", "confidence": "low", "basis": "b",
                                                       "supports": [], "reviewed": "2024-01-02"}]),
    "unknown likelihood": ("judgments.schema.json", [{"id": "j", "question": "q", "judgment": "j",
                                                      "likelihood": "probable", "confidence": "low", "basis": "b",
                                                      "supports": ["f"], "reviewed": "2024-01-02"}]),
}


@pytest.mark.parametrize("name", list(BROKEN))
def test_the_schema_refuses_what_the_checker_refuses(name: str) -> None:
    schema, data = BROKEN[name]
    assert list(validator(schema).iter_errors(data)), f"{schema} accepts {data}"


def test_the_schema_accepts_a_bare_year_as_the_checker_does() -> None:
    assert not list(validator("source.schema.json").iter_errors({"title": "t", "published": 2024}))
