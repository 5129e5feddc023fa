"""Stage 4 of the pipeline: the checked briefing -> page specs (uri, template, context) and nav.

Every page the site will have is decided here, with every cross-link resolved and every
citation numbered, before any template renders a byte. Templates only lay out what
these views hold. Ids reach templates as :class:`~generator.render.Md` (they match the
id pattern, so they are safe in paths and anchors); all other text stays plain and is
escaped when rendered.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from generator import urls
from generator.briefing import Briefing, PlacedFact
from generator.inline import AutoLink, Linker, inline_markdown
from generator.model import STATUSES, Citation, Fact, Source
from generator.render import Md
from generator.settings import Settings
from generator.urls import entity_uri, folder_of, source_uri, topic_uri, up_to_root
from generator.vocabulary import STATUS_LABELS, STATUS_MEANINGS, date_label


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


class FactView:
    """A fact laid out for the pages of one folder: anchor, links, notes, entity links and
    disagreement. Only what a page asks for is worked out (a list line needs the claim and
    two links, a topic page every note), and then kept: the pages of a folder share views."""

    def __init__(self, planner: _Planner, placed: PlacedFact, folder: str, numbered: bool,
                 claim: Md) -> None:
        self.fact = placed.fact
        self.topic_id = Md(placed.topic_id)
        self.anchor = Md(self.fact.id)
        self.claim = claim
        """The claim as safe Markdown, with the first mention of each entity linked to its page."""
        self.rendered: dict[str, Any] = {}
        """Pieces already rendered from this view (see the ``once`` filter of ``render``)."""
        self._planner, self._folder, self._numbered = planner, folder, numbered

    @cached_property
    def permalink(self) -> Md:
        return _relative(f"{topic_uri(self.topic_id)}#{self.fact.id}", self._folder)

    @cached_property
    def topic_link(self) -> Md:
        return _relative(topic_uri(self.topic_id), self._folder)

    @property
    def topic_title(self) -> str:
        return self._planner.briefing.topics[self.topic_id].title

    @cached_property
    def legend(self) -> Md:
        return _relative(f"status.md#{self.fact.shown_status}", self._folder)

    @cached_property
    def asserted_by(self) -> list[EntityRef]:
        return self._planner.entity_refs(self.fact.attributed_to, self._folder)

    @cached_property
    def denied_by(self) -> list[EntityRef]:
        return self._planner.entity_refs(self.fact.denied_by, self._folder)

    @cached_property
    def about(self) -> list[EntityRef]:
        return self._planner.entity_refs(self.fact.entities, self._folder)

    @cached_property
    def tags(self) -> list[tuple[str, Md]]:
        return [(tag, self._planner.tag_link(tag, self._folder)) for tag in self.fact.tags]

    @cached_property
    def notes(self) -> list[Note]:
        """The fact's citations, numbered (``<fact id>-<n>``) on the pages that footnote them."""
        sources = self._planner.briefing.sources
        return [Note(label=Md(f"{self.fact.id}-{index}") if self._numbered else Md(""),
                     cite=cite, source_id=Md(cite.source), source=sources[cite.source],
                     source_link=_relative(source_uri(cite.source), self._folder))
                for index, cite in enumerate(self.fact.cites, start=1)]

    @cached_property
    def values(self) -> list[ValueGroup]:
        """When the sources disagree: each value given, with the notes that give it."""
        if not self.fact.values_differ:
            return []
        return [ValueGroup(value, [n for n in self.notes if n.cite.shown_value == value])
                for value in self.fact.values]

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
        return self.fact.single_source


def relative(target: str, from_uri: str) -> Md:
    """A link from one page of the tree to another (both as uris relative to the root)."""
    return Md(urls.relative(target, from_uri))


def _relative(target: str, folder: str) -> Md:
    return Md(urls.relative_from_folder(target, folder))


class _Planner:
    """Builds every page spec of one briefing."""

    def __init__(self, briefing: Briefing, settings: Settings) -> None:
        self.briefing = briefing
        self.settings = settings
        self.entity_names = {eid: (e.name, *e.aliases) for eid, e in briefing.entities.items()}
        self._claims: dict[tuple[str, str], str] = {}
        self._refs: dict[tuple[tuple[str, ...], str], list[EntityRef]] = {}
        self._views: dict[tuple[str, bool, str], FactView] = {}
        self._views_folder: str | None = None

    @cached_property
    def linker(self) -> Linker | None:
        """Links from entity names in claims to entity pages (when the site has them), as
        seen from the root; :meth:`claim` moves them to each page's folder."""
        if not self.settings.features.entities:
            return None
        return Linker([AutoLink(names, entity_uri(eid), eid) for eid, names in self.entity_names.items()])

    def _unlinked(self, fact: Fact, from_uri: str) -> str:
        """The entity an entity page is about, when the fact's claim names it: a page never
        links to itself. "" everywhere else (the same links on every page of a folder)."""
        if not from_uri.startswith("entities/"):
            return ""
        # entities/<id>.md, and the list pages of a long one: entities/<id>_about….md
        page = from_uri[len("entities/"):].removesuffix(".md").split("_", 1)[0]
        names = self.entity_names.get(page)
        return page if names and any(name in fact.claim for name in names) else ""

    def claim(self, fact: Fact, folder: str, unlinked: str) -> Md:
        """A claim as safe Markdown with entity names linked. A fact shows in several folders
        and its links differ only by the way up to the root, so the claim is rendered once
        with a placeholder there (YAML cannot hold NUL) and moved to each folder."""
        if not self.linker:
            return Md(inline_markdown(fact.claim))
        if "\0" in fact.claim:  # never from YAML; keep the shortcut exact anyway
            return Md(inline_markdown(fact.claim, self.linker, unlinked, up_to_root(folder)))
        key = (fact.id, unlinked)
        rendered = self._claims.get(key)
        if rendered is None:
            rendered = self._claims[key] = inline_markdown(fact.claim, self.linker, unlinked, "\0")
        return Md(rendered.replace("\0", up_to_root(folder)))

    def entity_refs(self, ids: list[str], folder: str) -> list[EntityRef]:
        """Links to entity pages; they depend only on the page's folder, so each list is made
        once per folder and shared by the pages there (templates only read them)."""
        key = (tuple(ids), folder)
        refs = self._refs.get(key)
        if refs is None:
            linked = self.settings.features.entities  # no entity pages: names without links
            refs = self._refs[key] = [
                EntityRef(self.briefing.entities[eid].name,
                          _relative(entity_uri(eid), folder) if linked else Md(""))
                for eid in dict.fromkeys(ids)]
        return refs

    def fact_view(self, placed: PlacedFact, from_uri: str, *, numbered: bool) -> FactView:
        """A fact as the pages of one folder show it. Views are shared by the pages of a
        folder (templates only read them, and a view keeps the pieces rendered from it), and
        dropped when the planner moves on to another folder, so memory stays bounded."""
        folder = folder_of(from_uri)
        if folder != self._views_folder:
            self._views.clear()
            self._views_folder = folder
        unlinked = self._unlinked(placed.fact, from_uri)
        key = (placed.fact.id, numbered, unlinked)
        view = self._views.get(key)
        if view is None:
            view = self._views[key] = FactView(self, placed, folder, numbered,
                                               self.claim(placed.fact, folder, unlinked))
        return view

    def tag_link(self, tag: str, folder: str) -> Md:
        return _relative(f"tags/{tag}.md" if self.split_tags else f"tags.md#{tag}", folder)

    @cached_property
    def facts_by_tag(self) -> dict[str, list[PlacedFact]]:
        tags: dict[str, list[PlacedFact]] = {}
        for placed in self.briefing.facts.values():
            for tag in dict.fromkeys(placed.fact.tags):
                tags.setdefault(tag, []).append(placed)
        return {tag: tags[tag] for tag in sorted(tags)}

    @cached_property
    def split_tags(self) -> bool:
        """Whether each tag gets its own page: when the tags page would list too many facts."""
        return sum(len(facts) for facts in self.facts_by_tag.values()) > self.list_size

    @cached_property
    def topic_position(self) -> dict[str, int]:
        return {tid: index for index, tid in enumerate(self.briefing.topic_order)}

    @property
    def list_size(self) -> int:
        return self.settings.features.list_page_facts

    @property
    def home_disagreements(self) -> int:
        return min(HOME_DISAGREEMENTS, self.list_size)

    def list_pages(self, base: str, placed: list[PlacedFact], context: dict[str, Any],
                   neighbours: tuple[tuple[str, str] | None, tuple[str, str] | None] = (None, None),
                   ) -> Iterator[PageSpec]:
        """A list of facts on ``base``.md, continued on ``base``_page-2.md … when it holds more
        than :attr:`list_size` facts (``_`` is in no id or tag, so no name can clash).
        ``context`` holds the title, intro, description, style and the way back (uri, label);
        ``neighbours`` the (label, uri) of the lists before and after this one."""
        size = self.list_size
        chunks = [placed[start:start + size] for start in range(0, len(placed), size)] or [[]]
        uris = [f"{base}.md" if index == 0 else f"{base}_page-{index + 1}.md" for index in range(len(chunks))]
        back_label, back_uri = context.pop("back")
        for index, (uri, chunk) in enumerate(zip(uris, chunks, strict=True)):
            yield PageSpec(uri, "fact_list.md.j2", {
                **context,
                "page_number": index + 1,
                "pages": [{"number": number, "link": relative(other, uri), "current": other == uri}
                          for number, other in enumerate(uris, start=1)],
                "back": {"label": back_label, "link": relative(back_uri, uri)},
                "previous": {"label": neighbours[0][0], "link": relative(neighbours[0][1], uri)}
                if neighbours[0] else None,
                "next": {"label": neighbours[1][0], "link": relative(neighbours[1][1], uri)}
                if neighbours[1] else None,
                "facts": [self.fact_view(p, uri, numbered=False) for p in chunk],
            })

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
            if self.split_timeline:
                yield from self.timeline_pages()
        yield from self.status_pages()
        yield self.tags_page()
        if self.split_tags:
            for tag, placed in self.facts_by_tag.items():
                yield from self.list_pages(f"tags/{tag}", placed, {
                    "title": f"Tag: {tag}", "description": f"Every fact tagged {tag}.",
                    "intro": f"{len(placed)} facts carry the tag {tag}.", "style": Md("line"),
                    "back": ("All tags", "tags.md")})
        if len(b.contradictions) > self.home_disagreements:
            yield from self.list_pages("disagreements", b.contradictions, {
                "title": "Where sources disagree",
                "description": "Every fact whose sources give different figures or answers.",
                "intro": "Facts whose sources give different figures or answers, each value with "
                         "the sources that give it.",
                "style": Md("disagreement"), "back": ("Home", "index.md")})
        yield self.sources_index()
        for source_id in sorted(b.sources):
            yield self.source_page(source_id)
        if features.entities:
            yield self.entities_index()
            for entity_id in sorted(b.entities):
                yield from self.entity_pages(entity_id)

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
            "disagreements": [self.fact_view(p, uri, numbered=False)
                              for p in b.contradictions[:self.home_disagreements]],
            "disagreement_count": len(b.contradictions),
            "disagreements_page": relative("disagreements.md", uri)
            if len(b.contradictions) > self.home_disagreements else None,
            "fact_count": len(b.facts), "source_count": len(b.sources),
            "timeline_link": relative("timeline.md", uri) if self.settings.features.timeline else None,
        }, nav_title="Home")

    @cached_property
    def split_timeline(self) -> bool:
        """Whether each month of the timeline gets its own page (too many dated facts for one)."""
        return len(self.briefing.dated_facts) > self.list_size

    @cached_property
    def timeline_months(self) -> dict[str, dict[str, list[PlacedFact]]]:
        """Dated facts by year, then by month ("" for a fact known only to the year)."""
        years: dict[str, dict[str, list[PlacedFact]]] = {}
        for placed in self.briefing.dated_facts:
            value = placed.fact.date or ""
            month = value[:7] if len(value) >= 7 else ""
            years.setdefault(value[:4], {}).setdefault(month, []).append(placed)
        return years

    @staticmethod
    def month_label(year: str, month: str) -> str:
        return date_label(month) if month else f"{year}, month not known"

    @staticmethod
    def month_uri(year: str, month: str) -> str:
        return f"timeline/{month or year}.md"

    def timeline(self) -> PageSpec:
        uri = "timeline.md"
        split = self.split_timeline
        groups = [{
            "year": Md(year),
            "months": [{"label": self.month_label(year, month),
                        # Heading ids hold "_", which fact ids never do: no clash with fact anchors.
                        "anchor": Md(f"month_{month}" if month else f"year_{year}_month-unknown"),
                        "count": len(placed),
                        "link": relative(self.month_uri(year, month), uri) if split else None,
                        "facts": [] if split else [self.fact_view(p, uri, numbered=False) for p in placed]}
                       for month, placed in months.items()],
        } for year, months in self.timeline_months.items()]
        return PageSpec(uri, "timeline.md.j2", {
            "years": groups, "split": split, "dated_count": len(self.briefing.dated_facts),
        }, nav_title="Timeline")

    def timeline_pages(self) -> Iterator[PageSpec]:
        """A page per month (and per year for facts known only to the year), each linking to
        the months before and after it."""
        periods = [(year, month, placed) for year, months in self.timeline_months.items()
                   for month, placed in months.items()]
        for index, (year, month, placed) in enumerate(periods):
            label = self.month_label(year, month)
            before = periods[index - 1] if index > 0 else None
            after = periods[index + 1] if index + 1 < len(periods) else None
            around = [(self.month_label(p[0], p[1]), self.month_uri(p[0], p[1])) if p else None
                      for p in (before, after)]
            yield from self.list_pages(self.month_uri(year, month).removesuffix(".md"), placed, {
                "title": f"Timeline: {label}", "description": f"Every fact dated {label}, in order.",
                "intro": f"{len(placed)} facts dated {label}, oldest first, with their topics, "
                         "statuses and sources.",
                "style": Md("timeline"), "back": ("Whole timeline", "timeline.md")},
                neighbours=(around[0], around[1]))

    def status_pages(self) -> Iterator[PageSpec]:
        """The status legend; when it would list too many facts, a list page per status and
        one of the denied claims."""
        uri = "status.md"
        facts = self.briefing.facts.values()
        by_status: dict[str, list[PlacedFact]] = {status: [] for status in STATUSES}
        for placed in facts:
            by_status[placed.fact.shown_status].append(placed)
        denied = [p for p in facts if p.fact.denied_by]
        split = len(self.briefing.facts) > self.list_size
        yield PageSpec(uri, "status.md.j2", {
            "statuses": [{
                "status": Md(s), "label": STATUS_LABELS[s], "meaning": STATUS_MEANINGS[s],
                "count": len(by_status[s]),
                "link": relative(f"status/{s}.md", uri) if split else Md(f"#{s}"),
                "facts": [] if split else [self.fact_view(p, uri, numbered=False) for p in by_status[s]],
            } for s in STATUSES],
            "split": split,
            "denied_count": len(denied),
            "denied_link": relative("status/denied.md", uri) if split else Md("#denied"),
            "denied": [] if split else [self.fact_view(p, uri, numbered=False) for p in denied],
        })
        if not split:
            return
        for s in STATUSES:
            yield from self.list_pages(f"status/{s}", by_status[s], {
                "title": f"{STATUS_LABELS[s]} facts", "description": f"Every fact shown as {s}.",
                "intro": f"{STATUS_LABELS[s]}: {STATUS_MEANINGS[s]}. {len(by_status[s])} facts.",
                "style": Md("status"), "back": ("Status legend", "status.md")})
        if denied:
            yield from self.list_pages("status/denied", denied, {
                "title": "Denied claims", "description": "Every claim that a party publicly denied.",
                "intro": f"Claims that a party publicly denied, whatever their status: {len(denied)} facts.",
                "style": Md("denied"), "back": ("Status legend", "status.md")})

    def tags_page(self) -> PageSpec:
        uri = "tags.md"
        split = self.split_tags
        return PageSpec(uri, "tags.md.j2", {"tags": [{
            "tag": Md(tag), "count": len(placed), "link": self.tag_link(tag, "") if split else Md(f"#{tag}"),
            "facts": [] if split else [self.fact_view(p, uri, numbered=False) for p in placed],
        } for tag, placed in self.facts_by_tag.items()]}, nav_title="Tags")

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
        # in the topics' order, looking only at this source's topics (not every topic per source)
        topics = [{"title": b.topics[tid].title, "link": relative(topic_uri(tid), uri),
                   "facts": by_topic[tid]} for tid in sorted(by_topic, key=self.topic_position.__getitem__)]
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

    def entity_pages(self, entity_id: str) -> Iterator[PageSpec]:
        """An entity's page with the facts about, asserted by and denied by it; when those
        are more than a list page holds, the page gives their numbers and each role's facts
        get list pages of their own."""
        uri = entity_uri(entity_id)
        entity = self.briefing.entities[entity_id]
        roles = self.briefing.facts_by_entity.get(entity_id, {})
        split = sum(len(placed) for placed in roles.values()) > self.list_size
        yield PageSpec(uri, "entity.md.j2", {
            "entity_id": Md(entity_id), "entity": entity,
            "headings": ENTITY_ROLES,
            "roles": {role: [] if split else [self.fact_view(p, uri, numbered=False)
                                              for p in roles.get(role, [])] for role in ENTITY_ROLES},
            "counts": {role: len(roles.get(role, [])) for role in ENTITY_ROLES},
            "role_pages": {role: relative(f"entities/{entity_id}_{role}.md", uri)
                           for role in ENTITY_ROLES if roles.get(role)} if split else {},
        })
        if not split:
            return
        for role, heading in ENTITY_ROLES.items():
            if roles.get(role):
                yield from self.list_pages(f"entities/{entity_id}_{role}", roles[role], {
                    "title": f"{heading} {entity.name}", "description": f"{heading} {entity.name}.",
                    "intro": f"{len(roles[role])} facts.", "style": Md("line"),
                    "back": (entity.name, uri)})


def plan_pages(briefing: Briefing, settings: Settings) -> Iterator[PageSpec]:
    """Every page of the site, in navigation order, one at a time: a large briefing's page
    contexts need not all be held at once."""
    return _Planner(briefing, settings).plan()


#: The roles an entity plays in facts, as its page heads each list.
ENTITY_ROLES = {"about": "Facts about", "asserts": "Facts asserted by", "denies": "Facts denied by"}

#: Facts whose sources disagree listed on the home page; past that, a link to all of them.
HOME_DISAGREEMENTS = 12

#: Most entries one level of the topics' navigation holds: past it, topics are grouped.
NAV_GROUP_SIZE = 25


def plan_nav(briefing: Briefing, settings: Settings) -> list[Any]:
    """The navigation, in MkDocs' ``nav`` form. Source and entity pages are reached from
    their index pages, not listed, so every page's navigation stays small however large
    the briefing grows. Every page renders the navigation, so a long flat list of topics
    would make the build grow with the square of their number: no level holds more than
    :data:`NAV_GROUP_SIZE` entries (topics in groups, groups in larger groups, in
    ``order``), and the theme's ``navigation.prune`` renders only the open group's links."""
    nav: list[Any] = [{"Home": "index.md"},
                      {"Topics": _nav_groups([topic_uri(tid) for tid in briefing.topic_order])}]
    if settings.features.timeline:
        nav.append({"Timeline": "timeline.md"})
    if settings.features.entities:
        nav.append({"Entities": "entities/index.md"})
    nav.append({"Sources": "sources/index.md"})
    nav.append({"Tags": "tags.md"})
    nav.append({"Status legend": "status.md"})
    return nav


def _nav_groups(uris: list[str], first: int = 1) -> list[Any]:
    """``uris`` as a navigation level of at most :data:`NAV_GROUP_SIZE` entries: themselves
    when few enough, else groups ("Topics 1–25", or "Topics 1–625" of such groups)."""
    if len(uris) <= NAV_GROUP_SIZE:
        return uris
    span = NAV_GROUP_SIZE
    while len(uris) > span * NAV_GROUP_SIZE:
        span *= NAV_GROUP_SIZE
    groups: list[Any] = []
    for start in range(0, len(uris), span):
        low, high = first + start, first + min(start + span, len(uris)) - 1
        groups.append({f"Topics {low}–{high}" if high > low else f"Topic {low}":
                       _nav_groups(uris[start:start + span], low)})
    return groups
