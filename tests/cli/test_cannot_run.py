"""What a contributor sees when `briefing build` or `briefing serve` cannot run at all: the
MkDocs configuration missing, the preview's port taken. Each is one located line (the file or
option to change, the message) with a hint, and exit status 1; nothing is written."""

from __future__ import annotations

import errno
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from generator.cli import main
from tests.conftest import MakeProject

HINT = "    hint: run the command from the project's folder, or pass --root (or --config-file)"


@pytest.fixture(autouse=True)
def loggers_kept() -> Iterator[None]:
    """The commands set up MkDocs' and the preview's loggers for a terminal: set them back."""
    loggers = [logging.getLogger(name) for name in ("mkdocs", "briefing.preview")]
    kept = [(logger.handlers[:], logger.level, logger.propagate) for logger in loggers]
    yield
    for logger, (handlers, level, propagate) in zip(loggers, kept, strict=True):
        logger.handlers[:], logger.propagate = handlers, propagate
        logger.setLevel(level)


def run(root: Path, *args: str) -> Result:
    return CliRunner().invoke(main, [*args, "--root", str(root)], env={"GITHUB_ACTIONS": "false"})


@pytest.mark.parametrize("config", ["mkdocs.yml", "other.yml"])
def test_build_without_its_mkdocs_configuration_says_which_file_is_missing(make_project: MakeProject,
                                                                           config: str) -> None:
    root = make_project()
    (root / "mkdocs.yml").unlink()
    result = run(root, "build", "--site", str(root / "out"), "--config-file", config)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"{config}: error: the site was not built: no such file in {root}", HINT]
    assert not (root / "out").exists()


def test_serve_without_its_mkdocs_configuration_says_which_file_is_missing(make_project: MakeProject) -> None:
    root = make_project()
    (root / "mkdocs.yml").unlink()
    result = run(root, "serve")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"mkdocs.yml: error: the preview did not start: no such file in {root}",
                                          HINT]


def test_serve_on_a_port_in_use_names_the_option_to_change(make_project: MakeProject,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import mkdocs.commands.serve

    def taken(**_: object) -> None:  # MkDocs' server, binding its port after the first build
        raise OSError(errno.EADDRINUSE, "Address already in use")

    monkeypatch.setattr(mkdocs.commands.serve, "serve", taken)
    result = run(make_project(), "serve", "--port", "8123")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-2:] == [
        "--port: error: the preview did not start: port 8123 on 127.0.0.1 is in use",
        "    hint: pass another --port, or stop what serves on this one"]
