"""``feed.xml``: an Atom feed (RFC 4287) of the briefing's dated facts, newest first.

Entry ids are stable across builds and addresses (a UUID made from the fact's id), so a
feed reader sees a changed entry, not a new one. Nothing here reads a clock: the same
briefing always gives the same bytes.
"""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET

from generator import __version__
from generator.briefing import Briefing
from generator.exports.text import shorten, timestamp
from generator.inline import plain_text
from generator.settings import Settings
from generator.urls import HOME, Urls, topic_uri
from generator.vocabulary import STATUS_LABELS, date_label

FEED_XML = "feed.xml"
ATOM_NS = "http://www.w3.org/2005/Atom"
#: Fixed namespace for the feed's entry ids: an entry keeps its id whatever the site's address.
FEED_NAMESPACE = uuid.UUID("5b0f4c1e-8c4a-4d43-9d7e-6a1f0b9c2e37")


def feed_entry_id(key: str) -> str:
    """A stable, globally unique Atom id (the same for every build and address)."""
    return f"urn:uuid:{uuid.uuid5(FEED_NAMESPACE, key)}"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", attrs)
    if text is not None:
        element.text = text
    return element


def atom_feed(briefing: Briefing, settings: Settings, urls: Urls) -> bytes:
    """The dated facts as an Atom feed, newest first."""
    ET.register_namespace("", ATOM_NS)
    dated = list(reversed(briefing.dated_facts))
    feed = ET.Element(f"{{{ATOM_NS}}}feed")
    _sub(feed, "id", feed_entry_id("feed:" + (settings.base_url or settings.title)))
    _sub(feed, "title", settings.title)
    if settings.description:
        _sub(feed, "subtitle", settings.description)
    _sub(feed, "updated", timestamp(dated[0].fact.date) if dated and dated[0].fact.date
         else "1970-01-01T00:00:00Z")
    _sub(feed, "link", rel="alternate", type="text/html", href=urls.page(HOME) or "./")
    _sub(feed, "link", rel="self", type="application/atom+xml", href=urls.absolute(FEED_XML))
    _sub(_sub(feed, "author"), "name", settings.title)
    _sub(feed, "generator", "briefing-generator", version=__version__)
    for placed in dated:
        fact = placed.fact
        when = date_label(fact.date)
        status = STATUS_LABELS[fact.shown_status]
        text = plain_text(fact.claim)
        entry = _sub(feed, "entry")
        _sub(entry, "id", feed_entry_id(fact.id))
        _sub(entry, "title", f"{when}: {shorten(text, 120)}")
        _sub(entry, "updated", timestamp(fact.date or ""))
        _sub(entry, "link", rel="alternate", type="text/html", href=urls.page(topic_uri(placed.topic_id), fact.id))
        _sub(entry, "category", term=fact.shown_status, label=status)
        for tag in fact.tags:
            _sub(entry, "category", term=tag)
        titles = "; ".join(briefing.sources[sid].title for sid in fact.sources)
        topic = briefing.topics[placed.topic_id].title
        _sub(entry, "summary", f"{status} ({when}; topic: {topic}). {text} Sources: {titles}.", type="text")
    ET.indent(feed)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="utf-8") + b"\n"
