"""The preview face: ``briefing serve`` runs MkDocs' live-reloading server on loopback.

It runs MkDocs' ``serve`` as ``mkdocs serve`` does, so both commands take the one preview
path (``session``): MkDocs rebuilds on every change to the files the plugin watches
(``briefings/``, ``templates/``, ``site_config.yml``), with dirty builds: the plugin plans and
renders again only what the edit changed (``incremental``) and MkDocs converts only the pages
whose Markdown changed (``live``); while the briefing has errors the plugin serves
``preview.error_site`` instead of failing. The one case MkDocs itself does not survive is
a first build that fails for another reason (an invalid ``mkdocs.yml``): :func:`serve`
then waits for a change to the project's files and tries again, so nobody has to restart
the command.
"""

from __future__ import annotations

import errno
import logging
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from jinja2 import TemplateError

from generator.errors import BriefingError
from generator.mkdocs_adapter.build import NO_CONFIG, NO_CONFIG_HINT, quiet_mkdocs_logging
from generator.mkdocs_adapter.preview import problems_log
from generator.settings import CONFIG_NAME, Settings, load_settings, project_paths

POLL_SECONDS = 0.5

log = logging.getLogger("mkdocs.briefing.serve")


class PreviewError(BriefingError):
    """The preview cannot run (its port is taken, its configuration is missing): located at
    the option or file to change."""

    kind = "preview not started"


def serve(root: Path, *, port: int, config_file: str = "mkdocs.yml", open_browser: bool = False,
          strict: bool | None = None) -> None:
    """Serve the project's site on ``http://127.0.0.1:<port>/`` until interrupted."""
    from mkdocs.commands.serve import serve as mkdocs_serve
    from mkdocs.exceptions import MkDocsException

    quiet_mkdocs_logging(verbose=True)
    problems_log.handlers[:] = logging.getLogger("mkdocs").handlers
    problems_log.propagate = False
    config_path = (root / config_file).resolve()
    if not config_path.is_file():
        raise PreviewError.at(config_file, f"the preview did not start: no such file in {root}", NO_CONFIG_HINT,
                              kind=NO_CONFIG)
    while True:
        try:
            mkdocs_serve(config_file=str(config_path), dev_addr=f"127.0.0.1:{port}", livereload=True,
                         open_in_browser=open_browser, strict=strict)
            return
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise PreviewError.at("--port", f"the preview did not start: port {port} on 127.0.0.1 is in use",
                                      "pass another --port, or stop what serves on this one") from None
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


def project_inputs(root: Path) -> list[Path]:
    """The briefing's own inputs, which the preview watches: the briefings and templates
    folders and ``site_config.yml`` (the default folders while the settings do not load)."""
    try:
        settings = load_settings(root)
    except BriefingError:
        settings = Settings()
    briefings_dir, templates_dir = project_paths(root, settings)
    return [briefings_dir, templates_dir, root / CONFIG_NAME]


def watched_paths(root: Path, config_path: Path) -> list[Path]:
    """The files and folders whose change can fix a failed first build."""
    return [*project_inputs(root), config_path, root / "docs"]


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
