"""The preview's run: ``mkdocs serve`` and ``briefing serve``, one path, its state in one object.

Under either command the plugin keeps one :class:`Preview` for the whole session. It keeps
an :class:`~generator.incremental.IncrementalSite`, which plans and renders again only what
an edit changed, and hands MkDocs the files from a folder of its own (``live.PreviewFiles``),
so that MkDocs' dirty builds convert only the pages whose Markdown changed; the search index
and the downloads are then written in the background once the pages are served
(``live.CatchUp``). While the briefing has errors its problems are served as pages instead
(``preview``).

MkDocs makes its server's rebuilds dirty only under ``mkdocs serve --dirty``. Every MkDocs
user types ``mkdocs serve``, which would convert and write every page on every edit (35 s an
edit at 2,000 facts): so the preview gives MkDocs' server (``on_serve``) rebuilds of its own
(:class:`DirtyRebuilds`), MkDocs' documented ``build(config, serve_url=..., dirty=True)`` on
the configuration read again, as MkDocs' own rebuilds read it. ``briefing serve`` runs MkDocs'
``serve`` the same way, so both commands take this one path.

Memory (``memory``): after generating everything the preview sets what it keeps aside from
the garbage collector, and pauses automatic collection during each rebuild until its pages
are written.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import Environment, TemplateError
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from generator.errors import BriefingError
from generator.exports import SearchEntry
from generator.generate import GeneratedSite, Outputs, generate
from generator.incremental import CompiledTemplates, IncrementalSite
from generator.mkdocs_adapter import memory
from generator.mkdocs_adapter.config import BriefingPluginConfig
from generator.mkdocs_adapter.live import CatchUp, DirtyWarningFilter, Job, PreviewFiles, Ticket, write_file
from generator.mkdocs_adapter.preview import problems_site, template_problem
from generator.mkdocs_adapter.progress import Progress
from generator.mkdocs_adapter.runs import SEARCH_BUNDLE, Run
from generator.pagefind_service import search_records, write_search_bundle
from generator.vocabulary import plural

log = logging.getLogger("mkdocs.plugins.briefing")
#: What the search worker says in the preview only: that the index may be catching up.
WORKER_IN_PREVIEW = (b"const PREVIEW = false", b"const PREVIEW = true")
#: MkDocs' logger of its dirty builds' warning, which the preview quiets (``DirtyWarningFilter``)
BUILD_LOG = "mkdocs.commands.build"


class Preview(Run):
    """The preview's state for one session and what each of MkDocs' events does with it."""

    def __init__(self, options: BriefingPluginConfig, new_progress: Callable[[], Progress]) -> None:
        super().__init__(options, new_progress)
        #: the last site generated without errors (the preview keeps its pages and nav)
        self.last_good: GeneratedSite | None = None
        self.incremental: IncrementalSite | None = None
        self.files_folder = PreviewFiles()
        self.catch_up = CatchUp(SEARCH_BUNDLE)
        #: this rebuild's exports and search entries, when it makes them after its pages
        self.later: Callable[[], Outputs] | None = None
        #: the theme's templates, compiled once for the preview's rebuilds
        self.theme_templates = CompiledTemplates()
        #: whether what the preview keeps is set aside from the garbage collector
        self.settled = False
        self._quiet_dirty = DirtyWarningFilter()
        logging.getLogger(BUILD_LOG).addFilter(self._quiet_dirty)

    def generate(self, config: MkDocsConfig) -> GeneratedSite:
        self.later = None
        self.catch_up.supersede()
        if self.settled:  # a rebuild, after the preview generated everything
            memory.pause_collector()
        try:
            site = self._generate(config)
        except BriefingError as exc:
            return problems_site(exc.problems, self.last_good)
        except TemplateError as exc:
            return problems_site([template_problem(exc, self.root)], self.last_good)
        self.last_good = site
        return site

    def _generate(self, config: MkDocsConfig) -> GeneratedSite:
        if not self.options.incremental:
            return generate(self.root, directory_urls=config.use_directory_urls, on_stage=self.on_stage)
        if self.incremental is None or (self.incremental.root, self.incremental.directory_urls) != (
                self.root, config.use_directory_urls):
            self.incremental = IncrementalSite(self.root, directory_urls=config.use_directory_urls)
        site = self.incremental.generate(self.on_stage, outputs_later=True)
        self.later, done = self.incremental.later, self.incremental.last
        if done.everything:
            memory.settle()
            self.settled = True
        else:
            log.info(f"briefing: {plural(done.pages_rendered, 'page')} of {done.pages:,} rendered again "
                     f"({done.units_planned:,} of {done.units:,} parts of the site planned again)")
        return site

    def search_worker(self) -> bytes:
        """The worker, told that it is in the preview (it then says when the index is out of date)."""
        return super().search_worker().replace(*WORKER_IN_PREVIEW, 1)

    def generated_files(self, site: GeneratedSite, config: MkDocsConfig) -> list[File]:
        generated = self.files_folder.hand_over(site, config)
        self.files_folder.remove_stale(config)
        return generated

    def nav(self, nav: Navigation) -> Navigation:
        self.files_folder.restore(nav)  # pages a dirty build skips keep their titles in the navigation
        return nav

    def env(self, env: Environment) -> Environment:
        env.bytecode_cache = self.theme_templates
        return env

    def page_converted(self, page: Page, html_text: str) -> str:
        html_text = super().page_converted(page, html_text)
        self.files_folder.remember(page)
        return html_text

    def write_search(self, site_dir: Path) -> None:
        assert self.site is not None
        self.catch_up.request(site_dir, catch_up_job(self.later, self.site.search, self.page_urls,
                                                     self.options.search_shard_words, site_dir))

    def done(self) -> None:
        memory.resume_collector()
        super().done()
        self.progress = None  # the preview's first build reports its progress, its rebuilds do not

    def serve(self, server: Any, config: MkDocsConfig, builder: Callable[..., Any]) -> Any:
        server = super().serve(server, config, builder)
        server.builder = DirtyRebuilds(config)
        return server

    def close(self) -> None:
        self.catch_up.close()
        self.files_folder.close()
        logging.getLogger(BUILD_LOG).removeFilter(self._quiet_dirty)
        memory.resume_collector()
        if self.settled:  # what the preview set aside is garbage now
            memory.unsettle()
            self.settled = False


def catch_up_job(later: Callable[[], Outputs] | None, entries: list[SearchEntry], page_urls: dict[str, str],
                 shard_words: int, site_dir: Path) -> Job:
    """What the preview writes once a rebuild's pages are served: the exports it left for later
    and the search index; each step only while no newer build has started."""

    def job(bundle: Path, ticket: Ticket) -> int:
        ticket.check()
        outputs = later() if later is not None else None
        if outputs is not None:
            files = outputs.files

            def write() -> None:
                for uri, data in files.items():
                    write_file(site_dir / uri, data)

            ticket.write(write)
        searched = outputs.search if outputs is not None else entries
        return write_search_bundle(ticket.checked(search_records(searched, page_urls)), bundle, shard_words)

    return job


#: Options of ``mkdocs serve``'s command line that a rebuild keeps (the others do not change a build).
COMMAND_LINE = ("strict", "use_directory_urls")


class DirtyRebuilds:
    """The server's rebuilds, as ``mkdocs serve --dirty`` makes them: the configuration read
    again from mkdocs.yml, with what the command line set, then MkDocs' dirty build."""

    def __init__(self, config: MkDocsConfig) -> None:
        self.config_file = config.config_file_path
        self.site_dir = config.site_dir
        self.serve_url = config.site_url  # MkDocs' serve has set it to the server's address
        from_file = load_config(config_file=self.config_file, site_dir=self.site_dir)
        self.overrides: dict[str, Any] = {key: config[key] for key in COMMAND_LINE if config[key] != from_file[key]}
        if config.theme.name != from_file.theme.name:
            self.overrides["theme"] = config.theme.name

    def __call__(self) -> None:
        logging.getLogger("mkdocs.commands.serve").info("Building documentation...")
        config = load_config(config_file=self.config_file, site_dir=self.site_dir, **self.overrides)
        config.site_url = self.serve_url
        build(config, serve_url=self.serve_url, dirty=True)
