"""`briefing correct|retire|revise`: a dated entry written into a published fact or judgment at its
own place, every other byte kept (comments, order, quoting, line endings); checked as `briefing new`
checks, so a refused entry writes nothing."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from generator.cli import main
from tests.conftest import MakeProject
from tests.gitrepo import JUDGMENT, JUDGMENTS

TOPIC = "briefings/topics/goats.yml"
FACTS = """title: "Goats"  # the page title
summary: "Goats."
facts:
  - id: first-fact
    claim: "Alpha sent goats."   # keep this comment
    status: reported
    cites:
      - {source: alpha-report, locator: "paragraph 2"}
    corrections:
      - date: '2024-09-01'
        note: First.

  # the second fact
  - id: second-fact
    claim: "Beta received them."
    status: reported
    cites:
      - source: beta-report
        locator: "paragraph 1"
"""


def amend(root: Path, *args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(main, [*args, "--root", str(root)], input=input, catch_exceptions=False)


def test_a_correction_is_added_after_the_last_one_keeping_every_byte(make_project: MakeProject) -> None:
    root = make_project({TOPIC: FACTS})
    result = amend(root, "correct", "first-fact", "--note", "The count is \"447\".", "--date", "2024-10-02")
    assert result.exit_code == 0, result.output
    assert result.stderr == (f"added a correction to fact 'first-fact' in {TOPIC} at line 12\n"
                             "next: `briefing check`, then open a pull request\n")
    assert (root / TOPIC).read_text() == FACTS.replace("        note: First.\n", "        note: First.\n"
                                                       '      - date: "2024-10-02"\n'
                                                       '        note: "The count is \\"447\\"."\n')


def test_the_first_correction_comes_with_its_key_at_the_end_of_the_fact(make_project: MakeProject) -> None:
    root = make_project({TOPIC: FACTS})
    result = amend(root, "correct", "second-fact", "--date", "2024-10-02", input="Beta got 447.\n")
    assert result.exit_code == 0, result.output
    assert "Note (what changed and why, in your own words):" in result.output
    assert (root / TOPIC).read_text() == FACTS + ('    corrections:\n      - date: "2024-10-02"\n'
                                                  '        note: "Beta got 447."\n')


def test_retiring_keeps_the_fact_with_its_note_and_the_day(make_project: MakeProject) -> None:
    root = make_project({TOPIC: FACTS.replace("\n", "\r\n")})  # Windows line endings stay
    result = amend(root, "retire", "first-fact", "--note", "Misread.", "--date", "2024-10-02")
    assert result.exit_code == 0, result.output
    assert (root / TOPIC).read_bytes() == FACTS.replace(
        "        note: First.\n", '        note: First.\n      - date: "2024-10-02"\n'
        '        note: "Retired: Misread."\n    retired: "Misread."\n').replace("\n", "\r\n").encode()
    again = amend(root, "retire", "first-fact", "--note", "Again.")
    assert again.exit_code == 1
    assert again.stderr == (f"error: fact 'first-fact' is already retired ({TOPIC})\n"
                            "    hint: to say more, add a correction with `briefing correct`\n"
                            "nothing was written\n")


def test_revising_a_judgment_adds_history_and_moves_reviewed(make_project: MakeProject) -> None:
    root = make_project({JUDGMENTS: JUDGMENT})
    result = amend(root, "revise", "goats-were-aid", "--note", "Raised: a second report.", "--date", "2024-10-02")
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(f"added a history entry to judgment 'goats-were-aid' in {JUDGMENTS} at line 9")
    assert (root / JUDGMENTS).read_text() == JUDGMENT.replace('reviewed: "2024-09-01"', 'reviewed: "2024-10-02"') + (
        '  history:\n    - date: "2024-10-02"\n      change: "Raised: a second report."\n')


def test_a_date_in_the_future_is_refused_and_nothing_written(make_project: MakeProject) -> None:
    root = make_project({TOPIC: FACTS})
    result = amend(root, "correct", "first-fact", "--note", "Later.", "--date", "2999-01-02")
    assert result.exit_code == 1
    assert result.stderr == ("error: date: correction of fact 'first-fact': 2999-01-02 lies in the future\n"
                             "    hint: write the date it happened: today at the latest\n"
                             "nothing was written\n")
    assert (root / TOPIC).read_text() == FACTS


def test_a_bad_date_an_empty_note_and_an_unknown_id_are_refused(make_project: MakeProject) -> None:
    root = make_project({TOPIC: FACTS})
    assert "error: --date: '2024-10' is not a full date: write YYYY-MM-DD" in amend(
        root, "correct", "first-fact", "--note", "X.", "--date", "2024-10").stderr
    assert "error: --note: text is empty" in amend(root, "correct", "first-fact", "--note", " ").stderr
    unknown = amend(root, "correct", "frist-fact", "--note", "X.")
    assert unknown.stderr == ("error: unknown fact 'frist-fact'\n"
                              "    hint: did you mean 'first-fact' or 'second-fact'?\nnothing was written\n")
    assert (root / TOPIC).read_text() == FACTS
