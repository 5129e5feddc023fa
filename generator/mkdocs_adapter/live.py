"""The preview's side of MkDocs: files its dirty builds can skip, and search that catches up.

The preview's rebuilds are MkDocs' documented dirty builds (``build(dirty=True)``, as
``mkdocs serve --dirty`` makes them; ``session.DirtyRebuilds``): MkDocs then converts and writes
only the pages whose source file is newer than the page it built (``File.is_modified``, read
in ``mkdocs/commands/build.py``: ``_populate_page`` and ``_build_page`` skip the others). A
page handed over from memory (``File.generated(content=...)``) is always "modified", so
:class:`PreviewFiles` writes the generated files into a folder of the preview's own with
``tree.write_tree``, which leaves a file whose bytes did not change with its old time, and
hands MkDocs each one by its path (``File.generated(abs_src_path=...)``).

What a page MkDocs skips cannot show: its title, which the other pages' navigation and
footer show. So the titles and front matter of converted pages are kept and given back to
the pages MkDocs skips (:meth:`PreviewFiles.restore`). And what every page shows does not
come from its own file: when the navigation, a title in it, mkdocs.yml, the theme or the
site's address changes, every page is made newer than its HTML, so every page is rendered
again (:meth:`PreviewFiles.hand_over`). A page the briefing no longer has loses its HTML.

The search index and the downloads (``facts.json``, ``sources.json``, ``feed.xml``) are each
made from the whole briefing, seconds at 20,000 facts: in the preview :class:`CatchUp` writes
them in a thread once the pages are served, says so in the terminal and in
``search/preview.json`` (which the search worker reads in the preview to say that results may
be out of date), and swaps the new index in when it is written. A catch-up whose build is
superseded by a newer one stops at its next step (:class:`Ticket`) instead of computing on.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from generator.generate import GeneratedSite
from generator.tree import write_tree

log = logging.getLogger("mkdocs.plugins.briefing")
#: What the search worker reads in the preview: whether the index is being written.
SEARCH_STATUS = "search/preview.json"
#: The warning MkDocs logs on every dirty build; the preview renders again what it warns of.
DIRTY_WARNING = "A 'dirty' build is being performed"


class PreviewFiles:
    """The generated files as real files in the preview's own folder, for dirty builds."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="briefing-preview-"))
        self.written: dict[str, bytes] = {}
        self.removed: list[str] = []
        #: page uri -> (title, front matter) as MkDocs found them when it last converted the page
        self.titles: dict[str, tuple[str | None, dict[str, Any]]] = {}
        self.site_key: tuple[Any, ...] | None = None
        self.everything = True

    def hand_over(self, site: GeneratedSite, config: MkDocsConfig) -> list[File]:
        """Write the site's files (only those whose bytes changed) and the File MkDocs reads
        each one from; when what every page shows changed, every page is made newer."""
        report = write_tree(site, self.folder, previous=self.written)
        self.written, self.removed = dict(site.files), report.removed
        key = self._site_key(site, config)
        self.everything = key != self.site_key
        if self.everything and self.site_key is not None:
            log.info("briefing: the navigation, a title in it, the theme or mkdocs.yml changed: "
                     "every page is rendered again")
            now = time.time()
            for uri in site.pages:
                os.utime(self.folder / uri, (now, now))
        self.site_key = key
        return [File.generated(config, uri, abs_src_path=str(self.folder / uri)) for uri in site.files]

    def _site_key(self, site: GeneratedSite, config: MkDocsConfig) -> tuple[Any, ...]:
        """What every page's HTML shows beside its own Markdown."""
        nav_pages = set(nav_uris(config.nav or []))
        titles = tuple(title_source(site.files[uri]) for uri in site.pages if uri in nav_pages)
        return (config.nav, titles, config.site_url, _digest_file(config.config_file_path),
                _digest_folder(config.theme.custom_dir))

    def remove_stale(self, config: MkDocsConfig) -> None:
        """Remove what the site built from files the briefing no longer has."""
        for uri in self.removed:
            stale = Path(File(uri, None, config.site_dir, config.use_directory_urls).abs_dest_path)
            stale.unlink(missing_ok=True)
            if stale.parent != Path(config.site_dir) and stale.parent.is_dir() and not any(stale.parent.iterdir()):
                stale.parent.rmdir()

    def remember(self, page: Page) -> None:
        """Keep a converted page's title and front matter for the builds that skip it."""
        self.titles[page.file.src_uri] = (page.title, dict(page.meta))

    def restore(self, nav: Navigation) -> None:
        """Give the pages MkDocs will skip the title and front matter they had when converted."""
        for page in nav.pages:
            kept = self.titles.get(page.file.src_uri)
            if kept is not None and not page.file.is_modified():
                page.title, page.meta = kept[0], dict(kept[1])

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def nav_uris(nav: Any) -> Iterator[str]:
    """The uris of the pages a navigation lists (MkDocs' ``nav`` form)."""
    if isinstance(nav, str):
        yield nav
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from nav_uris(value)
    elif isinstance(nav, list):
        for item in nav:
            yield from nav_uris(item)


def title_source(markdown: bytes) -> tuple[Any, ...]:
    """What other pages show of a page in the navigation: its title, which MkDocs takes from
    the front matter's ``title`` or else from the first element of the page when it is a
    heading (so from the first block after the front matter), and what else of its front
    matter the theme may show beside it in the navigation (an icon, a status); not its
    ``description``, which only the page itself shows."""
    body, meta = get_data(markdown.decode("utf-8", errors="replace"))
    shown = tuple(sorted((key, repr(value)) for key, value in meta.items() if key != "description"))
    return shown, body.lstrip("\r\n").split("\n\n", 1)[0]


def _digest_file(path: str | None) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest() if path and Path(path).is_file() else ""


def _digest_folder(folder: str | None) -> tuple[tuple[str, int, int], ...]:
    if not folder or not Path(folder).is_dir():
        return ()
    return tuple((p.as_posix(), p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(Path(folder).rglob("*"))
                 if p.is_file())


T = TypeVar("T")


class DirtyWarningFilter(logging.Filter):
    """Drops MkDocs' warning of a dirty build, which strict mode would count as a failure:
    :class:`PreviewFiles` renders again everything it warns of."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_WARNING)


class Superseded(Exception):
    """A newer build started: the catch-up of an older one stops."""


class Ticket:
    """A catch-up's hold on the build it catches up for: it stops once a newer build starts."""

    def __init__(self, catch_up: CatchUp, generation: int) -> None:
        self._catch_up, self.generation = catch_up, generation

    def check(self) -> None:
        """Raise :class:`Superseded` if a newer build has started (or the preview ends)."""
        with self._catch_up._lock:
            if not self._catch_up._current(self.generation):
                raise Superseded

    def write(self, what: Callable[[], None]) -> None:
        """Run ``what`` (a write to the site) while no newer build has started, or stop."""
        with self._catch_up._lock:
            if not self._catch_up._current(self.generation):
                raise Superseded
            what()

    def checked(self, items: Iterable[T], every: int = 256) -> Iterator[T]:
        """``items``, checking every ``every`` items whether the build is still the newest."""
        for index, item in enumerate(items):
            if index % every == 0:
                self.check()
            yield item


#: A catch-up job: given a fresh folder for the search bundle and its :class:`Ticket`, it
#: writes what it must and returns the number of search records it wrote.
Job = Callable[[Path, Ticket], int]


class CatchUp:
    """Writes in a thread what the preview leaves for after the pages are served: the export
    files of the rebuild and its search index, newest request first. The index is written
    beside the site's ``bundle`` folder and swapped in when complete."""

    def __init__(self, bundle: str) -> None:
        self._bundle = bundle
        self._lock = threading.Condition()
        self._wanted: tuple[int, Path, Job] | None = None
        self._thread: threading.Thread | None = None
        self._closed = False
        #: builds started, catch-ups requested and done
        self.started = self.requested = self.done = 0

    def supersede(self) -> None:
        """A build starts: what older catch-ups have not written yet, they no longer write."""
        with self._lock:
            self.started += 1

    def request(self, site_dir: Path, job: Job) -> None:
        """Run ``job`` for the build just done (the one started last), then swap its index in."""
        with self._lock:
            self.requested = self.started
            self._wanted = (self.started, site_dir, job)
            _status(site_dir, indexing=True, generation=self.started)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="briefing-catch-up", daemon=True)
                self._thread.start()
            self._lock.notify_all()
        log.info("briefing: the search index and the downloads are being updated in the background; "
                 "until they are, search results may be out of date")

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until the last catch-up requested is done (for tests and the benchmark)."""
        with self._lock:
            return self._lock.wait_for(lambda: self.done == self.requested or self._closed, timeout)

    def close(self, timeout: float = 60.0) -> None:
        with self._lock:
            self._closed = True
            self._lock.notify_all()
        if self._thread is not None:
            self._thread.join(timeout)

    def _current(self, generation: int) -> bool:
        return self.started == generation and not self._closed

    def _run(self) -> None:
        while True:
            with self._lock:
                self._lock.wait_for(lambda: self._wanted is not None or self._closed)
                if self._closed:
                    return
                assert self._wanted is not None
                (generation, site_dir, job), self._wanted = self._wanted, None
            started = time.monotonic()
            try:
                records = self._swap_in(site_dir, generation, job)
            except Superseded:
                records = -1
                log.debug("briefing: a newer build started; its catch-up replaces this one")
            except Exception as exc:  # a failed index must not stop the preview
                log.error(f"briefing: the search index could not be written: {exc}")
                records = -1
            with self._lock:
                self.done = generation
                if self._wanted is None and self.started == generation and records >= 0:
                    _status(site_dir, indexing=False, generation=generation)
                    log.info(f"briefing: the search index is up to date ({records:,} records, "
                             f"{time.monotonic() - started:.1f} s)")
                self._lock.notify_all()

    def _swap_in(self, site_dir: Path, generation: int, job: Job) -> int:
        fresh = Path(tempfile.mkdtemp(prefix=f".{self._bundle}-new-", dir=site_dir))
        try:
            ticket = Ticket(self, generation)
            records = job(fresh, ticket)
            bundle, old = site_dir / self._bundle, site_dir / f".{self._bundle}-old"

            def swap() -> None:
                shutil.rmtree(old, ignore_errors=True)
                if bundle.exists():
                    bundle.rename(old)
                fresh.rename(bundle)

            ticket.write(swap)
            shutil.rmtree(old, ignore_errors=True)
            return records
        finally:
            shutil.rmtree(fresh, ignore_errors=True)


def write_file(path: Path, data: bytes) -> None:
    """Replace a file of the site at once (a reader never gets half of it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.tmp")
    temp.write_bytes(data)
    temp.replace(path)


def _status(site_dir: Path, *, indexing: bool, generation: int) -> None:
    write_file(site_dir / SEARCH_STATUS, json.dumps({"indexing": indexing, "generation": generation}).encode())
