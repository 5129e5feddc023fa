"""`briefing serve`: the live preview survives a contributor's mistake. A real server on a
loopback port in a copy of the project: break a topic file, see the located problem in the
terminal and on the page, fix it, see the fixed page. Every wait is bounded; the server is
always stopped."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.mkdocs_adapter.serve import POLL_SECONDS, project_inputs, wait_for_change, watched_paths
from tests.conftest import MakeProject

SHIPMENT = "briefings/topics/shipment.yml"
WAIT = 60.0


class Server:
    """A `briefing serve` process whose output is collected line by line."""

    def __init__(self, root: Path) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "generator", "serve", "--port", str(self.port)], cwd=root, env=env,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.lines: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line)

    @property
    def output(self) -> str:
        return "".join(self.lines)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def fetch(self, path: str) -> tuple[int, BeautifulSoup | None]:
        try:
            with urllib.request.urlopen(self.url(path), timeout=10) as response:
                return response.status, BeautifulSoup(response.read(), "html.parser")
        except urllib.error.HTTPError as exc:
            return exc.code, None
        except (urllib.error.URLError, TimeoutError, ConnectionError):
            return 0, None

    def text(self, path: str) -> str:
        try:
            with urllib.request.urlopen(self.url(path), timeout=10) as response:
                return response.read().decode("utf-8")
        except (urllib.error.URLError, TimeoutError, ConnectionError):
            return ""

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


def wait_for(condition: Callable[[], object], what: str, server: Server) -> None:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if condition():
            return
        if server.process.poll() is not None:
            pytest.fail(f"the server exited while waiting for {what}:\n{server.output}")
        time.sleep(0.2)
    pytest.fail(f"gave up waiting for {what}:\n{server.output}")


@contextmanager
def serving(root: Path) -> Iterator[Server]:
    server = Server(root)
    try:
        wait_for(lambda: f"Serving on {server.url('/')}" in server.output, "the server to start", server)
        yield server
    finally:
        server.stop()


def heading(server: Server, path: str) -> str | None:
    status, soup = server.fetch(path)
    h1 = soup.find("h1") if soup else None
    return h1.get_text(strip=True).rstrip("¶") if status == 200 and h1 else None


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


BREAK = 'title: "The shipment"\n"<img src=x onerror=alert(1)>": oops\n'


@pytest.mark.timeout(240)
def test_a_broken_file_shows_its_problem_and_fixing_it_recovers_the_preview(
        make_project: MakeProject) -> None:
    root = make_project()
    topic = root / SHIPMENT
    with serving(root) as server:
        assert heading(server, "/topics/shipment/") == "The shipment"

        edit(topic, 'title: "The shipment"\n', BREAK)
        problem = "briefings/topics/shipment.yml:2:1: error: unknown field '<img src=x onerror=alert(1)>'"
        wait_for(lambda: problem in server.output, "the problem in the terminal", server)
        wait_for(lambda: heading(server, "/topics/shipment/") == "The briefing has errors",
                 "the error page", server)
        status, soup = server.fetch("/topics/shipment/")
        assert status == 200 and soup is not None
        article = soup.find("article") or soup
        assert ("shipment.yml:2:1: unknown field '<img src=x onerror=alert(1)>' (hint: known fields: "
                "facts, order, summary, title)") in article.get_text()
        assert article.find("img") is None  # the contributor's text stays text

        edit(topic, BREAK, 'title: "The goat shipment"\n')
        wait_for(lambda: heading(server, "/topics/shipment/") == "The goat shipment",
                 "the fixed page", server)
        assert heading(server, "/") is not None
        assert server.process.poll() is None
    assert "Traceback" not in server.output


@pytest.mark.timeout(240)
def test_a_preview_started_on_a_broken_briefing_recovers_when_it_is_fixed(
        make_project: MakeProject) -> None:
    root = make_project()
    topic = root / SHIPMENT
    edit(topic, "    status: reported\n", "    status: rumoured\n")
    with serving(root) as server:
        assert ("briefings/topics/shipment.yml:8:13: error: 'rumoured' is not allowed here; expected "
                "'confirmed', 'reported', 'alleged' or 'disputed'") in server.output
        assert heading(server, "/") == "The briefing has errors"

        edit(topic, "    status: rumoured\n", "    status: reported\n")
        wait_for(lambda: heading(server, "/topics/shipment/") == "The shipment", "the fixed page", server)
    assert "Traceback" not in server.output


@pytest.mark.timeout(240)
def test_a_broken_template_is_shown_located_and_fixing_it_recovers(make_project: MakeProject) -> None:
    root = make_project()
    template = root / "templates/topic.md.j2"
    original = template.read_text()
    with serving(root) as server:
        assert heading(server, "/topics/shipment/") == "The shipment"
        template.write_text("{% if %}\n" + original)
        wait_for(lambda: "templates/topic.md.j2:1:1: error: template error: " in server.output,
                 "the template problem in the terminal", server)
        wait_for(lambda: heading(server, "/topics/shipment/") == "The briefing has errors", "the error page",
                 server)
        template.write_text(original)
        wait_for(lambda: heading(server, "/topics/shipment/") == "The shipment", "the fixed page", server)


@pytest.mark.timeout(240)
def test_a_preview_that_cannot_start_waits_for_a_fix(make_project: MakeProject) -> None:
    root = make_project()
    config = root / "mkdocs.yml"
    edit(config, "use_directory_urls: true", "use_directory_urls: maybe")
    server = Server(root)
    try:
        wait_for(lambda: "save a fix and it starts by itself" in server.output, "the waiting message", server)
        assert "Config value 'use_directory_urls'" in server.output
        time.sleep(1)  # the poll has taken its first snapshot
        edit(config, "use_directory_urls: maybe", "use_directory_urls: true")
        wait_for(lambda: f"Serving on {server.url('/')}" in server.output, "the server to start", server)
        assert heading(server, "/topics/shipment/") == "The shipment"
    finally:
        server.stop()


@pytest.mark.timeout(240)
def test_an_edit_is_served_once_its_pages_are_rendered_and_search_catches_up_after(
        make_project: MakeProject) -> None:
    root = make_project()
    with serving(root) as server:
        up_to_date = "briefing: the search index is up to date"
        wait_for(lambda: up_to_date in server.output, "the first search index", server)
        assert "const PREVIEW = true" in server.text("/assets/search-worker.js")  # it reads the status
        assert json.loads(server.text("/search/preview.json"))["indexing"] is False

        edit(root / SHIPMENT, 'claim: "Alpha shipped goats', 'claim: "Alpha shipped spotted goats')
        wait_for(lambda: "Alpha shipped spotted goats" in server.text("/topics/shipment/"), "the edit", server)
        rendered = re.search(r"briefing: (\d+) pages? of (\d+) rendered again", server.output)
        assert rendered and 0 < int(rendered[1]) < int(rendered[2])  # only what the edit changed
        wait_for(lambda: server.output.count(up_to_date) == 2, "the search index of the edit", server)
        assert json.loads(server.text("/search/preview.json"))["indexing"] is False
        assert "spotted" in server.text("/facts.json")  # the downloads caught up too
    assert "Traceback" not in server.output
    assert "A 'dirty' build is being performed" not in server.output  # strict mode would count it


# ---- waiting for a fix, without a server -------------------------------------------------

def test_waiting_for_a_change_notices_an_edited_file(tmp_path: Path) -> None:
    watched = tmp_path / "briefings"
    watched.mkdir()
    (watched / "a.yml").write_text("a: 1\n")
    naps: list[float] = []

    def nap(seconds: float) -> None:
        naps.append(seconds)
        if len(naps) == 3:
            (watched / "a.yml").write_text("a: 22\n")
        assert len(naps) < 10, "the change was not noticed"

    wait_for_change([watched, tmp_path / "missing.yml"], sleep=nap)
    assert len(naps) == 3


def test_waiting_for_a_change_notices_a_new_and_a_removed_file(tmp_path: Path) -> None:
    for change in ("add", "remove"):
        folder = tmp_path / change
        folder.mkdir()
        (folder / "kept.yml").write_text("a: 1\n")
        naps: list[float] = []

        def nap(seconds: float, folder: Path = folder, change: str = change, naps: list[float] = naps) -> None:
            naps.append(seconds)
            if change == "add":
                (folder / "new.yml").write_text("b: 2\n")
            else:
                (folder / "kept.yml").unlink()

        wait_for_change([folder], sleep=nap)
        assert naps == [POLL_SECONDS], change


def test_the_preview_watches_the_project_and_what_can_fix_a_first_build(make_project: MakeProject) -> None:
    root = make_project({"site_config.yml": 'title: "T"\nbriefings_dir: "facts"\n'})
    assert watched_paths(root, root / "mkdocs.yml") == [
        (root / "facts").resolve(), (root / "templates").resolve(), root / "site_config.yml",
        root / "mkdocs.yml", root / "docs"]
    (root / "site_config.yml").write_text("title: [unclosed\n")  # unreadable: the default folders
    assert project_inputs(root)[:2] == [(root / "briefings").resolve(), (root / "templates").resolve()]
