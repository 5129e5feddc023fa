"""The MkDocs face: a thin plugin that hands the generated briefing to MkDocs.

The plugin starts a run for its command (``on_startup``) and hands each of MkDocs' events to
it: ``runs.SiteBuild`` for ``mkdocs build`` (and ``mkdocs serve --clean``), ``session.Preview``
for ``mkdocs serve`` and ``briefing serve``, which take the one incremental path. What each
event does is in ``runs``; the options are in ``config``; a build's progress is reported by
``progress``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from generator.mkdocs_adapter.config import BriefingPluginConfig
from generator.mkdocs_adapter.progress import Progress
from generator.mkdocs_adapter.runs import SEARCH_BUNDLE, SEARCH_WORKER, SEARCH_WORKER_SOURCE, Run, SiteBuild
from generator.mkdocs_adapter.session import Preview

__all__ = ["SEARCH_BUNDLE", "SEARCH_WORKER", "SEARCH_WORKER_SOURCE", "BriefingPlugin"]

#: The run of each command MkDocs starts the plugin for (``serve --clean`` starts it for "build").
RUNS: dict[str, type[Run]] = {"build": SiteBuild, "gh-deploy": SiteBuild, "serve": Preview}


class BriefingPlugin(BasePlugin[BriefingPluginConfig]):
    """Generates the briefing's pages from YAML on every build."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        #: what the plugin does in the command it was started for
        self.run: Run | None = None
        #: how a run reports its progress (replaced by tests)
        self.new_progress: Callable[[], Progress] = Progress

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup also makes MkDocs keep this plugin across serve's rebuilds.
        self.run = RUNS.get(command, SiteBuild)(self.config, self.new_progress)

    def on_shutdown(self) -> None:
        if self.run is not None:
            self.run.close()
        self.run = None

    def _run(self) -> Run:
        if self.run is None:  # a build that did not start the plugin (MkDocs' API called directly)
            self.on_startup(command="build", dirty=False)
        assert self.run is not None
        return self.run

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        run = self._run()
        run.options = self.config  # as MkDocs read mkdocs.yml for this build
        run.configure(config)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        return self._run().files(files, config)

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        return self._run().nav(nav)

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        return self._run().env(env)

    def on_page_content(self, html_text: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return self._run().page_converted(page, html_text)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        self._run().page_written(page)
        return output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._run().post_build(config)

    def on_build_error(self, *, error: Exception) -> None:
        self._run().done()

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        return self._run().serve(server, config, builder)
