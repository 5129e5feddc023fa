"""The key judgments' rules as a contributor meets them in `briefing check`: one broken judgment per
rule, each reported at its file, line and column (at the very word, for a word the text must not
use) with the hint that fixes it; and the sources' `restates`, which decides what counts as
independent corroboration."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.judgment_rules import likelihood_terms
from generator.model import Fact, Source
from generator.origins import fact_origins, origins
from tests.conftest import CASES as CASE_DIR
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


HIGH_HINT = ("choose `moderate` or `low`, or support it with such a fact (a source that `restates` another "
             "counts as the one it repeats)")
ALPHA = "briefings/sources/alpha-report.yml"
BETA = "briefings/sources/beta-report.yml"


def source(path: str, restates: str) -> str:
    """A source file of the minimal case with a `restates` line added."""
    return (CASE_DIR / "minimal" / path).read_text(encoding="utf-8") + f"restates: {restates}\n"


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
        f"{JUDGMENTS}:3:20: error: the judgment says 'very likely', but its likelihood is 'likely'",
        "the page states the likelihood (likely, 55–80 %); reword without 'very likely', or change `likelihood`"),
    "a synonym of another term": (
        BASE.replace("Alpha sent the goats as aid", "Alpha almost certainly sent the goats as aid"),
        f"{JUDGMENTS}:3:20: error: the judgment says 'almost certainly', but its likelihood is 'likely'",
        "the page states the likelihood (likely, 55–80 %); reword without 'almost certainly', or change "
        "`likelihood`"),
    "a confidence word in the text": (
        BASE.replace("Alpha sent the goats as aid", "We are confident Alpha sent the goats as aid"),
        f"{JUDGMENTS}:3:21: error: the judgment says 'confident'",
        "confidence is told in its own sentence, from `confidence` and `basis`: leave it out of the judgment's "
        "text"),
    "high confidence on weak facts": (
        BASE.replace("supports: [goat-count]", "supports: [beta-denies]").replace("confidence: moderate",
                                                                                  "confidence: high"),
        f"{JUDGMENTS}:5:15: error: high confidence needs at least one supporting fact that is confirmed or cited "
        "from two or more independent origins", HIGH_HINT),
    "a hedge in the text": (
        BASE.replace("Alpha sent the goats as aid", "Alpha may have sent the goats as aid"),
        f"{JUDGMENTS}:3:20: error: the judgment hedges with 'may'",
        "the statement states and `likelihood` carries the probability (likely, 55–80 %): reword without 'may', "
        "or change `likelihood`"),
    "the second of two hedges, at its own word": (
        BASE.replace("Alpha sent the goats as aid, not as payment.",
                     "Perhaps Alpha sent the goats as aid, perhaps not as payment."),
        f"{JUDGMENTS}:3:51: error: the judgment hedges with 'perhaps'",
        "the statement states and `likelihood` carries the probability (likely, 55–80 %): reword without "
        "'perhaps', or change `likelihood`"),
    "a hedge of two words": (
        BASE.replace("Alpha sent the goats as aid", "The goats could be aid from Alpha"),
        f"{JUDGMENTS}:3:24: error: the judgment hedges with 'could be'",
        "the statement states and `likelihood` carries the probability (likely, 55–80 %): reword without "
        "'could be', or change `likelihood`"),
    "alternatives that cannot all hold with the judgment": (
        BASE + '  alternatives:\n    - text: "Beta bought them."\n      likelihood: roughly-even-chance\n'
               '    - text: "They were a bribe."\n      likelihood: unlikely\n',
        f"{JUDGMENTS}:15:19: error: the judgment and its alternatives cannot all hold: their likelihoods add up to "
        "at least 120 % (likely 55 % + roughly even chance 45 % + unlikely 20 %)",
        "alternatives are competing explanations, each excluding the judgment, so the lower ends of their ranges "
        "add up to 100 % at most: lower a likelihood, or move a consideration that does not exclude the judgment "
        "to `assumptions` or `gaps`"),
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


#: Each case: the source files written over the minimal case, the line a contributor sees, the hint.
SOURCE_CASES = {
    "a restated source that does not exist": (
        {BETA: source("briefings/sources/beta-report.yml", "[alpha-reprt]")},
        f"{BETA}:4:12: error: unknown source 'alpha-reprt'", "did you mean 'alpha-report'?"),
    "a source restating itself": (
        {BETA: source("briefings/sources/beta-report.yml", "[beta-report]")},
        f"{BETA}:4:12: error: source 'beta-report' restates itself",
        "remove it from `restates`: list only the other sources this one repeats"),
    "two sources restating each other": (
        {ALPHA: source("briefings/sources/alpha-report.yml", "[beta-report]"),
         BETA: source("briefings/sources/beta-report.yml", "[alpha-report]")},
        f"{ALPHA}:7:12: error: sources restate each other in a circle (alpha-report → beta-report → alpha-report)",
        "a source restates what was reported before it: remove the entry of the later report from the earlier "
        "one's `restates`"),
    "high confidence on two articles of one origin": (
        {JUDGMENTS: BASE.replace("confidence: moderate", "confidence: high"),
         BETA: source("briefings/sources/beta-report.yml", "[alpha-report]")},
        f"{JUDGMENTS}:5:15: error: high confidence needs at least one supporting fact that is confirmed or cited "
        "from two or more independent origins", HIGH_HINT),
}


@pytest.mark.parametrize("name", list(SOURCE_CASES))
def test_each_restates_rule_is_located_with_its_hint(make_project: MakeProject, name: str) -> None:
    files, line, hint = SOURCE_CASES[name]
    out = check(make_project(files))
    assert f"{line}\n    hint: {hint}\n" in out, out
    assert out.count(": error: ") == 1, out


def test_high_confidence_stands_on_two_independent_origins(make_project: MakeProject) -> None:
    """goat-count cites two reports that repeat nobody: two origins, so high confidence holds."""
    high = BASE.replace("confidence: moderate", "confidence: high")
    assert check(make_project({JUDGMENTS: high})).splitlines()[-1] == "checked 5 files: 0 errors; 0 warnings"


def test_restates_is_followed_to_the_origins() -> None:
    """A write-up of a write-up counts as the first report; a source repeating two counts as both."""
    def made(*restates: str) -> Source:
        return Source(title="A report", published="2024", restates=list(restates))

    sources = {"wire": made(), "paper": made("wire"), "blog": made("paper"), "digest": made("blog", "agency"),
               "agency": made(), "loop-a": made("loop-b"), "loop-b": made("loop-a")}
    assert origins("blog", sources) == {"wire"}
    assert origins("digest", sources) == {"wire", "agency"}
    assert origins("agency", sources) == {"agency"}
    assert len(origins("loop-a", sources)) == 1  # a circle (an error of its own) still ends the walk
    fact = Fact(id="f", claim="c", status="reported", cites=[{"source": "paper", "locator": "p1"},
                                                             {"source": "blog", "locator": "p2"}])
    assert fact_origins(fact, sources) == {"wire"}


def test_a_hedge_on_a_later_line_of_the_text_is_located_there(make_project: MakeProject) -> None:
    """A judgment written over two lines: the word is found on its own line; a hedge split over
    the line break is reported where the text starts."""
    two_lines = BASE.replace('  judgment: "Alpha sent the goats as aid, not as payment."',
                             '  judgment: >-\n    Alpha sent the goats as aid,\n    perhaps not as payment.')
    out = check(make_project({JUDGMENTS: two_lines}))
    assert f"{JUDGMENTS}:5:5: error: the judgment hedges with 'perhaps'\n" in out and "1 error" in out
    split = BASE.replace('  judgment: "Alpha sent the goats as aid, not as payment."',
                         '  judgment: >-\n    The goats could\n    be aid from Alpha.')
    assert f"{JUDGMENTS}:3:13: error: the judgment hedges with 'could be'\n" in check(make_project({JUDGMENTS: split}))


def test_may_the_month_and_words_containing_a_hedge_are_not_hedges(make_project: MakeProject) -> None:
    text = BASE.replace("Alpha sent the goats as aid", "In May 2024 Alpha, mayor-led, sent the goats as aid, 8 May")
    assert check(make_project({JUDGMENTS: text})).splitlines()[-1] == "checked 5 files: 0 errors; 0 warnings"


def test_alternatives_that_can_sum_to_a_hundred_pass(make_project: MakeProject) -> None:
    text = BASE + ('  alternatives:\n    - text: "Beta bought them."\n      likelihood: unlikely\n'
                   '    - text: "They were a bribe."\n      likelihood: unlikely\n')
    assert check(make_project({JUDGMENTS: text})).splitlines()[-1] == "checked 5 files: 0 errors; 0 warnings"


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
