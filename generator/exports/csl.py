"""``sources.json``: every source as CSL-JSON, for reference managers and citation tools.

CSL-JSON is the Citation Style Language's data format (https://citationstyles.org,
``csl-data.json``); the tests validate it against the CSL project's schema.
"""

from __future__ import annotations

from typing import Any

from generator.briefing import Briefing
from generator.exports.text import date_parts
from generator.model import Source

SOURCES_JSON = "sources.json"


def csl_items(briefing: Briefing) -> list[dict[str, Any]]:
    """Every source, by id."""
    return [csl_item(sid, briefing.sources[sid]) for sid in sorted(briefing.sources)]


def csl_item(source_id: str, source: Source) -> dict[str, Any]:
    """One source as a CSL-JSON item."""
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
