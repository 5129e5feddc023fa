"""Exports for people who reuse the briefing: the checked briefing -> machine-readable files.

Beside the pages, ``generate`` adds what :func:`export_files` returns to the generated
files, so the Markdown tree and the MkDocs plugin both carry them. One module per format:

- ``facts_json``: ``facts.json``, every fact with its citations, stable ids and permalinks
  (contract: ``schemas/facts.schema.json``);
- ``csl``: ``sources.json``, every source as CSL-JSON;
- ``feed``: ``feed.xml``, an Atom feed (of the briefing's changes, with its history);
- ``geojson``: ``places.geojson``, every located place as a GeoJSON Feature with its facts;
- ``jsonld``: schema.org JSON-LD for each topic page (:func:`topic_jsonld`), written into
  the page's Markdown by :func:`jsonld_script` and lifted into its head by :func:`lift_jsonld`;
- ``search``: the search entries (:func:`search_entries`) the plugin hands to the index;
- ``layout``: the JSON printer the JSON files share; ``text``: shared bits of wording.

Every public address comes from :class:`generator.urls.Urls` (``use_directory_urls`` and
``base_url``), every word for a status or date from :mod:`generator.vocabulary`. Nothing
here reads a clock: the same briefing always gives the same bytes (dates come from git's
commits, through ``changelog``).
"""

from __future__ import annotations

from generator.briefing import Briefing
from generator.exports.csl import SOURCES_JSON, csl_items
from generator.exports.facts_json import FACTS_JSON, facts_document
from generator.exports.feed import FEED_XML, atom_feed
from generator.exports.geojson import PLACES_GEOJSON, places_collection
from generator.exports.jsonld import jsonld_script, lift_jsonld, topic_jsonld
from generator.exports.layout import json_bytes
from generator.exports.search import SearchEntry, search_entries
from generator.history.record_dates import Revisions
from generator.settings import Settings
from generator.urls import Urls

__all__ = ["FACTS_JSON", "FEED_XML", "PLACES_GEOJSON", "SOURCES_JSON", "SearchEntry", "export_files", "jsonld_script",
           "lift_jsonld", "search_entries", "topic_jsonld"]


def export_files(briefing: Briefing, settings: Settings, urls: Urls,
                 revisions: Revisions | None = None) -> dict[str, bytes]:
    """The export files, by uri, as ``generate`` adds them to the site; ``revisions`` gives each
    record's dates from git, when known."""
    return {
        FACTS_JSON: json_bytes(facts_document(briefing, settings, urls, revisions)),
        SOURCES_JSON: json_bytes(csl_items(briefing)),
        FEED_XML: atom_feed(briefing, settings, urls, revisions),
        PLACES_GEOJSON: json_bytes(places_collection(briefing, settings, urls)),
    }
