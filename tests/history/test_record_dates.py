"""Every record's dates and the briefing's changes from git, in real repositories with dated commits:
reformatting is no change, a rebuild reads only the new commits, no history gives no dates, and
the cache is read only by the code that wrote it (every module the walk runs)."""

from __future__ import annotations

import logging
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import pytest

from generator.history.record_dates import read_revisions
from tests.conftest import MakeProject
from tests.gitrepo import TOPIC, commit, edit


def test_every_record_gets_its_dates_from_the_commits(repo: Path) -> None:
    edit(repo, TOPIC, '    tags: [goats]\n', '    tags: [goats]  # a comment: reformatting is no change\n')
    commit(repo, "Reformat", "2026-03-20T10:00:00+00:00")
    edit(repo, TOPIC, "    status: alleged\n", "    status: reported\n")
    commit(repo, "Status", "2026-04-14T09:00:00+00:00")
    revisions = read_revisions(repo, repo / "briefings", cache=False)
    assert revisions is not None
    assert revisions.facts["goat-count"].added.startswith("2026-03-02")
    assert revisions.facts["goat-count"].updated is None
    assert revisions.facts["beta-denies"].updated.startswith("2026-04-14")
    assert revisions.judgments["goats-were-aid"].added.startswith("2026-03-02")
    changed = [e for e in revisions.events if e.kind == "fact-changed"]
    assert [(e.id, e.changes) for e in changed] == [("beta-denies", (("status", "alleged", "reported"),))]


def test_a_rebuild_reads_only_the_new_commits(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = read_revisions(repo, repo / "briefings")
    assert first is not None and len(first.commits) == 1
    assert (repo / ".cache/briefing/revisions.json").is_file()
    edit(repo, TOPIC, "    status: alleged\n", "    status: reported\n")
    commit(repo, "Status", "2026-04-14T09:00:00+00:00")
    import generator.history.record_dates as module

    parsed: list[str] = []
    original = module.parse_file
    monkeypatch.setattr(module, "parse_file", lambda path, raw: parsed.append(path) or original(path, raw))
    again = read_revisions(repo, repo / "briefings")
    assert again is not None and len(again.commits) == 2
    assert parsed == ["topics/shipment.yml", "topics/shipment.yml"]  # the one file, before and after
    assert again.facts["beta-denies"].updated.startswith("2026-04-14")


def test_without_history_there_are_no_dates_and_one_notice(make_project: MakeProject,
                                                           caplog: pytest.LogCaptureFixture) -> None:
    root = make_project()
    with caplog.at_level(logging.INFO, logger="briefing.revisions"):
        assert read_revisions(root, root / "briefings") is None
    assert [r.message for r in caplog.records] == [
        "briefing: no dates of publication or change on the pages: the project is not a git checkout"]


def test_a_shallow_clone_has_no_dates(repo: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    edit(repo, TOPIC, "    status: alleged\n", "    status: reported\n")
    commit(repo, "Status", "2026-04-14T09:00:00+00:00")
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)], check=True)
    with caplog.at_level(logging.INFO, logger="briefing.revisions"):
        assert read_revisions(clone, clone / "briefings") is None
    assert "the clone is shallow" in caplog.records[0].message


def test_a_cache_made_by_other_code_is_not_read(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import generator.history.record_dates as module

    first = read_revisions(repo, repo / "briefings")
    assert first is not None and first.facts
    monkeypatch.setattr(module, "_code_fingerprint", lambda: "other code")
    parsed: list[str] = []
    original = module.parse_file
    monkeypatch.setattr(module, "parse_file", lambda path, raw: parsed.append(path) or original(path, raw))
    again = read_revisions(repo, repo / "briefings")
    assert again is not None and again.facts == first.facts
    assert parsed  # read afresh, not from the earlier code's cache


def _files_run_by_a_walk(root: Path) -> set[Path]:
    """The generator's source files whose code runs while the history is read afresh."""
    import generator.history.record_dates as module

    ran: set[Path] = set()

    def profile(frame: FrameType, event: str, _: object) -> None:
        if event == "call" and frame.f_code.co_filename.startswith(str(module.PACKAGE)):
            ran.add(Path(frame.f_code.co_filename))

    sys.setprofile(profile)
    try:
        revisions = read_revisions(root, root / "briefings", cache=False)
    finally:
        sys.setprofile(None)
    assert revisions is not None and revisions.facts
    return ran


def test_the_cache_is_keyed_by_every_module_whose_code_reads_the_history(repo: Path) -> None:
    edit(repo, TOPIC, "    status: alleged\n", "    status: reported\n")
    commit(repo, "Status", "2026-04-14T09:00:00+00:00")
    import generator.history.record_dates as module

    ran = _files_run_by_a_walk(repo)
    package = module.PACKAGE
    assert {package / "load.py", package / "model.py", package / "history/at_revision.py"} <= ran
    assert ran <= set(module.deciding_files())


@pytest.fixture
def fresh_fingerprint() -> Iterator[None]:
    import generator.history.record_dates as module

    module._code_fingerprint.cache_clear()
    yield
    module._code_fingerprint.cache_clear()


@pytest.mark.parametrize("name", ["load.py", "model.py"])
def test_a_change_to_any_module_the_walk_runs_reads_the_history_afresh(
        repo: Path, monkeypatch: pytest.MonkeyPatch, fresh_fingerprint: None, name: str) -> None:
    import generator.history.record_dates as module

    first = read_revisions(repo, repo / "briefings")
    assert first is not None and first.facts
    changed = module.PACKAGE / name
    original = module._source
    monkeypatch.setattr(module, "_source", lambda path: original(path) + (b"\n# edited" if path == changed else b""))
    module._code_fingerprint.cache_clear()
    parsed: list[str] = []
    parse = module.parse_file
    monkeypatch.setattr(module, "parse_file", lambda path, raw: parsed.append(path) or parse(path, raw))
    again = read_revisions(repo, repo / "briefings")
    assert again is not None and again.facts == first.facts
    assert parsed  # the cache written before the edit was not read
