"""The words the site uses for the format's values: statuses, dates, relations, likelihoods.

Pages, exports, the chart and the checks all say a status, a partial date, how values
relate or how likely a judgment is in the same words; they take them from here. Nothing
here knows about pages or files.
"""

from __future__ import annotations

from dataclasses import dataclass

STATUS_LABELS = {
    "confirmed": "Confirmed",
    "reported": "Reported",
    "alleged": "Alleged",
    "disputed": "Disputed",
}
STATUS_MEANINGS = {
    "confirmed": "acknowledged by the parties or independently corroborated",
    "reported": "carried by sources, not independently verified",
    "alleged": "asserted by a party, not verified",
    "disputed": "the sources contradict each other, or a named party denies it",
}
#: How a fact's different values relate, as a reader reads it.
DIFFERENCE_HEADINGS = {
    "contradiction": "The sources contradict each other.",
    "detail": "The sources differ in detail.",
}
SOURCE_KINDS = {
    "article": "News article",
    "reference": "Reference",
    "statement": "Primary statement",
}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def plural(count: int, word: str, words: str | None = None) -> str:
    """``1 fact``, ``2 facts``: a count with its noun."""
    return f"{count} {word if count == 1 else (words or word + 's')}"


def date_label(value: str | None) -> str:
    """A partial date as a reader reads it, never padded: ``2024-08`` -> ``August 2024``."""
    if not value:
        return ""
    parts = value.split("-")
    if len(parts) == 1:
        return parts[0]
    month = MONTHS[int(parts[1]) - 1]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{int(parts[2])} {month} {parts[0]}"


def date_precision(value: str | None) -> str | None:
    """``2024-08-15`` -> ``day``, ``2024-08`` -> ``month``, ``2024`` -> ``year``."""
    if not value:
        return None
    return ("year", "month", "day")[value.count("-")]


@dataclass(frozen=True)
class Likelihood:
    """One term of the estimative scale (US ICD 203): its words, its range, and other words
    for it that a judgment's text must not use unless they are its own."""

    key: str
    term: str
    low: int
    high: int
    synonyms: tuple[str, ...] = ()

    @property
    def range(self) -> str:
        return f"{self.low}–{self.high} %"

    @property
    def label(self) -> str:
        """``likely, 55–80 %``."""
        return f"{self.term}, {self.range}"


#: The seven terms, from least to most likely.
LIKELIHOODS: dict[str, Likelihood] = {item.key: item for item in (
    Likelihood("almost-no-chance", "almost no chance", 1, 5, ("remote",)),
    Likelihood("very-unlikely", "very unlikely", 5, 20, ("highly improbable",)),
    Likelihood("unlikely", "unlikely", 20, 45, ("improbable", "improbably")),
    Likelihood("roughly-even-chance", "roughly even chance", 45, 55, ("roughly even odds", "even chance")),
    Likelihood("likely", "likely", 55, 80, ("probable", "probably")),
    Likelihood("very-likely", "very likely", 80, 95, ("highly probable",)),
    Likelihood("almost-certain", "almost certain", 95, 99, ("almost certainly", "nearly certain")),
)}
CONFIDENCE_LABELS = {"low": "Low", "moderate": "Moderate", "high": "High"}
CONFIDENCE_MEANINGS = {
    "low": "the evidence is scant, questionable or from one source, or the judgment rests largely on "
           "assumption",
    "moderate": "the evidence is credible and plausible but not corroborated enough for more",
    "high": "the judgment rests on sound evidence from several independent sources or a confirmed fact; "
            "it can still be wrong",
}
#: Words that tell confidence: a judgment's text leaves them to the sentence the page writes.
CONFIDENCE_WORDS = ("confidence", "confident", "confidently")
#: Words that hedge a statement: a judgment states, and its likelihood carries the probability.
HEDGE_WORDS = ("may", "might", "could be", "possibly", "perhaps")
#: How recent a judgment's evidence is, beside its likelihood.
EVIDENCE_UNTIL = "evidence up to {date}"
#: Said of a judgment reviewed long after its newest evidence.
REVIEWED_AFTER_EVIDENCE = "Reviewed {reviewed}; its newest evidence is from {evidence}"
