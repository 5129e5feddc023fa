"""The rules across records, as a contributor meets them in `briefing check`: references, ids, how
cited values relate and what a status then means, sources' errors set against a reference, and the
warnings a contributor can act on; each located at its file, line and column with its hint."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.cli.test_check import CLEAN, FACT, HEAD, REFERENCE, SOURCE, TOPIC, VALUES, reported, run_check
from tests.conftest import MakeProject
from tests.gitrepo import JUDGMENT, JUDGMENTS

FUTURE = "write the date it happened: today at the latest"

RULES = {
    "unknown source names the closest ids": (
        {TOPIC: HEAD + FACT.replace("source: beta-report", "source: alpha-reprt")},
        f"{TOPIC}:10:17: error: unknown source 'alpha-reprt'",
        "did you mean 'alpha-report' or 'beta-report'?"),
    "unknown source with nothing close": (
        {TOPIC: HEAD + FACT.replace("source: beta-report", "source: zzz")},
        f"{TOPIC}:10:17: error: unknown source 'zzz'",
        "add it to briefings/sources/, or fix the id"),
    "unknown entity names the closest ids": (
        {TOPIC: HEAD + FACT.replace("    status:",
                                    "    entities: [alpha-country, beta-contry]\n    status:")},
        f"{TOPIC}:6:31: error: unknown entity 'beta-contry'",
        "did you mean 'beta-country' or 'alpha-country'?"),
    "fact id used twice is reported at the new fact": (  # extra.yml is read first, but edited last
        {TOPIC: HEAD + FACT.replace("id: extra-fact", "id: goat-count")},
        f"{TOPIC}:4:9: error: fact id 'goat-count' is already used (at briefings/topics/shipment.yml:5)",
        "give this new fact another id; a published id never changes, since readers' links point at it"),
    "different values without difference": (
        {TOPIC: HEAD + VALUES},
        f"{TOPIC}:13:16: error: the citations give different values ('447', '450') but the fact does not "
        "say how they relate",
        "add `difference: contradiction` (they cannot all be true) or `difference: detail` with a "
        "`reconciliation` (rounding, precision, wording)"),
    "detail without reconciliation": (
        {TOPIC: HEAD + VALUES + "    difference: detail\n"},
        f"{TOPIC}:14:17: error: a difference in detail needs a `reconciliation`",
        "add `reconciliation:` with one sentence saying how the values fit together, e.g. \"447 is the count; "
        "the other figures round it\""),
    "difference without different values": (
        {TOPIC: HEAD + FACT + "    difference: detail\n    reconciliation: \"Same.\"\n"},
        f"{TOPIC}:12:5: error: `difference` is set, but the citations do not give different values",
        "remove `difference`, or give each citation its `value`"),
    "reconciliation without detail": (
        {TOPIC: HEAD + VALUES.replace("status: reported", "status: disputed")
         + "    difference: contradiction\n    reconciliation: \"Both.\"\n"},
        f"{TOPIC}:15:5: error: only a difference in detail is reconciled",
        "remove `reconciliation`, or set `difference: detail` if the values are compatible"),
    "disputed without contradiction or denial": (
        {TOPIC: HEAD + FACT.replace("status: reported", "status: disputed")},
        f"{TOPIC}:6:13: error: a disputed fact needs sources that contradict each other or a party that "
        "denies it",
        "add `difference: contradiction` where the cited values cannot all be true, or `denied_by` where a "
        "source reports a denial; otherwise choose `reported`, `alleged` or `confirmed`"),
    "contradiction that is not disputed": (
        {TOPIC: HEAD + VALUES + "    difference: contradiction\n"},
        f"{TOPIC}:6:13: error: the sources contradict each other, but the status is 'reported'",
        "write `status: disputed`, or `difference: detail` if the values are compatible"),
    "error without a reference beside it": (
        {TOPIC: HEAD + FACT.replace('locator: "paragraph 3"',
                                    'locator: "paragraph 3"\n        error: "It names the wrong port."')},
        f"{TOPIC}:12:9: error: a citation marked with `error` needs a `reference` source cited beside it",
        "cite, in this fact, the reference (`kind: reference`) that shows the record"),
    "error on the reference itself": (
        {"briefings/sources/register.yml": REFERENCE,
         TOPIC: HEAD + FACT.replace('locator: "paragraph 3"', 'locator: "paragraph 3"\n      - source: register\n'
                                    '        locator: "entry 4"\n        error: "Wrong."')},
        f"{TOPIC}:14:9: error: a reference is what errors are checked against",
        "move the `error` note to the citation of the source that is wrong"),
    "reference without accessed": (
        {"briefings/sources/register.yml": REFERENCE.replace('accessed: "2024-09-01"\n', ""),
         TOPIC: HEAD + FACT.replace("source: beta-report", "source: register")},
        "briefings/sources/register.yml:3:7: error: a reference source needs `accessed`",
        "add `url:` (the page read) and `accessed:` (the date read it)"),
    "correction in the future": (
        {TOPIC: HEAD + FACT + '    corrections:\n      - date: "2999-01-02"\n        note: "Fixed."\n'},
        f"{TOPIC}:13:15: error: correction of fact 'extra-fact': 2999-01-02 lies in the future", FUTURE),
    "history entry in the future": (
        {JUDGMENTS: JUDGMENT + '  history:\n    - date: "2999-01-02"\n      change: "Raised."\n'},
        f"{JUDGMENTS}:10:13: error: history entry of judgment 'goats-were-aid': 2999-01-02 lies in the future",
        FUTURE),
    "reviewed in the future": (
        {JUDGMENTS: JUDGMENT.replace('reviewed: "2024-09-01"', 'reviewed: "2999-01-02"')},
        f"{JUDGMENTS}:8:13: error: judgment 'goats-were-aid' reviewed: 2999-01-02 lies in the future", FUTURE),
    "accessed in the future, a month": (
        {"briefings/sources/register.yml": REFERENCE.replace('accessed: "2024-09-01"', 'accessed: "2999-01"'),
         TOPIC: HEAD + FACT.replace("source: beta-report", "source: register")},
        "briefings/sources/register.yml:6:11: error: source 'register' accessed: 2999-01 lies in the future",
        FUTURE),
}


@pytest.mark.parametrize("name", list(RULES))
def test_each_rule_is_located_with_its_hint(make_project: MakeProject, name: str) -> None:
    files, line, hint = RULES[name]
    result = run_check(make_project(files))
    assert result.exit_code == 1
    assert f"{line}\n    hint: {hint}\n" in reported(result), reported(result)


WARNINGS = {
    "unused source": (
        {SOURCE: 'title: "Gamma"\npublished: "2024"\narchive_url: "https://archive.example.org/g"\n'},
        f"{SOURCE}:1:1: warning: source 'gamma-report' is not cited by any fact",
        "cite it from a fact, or remove the file"),
    "unused entity": (
        {"briefings/entities.yml": 'alpha-country:\n  name: "Alpha"\n  kind: country\n'
                                   'beta-country:\n  name: "Beta"\n  kind: country\n'
                                   'gamma-town:\n  name: "Gamma"\n  kind: place\n'},
        "briefings/entities.yml:7:1: warning: entity 'gamma-town' is not named by any fact",
        "name it in a fact's entities, or remove it"),
    "source with a url never archived": (
        {SOURCE: 'title: "Gamma"\npublished: "2024"\nurl: "https://gamma.example/a"\n',
         TOPIC: HEAD + FACT.replace("source: beta-report", "source: gamma-report")},
        f"{SOURCE}:3:1: warning: source 'gamma-report' has a url but no archive_url",
        "add an archived copy's address (e.g. from web.archive.org) so readers can still check it if the page "
        "changes"),
    "citation with neither locator nor quote": (
        {TOPIC: HEAD + FACT.replace('        locator: "paragraph 3"\n', "")},
        f"{TOPIC}:10:9: warning: the citation of 'beta-report' has neither a locator nor a quote",
        "add `locator:` (where in the source) or `quote:` (its exact words), so a reader can find the passage"),
    "denial nobody quotes": (
        {TOPIC: HEAD + FACT.replace("    status: reported", "    status: reported\n    denied_by: [beta-country]")},
        f"{TOPIC}:7:5: warning: fact 'extra-fact' names who denied it, but no citation quotes the denial",
        "cite the passage that reports the denial with its `quote`, or remove `denied_by`"),
    "one source in two files": (
        {SOURCE: 'title: "[Report on the shipment]"\npublished: 2024\n',
         TOPIC: HEAD + FACT.replace("source: beta-report", "source: gamma-report")},
        "briefings/sources/gamma-report.yml:1:1: warning: source 'gamma-report' has the same title and date as "
        "source 'beta-report'",
        "keep one file per source: cite 'beta-report' and remove this one, or correct the field"),
    "long quote": (
        {TOPIC: HEAD + FACT.replace('locator: "headline"', "quote: \"" + "word " * 41 + "\"")},
        f"{TOPIC}:9:16: warning: quote is 41 words long", "keep quotes to about 40 words"),
}


@pytest.mark.parametrize("name", list(WARNINGS))
def test_warnings_pass_unless_strict(make_project: MakeProject, name: str) -> None:
    files, line, hint = WARNINGS[name]
    root = make_project({**CLEAN, **files})
    relaxed, strict = run_check(root), run_check(root, "--strict")
    assert f"{line}\n    hint: {hint}\n" in reported(relaxed), reported(relaxed)
    assert ": error: " not in reported(relaxed)
    assert (relaxed.exit_code, strict.exit_code) == (0, 1)


def test_a_correction_made_today_is_not_in_the_future(make_project: MakeProject) -> None:
    today = datetime.now(UTC).date().isoformat()  # the machine's day, wherever its clock stands
    result = run_check(make_project({TOPIC: HEAD + FACT + f'    corrections:\n      - date: "{today}"\n'
                                     '        note: "Fixed."\n'}))
    assert "in the future" not in reported(result) and result.exit_code == 0, reported(result)
