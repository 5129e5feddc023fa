"""``facts.json``: every fact with its citations, stable ids and permalinks, and the key
judgments with the facts they rest on, for reusers.

The contract is ``schemas/facts.schema.json`` (hand-written; its version changes when a
field changes meaning). Links come from :class:`~generator.urls.Urls`, so they follow
MkDocs' ``use_directory_urls`` and are absolute when ``base_url`` is set. Values are always
strings, as written in the briefing (``Citation.shown_value``). Built from a git checkout,
each fact, judgment and source carries when it was first published and last changed in
substance (``date_published``, ``date_modified``: the commits' times, from ``changelog``);
both are null without history.
"""

from __future__ import annotations

from typing import Any

from generator import __version__
from generator.briefing import Briefing, PlacedFact
from generator.history.changelog import RecordDates, published_modified
from generator.history.record_dates import Revisions
from generator.inline import plain_text
from generator.model import Citation, Entity, Judgment, Source
from generator.settings import Settings
from generator.urls import JUDGMENTS, Urls, entity_uri, source_uri, topic_uri
from generator.vocabulary import (
    CONFIDENCE_LABELS,
    CONFIDENCE_MEANINGS,
    DIFFERENCE_HEADINGS,
    LIKELIHOODS,
    SOURCE_KINDS,
    STATUS_LABELS,
    STATUS_MEANINGS,
    date_label,
    date_precision,
)

FACTS_JSON = "facts.json"
#: 2: ``sources_disagree`` gave way to ``difference`` and ``reconciliation``; values are strings.
FACTS_SCHEMA_VERSION = 2


def facts_document(briefing: Briefing, settings: Settings, urls: Urls,
                   revisions: Revisions | None = None) -> dict[str, Any]:
    """Everything ``facts.json`` holds: the facts, and the sources and entities they name
    (with each record's dates from ``revisions``, when known)."""
    dates = RecordDates(revisions)
    return {
        "format": "briefing-facts",
        "version": FACTS_SCHEMA_VERSION,
        "generator": f"briefing-generator {__version__}",
        "title": settings.title,
        "description": settings.description,
        "base_url": settings.base_url,
        "statuses": {status: {"label": STATUS_LABELS[status], "meaning": STATUS_MEANINGS[status]}
                     for status in STATUS_LABELS},
        "differences": {kind: {"label": heading.removesuffix(".")} for kind, heading in DIFFERENCE_HEADINGS.items()},
        "source_kinds": {kind: {"label": label} for kind, label in SOURCE_KINDS.items()},
        "likelihoods": {key: {"term": item.term, "low": item.low, "high": item.high}
                        for key, item in LIKELIHOODS.items()},
        "confidences": {key: {"label": CONFIDENCE_LABELS[key], "meaning": CONFIDENCE_MEANINGS[key]}
                        for key in CONFIDENCE_LABELS},
        "judgments": [judgment_record(urls, judgment, published_modified(dates.judgment(judgment.id)),
                                      briefing.evidence_until.get(judgment.id))
                      for judgment in briefing.judgments],
        # An iterator: json_lines encodes each record as it is made.
        "facts": (fact_record(briefing, urls, placed, dates.fact_dates(placed.id))
                  for placed in briefing.facts.values()),
        "sources": {sid: source_record(urls, sid, briefing.sources[sid], published_modified(dates.source(sid)))
                    for sid in sorted(briefing.sources)},
        "entities": {eid: entity_record(settings, urls, eid, briefing.entities[eid])
                     for eid in sorted(briefing.entities)},
    }


#: (first published, last changed in substance) of a record, from ``changelog``; None without history.
Dates = tuple[str | None, str | None]
NO_DATES: Dates = (None, None)


def dated(dates: Dates) -> dict[str, str | None]:
    return {"date_published": dates[0], "date_modified": dates[1]}


def fact_record(briefing: Briefing, urls: Urls, placed: PlacedFact, dates: Dates = NO_DATES) -> dict[str, Any]:
    """One fact as ``facts.json`` holds it (retired facts too, with the note saying why)."""
    fact = placed.fact
    topic = briefing.topics[placed.topic_id]
    judgments = briefing.judgments_on.get(fact.id, {})
    return {
        "id": fact.id,
        "url": urls.page(topic_uri(placed.topic_id), fact.id),
        "topic": {"id": placed.topic_id, "title": topic.title, "url": urls.page(topic_uri(placed.topic_id))},
        "claim": fact.claim,
        "claim_text": plain_text(fact.claim),
        "date": fact.date,
        "date_precision": date_precision(fact.date),
        "date_label": date_label(fact.date) or None,
        "date_note": fact.date_note,
        "status": fact.status,
        "shown_status": fact.status,  # kept for readers of version 1: the status as shown, now always the status
        "difference": fact.difference,
        "reconciliation": fact.reconciliation,
        "single_source": fact.single_source,
        "values": [{"value": value, "sources": fact.sources_giving(value)} for value in fact.values],
        "attributed_to": list(fact.attributed_to),
        "denied_by": list(fact.denied_by),
        "entities": list(fact.entities),
        "tags": list(fact.tags),
        "citations": [citation_record(c) for c in fact.cites],
        "corrections": [{"date": c.date, "note": c.note} for c in fact.corrections],
        "retired": fact.retired,
        "judgments": {role: [j.id for j in judgments.get(role, [])] for role in ("supports", "cuts_against")},
        **dated(dates),
    }


def citation_record(citation: Citation) -> dict[str, Any]:
    return {"source": citation.source, "locator": citation.locator, "quote": citation.quote,
            "value": citation.shown_value, "error": citation.error}


def source_record(urls: Urls, source_id: str, source: Source, dates: Dates = NO_DATES) -> dict[str, Any]:
    return {
        "id": source_id, "title": source.title, "kind": source.kind, "outlet": source.outlet,
        "author": source.author, "published": source.published, "published_note": source.published_note,
        "url": source.url, "archive_url": source.archive_url, "accessed": source.accessed,
        "language": source.language, "restates": list(source.restates), "page": urls.page(source_uri(source_id)),
        **dated(dates),
    }


def entity_record(settings: Settings, urls: Urls, entity_id: str, entity: Entity) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": entity_id, "name": entity.name, "kind": entity.kind, "description": entity.description,
        "aliases": list(entity.aliases),
        "page": urls.page(entity_uri(entity_id)) if settings.features.entities else None,
    }
    if entity.location is not None:  # added within version 2: only located places carry it
        record["location"] = {"lat": entity.location.lat, "lon": entity.location.lon,
                              "source": entity.location.source}
    return record


def judgment_record(urls: Urls, judgment: Judgment, dates: Dates = NO_DATES,
                    evidence_until: str | None = None) -> dict[str, Any]:
    """One key judgment: its permalink on the judgments page, its likelihood (term and range)
    and confidence told apart, the facts for and against it, how recent they are (the newest
    date among the facts it rests on, ``Briefing.evidence_until``), and how it changed."""
    return {
        "id": judgment.id,
        "url": urls.page(JUDGMENTS, judgment.id),
        "question": judgment.question,
        "judgment": judgment.judgment,
        "judgment_text": plain_text(judgment.judgment),
        "likelihood": likelihood_record(judgment.likelihood),
        "confidence": {"key": judgment.confidence, "label": CONFIDENCE_LABELS[judgment.confidence]},
        "basis": judgment.basis,
        "supports": list(judgment.supports),
        "cuts_against": list(judgment.cuts_against),
        "topics": list(judgment.topics),
        "assumptions": list(judgment.assumptions),
        "alternatives": [{"text": a.text, "likelihood": likelihood_record(a.likelihood)}
                         for a in judgment.alternatives],
        "gaps": list(judgment.gaps),
        "indicators": list(judgment.indicators),
        "reviewed": judgment.reviewed,
        "evidence_until": evidence_until,
        "history": [{"date": h.date, "change": h.change} for h in judgment.history],
        **dated(dates),
    }


def likelihood_record(key: str) -> dict[str, Any]:
    """A term of the estimative scale with its range: ``likely``, 55 to 80 (per cent)."""
    item = LIKELIHOODS[key]
    return {"key": key, "term": item.term, "low": item.low, "high": item.high, "label": item.label}
