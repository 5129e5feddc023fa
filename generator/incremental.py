"""The preview's incremental path: after an edit, only the pages it changes are planned and
rendered again.

The preview (``mkdocs serve`` or ``briefing serve``: ``mkdocs_adapter.session``) keeps one
:class:`IncrementalSite` for its whole session and asks it for the site on every rebuild; a
build never uses it (``generate`` builds everything).
It takes the same steps as ``generate`` (``prepare``, ``render_spec``, ``finish``) and gives
the same files, byte for byte (``tests/test_incremental.py`` edits at random and compares).

- **Files.** The check keeps a :class:`~generator.check.FileCache`: only the files whose bytes
  changed are read and validated again, the cross-file rules still see the whole briefing,
  and an unchanged file gives back the very same records, so "unchanged" is an identity test.
- **Everything again** when what any page may show changed (:func:`global_key`): the
  settings, the templates, the history from git, ``entities.yml``, ``judgments.yml``, the
  set of topics or sources, a topic's title or place (the navigation), whether tags get
  pages of their own.
- **Otherwise, in units** (:func:`units`): a topic's page, a source's page, an entity's
  pages, and each other family whole (home, judgments, changes, timeline, statuses, tags,
  the indexes of sources and of entities: the pages that gather facts from everywhere).
  A topic, source or entity is planned again only when its own record changed or a fact it
  may show did (:func:`affected_units`: a fact's topic, its sources, its entities, the topics
  of the judgments that name it; before and after the edit); the gathering families are
  planned again on every rebuild.
- **A page planned again is rendered again only when its key changed** (:func:`page_key`):
  its template and its context, each view of a fact or a judgment standing for what it was
  made with (the fact, the page's folder...), and the records its views read (noted by the
  views themselves, ``pages.views.Reading``, as they read them: a fact's sources, the facts a
  judgment names), compared with the same records in the new briefing (:func:`unchanged`).
  What views read that the global key covers (a topic's title, the entities, the judgments,
  the dates) is not noted per page; while a page is rendered its plan shows its views only
  that part of the briefing (:class:`SealedBriefing`), so a view that reads a record another
  way stops the preview with :class:`UncoveredRead` instead of serving a stale page.

At 20,000 facts planning every page takes longer than the preview's 10-second target; with
units and keys an edited claim is planned and rendered on a handful of pages (figures in
``benchmarks/README.md``).
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import jinja2
import jinja2.bccache
from pydantic import BaseModel

from generator.briefing import Briefing, PlacedFact
from generator.check import FileCache
from generator.generate import GeneratedSite, Inputs, OnStage, Outputs, finish, make_outputs, prepare, render_spec
from generator.model import Fact, Judgment
from generator.pages import FAMILIES, PageSpec
from generator.pages.entities import entities_index, entity_page, entity_pages
from generator.pages.plan import Plan
from generator.pages.sources import source_page, source_pages, sources_index
from generator.pages.topics import topic_page, topic_pages
from generator.pages.views import FactView, JudgmentView, Read, Reading
from generator.render import Md
from generator.urls import folder_of

#: ("topic", id), ("source", id), ("entity", id), or ("family", name) for a family planned whole.
Unit = tuple[str, str]
FAMILY = "family"


@dataclass
class Rebuild:
    """What one generation did: everything or only what changed, and how many pages."""

    everything: bool = True
    units: int = 0
    units_planned: int = 0
    pages: int = 0
    #: the pages rendered again, in order
    rendered: list[str] = field(default_factory=list)

    @property
    def pages_rendered(self) -> int:
        return len(self.rendered)


@dataclass(frozen=True)
class _Page:
    """A page as last rendered: its key (None: rendered whenever planned), the records its
    views read with what each was then, and its Markdown."""

    key: tuple[Any, ...] | None
    reads: tuple[tuple[str, str, Any], ...]
    markdown: bytes


@dataclass
class _Built:
    """The last good generation: its global key, its briefing, each unit's pages in order, and
    each page as rendered."""

    key: tuple[Any, ...]
    briefing: Briefing
    units: dict[Unit, list[str]] = field(default_factory=dict)
    pages: dict[str, _Page] = field(default_factory=dict)


class IncrementalSite:
    """The site of one project, generated again and again: each time, only what changed."""

    #: Whether a page planned again is rendered again only when its key changed (the page-key
    #: layer; off, every page of the units planned again is rendered again: the benchmark's
    #: ``units`` variant, figures in ``benchmarks/README.md``).
    keyed = True

    def __init__(self, root: Path, *, directory_urls: bool = True) -> None:
        self.root, self.directory_urls = root, directory_urls
        self.cache = FileCache()
        self.last = Rebuild()
        self._built: _Built | None = None
        self._claims: Claims = {}
        self.templates = CompiledTemplates()
        self._outputs: Outputs | None = None
        #: the exports and search entries of the last generation, when it left them for later
        self.later: Callable[[], Outputs] | None = None

    def generate(self, on_stage: OnStage | None = None, *, outputs_later: bool = False) -> GeneratedSite:
        """The whole site, as :func:`generator.generate.generate` makes it. Raises
        :class:`~generator.errors.BriefingError` as it does; what was built last stays.

        ``outputs_later``: unless everything was generated again, the site holds the export
        files and search entries made last, and :attr:`later` makes this generation's (the
        preview makes them once the pages are served)."""
        inputs = prepare(self.root, directory_urls=self.directory_urls, cache=self.cache, on_stage=on_stage)
        inputs.env.bytecode_cache = self.templates
        plan = KeyedPlan(inputs, self._claims)
        key = global_key(inputs, plan)
        previous = self._built if self._built is not None and self._built.key == key else None
        if previous is None:
            self._claims.clear()
        replan = affected_units(previous.briefing, inputs.briefing) if previous else set()
        built, rebuild = _Built(key, inputs.briefing), Rebuild(everything=previous is None)
        for unit, specs in units(plan):
            rebuild.units += 1
            if previous is not None and unit[0] != FAMILY and unit not in replan and unit in previous.units:
                built.units[unit] = previous.units[unit]
                built.pages.update((uri, previous.pages[uri]) for uri in previous.units[unit])
                continue
            rebuild.units_planned += 1
            built.units[unit] = []
            for spec in specs():
                kept = previous.pages.get(spec.uri) if previous else None
                keyed_by, views = page_key(spec, plan) if self.keyed else (None, [])
                if kept is None or keyed_by is None or not reusable(kept, keyed_by, inputs.briefing):
                    markdown = plan.render(inputs.env, spec)  # the views note what they read as it renders
                    kept = _Page(keyed_by, noted_reads(views, inputs.briefing) if keyed_by else (), markdown)
                    rebuild.rendered.append(spec.uri)
                built.pages[spec.uri] = kept
                built.units[unit].append(spec.uri)
            plan.made.clear()
        site = GeneratedSite(settings=inputs.settings, warnings=inputs.problems,
                             files={uri: page.markdown for uri, page in built.pages.items()})
        rebuild.pages = len(built.pages)
        if outputs_later and previous is not None and self._outputs is not None:
            outputs, self.later = self._outputs, functools.partial(make_outputs, inputs)
        else:
            outputs = self._outputs = make_outputs(inputs)
            self.later = None
        finish(site, inputs, outputs)
        self._built, self.last = built, rebuild
        _keep_current(self._claims, inputs.briefing)
        return site


#: (the fact's identity, the page's folder, the entity left unlinked) -> (the fact, its claim)
Claims = dict[tuple[int, str, str], tuple[Fact, Md]]


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept in memory from one rebuild to the next, by name and source
    (Jinja's bytecode cache interface), so a rebuild does not compile them again."""

    def __init__(self) -> None:
        self.codes: dict[tuple[str, str], Any] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        bucket.code = self.codes.get((bucket.key, bucket.checksum))

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.codes[(bucket.key, bucket.checksum)] = bucket.code

    def clear(self) -> None:
        self.codes.clear()


class KeyedPlan(Plan):
    """The page plan, noting what each view of a fact or judgment is made with (by the view's
    identity, the view kept alive with it), for :func:`page_key`; keeping each claim as made
    for a folder from one rebuild to the next (``claims``), while the fact is the very same
    record and the global key (which holds the entities it links) is unchanged; and rendering
    each page with the briefing sealed (:meth:`render`)."""

    def __init__(self, inputs: Inputs, claims: Claims) -> None:
        super().__init__(inputs.briefing, inputs.settings, inputs.urls, inputs.revisions)
        self.made: dict[int, tuple[object, tuple[Any, ...]]] = {}
        self.claims = claims

    def claim(self, fact: Fact, folder: str, unlinked: str = "") -> Md:
        kept = self.claims.get((id(fact), folder, unlinked))
        if kept is not None and kept[0] is fact:
            return kept[1]
        made = super().claim(fact, folder, unlinked)
        self.claims[(id(fact), folder, unlinked)] = (fact, made)
        return made

    def fact_view(self, placed: PlacedFact, from_uri: str, *, numbered: bool = False,
                  unlinked: str = "") -> FactView:
        view = super().fact_view(placed, from_uri, numbered=numbered, unlinked=unlinked)
        self.made[id(view)] = (view, ("fact", placed, folder_of(from_uri), numbered, unlinked))
        return view

    def judgment_view(self, judgment: Judgment, from_uri: str) -> JudgmentView:
        view = super().judgment_view(judgment, from_uri)
        self.made[id(view)] = (view, ("judgment", judgment, folder_of(from_uri)))
        return view

    def render(self, env: jinja2.Environment, spec: PageSpec) -> bytes:
        """The page's Markdown, rendered while the plan shows its views only what the global
        key covers of the briefing (:class:`SealedBriefing`)."""
        briefing = self.briefing
        self.briefing = cast(Briefing, SealedBriefing(briefing, spec.uri))
        try:
            return render_spec(env, spec)
        finally:
            self.briefing = briefing


class UncoveredRead(RuntimeError):
    """A view read the briefing other than through ``pages.views.Reading`` while its page was
    rendered: the preview's key would not cover it (an error in the generator, not the briefing)."""


class SealedBriefing:
    """The briefing as a page's plan shows it while the page is rendered: only what the global
    key holds (the entities, the judgments, the topics' order); any other read raises
    :class:`UncoveredRead`, naming the page and what was read."""

    COVERED = frozenset({"entities", "judgments", "judgments_on", "topic_order"})

    def __init__(self, briefing: Briefing, uri: str) -> None:
        self._briefing, self._uri = briefing, uri

    def __getattr__(self, name: str) -> Any:
        if name in self.COVERED:
            return getattr(self._briefing, name)
        raise UncoveredRead(f"{self._uri}: a view read the briefing's {name!r} while the page was rendered; "
                            "read records through pages.views.Reading, which notes them for the preview's key")


def _keep_current(claims: Claims, briefing: Briefing) -> None:
    """Let go of the claims of facts the briefing no longer holds as they were."""
    facts = briefing.facts
    for key in [key for key, (fact, _) in claims.items()
                if (placed := facts.get(fact.id)) is None or placed.fact is not fact]:
        del claims[key]


def global_key(inputs: Inputs, plan: Plan) -> tuple[Any, ...]:
    """What any page may show, beyond its own context: when it changes, everything is planned
    and rendered again."""
    b, revisions = inputs.briefing, inputs.revisions
    return (inputs.settings, inputs.urls, templates_digest(inputs.templates_dir),
            None if revisions is None else tuple(revisions.commits),
            b.entities, b.judgments, tuple(sorted(b.sources)),
            tuple((tid, b.topics[tid].title, b.topics[tid].order) for tid in b.topic_order),
            plan.split_tags)


def templates_digest(folder: Path) -> str:
    """A digest of every file under the templates folder (page templates, theme, assets)."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def units(plan: Plan) -> Iterator[tuple[Unit, Callable[[], Iterable[PageSpec]]]]:
    """Every page of the site as ``plan_pages`` plans them, in its order, in units: each topic,
    source and entity on its own, every other family whole."""
    b = plan.briefing
    # each lambda's default binds its loop variable, which mypy cannot infer: ignore[misc] below
    for family in FAMILIES:
        if family is topic_pages:
            for tid in b.topic_order:
                yield ("topic", tid), lambda tid=tid: [topic_page(plan, tid)]  # type: ignore[misc]
        elif family is source_pages:
            yield (FAMILY, "sources_index"), lambda: [sources_index(plan)]
            for sid in sorted(b.sources):
                yield ("source", sid), lambda sid=sid: [source_page(plan, sid)]  # type: ignore[misc]
        elif family is entity_pages:
            if plan.settings.features.entities:
                yield (FAMILY, "entities_index"), lambda: [entities_index(plan)]
                for eid in sorted(b.entities):
                    yield ("entity", eid), lambda eid=eid: entity_page(plan, eid)  # type: ignore[misc]
        else:
            yield (FAMILY, family.__name__), lambda family=family: family(plan)  # type: ignore[misc]


def affected_units(old: Briefing, new: Briefing) -> set[Unit]:
    """The topics, sources and entities whose pages may show what changed from ``old`` to
    ``new`` (which share their global key: the same topics, sources, entities, judgments)."""
    topics = {tid for tid, topic in new.topics.items() if topic is not old.topics[tid]}
    sources = {sid for sid, source in new.sources.items() if source is not old.sources[sid]
               and source != old.sources[sid]}
    changed: set[str] = set()
    for tid in topics:
        before, after = [f.id for f in old.topics[tid].facts], [f.id for f in new.topics[tid].facts]
        kept = set(before) & set(after)
        # facts in another order: the pages listing the topic's facts list them in another order
        reordered = [fid for fid in before if fid in kept] != [fid for fid in after if fid in kept]
        changed.update(fid for fid in (*before, *after) if reordered or old.facts.get(fid) != new.facts.get(fid))
    if sources:
        changed.update(placed.id for b in (old, new) for placed in b.facts.values()
                       if not sources.isdisjoint(placed.fact.sources))
    found: set[Unit] = {("topic", tid) for tid in topics} | {("source", sid) for sid in sources}
    # a place's page names the reference its location was read from
    found.update(("entity", eid) for eid, entity in new.entities.items()
                 if entity.location is not None and entity.location.source in sources)
    for fid in changed:
        for b in (old, new):
            placed = b.facts.get(fid)
            if placed is None:
                continue
            fact = placed.fact
            found.add(("topic", placed.topic_id))
            found.update(("source", sid) for sid in fact.sources)
            found.update(("entity", eid) for eid in (*fact.entities, *fact.attributed_to, *fact.denied_by))
            for judgments in b.judgments_on.get(fid, {}).values():
                found.update(("topic", tid) for judgment in judgments for tid in judgment.topics)
    return found


#: How the page key finds again each kind of record views note (``pages.views.Reading``) in a
#: new briefing; None for what the global key holds (every topic's title).
RECORDS: dict[str, Callable[[Briefing, str], Any] | None] = {
    "fact": lambda briefing, fact_id: briefing.facts.get(fact_id),
    "source": lambda briefing, source_id: briefing.sources.get(source_id),
    "topic title": None,
}


def noted_reads(views: Iterable[Reading], briefing: Briefing) -> tuple[tuple[str, str, Any], ...]:
    """The records the views read and what each one is in ``briefing``, but for what the
    global key holds; a kind of read the key does not know raises :class:`UncoveredRead`."""
    reads: set[Read] = set().union(*(view.reads for view in views))
    noted = []
    for kind, record_id in sorted(reads):
        if kind not in RECORDS:
            raise UncoveredRead(f"a view read a {kind!r} record, which incremental.RECORDS does not key")
        if (find := RECORDS[kind]) is not None:
            noted.append((kind, record_id, find(briefing, record_id)))
    return tuple(noted)


def reusable(kept: _Page, key: tuple[Any, ...], briefing: Briefing) -> bool:
    """Whether a page as last rendered is the page ``key`` and ``briefing`` make."""
    return kept.key == key and unchanged(kept.reads, briefing)


def unchanged(reads: tuple[tuple[str, str, Any], ...], briefing: Briefing) -> bool:
    """Whether every record noted is the same in ``briefing`` (the very object, or equal)."""
    for kind, record_id, then in reads:
        now = RECORDS[kind](briefing, record_id)  # type: ignore[misc]  # only kinds with a finder are noted
        if now is not then and now != then:
            return False
    return True


class _Unkeyed(Exception):
    """A context holds something :func:`page_key` cannot stand for: the page is always rendered."""


def page_key(spec: PageSpec, plan: KeyedPlan) -> tuple[tuple[Any, ...] | None, list[Reading]]:
    """What the page's Markdown is made with (given the global key and the records its views
    read), or None when that cannot be told (the page is then rendered every time it is
    planned); and the views its context holds."""
    views: list[Reading] = []
    try:
        return (spec.template, _key(spec.context, plan.made, views)), views
    except _Unkeyed:
        return None, views


_PLAIN = (int, float, bool, type(None))


def _key(value: Any, made: dict[int, tuple[object, tuple[Any, ...]]], views: list[Reading]) -> Any:
    kind = type(value)
    if kind is str:
        return value
    if kind in _PLAIN or isinstance(value, str):  # the type too: Md is not escaped, True is not 1
        return (kind, value)
    if kind is list or kind is tuple:
        return (kind, tuple(_key(item, made, views) for item in value))
    if kind is dict:
        return (kind, tuple((_key(k, made, views), _key(v, made, views)) for k, v in value.items()))
    if isinstance(value, BaseModel):
        return value  # compared by value; a record from an unchanged file is the very same object
    if isinstance(value, (FactView, JudgmentView)):
        noted = made.get(id(value))
        if noted is None or noted[0] is not value:
            raise _Unkeyed(kind.__name__)
        views.append(value)
        return noted[1]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (kind, tuple(_key(getattr(value, f.name), made, views) for f in dataclasses.fields(value)))
    raise _Unkeyed(kind.__name__)
