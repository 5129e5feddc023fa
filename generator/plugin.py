"""The MkDocs face: a thin plugin that hands the generated pages to MkDocs in memory.

``on_config`` runs the core (``generate``) and sets the site's name, description and
navigation from ``site_config.yml``; ``on_files`` adds every generated page and asset
with ``File.generated`` (nothing is written to ``docs/``); ``on_serve`` watches the
briefing files, the templates and the settings so ``mkdocs serve`` regenerates on every
change. A briefing with errors stops the build with every located problem, no traceback.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from generator.check import load_settings
from generator.errors import BriefingError
from generator.generate import GeneratedSite, generate
from generator.settings import CONFIG_NAME, project_paths

log = logging.getLogger("mkdocs.plugins.briefing")


class BriefingPluginConfig(Config):
    """Options under ``plugins: - briefing:`` in mkdocs.yml."""

    root = c.Optional(c.Type(str))
    """The project folder holding site_config.yml; default: the folder of mkdocs.yml."""


class BriefingPlugin(BasePlugin[BriefingPluginConfig]):
    """Generates the briefing's pages from YAML on every build."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.site: GeneratedSite | None = None
        self.root = Path(".")

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        base = Path(config.config_file_path or ".").parent
        self.root = (base / self.config.root).resolve() if self.config.root else base.resolve()
        try:
            self.site = generate(self.root)
        except BriefingError as exc:
            raise PluginError("the briefing has errors:\n" + exc.report()) from None
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
        for uri, content in self.site.files.items():
            existing = files.get_file_from_path(uri)
            if existing is not None:
                files.remove(existing)
            files.append(File.generated(config, uri, content=content))
        return files

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        settings = load_settings(self.root)
        briefings_dir, templates_dir = project_paths(self.root, settings)
        for path in (briefings_dir, templates_dir, self.root / CONFIG_NAME):
            if path.exists():
                server.watch(str(path))
        return server
