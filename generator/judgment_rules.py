"""The rules of the key judgments: ``judgments.yml`` set against the facts it rests on.

Every fact a judgment names exists and is not retired; its likelihood is said once, by its
term, with no hedge in the statement, and its confidence is left to the sentence the page
writes; its alternatives exclude it, so their likelihoods and its own can sum to 100 %; a
``high`` confidence rests on a confirmed fact or one cited from two or more independent
origins (``origins``: a source that restates another counts as that one); a judgment
reviewed before the newest fact it rests on is flagged for review. Called by ``rules`` with
every validated record.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from datetime import date

from generator.checked import Checked, Located
from generator.errors import Problem, Severity
from generator.messages import closest
from generator.model import Fact, Judgment, Source, first_day, newest_date
from generator.origins import fact_origins
from generator.vocabulary import CONFIDENCE_WORDS, HEDGE_WORDS, LIKELIHOODS

#: Every phrase of the scale -> the term it belongs to, longest first (so "very likely" is
#: read as one phrase, not as "likely").
_PHRASES = sorted(((phrase, item.key) for item in LIKELIHOODS.values()
                   for phrase in (item.term, *item.synonyms)), key=lambda pair: -len(pair[0]))
_PHRASE = re.compile(r"\b(" + "|".join(re.escape(p) for p, _ in _PHRASES) + r")\b", re.I)
_CONFIDENCE = re.compile(r"\b(" + "|".join(CONFIDENCE_WORDS) + r")\b", re.I)
#: A hedge, as a whole word ("May" next to a number is the month, not a hedge).
_HEDGE = re.compile(r"(?<!\d )\b(" + "|".join(w.replace(" ", r"\s+") for w in HEDGE_WORDS) + r")\b(?!\s+\d)",
                    re.I)


def judgment_problems(checked: Checked, facts: list[Located[Fact]]) -> Iterator[Problem]:
    by_id = {fact.record.id: fact.record for fact in facts}
    sources = {sid: located.record for sid, located in checked.sources.items()}
    seen: dict[str, int] = {}
    for number, located in enumerate(checked.judgments, start=1):
        judgment = located.record
        if judgment.id in seen:
            yield located.problem(("id",), f"judgment id '{judgment.id}' is already used (judgment "
                                  f"{seen[judgment.id]})", "give this judgment another id", "duplicate id")
        seen.setdefault(judgment.id, number)
        yield from _fact_references(checked, located, by_id)
        yield from _wording(located)
        yield from _alternatives(located)
        yield from _calibration(located, by_id, sources)


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


def _matches(pattern: re.Pattern[str], text: str) -> Iterator[tuple[str, tuple[str, int]]]:
    """Each whole-word match of ``pattern`` in ``text``, with the word and which occurrence of
    it this is (for :meth:`Located.problem` to point at it)."""
    counts: dict[str, int] = {}
    for match in pattern.finditer(text):
        found = match.group(1)
        counts[found] = counts.get(found, -1) + 1
        yield found, (found, counts[found])


def _wording(located: Located[Judgment]) -> Iterator[Problem]:
    judgment = located.record
    own = LIKELIHOODS[judgment.likelihood]
    lookup = {phrase.lower(): key for phrase, key in _PHRASES}
    for phrase, word in _matches(_PHRASE, judgment.judgment):
        if lookup[phrase.lower()] != judgment.likelihood:
            yield located.problem(("judgment",), f"the judgment says '{phrase}', but its likelihood is "
                                  f"'{judgment.likelihood}'",
                                  f"the page states the likelihood ({own.label}); reword without "
                                  f"'{phrase}', or change `likelihood`", "mixed likelihood", word=word)
    for hedge, word in _matches(_HEDGE, judgment.judgment):
        yield located.problem(("judgment",), f"the judgment hedges with '{hedge}'",
                              f"the statement states and `likelihood` carries the probability ({own.label}): "
                              f"reword without '{hedge}', or change `likelihood`", "hedge in the judgment",
                              word=word)
    for found, word in _matches(_CONFIDENCE, judgment.judgment):
        yield located.problem(("judgment",), f"the judgment says '{found}'",
                              "confidence is told in its own sentence, from `confidence` and `basis`: "
                              "leave it out of the judgment's text", "confidence in the judgment", word=word)


def _alternatives(located: Located[Judgment]) -> Iterator[Problem]:
    """The judgment and its alternatives exclude each other, so their ranges can sum to 100 %."""
    judgment = located.record
    terms = [LIKELIHOODS[judgment.likelihood]]
    for index, alternative in enumerate(judgment.alternatives):
        terms.append(LIKELIHOODS[alternative.likelihood])
        total = sum(term.low for term in terms)
        if total > 100:
            added = " + ".join(f"{term.term} {term.low} %" for term in terms)
            yield located.problem(("alternatives", index, "likelihood"), f"the judgment and its alternatives "
                                  f"cannot all hold: their likelihoods add up to at least {total} % ({added})",
                                  "alternatives are competing explanations, each excluding the judgment, so "
                                  "the lower ends of their ranges add up to 100 % at most: lower a likelihood, "
                                  "or move a consideration that does not exclude the judgment to `assumptions` "
                                  "or `gaps`", "alternatives over 100 %")
            return


def _calibration(located: Located[Judgment], facts: dict[str, Fact],
                 sources: Mapping[str, Source]) -> Iterator[Problem]:
    judgment = located.record
    supports = [facts[f] for f in judgment.supports if f in facts]
    strong = [f for f in supports if f.status == "confirmed" or len(fact_origins(f, sources)) > 1]
    if judgment.confidence == "high" and supports and not strong:
        yield located.problem(("confidence",), "high confidence needs at least one supporting fact that is "
                              "confirmed or cited from two or more independent origins",
                              "choose `moderate` or `low`, or support it with such a fact (a source that "
                              "`restates` another counts as the one it repeats)", "unsupported confidence")
    newest_day = newest_date(f.date for f in supports)
    newest = next((f for f in supports if newest_day and f.date == newest_day), None)
    if newest and newest_day and date.fromisoformat(judgment.reviewed) < first_day(newest_day):
        yield located.problem(("reviewed",), f"reviewed {judgment.reviewed}, before fact '{newest.id}' "
                              f"({newest.date}) that it rests on", "review the judgment against the facts, "
                              "then update `reviewed` (and `history` if it changed)", "review due",
                              severity=Severity.WARNING)
    dates = [entry.date for entry in judgment.history]
    if dates != sorted(dates):
        yield located.problem(("history",), "history is not oldest first", "order the entries by date",
                              "history out of order", key=True)
