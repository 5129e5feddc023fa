"""The MkDocs face: a thin plugin that hands the generated pages to MkDocs in memory.

``on_config`` runs the core (``generate``) and sets the site's name, description and
navigation from ``site_config.yml``; ``on_files`` adds every generated page and asset
with ``File.generated`` (nothing is written to ``docs/``), and the search dialog's worker.
Once a page is converted the plugin lets go of the page's Markdown, so a large briefing's
build holds each page once (as HTML) rather than three times (bytes, Markdown, HTML), and
lets go of the HTML once it is written. ``on_post_build`` writes the search index (``pagefind_service``): an
entry per topic, source and entity page and per fact. ``on_serve`` watches the
briefing files, the templates and the settings so ``mkdocs serve`` regenerates on every
change. A briefing with errors stops the build with every located problem, no traceback;
under ``mkdocs serve`` it is served as pages listing the problems instead (see ``serve``).
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import html
import json
import logging
from pathlib import Path
from typing import Any

from jinja2 import TemplateError
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from generator.errors import BriefingError
from generator.generate import GeneratedSite, generate
from generator.mkdocs_adapter.preview import error_site, report_problems, template_problem
from generator.pagefind_service import SHARD_WORDS, SearchIndexError, SearchRecord, write_search_bundle
from generator.settings import CONFIG_NAME, load_settings, project_paths

log = logging.getLogger("mkdocs.plugins.briefing")

#: The search bundle's folder in the built site (read by ``assets/search-worker.js``).
SEARCH_BUNDLE = "pagefind"
#: The worker behind Material's search dialog (the dialog adapter), and where the site has it.
SEARCH_WORKER_SOURCE = Path(__file__).with_name("search-worker.js")
SEARCH_WORKER = "assets/search-worker.js"
#: Pages from which a build hands its freed memory back before the search indexer starts
#: (below, the build holds little, and collecting it would cost more than it frees).
RELEASE_MEMORY_PAGES = 200
#: Material's own search, which the site does not load: its Lunr worker and the word
#: splitters that worker loads (the search dialog talks to ``assets/search-worker.js``,
#: see ``templates/theme/main.html``). Left out of the site: 36 files, 1.2 MB.
MATERIAL_SEARCH_ASSETS = ("assets/javascripts/lunr/", "assets/javascripts/workers/search.")
#: What Material's search dialog fetches before it starts the search worker.
EMPTY_MATERIAL_INDEX = {"config": {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": []}, "docs": []}


class BriefingPluginConfig(Config):
    """Options under ``plugins: - briefing:`` in mkdocs.yml."""

    root = c.Optional(c.Type(str))
    """The project folder holding site_config.yml; default: the folder of mkdocs.yml."""
    search_shard_words = c.Type(int, default=SHARD_WORDS)
    """Words of search text per run of the search indexer, which needs about 1 kB of memory
    per word: a larger briefing's index is written in shards, merged when searching."""


class BriefingPlugin(BasePlugin[BriefingPluginConfig]):
    """Generates the briefing's pages from YAML on every build."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.site: GeneratedSite | None = None
        self.root = Path(".")
        self.serving = False
        #: the last site generated without errors (the preview keeps its pages and nav)
        self.last_good: GeneratedSite | None = None
        #: generated page uri -> its URL in the built site (for the search entries)
        self.page_urls: dict[str, str] = {}
        #: the uris of the generated pages
        self.generated: set[str] = set()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup also makes MkDocs keep this plugin across serve's rebuilds.
        self.serving = command == "serve"

    def on_shutdown(self) -> None:
        self.serving, self.last_good = False, None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.config.search_shard_words < 1:
            raise PluginError(f"search_shard_words must be a positive number of words, "
                              f"not {self.config.search_shard_words}")
        base = Path(config.config_file_path or ".").parent
        self.root = (base / self.config.root).resolve() if self.config.root else base.resolve()
        try:
            self.site = self.last_good = generate(self.root, directory_urls=config.use_directory_urls)
        except (BriefingError, TemplateError) as exc:
            if not self.serving:
                if isinstance(exc, TemplateError):
                    raise
                raise PluginError("the briefing has errors:\n" + exc.report()) from None
            # A failed rebuild would stall MkDocs' server: serve the problems instead.
            problems = exc.problems if isinstance(exc, BriefingError) else [template_problem(exc, self.root)]
            report_problems(problems)
            self.site = error_site(problems, self.last_good)
        settings = self.site.settings
        # The theme writes these into the HTML head without escaping: escape them here.
        config.site_name = html.escape(settings.title)
        if settings.description:
            config.site_description = html.escape(settings.description)
        if settings.base_url:
            config.site_url = settings.base_url.rstrip("/") + "/"
        if not config.nav:
            config.nav = self.site.nav
        if self.site.warnings:
            log.info(f"briefing: {len(self.site.warnings)} warning(s); `briefing check` lists them")
        for warning in self.site.warnings:
            log.debug(warning.format().replace("\n", " "))
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.site is not None
        for unused in [file for file in files if file.src_uri.startswith(MATERIAL_SEARCH_ASSETS)
                       and file.src_dir != config.docs_dir]:  # the theme's, not the project's
            files.remove(unused)
        generated = {**self.site.files, SEARCH_WORKER: SEARCH_WORKER_SOURCE.read_bytes()}
        for uri, content in generated.items():
            existing = files.get_file_from_path(uri)
            if existing is not None:
                files.remove(existing)
            files.append(File.generated(config, uri, content=content))
        self.page_urls = {f.src_uri: f.url for f in files.documentation_pages()}
        self.generated = {uri for uri in self.site.files if uri.endswith(".md")}
        if not self.serving:  # the Files hold the pages now; serve keeps them for its error pages
            self.site.files = {}
            self.last_good = None
        return files

    def on_page_content(self, html_text: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self._lets_go(page):
            # Converted: the Markdown and the file's bytes are not read again in a build.
            page.markdown = ""
            page.file.content_bytes = b""
        return html_text

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if self._lets_go(page):
            page.content = None  # written next: a build does not read it again
        return output

    def _lets_go(self, page: Page) -> bool:
        """Whether the plugin may drop what MkDocs no longer reads of ``page``: a generated
        page, in a build (serve keeps everything for its rebuilds and error pages)."""
        return page.file.src_uri in self.generated and not self.serving

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write the search bundle (``pagefind/``): a record per topic, source and entity page
        and one per fact, so a search lands on the fact itself. ``search/search_index.json``
        is left empty: Material's search dialog asks for it before it starts the worker."""
        site_dir = Path(config.site_dir)
        if not self.serving and len(self.generated) >= RELEASE_MEMORY_PAGES:
            release_freed_memory()  # the search indexer needs memory of its own next
        entries = self.site.search if self.site is not None else []
        records = (SearchRecord(url=self.page_urls[entry.uri] + (f"#{entry.anchor}" if entry.anchor else ""),
                                title=entry.title, content=entry.text, page=entry.page)
                   for entry in entries if entry.uri in self.page_urls)
        try:
            write_search_bundle(records, site_dir / SEARCH_BUNDLE, self.config.search_shard_words)
        except (OSError, SearchIndexError) as exc:
            raise PluginError(f"the search index could not be written: {exc}") from None
        stub = site_dir / "search" / "search_index.json"
        stub.parent.mkdir(parents=True, exist_ok=True)
        stub.write_text(json.dumps(EMPTY_MATERIAL_INDEX), encoding="utf-8")

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        settings = load_settings(self.root)
        briefings_dir, templates_dir = project_paths(self.root, settings)
        for path in (briefings_dir, templates_dir, self.root / CONFIG_NAME):
            if path.exists():
                server.watch(str(path))
        return server


def release_freed_memory() -> None:
    """Collect garbage and hand the freed memory back to the system (glibc keeps it for the
    process otherwise), so the build and the search indexer, a process of its own, do not
    both hold their peak at once."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)
