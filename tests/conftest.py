"""Shared fixtures: the repository, tiny temporary projects, and one real site build per session."""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.mkdocs_adapter.build import build_site, quiet_mkdocs_logging
from generator.pagefind_service import SHARDS_FILE, SHOWN_FILTER
from tests.hostile import Page, render_site, write_project

#: Fixtures of other modules: a project in a git repository (``repo``).
pytest_plugins = ["tests.gitrepo"]

REPO = Path(__file__).resolve().parent.parent
CASES = Path(__file__).resolve().parent / "cases"
ARTICLES = REPO.parent / "shared" / "articles"


#: The session's whole-site builds (MkDocs, Pagefind): a test that reads one is ``slow``, so
#: ``make test-fast`` (``-m "not browser and not slow"``) leaves it out.
SITE_BUILDS = frozenset({"built_site", "hostile_site", "placeholder_site"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if SITE_BUILDS & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


def copy_project_frame(dest: Path) -> Path:
    """A project folder with the repository's templates, mkdocs.yml, docs/ and site_config.yml."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "templates", dest / "templates")
    shutil.copytree(REPO / "docs", dest / "docs")
    shutil.copy2(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copy2(REPO / "site_config.yml", dest / "site_config.yml")
    return dest


MakeProject = Callable[..., Path]


@pytest.fixture
def make_project(tmp_path: Path) -> MakeProject:
    """Factory: ``make_project(files={"briefings/topics/x.yml": "..."}, base="minimal")``.

    Copies the real templates and settings, then the briefings of ``tests/cases/<base>``
    (or none with ``base=None``), then writes ``files`` (text or bytes) over them.
    """
    counter = iter(range(1000))

    def make(files: dict[str, str | bytes] | None = None, base: str | None = "minimal") -> Path:
        root = copy_project_frame(tmp_path / f"project{next(counter)}")
        if base:
            shutil.copytree(CASES / base / "briefings", root / "briefings")
        for rel, content in (files or {}).items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return root

    return make


def run_briefing(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the `briefing` command as a contributor would, capturing its output."""
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=300, check=False)


@pytest.fixture(scope="session")
def placeholder_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Page]:
    """The hostile-input project (tests/hostile.py) with its placeholder word in every field,
    each page rendered: the control that renderings of hostile text are compared with."""
    root = copy_project_frame(tmp_path_factory.mktemp("placeholders") / "project")
    write_project(root)
    return render_site(root)


@pytest.fixture(scope="session")
def placeholder_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same project built whole with MkDocs (its folder beside the site's, ``project``): the
    control of the tests that build hostile text whole."""
    quiet_mkdocs_logging()
    base = tmp_path_factory.mktemp("placeholder-site")
    root = copy_project_frame(base / "project")
    write_project(root)
    return build_site(root, base / "site")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real repository's site, built once per session with `briefing build --site`."""
    out = tmp_path_factory.mktemp("real-site") / "site"
    result = run_briefing("build", "--site", str(out), cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def search_records(site: Path) -> list[dict]:
    """Every record a reader's search can show in a built site's search bundle, as Pagefind
    stored it (its ``url`` and ``content``; ``meta`` holding the ``title`` and, from the
    record's filters, the ``page`` it is listed under), read from the fragment files of every
    shard. A shard's vocabulary record, which lacks the filter the search worker asks for, is
    not among them. The one reader of Pagefind's fragment files (gzip-compressed JSON after a
    marker), which only the tests read: the site reads them through ``pagefind.js``."""
    folder = site / "pagefind"
    shards = ["", *json.loads((folder / SHARDS_FILE).read_text(encoding="utf-8"))["shards"]]
    records = []
    for shard in shards:
        for path in sorted((folder / shard / "fragment").glob("*.pf_fragment")):
            raw = gzip.decompress(path.read_bytes())
            assert raw.startswith(b"pagefind_dcd"), path
            stored = json.loads(raw.removeprefix(b"pagefind_dcd"))
            filters = stored.get("filters") or {}
            if all(filters.get(key) == value for key, value in SHOWN_FILTER.items()):
                page = {"page": filters["page"][0]} if filters.get("page") else {}
                records.append({"url": stored["url"], "content": stored["content"],
                                "meta": {**stored["meta"], **page}})
    return records


# -- a browser, for the tests that search as a reader does ---------------------------------

#: Asks the site's search worker one query, as Material's dialog does (SETUP, then QUERY), once
#: the search is open (the site starts its worker only then).
ASK_WORKER = """async query => {
    const toggle = document.getElementById("__search")
    if (toggle !== null && !toggle.checked) toggle.click()
    const worker = new Worker(new URL("assets/search-worker.js", location.href))
    const ask = (type, data) => new Promise(resolve => {
        worker.onmessage = event => { if (event.data.type === type + 1) resolve(event.data.data) }
        worker.postMessage({ type, data })
    })
    await ask(0, {})
    const result = await ask(2, query)
    worker.terminate()
    return result
}"""

CHROMIUM = Path(os.environ.get("BRIEFING_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def require_chromium() -> None:
    """Skip the test without Chromium, unless ``BRIEFING_REQUIRE_BROWSER=1`` (set by ``.ci/run``),
    where its absence is a failure."""
    if CHROMIUM.is_file():
        return
    message = (f"no Chromium at {CHROMIUM}: install Debian's `chromium` package to run the browser "
               "tests (.ci/run does)")
    if os.environ.get("BRIEFING_REQUIRE_BROWSER") == "1":
        pytest.fail(message + "; BRIEFING_REQUIRE_BROWSER=1 requires them", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Chromium (Debian's), driven by Playwright, for the whole session."""
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class Sites:
    """Several built sites behind one HTTP server on 127.0.0.1, each under its own first path
    segment (``mount("hard", folder)`` serves ``folder`` at ``<base>hard/``; the name ``""``
    serves at the root). The pages link relatively, so a site works under any path."""

    def __init__(self) -> None:
        self.folders: dict[str, Path] = {}
        self.base = ""

    def mount(self, name: str, folder: Path) -> str:
        """Serve ``folder`` under ``name``; its base URL."""
        self.folders[name] = folder
        return f"{self.base}{name}/" if name else self.base

    def handler(self, *args: Any, **kwargs: Any) -> QuietHandler:
        sites = self

        class Mounted(QuietHandler):
            def translate_path(self, path: str) -> str:
                first, _, rest = path.lstrip("/").partition("/")
                name = first if first and first in sites.folders else ""
                served = rest if name else path.lstrip("/")
                self.directory = str(sites.folders.get(name, Path("/nonexistent")))
                return super().translate_path("/" + served)

        return Mounted(*args, directory=str(sites.folders.get("", Path("/nonexistent"))), **kwargs)


@pytest.fixture(scope="session")
def sites() -> Iterator[Sites]:
    """The one HTTP server of the browser tests' session, serving every site they open."""
    mounted = Sites()
    with serving(Path("/nonexistent"), handler_factory=mounted.handler) as base:
        mounted.base = base
        yield mounted


@pytest.fixture(scope="session")
def server(sites: Sites, built_site: Path) -> str:
    """The real briefing's site, served at the root of the session's one server."""
    return sites.mount("", built_site)


@pytest.fixture(scope="session")
def hard_server(sites: Sites, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The site of a briefing built to be hard to show (``tests/hard_case.py``), built once and
    served under ``hard/``."""
    from tests.hard_case import hard_case_project

    root = hard_case_project(tmp_path_factory.mktemp("hard-case") / "project")
    site = root / "site"
    result = run_briefing("build", "--site", str(site), cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    return sites.mount("hard", site)


@contextlib.contextmanager
def serving(site: Path, handler_class: type[QuietHandler] = QuietHandler,
            handler_factory: Callable[..., QuietHandler] | None = None) -> Iterator[str]:
    """``site`` served over HTTP on 127.0.0.1 (search needs HTTP, not file://); its base URL."""
    handler = handler_factory or functools.partial(handler_class, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)

