"""generator/exports/layout.py: the JSON printer the JSON exports share."""

from __future__ import annotations

import json

from generator.exports.layout import json_bytes, json_lines


def test_the_outer_levels_come_one_item_per_line_and_the_rest_on_its_line() -> None:
    data = {"title": "Brief", "facts": [{"id": "a", "values": [{"value": "447"}]}, {"id": "b"}]}
    assert json_lines(data).splitlines() == [
        "{",
        '  "title": "Brief",',
        '  "facts": [',
        '    {"id": "a", "values": [{"value": "447"}]},',
        '    {"id": "b"}',
        "  ]",
        "}",
    ]


def test_an_iterator_is_written_as_a_list_and_empty_containers_stay_on_one_line() -> None:
    data = {"facts": (n for n in ("x", "y")), "none": [], "nothing": {}}
    assert json.loads(json_lines(data)) == {"facts": ["x", "y"], "none": [], "nothing": {}}
    assert '"none": [],' in json_lines(data)


def test_a_file_is_utf8_text_that_parses_back_with_a_final_newline() -> None:
    data = {"title": "Russia–North Korea \U0001f410", "n": None}
    raw = json_bytes(data)
    assert raw.endswith(b"}\n") and "–".encode() in raw  # written as itself, not as \u2013
    assert json.loads(raw) == data
