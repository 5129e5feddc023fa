"""The fuzz harness (fuzz/fuzz_pipeline.py): saved crashes replayed, seeds replayed, a bounded run.

Every file in fuzz/crashes/ (but its README) is an input that once made the pipeline fail
with something other than the project's own errors; each must now go through cleanly.
The suite also runs the real harness (atheris + libFuzzer) for FUZZ_TEST_SECONDS
(default 20) and fails if it finds a crash; it skips when atheris cannot be imported.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import REPO

FUZZ = REPO / "fuzz"
CRASHES = sorted(p for p in (FUZZ / "crashes").iterdir() if p.is_file() and p.name != "README.md")
SEEDS = sorted(p for p in (FUZZ / "corpus").iterdir() if p.is_file())


@pytest.fixture(scope="module")
def harness() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fuzz_pipeline", FUZZ / "fuzz_pipeline.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_saved_crash_now_goes_through(harness: ModuleType) -> None:
    for path in CRASHES:
        try:
            harness.one_input(path.read_bytes())
        except Exception as exc:
            raise AssertionError(f"fuzz/crashes/{path.name} still fails: {exc!r}") from exc


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_every_seed_goes_through(harness: ModuleType, path: Path) -> None:
    harness.one_input(path.read_bytes())


def test_the_seeds_reach_rendering(harness: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    """A harness whose inputs all stop at the check would fuzz nothing else: the valid seeds
    (whole files and text fields) must get as far as rendering pages."""
    import generator.generate

    rendered: list[bytes] = []
    real = generator.generate.generate

    def counting(root: Path, *args: object, **kwargs: object) -> object:
        rendered.append(b"")
        return real(root, *args, **kwargs)

    monkeypatch.setattr(generator.generate, "generate", counting)
    for seed in SEEDS:
        harness.one_input(seed.read_bytes())
    assert len(rendered) >= 10


def test_only_the_projects_own_errors_are_allowed_through(harness: ModuleType,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The harness must report anything else: a crash in a stage escapes ``one_input``."""
    import generator.check

    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("a bug")

    monkeypatch.setattr(generator.check, "check_project", broken)
    with pytest.raises(KeyError):
        harness.one_input((SEEDS[0]).read_bytes())


@pytest.mark.slow
def test_a_bounded_fuzzing_run_finds_no_crash(tmp_path: Path) -> None:
    if importlib.util.find_spec("atheris") is None:
        pytest.skip("atheris is not installed (see requirements/test.in)")
    seconds = os.environ.get("FUZZ_TEST_SECONDS", "20")
    corpus, crashes = tmp_path / "corpus", tmp_path / "crashes"
    corpus.mkdir()
    crashes.mkdir()
    command = [sys.executable, str(FUZZ / "fuzz_pipeline.py"), f"-max_total_time={seconds}",
               "-rss_limit_mb=2048", "-timeout=30", f"-artifact_prefix={crashes}/", "-print_final_stats=1",
               str(corpus), str(FUZZ / "corpus")]
    result = subprocess.run(command, capture_output=True, text=True, timeout=int(seconds) + 120, check=False)
    found = sorted(p.name for p in crashes.iterdir())
    assert result.returncode == 0 and not found, (
        f"the fuzzer found {found}: copy them to fuzz/crashes/, fix the bug, keep them as regressions\n"
        + result.stderr[-3000:])
    runs = [line for line in result.stderr.splitlines() if line.startswith("stat::number_of_executed_units")]
    assert runs and int(runs[0].split(":")[-1]) > 0
    print("\n" + runs[0])
