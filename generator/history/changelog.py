"""The briefing's changes as readers are told them: each record's dates, and what changed when.

Between the history read from git (``record_dates``) and what shows it (the pages' dates and
the page of changes in ``pages``; ``datePublished``/``dateModified``, ``facts.json``'s
dates and the feed in ``exports``): :class:`RecordDates` answers when a fact, judgment or
source was first published and last changed in substance, and when a topic's page last
changed; :func:`changes_for_readers` lists the briefing's changes newest first (facts added, changed,
corrected and withdrawn, key judgments added and revised), so the page of changes and the
feed tell the same ones. Corrections come from the briefing itself (each has its date);
everything else needs the history, and without it (a tarball, a shallow clone) only the
corrections are known. Sources added are left out: a new source comes with the facts that
cite it. Changes to records the briefing no longer holds have nothing to link to and are
left out too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property

from generator.briefing import Briefing
from generator.history.record_dates import Record, Revisions
from generator.inline import fold_whitespace, plain_text, shorten
from generator.vocabulary import LIKELIHOODS, date_label

#: What each kind of change is called, on the page of changes and in the feed.
CHANGE_LABELS = {
    "fact-added": "Fact added",
    "fact-changed": "Fact changed",
    "fact-corrected": "Correction",
    "fact-retired": "Fact withdrawn",
    "judgment-added": "Key judgment added",
    "judgment-revised": "Key judgment revised",
}
#: The kinds of change the history tells (corrections come from the briefing).
HISTORY_KINDS = frozenset(CHANGE_LABELS) - {"fact-corrected"}
#: A field's name as a change tells it.
FIELD_LABELS = {"cuts_against": "cuts against"}
#: Longest before or after a change shows (a claim is cut around what changed).
CHANGE_TEXT_LIMIT = 160
#: Words kept on each side of what changed when a long text is cut.
CONTEXT_WORDS = 4


def instant(value: str) -> datetime:
    """A git timestamp (with its offset) or a day (``YYYY-MM-DD``, taken as its first moment
    in UTC) as an instant that compares with any other."""
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def day_of(value: str) -> str:
    """The day (``YYYY-MM-DD``) of a git timestamp or a day, as its author's clock read it."""
    return value[:10]


def day_label(value: str) -> str:
    """``2026-04-14T09:00:00+02:00`` -> ``14 April 2026``."""
    return date_label(day_of(value))


def newest(values: list[str]) -> str | None:
    return max(values, key=instant) if values else None


class RecordDates:
    """When each fact, judgment and source was first published and last changed in substance
    (ISO timestamps from git), or nothing at all without history."""

    def __init__(self, revisions: Revisions | None) -> None:
        self.revisions = revisions

    def fact(self, fact_id: str) -> Record | None:
        return self.revisions.facts.get(fact_id) if self.revisions else None

    def judgment(self, judgment_id: str) -> Record | None:
        return self.revisions.judgments.get(judgment_id) if self.revisions else None

    def source(self, source_id: str) -> Record | None:
        return self.revisions.sources.get(source_id) if self.revisions else None

    @cached_property
    def _withdrawn(self) -> dict[str, str]:
        events = self.revisions.events if self.revisions else []
        return {e.id: e.date for e in events if e.kind == "fact-retired"}

    def withdrawn(self, fact_id: str) -> str | None:
        """When a retired fact was withdrawn (the commit that retired it)."""
        return self._withdrawn.get(fact_id)

    def fact_dates(self, fact_id: str) -> tuple[str | None, str | None]:
        """(first published, last changed) of a fact as the exports give them: withdrawing a
        fact changes it too."""
        published, modified = published_modified(self.fact(fact_id))
        withdrawn = self.withdrawn(fact_id)
        return published, newest([date for date in (modified, withdrawn) if date])

    def topic_updated(self, briefing: Briefing, topic_id: str) -> str | None:
        """When a topic's page last changed in substance: the newest date a fact of it was
        added, changed or withdrawn, or a judgment it opens with was added or revised."""
        records = [self.fact(f.id) for f in briefing.topics[topic_id].facts]
        records += [self.judgment(j.id) for j in briefing.judgments_of_topic(topic_id)]
        dates = [date for record in records if record for date in (record.added, record.updated) if date]
        dates += [date for f in briefing.topics[topic_id].facts if (date := self.withdrawn(f.id))]
        return newest(dates)


def published_modified(record: Record | None) -> tuple[str | None, str | None]:
    """(first published, last changed in substance) as the exports give them: the last change
    is the publication until the record changes; both None without history."""
    if record is None:
        return None, None
    return record.added, record.updated or record.added


@dataclass(frozen=True)
class Change:
    """One change of the briefing: when, of which kind (see :data:`CHANGE_LABELS`), to which
    fact or judgment, with what changed ((field, before, after), as shown) or a correction's
    note, and a key that stays the same from build to build (the feed's entry id)."""

    date: str
    kind: str
    id: str
    key: str
    fields: tuple[tuple[str, str, str], ...] = ()
    note: str = ""

    @property
    def label(self) -> str:
        return CHANGE_LABELS[self.kind]

    @property
    def day(self) -> str:
        return day_of(self.date)

    @property
    def is_fact(self) -> bool:
        return self.kind.startswith("fact-")


def changes_for_readers(briefing: Briefing, revisions: Revisions | None) -> list[Change]:
    """Every change told to readers, newest first (by day, then by time; the changes of one
    commit in the order of its files)."""
    found = [*_corrections(briefing), *(_history(briefing, revisions) if revisions else [])]
    return sorted(found, key=lambda change: (change.day, instant(change.date)), reverse=True)


def _corrections(briefing: Briefing) -> list[Change]:
    """Each correction of each fact, retired facts' too (a correction stays told)."""
    return [Change(correction.date, "fact-corrected", placed.id, f"{placed.id}/correction/{number}",
                   note=correction.note)
            for placed in briefing.facts.values()
            for number, correction in enumerate(placed.fact.corrections, start=1)]


def _history(briefing: Briefing, revisions: Revisions) -> list[Change]:
    """The changes from git, of records the briefing still holds, keyed for the feed: an added
    fact or judgment keeps the key the feed gave it before it had a history."""
    found: list[Change] = []
    keys: set[str] = set()
    judgments = briefing.judgments_by_id
    for event in revisions.events:
        if event.kind not in HISTORY_KINDS:
            continue
        if event.id not in (briefing.facts if event.kind.startswith("fact-") else judgments):
            continue
        if event.kind == "fact-added":
            key = event.id
        elif event.kind == "judgment-added":
            key = f"judgment/{event.id}"
        else:
            key = f"{event.kind}/{event.id}/{event.date}"
        unique, count = key, 1
        while unique in keys:  # two commits of the same second
            count += 1
            unique = f"{key}#{count}"
        keys.add(unique)
        note = (briefing.facts[event.id].fact.retired or "") if event.kind == "fact-retired" else ""
        found.append(Change(event.date, event.kind, event.id, unique,
                            tuple(shown_change(*change) for change in event.changes), note))
    return found


def shown_change(name: str, before: str, after: str) -> tuple[str, str, str]:
    """A field's change as readers read it: a claim as its words, a date or likelihood in
    words, nothing as "none"; long texts cut to what changed, with a few words around it."""
    before, after = shown_value(name, before), shown_value(name, after)
    if len(before) > CHANGE_TEXT_LIMIT or len(after) > CHANGE_TEXT_LIMIT:
        before, after = around_difference(before, after)
    return FIELD_LABELS.get(name, name), shorten(before, CHANGE_TEXT_LIMIT), shorten(after, CHANGE_TEXT_LIMIT)


def shown_value(name: str, value: str) -> str:
    if name in ("claim", "judgment"):
        value = plain_text(value)
    elif name == "date":
        value = date_label(value) if value else ""
    elif name == "likelihood" and value in LIKELIHOODS:
        value = LIKELIHOODS[value].term
    return fold_whitespace(value) or "none"


def around_difference(before: str, after: str) -> tuple[str, str]:
    """Two versions of a text cut to the words that differ, with :data:`CONTEXT_WORDS` words
    on each side and "…" where words were left out."""
    old, new = before.split(" "), after.split(" ")
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    first = max(0, start - CONTEXT_WORDS)
    last = max(0, end - CONTEXT_WORDS)

    def part(words: list[str]) -> str:
        kept = " ".join(words[first:len(words) - last])
        return ("… " if first else "") + kept + (" …" if last else "")

    return part(old), part(new)

