"""generator/exports/__init__.py: the export files generate adds to the site, the same bytes
every time (with the history too), in the Markdown tree as in the built site."""

from __future__ import annotations

import json
from pathlib import Path

from generator.briefing import Briefing
from generator.exports import FACTS_JSON, FEED_XML, PLACES_GEOJSON, SOURCES_JSON, export_files
from generator.history.record_dates import Revisions, read_revisions
from tests.conftest import run_briefing
from tests.exports.conftest import SETTINGS, URLS, hostile_case
from tests.history_case import history_case


def test_the_four_files_never_change_between_runs(case: Briefing) -> None:
    first, second = export_files(case, SETTINGS, URLS), export_files(case, SETTINGS, URLS)
    assert list(first) == [FACTS_JSON, SOURCES_JSON, FEED_XML, PLACES_GEOJSON]
    assert first == second


def test_built_from_history_the_same_commit_gives_the_same_bytes(history: tuple[Briefing, Revisions],
                                                                 tmp_path: Path) -> None:
    """The dates come from the commits, never from a clock: the history read afresh (another
    clone, another day) gives the same files."""
    briefing, revisions = history
    first = export_files(briefing, SETTINGS, URLS, revisions)
    again = read_revisions(history_case(tmp_path / "again"), tmp_path / "again" / "briefings", cache=False)
    assert first == export_files(briefing, SETTINGS, URLS, again)
    assert b"2026-12-02T11:30:00+01:00" in first[FACTS_JSON] and b"2026-12-02T11:30:00+01:00" in first[FEED_XML]


def test_the_markdown_tree_carries_the_exports_too(tmp_path: Path) -> None:
    root = hostile_case(tmp_path / "project")
    out = tmp_path / "md"
    result = run_briefing("build", "--markdown", str(out), cwd=root)
    assert result.returncode == 0, result.stderr
    assert json.loads((out / FACTS_JSON).read_text(encoding="utf-8"))["facts"][0]["id"] == "goat-count"
    assert (out / SOURCES_JSON).is_file() and (out / FEED_XML).read_bytes().startswith(b"<?xml")
