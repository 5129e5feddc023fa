"""The instruction-count benchmark (benchmarks/instructions.py): it reads callgrind's own
files, counts every process of a build (the search indexer is a child), and says plainly
when Valgrind is missing. The builds themselves run only in the benchmark (minutes each)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from benchmarks import instructions
from benchmarks.instructions import Count, callgrind, overheads, read_counts, report

VALGRIND = shutil.which("valgrind")


@pytest.mark.skipif(VALGRIND is None, reason="valgrind is not installed")
def test_every_process_of_a_command_is_counted(tmp_path: Path) -> None:
    assert VALGRIND is not None
    counts = callgrind(["/bin/sh", "-c", f"{sys.executable} -c pass; /bin/true"], tmp_path, "run", VALGRIND)
    commands = sorted(key.split(" ", 1)[1] for key in counts)
    assert commands == ["/bin/sh -c " + f"{sys.executable} -c pass; /bin/true", "/bin/true",
                        f"{sys.executable} -c pass"]
    by_command = {key.split(" ", 1)[1]: value for key, value in counts.items()}
    # starting Python takes tens of millions of instructions; /bin/true far fewer
    assert by_command[f"{sys.executable} -c pass"] > 10 * by_command["/bin/true"] > 0


@pytest.mark.skipif(VALGRIND is None, reason="valgrind is not installed")
def test_a_failing_command_is_an_error_not_a_count(tmp_path: Path) -> None:
    assert VALGRIND is not None
    with pytest.raises(RuntimeError, match=r"broken: exited 3; see .*broken\.log"):
        callgrind(["/bin/sh", "-c", "exit 3"], tmp_path, "broken", VALGRIND)


def test_a_file_callgrind_did_not_finish_is_reported(tmp_path: Path) -> None:
    (tmp_path / "fresh.41.out").write_text("version: 1\ncmd: python -m x\ntotals: 1200\n")
    (tmp_path / "fresh.42.out").write_text("version: 1\ncmd: pagefind --service\n")
    (tmp_path / "mkdocs.40.out").write_text("cmd: mkdocs\ntotals: 7\n")
    with pytest.raises(ValueError, match=r"fresh\.42\.out: no 'totals:' line"):
        read_counts(tmp_path, "fresh")
    assert read_counts(tmp_path, "mkdocs") == {"40 mkdocs": 7}


def test_overheads_are_against_plain_mkdocs_and_children_are_reported() -> None:
    counts = {"mkdocs": Count("mkdocs", 1000, {"1 mkdocs": 1000}, 1.0),
              "fresh": Count("fresh", 1049, {"2 python": 900, "3 pagefind": 149}, 1.0),
              "cached": Count("cached", 880, {"4 python": 730, "5 pagefind": 150}, 1.0)}
    assert overheads(counts) == pytest.approx({"fresh": 0.049, "cached": -0.12})
    lines = report(counts)
    assert lines[2].split() == ["fresh", "1,049", "2", "149", "1"]
    assert "[PASS] fresh: (briefing build − mkdocs) / mkdocs = +4.9% instructions" in lines
    assert "[PASS] cached: (briefing build − mkdocs) / mkdocs = -12.0% instructions" in lines
    counts["fresh"] = Count("fresh", 1051, {"2 python": 1051}, 1.0)
    assert "[FAIL] fresh: (briefing build − mkdocs) / mkdocs = +5.1% instructions" in report(counts)


def test_without_valgrind_the_command_says_so(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(instructions.shutil, "which", lambda name: None)
    assert instructions.main(["--out", str(tmp_path / "out.json")]) == 2
    assert "valgrind is not installed (Debian: apt-get install valgrind)" in capsys.readouterr().err
    assert not (tmp_path / "out.json").exists()
