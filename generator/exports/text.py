"""Small pieces of text the export formats share: partial dates as times, sentences, and how
a fact's values relate (shortened titles come from ``inline.shorten``, which the page of
changes shares).

Nothing here knows a format; ``feed``, ``jsonld`` and ``csl`` each say these things the
same way by taking them from here (and their words from ``vocabulary``).
"""

from __future__ import annotations

from generator.briefing import Briefing
from generator.inline import fold_whitespace
from generator.model import Fact
from generator.vocabulary import DIFFERENCE_HEADINGS


def date_parts(value: str) -> list[int]:
    """A partial date's known parts as numbers: ``2024-08`` -> ``[2024, 8]``."""
    return [int(part) for part in value.split("-")]


def timestamp(value: str) -> str:
    """An RFC 3339 time for a partial date. Atom needs a full timestamp, so a month or a year
    stands at its first moment; the text that goes with it gives the date as known."""
    parts = [*date_parts(value), 1, 1]
    return f"{parts[0]:04d}-{parts[1]:02d}-{parts[2]:02d}T00:00:00Z"


def sentence(text: str) -> str:
    """``text`` ending as a sentence does (a full stop added where it has no end mark)."""
    text = text.strip()
    return text if text.endswith((".", "!", "?", "…")) else text + "."


def relation_text(briefing: Briefing, fact: Fact) -> str | None:
    """How a fact's different values relate, in words (``None`` when they do not differ):
    a difference in detail says its reconciliation first, then the values; a contradiction
    says each value and who gives it."""
    if not fact.values_differ or fact.difference is None:
        return None
    heading = DIFFERENCE_HEADINGS[fact.difference].removesuffix(".")
    values = "; ".join(f"{value} ({', '.join(briefing.sources[sid].title for sid in fact.sources_giving(value))})"
                       for value in fact.values)
    if fact.difference == "detail" and fact.reconciliation:
        return f"{heading}: {sentence(fold_whitespace(fact.reconciliation))} Values: {values}."
    return f"{heading}: {values}."


def source_errors_text(briefing: Briefing, fact: Fact) -> str | None:
    """The errors found in the sources a fact cites, each with the source's title."""
    notes = [f"Source error in {briefing.sources[c.source].title}: {sentence(fold_whitespace(c.error))}"
             for c in fact.cites if c.error]
    return " ".join(notes) or None
