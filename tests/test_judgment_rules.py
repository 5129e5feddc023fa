"""The key judgments' rules as a contributor meets them in `briefing check`: one broken judgment per
rule, each reported at its file, line and column with the hint that fixes it."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.judgment_rules import likelihood_terms
from tests.conftest import MakeProject

JUDGMENTS = "briefings/judgments.yml"
BASE = """- id: goats-were-aid
  question: "Were the goats aid?"
  judgment: "Alpha sent the goats as aid, not as payment."
  likelihood: likely
  confidence: moderate
  basis: "Two reports of one shipment; neither government is quoted."
  supports: [goat-count]
  cuts_against: [beta-denies]
  topics: [shipment]
  reviewed: "2024-09-01"
"""


def check(root) -> str:
    result = CliRunner().invoke(main, ["check", "--root", str(root)], env={"GITHUB_ACTIONS": "false"})
    return result.stderr


CASES = {
    "unknown fact": (
        BASE.replace("supports: [goat-count]", "supports: [goat-cont]"),
        f"{JUDGMENTS}:7:14: error: unknown fact 'goat-cont'", "did you mean 'goat-count'?"),
    "unknown topic": (
        BASE.replace("topics: [shipment]", "topics: [shipmnt]"),
        f"{JUDGMENTS}:9:12: error: unknown topic 'shipmnt'", "did you mean 'shipment'?"),
    "another likelihood term in the text": (
        BASE.replace("Alpha sent the goats as aid", "Alpha very likely sent the goats as aid"),
        f"{JUDGMENTS}:3:13: error: the judgment says 'very likely', but its likelihood is 'likely'",
        "the page states the likelihood (likely, 55–80 %); reword without 'very likely', or change `likelihood`"),
    "a synonym of another term": (
        BASE.replace("Alpha sent the goats as aid", "Alpha almost certainly sent the goats as aid"),
        f"{JUDGMENTS}:3:13: error: the judgment says 'almost certainly', but its likelihood is 'likely'",
        "the page states the likelihood (likely, 55–80 %); reword without 'almost certainly', or change "
        "`likelihood`"),
    "a confidence word in the text": (
        BASE.replace("Alpha sent the goats as aid", "We are confident Alpha sent the goats as aid"),
        f"{JUDGMENTS}:3:13: error: the judgment says 'confident'",
        "confidence is told in its own sentence, from `confidence` and `basis`: leave it out of the judgment's "
        "text"),
    "high confidence on weak facts": (
        BASE.replace("supports: [goat-count]", "supports: [beta-denies]").replace("confidence: moderate",
                                                                                  "confidence: high"),
        f"{JUDGMENTS}:5:15: error: high confidence needs at least one supporting fact that is confirmed or cited "
        "from two or more sources", "choose `moderate` or `low`, or support it with such a fact"),
    "a likelihood off the scale": (
        BASE.replace("likelihood: likely", "likelihood: probable"),
        f"{JUDGMENTS}:4:15: error: 'probable' is not allowed here; expected 'almost-no-chance', 'very-unlikely', "
        "'unlikely', 'roughly-even-chance', 'likely', 'very-likely' or 'almost-certain'",
        "use one of 'almost-no-chance', 'very-unlikely', 'unlikely', 'roughly-even-chance', 'likely', "
        "'very-likely' or 'almost-certain'"),
    "history out of order": (
        BASE + '  history:\n    - date: "2024-09-01"\n      change: "Raised."\n'
               '    - date: "2024-08-01"\n      change: "First made."\n',
        f"{JUDGMENTS}:11:3: error: history is not oldest first", "order the entries by date"),
    "the same id twice": (
        BASE + BASE.replace('question: "Were the goats aid?"', 'question: "Again?"'),
        f"{JUDGMENTS}:11:7: error: judgment id 'goats-were-aid' is already used (judgment 1)",
        "give this judgment another id"),
    "a retired fact": (
        BASE,
        f"{JUDGMENTS}:7:14: error: fact 'goat-count' is retired",
        "a judgment rests only on facts the briefing still stands by: remove it, or name the fact that replaced it"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_each_judgment_rule_is_located_with_its_hint(make_project: MakeProject, name: str) -> None:
    text, line, hint = CASES[name]
    files = {JUDGMENTS: text}
    if name == "a retired fact":
        topic = (make_project() / "briefings/topics/shipment.yml").read_text()
        files["briefings/topics/shipment.yml"] = topic.replace(
            "    difference: detail\n", '    retired: "The count was wrong."\n    difference: detail\n', 1)
    out = check(make_project(files))
    assert f"{line}\n    hint: {hint}\n" in out, out


def test_a_judgment_reviewed_before_its_newest_fact_is_due_for_review(make_project: MakeProject) -> None:
    out = check(make_project({JUDGMENTS: BASE.replace('reviewed: "2024-09-01"', 'reviewed: "2024-07-31"')}))
    assert (f"{JUDGMENTS}:10:13: warning: reviewed 2024-07-31, before fact 'goat-count' (2024-08) that it rests on\n"
            "    hint: review the judgment against the facts, then update `reviewed` (and `history` if it "
            "changed)\n") in out
    assert "0 errors; 1 warning: 1 review due" in out


def test_a_sound_judgment_passes(make_project: MakeProject) -> None:
    assert check(make_project({JUDGMENTS: BASE})).splitlines()[-1] == "checked 5 files: 0 errors; 0 warnings"


def test_likelihood_phrases_are_read_longest_first() -> None:
    assert likelihood_terms("It is very likely, not unlikely, and almost certainly so.") == [
        ("very likely", "very-likely"), ("unlikely", "unlikely"), ("almost certainly", "almost-certain")]
    assert likelihood_terms("Likelihood and likeliness are not terms.") == []
