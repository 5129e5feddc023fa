"""``feed.xml``: an Atom feed (RFC 4287) of what a returning reader wants to know: the
briefing's dated facts, the corrections to its facts and its key judgments, newest first.

A fact's entry says its status, how its sources' values relate (a contradiction with each
value and who gives it; a difference in detail with its reconciliation first) and any error
found in a source. A judgment's entry is dated by its latest review or change, so a revised
judgment comes back to the top. Entry ids are stable across builds and addresses (UUIDs made
from the fact's or judgment's id), so a feed reader sees a changed entry, not a new one. Nothing here reads a
clock: the same briefing always gives the same bytes.
"""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from generator import __version__
from generator.briefing import Briefing, PlacedFact
from generator.exports.facts_json import JUDGMENTS_URI
from generator.exports.text import relation_text, sentence, shorten, source_errors_text, timestamp
from generator.inline import fold_whitespace, plain_text
from generator.model import Judgment
from generator.settings import Settings
from generator.urls import HOME, Urls, topic_uri
from generator.vocabulary import CONFIDENCE_LABELS, LIKELIHOODS, STATUS_LABELS, date_label

FEED_XML = "feed.xml"
ATOM_NS = "http://www.w3.org/2005/Atom"
#: Fixed namespace for the feed's entry ids: an entry keeps its id whatever the site's address.
FEED_NAMESPACE = uuid.UUID("5b0f4c1e-8c4a-4d43-9d7e-6a1f0b9c2e37")
#: Atom needs an ``updated`` time; a briefing with nothing dated has this one.
NO_DATE = "1970-01-01T00:00:00Z"


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


def atom_feed(briefing: Briefing, settings: Settings, urls: Urls) -> bytes:
    """The feed's entries, newest first (entries of one time keep the briefing's order)."""
    entries = [*fact_entries(briefing, urls), *correction_entries(briefing, urls),
               *(judgment_entry(urls, judgment) for judgment in briefing.judgments)]
    entries.sort(key=lambda entry: entry.updated, reverse=True)
    return _atom(entries, settings, urls)


def fact_entries(briefing: Briefing, urls: Urls) -> list[Entry]:
    """An entry per current dated fact, at its date."""
    return [_fact_entry(briefing, urls, placed) for placed in reversed(briefing.dated_facts)]


def _fact_entry(briefing: Briefing, urls: Urls, placed: PlacedFact) -> Entry:
    fact = placed.fact
    when = date_label(fact.date)
    status = STATUS_LABELS[fact.shown_status]
    text = plain_text(fact.claim)
    titles = "; ".join(briefing.sources[sid].title for sid in fact.sources)
    topic = briefing.topics[placed.topic_id].title
    parts = [f"{status} ({when}; topic: {topic}).", text, relation_text(briefing, fact),
             source_errors_text(briefing, fact), f"Sources: {titles}."]
    return Entry(key=fact.id, title=f"{when}: {shorten(text, 120)}", updated=timestamp(fact.date or ""),
                 link=urls.page(topic_uri(placed.topic_id), fact.id),
                 summary=" ".join(part for part in parts if part),
                 categories=[(fact.shown_status, status), *((tag, "") for tag in fact.tags)])


def correction_entries(briefing: Briefing, urls: Urls) -> list[Entry]:
    """An entry per correction of a fact, at the correction's date (retired facts too: a
    correction stays told)."""
    entries = []
    for placed in briefing.facts.values():
        text = plain_text(placed.fact.claim)
        for number, correction in enumerate(placed.fact.corrections, start=1):
            when = date_label(correction.date)
            entries.append(Entry(
                key=f"{placed.id}/correction/{number}", title=f"Correction, {when}: {shorten(text, 100)}",
                updated=timestamp(correction.date), link=urls.page(topic_uri(placed.topic_id), placed.id),
                summary=f"Correction, {when}: {fold_whitespace(correction.note)} The fact now reads: {text}",
                categories=[("correction", "Correction")]))
    return entries


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
                 updated=timestamp(updated), link=urls.page(JUDGMENTS_URI, judgment.id),
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
