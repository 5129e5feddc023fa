"""``feed.xml``: an Atom feed (RFC 4287) of what a returning reader wants to know, newest first.

Built from a git checkout, the feed carries the briefing's changes, the same ones as the page
of changes (``history.changelog.changes_for_readers``), each at its date: a fact added (in
full: its status, how its sources' values relate, any error found in a source), changed
(each field before -> after), corrected or withdrawn; a key judgment added (in full) or
revised. Without history it
carries what the briefing itself dates: each dated fact at its date, each correction, and each
key judgment at its latest review or change.

Entry ids are stable across builds and addresses (UUIDs made from a key): an added fact or
judgment and a correction keep the id they had in a feed without history, and any other
change is keyed by its kind, record and time, so a feed reader sees each change once.
Nothing here reads a clock: the same commit always gives the same bytes.
"""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from generator import __version__
from generator.briefing import Briefing, PlacedFact
from generator.exports.text import relation_text, sentence, source_errors_text, timestamp
from generator.history.changelog import Change, changes_for_readers, day_label
from generator.history.record_dates import Revisions
from generator.inline import fold_whitespace, plain_text, shorten
from generator.model import Judgment
from generator.settings import Settings
from generator.urls import HOME, JUDGMENTS, Urls, topic_uri
from generator.vocabulary import CONFIDENCE_LABELS, LIKELIHOODS, STATUS_LABELS, date_label

FEED_XML = "feed.xml"
ATOM_NS = "http://www.w3.org/2005/Atom"
#: Fixed namespace for the feed's entry ids: an entry keeps its id whatever the site's address.
FEED_NAMESPACE = uuid.UUID("5b0f4c1e-8c4a-4d43-9d7e-6a1f0b9c2e37")
#: Atom needs an ``updated`` time; a briefing with nothing dated has this one.
NO_DATE = "1970-01-01T00:00:00Z"
#: The category term of each kind of change (a correction's is the one it always had).
CHANGE_TERMS = {"fact-corrected": "correction"}


def feed_entry_id(key: str) -> str:
    """A stable, globally unique Atom id (the same for every build and address)."""
    return f"urn:uuid:{uuid.uuid5(FEED_NAMESPACE, key)}"


@dataclass(frozen=True)
class Entry:
    """One entry of the feed, before it is written as XML."""

    key: str
    title: str
    updated: str
    link: str
    summary: str
    categories: list[tuple[str, str]] = field(default_factory=list)


def atom_feed(briefing: Briefing, settings: Settings, urls: Urls, revisions: Revisions | None = None) -> bytes:
    """The feed: the briefing's changes with its history, else its dated facts, corrections
    and judgments (entries of one time keep the briefing's order)."""
    if revisions is not None:
        return _atom([change_entry(briefing, urls, change) for change in changes_for_readers(briefing, revisions)],
                     settings, urls)
    entries = [*fact_entries(briefing, urls),
               *(change_entry(briefing, urls, change) for change in changes_for_readers(briefing, None)),
               *(judgment_entry(urls, judgment) for judgment in briefing.judgments)]
    entries.sort(key=lambda entry: entry.updated, reverse=True)
    return _atom(entries, settings, urls)


def fact_entries(briefing: Briefing, urls: Urls) -> list[Entry]:
    """An entry per current dated fact, at its date (a feed without history)."""
    return [_fact_entry(briefing, urls, placed) for placed in reversed(briefing.dated_facts)]


def _fact_entry(briefing: Briefing, urls: Urls, placed: PlacedFact) -> Entry:
    fact = placed.fact
    when = date_label(fact.date)
    return Entry(key=fact.id, title=f"{when}: {shorten(plain_text(fact.claim), 120)}",
                 updated=timestamp(fact.date or ""), link=urls.page(topic_uri(placed.topic_id), fact.id),
                 summary=fact_summary(briefing, placed), categories=fact_categories(placed))


def fact_summary(briefing: Briefing, placed: PlacedFact) -> str:
    """A fact in full: its status (with its date and topic), claim, how its values relate, the
    errors found in its sources, its sources; a withdrawn fact says so first."""
    fact = placed.fact
    text = plain_text(fact.claim)
    topic = briefing.topics[placed.topic_id].title
    if fact.retired:
        return f"Since withdrawn: {sentence(fold_whitespace(fact.retired))} The withdrawn text read: {text}"
    when = f"{date_label(fact.date)}; " if fact.date else ""
    titles = "; ".join(briefing.sources[sid].title for sid in fact.sources)
    parts = [f"{STATUS_LABELS[fact.status]} ({when}topic: {topic}).", text, relation_text(briefing, fact),
             source_errors_text(briefing, fact), f"Sources: {titles}."]
    return " ".join(part for part in parts if part)


def fact_categories(placed: PlacedFact) -> list[tuple[str, str]]:
    status = placed.fact.status
    return [(status, STATUS_LABELS[status]), *((tag, "") for tag in placed.fact.tags)]


def change_entry(briefing: Briefing, urls: Urls, change: Change) -> Entry:
    """A change as an entry, at its date, linking to its fact or judgment: what changed (each
    field before -> after), a correction's note or a withdrawal's, then the fact or judgment
    as it stands."""
    when = day_label(change.date)
    updated = timestamp(change.date) if len(change.date) == 10 else change.date
    kind = (CHANGE_TERMS.get(change.kind, change.kind), change.label)
    said = f"{change.label}, {when}" + (f": {changed_fields(change)}." if change.fields else ".")
    if not change.is_fact:
        judgment = briefing.judgments_by_id[change.id]
        entry = judgment_entry(urls, judgment)
        return Entry(key=change.key, title=f"{change.label}: {judgment.question}", updated=updated, link=entry.link,
                     summary=f"{said} {entry.summary}", categories=[kind, *entry.categories[1:]])
    placed = briefing.facts[change.id]
    text = plain_text(placed.fact.claim)
    title = f"{change.label}: {shorten(text, 120)}"
    if change.note:  # a correction or a withdrawal
        title = f"Correction, {when}: {shorten(text, 100)}" if change.kind == "fact-corrected" else title
        reads = "The withdrawn text read" if placed.fact.retired else "The fact now reads"
        summary = f"{change.label}, {when}: {sentence(fold_whitespace(change.note))} {reads}: {text}"
    else:
        summary = f"{said} {fact_summary(briefing, placed)}"
    categories = [kind, *fact_categories(placed)] if change.kind == "fact-added" else [kind]
    return Entry(key=change.key, title=title, updated=updated, link=urls.page(topic_uri(placed.topic_id), placed.id),
                 summary=summary, categories=categories)


def changed_fields(change: Change) -> str:
    """"status: reported → confirmed; claim: “…” → “…”" (texts quoted: they end as sentences)."""
    def shown(name: str, value: str) -> str:
        return f"“{value}”" if name in ("claim", "judgment") else value

    return "; ".join(f"{name}: {shown(name, before)} → {shown(name, after)}" for name, before, after in change.fields)


def judgment_entry(urls: Urls, judgment: Judgment) -> Entry:
    """A key judgment, dated by its latest review or change (a changed judgment is new again)."""
    likelihood = LIKELIHOODS[judgment.likelihood]
    confidence = CONFIDENCE_LABELS[judgment.confidence]
    parts = [judgment.question, sentence(plain_text(judgment.judgment)), f"Likelihood: {likelihood.label}.",
             f"Confidence: {confidence}. {sentence(fold_whitespace(judgment.basis))}"]
    if judgment.history:
        latest = judgment.history[-1]
        parts.append(f"Changed {date_label(latest.date)}: {sentence(fold_whitespace(latest.change))}")
    updated = max([judgment.reviewed, *(entry.date for entry in judgment.history)])
    return Entry(key=f"judgment/{judgment.id}", title=f"Key judgment: {judgment.question}",
                 updated=timestamp(updated), link=urls.page(JUDGMENTS, judgment.id),
                 summary=" ".join(parts),
                 categories=[("judgment", "Key judgment"), (judgment.likelihood, likelihood.term),
                             (f"{judgment.confidence}-confidence", f"{confidence} confidence")])


def _atom(entries: list[Entry], settings: Settings, urls: Urls) -> bytes:
    ET.register_namespace("", ATOM_NS)
    feed = ET.Element(f"{{{ATOM_NS}}}feed")
    _sub(feed, "id", feed_entry_id("feed:" + (settings.base_url or settings.title)))
    _sub(feed, "title", settings.title)
    if settings.description:
        _sub(feed, "subtitle", settings.description)
    _sub(feed, "updated", entries[0].updated if entries else NO_DATE)
    _sub(feed, "link", rel="alternate", type="text/html", href=urls.page(HOME) or "./")
    _sub(feed, "link", rel="self", type="application/atom+xml", href=urls.absolute(FEED_XML))
    _sub(_sub(feed, "author"), "name", settings.title)
    _sub(feed, "generator", "briefing-generator", version=__version__)
    for entry in entries:
        element = _sub(feed, "entry")
        _sub(element, "id", feed_entry_id(entry.key))
        _sub(element, "title", entry.title)
        _sub(element, "updated", entry.updated)
        _sub(element, "link", rel="alternate", type="text/html", href=entry.link)
        for term, label in entry.categories:
            _sub(element, "category", term=term, **({"label": label} if label else {}))
        _sub(element, "summary", entry.summary, type="text")
    ET.indent(feed)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="utf-8") + b"\n"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", attrs)
    if text is not None:
        element.text = text
    return element
