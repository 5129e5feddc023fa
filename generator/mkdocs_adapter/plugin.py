"""The MkDocs face: a thin plugin that hands the generated briefing to MkDocs in memory.

``on_config`` runs the core (``generate``) and gives MkDocs the site's name, description,
URL and navigation from ``site_config.yml``; ``on_files`` adds every generated page and
asset with ``File.generated`` (nothing is written to ``docs/``) and the search dialog's
worker (``search-worker.js``, beside this module), and leaves out Material's own Lunr
search; ``on_post_build`` has Pagefind write the search index (``pagefind_service``) from
the core's search entries; ``on_serve`` watches the briefing, the templates and the
settings. A briefing with errors stops the build with every located problem, no traceback;
under ``mkdocs serve`` the problems are served as pages instead (``preview``). The options
are in ``config``.

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
from pathlib import Path
from typing import Any

from jinja2 import TemplateError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from generator.errors import BriefingError
from generator.generate import GeneratedSite, generate
from generator.mkdocs_adapter.config import BriefingPluginConfig
from generator.mkdocs_adapter.preview import problems_site, template_problem
from generator.mkdocs_adapter.serve import project_inputs
from generator.pagefind_service import SearchIndexError, search_records, write_search_bundle

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

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup also makes MkDocs keep this plugin across serve's rebuilds.
        self.serving = command == "serve"

    def on_shutdown(self) -> None:
        self.serving, self.last_good = False, None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(self.config.root)
        try:
            self.site = generate(root, directory_urls=config.use_directory_urls)
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

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.site is not None
        for unused in [file for file in files if file.src_uri.startswith(MATERIAL_SEARCH_ASSETS)
                       and file.src_dir != config.docs_dir]:  # the theme's, not the project's
            files.remove(unused)
        for uri, content in {**self.site.files, SEARCH_WORKER: SEARCH_WORKER_SOURCE.read_bytes()}.items():
            if (existing := files.get_file_from_path(uri)) is not None:
                files.remove(existing)
            files.append(File.generated(config, uri, content=content))
        self.page_urls = {file.src_uri: file.url for file in files.documentation_pages()}
        self.generated = {uri for uri in self.site.files if uri.endswith(".md")}
        if not self.serving:  # MkDocs' Files hold the bytes now
            self.site.files = {}
        return files

    def on_page_content(self, html_text: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self._lets_go(page):  # converted: a build does not read the Markdown or the bytes again
            page.markdown = ""
            page.file.content_bytes = b""
        return html_text

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if self._lets_go(page):  # written next: a build does not read it again
            page.content = None
        return output

    def _lets_go(self, page: Page) -> bool:
        return not self.serving and page.file.src_uri in self.generated

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write the search bundle (``pagefind/``): a record per topic, source and entity page
        and one per fact, so a search lands on the fact itself. ``search/search_index.json``
        is left empty: Material's search dialog asks for it before it starts the worker."""
        assert self.site is not None
        site_dir = Path(config.site_dir)
        if not self.serving:
            release_freed_memory()  # the search indexer needs memory of its own next
        try:
            write_search_bundle(search_records(self.site.search, self.page_urls), site_dir / SEARCH_BUNDLE,
                                self.config.search_shard_words)
        except (OSError, SearchIndexError) as exc:
            raise PluginError(f"the search index could not be written: {exc}") from None
        stub = site_dir / "search" / "search_index.json"
        stub.parent.mkdir(parents=True, exist_ok=True)
        stub.write_text(json.dumps(EMPTY_MATERIAL_INDEX), encoding="utf-8")

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        for path in project_inputs(Path(self.config.root)):
            if path.exists():
                server.watch(str(path))
        return server


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
        log.info(f"briefing: {len(site.warnings)} warning(s); `briefing check` lists them")
    for warning in site.warnings:
        log.debug(warning.format().replace("\n", " "))


def release_freed_memory() -> None:
    """Collect garbage and hand the freed memory back to the system (glibc keeps it for the
    process otherwise)."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)
