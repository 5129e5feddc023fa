"""The briefing against its git history, in real repositories made in temporary folders with
dated commits: `check --base` (corrections, ids that stay, judgments' history), `briefing diff`,
every record's dates (revisions) and the duplicate id reported at the new fact."""

from __future__ import annotations

import logging
import os
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.revisions import read_revisions
from tests.conftest import MakeProject

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


@pytest.fixture
def repo(make_project: MakeProject) -> Path:
    root = make_project({JUDGMENTS: JUDGMENT})
    git(root, "init", "-q", "-b", "main")
    commit(root, "The first briefing", "2026-03-02T10:00:00+00:00")
    return root


def edit(root: Path, path: str, old: str, new: str) -> None:
    file = root / path
    text = file.read_text()
    assert old in text, old
    file.write_text(text.replace(old, new, 1))


def run(root: Path, *args: str):
    return CliRunner().invoke(main, [*args, "--root", str(root)], env={"GITHUB_ACTIONS": "false"})


def test_a_changed_claim_needs_a_correction(repo: Path) -> None:
    edit(repo, TOPIC, '"Alpha shipped goats to Beta; the sources give different counts."',
         '"Alpha shipped 447 goats to Beta."')
    result = run(repo, "check", "--base", "main")
    assert result.exit_code == 1
    assert (f"{TOPIC}:6:5: error: published fact 'goat-count' changed (claim: 'Alpha shipped goats to Beta; the "
            "sources give different counts.' → 'Alpha shipped 447 goats to Beta.') without a correction\n"
            "    hint: add a `corrections` entry (date and note, in your own words) telling readers what changed "
            "and why\n") in result.stderr
    edit(repo, TOPIC, "    difference: detail\n", '    difference: detail\n    corrections:\n'
         '      - date: "2026-04-14"\n        note: "The claim now gives the count."\n')
    assert run(repo, "check", "--base", "main").exit_code == 0


def test_a_changed_status_and_a_removed_fact_are_reported(repo: Path) -> None:
    edit(repo, TOPIC, "    status: alleged\n", "    status: reported\n")
    text = (repo / TOPIC).read_text()
    (repo / TOPIC).write_text(text[:text.index("  - id: beta-denies")])
    (repo / JUDGMENTS).write_text(JUDGMENT)
    out = run(repo, "check", "--base", "main").stderr
    assert (f"{TOPIC}:1:1: error: published fact 'beta-denies' is gone (it was in main)\n"
            "    hint: restore it and mark it `retired:` with a note: a published id is a link readers keep, never "
            "deleted\n") in out


def test_a_revised_likelihood_needs_a_history_entry(repo: Path) -> None:
    edit(repo, JUDGMENTS, "likelihood: likely", "likelihood: very-likely")
    out = run(repo, "check", "--base", "main").stderr
    assert (f"{JUDGMENTS}:4:3: error: judgment 'goats-were-aid' was revised (likelihood: likely → very-likely) "
            "without a history entry\n    hint: add a `history` entry (date and change) saying what changed and "
            "why\n") in out
    edit(repo, JUDGMENTS, '  reviewed: "2024-09-01"\n', '  reviewed: "2024-09-01"\n  history:\n'
         '    - date: "2026-04-01"\n      change: "Raised: a second report."\n')
    assert run(repo, "check", "--base", "main").exit_code == 0


def test_an_unknown_base_is_a_located_error(repo: Path) -> None:
    out = run(repo, "check", "--base", "nosuchbranch").stderr
    assert ("--base:1:1: error: git knows no revision 'nosuchbranch'\n    hint: fetch it first (e.g. `git fetch "
            "origin main`), or name another\n") in out


def test_diff_summarises_a_pull_request_in_content_terms(repo: Path) -> None:
    git(repo, "checkout", "-q", "-b", "proposal")
    edit(repo, TOPIC, "    status: alleged\n", "    status: disputed\n")
    edit(repo, TOPIC, "  - id: beta-denies\n", '  - id: beta-denies\n    retired: "Beta\'s denial was misread."\n')
    (repo / "briefings/sources/gamma-report.yml").write_text('title: "Gamma | *report*"\npublished: "2024"\n')
    with (repo / TOPIC).open("a") as handle:
        handle.write('  - id: gamma-fact\n    claim: "Gamma saw goats."\n    status: reported\n    cites:\n'
                     '      - source: gamma-report\n        locator: "headline"\n')
    commit(repo, "A proposal", "2026-04-14T09:00:00+00:00")
    result = run(repo, "diff", "main", "proposal")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "## Briefing changes: main → proposal\n\n"
        "### Facts added (1)\n\n- `gamma-fact` (shipment): Gamma saw goats.\n\n"
        "### Facts changed (1)\n\n- `beta-denies`: Alpha said Beta paid in arms; Beta denied it.\n"
        "  - status: alleged → disputed\n\n"
        "### Facts retired (1)\n\n- `beta-denies`: Beta's denial was misread.\n\n"
        "### Sources added (1)\n\n- `gamma-report`: Gamma \\| \\*report\\*\n")
    working = run(repo, "diff", "main")  # against the working tree, which holds the same
    assert working.stdout.replace("working tree", "proposal") == result.stdout


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
    import generator.revisions as module

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


def test_a_duplicate_id_is_reported_at_the_fact_not_yet_published(repo: Path) -> None:
    # The new fact goes into a file read before the published one; git tells which is new.
    topic = (repo / TOPIC).read_text()
    (repo / "briefings/topics/another.yml").write_text(topic.replace("title: \"The shipment\"", "title: \"More\""))
    os.utime(repo / TOPIC)  # the published file is the one edited last: only git can tell
    out = run(repo, "check").stderr
    assert ("briefings/topics/another.yml:5:9: error: fact id 'goat-count' is already used (at "
            f"{TOPIC}:5)") in out
