"""What the search finds: a :class:`SearchEntry` per topic, source and entity page, per
current fact and per key judgment, so a search lands on the fact or judgment itself.

``generate`` keeps the entries beside the pages; the MkDocs plugin turns each into a search
record once MkDocs has given its page a URL, and hands them to the search index
(``pagefind_service``). Entries name pages by uri, never by URL.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.briefing import Briefing, PlacedFact
from generator.inline import fold_whitespace, plain_text, shorten
from generator.model import Judgment
from generator.urls import JUDGMENTS, entity_uri, source_uri, topic_uri
from generator.vocabulary import CONFIDENCE_LABELS, LIKELIHOODS, STATUS_LABELS, date_label

#: The title a judgment's result is listed under: the page that gives it in full.
JUDGMENTS_PAGE = "Key judgments"


@dataclass(frozen=True)
class SearchEntry:
    """One thing the search finds, a page or a fact: the page's uri and the fact's anchor
    there (empty for a page), a title, the title of the page it is listed under, and the
    words to match (all plain text)."""

    uri: str
    anchor: str
    title: str
    page: str
    text: str


def search_entries(briefing: Briefing) -> list[SearchEntry]:
    """Each topic, source and entity page by its own words, each current fact on its topic's
    page (see :func:`fact_entry`; a retired fact is no finding) and each judgment on the
    judgments page. A page's entry holds what the page is about, not the facts it lists,
    which have entries of their own."""
    entries: list[SearchEntry] = []
    for topic_id, topic in briefing.topics.items():
        entries.append(SearchEntry(uri=topic_uri(topic_id), anchor="", title=topic.title, page="",
                                   text=f"{topic.title}. {plain_text(topic.summary)}"))
    for source_id, source in briefing.sources.items():
        about = [source.title, source.outlet, source.author, date_label(source.published), source.published_note]
        entries.append(SearchEntry(uri=source_uri(source_id), anchor="", title=source.title, page="Sources",
                                   text=_joined(about)))
    for entity_id, entity in briefing.entities.items():
        entries.append(SearchEntry(uri=entity_uri(entity_id), anchor="", title=entity.name, page="Entities",
                                   text=_joined([entity.name, *entity.aliases, entity.description])))
    entries.extend(fact_entry(briefing, placed) for placed in briefing.current_facts)
    entries.extend(judgment_entry(judgment) for judgment in briefing.judgments)
    return entries


def _joined(parts: list[str | None]) -> str:
    return ". ".join(part for part in parts if part)


def fact_entry(briefing: Briefing, placed: PlacedFact) -> SearchEntry:
    """A fact's words, its status and date, the names (and aliases) of every entity it
    names and its tags, so any of them finds the fact itself. (A source's title and outlet
    find the source's page, which lists every fact citing it: in each fact's entry they
    would double the words the search indexer holds in memory.)"""
    fact = placed.fact
    text = plain_text(fact.claim)
    names = [name for eid in dict.fromkeys([*fact.entities, *fact.attributed_to, *fact.denied_by])
             for name in (briefing.entities[eid].name, *briefing.entities[eid].aliases)]
    parts = [text, f"Status: {STATUS_LABELS[fact.status]}."]
    if fact.date:
        parts.append(f"Date: {date_label(fact.date)}.")
    if names:
        parts.append("Names: " + ", ".join(names) + ".")
    if fact.tags:
        parts.append("Tags: " + ", ".join(fact.tags) + ".")
    return SearchEntry(uri=topic_uri(placed.topic_id), anchor=fact.id, title=shorten(text, 90),
                       page=briefing.topics[placed.topic_id].title, text=" ".join(parts))


def judgment_entry(judgment: Judgment) -> SearchEntry:
    """A judgment's question and words, its likelihood and confidence, and its basis."""
    parts = [judgment.question, plain_text(judgment.judgment),
             f"Likelihood: {LIKELIHOODS[judgment.likelihood].label}.",
             f"Confidence: {CONFIDENCE_LABELS[judgment.confidence]}.", fold_whitespace(judgment.basis)]
    return SearchEntry(uri=JUDGMENTS, anchor=judgment.id, title=judgment.question, page=JUDGMENTS_PAGE,
                       text=" ".join(parts))
