"""Stage 4 of the pipeline: the checked briefing -> page specs (uri, template, context) and nav.

Every page the site will have is decided here, with every cross-link resolved and every
citation numbered, before any template renders a byte. Templates only lay out what
these views hold. Ids reach templates as :class:`~generator.render.Md` (they match the
id pattern, so they are safe in paths and anchors); all other text stays plain and is
escaped when rendered.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from generator.briefing import Briefing, PlacedFact
from generator.inline import AutoLink, Linker, inline_markdown
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


@dataclass(frozen=True)
class SourceNotes:
    """One source of a fact with the citations of it (for lists that show sources by name)."""

    source: Source
    link: Md
    notes: list[Note]

    @property
    def locators(self) -> list[str]:
        return [n.cite.locator for n in self.notes if n.cite.locator]


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
    claim: Md = field(default_factory=lambda: Md(""))
    """The claim as safe Markdown, with the first mention of each entity linked to its page."""
    tags: list[tuple[str, Md]] = field(default_factory=list)

    @property
    def sources(self) -> list[SourceNotes]:
        """The fact's sources in the order first cited, each with its citations."""
        by_source: dict[str, list[Note]] = {}
        for note in self.notes:
            by_source.setdefault(note.source_id, []).append(note)
        return [SourceNotes(notes[0].source, notes[0].source_link, notes) for notes in by_source.values()]

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
    link = _relpath(path, posixpath.dirname(from_uri) or ".") if path else ""
    return Md(link + (f"#{anchor}" if anchor else ""))


@lru_cache(maxsize=1 << 16)
def _relpath(path: str, start: str) -> str:
    # Pages link to each other tens of times per fact: posixpath.relpath is the costly part.
    return posixpath.relpath(path, start)


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
        self.entity_names = {eid: (e.name, *e.aliases) for eid, e in briefing.entities.items()}
        self._linkers: dict[str, Linker | None] = {}
        self._claims: dict[tuple[str, str, str], Md] = {}
        self._refs: dict[tuple[tuple[str, ...], str], list[EntityRef]] = {}

    def linker(self, from_uri: str) -> Linker | None:
        """Links from entity names in claims to entity pages (when the site has them); one
        per folder, since the links depend only on where the page stands."""
        folder = posixpath.dirname(from_uri)
        if folder not in self._linkers:
            self._linkers[folder] = Linker([
                AutoLink(names, relative(entity_uri(eid), from_uri), eid)
                for eid, names in self.entity_names.items()
            ]) if self.settings.features.entities else None
        return self._linkers[folder]

    def claim(self, fact: Fact, from_uri: str) -> Md:
        """A claim as safe Markdown with entity names linked (an entity page never links to
        itself); a fact shows on several pages of one folder, so each folder renders it once."""
        page = from_uri.removeprefix("entities/").removesuffix(".md")
        skip = page if from_uri.startswith("entities/") and page in self.entity_names else ""
        if skip and not any(name in fact.claim for name in self.entity_names[skip]):
            skip = ""  # the claim does not name this page's entity: the same links as elsewhere
        key = (fact.id, posixpath.dirname(from_uri), skip)
        if key not in self._claims:
            linker = self.linker(from_uri)
            self._claims[key] = Md(inline_markdown(fact.claim, linker, key[2]) if linker
                                   else inline_markdown(fact.claim))
        return self._claims[key]

    def entity_refs(self, ids: list[str], from_uri: str) -> list[EntityRef]:
        """Links to entity pages; they depend only on the page's folder, so each list is made
        once per folder and shared by the pages there (templates only read them)."""
        key = (tuple(ids), posixpath.dirname(from_uri))
        refs = self._refs.get(key)
        if refs is None:
            linked = self.settings.features.entities  # no entity pages: names without links
            refs = self._refs[key] = [
                EntityRef(self.briefing.entities[eid].name,
                          relative(entity_uri(eid), from_uri) if linked else Md(""))
                for eid in dict.fromkeys(ids)]
        return refs

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
            claim=self.claim(fact, from_uri),
            tags=[(tag, relative(f"tags.md#{tag}", from_uri)) for tag in fact.tags],
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

    def plan(self) -> Iterator[PageSpec]:
        """Page by page, so that a page's views are freed once it is rendered."""
        b = self.briefing
        features = self.settings.features
        yield self.home()
        for topic_id in b.topic_order:
            uri = topic_uri(topic_id)
            topic = b.topics[topic_id]
            facts = [self.fact_view(b.facts[f.id], uri, numbered=True) for f in topic.facts]
            yield PageSpec(uri, "topic.md.j2", {
                "topic_id": Md(topic_id), "topic": topic, "facts": facts,
                "source_count": len({c.source for f in topic.facts for c in f.cites}),
            })
        if features.timeline:
            yield self.timeline()
        yield PageSpec("status.md", "status.md.j2", {
            "statuses": self.status_rows("status.md"),
            "denied": [self.fact_view(p, "status.md", numbered=False) for p in b.facts.values()
                       if p.fact.denied_by]})
        yield self.tags_page()
        yield self.sources_index()
        for source_id in sorted(b.sources):
            yield self.source_page(source_id)
        if features.entities:
            yield self.entities_index()
            for entity_id in sorted(b.entities):
                yield self.entity_page(entity_id)

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
                        # Heading ids hold "_", which fact ids never do: no clash with fact anchors.
                        "anchor": Md(f"month_{month}" if month else f"year_{year}_month-unknown"),
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

    def tags_page(self) -> PageSpec:
        uri = "tags.md"
        tags: dict[str, list[FactView]] = {}
        for placed in self.briefing.facts.values():
            for tag in dict.fromkeys(placed.fact.tags):
                tags.setdefault(tag, []).append(self.fact_view(placed, uri, numbered=False))
        return PageSpec(uri, "tags.md.j2", {"tags": [{"tag": Md(tag), "facts": tags[tag]}
                                                     for tag in sorted(tags)]}, nav_title="Tags")

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


def plan_pages(briefing: Briefing, settings: Settings) -> Iterator[PageSpec]:
    """Every page of the site, in navigation order, one at a time: a large briefing's page
    contexts need not all be held at once."""
    return _Planner(briefing, settings).plan()


#: Topics per group of the navigation once a briefing has more topics than this.
NAV_GROUP_SIZE = 25


def plan_nav(briefing: Briefing, settings: Settings) -> list[Any]:
    """The navigation, in MkDocs' ``nav`` form. Source and entity pages are reached from
    their index pages, not listed, so every page's navigation stays small however large
    the briefing grows. Every page renders the whole navigation, so a long flat list of
    topics would make the build grow with the square of their number: past
    :data:`NAV_GROUP_SIZE` topics, they are listed in groups of that many (in ``order``),
    and the theme's ``navigation.prune`` renders only the open group's links."""
    topics = [topic_uri(tid) for tid in briefing.topic_order]
    if len(topics) > NAV_GROUP_SIZE:
        topics = [{f"Topics {start + 1}–{min(start + NAV_GROUP_SIZE, len(topics))}":
                   topics[start:start + NAV_GROUP_SIZE]}
                  for start in range(0, len(topics), NAV_GROUP_SIZE)]
    nav: list[Any] = [{"Home": "index.md"}, {"Topics": topics}]
    if settings.features.timeline:
        nav.append({"Timeline": "timeline.md"})
    if settings.features.entities:
        nav.append({"Entities": "entities/index.md"})
    nav.append({"Sources": "sources/index.md"})
    nav.append({"Tags": "tags.md"})
    nav.append({"Status legend": "status.md"})
    return nav
