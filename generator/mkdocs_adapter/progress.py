"""How far a long build has come: its stage, and pages rendered out of the total.

A build of 20,000 facts runs for minutes between "Building documentation..." and its end.
The plugin tells a :class:`Progress` each stage (check, generate, render pages, search index)
and each page MkDocs converts and writes; on an interactive terminal it draws one line that
it redraws (a bar), anywhere else (CI logs, a pipe) it writes a plain line every few seconds
and when a stage begins, but a short build writes nothing. Time comes from the ``clock`` it is given, so tests need no
sleeping.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

#: Seconds between two lines when the output is not a terminal.
LOG_EVERY = 5.0
#: Seconds between two redraws of the bar.
REDRAW_EVERY = 0.1
BAR_WIDTH = 24


class Progress:
    """The stage of one build and how many of its pages are converted and written."""

    def __init__(self, stream: TextIO | None = None, *, clock: Callable[[], float] = time.monotonic,
                 interactive: bool | None = None, every: float = LOG_EVERY) -> None:
        self.stream = stream or sys.stderr
        self.clock = clock
        self.interactive = self.stream.isatty() if interactive is None else interactive
        self.every = every if not self.interactive else REDRAW_EVERY
        self.started = self.last = clock()
        self.name, self.total, self.converted, self.written = "", 0, 0, 0
        self.drawn = False

    def stage(self, name: str, total: int = 0) -> None:
        """A new stage begins (``total``: the pages it renders, when it renders pages): drawn at
        once on a terminal, written to a log once the build has run for a few seconds."""
        self.name, self.total, self.converted, self.written = name, total, 0, 0
        self._show(force=self.interactive or self.clock() - self.started >= self.every)

    def page_converted(self) -> None:
        self.converted += 1
        self._show()

    def page_written(self) -> None:
        self.written += 1
        self._show()

    def finish(self) -> None:
        """The build is over: the bar's line is ended (nothing is written otherwise)."""
        if self.interactive and self.drawn:
            self.stream.write("\n")
            self.stream.flush()
        self.drawn = False

    def line(self) -> str:
        """What the progress is now, in words."""
        text = f"briefing: {self.name}"
        if self.total:
            done = (self.converted + self.written) / (2 * self.total)
            text += (f": {self.converted:,} of {self.total:,} pages converted, {self.written:,} written "
                     f"({done:.0%})")
        return f"{text}, {_duration(self.clock() - self.started)}"

    def bar(self) -> str:
        """The line drawn on a terminal: the stage, a bar and the pages' counts."""
        if not self.total:
            return f"briefing: {self.name} … {_duration(self.clock() - self.started)}"
        filled = round(BAR_WIDTH * (self.converted + self.written) / (2 * self.total))
        return (f"briefing: {self.name} [{'#' * filled}{'.' * (BAR_WIDTH - filled)}] "
                f"{self.converted:,}/{self.total:,} converted, {self.written:,} written")

    def _show(self, *, force: bool = False) -> None:
        now = self.clock()
        if not force and now - self.last < self.every:
            return
        self.last = now
        if self.interactive:
            self.stream.write(f"\r\x1b[2K{self.bar()}")
            self.drawn = True
        else:
            self.stream.write(self.line() + "\n")
        self.stream.flush()


def _duration(seconds: float) -> str:
    minutes, seconds = divmod(int(seconds), 60)
    return f"{minutes} min {seconds:02d} s" if minutes else f"{seconds} s"
