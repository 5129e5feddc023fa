"""The rules of the key judgments: ``judgments.yml`` set against the facts it rests on.

Every fact a judgment names exists and is not retired; its likelihood is said once, by its
term, and its confidence is left to the sentence the page writes; a ``high`` confidence
rests on a confirmed fact or one cited from two or more sources; a judgment reviewed before
the newest fact it rests on is flagged for review. Called by ``rules`` with every validated
record.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from generator.checked import Checked, Located
from generator.errors import Problem, Severity
from generator.future_dates import first_day
from generator.messages import closest
from generator.model import Fact, Judgment
from generator.vocabulary import CONFIDENCE_WORDS, LIKELIHOODS

#: Every phrase of the scale -> the term it belongs to, longest first (so "very likely" is
#: read as one phrase, not as "likely").
_PHRASES = sorted(((phrase, item.key) for item in LIKELIHOODS.values()
                   for phrase in (item.term, *item.synonyms)), key=lambda pair: -len(pair[0]))
_PHRASE = re.compile(r"\b(" + "|".join(re.escape(p) for p, _ in _PHRASES) + r")\b", re.I)
_CONFIDENCE = re.compile(r"\b(" + "|".join(CONFIDENCE_WORDS) + r")\b", re.I)


def judgment_problems(checked: Checked, facts: list[Located[Fact]]) -> Iterator[Problem]:
    by_id = {fact.record.id: fact.record for fact in facts}
    seen: dict[str, int] = {}
    for number, located in enumerate(checked.judgments, start=1):
        judgment = located.record
        if judgment.id in seen:
            yield located.problem(("id",), f"judgment id '{judgment.id}' is already used (judgment "
                                  f"{seen[judgment.id]})", "give this judgment another id", "duplicate id")
        seen.setdefault(judgment.id, number)
        yield from _fact_references(checked, located, by_id)
        yield from _wording(located)
        yield from _calibration(located, by_id)


def _fact_references(checked: Checked, located: Located[Judgment],
                     facts: dict[str, Fact]) -> Iterator[Problem]:
    complete = checked.complete
    for role in ("supports", "cuts_against"):
        for index, fact_id in enumerate(getattr(located.record, role)):
            fact = facts.get(fact_id)
            if fact is None and complete:
                yield located.problem((role, index), f"unknown fact '{fact_id}'",
                                      closest(fact_id, facts, "a topic's facts"), "unknown fact")
            elif fact is not None and fact.retired:
                yield located.problem((role, index), f"fact '{fact_id}' is retired",
                                      "a judgment rests only on facts the briefing still stands by: "
                                      "remove it, or name the fact that replaced it", "retired fact")
    for index, topic_id in enumerate(located.record.topics):
        if topic_id not in checked.topics and f"topics:{topic_id}" not in checked.invalid_ids:
            yield located.problem(("topics", index), f"unknown topic '{topic_id}'",
                                  closest(topic_id, checked.topics, "briefings/topics/"), "unknown topic")


def likelihood_terms(text: str) -> list[tuple[str, str]]:
    """The scale's phrases a text uses, with the term each belongs to."""
    lookup = {phrase.lower(): key for phrase, key in _PHRASES}
    return [(match.group(1), lookup[match.group(1).lower()]) for match in _PHRASE.finditer(text)]


def _wording(located: Located[Judgment]) -> Iterator[Problem]:
    judgment = located.record
    own = LIKELIHOODS[judgment.likelihood]
    for phrase, key in likelihood_terms(judgment.judgment):
        if key != judgment.likelihood:
            yield located.problem(("judgment",), f"the judgment says '{phrase}', but its likelihood is "
                                  f"'{judgment.likelihood}'",
                                  f"the page states the likelihood ({own.label}); reword without "
                                  f"'{phrase}', or change `likelihood`", "mixed likelihood")
    for match in _CONFIDENCE.finditer(judgment.judgment):
        yield located.problem(("judgment",), f"the judgment says '{match.group(1)}'",
                              "confidence is told in its own sentence, from `confidence` and `basis`: "
                              "leave it out of the judgment's text", "confidence in the judgment")


def _calibration(located: Located[Judgment], facts: dict[str, Fact]) -> Iterator[Problem]:
    judgment = located.record
    supports = [facts[f] for f in judgment.supports if f in facts]
    strong = [f for f in supports if f.status == "confirmed" or not f.single_source]
    if judgment.confidence == "high" and supports and not strong:
        yield located.problem(("confidence",), "high confidence needs at least one supporting fact that is "
                              "confirmed or cited from two or more sources",
                              "choose `moderate` or `low`, or support it with such a fact",
                              "unsupported confidence")
    dated = [f for f in supports if f.date]
    newest = max(dated, key=lambda f: first_day(f.date or ""), default=None)
    if newest is not None and date.fromisoformat(judgment.reviewed) < first_day(newest.date or ""):
        yield located.problem(("reviewed",), f"reviewed {judgment.reviewed}, before fact '{newest.id}' "
                              f"({newest.date}) that it rests on", "review the judgment against the facts, "
                              "then update `reviewed` (and `history` if it changed)", "review due",
                              severity=Severity.WARNING)
    dates = [entry.date for entry in judgment.history]
    if dates != sorted(dates):
        yield located.problem(("history",), "history is not oldest first", "order the entries by date",
                              "history out of order", key=True)
