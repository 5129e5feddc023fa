"""Writing entries as YAML text: every string reads back exactly, in the file's own layout."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.load import load_bytes
from generator.scaffold.writing import item_lines, mapping_lines


@given(st.text())
def test_any_text_is_written_as_a_scalar_that_reads_back_exactly(text: str) -> None:
    written = "\n".join(mapping_lines({"claim": text}, 0)) + "\n"
    assert load_bytes(written.encode("utf-8", "surrogatepass"), Path("x.yml"), "x.yml").data == {"claim": text}


def test_a_list_item_is_written_at_the_file_s_own_columns() -> None:
    fact = {"id": "f", "tags": ["a", "b"], "cites": [{"source": "s", "value": "010"}]}
    assert item_lines(fact, 4, 8) == [
        '    -   id: "f"', '        tags: ["a", "b"]', "        cites:", '          - source: "s"',
        '            value: "010"']


def test_only_text_and_numbers_can_be_written() -> None:
    with pytest.raises(TypeError):
        mapping_lines({"x": True}, 0)
