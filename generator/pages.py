"""Stage 4 of the pipeline: the checked briefing -> page specs (uri, template, context) and nav.

Every page the site will have is decided here, with every cross-link resolved and every
citation numbered, before any template renders a byte. Templates only lay out what
these views hold. Ids reach templates as :class:`~generator.render.Md` (they match the
id pattern, so they are safe in paths and anchors); all other text stays plain and is
escaped when rendered.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from typing import Any

from generator.briefing import Briefing, PlacedFact
from generator.model import STATUSES, Citation, Fact, Source
from generator.render import Md
from generator.settings import Settings

STATUS_LABELS = {
    "confirmed": "Confirmed",
    "reported": "Reported",
    "alleged": "Alleged",
    "disputed": "Disputed",
}
STATUS_MEANINGS = {
    "confirmed": "acknowledged by the parties or independently corroborated",
    "reported": "carried by sources, not independently verified",
    "alleged": "asserted by a party, not verified",
    "disputed": "sources contradict each other",
}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


@dataclass(frozen=True)
class PageSpec:
    """One page to render: where it goes, with which template, from which context."""

    uri: str
    template: str
    context: dict[str, Any]
    nav_title: str = ""


@dataclass(frozen=True)
class Note:
    """One numbered citation (a footnote) of a fact on a page."""

    label: Md
    cite: Citation
    source_id: Md
    source: Source
    source_link: Md


@dataclass(frozen=True)
class ValueGroup:
    """One value that some citations of a fact give, with the notes that give it."""

    value: str
    notes: list[Note]


@dataclass(frozen=True)
class EntityRef:
    name: str
    link: Md


@dataclass
class FactView:
    """A fact laid out for one page: anchor, notes, entity links, disagreement."""

    fact: Fact
    topic_id: Md
    anchor: Md
    permalink: Md
    legend: Md
    notes: list[Note] = field(default_factory=list)
    values: list[ValueGroup] = field(default_factory=list)
    asserted_by: list[EntityRef] = field(default_factory=list)
    denied_by: list[EntityRef] = field(default_factory=list)
    about: list[EntityRef] = field(default_factory=list)

    @property
    def status(self) -> Md:
        return Md(self.fact.shown_status)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.fact.shown_status]

    @property
    def single_source(self) -> bool:
        return len({n.source_id for n in self.notes}) == 1


def date_label(value: str | None) -> str:
    """A partial date as a reader reads it, never padded: ``2024-08`` -> ``August 2024``."""
    if not value:
        return ""
    parts = value.split("-")
    if len(parts) == 1:
        return parts[0]
    month = MONTHS[int(parts[1]) - 1]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{int(parts[2])} {month} {parts[0]}"


def relative(target: str, from_uri: str) -> Md:
    """A link from one page of the tree to another (both as uris relative to the root)."""
    path, _, anchor = target.partition("#")
    start = posixpath.dirname(from_uri) or "."
    link = posixpath.relpath(path, start) if path else ""
    return Md(link + (f"#{anchor}" if anchor else ""))


def topic_uri(topic_id: str) -> str:
    return f"topics/{topic_id}.md"


def source_uri(source_id: str) -> str:
    return f"sources/{source_id}.md"


def entity_uri(entity_id: str) -> str:
    return f"entities/{entity_id}.md"


class _Planner:
    """Builds every page spec of one briefing."""

    def __init__(self, briefing: Briefing, settings: Settings) -> None:
        self.briefing = briefing
        self.settings = settings

    def entity_refs(self, ids: list[str], from_uri: str) -> list[EntityRef]:
        return [EntityRef(self.briefing.entities[eid].name, relative(entity_uri(eid), from_uri))
                for eid in dict.fromkeys(ids)]

    def fact_view(self, placed: PlacedFact, from_uri: str, *, numbered: bool) -> FactView:
        fact = placed.fact
        topic_page = topic_uri(placed.topic_id)
        view = FactView(
            fact=fact,
            topic_id=Md(placed.topic_id),
            anchor=Md(fact.id),
            permalink=relative(f"{topic_page}#{fact.id}", from_uri),
            legend=relative(f"status.md#{fact.shown_status}", from_uri),
            asserted_by=self.entity_refs(fact.attributed_to, from_uri),
            denied_by=self.entity_refs(fact.denied_by, from_uri),
            about=self.entity_refs(fact.entities, from_uri),
        )
        for index, cite in enumerate(fact.cites, start=1):
            view.notes.append(Note(
                label=Md(f"{fact.id}-{index}") if numbered else Md(""),
                cite=cite,
                source_id=Md(cite.source),
                source=self.briefing.sources[cite.source],
                source_link=relative(source_uri(cite.source), from_uri),
            ))
        if fact.sources_disagree:
            for value in fact.values:
                view.values.append(ValueGroup(value, [n for n in view.notes
                                                      if n.cite.value is not None
                                                      and str(n.cite.value) == value]))
        return view

    def plan(self) -> list[PageSpec]:
        b = self.briefing
        features = self.settings.features
        pages = [self.home()]
        for topic_id in b.topic_order:
            uri = topic_uri(topic_id)
            topic = b.topics[topic_id]
            facts = [self.fact_view(b.facts[f.id], uri, numbered=True) for f in topic.facts]
            pages.append(PageSpec(uri, "topic.md.j2", {
                "topic_id": Md(topic_id), "topic": topic, "facts": facts,
                "source_count": len({c.source for f in topic.facts for c in f.cites}),
            }))
        if features.timeline:
            pages.append(self.timeline())
        pages.append(PageSpec("status.md", "status.md.j2", {"statuses": self.status_rows("status.md")}))
        pages.append(self.sources_index())
        for source_id in sorted(b.sources):
            pages.append(self.source_page(source_id))
        if features.entities:
            pages.append(self.entities_index())
            for entity_id in sorted(b.entities):
                pages.append(self.entity_page(entity_id))
        return pages

    def home(self) -> PageSpec:
        b = self.briefing
        uri = "index.md"
        topics = [{
            "link": relative(topic_uri(tid), uri), "topic": b.topics[tid],
            "facts": len(b.topics[tid].facts),
            "disputed": sum(1 for f in b.topics[tid].facts if f.shown_status == "disputed"),
        } for tid in b.topic_order]
        latest_count = self.settings.features.latest_facts
        latest = list(reversed(b.dated_facts))[:latest_count] if latest_count else []
        return PageSpec(uri, "home.md.j2", {
            "topics": topics,
            "latest": [self.fact_view(p, uri, numbered=False) for p in latest],
            "disagreements": [self.fact_view(p, uri, numbered=False) for p in b.disagreements],
            "fact_count": len(b.facts), "source_count": len(b.sources),
            "timeline_link": relative("timeline.md", uri) if self.settings.features.timeline else None,
        }, nav_title="Home")

    def timeline(self) -> PageSpec:
        uri = "timeline.md"
        years: dict[str, dict[str, list[FactView]]] = {}
        for placed in self.briefing.dated_facts:
            value = placed.fact.date or ""
            year, month = value[:4], value[:7] if len(value) >= 7 else ""
            years.setdefault(year, {}).setdefault(month, []).append(
                self.fact_view(placed, uri, numbered=False))
        groups = [{
            "year": Md(year),
            "months": [{"label": date_label(month) if month else f"{year}, month not known",
                        "facts": facts} for month, facts in months.items()],
        } for year, months in years.items()]
        topics = {tid: {"title": t.title, "link": relative(topic_uri(tid), uri)}
                  for tid, t in self.briefing.topics.items()}
        return PageSpec(uri, "timeline.md.j2", {"years": groups, "topics": topics}, nav_title="Timeline")

    def status_rows(self, uri: str) -> list[dict[str, Any]]:
        counts = {s: 0 for s in STATUSES}
        for placed in self.briefing.facts.values():
            counts[placed.fact.shown_status] += 1
        return [{"status": Md(s), "label": STATUS_LABELS[s], "meaning": STATUS_MEANINGS[s],
                 "count": counts[s],
                 "facts": [self.fact_view(p, uri, numbered=False) for p in self.briefing.facts.values()
                           if p.fact.shown_status == s]} for s in STATUSES]

    def sources_index(self) -> PageSpec:
        uri = "sources/index.md"
        b = self.briefing
        rows = sorted(b.sources.items(), key=lambda item: (item[1].published, item[0]), reverse=True)
        return PageSpec(uri, "sources_index.md.j2", {"sources": [{
            "source": source, "link": relative(source_uri(sid), uri),
            "cited_by": len(b.facts_citing.get(sid, [])),
        } for sid, source in rows]}, nav_title="Sources")

    def source_page(self, source_id: str) -> PageSpec:
        uri = source_uri(source_id)
        b = self.briefing
        by_topic: dict[str, list[dict[str, Any]]] = {}
        for placed in b.facts_citing.get(source_id, []):
            view = self.fact_view(placed, uri, numbered=False)
            by_topic.setdefault(placed.topic_id, []).append({
                "view": view, "cites": [n.cite for n in view.notes if n.source_id == source_id]})
        topics = [{"title": b.topics[tid].title, "link": relative(topic_uri(tid), uri), "facts": facts}
                  for tid in b.topic_order if (facts := by_topic.get(tid))]
        return PageSpec(uri, "source.md.j2", {
            "source_id": Md(source_id), "source": b.sources[source_id], "topics": topics,
            "cited_by": len(b.facts_citing.get(source_id, [])),
        })

    def entities_index(self) -> PageSpec:
        uri = "entities/index.md"
        b = self.briefing
        kinds: dict[str, list[dict[str, Any]]] = {}
        for eid, entity in sorted(b.entities.items(), key=lambda item: item[1].name.lower()):
            roles = b.facts_by_entity.get(eid, {})
            kinds.setdefault(entity.kind, []).append({
                "entity": entity, "link": relative(entity_uri(eid), uri),
                "facts": len({p.id for facts in roles.values() for p in facts}),
            })
        return PageSpec(uri, "entities_index.md.j2", {"kinds": kinds}, nav_title="Entities")

    def entity_page(self, entity_id: str) -> PageSpec:
        uri = entity_uri(entity_id)
        roles = self.briefing.facts_by_entity.get(entity_id, {})
        return PageSpec(uri, "entity.md.j2", {
            "entity_id": Md(entity_id), "entity": self.briefing.entities[entity_id],
            "roles": {role: [self.fact_view(p, uri, numbered=False) for p in roles.get(role, [])]
                      for role in ("about", "asserts", "denies")},
        })


def plan_pages(briefing: Briefing, settings: Settings) -> list[PageSpec]:
    """Every page of the site, in navigation order."""
    return _Planner(briefing, settings).plan()


def plan_nav(briefing: Briefing, settings: Settings) -> list[Any]:
    """The navigation, in MkDocs' ``nav`` form. Source and entity pages are reached from
    their index pages, not listed, so every page's navigation stays small however large
    the briefing grows."""
    nav: list[Any] = [{"Home": "index.md"},
                      {"Topics": [topic_uri(tid) for tid in briefing.topic_order]}]
    if settings.features.timeline:
        nav.append({"Timeline": "timeline.md"})
    if settings.features.entities:
        nav.append({"Entities": "entities/index.md"})
    nav.append({"Sources": "sources/index.md"})
    nav.append({"Status legend": "status.md"})
    return nav
