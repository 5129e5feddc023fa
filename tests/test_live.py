"""The preview's side of MkDocs (generator/mkdocs_adapter/live.py, with the plugin in a preview).

The preview is run in this process as ``mkdocs serve --dirty`` runs it (``load_config`` then
``build(dirty=True)`` for every rebuild, the plugin started for ``serve``), without the HTTP
server (``tests/test_serve.py`` drives a real one). After each sequence of random edits
(``tests/briefing_edits.py``) every file of the previewed site is compared with a clean
``briefing build`` of the same project, made in another process (MkDocs keeps one plugin
instance per process). What legitimately differs is normalised, and nothing else:
``search/preview.json`` exists only in the preview (whether its search index is being
written); the preview's search worker is told it is one (``const PREVIEW = true``); and the
search bundle is compared by the records it holds, not byte for byte, because Pagefind's own
files differ between two clean builds of the same records (some of its file names are hashes
of maps it does not order). The live-reload script is not in these files: MkDocs' server adds
it to each page as it serves it.
"""

from __future__ import annotations

import gc
import json
import logging
import os
import random
import re
import time
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File

from generator.generate import GeneratedSite, Outputs
from generator.incremental import IncrementalSite
from generator.mkdocs_adapter import live, session
from generator.mkdocs_adapter.live import CatchUp, DirtyWarningFilter, PreviewFiles, Ticket, nav_uris, title_source
from generator.mkdocs_adapter.plugin import SEARCH_BUNDLE, SEARCH_WORKER, BriefingPlugin
from generator.mkdocs_adapter.session import Preview
from generator.settings import Settings
from tests.briefing_edits import LOCAL, Editor, synthetic_project
from tests.conftest import run_briefing, search_records

SERVE_URL = "http://127.0.0.1:8000/"


class Previewed:
    """The plugin's preview, rebuilt in this process as ``mkdocs serve --dirty`` rebuilds it."""

    def __init__(self, root: Path, site: Path) -> None:
        self.root, self.site = root, site
        config = self.config()
        self.plugin = config.plugins["briefing"]
        assert isinstance(self.plugin, BriefingPlugin)
        config.plugins.on_startup(command="serve", dirty=True)
        self.started = config
        self.build(config)

    def config(self):  # type: ignore[no-untyped-def]
        config = load_config(str(self.root / "mkdocs.yml"), site_dir=str(self.site))
        config.site_url = SERVE_URL  # as MkDocs' serve does
        return config

    def build(self, config=None) -> None:  # type: ignore[no-untyped-def]
        build(config or self.config(), serve_url=SERVE_URL, dirty=True)
        assert isinstance(self.plugin.run, Preview)
        assert self.plugin.run.catch_up.wait(120)

    def close(self) -> None:
        self.started.plugins.on_shutdown()


@pytest.fixture
def preview(tmp_path: Path):  # type: ignore[no-untyped-def]
    opened: list[Previewed] = []

    def open_preview(root: Path) -> Previewed:
        opened.append(Previewed(root, tmp_path / "preview-site"))
        return opened[-1]

    yield open_preview
    for each in opened:
        each.close()


def site_files(site: Path) -> dict[str, bytes]:
    """Every file of a built site, with what only the preview has normalised, and its search
    bundle as the records it holds."""
    files = {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
             if p.is_file() and not p.relative_to(site).as_posix().startswith(f"{SEARCH_BUNDLE}/")}
    files.pop(live.SEARCH_STATUS, None)
    files[SEARCH_WORKER] = files[SEARCH_WORKER].replace(b"const PREVIEW = true", b"const PREVIEW = false", 1)
    records = sorted(search_records(site), key=lambda record: json.dumps(record, sort_keys=True))
    files[f"{SEARCH_BUNDLE}/ (its records)"] = json.dumps(records, sort_keys=True).encode()
    return files


def clean_build(root: Path, out: Path) -> dict[str, bytes]:
    result = run_briefing("build", "--root", str(root), "--site", str(out), cwd=root)
    assert result.returncode == 0, result.stderr
    return site_files(out)


def assert_same_site(preview: Previewed, root: Path, out: Path, what: str) -> None:
    clean, shown = clean_build(root, out), site_files(preview.site)
    assert sorted(shown) == sorted(clean), what
    differing = [path for path in clean if shown[path] != clean[path]]
    assert not differing, f"after {what}: {differing[:10]}"


@pytest.mark.slow
@pytest.mark.parametrize(("seed", "list_page_facts", "for_all"), [
    (1, 3, "new topic"), (2, None, "entity name"), (5, 4, "judgment"), (7, None, "topic title")])
def test_after_random_edits_the_preview_is_a_clean_build(tmp_path: Path, preview, seed: int,  # type: ignore[no-untyped-def]
                                                         list_page_facts: int | None, for_all: str) -> None:
    root = synthetic_project(tmp_path / "project", list_page_facts=list_page_facts)
    rng = random.Random(seed)
    editor, shown = Editor(root, rng), preview(root)
    done: list[str] = []
    # a broken file and its fix give every page anew: what changes every page comes after
    edits = [*rng.sample(LOCAL, 3), "broken", "fix", for_all, *rng.sample(LOCAL, 3)]
    for kind in edits:
        done.append(editor.edit(kind if kind != "fix" else "claim"))
        shown.build()
    assert_same_site(shown, root, tmp_path / "clean", ", ".join(done))


@pytest.mark.slow
def test_a_theme_edit_renders_every_page_again(tmp_path: Path, preview) -> None:  # type: ignore[no-untyped-def]
    root = synthetic_project(tmp_path / "project")
    shown = preview(root)
    main = root / "templates" / "theme" / "main.html"
    text = main.read_text(encoding="utf-8")
    main.write_text(text.replace("{% block htmltitle %}", "{% block htmltitle %}<!-- goats -->", 1), encoding="utf-8")
    shown.build()
    assert_same_site(shown, root, tmp_path / "clean", "a theme edit")
    pages = list(shown.site.rglob("*.html"))
    assert pages and all(b"<!-- goats -->" in page.read_bytes() for page in pages)


def test_a_rebuild_pauses_garbage_collection_until_its_pages_are_written(  # type: ignore[no-untyped-def]
        tmp_path: Path, preview, monkeypatch: pytest.MonkeyPatch) -> None:
    root = synthetic_project(tmp_path / "project")
    editor, shown = Editor(root, random.Random(4)), preview(root)
    collecting: list[bool] = []
    generate = IncrementalSite.generate

    def watched(site: IncrementalSite, *args, **kwargs):  # type: ignore[no-untyped-def]
        collecting.append(gc.isenabled())
        return generate(site, *args, **kwargs)

    monkeypatch.setattr(IncrementalSite, "generate", watched)
    assert gc.isenabled()
    for kind in ("claim", "broken", "claim"):  # a rebuild whose briefing is broken ends the pause too
        editor.edit(kind)
        shown.build()
        assert gc.isenabled(), kind
    assert collecting == [False, False, False]


def test_mkdocs_serve_rebuilds_an_edit_on_the_incremental_path(tmp_path: Path,
                                                               caplog: pytest.LogCaptureFixture) -> None:
    """``mkdocs serve`` as MkDocs runs it (no ``--dirty``: its own rebuilds would convert and
    write every page), in this process without listening: after an edited claim the server's
    rebuild renders again and converts only the pages the edit changed."""
    root = synthetic_project(tmp_path / "project")
    site = tmp_path / "served"
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=False)  # as mkdocs.commands.serve.serve does
    plugin = config.plugins["briefing"]
    assert isinstance(plugin, BriefingPlugin)
    config.site_url = SERVE_URL

    def mkdocs_rebuild(config=None) -> None:  # type: ignore[no-untyped-def]  # MkDocs' own builder
        build(config or load_config(str(root / "mkdocs.yml"), site_dir=str(site)), serve_url=SERVE_URL)

    server = LiveReloadServer(builder=mkdocs_rebuild, host="127.0.0.1", port=8000, root=str(site))
    try:
        mkdocs_rebuild(config)
        server = config.plugins.on_serve(server, config=config, builder=mkdocs_rebuild)
        assert isinstance(plugin.run, Preview) and plugin.run.catch_up.wait(120)
        # the pages' HTML (404.html is the theme's, written on every build)
        pages = {p: p.stat().st_mtime_ns for p in site.rglob("*.html") if p.name != "404.html"}
        path = sorted((root / "briefings" / "topics").glob("*.yml"))[0]
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace('\n    claim: "', '\n    claim: "Goats ', 1), encoding="utf-8")
        caplog.set_level("INFO", logger="mkdocs.plugins.briefing")
        time.sleep(0.01)  # a file's time must tell the rebuilt pages from the others
        server.builder()  # what MkDocs' server runs when a watched file changes
        assert plugin.run.catch_up.wait(120)
    finally:
        config.plugins.on_shutdown()
        server.server_close()
    done = plugin_rebuild(caplog.messages)
    assert done is not None and 0 < done[0] < done[1] / 4, caplog.messages
    rewritten = [p for p, mtime in pages.items() if p.stat().st_mtime_ns != mtime]
    topic = site / "topics" / path.stem / "index.html"
    assert topic in rewritten and b"Goats " in topic.read_bytes()
    assert 0 < len(rewritten) <= done[0] < len(pages) / 4  # MkDocs converted only the pages rendered again


def plugin_rebuild(messages: list[str]) -> tuple[int, int] | None:
    """(pages rendered again, pages) as the plugin reports a rebuild in the terminal."""
    for message in messages:
        found = re.match(r"briefing: (\d+) pages? of ([\d,]+) rendered again", message)
        if found:
            return int(found[1]), int(found[2].replace(",", ""))
    return None


# -- the preview's files ---------------------------------------------------------------------------

def site_of(files: dict[str, bytes], nav: list[object]) -> GeneratedSite:
    return GeneratedSite(settings=Settings(), files=files, nav=nav)


def config_for(tmp_path: Path, nav: list[object]):  # type: ignore[no-untyped-def]
    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / "mkdocs.yml").write_text("site_name: Goats\n", encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.nav = nav
    config.plugins._current_plugin = "briefing"  # as MkDocs sets it while the plugin's on_files runs
    return config


def test_unchanged_files_keep_their_times_and_a_new_title_in_the_navigation_renews_every_page(
        tmp_path: Path) -> None:
    nav = [{"Home": "index.md"}, "a.md"]
    config = config_for(tmp_path, nav)
    files = PreviewFiles()
    try:
        pages = {"index.md": b"# Home\n\nGoats.\n", "a.md": b"---\ndescription: x\n---\n# A\n\nSheep.\n",
                 "b.md": b"# B\n"}
        handed = files.hand_over(site_of(dict(pages), nav), config)
        assert {f.src_uri for f in handed} == set(pages) and all(f.abs_src_path for f in handed)
        assert files.everything
        old = 1_000_000_000
        for uri in pages:
            os.utime(files.folder / uri, (old, old))

        pages["b.md"] = b"# B again\n"  # a page not in the navigation: only it is newer
        files.hand_over(site_of(dict(pages), nav), config)
        assert not files.everything
        assert {uri: int((files.folder / uri).stat().st_mtime) == old for uri in pages} == {
            "index.md": True, "a.md": True, "b.md": False}

        pages["a.md"] = b"---\ndescription: x\n---\n# A\n\nSheep and goats.\n"  # not its title
        files.hand_over(site_of(dict(pages), nav), config)
        assert not files.everything

        pages["a.md"] = b"---\ndescription: x\n---\n# A title\n\nSheep and goats.\n"
        files.hand_over(site_of(dict(pages), nav), config)
        assert files.everything  # every page shows the navigation: every page is newer
        assert all(int((files.folder / uri).stat().st_mtime) != old for uri in pages)
    finally:
        files.close()
    assert not files.folder.exists()


def test_a_page_the_briefing_no_longer_has_loses_its_html(tmp_path: Path) -> None:
    config = config_for(tmp_path, [])
    files = PreviewFiles()
    try:
        files.hand_over(site_of({"index.md": b"# Home\n", "topics/old.md": b"# Old\n"}, []), config)
        built = Path(File("topics/old.md", None, config.site_dir, True).abs_dest_path)
        built.parent.mkdir(parents=True)
        built.write_text("<html>", encoding="utf-8")
        files.hand_over(site_of({"index.md": b"# Home\n"}, []), config)
        files.remove_stale(config)
        assert not built.exists() and not built.parent.exists()
    finally:
        files.close()


def test_a_title_comes_from_the_front_matter_and_the_first_block() -> None:
    assert title_source(b"---\ntitle: A\ndescription: x\n---\n\n# B\n\ntext\n") == ((("title", "'A'"),), "# B")
    assert title_source(b"---\ndescription: x\n---\n# B\n") == title_source(b"---\ndescription: y\n---\n# B\n")
    assert title_source(b"# B\n\nmore text\n") == title_source(b"# B\n\nother text\n")
    assert title_source(b"# B\n\nmore\n") != title_source(b"# C\n\nmore\n")
    assert title_source(b"Title\n=====\n\nx\n") != title_source(b"Other\n=====\n\nx\n")


def test_the_navigation_s_pages() -> None:
    nav = [{"Home": "index.md"}, {"Topics": [{"1–25": ["topics/a.md", {"B": "topics/b.md"}]}]}, "tags.md"]
    assert list(nav_uris(nav)) == ["index.md", "topics/a.md", "topics/b.md", "tags.md"]


def test_mkdocs_warning_of_a_dirty_build_is_dropped_and_no_other(caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("mkdocs.commands.build")
    quiet = DirtyWarningFilter()
    logger.addFilter(quiet)
    try:
        with caplog.at_level(logging.WARNING, logger="mkdocs.commands.build"):
            logger.warning("A 'dirty' build is being performed, this will likely lead to inaccurate navigation")
            logger.warning("Doc file 'a.md' contains a link 'b.md', but the target is not found")
    finally:
        logger.removeFilter(quiet)
    assert [r.getMessage()[:8] for r in caplog.records] == ["Doc file"]


# -- catching up -----------------------------------------------------------------------------------

def test_catching_up_writes_the_index_then_says_it_is_up_to_date(tmp_path: Path) -> None:
    catch_up = CatchUp("pagefind")
    try:
        catch_up.supersede()

        def job(bundle: Path, ticket: Ticket) -> int:
            (bundle / "index.txt").write_text("goats", encoding="utf-8")
            ticket.write(lambda: (tmp_path / "facts.json").write_text("{}", encoding="utf-8"))
            return 1

        catch_up.request(tmp_path, job)
        assert b'"indexing": true' in (tmp_path / live.SEARCH_STATUS).read_bytes() or catch_up.done
        assert catch_up.wait(30)
        assert (tmp_path / "pagefind" / "index.txt").read_text(encoding="utf-8") == "goats"
        assert (tmp_path / "facts.json").exists()
        deadline = time.monotonic() + 10
        while b'"indexing": false' not in (tmp_path / live.SEARCH_STATUS).read_bytes() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert b'"indexing": false' in (tmp_path / live.SEARCH_STATUS).read_bytes()
        assert not [p for p in tmp_path.iterdir() if p.name.startswith(".pagefind")]
    finally:
        catch_up.close()


def test_a_catch_up_overtaken_by_a_newer_build_stops_and_writes_nothing_of_its_own(tmp_path: Path) -> None:
    catch_up = CatchUp("pagefind")
    try:
        catch_up.supersede()
        steps: list[str] = []

        def slow(bundle: Path, ticket: Ticket) -> int:
            catch_up.supersede()  # a newer build starts while this one catches up
            steps.append("exports made")
            ticket.write(lambda: (tmp_path / "facts.json").write_text("old", encoding="utf-8"))
            steps.append("exports written")
            return 1

        def long(bundle: Path, ticket: Ticket) -> int:
            catch_up.supersede()
            records = list(ticket.checked(range(10_000)))  # the search records, stopped at the first check
            steps.append(f"{len(records)} records")
            return len(records)

        for job in (slow, long):
            catch_up.request(tmp_path, job)
            assert catch_up.wait(30)
        assert steps == ["exports made"]
        assert not (tmp_path / "facts.json").exists() and not (tmp_path / "pagefind").exists()
        assert b'"indexing": true' in (tmp_path / live.SEARCH_STATUS).read_bytes()  # still: the newer build's is due
    finally:
        catch_up.close()


def test_the_preview_s_catch_up_stops_when_a_newer_edit_arrives(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The exports of an edit are made, then a newer edit's build starts: the older catch-up
    neither writes its exports nor indexes its search records."""
    indexed: list[object] = []
    monkeypatch.setattr(session, "write_search_bundle", lambda records, *args: indexed.append(list(records)))
    catch_up = CatchUp("pagefind")
    try:
        catch_up.supersede()

        def later() -> Outputs:
            catch_up.supersede()  # a newer edit is saved while these exports are made
            return Outputs(files={"facts.json": b"old"}, search=[])

        catch_up.request(tmp_path, session.catch_up_job(later, [], {}, 100, tmp_path))
        assert catch_up.wait(30)
    finally:
        catch_up.close()
    assert not (tmp_path / "facts.json").exists() and indexed == []
