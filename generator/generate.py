"""The one core both faces share: a project folder -> every generated file and the nav.

``generate`` checks the briefing, has ``pages`` plan every page (each spec carries its
template and everything the page shows), renders each spec as it comes, adds the exports
and the static assets, and returns everything in memory. ``tree`` writes it to a folder
for any builder; the MkDocs adapter hands the same files to MkDocs. Nothing here imports
MkDocs, and nothing here knows one page from another. The preview's incremental path
(``incremental``) takes the same steps (:func:`prepare`, :func:`render_spec`,
:func:`make_outputs`, :func:`finish`), re-planning and re-rendering only what an edit changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from generator.briefing import Briefing
from generator.check import FileCache, require_briefing
from generator.errors import Problem
from generator.exports import SearchEntry, export_files, search_entries
from generator.history.record_dates import Revisions, read_revisions
from generator.inline import clear_caches
from generator.pages import PageSpec, plan_nav, plan_pages
from generator.render import make_environment, render_page
from generator.settings import Settings, load_settings, project_paths
from generator.urls import Urls

ASSETS_DIR = "assets"
#: Told the stage a generation is at: "check", then "generate" (for progress reports).
OnStage = Callable[[str], None]


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


@dataclass
class Inputs:
    """What one generation reads: the settings, the checked briefing with its warnings, each
    record's dates from git, the page templates and the URL policy."""

    settings: Settings
    briefing: Briefing
    problems: list[Problem]
    revisions: Revisions | None
    templates_dir: Path
    env: jinja2.Environment
    urls: Urls


@dataclass(frozen=True)
class Outputs:
    """What the site offers beside its pages, each made from the whole briefing: the export
    files (uri -> bytes) and the search entries."""

    files: dict[str, bytes]
    search: list[SearchEntry]


def generate(root: Path, settings: Settings | None = None, *, directory_urls: bool = True,
             on_stage: OnStage | None = None) -> GeneratedSite:
    """Check, plan and render the briefing of the project at ``root``.

    Raises :class:`~generator.errors.BriefingError` with every problem when the
    briefing has errors; nothing is returned half-made. Each record's dates of publication
    and change come from the project's git history (``history.record_dates``), when it has one.
    """
    inputs = prepare(root, settings, directory_urls=directory_urls, on_stage=on_stage)
    site = GeneratedSite(settings=inputs.settings, warnings=inputs.problems)
    for spec in plan_pages(inputs.briefing, inputs.settings, inputs.urls, inputs.revisions):
        site.files[spec.uri] = render_spec(inputs.env, spec)
    return finish(site, inputs)


def prepare(root: Path, settings: Settings | None = None, *, directory_urls: bool = True,
            cache: FileCache | None = None, on_stage: OnStage | None = None) -> Inputs:
    """Check the briefing (re-reading only files whose bytes changed since ``cache`` saw
    them) and gather what its pages are made from."""
    settings = settings or load_settings(root)
    if on_stage:
        on_stage("check")
    briefing, problems = require_briefing(root, settings, cache)
    if on_stage:
        on_stage("generate")
    briefings_dir, templates_dir = project_paths(root, settings)
    env = make_environment(templates_dir)
    env.globals.update(site_title=settings.title, config_description=settings.description)
    return Inputs(settings, briefing, problems, read_revisions(root, briefings_dir), templates_dir, env,
                  Urls(settings.base_url, directory_urls))


def render_spec(env: jinja2.Environment, spec: PageSpec) -> bytes:
    """One planned page's Markdown."""
    return render_page(env, spec.template, spec.context).encode("utf-8")


def make_outputs(inputs: Inputs) -> Outputs:
    """The export files and the search entries of the briefing."""
    return Outputs(export_files(inputs.briefing, inputs.settings, inputs.urls, inputs.revisions),
                   search_entries(inputs.briefing))


def finish(site: GeneratedSite, inputs: Inputs, outputs: Outputs | None = None) -> GeneratedSite:
    """Add the exports and the search entries (``outputs``, else made now), the static assets
    and the navigation."""
    outputs = outputs or make_outputs(inputs)
    site.files.update(outputs.files)
    site.search = outputs.search
    assets = inputs.templates_dir / ASSETS_DIR
    if assets.is_dir():
        for path in sorted(assets.rglob("*")):
            if path.is_file() and not path.is_symlink():
                site.files[f"{ASSETS_DIR}/{path.relative_to(assets).as_posix()}"] = path.read_bytes()
    site.nav = plan_nav(inputs.briefing, inputs.settings)
    clear_caches()
    return site
