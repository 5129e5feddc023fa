"""The loader: safe YAML with positions, refusing what the format forbids at the right line."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.load import MAX_FILE_BYTES, YamlProblem, load_bytes


def load(text: str | bytes):
    raw = text.encode() if isinstance(text, str) else text
    return load_bytes(raw, Path("f.yml"), "f.yml")


def refused(text: str | bytes) -> tuple[int, int, str, str]:
    with pytest.raises(YamlProblem) as info:
        load(text)
    problem = info.value.problem
    assert problem.path == "f.yml"
    return problem.line, problem.column, problem.message, problem.hint


def test_values_keep_one_based_positions_of_keys_and_values() -> None:
    loaded = load("title: x\nfacts:\n  - id: a\n    cites: [ {source: s} ]\n")
    assert loaded.data == {"title": "x", "facts": [{"id": "a", "cites": [{"source": "s"}]}]}
    assert loaded.value_positions[("title",)] == (1, 8)
    assert loaded.key_positions[("facts",)] == (2, 1)
    assert loaded.value_positions[("facts", 0, "id")] == (3, 9)
    assert loaded.value_positions[("facts", 0, "cites", 0, "source")] == (4, 23)
    assert loaded.position(("facts", 0, "missing-field")) == (3, 5)


def test_yaml_11_booleans_and_octals_stay_visible_with_their_text() -> None:
    loaded = load("a: NO\nb: yes\nc: 010\nd: '010'\ne: 2024-08-15\n")
    assert loaded.data == {"a": False, "b": True, "c": 8, "d": "010", "e": "2024-08-15"}
    assert loaded.raw_scalars == {("a",): "NO", ("b",): "yes", ("c",): "010"}


@pytest.mark.parametrize(("text", "line", "column", "message"), [
    ("a: 1\nb: 2\na: 3\n", 3, 1, "duplicate key 'a' (first at line 1)"),
    ("a: &x [1, 2]\nb: 2\n", 1, 4, "YAML anchors are not allowed (&x)"),
    ("a: [1]\nb: *x\n", 2, 4, "YAML aliases are not allowed (*x)"),
    ("x: !!python/object/apply:os.system [\"id\"]\n", 1, 4, "YAML tags are not allowed"),
    ("x: !custom 1\n", 1, 4, "YAML tags are not allowed (!custom)"),
    ("<<: {a: 1}\n", 1, 1, "YAML merge keys (<<) are not allowed"),
    ("a: 1\n---\nb: 2\n", 2, 1, "a file holds one YAML document"),
    ("a:\n\tb: 1\n", 2, 1, "YAML syntax"),
    ("a: [1, 2\n", 2, 1, "YAML syntax"),
    # an unclosed quote is located where it opens, not where YAML stumbles over the next one
    ('a: "one\nb: "two"\n', 1, 4, "the quoted text opened here is not closed on its line (it runs on to line 2)"),
    ("a: 'it\nb: 'two'\n", 1, 4, "the quoted text opened here is not closed on its line (it runs on to line 2)"),
    ('a: 1\nb: "two\n', 2, 4, "the quoted text opened here is not closed on its line (it runs on to the end of "
                            "the file)"),
    ('a: "bad \\q escape"\n', 1, 9, "found unknown escape character"),
])
def test_refusals_are_located(text: str, line: int, column: int, message: str) -> None:
    got_line, got_column, got_message, hint = refused(text)
    assert (got_line, got_column) == (line, column)
    assert message in got_message
    assert hint


def test_billion_laughs_is_refused_at_the_first_anchor() -> None:
    text = 'a: &a ["lol","lol"]\nb: &b [*a,*a]\nc: &c [*b,*b]\n'
    assert refused(text)[:2] == (1, 4)


def test_tab_indentation_hint_names_tabs() -> None:
    assert refused("a:\n\tb: 1\n")[3] == "indent with spaces, not tabs"


def test_non_utf8_is_located_at_the_bad_byte() -> None:
    line, column, message, _ = refused(b"a: ok\nb: caf\xe9\n")
    assert (line, column) == (2, 7)
    assert "not valid UTF-8" in message


def test_files_over_one_mebibyte_are_refused_before_parsing() -> None:
    line, _, message, _ = refused(b"a: " + b"x" * MAX_FILE_BYTES + b"\n")
    assert line == 1 and "over the 1 MiB limit" in message


def test_deep_nesting_is_refused_not_a_crash() -> None:
    assert "nesting deeper" in refused("a: " + "[" * 200 + "]" * 200 + "\n")[2]


def test_empty_file_is_none() -> None:
    assert load("").data is None
    assert load("# only a comment\n").data is None
