"""Every shape of briefing builds strictly: MkDocs' strict mode (every warning an error, every
link and anchor checked) on briefings without denials, dates, entities or values, with one
topic of one fact, with many topics, with retired facts and judgments, each with lists split
over pages (``list_page_facts`` lowered) and unsplit. Built with the project's own whole-site
build into temporary folders; MkDocs' warnings are logged, not quietened, so strict counts them.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.mkdocs_adapter.build import SiteBuildError, build_site
from tests.conftest import copy_project_frame
from tests.gitrepo import commit, git
from tests.history_case import FIRST, WITHDRAWN
from tests.pages.shapes import shape_files

pytestmark = pytest.mark.slow

SHAPES = {
    "no denials, lists split": dict(denials=False, facts=5, list_page_facts=2),
    "no denials, one page each": dict(denials=False),
    "no dated facts, lists split": dict(dated=False, facts=4, list_page_facts=2),
    "no entities": dict(entities=False, list_page_facts=2, facts=4),
    "no values": dict(values=False, list_page_facts=2, facts=4),
    "one topic with one fact": dict(topics=1, facts=1),
    "one topic with one fact, lists split": dict(topics=1, facts=1, list_page_facts=2),
    "many topics": dict(topics=30, facts=2),
    "retired facts and judgments, lists split": dict(retired=True, judgments=True, facts=5, list_page_facts=2),
}


def write_shape(root: Path, **shape: object) -> Path:
    copy_project_frame(root)
    for rel, text in shape_files(**shape).items():  # type: ignore[arg-type]
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def shape_site(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """``shape_site(name)``: the site of a shape, built strictly (any warning raises) once."""

    @functools.cache
    def build(name: str) -> Path:
        base = tmp_path_factory.mktemp("shape")
        return build_site(write_shape(base / "project", **SHAPES[name]), base / "site", strict=True)

    return build


@pytest.mark.parametrize("name", list(SHAPES))
def test_the_shape_builds_strictly(shape_site: Callable[[str], Path], name: str) -> None:
    site = shape_site(name)
    assert (site / "index.html").is_file() and (site / "status" / "index.html").is_file()


def test_a_briefing_with_its_history_builds_strictly_with_its_changes_over_pages(tmp_path: Path) -> None:
    """The dates on every fact, What's new over several pages and the corrections, every link and
    anchor of them checked by strict mode."""
    shape = dict(SHAPES["retired facts and judgments, lists split"], retired=False)
    root = write_shape(tmp_path / "project", **shape)
    git(root, "init", "-q", "-b", "main")
    commit(root, "The briefing first published", FIRST)
    topic = "briefings/topics/topic-0.yml"
    (root / topic).write_bytes((write_shape(tmp_path / "retired", **dict(shape, retired=True)) / topic).read_bytes())
    commit(root, "A fact withdrawn", WITHDRAWN)
    site = build_site(root, tmp_path / "site", strict=True)
    assert (site / "changes_page-2" / "index.html").is_file() and (site / "corrections" / "index.html").is_file()
    first = page(site, "changes").select_one(".md-content h2").find_next_sibling("ul").find("li")
    assert first.get_text(" ", strip=True).startswith("Fact withdrawn: Withdrawn: no source says it.")
    record = page(site, "topics/topic-0").find("article", id="t0-f1").select_one(".bf-record")
    assert record.get_text() == "Added 20 November 2026 · Withdrawn 1 December 2026"


def test_a_legend_without_denials_links_its_denials_filter_to_its_own_section(
        shape_site: Callable[[str], Path]) -> None:
    """Issue 17: a split legend linked `status/denied.md`, which no briefing without a denial has."""
    site = shape_site("no denials, lists split")
    legend = page(site, "status")
    filters = {a.get_text(): a["href"] for a in legend.select(".bf-filters a")}
    assert filters["denied by a party (0)"] == "#denied"
    assert "No fact records a denial." in legend.find("section", id="denied").get_text()
    assert not (site / "status" / "denied").exists()
    reported = next(href for words, href in filters.items() if words.startswith("reported ("))
    assert reported == "reported/"  # a status with facts has its list page


def test_strict_mode_fails_on_a_link_to_a_page_that_is_not_written(tmp_path: Path) -> None:
    """The builds above would pass a broken link if strict mode were not counting warnings."""
    root = write_shape(tmp_path / "project", **SHAPES["one topic with one fact"])
    home = root / "templates" / "home.md.j2"
    home.write_text(home.read_text(encoding="utf-8") + "\n[Nowhere](status/nowhere.md)\n", encoding="utf-8")
    with pytest.raises(SiteBuildError):
        build_site(root, tmp_path / "site")
