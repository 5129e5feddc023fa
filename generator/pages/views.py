"""What templates read about a fact or a judgment: views, laid out for the pages of one folder.

A view holds everything a template shows, already linked from the folder its page is in:
the claim with its entity links, the numbered notes (citations), the values the sources
give and how they relate, the sources' own errors with the reference they are set against,
corrections, the judgments that name the fact, and when the fact or judgment was added and
last changed (from the history, through ``changelog``). Ids reach templates as :class:`Md` (they
match the id pattern, so they are safe in paths and anchors); every other text stays plain
and is escaped when rendered.

A view reads the briefing's records only through :class:`Reading` (its fact, its sources, the
facts a judgment names, a topic's title), which notes each read in the view's ``reads``, as
Sphinx notes a document's dependencies while reading it: the preview keys each page by what
its views read (``incremental``) and refuses a page whose views read the briefing otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Protocol

from generator.briefing import Briefing, PlacedFact, reviewed_long_after
from generator.history.changelog import RecordDates, day_label
from generator.history.record_dates import Record
from generator.model import Citation, Correction, Fact, Judgment, Source, newest_date
from generator.render import Md
from generator.urls import FACT_HEADING, HOME, JUDGMENTS, STATUS_LEGEND, relative_from_folder, source_uri, topic_uri
from generator.vocabulary import (
    DIFFERENCE_HEADINGS,
    EVIDENCE_UNTIL,
    LIKELIHOODS,
    REVIEWED_AFTER_EVIDENCE,
    SOURCE_KINDS,
    STATUS_LABELS,
    Likelihood,
    date_label,
)


class Plan(Protocol):
    """What a view asks of the page plan that made it (``pages.plan.Plan`` is one)."""

    briefing: Briefing

    @property
    def dates(self) -> RecordDates: ...

    def claim(self, fact: Fact, folder: str, unlinked: str = "") -> Md: ...

    def entity_refs(self, ids: list[str], folder: str) -> list[EntityRef]: ...

    def tag_link(self, tag: str, folder: str) -> Md: ...

    def judgment_refs(self, fact_id: str, folder: str) -> list[JudgmentRef]: ...

#: A record a view read: ("fact", fact id), ("source", source id) or ("topic title", topic id).
Read = tuple[str, str]


class Reading:
    """How a view reads the briefing's records: from the briefing its plan had when it made
    the view, each read noted in :attr:`reads` by kind and id, so that the page showing the
    view can be keyed by what it was made from."""

    def __init__(self, plan: Plan) -> None:
        self._plan = plan
        self._records = plan.briefing
        #: what the view has read so far
        self.reads: set[Read] = set()

    def _read_fact(self, fact_id: str) -> PlacedFact:
        self.reads.add(("fact", fact_id))
        return self._records.facts[fact_id]

    def _read_source(self, source_id: str) -> Source:
        self.reads.add(("source", source_id))
        return self._records.sources[source_id]

    def _read_topic_title(self, topic_id: str) -> str:
        self.reads.add(("topic title", topic_id))
        return self._records.topics[topic_id].title


#: Where the scale is explained on it (headings hold "_", which no id does: no clash).
SCALE_ANCHOR = "scale_likelihood"


def link(target: str, folder: str) -> Md:
    """A relative link from the pages of ``folder`` to ``target`` (a uri, maybe with ``#anchor``)."""
    return Md(relative_from_folder(target, folder))


def record_dates(record: Record | None, changed: str, withdrawn: str | None = None) -> list[tuple[str, str]]:
    """[("Added", "2 March 2026"), (``changed``, "14 April 2026")]: when a record was added
    and last changed in substance (when it was), and withdrawn; empty without history."""
    if record is None:
        return []
    shown = [("Added", day_label(record.added))]
    if record.updated:
        shown.append((changed, day_label(record.updated)))
    if withdrawn:
        shown.append(("Withdrawn", day_label(withdrawn)))
    return shown


@dataclass(frozen=True)
class Note:
    """One citation of a fact, numbered (``<fact id>-<n>``) where the page footnotes it."""

    label: Md
    cite: Citation
    source_id: Md
    source: Source
    source_link: Md

    @property
    def kind(self) -> str:
        return SOURCE_KINDS[self.source.kind]


@dataclass(frozen=True)
class ValueGroup:
    """One value that some citations of a fact give, with the notes that give it."""

    value: str
    notes: list[Note]


@dataclass(frozen=True)
class EntityRef:
    name: str
    link: Md


@dataclass(frozen=True)
class SourceNotes:
    """One source of a fact with its citations (for lists that show sources by name)."""

    source: Source
    link: Md
    notes: list[Note]

    @property
    def locators(self) -> list[str]:
        return [n.cite.locator for n in self.notes if n.cite.locator]


@dataclass(frozen=True)
class SourceError:
    """A citation whose source is wrong on a checkable point, with the reference sources
    (and their citations) the fact sets it against."""

    note: Note
    references: list[SourceNotes]


@dataclass(frozen=True)
class JudgmentRef:
    """A link to a judgment from a fact it names: "Supports: <question>"."""

    role: str
    question: str
    link: Md


@dataclass(frozen=True)
class FactRef:
    """A fact a judgment rests on or is cut against by: its claim and a link to it."""

    claim: Md
    link: Md


class FactView(Reading):
    """A fact as the pages of one folder show it. Only what a page asks for is worked out
    (a list line needs the claim and two links, a topic page every note)."""

    def __init__(self, plan: Plan, placed: PlacedFact, folder: str, numbered: bool, claim: Md) -> None:
        super().__init__(plan)
        self.fact = placed.fact
        self.topic_id = Md(placed.topic_id)
        self.anchor = Md(self.fact.id)
        self.claim = claim
        """The claim as safe Markdown, with the first mention of each entity linked to its page."""
        self._folder, self._numbered = folder, numbered

    @cached_property
    def permalink(self) -> Md:
        return link(f"{topic_uri(self.topic_id)}#{self.fact.id}", self._folder)

    @property
    def heading_id(self) -> Md:
        """The id of the fact's heading on its topic page (its status line)."""
        return Md(self.fact.id + FACT_HEADING)

    @cached_property
    def topic_link(self) -> Md:
        return link(topic_uri(self.topic_id), self._folder)

    @property
    def topic_title(self) -> str:
        return self._read_topic_title(self.topic_id)

    @cached_property
    def legend(self) -> Md:
        return link(f"{STATUS_LEGEND}#{self.fact.status}", self._folder)

    @cached_property
    def asserted_by(self) -> list[EntityRef]:
        return self._plan.entity_refs(self.fact.attributed_to, self._folder)

    @cached_property
    def denied_by(self) -> list[EntityRef]:
        return self._plan.entity_refs(self.fact.denied_by, self._folder)

    @cached_property
    def about(self) -> list[EntityRef]:
        return self._plan.entity_refs(self.fact.entities, self._folder)

    @cached_property
    def tags(self) -> list[tuple[str, Md]]:
        return [(tag, self._plan.tag_link(tag, self._folder)) for tag in self.fact.tags]

    @cached_property
    def notes(self) -> list[Note]:
        return [Note(label=Md(f"{self.fact.id}-{index}") if self._numbered else Md(""),
                     cite=cite, source_id=Md(cite.source), source=self._read_source(cite.source),
                     source_link=link(source_uri(cite.source), self._folder))
                for index, cite in enumerate(self.fact.cites, start=1)]

    @cached_property
    def values(self) -> list[ValueGroup]:
        """When the sources give different values: each value, with the notes that give it."""
        if not self.fact.values_differ:
            return []
        return [ValueGroup(value, [n for n in self.notes if n.cite.shown_value == value])
                for value in self.fact.values]

    @property
    def difference(self) -> Md:
        """``contradiction`` or ``detail`` (for a class name), "" when the values agree."""
        return Md(self.fact.difference or "") if self.values else Md("")

    @property
    def difference_heading(self) -> str:
        """"The sources contradict each other." or "The sources differ in detail."."""
        return DIFFERENCE_HEADINGS[self.fact.difference or "contradiction"] if self.values else ""

    @property
    def reconciliation(self) -> str:
        """How values that differ in detail fit together ("" for a contradiction)."""
        return (self.fact.reconciliation or "") if self.difference == "detail" else ""

    @cached_property
    def source_errors(self) -> list[SourceError]:
        references = [group for group in self.sources if group.source.kind == "reference"]
        return [SourceError(n, references) for n in self.notes if n.cite.error]

    def source_error(self, note: Note) -> SourceError | None:
        """The error noted on one citation, if any (for its footnote)."""
        return next((e for e in self.source_errors if e.note is note), None)

    @property
    def sources(self) -> list[SourceNotes]:
        """The fact's sources in the order first cited, each with its citations."""
        by_source: dict[str, list[Note]] = {}
        for note in self.notes:
            by_source.setdefault(note.source_id, []).append(note)
        return [SourceNotes(notes[0].source, notes[0].source_link, notes) for notes in by_source.values()]

    @cached_property
    def judgments(self) -> list[JudgmentRef]:
        """The judgments that name the fact: those it supports first, then those it cuts against."""
        return self._plan.judgment_refs(self.fact.id, self._folder)

    @property
    def corrections(self) -> list[Correction]:
        return self.fact.corrections

    @cached_property
    def record(self) -> list[tuple[str, str]]:
        """"Added 2 March 2026 · Updated 14 April 2026" (and a retired fact's withdrawal)."""
        dates = self._plan.dates
        withdrawn = dates.withdrawn(self.fact.id) if self.fact.retired else None
        return record_dates(dates.fact(self.fact.id), "Updated", withdrawn)

    @property
    def retired(self) -> str:
        return self.fact.retired or ""

    @property
    def status(self) -> Md:
        return Md(self.fact.status)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.fact.status]

    @property
    def single_source(self) -> bool:
        return self.fact.single_source


class JudgmentView(Reading):
    """A key judgment as a page shows it: its anchor, its likelihood in words with its range
    (linked to the scale), its confidence, and links to the facts for and against it."""

    def __init__(self, plan: Plan, judgment: Judgment, folder: str) -> None:
        super().__init__(plan)
        self.judgment = judgment
        self.anchor = Md(judgment.id)
        self._folder = folder

    @property
    def likelihood(self) -> Likelihood:
        return LIKELIHOODS[self.judgment.likelihood]

    @cached_property
    def scale_link(self) -> Md:
        return link(f"{JUDGMENTS}#{SCALE_ANCHOR}", self._folder)

    @cached_property
    def link(self) -> Md:
        """To the judgment on the home page (its bottom line)."""
        return link(f"{HOME}#{self.judgment.id}", self._folder)

    @cached_property
    def details_link(self) -> Md:
        """To the judgment in full on the judgments page."""
        return link(f"{JUDGMENTS}#{self.judgment.id}", self._folder)

    @property
    def confidence(self) -> str:
        return self.judgment.confidence

    @property
    def evidence_until(self) -> str | None:
        """The newest date among the facts the judgment rests on, as they write it (``2024-08``)."""
        return newest_date(self._read_fact(fact_id).fact.date for fact_id in self.judgment.supports)

    @property
    def evidence_label(self) -> str:
        """"evidence up to August 2024" ("" when no fact it rests on is dated)."""
        until = self.evidence_until
        return EVIDENCE_UNTIL.format(date=date_label(until)) if until else ""

    @property
    def evidence_note(self) -> str:
        """"Reviewed December 2026; its newest evidence is from August 2024" when the review came
        long after the evidence ended (``briefing.EVIDENCE_AGE_NOTED``), else ""."""
        until = self.evidence_until
        if not until or not reviewed_long_after(self.judgment.reviewed, until):
            return ""
        return REVIEWED_AFTER_EVIDENCE.format(reviewed=date_label(self.judgment.reviewed[:7]),
                                              evidence=date_label(until))

    @cached_property
    def record(self) -> list[tuple[str, str]]:
        """"Added 2 March 2026 · Revised 14 April 2026", from the history."""
        return record_dates(self._plan.dates.judgment(self.judgment.id), "Revised")

    @cached_property
    def supports(self) -> list[FactRef]:
        return [self._fact_ref(fact_id) for fact_id in self.judgment.supports]

    @cached_property
    def cuts_against(self) -> list[FactRef]:
        return [self._fact_ref(fact_id) for fact_id in self.judgment.cuts_against]

    @cached_property
    def topics(self) -> list[tuple[str, Md]]:
        return [(self._read_topic_title(tid), link(topic_uri(tid), self._folder)) for tid in self.judgment.topics]

    def alternative_likelihood(self, key: str) -> Likelihood:
        return LIKELIHOODS[key]

    def _fact_ref(self, fact_id: str) -> FactRef:
        placed = self._read_fact(fact_id)
        return FactRef(claim=self._plan.claim(placed.fact, self._folder),
                       link=link(f"{topic_uri(placed.topic_id)}#{fact_id}", self._folder))
