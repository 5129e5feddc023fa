"""The briefing against its git history, in real repositories made in temporary folders with
dated commits: `check --base` (corrections, ids that stay, judgments' history), `briefing diff`
and the duplicate id reported at the new fact."""

from __future__ import annotations

import os
from pathlib import Path

from click.testing import CliRunner

from generator.cli import main
from tests.gitrepo import JUDGMENT, JUDGMENTS, TOPIC, commit, edit, git


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
        "### Facts added (1)\n\n- `gamma-fact` (shipment): Gamma saw goats\\.\n\n"
        "### Facts changed (1)\n\n- `beta-denies`: Alpha said Beta paid in arms\\; Beta denied it\\.\n"
        "  - status: alleged → disputed\n\n"
        "### Facts retired (1)\n\n- `beta-denies`: Beta\\'s denial was misread\\.\n\n"
        "### Sources added (1)\n\n- `gamma-report`: Gamma \\| \\*report\\*\n")
    working = run(repo, "diff", "main")  # against the working tree, which holds the same
    assert working.stdout.replace("working tree", "proposal") == result.stdout


def test_a_duplicate_id_is_reported_at_the_fact_not_yet_published(repo: Path) -> None:
    # The new fact goes into a file read before the published one; git tells which is new.
    topic = (repo / TOPIC).read_text()
    (repo / "briefings/topics/another.yml").write_text(topic.replace("title: \"The shipment\"", "title: \"More\""))
    os.utime(repo / TOPIC)  # the published file is the one edited last: only git can tell
    out = run(repo, "check").stderr
    assert ("briefings/topics/another.yml:5:9: error: fact id 'goat-count' is already used (at "
            f"{TOPIC}:5)") in out
