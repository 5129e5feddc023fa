"""The preview face: ``briefing serve`` runs MkDocs' live-reloading server on loopback.

MkDocs rebuilds on every change to the files the plugin watches (``briefings/``,
``templates/``, ``site_config.yml``). A rebuild that fails would leave MkDocs' server
stalling every request until the next good build, so while serving the plugin never
fails on a contributor's mistake: it logs every located problem to the terminal and
builds :func:`error_site` instead, the same pages at the same addresses, each listing
the problems, so the open browser reloads onto them and back onto the briefing once the
file is fixed. The one case MkDocs itself does not survive is a first build that fails
for another reason (an invalid ``mkdocs.yml``): :func:`serve` then waits for a change to
the project's files and tries again, so nobody has to restart the command.
"""

from __future__ import annotations

import errno
import logging
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import click
from jinja2 import TemplateError

from generator.check import _display, load_settings
from generator.errors import BriefingError, Problem, Severity
from generator.generate import GeneratedSite
from generator.inline import escape_text
from generator.settings import CONFIG_NAME, Settings, project_paths

POLL_SECONDS = 0.5
ERROR_TITLE = "The briefing has errors"

log = logging.getLogger("mkdocs.briefing.serve")
#: where the preview reports a briefing's problems: outside the "mkdocs" loggers, whose
#: warnings MkDocs' strict mode counts (that would fail the build of the error pages)
problems_log = logging.getLogger("briefing.preview")


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
        return GeneratedSite(settings=Settings(), files={"index.md": page}, nav=[{ERROR_TITLE: "index.md"}])
    files = {uri: page if uri.endswith(".md") else content for uri, content in last_good.files.items()}
    return GeneratedSite(settings=last_good.settings, files=files, nav=last_good.nav)


def template_problem(exc: TemplateError, root: Path) -> Problem:
    """A template that does not render, located as far as Jinja says."""
    filename = getattr(exc, "filename", None)
    where = _display(Path(filename), root) if filename else "templates"
    return Problem(where, getattr(exc, "lineno", None) or 1, 1, Severity.ERROR,
                   f"template error: {exc.message or type(exc).__name__}",
                   "fix the template and save; `briefing build` shows the full traceback")


def report_problems(problems: list[Problem]) -> None:
    """Write the located problems to the terminal of the preview."""
    errors = sum(1 for p in problems if p.is_error)
    problems_log.error("the briefing has errors; the preview shows them until they are fixed:\n"
                       + "\n".join(p.format() for p in sorted(problems) if p.is_error)
                       + f"\n{errors} error(s)")


def serve(root: Path, *, port: int, config_file: str = "mkdocs.yml", open_browser: bool = False,
          strict: bool | None = None) -> None:
    """Serve the project's site on ``http://127.0.0.1:<port>/`` until interrupted."""
    from mkdocs.commands.serve import serve as mkdocs_serve
    from mkdocs.exceptions import MkDocsException

    from generator.site_build import quiet_mkdocs_logging

    quiet_mkdocs_logging(verbose=True)
    problems_log.handlers[:] = logging.getLogger("mkdocs").handlers
    problems_log.propagate = False
    config_path = (root / config_file).resolve()
    if not config_path.is_file():
        raise click.ClickException(f"{config_file} not found in {root}: run the command from the project "
                                   "folder, or pass --root")
    while True:
        try:
            mkdocs_serve(config_file=str(config_path), dev_addr=f"127.0.0.1:{port}", livereload=True,
                         open_in_browser=open_browser, strict=strict)
            return
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise click.ClickException(f"port {port} on 127.0.0.1 is in use: pass another --port"
                                           ) from None
            raise
        except (MkDocsException, TemplateError, BriefingError) as exc:
            if isinstance(exc, BriefingError):
                log.error(exc.report())
            elif isinstance(exc, TemplateError):
                log.error(f"template error: {exc}")
            log.error("The preview cannot start until the problems above are fixed; save a fix and it "
                      "starts by itself (Ctrl-C to stop).")
        try:
            wait_for_change(watched_paths(root, config_path))
        except KeyboardInterrupt:
            return
        log.info("Detected file changes, trying again")


def watched_paths(root: Path, config_path: Path) -> list[Path]:
    """The files and folders whose change can fix a failed first build."""
    try:
        settings = load_settings(root)
    except BriefingError:
        settings = Settings()
    briefings_dir, templates_dir = project_paths(root, settings)
    return [briefings_dir, templates_dir, root / CONFIG_NAME, config_path, root / "docs"]


def wait_for_change(paths: Iterable[Path], *, sleep: Callable[[float], None] = time.sleep) -> None:
    """Return once any file under ``paths`` is added, removed or modified."""
    paths = list(paths)
    before = _snapshot(paths)
    while _snapshot(paths) == before:
        sleep(POLL_SECONDS)


def _snapshot(paths: list[Path]) -> dict[Path, tuple[int, int]]:
    state: dict[Path, tuple[int, int]] = {}
    for path in paths:
        files = [path] if path.is_file() else sorted(path.rglob("*")) if path.is_dir() else []
        for file in files:
            try:
                stat = file.stat()
            except OSError:
                continue
            state[file] = (stat.st_mtime_ns, stat.st_size)
    return state
