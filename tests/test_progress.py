"""A long build's progress (generator/mkdocs_adapter/progress.py): a bar redrawn on a terminal,
a line every few seconds anywhere else, nothing for a short build; with a clock the test
moves, so nothing sleeps. Then the plugin's hooks driving it through a build of a small site.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator.mkdocs_adapter.plugin import BriefingPlugin
from generator.mkdocs_adapter.progress import Progress
from tests.conftest import MakeProject


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def render(progress: Progress, clock: Clock, pages: int, step: float) -> None:
    """A build of ``pages`` pages, ``step`` seconds a page converted and a page written."""
    progress.stage("check")
    clock.now += 3
    progress.stage("generate")
    clock.now += 4
    progress.stage("render pages", total=pages)
    for _ in range(pages):
        clock.now += step
        progress.page_converted()
    for _ in range(pages):
        clock.now += step
        progress.page_written()
    progress.stage("search index")
    clock.now += 6
    progress.finish()


def test_in_a_log_a_line_every_few_seconds_says_the_stage_and_the_pages() -> None:
    clock, log = Clock(), io.StringIO()
    render(Progress(log, clock=clock), clock, pages=1000, step=0.01)
    assert log.getvalue().splitlines() == [
        "briefing: render pages: 0 of 1,000 pages converted, 0 written (0%), 7 s",
        "briefing: render pages: 500 of 1,000 pages converted, 0 written (25%), 12 s",
        "briefing: render pages: 1,000 of 1,000 pages converted, 0 written (50%), 17 s",
        "briefing: render pages: 1,000 of 1,000 pages converted, 500 written (75%), 22 s",
        "briefing: render pages: 1,000 of 1,000 pages converted, 1,000 written (100%), 27 s",
        "briefing: search index, 27 s",
    ]


def test_a_short_build_writes_nothing_to_a_log() -> None:
    clock, log = Clock(), io.StringIO()
    progress = Progress(log, clock=clock)
    progress.stage("check")
    progress.stage("render pages", total=3)
    for _ in range(3):
        clock.now += 0.1
        progress.page_converted()
        progress.page_written()
    progress.finish()
    assert log.getvalue() == ""


def test_on_a_terminal_one_line_is_redrawn_as_a_bar_and_ended_at_the_end() -> None:
    clock, terminal = Clock(), Terminal()
    render(Progress(terminal, clock=clock), clock, pages=40, step=0.125)
    drawn = terminal.getvalue()
    assert drawn.endswith("\n") and drawn.count("\n") == 1  # one line, redrawn in place
    frames = [frame for frame in drawn.rstrip("\n").split("\r\x1b[2K") if frame]
    assert frames[:3] == ["briefing: check … 0 s", "briefing: generate … 3 s",
                          "briefing: render pages [........................] 0/40 converted, 0 written"]
    assert "briefing: render pages [#######################.] 40/40 converted, 38 written" in frames
    assert frames[-1] == "briefing: search index … 17 s"
    assert len(frames) == 4 + 80  # each stage's start, and each page (eight a second)


def test_a_bar_is_redrawn_at_most_ten_times_a_second() -> None:
    clock, terminal = Clock(), Terminal()
    render(Progress(terminal, clock=clock), clock, pages=400, step=0.0125)  # 80 pages a second
    frames = [frame for frame in terminal.getvalue().split("\r\x1b[2K") if frame]
    assert 4 + 95 <= len(frames) <= 4 + 100  # 800 pages in 10 s


def test_the_interactive_rendering_follows_the_stream() -> None:
    assert Progress(Terminal()).interactive and not Progress(io.StringIO()).interactive


@pytest.mark.slow
def test_a_build_reports_its_stages_and_every_page(make_project: MakeProject, tmp_path: Path) -> None:
    root = make_project()
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    plugin = config.plugins["briefing"]
    assert isinstance(plugin, BriefingPlugin)
    seen: list[tuple[str, int, int, int]] = []

    class Watched(Progress):
        def _show(self, *, force: bool = False) -> None:
            seen.append((self.name, self.total, self.converted, self.written))

    plugin.new_progress = lambda: Watched(io.StringIO())
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    stages = list(dict.fromkeys(name for name, *_ in seen))
    assert stages == ["check", "generate", "render pages", "search index"]
    pages = len(list((tmp_path / "site").rglob("index.html")))  # a folder per page, as use_directory_urls has it
    assert pages > 10 and ("render pages", pages, pages, pages) in seen
