"""The one core both faces share: a project folder -> every generated file and the nav.

``generate`` checks the briefing, plans the pages, renders them and adds the static
assets, returning everything in memory. ``tree`` writes it to a folder for any builder;
``plugin`` hands the same files to MkDocs. Nothing here imports MkDocs.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.briefing import Briefing
from generator.chart import timeline_svg
from generator.check import require_briefing
from generator.errors import Problem
from generator.exports import SearchEntry, export_files, jsonld_script, search_entries, topic_jsonld
from generator.inline import clear_caches
from generator.pages import PageSpec, plan_nav, plan_pages
from generator.render import Md, make_environment, render_page
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
    briefing has errors; nothing is returned half-made.
    """
    with _collector_paused():
        return _generate(root, settings or load_settings(root), directory_urls)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Generating makes a great many small objects that live until the site is written,
    and few reference cycles: Python's cyclic garbage collector would walk them all again
    and again (a tenth of the generator's time on a 2,000-fact briefing, for nothing to
    collect). It is paused while generating; the cycles left behind are collected by its
    next run, as always."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _generate(root: Path, settings: Settings, directory_urls: bool) -> GeneratedSite:
    briefing, problems = require_briefing(root, settings)
    _, templates_dir = project_paths(root, settings)
    env = make_environment(templates_dir)
    env.globals.update(site_title=settings.title, config_description=settings.description)
    site = GeneratedSite(settings=settings, warnings=problems)
    urls = Urls(settings.base_url, directory_urls)
    for spec in plan_pages(briefing, settings):
        context = {**spec.context, **_built_parts(briefing, settings, urls, spec)}
        site.files[spec.uri] = render_page(env, spec.template, context).encode("utf-8")
    site.files.update(export_files(briefing, settings, urls))
    site.search = search_entries(briefing)
    assets = templates_dir / ASSETS_DIR
    if assets.is_dir():
        for path in sorted(assets.rglob("*")):
            if path.is_file() and not path.is_symlink():
                site.files[f"{ASSETS_DIR}/{path.relative_to(assets).as_posix()}"] = path.read_bytes()
    site.nav = plan_nav(briefing, settings)
    clear_caches()
    return site


def _built_parts(briefing: Briefing, settings: Settings, urls: Urls, spec: PageSpec) -> dict[str, Any]:
    """What a page shows beyond its plan: a topic page's JSON-LD (for its front matter, which
    the theme writes into the HTML head) and the timeline's chart (when the timeline is one
    page: the chart links each mark to the fact below it, and a briefing whose timeline is
    split by month has too many facts for a chart of marks to be read)."""
    if spec.template == "topic.md.j2":
        return {"jsonld": Md(jsonld_script(topic_jsonld(briefing, settings, urls, spec.context["topic_id"])))}
    if spec.template == "timeline.md.j2":
        return {"chart": Md("" if spec.context.get("split") else timeline_svg(briefing))}
    return {}
