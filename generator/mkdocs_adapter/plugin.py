"""The MkDocs face: a thin plugin that hands the generated briefing to MkDocs.

``on_config`` runs the core (``generate``) and gives MkDocs the site's name, description,
URL and navigation from ``site_config.yml``; ``on_files`` adds every generated page and
asset with ``File.generated`` (nothing is written to ``docs/``) and the search dialog's
worker (``search-worker.js``, beside this module), and leaves out Material's own Lunr
search; ``on_post_build`` has Pagefind write the search index (``pagefind_service``) from
the core's search entries; ``on_serve`` watches the briefing, the templates and the
settings. A briefing with errors stops the build with every located problem, no traceback;
under ``mkdocs serve`` the problems are served as pages instead (``preview``). The options
are in ``config``; a build's progress is reported by ``progress``.

In the preview the plugin keeps one :class:`~generator.incremental.IncrementalSite`, which
plans and renders again only what an edit changed, and hands MkDocs the files from a folder
of its own (``live``), so that MkDocs' dirty builds convert only the pages whose Markdown
changed; the search index is then written in the background once the pages are served.

Memory, measured at 20,000 facts (``benchmarks/README.md``): in a build (not in the preview,
which keeps everything for its rebuilds and error pages) the plugin lets go of each generated
page's bytes and Markdown once MkDocs has converted it and of its HTML once it is written, so
the build holds each page once rather than three times (1,228 MiB without, 758 MiB with); and
it hands the freed memory back to the system before the search indexer starts, so the build
and the indexer, a process of its own, are not both at their peak (1,018 MiB without, 755 MiB
with, the two processes together).
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import html
import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import Environment, TemplateError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from generator.errors import BriefingError
from generator.exports import SearchEntry, lift_jsonld
from generator.generate import GeneratedSite, Outputs, generate
from generator.incremental import CompiledTemplates, IncrementalSite
from generator.mkdocs_adapter.config import BriefingPluginConfig
from generator.mkdocs_adapter.live import CatchUp, DirtyWarningFilter, Job, PreviewFiles, write_file
from generator.mkdocs_adapter.preview import problems_site, template_problem
from generator.mkdocs_adapter.progress import Progress
from generator.mkdocs_adapter.serve import project_inputs
from generator.mkdocs_adapter.toc import without_fact_headings
from generator.pagefind_service import SearchIndexError, search_records, write_search_bundle
from generator.vocabulary import plural

log = logging.getLogger("mkdocs.plugins.briefing")

#: The search bundle's folder in the built site (read by the search worker).
SEARCH_BUNDLE = "pagefind"
#: The worker behind Material's search dialog (the dialog adapter), and where the site has it
#: (``templates/theme/main.html`` points the dialog there).
SEARCH_WORKER_SOURCE = Path(__file__).with_name("search-worker.js")
SEARCH_WORKER = "assets/search-worker.js"
#: Material's own search, which the site does not load: its Lunr worker and the word
#: splitters that worker loads. Left out of the site: 36 files, 1.2 MB.
MATERIAL_SEARCH_ASSETS = ("assets/javascripts/lunr/", "assets/javascripts/workers/search.")
#: What Material's search dialog fetches before it starts the search worker.
EMPTY_MATERIAL_INDEX = {"config": {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": []}, "docs": []}


class BriefingPlugin(BasePlugin[BriefingPluginConfig]):
    """Generates the briefing's pages from YAML on every build."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.site: GeneratedSite | None = None
        self.serving = False
        #: the last site generated without errors (the preview keeps its pages and nav)
        self.last_good: GeneratedSite | None = None
        #: generated page uri -> its URL in the built site (for the search records)
        self.page_urls: dict[str, str] = {}
        #: the uris of the generated pages
        self.generated: set[str] = set()
        #: the preview's: the site generated again and again, its files for dirty builds, its search
        self.incremental: IncrementalSite | None = None
        self.preview: PreviewFiles | None = None
        self.catch_up: CatchUp | None = None
        #: this rebuild's exports and search entries, when the preview makes them after its pages
        self.later: Callable[[], Outputs] | None = None
        self.theme_templates = CompiledTemplates()
        #: how a build reports its progress (replaced by tests); None once the preview is up
        self.new_progress: Callable[[], Progress] = Progress
        self.progress: Progress | None = None
        self._quiet_dirty = DirtyWarningFilter()
        self.frozen = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup also makes MkDocs keep this plugin across serve's rebuilds.
        self.serving = command == "serve"
        self.progress = self.new_progress() if self.config.progress else None
        if self.serving:
            self.preview = PreviewFiles()
        if self.serving and dirty:
            self.catch_up = CatchUp(SEARCH_BUNDLE)
            logging.getLogger("mkdocs.commands.build").addFilter(self._quiet_dirty)

    def on_shutdown(self) -> None:
        if self.catch_up is not None:
            self.catch_up.close()
        if self.preview is not None:
            self.preview.close()
        logging.getLogger("mkdocs.commands.build").removeFilter(self._quiet_dirty)
        gc.enable()
        if self.frozen:  # what the preview set aside is garbage now
            gc.unfreeze()
            self.frozen = False
        self.serving, self.last_good, self.incremental, self.preview, self.catch_up = False, None, None, None, None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        assert self.config.root is not None  # ProjectFolder fills it in
        root = Path(self.config.root)
        self.later = None
        if self.catch_up is not None:
            self.catch_up.supersede()
        if self.frozen:  # a rebuild of the preview, after it generated everything
            pause_collector()
        try:
            self.site = self._generate(root, config)
        except BriefingError as exc:
            if not self.serving:
                raise PluginError("the briefing has errors:\n" + exc.report()) from None
            self.site = problems_site(exc.problems, self.last_good)
        except TemplateError as exc:
            if not self.serving:
                raise  # with its traceback: the template's author needs it
            self.site = problems_site([template_problem(exc, root)], self.last_good)
        else:
            self.last_good = self.site if self.serving else None
        _apply_settings(config, self.site)
        return config

    def _generate(self, root: Path, config: MkDocsConfig) -> GeneratedSite:
        on_stage = self.progress.stage if self.progress else None
        if not (self.serving and self.config.incremental):
            return generate(root, directory_urls=config.use_directory_urls, on_stage=on_stage)
        if self.incremental is None or (self.incremental.root, self.incremental.directory_urls) != (
                root, config.use_directory_urls):
            self.incremental = IncrementalSite(root, directory_urls=config.use_directory_urls)
        site = self.incremental.generate(on_stage, outputs_later=self.catch_up is not None)
        self.later, done = self.incremental.later, self.incremental.last
        if done.everything:
            settle_preview_memory()
            self.frozen = True
        else:
            log.info(f"briefing: {plural(done.pages_rendered, 'page')} of {done.pages:,} rendered again "
                     f"({done.units_planned:,} of {done.units:,} parts of the site planned again)")
        return site

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.site is not None
        for unused in [file for file in files if file.src_uri.startswith(MATERIAL_SEARCH_ASSETS)
                       and file.src_dir != config.docs_dir]:  # the theme's, not the project's
            files.remove(unused)
        worker = SEARCH_WORKER_SOURCE.read_bytes()
        if self.catch_up is not None:  # the worker says when the preview's index is out of date
            worker = worker.replace(b"const PREVIEW = false", b"const PREVIEW = true", 1)
        if self.preview is not None:
            generated = self.preview.hand_over(self.site, config)
            self.preview.remove_stale(config)
        else:
            generated = [File.generated(config, uri, content=content) for uri, content in self.site.files.items()]
        for file in [*generated, File.generated(config, SEARCH_WORKER, content=worker)]:
            if (existing := files.get_file_from_path(file.src_uri)) is not None:
                files.remove(existing)
            files.append(file)
        self.page_urls = {file.src_uri: file.url for file in files.documentation_pages()}
        self.generated = {uri for uri in self.site.files if uri.endswith(".md")}
        if not self.serving:  # MkDocs' Files hold the bytes now
            self.site.files = {}
        if self.progress:
            self.progress.stage("render pages", total=len(self.page_urls))
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        if self.preview is not None:  # pages a dirty build skips keep their titles in the navigation
            self.preview.restore(nav)
        return nav

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        if self.serving:  # the theme's templates, compiled once for the preview's rebuilds
            env.bytecode_cache = self.theme_templates
        return env

    def on_page_content(self, html_text: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.progress:
            self.progress.page_converted()
        page.toc.items = without_fact_headings(page.toc.items)
        if self.preview is not None:
            self.preview.remember(page)
        if self._lets_go(page):  # converted: a build does not read the Markdown or the bytes again
            page.markdown = ""
            page.file.content_bytes = b""
        html_text, jsonld = lift_jsonld(html_text)  # for the head (templates/theme/main.html)
        if jsonld:
            page.meta["jsonld"] = jsonld
        return html_text

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if self.progress:
            self.progress.page_written()
        if self._lets_go(page):  # written next: a build does not read it again
            page.content = None
        return output

    def _lets_go(self, page: Page) -> bool:
        return not self.serving and page.file.src_uri in self.generated

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write the search bundle (``pagefind/``): a record per topic, source and entity page
        and one per fact, so a search lands on the fact itself (in the preview's dirty builds,
        in the background once the pages are served, with the exports when the rebuild left
        them for later). ``search/search_index.json`` is left empty: Material's search dialog
        asks for it before it starts the worker."""
        assert self.site is not None
        site_dir = Path(config.site_dir)
        entries, page_urls, shard_words = self.site.search, self.page_urls, self.config.search_shard_words
        stub = site_dir / "search" / "search_index.json"
        stub.parent.mkdir(parents=True, exist_ok=True)
        stub.write_text(json.dumps(EMPTY_MATERIAL_INDEX), encoding="utf-8")
        if self.catch_up is not None:
            self.catch_up.request(site_dir, _catch_up_job(self.later, entries, page_urls, shard_words, site_dir))
        else:
            if not self.serving:
                release_freed_memory()  # the search indexer needs memory of its own next
            if self.progress:
                self.progress.stage("search index")
            try:
                write_search_bundle(search_records(entries, page_urls), site_dir / SEARCH_BUNDLE, shard_words)
            except (OSError, SearchIndexError) as exc:
                raise PluginError(f"the search index could not be written: {exc}") from None
        self._done()

    def on_build_error(self, *, error: Exception) -> None:
        self._done()

    def _done(self) -> None:
        gc.enable()
        if self.progress:
            self.progress.finish()
        if self.serving:  # the preview's first build reports its progress, its rebuilds do not
            self.progress = None

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        assert self.config.root is not None
        for path in project_inputs(Path(self.config.root)):
            if path.exists():
                server.watch(str(path))
        return server


def _catch_up_job(later: Callable[[], Outputs] | None, entries: list[SearchEntry], page_urls: dict[str, str],
                  shard_words: int, site_dir: Path) -> Job:
    """What the preview writes once a rebuild's pages are served: the exports it left for later
    (unless a newer build has started) and the search index."""

    def job(bundle: Path, if_current: Callable[[Callable[[], None]], bool]) -> int:
        outputs = later() if later is not None else None
        if outputs is not None:
            files = outputs.files

            def write() -> None:
                for uri, data in files.items():
                    write_file(site_dir / uri, data)

            if_current(write)
        searched = outputs.search if outputs is not None else entries
        return write_search_bundle(search_records(searched, page_urls), bundle, shard_words)

    return job


def _apply_settings(config: MkDocsConfig, site: GeneratedSite) -> None:
    """The site's name, description, URL and navigation, from ``site_config.yml``."""
    settings = site.settings
    # The theme writes these into the HTML head without escaping: escape them here.
    config.site_name = html.escape(settings.title)
    if settings.description:
        config.site_description = html.escape(settings.description)
    if settings.base_url:
        config.site_url = settings.base_url.rstrip("/") + "/"
    if not config.nav:
        config.nav = site.nav
    if site.warnings:
        log.info(f"briefing: {plural(len(site.warnings), 'warning')}; `briefing check` lists them")
    for warning in site.warnings:
        log.debug(warning.format().replace("\n", " "))


def settle_preview_memory() -> None:
    """After the preview generated everything: collect the garbage (what was set aside before
    too), then set what is left aside (``gc.freeze``), so that the collections of the rebuilds
    that follow, each a few seconds apart, no longer go through the whole briefing (at 20,000
    facts, seconds of each rebuild: ``benchmarks/README.md``)."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def pause_collector() -> None:
    """For one rebuild of the preview, until its pages are written (``_done``): no automatic
    garbage collection. A rebuild makes a new page for each of MkDocs' files and plans the
    lists again, and each of the collections this sets off goes through everything the
    preview did not set aside; at 20,000 facts an edited status was shown after 5.8 s
    instead of 7.7 to 8.3 s, an edited claim after 2.8 s instead of 3.8 s (in one process,
    rebuilds alternating; ``benchmarks/README.md``). What a rebuild leaves in reference cycles
    waits for the first collection after it."""
    gc.disable()


def release_freed_memory() -> None:
    """Collect garbage and hand the freed memory back to the system (glibc keeps it for the
    process otherwise)."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)
