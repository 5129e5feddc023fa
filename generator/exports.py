"""Exports for people who reuse the briefing: the checked briefing -> machine-readable files.

Beside the pages, ``generate`` adds what this module returns to the generated files, so
the Markdown tree and the MkDocs plugin both carry them:

- ``facts.json``: every fact with its citations, stable ids and permalinks (contract:
  ``schemas/facts.schema.json``);
- ``sources.json``: every source as CSL-JSON, for reference managers and citation tools;
- ``feed.xml``: an Atom feed of the dated facts, newest first;
- per topic page, schema.org JSON-LD (``Claim`` for every fact, ``ClaimReview`` where a
  named party asserts it and the project rates it), placed in the page's front matter
  and written into the HTML head by the theme (``templates/theme/main.html``);
- per topic, source and entity page and per fact, a search entry (``search_entries``) that
  the plugin hands to the search index (``pagefind_service``), so a search lands on the
  fact itself.

Permalinks follow MkDocs' ``use_directory_urls`` (``topics/x.md`` -> ``topics/x/``); they
are absolute when ``base_url`` is set in ``site_config.yml``, site-relative otherwise.
Nothing here reads a clock: the same briefing always gives the same bytes.
"""

from __future__ import annotations

import json
import posixpath
import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from generator import __version__
from generator.briefing import Briefing, PlacedFact
from generator.inline import plain_text
from generator.model import Entity, Source
from generator.settings import Settings
from generator.urls import entity_uri, source_uri, topic_uri
from generator.vocabulary import STATUS_LABELS, STATUS_MEANINGS, date_label

FACTS_JSON = "facts.json"
SOURCES_JSON = "sources.json"
FEED_XML = "feed.xml"
FACTS_SCHEMA_VERSION = 1
ATOM_NS = "http://www.w3.org/2005/Atom"
# Fixed namespace for the feed's entry ids: an entry keeps its id whatever the site's address.
_FEED_NAMESPACE = uuid.UUID("5b0f4c1e-8c4a-4d43-9d7e-6a1f0b9c2e37")
_SCHEMA_TYPES = {"person": "Person", "organization": "Organization", "country": "Country",
                 "place": "Place", "agreement": "Thing", "event": "Event"}


def page_path(uri: str) -> str:
    """The site-relative URL of a generated page: ``topics/x.md`` -> ``topics/x/``."""
    stem = uri.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


def absolute(settings: Settings, path: str) -> str:
    """A site path made absolute with ``base_url`` (kept site-relative when there is none)."""
    if not settings.base_url:
        return path
    return settings.base_url.rstrip("/") + "/" + path


def link_from(settings: Settings, path: str, page: str) -> str:
    """A site path as a link from the page at site path ``page``: absolute with ``base_url``,
    relative to that page otherwise (for JSON-LD, which resolves links against the page)."""
    if settings.base_url:
        return absolute(settings, path)
    target, hash_, anchor = path.partition("#")
    relative = posixpath.relpath(target or ".", page or ".")
    relative = "" if relative == "." else relative + ("/" if not target or target.endswith("/") else "")
    return (relative or ("" if anchor else "./")) + hash_ + anchor


def fact_url(settings: Settings, placed: PlacedFact) -> str:
    """The permalink of a fact: its anchor on its topic page."""
    return absolute(settings, f"{page_path(topic_uri(placed.topic_id))}#{placed.id}")


def date_precision(value: str | None) -> str | None:
    """``2024-08-15`` -> ``day``, ``2024-08`` -> ``month``, ``2024`` -> ``year``."""
    if not value:
        return None
    return ("year", "month", "day")[value.count("-")]


def date_parts(value: str) -> list[int]:
    """A partial date as CSL ``date-parts``: only the parts that are known."""
    return [int(part) for part in value.split("-")]


# --------------------------------------------------------------------------- facts.json

def _source_record(settings: Settings, source_id: str, source: Source) -> dict[str, Any]:
    return {
        "id": source_id, "title": source.title, "outlet": source.outlet, "author": source.author,
        "published": source.published, "published_note": source.published_note,
        "url": source.url, "archive_url": source.archive_url, "language": source.language,
        "page": absolute(settings, page_path(source_uri(source_id))),
    }


def _entity_record(settings: Settings, entity_id: str, entity: Entity) -> dict[str, Any]:
    page = absolute(settings, page_path(entity_uri(entity_id))) if settings.features.entities else None
    return {
        "id": entity_id, "name": entity.name, "kind": entity.kind, "description": entity.description,
        "aliases": list(entity.aliases), "page": page,
    }


def fact_record(briefing: Briefing, settings: Settings, placed: PlacedFact) -> dict[str, Any]:
    """One fact as ``facts.json`` holds it."""
    fact = placed.fact
    topic = briefing.topics[placed.topic_id]
    return {
        "id": fact.id,
        "url": fact_url(settings, placed),
        "topic": {"id": placed.topic_id, "title": topic.title,
                  "url": absolute(settings, page_path(topic_uri(placed.topic_id)))},
        "claim": fact.claim,
        "claim_text": plain_text(fact.claim),
        "date": fact.date,
        "date_precision": date_precision(fact.date),
        "date_label": date_label(fact.date) or None,
        "date_note": fact.date_note,
        "status": fact.status,
        "shown_status": fact.shown_status,
        "sources_disagree": fact.contradicted,
        "single_source": fact.single_source,
        "values": [{"value": value, "sources": fact.sources_giving(value)} for value in fact.values],
        "attributed_to": list(fact.attributed_to),
        "denied_by": list(fact.denied_by),
        "entities": list(fact.entities),
        "tags": list(fact.tags),
        "citations": [{"source": c.source, "locator": c.locator, "quote": c.quote, "value": c.value}
                      for c in fact.cites],
    }


def facts_document(briefing: Briefing, settings: Settings) -> dict[str, Any]:
    """Everything ``facts.json`` holds: the facts, and the sources and entities they name."""
    return {
        "format": "briefing-facts",
        "version": FACTS_SCHEMA_VERSION,
        "generator": f"briefing-generator {__version__}",
        "title": settings.title,
        "description": settings.description,
        "base_url": settings.base_url,
        "statuses": {status: {"label": STATUS_LABELS[status], "meaning": STATUS_MEANINGS[status]}
                     for status in STATUS_LABELS},
        # An iterator: json_lines encodes each record as it is made.
        "facts": (fact_record(briefing, settings, placed) for placed in briefing.facts.values()),
        "sources": {sid: _source_record(settings, sid, briefing.sources[sid])
                    for sid in sorted(briefing.sources)},
        "entities": {eid: _entity_record(settings, eid, briefing.entities[eid])
                     for eid in sorted(briefing.entities)},
    }


# --------------------------------------------------------------------------- sources.json (CSL-JSON)

def csl_item(source_id: str, source: Source) -> dict[str, Any]:
    """One source as a CSL-JSON item (https://citationstyles.org, ``csl-data.json``)."""
    if source.outlet:
        kind = "article-newspaper"
    elif source.url:
        kind = "webpage"
    else:
        kind = "document"
    item: dict[str, Any] = {"id": source_id, "type": kind, "title": source.title,
                            "issued": {"date-parts": [date_parts(source.published)]},
                            "language": source.language}
    if source.outlet:
        item["container-title"] = source.outlet
    if source.author:
        item["author"] = [{"literal": source.author}]
    if source.url:
        item["URL"] = source.url
    if source.accessed:
        item["accessed"] = {"date-parts": [date_parts(source.accessed)]}
    if source.published_note:
        item["note"] = f"Date: {source.published_note}"
    if source.archive_url:
        item["custom"] = {"archive_url": source.archive_url}
    return item


def csl_items(briefing: Briefing) -> list[dict[str, Any]]:
    return [csl_item(sid, briefing.sources[sid]) for sid in sorted(briefing.sources)]


# --------------------------------------------------------------------------- feed.xml (Atom)

def _timestamp(value: str) -> str:
    """An RFC 3339 time for a partial date. Atom needs a full timestamp, so a month or a year
    stands at its first moment; the entry's title and text give the date as known."""
    parts = [*date_parts(value), 1, 1]
    return f"{parts[0]:04d}-{parts[1]:02d}-{parts[2]:02d}T00:00:00Z"


def feed_entry_id(fact_id: str) -> str:
    """A stable, globally unique Atom id for a fact (the same for every build and address)."""
    return f"urn:uuid:{uuid.uuid5(_FEED_NAMESPACE, fact_id)}"


def atom_feed(briefing: Briefing, settings: Settings) -> bytes:
    """The dated facts as an Atom feed (RFC 4287), newest first."""
    ET.register_namespace("", ATOM_NS)

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", attrs)
        if text is not None:
            element.text = text
        return element

    dated = list(reversed(briefing.dated_facts))
    feed = ET.Element(f"{{{ATOM_NS}}}feed")
    sub(feed, "id", feed_entry_id("feed:" + (settings.base_url or settings.title)))
    sub(feed, "title", settings.title)
    if settings.description:
        sub(feed, "subtitle", settings.description)
    sub(feed, "updated", _timestamp(dated[0].fact.date) if dated and dated[0].fact.date
        else "1970-01-01T00:00:00Z")
    home = absolute(settings, page_path("index.md")) or "./"
    sub(feed, "link", rel="alternate", type="text/html", href=home)
    sub(feed, "link", rel="self", type="application/atom+xml", href=absolute(settings, FEED_XML))
    author = sub(feed, "author")
    sub(author, "name", settings.title)
    sub(feed, "generator", "briefing-generator", version=__version__)
    for placed in dated:
        fact = placed.fact
        when = date_label(fact.date)
        status = STATUS_LABELS[fact.shown_status]
        text = plain_text(fact.claim)
        entry = sub(feed, "entry")
        sub(entry, "id", feed_entry_id(fact.id))
        sub(entry, "title", f"{when}: {_shorten(text, 120)}")
        sub(entry, "updated", _timestamp(fact.date or ""))
        sub(entry, "link", rel="alternate", type="text/html", href=fact_url(settings, placed))
        sub(entry, "category", term=fact.shown_status, label=status)
        for tag in fact.tags:
            sub(entry, "category", term=tag)
        titles = "; ".join(briefing.sources[sid].title for sid in dict.fromkeys(c.source for c in fact.cites))
        topic = briefing.topics[placed.topic_id].title
        sub(entry, "summary",
            f"{status} ({when}; topic: {topic}). {text} Sources: {titles}.", type="text")
    ET.indent(feed)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="utf-8") + b"\n"


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


# --------------------------------------------------------------------------- JSON-LD

def _entity_node(settings: Settings, briefing: Briefing, entity_id: str, page: str) -> dict[str, Any]:
    entity = briefing.entities[entity_id]
    node: dict[str, Any] = {"@type": _SCHEMA_TYPES[entity.kind], "name": entity.name}
    if settings.features.entities:
        node["url"] = link_from(settings, page_path(entity_uri(entity_id)), page)
    if entity.description:
        node["description"] = entity.description
    return node


def _appearance(source: Source) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": "NewsArticle" if source.outlet else "CreativeWork",
                            "headline": source.title, "datePublished": source.published}
    if source.url:
        node["url"] = source.url
    if source.outlet:
        node["publisher"] = {"@type": "Organization", "name": source.outlet}
    if source.author:
        node["author"] = {"@type": "Person", "name": source.author}
    return node


def topic_jsonld(briefing: Briefing, settings: Settings, topic_id: str) -> dict[str, Any]:
    """schema.org JSON-LD for one topic page: the page, a ``Claim`` per fact (with the articles
    it appears in), and a ``ClaimReview`` rating the claim where a named party asserts it."""
    topic = briefing.topics[topic_id]
    here = page_path(topic_uri(topic_id))
    page = link_from(settings, here, here)
    site = link_from(settings, page_path("index.md"), here)
    graph: list[dict[str, Any]] = []
    claims: list[dict[str, str]] = []
    for fact in topic.facts:
        url = link_from(settings, f"{here}#{fact.id}", here)
        text = plain_text(fact.claim)
        claim: dict[str, Any] = {
            "@type": "Claim", "@id": f"{url}-claim", "url": url, "text": text,
            "appearance": [_appearance(briefing.sources[sid])
                           for sid in dict.fromkeys(c.source for c in fact.cites)],
        }
        if fact.date:
            claim["dateCreated"] = fact.date
        if fact.attributed_to:
            claim["author"] = [_entity_node(settings, briefing, eid, here) for eid in fact.attributed_to]
        if fact.entities:
            claim["about"] = [_entity_node(settings, briefing, eid, here) for eid in fact.entities]
        if fact.tags:
            claim["keywords"] = ", ".join(fact.tags)
        graph.append(claim)
        claims.append({"@id": claim["@id"]})
        if fact.attributed_to:
            status = fact.shown_status
            graph.append({
                "@type": "ClaimReview", "@id": f"{url}-review", "url": url,
                "claimReviewed": text,
                "itemReviewed": {"@id": claim["@id"]},
                "author": {"@type": "Organization", "name": settings.title, "url": site},
                "reviewRating": {"@type": "Rating", "alternateName": STATUS_LABELS[status],
                                 "ratingExplanation": STATUS_MEANINGS[status]},
            })
    graph.insert(0, {
        "@type": "WebPage", "@id": page, "url": page, "name": topic.title,
        "description": plain_text(topic.summary),
        "isPartOf": {"@type": "WebSite", "name": settings.title, "url": site},
        "hasPart": claims,
    })
    return {"@context": "https://schema.org", "@graph": graph}


def jsonld_script(data: Any) -> str:
    """JSON-LD as a raw HTML block for a page's Markdown: ``<script type="application/ld+json">``
    with ``<``, ``>`` and ``&`` written as JSON escapes, so no text from the briefing can end
    the element or be read as markup (search engines read JSON-LD anywhere in a page)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = _LINE_BREAKS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return f'<script type="application/ld+json">{text}</script>'


_LINE_BREAKS = re.compile("[\n\r\x85\u2028\u2029]")


# --------------------------------------------------------------------------- search

@dataclass(frozen=True)
class SearchEntry:
    """One thing the search finds, a page or a fact: the page's uri and the fact's anchor
    there (empty for a page), a title, the title of the page it is listed under, and the
    words to match (all plain text). The plugin turns each into a ``SearchRecord`` once
    MkDocs has given the page its URL."""

    uri: str
    anchor: str
    title: str
    page: str
    text: str


def search_entries(briefing: Briefing) -> list[SearchEntry]:
    """What the search finds: each topic, source and entity page by its own words, and each
    fact on its topic's page (see :func:`_fact_entry`). A page's entry holds what the page
    is about, not the facts it lists, which have entries of their own."""
    entries: list[SearchEntry] = []
    for topic_id, topic in briefing.topics.items():
        entries.append(SearchEntry(uri=topic_uri(topic_id), anchor="", title=topic.title, page="",
                                   text=f"{topic.title}. {plain_text(topic.summary)}"))
    for source_id, source in briefing.sources.items():
        about = [source.title, source.outlet, source.author, date_label(source.published),
                 source.published_note]
        entries.append(SearchEntry(uri=source_uri(source_id), anchor="", title=source.title, page="Sources",
                                   text=". ".join(part for part in about if part)))
    for entity_id, entity in briefing.entities.items():
        about = [entity.name, *entity.aliases, entity.description]
        entries.append(SearchEntry(uri=entity_uri(entity_id), anchor="", title=entity.name, page="Entities",
                                   text=". ".join(part for part in about if part)))
    entries.extend(_fact_entry(briefing, placed) for placed in briefing.facts.values())
    return entries


def _fact_entry(briefing: Briefing, placed: PlacedFact) -> SearchEntry:
    """A fact's words, its status and date, the names (and aliases) of every entity it
    names and its tags, so any of them finds the fact itself. (A source's title and outlet
    find the source's page, which lists every fact citing it: in each fact's entry they
    would double the words the search indexer holds in memory.)"""
    fact = placed.fact
    text = plain_text(fact.claim)
    names = [name for eid in dict.fromkeys([*fact.entities, *fact.attributed_to, *fact.denied_by])
             for name in (briefing.entities[eid].name, *briefing.entities[eid].aliases)]
    parts = [text, f"Status: {STATUS_LABELS[fact.shown_status]}."]
    if fact.date:
        parts.append(f"Date: {date_label(fact.date)}.")
    if names:
        parts.append("Names: " + ", ".join(names) + ".")
    if fact.tags:
        parts.append("Tags: " + ", ".join(fact.tags) + ".")
    return SearchEntry(uri=topic_uri(placed.topic_id), anchor=fact.id, title=_shorten(text, 90),
                       page=briefing.topics[placed.topic_id].title, text=" ".join(parts))


# --------------------------------------------------------------------------- all files

def json_lines(data: Any, depth: int = 2, indent: str = "") -> str:
    """JSON laid out for reading and diffing: the outer ``depth`` levels one item per line,
    each item below that on its one line. (``json.dumps(indent=…)`` gives up the C encoder
    and takes ten times as long on a large briefing.) A list may be given as an iterator:
    each item is encoded as it comes, so a large export never holds every record at once."""
    inner = indent + "  "
    if depth and isinstance(data, dict):
        items = [f"{json.dumps(key, ensure_ascii=False)}: {json_lines(value, depth - 1, inner)}"
                 for key, value in data.items()]
        return _json_block("{", items, "}", indent)
    if depth and isinstance(data, (list, Iterator)):
        return _json_block("[", [json_lines(value, depth - 1, inner) for value in data], "]", indent)
    return json.dumps(data, ensure_ascii=False, separators=(", ", ": "))


def _json_block(opening: str, items: list[str], closing: str, indent: str) -> str:
    if not items:
        return opening + closing
    inner = indent + "  "
    return f"{opening}\n{inner}" + f",\n{inner}".join(items) + f"\n{indent}{closing}"


def export_files(briefing: Briefing, settings: Settings) -> dict[str, bytes]:
    """The export files, by uri, as ``generate`` adds them to the site."""
    def dump(data: Any) -> bytes:
        return (json_lines(data) + "\n").encode("utf-8")

    return {
        FACTS_JSON: dump(facts_document(briefing, settings)),
        SOURCES_JSON: dump(csl_items(briefing)),
        FEED_XML: atom_feed(briefing, settings),
    }
