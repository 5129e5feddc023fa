"""What the plugin does in one command: a run, to which ``plugin`` hands each of MkDocs' events.

:class:`Run` is what every command does: ``on_config`` generates the briefing and gives MkDocs
the site's name, description, URL and navigation from ``site_config.yml``; ``on_files`` adds
every generated page and asset with ``File.generated`` (nothing is written to ``docs/``) and
the search dialog's worker (``search-worker.js``, beside this module), and leaves out
Material's own Lunr search; ``on_post_build`` writes the search index (``pagefind_service``)
from the generator's search entries; ``on_serve`` watches the briefing, the templates and the
settings. :class:`SiteBuild` is ``mkdocs build`` (and ``mkdocs serve --clean``): a briefing
with errors stops it with every located problem, no traceback. The preview (``mkdocs serve``,
``briefing serve``) is ``session.Preview``.

Memory, measured at 20,000 facts (``benchmarks/README.md``): a build lets go of each generated
page's bytes and Markdown once MkDocs has converted it and of its HTML once it is written, so
the build holds each page once rather than three times (1,228 MiB without, 758 MiB with); and
it hands the freed memory back to the system before the search indexer starts
(``memory.release_freed_memory``).
"""

from __future__ import annotations

import html
import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from generator.errors import BriefingError
from generator.exports import lift_jsonld
from generator.generate import GeneratedSite, generate
from generator.mkdocs_adapter import memory
from generator.mkdocs_adapter.config import BriefingPluginConfig
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


class Run:
    """One command's run of the plugin: what each of MkDocs' events does in it."""

    def __init__(self, options: BriefingPluginConfig, new_progress: Callable[[], Progress]) -> None:
        #: the plugin's options, as MkDocs read them for this build (``on_config`` renews them)
        self.options = options
        self.site: GeneratedSite | None = None
        #: how the run reports its progress (None once there is nothing to report)
        self.progress: Progress | None = new_progress() if options.progress else None
        #: generated page uri -> its URL in the built site (for the search records)
        self.page_urls: dict[str, str] = {}
        #: the uris of the generated pages
        self.generated: set[str] = set()

    @property
    def root(self) -> Path:
        assert self.options.root is not None  # ProjectFolder fills it in
        return Path(self.options.root)

    def on_stage(self, name: str, total: int = 0) -> None:
        if self.progress:
            self.progress.stage(name, total=total)

    # -- MkDocs' events, in the order of a build -----------------------------------------------

    def configure(self, config: MkDocsConfig) -> None:
        """``on_config``: generate the site and give MkDocs its settings and navigation."""
        self.site = self.generate(config)
        apply_settings(config, self.site)

    def generate(self, config: MkDocsConfig) -> GeneratedSite:
        raise NotImplementedError

    def files(self, files: Files, config: MkDocsConfig) -> Files:
        """``on_files``: the generated files and the search worker, without Material's search."""
        assert self.site is not None
        for unused in [file for file in files if file.src_uri.startswith(MATERIAL_SEARCH_ASSETS)
                       and file.src_dir != config.docs_dir]:  # the theme's, not the project's
            files.remove(unused)
        worker = File.generated(config, SEARCH_WORKER, content=self.search_worker())
        for file in [*self.generated_files(self.site, config), worker]:
            if (existing := files.get_file_from_path(file.src_uri)) is not None:
                files.remove(existing)
            files.append(file)
        self.page_urls = {file.src_uri: file.url for file in files.documentation_pages()}
        self.generated = {uri for uri in self.site.files if uri.endswith(".md")}
        self.handed_over(self.site)
        self.on_stage("render pages", len(self.page_urls))
        return files

    def search_worker(self) -> bytes:
        return SEARCH_WORKER_SOURCE.read_bytes()

    def generated_files(self, site: GeneratedSite, config: MkDocsConfig) -> list[File]:
        raise NotImplementedError

    def handed_over(self, site: GeneratedSite) -> None:
        """MkDocs holds the generated files now."""

    def nav(self, nav: Navigation) -> Navigation:
        return nav

    def env(self, env: Environment) -> Environment:
        return env

    def page_converted(self, page: Page, html_text: str) -> str:
        """``on_page_content``: the page's contents without the facts' headings, and its JSON-LD
        lifted for the head (``templates/theme/main.html``), where instant navigation never runs it."""
        if self.progress:
            self.progress.page_converted()
        page.toc.items = without_fact_headings(page.toc.items)
        html_text, jsonld = lift_jsonld(html_text)
        if jsonld:
            page.meta["jsonld"] = jsonld
        return html_text

    def page_written(self, page: Page) -> None:
        if self.progress:
            self.progress.page_written()

    def post_build(self, config: MkDocsConfig) -> None:
        """``on_post_build``: the search bundle (``pagefind/``): a record per topic, source and
        entity page and one per fact, so a search lands on the fact itself.
        ``search/search_index.json`` is left empty: Material's search dialog asks for it before
        it starts the worker."""
        site_dir = Path(config.site_dir)
        stub = site_dir / "search" / "search_index.json"
        stub.parent.mkdir(parents=True, exist_ok=True)
        stub.write_text(json.dumps(EMPTY_MATERIAL_INDEX), encoding="utf-8")
        self.write_search(site_dir)
        self.done()

    def write_search(self, site_dir: Path) -> None:
        raise NotImplementedError

    def done(self) -> None:
        """The build ended, written or failed (``on_post_build``, ``on_build_error``)."""
        if self.progress:
            self.progress.finish()

    def serve(self, server: Any, config: MkDocsConfig, builder: Callable[..., Any]) -> Any:
        """``on_serve``: the server also watches the briefing's own inputs."""
        for path in project_inputs(self.root):
            if path.exists():
                server.watch(str(path))
        return server

    def close(self) -> None:
        """``on_shutdown``."""


class SiteBuild(Run):
    """``mkdocs build``: everything generated, errors stop the build, memory let go of as the
    pages are written, the search index written before the build ends."""

    def generate(self, config: MkDocsConfig) -> GeneratedSite:
        try:
            return generate(self.root, directory_urls=config.use_directory_urls, on_stage=self.on_stage)
        except BriefingError as exc:
            raise PluginError("the briefing has errors:\n" + exc.report()) from None
        # a TemplateError goes on with its traceback: the template's author needs it

    def generated_files(self, site: GeneratedSite, config: MkDocsConfig) -> list[File]:
        return [File.generated(config, uri, content=content) for uri, content in site.files.items()]

    def handed_over(self, site: GeneratedSite) -> None:
        site.files = {}  # MkDocs' Files hold the bytes now

    def page_converted(self, page: Page, html_text: str) -> str:
        html_text = super().page_converted(page, html_text)
        if page.file.src_uri in self.generated:  # a build does not read the Markdown or the bytes again
            page.markdown = ""
            page.file.content_bytes = b""
        return html_text

    def page_written(self, page: Page) -> None:
        super().page_written(page)
        if page.file.src_uri in self.generated:  # written: a build does not read it again
            page.content = None

    def write_search(self, site_dir: Path) -> None:
        assert self.site is not None
        memory.release_freed_memory()  # the search indexer needs memory of its own next
        self.on_stage("search index")
        try:
            write_search_bundle(search_records(self.site.search, self.page_urls), site_dir / SEARCH_BUNDLE,
                                self.options.search_shard_words)
        except (OSError, SearchIndexError) as exc:
            raise PluginError(f"the search index could not be written: {exc}") from None


def apply_settings(config: MkDocsConfig, site: GeneratedSite) -> None:
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
