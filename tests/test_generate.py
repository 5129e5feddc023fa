"""The shared core and its Markdown face: generate() and `briefing build --markdown`."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import CASES, MakeProject, copy_project_frame, run_briefing

CASES_SHIPMENT = (CASES / "minimal" / "briefings" / "topics" / "shipment.yml").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def minimal_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`briefing build --markdown` of tests/cases/minimal, run once for the tests that read it."""
    root = copy_project_frame(tmp_path_factory.mktemp("markdown") / "project")
    shutil.copytree(CASES / "minimal" / "briefings", root / "briefings")
    out = root.parent / "md"
    result = run_briefing("build", "--markdown", str(out), cwd=root)
    assert result.returncode == 0, result.stderr
    return out


def test_markdown_tree_holds_pages_assets_and_nav(minimal_tree: Path) -> None:
    out = minimal_tree
    written = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert {"index.md", "topics/shipment.md", "timeline.md", "status.md", "sources/index.md",
            "sources/alpha-report.md", "sources/beta-report.md", "entities/index.md",
            "entities/alpha-country.md", "assets/briefing.css", "_nav.yml"} <= written
    nav = yaml.safe_load((out / "_nav.yml").read_text())["nav"]
    assert nav[0] == {"Home": "index.md"}
    assert {"Topics": ["topics/shipment.md"]} in nav
    topic = (out / "topics/shipment.md").read_text()
    assert topic.startswith("---\ndescription: ")
    assert '<article class="bf-fact bf-fact--reported" id="goat-count" markdown>' in topic
    assert "[^goat-count-1]: [Alpha report on the shipment](../sources/alpha-report.md)" in topic


def test_a_broken_briefing_writes_nothing(make_project: MakeProject, tmp_path: Path) -> None:
    root = make_project({"briefings/topics/shipment.yml": "title: x\nsummary: y\nfacts: []\n"})
    out = tmp_path / "md"
    result = run_briefing("build", "--markdown", str(out), cwd=root)
    assert result.returncode == 1
    assert "briefings/topics/shipment.yml:3:8: error: 'facts' needs at least one item" in result.stderr
    assert not out.exists()


def test_core_modules_never_import_mkdocs(repo_root: Path) -> None:
    code = ("import sys, generator.generate, generator.tree, generator.cli; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'mkdocs'))")
    out = subprocess.run([sys.executable, "-c", code], cwd=repo_root, capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"


def test_deploy_base_url_from_the_environment_wins(make_project: MakeProject, tmp_path: Path,
                                                   monkeypatch) -> None:
    from generator.check import load_settings
    from generator.errors import BriefingError

    root = make_project()
    monkeypatch.setenv("BRIEFING_BASE_URL", "https://pages.example.org/briefing/")
    assert load_settings(root).base_url == "https://pages.example.org/briefing/"
    monkeypatch.setenv("BRIEFING_BASE_URL", "javascript:alert(1)")
    try:
        load_settings(root)
    except BriefingError as exc:
        assert exc.problems[0].format().startswith("$BRIEFING_BASE_URL:1:1: error: 'javascript:alert(1)'")
    else:
        raise AssertionError("an unsafe base URL was accepted")


def test_markdown_files_are_readable_by_others(minimal_tree: Path) -> None:
    assert (minimal_tree / "index.md").stat().st_mode & 0o044 == 0o044


def test_an_edited_template_is_used_by_the_next_build(make_project: MakeProject) -> None:
    import os

    from generator.generate import generate

    root = make_project()
    assert b"Edited home page" not in generate(root).files["index.md"]
    template = root / "templates" / "home.md.j2"
    template.write_text(template.read_text() + "\nEdited home page\n")
    later = template.stat().st_mtime + 10
    os.utime(template, (later, later))
    assert b"Edited home page" in generate(root).files["index.md"]


def test_every_front_matter_reads_back_as_the_description_given(repo_root: Path,
                                                               make_project: MakeProject) -> None:
    """Front matter holds only the page's description, which MkDocs' own reader gets back as
    the words written (HTML-escaped for the theme), on every page of the real briefing and of
    one whose summary YAML would trip on."""
    import html

    from mkdocs.utils.meta import get_data

    from generator.generate import generate

    summary = 'key: value # not a comment, "quoted" & <b>x</b> 🐐 ---'
    written = f"summary: {json.dumps(summary, ensure_ascii=False)}"
    awkward = make_project({"briefings/topics/shipment.yml": CASES_SHIPMENT.replace(
        'summary: "Alpha sent goats to *Beta*, the sources say."', written)})
    pages = [(uri, data.decode("utf-8")) for root in (repo_root, awkward)
             for uri, data in generate(root).files.items() if uri.endswith(".md")]
    assert len(pages) > 40
    for uri, text in pages:
        body, meta = get_data(text)
        assert set(meta) == {"description"} and meta["description"], uri
        assert body.lstrip().startswith("# "), uri
    awkward_topic = get_data(generate(awkward).files["topics/shipment.md"].decode("utf-8"))[1]
    assert awkward_topic["description"] == html.escape(summary, quote=True)


def test_no_level_of_the_navigation_grows_with_the_briefing() -> None:
    """Every page renders the navigation: a level listing every topic (or every group of
    topics) would make each page grow with the briefing and the build with its square."""
    from types import SimpleNamespace

    from generator.pages.nav import NAV_GROUP_SIZE, plan_nav
    from generator.settings import Settings

    def levels(entries: list[Any]) -> Iterator[list[Any]]:
        yield entries
        for entry in entries:
            if isinstance(entry, dict) and isinstance(next(iter(entry.values())), list):
                yield from levels(next(iter(entry.values())))

    def pages(entries: list[Any]) -> Iterator[str]:
        for entry in entries:
            value = next(iter(entry.values())) if isinstance(entry, dict) else entry
            yield from pages(value) if isinstance(value, list) else [value]

    for count in (3, 26, 1000, 20000):
        topics = [f"topic-{n}" for n in range(count)]
        nav = plan_nav(SimpleNamespace(topic_order=topics, judgments=[], entities={}), Settings())  # type: ignore[arg-type]
        section = next(entry["Topics"] for entry in nav if "Topics" in entry)
        assert max(len(level) for level in levels(section)) <= NAV_GROUP_SIZE
        assert list(pages(section)) == [f"topics/{t}.md" for t in topics]  # all, in order
    assert [next(iter(g)) for g in section] == ["Topics 1–15625", "Topics 15626–20000"]
