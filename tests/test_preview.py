"""What the preview shows while the briefing has errors (``generator/mkdocs_adapter/preview.py``):
the problems, as text, at every page's address of the last good build, and a template that does
not render, located in the template. (A live preview is tested in ``test_serve.py``.)"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from jinja2 import Environment, FileSystemLoader, TemplateSyntaxError

from generator.errors import Problem, Severity
from generator.generate import GeneratedSite
from generator.inline import escape_text
from generator.mkdocs_adapter.preview import ERROR_TITLE, error_site, problems_site, template_problem
from generator.settings import Settings

PROBLEMS = [Problem("briefings/topics/a.yml", 3, 5, Severity.ERROR, "unknown field '<b>#x</b>'", "fix *it*",
                    kind="unknown field"),
            Problem("briefings/sources/s.yml", 1, 1, Severity.WARNING, "no archive_url", "", kind="no archive_url")]


def test_error_pages_replace_every_page_and_keep_assets_and_nav() -> None:
    files = {"index.md": b"# Home", "topics/a.md": b"# A", "assets/x.css": b"css"}
    good = GeneratedSite(settings=Settings(title="T"), files=files, nav=[{"Home": "index.md"}])
    site = error_site(PROBLEMS, good)
    assert site.files["assets/x.css"] == b"css" and site.nav == good.nav and site.settings.title == "T"
    assert site.files["index.md"] == site.files["topics/a.md"]
    page = site.files["index.md"].decode()
    assert page.startswith(f"# {ERROR_TITLE}\n")
    assert "no archive\\_url" not in page  # warnings do not block the preview: not listed
    # escaped once, by the project's escaping: shown exactly as typed
    shown = "briefings/topics/a.yml:3:5: unknown field '<b>#x</b>' (hint: fix *it*)"
    assert "- " + escape_text(shown) in page


def test_before_any_good_build_the_problems_are_the_home_page() -> None:
    first = error_site(PROBLEMS, None)
    assert set(first.files) == {"index.md"} and first.nav == [{ERROR_TITLE: "index.md"}]


def test_the_problems_are_also_written_to_the_preview_terminal(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR, logger="briefing.preview"):
        site = problems_site(PROBLEMS, None)
    assert set(site.files) == {"index.md"}
    [said] = [record.getMessage() for record in caplog.records]
    assert said.startswith("the briefing has errors; the preview shows them until they are fixed:\n"
                           "briefings/topics/a.yml:3:5: error: unknown field '<b>#x</b>'")
    assert "no archive_url" not in said


def test_template_problems_are_located_in_the_template(tmp_path: Path) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates/page.md.j2").write_text("ok\n{% if %}\n")
    with pytest.raises(TemplateSyntaxError) as info:
        Environment(loader=FileSystemLoader(tmp_path / "templates")).get_template("page.md.j2")
    problem = template_problem(info.value, tmp_path)
    assert (problem.path, problem.line, problem.column) == ("templates/page.md.j2", 2, 1)
    assert problem.message.startswith("template error: Expected an expression")
