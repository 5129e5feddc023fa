"""``sources.json``: every source as CSL-JSON, for reference managers and citation tools.

CSL-JSON is the Citation Style Language's data format (https://citationstyles.org,
``csl-data.json``); the tests validate it against the CSL project's schema. A source's
``kind`` chooses its CSL type and is kept in ``custom.kind`` (and, for any kind but a news
article, said in ``note``, which reference managers show).
"""

from __future__ import annotations

import re
from typing import Any

from generator.briefing import Briefing
from generator.exports.text import date_parts
from generator.model import Source
from generator.vocabulary import SOURCE_KINDS

SOURCES_JSON = "sources.json"
#: A reference whose publisher or title names an encyclopedia is an encyclopedia entry.
_ENCYCLOPEDIA = re.compile(r"wiki|encyclop|britannica", re.IGNORECASE)


def csl_items(briefing: Briefing) -> list[dict[str, Any]]:
    """Every source, by id."""
    return [csl_item(sid, briefing.sources[sid]) for sid in sorted(briefing.sources)]


def csl_type(source: Source) -> str:
    """The CSL type of a source: a news article in a newspaper, an encyclopedia entry, a web
    page, or a document (a statement, or anything with neither publisher nor address)."""
    if source.kind == "reference":
        named = f"{source.outlet or ''} {source.title}"
        return "entry-encyclopedia" if _ENCYCLOPEDIA.search(named) else "webpage"
    if source.kind == "article" and source.outlet:
        return "article-newspaper"
    if source.kind == "article" and source.url:
        return "webpage"
    return "document"


def csl_item(source_id: str, source: Source) -> dict[str, Any]:
    """One source as a CSL-JSON item."""
    kind = csl_type(source)
    item: dict[str, Any] = {"id": source_id, "type": kind, "title": source.title,
                            "issued": {"date-parts": [date_parts(source.published)]},
                            "language": source.language}
    if source.outlet:
        item["publisher" if kind == "document" else "container-title"] = source.outlet
    if source.author:
        item["author"] = [{"literal": source.author}]
    if source.url:
        item["URL"] = source.url
    if source.accessed:
        item["accessed"] = {"date-parts": [date_parts(source.accessed)]}
    notes = [] if source.kind == "article" else [f"Source kind: {SOURCE_KINDS[source.kind]}."]
    if source.published_note:
        notes.append(f"Date: {source.published_note}")
    if notes:
        item["note"] = "\n".join(notes)
    item["custom"] = {"kind": source.kind}
    if source.archive_url:
        item["custom"]["archive_url"] = source.archive_url
    return item
