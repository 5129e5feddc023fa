"""One file against one model: every failure at its value, each problem naming its field, and
numbers YAML would rewrite refused wherever the model takes them."""

from __future__ import annotations

from pathlib import Path

from generator.errors import Problem
from generator.load import load_bytes
from generator.model import Source, Topic
from generator.validate import display_path, read_yaml, validate


def problems_of(model: type, text: str) -> list[Problem]:
    found: list[Problem] = []
    assert validate(model, load_bytes(text.encode(), Path("x.yml"), "x.yml"), found) is None
    return found


def test_each_problem_names_its_field_and_kind() -> None:
    found = problems_of(Topic, 'title: "T"\nsummary: "S"\nfacts:\n  - id: a\n    claim: "c"\n    status: rumour\n'
                               '    cites:\n      - source: s\n        valeu: 3\n')
    assert [(p.line, p.column, p.field, p.kind) for p in found] == [
        (6, 13, ("facts", 0, "status"), "value not allowed"),
        (9, 9, ("facts", 0, "cites", 0, "valeu"), "unknown field")]


def test_a_missing_field_names_the_field_that_is_missing() -> None:
    [problem] = problems_of(Source, 'title: "T"\n')
    assert (problem.line, problem.column, problem.field, problem.message) == (
        1, 1, ("published",), "missing required field 'published'")


def test_numbers_yaml_would_rewrite_are_refused_where_a_number_is_allowed() -> None:
    found = problems_of(Topic, 'title: "T"\nsummary: "S"\norder: 010\nfacts:\n  - id: a\n    claim: "c"\n'
                               '    status: reported\n    cites:\n      - source: s\n        value: 1_000\n')
    assert [(p.line, p.message, p.hint) for p in found] == [
        (3, "YAML reads '010' as 8, not as written", "put it in quotes: '010'"),
        (10, "YAML reads '1_000' as 1000, not as written", "put it in quotes: '1_000'")]
    assert problems_of(Topic, 'title: "T"\nsummary: "S"\norder: 3\nfacts: []\n')[0].kind == "empty list"


def test_a_valid_file_gives_its_record(tmp_path: Path) -> None:
    path = tmp_path / "briefings" / "s.yml"
    path.parent.mkdir()
    path.write_text('title: "T"\npublished: 2024\nvalue_free: 1\n'.replace("value_free: 1\n", ""))
    found: list[Problem] = []
    loaded = read_yaml(path, tmp_path, found)
    assert loaded is not None and loaded.display == "briefings/s.yml"
    assert validate(Source, loaded, found).published == "2024" and found == []
    assert display_path(tmp_path / "a" / "b.yml", tmp_path) == "a/b.yml"


def test_a_symbolic_link_is_refused(tmp_path: Path) -> None:
    (tmp_path / "real.yml").write_text('title: "T"\npublished: "2024"\n')
    (tmp_path / "link.yml").symlink_to(tmp_path / "real.yml")
    found: list[Problem] = []
    assert read_yaml(tmp_path / "link.yml", tmp_path, found) is None
    assert found[0].format() == "link.yml:1:1: error: symbolic links are not allowed\n" \
                                "    hint: replace the link with the file itself"
