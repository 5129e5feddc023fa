"""The fuzz harness (fuzz/fuzz_pipeline.py): saved crashes replayed, seeds replayed.

Every file in fuzz/crashes/ (but its README) is an input that once made the pipeline fail
with something other than the project's own errors; each must now go through cleanly.
The fuzzing run itself (atheris + libFuzzer) is `make fuzz`, outside the suite: what it
finds lands in fuzz/crashes/ and is replayed here from then on.
"""

from __future__ import annotations

import importlib.util
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
