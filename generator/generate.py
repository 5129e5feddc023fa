"""The one core both faces share: a project folder -> every generated file and the nav.

``generate`` checks the briefing, has ``pages`` plan every page (each spec carries its
template and everything the page shows), renders each spec as it comes, adds the exports
and the static assets, and returns everything in memory. ``tree`` writes it to a folder
for any builder; the MkDocs adapter hands the same files to MkDocs. Nothing here imports
MkDocs, and nothing here knows one page from another.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.check import require_briefing
from generator.errors import Problem
from generator.exports import SearchEntry, export_files, search_entries
from generator.inline import clear_caches
from generator.pages import plan_nav, plan_pages
from generator.render import make_environment, render_page
from generator.revisions import read_revisions
from generator.settings import Settings, load_settings, project_paths
from generator.urls import Urls

ASSETS_DIR = "assets"


@dataclass
class GeneratedSite:
    """Every generated file (uri -> bytes), the navigation, and the check's warnings."""

    settings: Settings
    files: dict[str, bytes] = field(default_factory=dict)
    nav: list[Any] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    search: list[SearchEntry] = field(default_factory=list)

    @property
    def pages(self) -> list[str]:
        return [uri for uri in self.files if uri.endswith(".md")]


def generate(root: Path, settings: Settings | None = None, *, directory_urls: bool = True) -> GeneratedSite:
    """Check, plan and render the briefing of the project at ``root``.

    Raises :class:`~generator.errors.BriefingError` with every problem when the
    briefing has errors; nothing is returned half-made. Each record's dates of publication
    and change come from the project's git history (``revisions``), when it has one.
    """
    settings = settings or load_settings(root)
    briefing, problems = require_briefing(root, settings)
    briefings_dir, templates_dir = project_paths(root, settings)
    revisions = read_revisions(root, briefings_dir)
    env = make_environment(templates_dir)
    env.globals.update(site_title=settings.title, config_description=settings.description)
    site = GeneratedSite(settings=settings, warnings=problems)
    urls = Urls(settings.base_url, directory_urls)
    for spec in plan_pages(briefing, settings, urls, revisions):
        site.files[spec.uri] = render_page(env, spec.template, spec.context).encode("utf-8")
    site.files.update(export_files(briefing, settings, urls, revisions))
    site.search = search_entries(briefing)
    assets = templates_dir / ASSETS_DIR
    if assets.is_dir():
        for path in sorted(assets.rglob("*")):
            if path.is_file() and not path.is_symlink():
                site.files[f"{ASSETS_DIR}/{path.relative_to(assets).as_posix()}"] = path.read_bytes()
    site.nav = plan_nav(briefing, settings)
    clear_caches()
    return site
