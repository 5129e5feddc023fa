"""What every page planner shares: the briefing, the settings, and the views they make.

:class:`Plan` holds the checked briefing with the settings and the public URL policy, and
makes the views of facts and judgments that templates read, each linked from the folder
of the page that shows it, and knows each record's dates from the history (``dates``). Each
page family's planner (``home``, ``judgments``, ``changes``, ``topics``, ``timeline``,
``statuses``, ``tags``, ``sources``, ``entities``) takes a plan and yields its
:class:`~generator.pages.spec.PageSpec`\\ s.
"""

from __future__ import annotations

from functools import cached_property

from generator.briefing import Briefing, PlacedFact
from generator.history.changelog import RecordDates
from generator.history.record_dates import Revisions
from generator.inline import AutoLink, Linker, inline_markdown
from generator.model import Fact, Judgment
from generator.pages.views import EntityRef, FactView, JudgmentRef, JudgmentView, link
from generator.render import Md
from generator.settings import Settings
from generator.urls import HOME, TAGS, Urls, entity_uri, folder_of, tag_uri, up_to_root

#: How a fact relates to a judgment that names it, as its pages say it.
JUDGMENT_ROLES = {"supports": "Supports", "cuts_against": "Cuts against"}


class Plan:
    """The briefing, the settings and the URL policy, with the views pages are made of."""

    def __init__(self, briefing: Briefing, settings: Settings, urls: Urls,
                 revisions: Revisions | None = None) -> None:
        self.briefing = briefing
        self.settings = settings
        self.urls = urls
        #: each record's dates of publication and change, from git (None without history)
        self.revisions = revisions

    @cached_property
    def dates(self) -> RecordDates:
        """When each record was added and last changed (nothing without history)."""
        return RecordDates(self.revisions)

    @property
    def list_size(self) -> int:
        """Most facts one page lists (``list_page_facts``)."""
        return self.settings.features.list_page_facts

    @cached_property
    def linker(self) -> Linker | None:
        """Links from entity names in claims to entity pages (when the site has them), as
        seen from the root; :meth:`claim` moves them to each page's folder."""
        if not self.settings.features.entities:
            return None
        return Linker([AutoLink((e.name, *e.aliases), entity_uri(eid), eid)
                       for eid, e in self.briefing.entities.items()])

    def claim(self, fact: Fact, folder: str, unlinked: str = "") -> Md:
        """A claim as safe Markdown, the first mention of each entity (but ``unlinked``) linked."""
        if not self.linker:
            return Md(inline_markdown(fact.claim))
        return Md(inline_markdown(fact.claim, self.linker, unlinked, up_to_root(folder)))

    def fact_view(self, placed: PlacedFact, from_uri: str, *, numbered: bool = False,
                  unlinked: str = "") -> FactView:
        """A fact as the page ``from_uri`` shows it; ``numbered`` when the page footnotes its
        citations, ``unlinked`` the entity whose page this is (a page never links to itself)."""
        folder = folder_of(from_uri)
        return FactView(self, placed, folder, numbered, self.claim(placed.fact, folder, unlinked))

    def fact_views(self, placed: list[PlacedFact], from_uri: str, unlinked: str = "") -> list[FactView]:
        return [self.fact_view(p, from_uri, unlinked=unlinked) for p in placed]

    def entity_refs(self, ids: list[str], folder: str) -> list[EntityRef]:
        """Names of entities, linked to their pages when the site has them."""
        linked = self.settings.features.entities
        return [EntityRef(self.briefing.entities[eid].name, link(entity_uri(eid), folder) if linked else Md(""))
                for eid in dict.fromkeys(ids)]

    def tag_link(self, tag: str, folder: str) -> Md:
        return link(tag_uri(tag) if self.split_tags else f"{TAGS}#{tag}", folder)

    @cached_property
    def facts_by_tag(self) -> dict[str, list[PlacedFact]]:
        """Tag -> the current facts that carry it, tags in alphabetical order."""
        tags: dict[str, list[PlacedFact]] = {}
        for placed in self.briefing.current_facts:
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

    def judgment_view(self, judgment: Judgment, from_uri: str) -> JudgmentView:
        return JudgmentView(self, judgment, folder_of(from_uri))

    def judgment_views(self, judgments: list[Judgment], from_uri: str) -> list[JudgmentView]:
        return [self.judgment_view(j, from_uri) for j in judgments]

    def judgment_refs(self, fact_id: str, folder: str) -> list[JudgmentRef]:
        """"Supports: <question>" / "Cuts against: <question>", for each judgment naming a fact."""
        roles = self.briefing.judgments_on.get(fact_id, {})
        return [JudgmentRef(label, judgment.question, link(f"{HOME}#{judgment.id}", folder))
                for role, label in JUDGMENT_ROLES.items() for judgment in roles.get(role, [])]
