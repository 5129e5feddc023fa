"""What the pages' tests share: case briefings generated once (no MkDocs build), each page's
Markdown turned into HTML with Python-Markdown and the extensions of mkdocs.yml (as
tests/hostile.py does), and links followed between the generated pages."""

from __future__ import annotations

import posixpath
import shutil
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from generator.briefing import Briefing
from generator.check import require_briefing
from generator.generate import GeneratedSite, generate
from generator.pages.plan import Plan
from generator.settings import load_settings
from generator.urls import Urls
from tests.conftest import CASES, copy_project_frame
from tests.history_case import history_case
from tests.hostile import render_markdown
from tests.pages.shapes import shape_files


@dataclass
class Site:
    """A generated site, read as HTML page by page."""

    root: Path
    generated: GeneratedSite

    @cached_property
    def briefing(self) -> Briefing:
        return require_briefing(self.root)[0]

    @cached_property
    def plan(self) -> Plan:
        return Plan(self.briefing, load_settings(self.root), Urls())

    def markdown(self, uri: str) -> str:
        return self.generated.files[uri].decode("utf-8")

    @cached_property
    def _html(self) -> dict[str, str]:
        return {}

    def page(self, uri: str) -> BeautifulSoup:
        """A page as HTML (converted once, parsed afresh: a test may change its soup)."""
        if uri not in self._html:
            self._html[uri] = render_markdown(self.markdown(uri)).html
        return BeautifulSoup(self._html[uri], "html.parser")

    def target(self, from_uri: str, href: str) -> tuple[str, Tag]:
        """Where a link of page ``from_uri`` leads: the page's uri and the element (the page's
        first element when the link has no anchor); fails when either is not there."""
        path, _, anchor = href.partition("#")
        uri = posixpath.normpath(posixpath.join(posixpath.dirname(from_uri), path)) if path else from_uri
        assert uri in self.generated.files, f"{from_uri}: {href} leads to no page"
        soup = self.page(uri)
        element = soup.find(id=anchor) if anchor else soup.find(True)
        assert element is not None, f"{from_uri}: {href} leads to no element"
        return uri, element

    def follow(self, from_uri: str, href: str) -> str:
        """Where a link leads, as ``uri#anchor`` (the anchor as the link gives it); fails when the
        page or its anchor is not there."""
        uri, _ = self.target(from_uri, href)
        return f"{uri}#{href.partition('#')[2]}"

    def fact_links(self, uri: str) -> list[str]:
        """The facts a page links to ("View fact"), as fact ids, in order."""
        return [a["href"].rsplit("#", 1)[1] for a in self.page(uri).select("a.bf-factlink") if "#" in a["href"]]




def make_site(root: Path, briefings: Path | None = None, files: dict[str, str] | None = None) -> Site:
    copy_project_frame(root)
    if briefings:
        shutil.copytree(briefings, root / "briefings")
    for rel, text in (files or {}).items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return Site(root, generate(root))


@pytest.fixture(scope="session")
def case(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """tests/cases/judgments: a detail and a contradiction, a source's error beside a reference,
    a correction, a retired fact, a denial, two topics and two judgments."""
    return make_site(tmp_path_factory.mktemp("pages-case") / "project", CASES / "judgments" / "briefings")


@pytest.fixture(scope="session")
def minimal(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """tests/cases/minimal: no judgments.yml."""
    return make_site(tmp_path_factory.mktemp("pages-minimal") / "project", CASES / "minimal" / "briefings")


def split_lists_site(root: Path, list_page_facts: int | None = None) -> Site:
    """tests/cases/split-lists with its own site_config (``list_page_facts`` 2, or as given)."""
    config = (CASES / "split-lists" / "site_config.yml").read_text(encoding="utf-8")
    if list_page_facts is not None:
        config = config.replace("list_page_facts: 2", f"list_page_facts: {list_page_facts}")
    return make_site(root, CASES / "split-lists" / "briefings", files={"site_config.yml": config})


def plan_of(site: Site, **features: object) -> Plan:
    """The plan of a site's briefing with some of its features changed (``list_page_facts``...)."""
    settings = site.plan.settings
    changed = settings.model_copy(update={"features": settings.features.model_copy(update=features)})
    return Plan(site.briefing, changed, site.plan.urls, site.plan.revisions)


@pytest.fixture(scope="session")
def lists(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """tests/cases/split-lists: 7 current facts and a retired one over two topics, dated to the day,
    the month and the year, with three tags and an entity in every role; list_page_facts 2, so every
    list goes on over pages of its own."""
    return split_lists_site(tmp_path_factory.mktemp("pages-lists") / "project")


@pytest.fixture(scope="session")
def lists_whole(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The same case with list_page_facts 200: every list on its index page."""
    return split_lists_site(tmp_path_factory.mktemp("pages-lists-whole") / "project", list_page_facts=200)


@pytest.fixture(scope="session")
def split(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """A briefing of 40 facts over 4 topics with every list split (list_page_facts: 3)."""
    return make_site(tmp_path_factory.mktemp("pages-split") / "project",
                     files=shape_files(topics=4, facts=10, list_page_facts=3, retired=True, judgments=True))


@pytest.fixture(scope="session")
def history(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """tests/cases/exports-truth built from its history of four dated commits (tests/history_case.py)."""
    return make_site(history_case(tmp_path_factory.mktemp("pages-history") / "project"))
