"""What the preview shows while the briefing has errors: the problems, at every page's address.

A rebuild that fails would leave MkDocs' server stalling every request until the next good
build, so while serving, the plugin never fails on a contributor's mistake: it logs every
located problem to the terminal and builds :func:`error_site` instead, the same pages at
the same addresses, each listing the problems, so the open browser reloads onto them and
back onto the briefing once the file is fixed.
"""

from __future__ import annotations

import logging
from pathlib import Path

from jinja2 import TemplateError

from generator.errors import Problem, Severity, in_order, summary
from generator.generate import GeneratedSite
from generator.inline import escape_text
from generator.settings import Settings
from generator.urls import HOME
from generator.validate import display_path

ERROR_TITLE = "The briefing has errors"

#: where the preview reports a briefing's problems: outside the "mkdocs" loggers, whose
#: warnings MkDocs' strict mode counts (that would fail the build of the error pages)
problems_log = logging.getLogger("briefing.preview")


def problems_site(problems: list[Problem], last_good: GeneratedSite | None) -> GeneratedSite:
    """What a rebuild that failed on the briefing or a template serves: the problems, logged
    to the preview's terminal and shown at every page's address (see :func:`error_site`)."""
    report_problems(problems)
    return error_site(problems, last_good)


def error_site(problems: list[Problem], last_good: GeneratedSite | None) -> GeneratedSite:
    """What the preview serves while the briefing has errors: every page of the last good
    build (or only the home page) lists the problems, as text; assets and nav stay."""
    errors = [p for p in problems if p.is_error]
    lines = [f"# {ERROR_TITLE}", "",
             escape_text("Fix these and save: the preview comes back by itself. The terminal running "
                         "the preview, and briefing check, list the same problems."), ""]
    for problem in errors:
        text = f"{problem.path}:{problem.line}:{problem.column}: {problem.message}"
        hint = f" (hint: {problem.hint})" if problem.hint else ""
        lines.append(f"- {escape_text(text + hint)}")
    page = ("\n".join(lines) + "\n").encode("utf-8")
    if last_good is None:
        return GeneratedSite(settings=Settings(), files={HOME: page}, nav=[{ERROR_TITLE: HOME}])
    files = {uri: page if uri.endswith(".md") else content for uri, content in last_good.files.items()}
    return GeneratedSite(settings=last_good.settings, files=files, nav=last_good.nav)


def template_problem(exc: TemplateError, root: Path) -> Problem:
    """A template that does not render, located as far as Jinja says."""
    filename = getattr(exc, "filename", None)
    where = display_path(Path(filename), root) if filename else "templates"
    return Problem(where, getattr(exc, "lineno", None) or 1, 1, Severity.ERROR,
                   f"template error: {exc.message or type(exc).__name__}",
                   "fix the template and save; `briefing build` shows the full traceback", kind="template error")


def report_problems(problems: list[Problem]) -> None:
    """Write the located problems to the terminal of the preview."""
    errors = [p for p in in_order(problems) if p.is_error]
    problems_log.error("the briefing has errors; the preview shows them until they are fixed:\n"
                       + "\n".join(p.format() for p in errors) + "\n" + summary(errors))
