"""generator/exports/__init__.py: the export files generate adds to the site, the same bytes
every time, in the Markdown tree as in the built site."""

from __future__ import annotations

import json
from pathlib import Path

from generator.briefing import Briefing
from generator.exports import FACTS_JSON, FEED_XML, SOURCES_JSON, export_files
from tests.conftest import run_briefing
from tests.exports.conftest import SETTINGS, URLS, hostile_case


def test_the_three_files_never_change_between_runs(case: Briefing) -> None:
    first, second = export_files(case, SETTINGS, URLS), export_files(case, SETTINGS, URLS)
    assert list(first) == [FACTS_JSON, SOURCES_JSON, FEED_XML]
    assert first == second


def test_the_markdown_tree_carries_the_exports_too(tmp_path: Path) -> None:
    root = hostile_case(tmp_path / "project")
    out = tmp_path / "md"
    result = run_briefing("build", "--markdown", str(out), cwd=root)
    assert result.returncode == 0, result.stderr
    assert json.loads((out / FACTS_JSON).read_text(encoding="utf-8"))["facts"][0]["id"] == "goat-count"
    assert (out / SOURCES_JSON).is_file() and (out / FEED_XML).read_bytes().startswith(b"<?xml")
