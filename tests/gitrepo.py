"""Real git repositories for the tests: dated commits in temporary folders."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

#: conftest's ``make_project`` fixture
MakeProject = Callable[..., Path]

TOPIC = "briefings/topics/shipment.yml"
JUDGMENTS = "briefings/judgments.yml"
JUDGMENT = """- id: goats-were-aid
  question: "Were the goats aid?"
  judgment: "Alpha sent the goats as aid."
  likelihood: likely
  confidence: moderate
  basis: "Two reports of one shipment."
  supports: [goat-count]
  reviewed: "2024-09-01"
"""


def git(root: Path, *args: str, date: str = "2026-03-02T10:00:00+00:00") -> str:
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_AUTHOR_NAME": "Editor",
           "GIT_AUTHOR_EMAIL": "editor@example.org", "GIT_COMMITTER_NAME": "Editor",
           "GIT_COMMITTER_EMAIL": "editor@example.org"}
    return subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True, text=True).stdout


def commit(root: Path, message: str, date: str) -> str:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message, date=date)
    return git(root, "rev-parse", "HEAD").strip()


def edit(root: Path, path: str, old: str, new: str) -> None:
    file = root / path
    text = file.read_text()
    assert old in text, old
    file.write_text(text.replace(old, new, 1))


@pytest.fixture
def repo(make_project: MakeProject) -> Path:
    root = make_project({JUDGMENTS: JUDGMENT})
    git(root, "init", "-q", "-b", "main")
    commit(root, "The first briefing", "2026-03-02T10:00:00+00:00")
    return root
