"""The briefing against its git history, in real repositories made in temporary folders with
dated commits: `check --base` (corrections, ids that stay, judgments' history), `briefing diff`
and the duplicate id reported at the new fact."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.gitrepo import JUDGMENT, JUDGMENTS, TOPIC, MakeProject, commit, edit, git


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


CHANGED_CLAIM = ('"Alpha shipped goats to Beta; the sources give different counts."',
                 '"Alpha shipped 447 goats to Beta."')
UNCORRECTED = f"{TOPIC}:6:5: error: published fact 'goat-count' changed (claim: "


def test_the_check_compares_with_main_by_itself_the_working_tree_included(repo: Path) -> None:
    git(repo, "checkout", "-q", "-b", "proposal")
    edit(repo, TOPIC, *CHANGED_CLAIM)
    result = run(repo, "check")  # no --base: the merge base with main, and the edit not yet committed
    assert result.exit_code == 1
    assert UNCORRECTED in result.stderr
    main_at = git(repo, "rev-parse", "--short=7", "main").strip()
    assert (f"compared with the briefing published on main (at {main_at}), the working tree included"
            in result.stderr.splitlines())
    commit(repo, "The count in the claim", "2026-04-14T09:00:00+00:00")
    assert UNCORRECTED in run(repo, "check").stderr  # committed on the branch: still not published


def test_the_merge_base_is_the_base_not_the_tip_of_main(repo: Path) -> None:
    git(repo, "checkout", "-q", "-b", "proposal")
    git(repo, "checkout", "-q", "main")
    edit(repo, TOPIC, "    status: alleged\n", "    status: disputed\n")
    commit(repo, "Published later on main", "2026-04-14T09:00:00+00:00")
    git(repo, "checkout", "-q", "proposal")  # the branch started before: its status is not a change of its own
    result = run(repo, "check")
    assert result.exit_code == 0, result.stderr
    git(repo, "checkout", "-q", "main")
    # the branch that removed a published fact: it was in main
    git(repo, "checkout", "-q", "-b", "removal")
    text = (repo / TOPIC).read_text()
    (repo / TOPIC).write_text(text[:text.index("  - id: beta-denies")])
    (repo / JUDGMENTS).write_text(JUDGMENT)
    assert (f"{TOPIC}:1:1: error: published fact 'beta-denies' is gone (it was in main)\n"
            in run(repo, "check").stderr)


def test_the_default_branch_is_what_origin_head_names(make_project: MakeProject) -> None:
    root = make_project({JUDGMENTS: JUDGMENT})
    git(root, "init", "-q", "-b", "trunk")
    commit(root, "The first briefing", "2026-03-02T10:00:00+00:00")
    git(root, "update-ref", "refs/remotes/origin/trunk", "HEAD")
    git(root, "symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/trunk")
    edit(root, TOPIC, *CHANGED_CLAIM)
    result = run(root, "check")
    assert UNCORRECTED in result.stderr
    assert "compared with the briefing published on origin/trunk" in result.stderr


def test_without_a_default_branch_the_check_says_once_it_had_no_base(make_project: MakeProject) -> None:
    root = make_project({JUDGMENTS: JUDGMENT})
    git(root, "init", "-q", "-b", "trunk")
    commit(root, "The first briefing", "2026-03-02T10:00:00+00:00")
    edit(root, TOPIC, *CHANGED_CLAIM)
    result = run(root, "check")
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    assert [line for line in lines if "without a base" in line] == [
        "checked without a base (published facts were not compared): git knows no branch main, nor what "
        "origin/HEAD names (pass --base REF to name one)"]
    assert UNCORRECTED in run(root, "check", "--base", "trunk").stderr  # --base still names one


def test_outside_a_git_checkout_the_check_says_once_it_had_no_base(make_project: MakeProject) -> None:
    result = run(make_project({JUDGMENTS: JUDGMENT}), "check")
    assert result.exit_code == 0
    assert [line for line in result.stderr.splitlines() if "without a base" in line] == [
        "checked without a base (published facts were not compared): the project is not in a git checkout"]


def test_without_git_the_check_says_once_it_had_no_base(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("shutil.which", lambda name: None)  # a machine without git
    edit(repo, TOPIC, *CHANGED_CLAIM)
    result = run(repo, "check")
    assert result.exit_code == 0
    assert [line for line in result.stderr.splitlines() if "without a base" in line] == [
        "checked without a base (published facts were not compared): git is not installed"]


def test_an_unknown_base_is_a_located_error(repo: Path) -> None:
    out = run(repo, "check", "--base", "nosuchbranch").stderr
    assert ("--base:1:1: error: git knows no revision 'nosuchbranch'\n    hint: fetch it first (e.g. `git fetch "
            "origin main`), or name another\n") in out


def propose(repo: Path) -> None:
    """A pull request's branch: a status and a locator changed, a fact retired, a fact, a source and a
    judgment added, a judgment revised with its history."""
    git(repo, "checkout", "-q", "-b", "proposal")
    edit(repo, TOPIC, "    status: alleged\n", "    status: disputed\n")
    edit(repo, TOPIC, '        locator: "paragraph 1"\n', '        locator: "paragraph 3"\n')
    edit(repo, TOPIC, "    difference: detail\n", '    difference: detail\n    corrections:\n'
         '      - date: "2026-04-14"\n        note: "Beta\'s paragraph is the third."\n')
    edit(repo, TOPIC, "  - id: beta-denies\n", '  - id: beta-denies\n    retired: "Beta\'s denial was misread."\n')
    (repo / "briefings/sources/gamma-report.yml").write_text('title: "Gamma | *report*"\npublished: "2024"\n')
    with (repo / TOPIC).open("a") as handle:
        handle.write('  - id: gamma-fact\n    claim: "Gamma saw horses, goats."\n    status: reported\n    cites:\n'
                     '      - source: gamma-report\n        locator: "headline"\n        quote: "horses, goats"\n'
                     '        value: 3\n')
    edit(repo, JUDGMENTS, "likelihood: likely", "likelihood: very-likely")
    (repo / JUDGMENTS).write_text((repo / JUDGMENTS).read_text() + (
        '  history:\n    - date: "2026-04-01"\n      change: "Raised: a second report."\n'
        '- id: goats-were-paid\n  question: "Were the goats paid for?"\n  judgment: "Beta paid for the goats."\n'
        '  likelihood: unlikely\n  confidence: low\n  basis: "One report."\n  supports: [goat-count]\n'
        '  gaps: ["What Beta paid."]\n  reviewed: "2024-09-01"\n'))
    commit(repo, "A proposal", "2026-04-14T09:00:00+00:00")


DIFF_TEXT = """Briefing changes: main → proposal

Facts added (1)

  gamma-fact (shipment): Gamma saw horses, goats.
    status: reported
    citation 1: gamma-report
      locator: headline
      quote: “horses, goats”
      value: 3

Facts changed (1)

  goat-count: Alpha shipped goats to Beta; the sources give different counts.
    status: reported
    citation 2 locator: paragraph 1 → paragraph 3
    correction added (2026-04-14): Beta's paragraph is the third.

Facts retired (1)

  beta-denies: Alpha said Beta paid in arms; Beta denied it.
    retired: Beta's denial was misread.
    status: alleged → disputed

Judgments added (1)

  goats-were-paid: Were the goats paid for?
    judgment: Beta paid for the goats.
    likelihood: unlikely
    confidence: low
    basis: One report.
    supported by: goat-count
    gap: What Beta paid.

Judgments revised (1)

  goats-were-aid: Were the goats aid?
    likelihood: likely → very-likely
    history added (2026-04-01): Raised: a second report.

Sources added (1)

  gamma-report: Gamma | *report*
    published: 2024
"""


def test_diff_shows_a_reviewer_each_record_as_plain_text(repo: Path) -> None:
    propose(repo)
    result = run(repo, "diff", "main", "proposal", "--format", "text")
    assert result.exit_code == 0, result.output
    assert result.stdout == DIFF_TEXT
    working = run(repo, "diff", "main", "--format", "text")  # against the working tree, which holds the same
    assert working.stdout == DIFF_TEXT.replace("proposal", "working tree", 1)


DIFF_MARKDOWN = """## Briefing changes: main → proposal

### Facts added (1)

- `gamma-fact` (shipment): Gamma saw horses\\, goats\\.
  - status: reported
  - citation 1: gamma\\-report
    - locator: headline
    - quote: “horses\\, goats”
    - value: 3

### Facts changed (1)

- `goat-count`: Alpha shipped goats to Beta\\; the sources give different counts\\.
  - status: reported
  - citation 2 locator: paragraph 1 → paragraph 3
  - correction added (2026-04-14): Beta\\'s paragraph is the third\\.

### Facts retired (1)

- `beta-denies`: Alpha said Beta paid in arms\\; Beta denied it\\.
  - retired: Beta\\'s denial was misread\\.
  - status: alleged → disputed

### Judgments added (1)

- `goats-were-paid`: Were the goats paid for\\?
  - judgment: Beta paid for the goats\\.
  - likelihood: unlikely
  - confidence: low
  - basis: One report\\.
  - supported by: goat\\-count
  - gap: What Beta paid\\.

### Judgments revised (1)

- `goats-were-aid`: Were the goats aid\\?
  - likelihood: likely → very\\-likely
  - history added (2026-04-01): Raised\\: a second report\\.

### Sources added (1)

- `gamma-report`: Gamma \\| \\*report\\*
  - published: 2024
"""


def test_diff_in_markdown_for_the_pull_requests_summary(repo: Path) -> None:
    propose(repo)
    result = run(repo, "diff", "main", "proposal", "--format", "markdown")
    assert result.stdout == DIFF_MARKDOWN  # contributor text escaped, every character shown as itself
    assert run(repo, "diff", "main", "proposal").stdout == result.stdout  # not a terminal: Markdown


def test_a_duplicate_id_is_reported_at_the_fact_not_yet_published(repo: Path) -> None:
    # The new fact goes into a file read before the published one; git tells which is new.
    topic = (repo / TOPIC).read_text()
    (repo / "briefings/topics/another.yml").write_text(topic.replace("title: \"The shipment\"", "title: \"More\""))
    os.utime(repo / TOPIC)  # the published file is the one edited last: only git can tell
    out = run(repo, "check").stderr
    assert ("briefings/topics/another.yml:5:9: error: fact id 'goat-count' is already used (at "
            f"{TOPIC}:5)") in out
