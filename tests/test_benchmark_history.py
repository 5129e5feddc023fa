"""The history benchmark stage runs end to end at the tiny size: a committed synthetic briefing with
dated edits, read cold, cached and with one new commit, figures printed."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.history import measure, print_figures


def test_the_history_stage_measures_cold_cached_and_one_new_commit(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    figures = measure("tiny", 6, tmp_path)
    assert figures["commits"] == 7 and figures["facts"] == 24
    assert figures["events"] >= 24 + 6  # every fact added, then one change per edit at least
    assert figures["cache_bytes"] > 0
    print_figures(figures)
    out = capsys.readouterr().out
    assert out.startswith("history of the tiny briefing: 24 facts, 7 commits")
    assert "history, one new commit" in out and "× parse and check" in out
