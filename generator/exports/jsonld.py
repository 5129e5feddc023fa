"""schema.org JSON-LD for each topic page: the page, a ``Claim`` per current fact, and a
``ClaimReview`` where a named party asserts the claim and the project rates it.

A claim whose sources give different values says how they relate in its ``description``
("The sources differ in detail: <reconciliation> …" or "The sources contradict each other:
…"), and carries its corrections (``CorrectionComment``). A retired fact makes no claim.
Built from a git checkout, each claim has its ``datePublished`` and ``dateModified`` (its
last change in substance) and the page its ``dateModified`` (see ``changelog``).

``generate`` writes it into the topic page's Markdown as a ``<script type="application/ld+json">``
block (:func:`jsonld_script`); the MkDocs plugin lifts it out of the converted body
(:func:`lift_jsonld`) and the theme writes it in the page's ``<head>``: in the body, Material's
instant navigation would run it again as a script (without its type) when a reader reaches the
page through a link, and fail on the JSON ("Unexpected token ':'"). Links are
absolute with ``base_url`` and relative to the page otherwise (JSON-LD resolves them
against the page it is in).
"""

from __future__ import annotations

import json
import re
from typing import Any

from generator.briefing import Briefing
from generator.exports.text import relation_text
from generator.history.changelog import RecordDates
from generator.inline import fold_whitespace, plain_text
from generator.model import Source
from generator.settings import Settings
from generator.urls import HOME, Urls, entity_uri, topic_uri
from generator.vocabulary import STATUS_LABELS, STATUS_MEANINGS

SCHEMA_TYPES = {"person": "Person", "organization": "Organization", "country": "Country",
                "place": "Place", "agreement": "Thing", "event": "Event"}
_LINE_BREAKS = re.compile("[\n\r\x85\u2028\u2029]")
_SCRIPT_OPEN = '<script type="application/ld+json">'
#: The block :func:`jsonld_script` writes (its JSON holds no ``<``), with its line's end if any.
_BLOCK = re.compile(re.escape(_SCRIPT_OPEN) + "[^<]*</script>\n?")


def topic_jsonld(briefing: Briefing, settings: Settings, urls: Urls, topic_id: str,
                 dates: RecordDates | None = None) -> dict[str, Any]:
    """The JSON-LD of one topic page (with the dates of its claims and its last change, when
    ``dates`` knows them)."""
    dates = dates or RecordDates(None)
    topic = briefing.topics[topic_id]
    here = topic_uri(topic_id)
    page = urls.link_from(here, here)
    site = urls.link_from(HOME, here)
    graph: list[dict[str, Any]] = []
    for fact in topic.facts:
        if fact.retired:
            continue
        url = urls.link_from(here, here, fact.id)
        text = plain_text(fact.claim)
        claim: dict[str, Any] = {
            "@type": "Claim", "@id": f"{url}-claim", "url": url, "text": text,
            "appearance": [_appearance(briefing.sources[sid]) for sid in fact.sources],
        }
        relation = relation_text(briefing, fact)
        if relation:
            claim["description"] = relation
        if fact.date:
            claim["dateCreated"] = fact.date
        published, modified = dates.fact_dates(fact.id)
        if published:
            claim["datePublished"], claim["dateModified"] = published, modified
        if fact.corrections:
            claim["correction"] = [{"@type": "CorrectionComment", "datePublished": c.date,
                                    "text": fold_whitespace(c.note)} for c in fact.corrections]
        if fact.attributed_to:
            claim["author"] = [_entity_node(briefing, settings, urls, eid, here) for eid in fact.attributed_to]
        if fact.entities:
            claim["about"] = [_entity_node(briefing, settings, urls, eid, here) for eid in fact.entities]
        if fact.tags:
            claim["keywords"] = ", ".join(fact.tags)
        graph.append(claim)
        if fact.attributed_to:
            status = fact.status
            graph.append({
                "@type": "ClaimReview", "@id": f"{url}-review", "url": url,
                "claimReviewed": text,
                "itemReviewed": {"@id": claim["@id"]},
                "author": {"@type": "Organization", "name": settings.title, "url": site},
                "reviewRating": {"@type": "Rating", "alternateName": STATUS_LABELS[status],
                                 "ratingExplanation": STATUS_MEANINGS[status]},
            })
    webpage: dict[str, Any] = {
        "@type": "WebPage", "@id": page, "url": page, "name": topic.title,
        "description": plain_text(topic.summary),
        "isPartOf": {"@type": "WebSite", "name": settings.title, "url": site},
        "hasPart": [{"@id": node["@id"]} for node in graph if node["@type"] == "Claim"],
    }
    updated = dates.topic_updated(briefing, topic_id)
    if updated:
        webpage["dateModified"] = updated
    graph.insert(0, webpage)
    return {"@context": "https://schema.org", "@graph": graph}


def _entity_node(briefing: Briefing, settings: Settings, urls: Urls, entity_id: str, here: str) -> dict[str, Any]:
    entity = briefing.entities[entity_id]
    node: dict[str, Any] = {"@type": SCHEMA_TYPES[entity.kind], "name": entity.name}
    if settings.features.entities:
        node["url"] = urls.link_from(entity_uri(entity_id), here)
    if entity.description:
        node["description"] = entity.description
    if entity.location is not None:
        node["geo"] = {"@type": "GeoCoordinates", "latitude": entity.location.lat,
                       "longitude": entity.location.lon}
    return node


def _appearance(source: Source) -> dict[str, Any]:
    """A source the claim appears in, typed by its kind: a news article (with its outlet), a
    reference page, or any other work (a statement, an article whose outlet is not known)."""
    if source.kind == "reference":
        kind = "WebPage"
    elif source.kind == "article" and source.outlet:
        kind = "NewsArticle"
    else:
        kind = "CreativeWork"
    node: dict[str, Any] = {"@type": kind, "headline": source.title, "datePublished": source.published}
    if source.url:
        node["url"] = source.url
    if source.outlet:
        node["publisher"] = {"@type": "Organization", "name": source.outlet}
    if source.author:
        node["author"] = {"@type": "Person", "name": source.author}
    return node


def jsonld_script(data: Any) -> str:
    """JSON-LD as a raw HTML block for a page's Markdown: ``<script type="application/ld+json">``
    with ``<``, ``>`` and ``&`` written as JSON escapes, so no text from the briefing can end
    the element or be read as markup."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = _LINE_BREAKS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return f"{_SCRIPT_OPEN}{text}</script>"


def lift_jsonld(html: str) -> tuple[str, str]:
    """A page body's HTML without the JSON-LD block :func:`jsonld_script` wrote, and the block
    (empty when the page has none), for the page's ``<head>``."""
    blocks = [match.group().rstrip("\n") for match in _BLOCK.finditer(html)]
    return _BLOCK.sub("", html), "".join(blocks)
