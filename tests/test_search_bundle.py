"""The search bundle (``pagefind_service``): records in, Pagefind's own bundle out.

``write_search_bundle`` is driven directly with records holding awkward text; what Pagefind
stored is read back (``search_records``) to show each record arrives whole, in Pagefind's
file layout. A sharded bundle is searched in Chromium through the site's search worker and
``pagefind.js``, as a reader would, beside one index of the same records; and without the
shards' vocabulary record, a shard lacking a word would answer with a shorter one. A failing
indexer is a located error, and a build whose indexer fails keeps the published site.
"""

from __future__ import annotations

import gzip
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator import pagefind_service
from generator.exports import SearchEntry
from generator.mkdocs_adapter.plugin import SEARCH_WORKER_SOURCE
from generator.pagefind_service import SearchIndexError, SearchRecord, search_records, write_search_bundle
from tests.conftest import ASK_WORKER, MakeProject, run_briefing, serving
from tests.conftest import search_records as stored_records

AWKWARD = 'goats <b>bold</b> & &amp; "quoted" \u00e9\u6f22 \U0001f410 line\nbreak'


def test_every_record_is_stored_whole_in_pagefinds_own_layout(tmp_path: Path) -> None:
    records = [SearchRecord(url="topics/a/", title="Topic A", content="Topic A. About goats."),
               SearchRecord(url="topics/a/#f1", title="Fact <one>", content=AWKWARD, page="Topic A"),
               *(SearchRecord(url=f"topics/b/#f{n}", title=f"F{n}", content=f"word{n} goats", page="B")
                 for n in range(30))]
    assert write_search_bundle(iter(records), tmp_path / "pagefind") == len(records)
    stored = {r["url"]: r for r in stored_records(tmp_path)}
    assert stored.keys() == {r.url for r in records}
    assert stored["topics/a/#f1"]["content"] == " ".join(AWKWARD.split())  # Pagefind folds spaces
    assert stored["topics/a/#f1"]["meta"] == {"title": "Fact <one>", "page": "Topic A"}
    assert stored["topics/a/"]["meta"] == {"title": "Topic A"}
    bundle = tmp_path / "pagefind"
    assert {"pagefind.js", "pagefind-entry.json", "wasm.en.pagefind", "index", "fragment", "filter"} <= {
        path.name for path in bundle.iterdir()}
    assert len(list((bundle / "fragment").iterdir())) == len(records)  # one per record, as Pagefind writes
    assert json.loads((bundle / "shards.json").read_text(encoding="utf-8")) == {"shards": []}


def test_every_file_is_whole_when_the_writer_returns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Pagefind's service leaves through process::exit when its input closes, with its own writes
    # possibly still in flight (tokio's): the bundle's files are handed over and written here.
    asked: list[str] = []
    call = pagefind_service._Service.call
    monkeypatch.setattr(pagefind_service._Service, "call",
                        lambda self, number, payload: asked.append(payload["type"]) or call(self, number, payload))
    records = [SearchRecord(url=f"topics/t/#f{n}", title=f"F{n}", content=f"claim {n} " * 40, page="T")
               for n in range(2_000)]
    write_search_bundle(iter(records), tmp_path / "pagefind")
    assert asked == ["NewIndex", "GetFiles"]  # never WriteFiles
    files = [path for path in (tmp_path / "pagefind").rglob("*") if path.is_file()]
    assert len([f for f in files if f.suffix == ".pf_fragment"]) == len(records)
    for path in files:
        content = path.read_bytes()
        assert content, f"{path} is empty"
        if path.suffix in (".pf_fragment", ".pf_index", ".pf_meta", ".pf_filter"):
            gzip.decompress(content)  # whole: a truncated gzip stream raises


def test_a_large_index_is_written_in_shards_each_with_the_vocabulary(tmp_path: Path) -> None:
    records = [SearchRecord(url=f"topics/t/#f{n}", title=f"F{n}", page="T",
                            content=" ".join([f"goats word{n}"] * 10)) for n in range(100)]
    assert write_search_bundle(records, tmp_path / "pagefind", shard_words=200) == 100
    bundle = tmp_path / "pagefind"
    shards = json.loads((bundle / "shards.json").read_text(encoding="utf-8"))["shards"]
    assert shards == [f"shard-{n}/" for n in range(1, 10)]  # 20 words a record, 10 records a shard
    for folder in (bundle, *(bundle / shard for shard in shards)):
        assert (folder / "pagefind-entry.json").is_file() and (folder / "pagefind.js").is_file()
        assert len(list((folder / "fragment").iterdir())) == 11  # ten records and the vocabulary
    assert sorted(r["url"] for r in stored_records(tmp_path)) == sorted(r.url for r in records)


def test_records_are_made_for_the_pages_the_site_has_at_their_urls() -> None:
    entries = [SearchEntry(uri="topics/a.md", anchor="", title="A", page="", text="About a."),
               SearchEntry(uri="topics/a.md", anchor="f1", title="F1", page="A", text="One."),
               SearchEntry(uri="topics/gone.md", anchor="f2", title="F2", page="Gone", text="Two.")]
    assert list(search_records(entries, {"topics/a.md": "topics/a.html"})) == [
        SearchRecord(url="topics/a.html", title="A", content="About a."),
        SearchRecord(url="topics/a.html#f1", title="F1", content="One.", page="A")]


def test_an_indexer_that_cannot_start_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    binary = tmp_path / "no-pagefind-here"
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(binary))
    with pytest.raises(SearchIndexError) as raised:
        write_search_bundle(iter([SearchRecord(url="a/", title="A", content="a")]), tmp_path / "pagefind")
    assert str(raised.value) == (
        f"{binary}: error: Pagefind could not be started (No such file or directory: {binary})\n"
        "    hint: reinstall the project's dependencies (`make site`), or set PAGEFIND_BINARY_PATH to a "
        "Pagefind binary")


def test_an_indexer_that_stops_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", "/bin/true")
    with pytest.raises(SearchIndexError, match=r"^/bin/true: error: Pagefind stopped \(exit code 0\)"):
        write_search_bundle([SearchRecord(url="x/", title="X", content="x")], tmp_path / "pagefind")


def test_an_indexer_answering_nonsense_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    service = tmp_path / "nonsense"
    service.write_text("#!/bin/sh\nprintf 'not base64 at all!,'\ncat > /dev/null\n", encoding="utf-8")
    service.chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(service))
    with pytest.raises(SearchIndexError, match="answered something unreadable: b'not base64 at all!'"):
        write_search_bundle([SearchRecord(url="x/", title="X", content="x")], tmp_path / "pagefind")


@pytest.mark.slow
def test_a_failed_index_fails_the_build_and_keeps_the_site(make_project: MakeProject,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_project()
    site = root / "site"
    assert run_briefing("build", "--site", str(site), cwd=root).returncode == 0
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    topic = root / "briefings/topics/shipment.yml"
    topic.write_text(topic.read_text(encoding="utf-8").replace("goats", "sheep"), encoding="utf-8")
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", "/bin/false")
    result = run_briefing("build", "--site", str(site), cwd=root)
    assert result.returncode != 0
    said = result.stdout + result.stderr
    assert "the search index could not be written: /bin/false: error: Pagefind stopped (exit code 1)" in said, said
    assert "\n    hint: build again; if Pagefind fails again, set PAGEFIND_BINARY_PATH" in said
    assert "mkdocs.yml: error: the site was not built: Aborted with a BuildError!" in said
    assert "Traceback" not in said
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before


# -- searched as a reader does: the search worker and pagefind.js in Chromium ----------------

#: Records of three pages: "goats" on one, "go" (a shorter word) on another.
PAGES = {"a": "the goats number {n} arrived at the port", "b": "we go there by train {n}",
         "c": "plain words about freight {n}"}


def search_site(folder: Path, records: list[SearchRecord], shard_words: int) -> Path:
    """A site holding only the search worker and a bundle of ``records``."""
    (folder / "assets").mkdir(parents=True)
    shutil.copy(SEARCH_WORKER_SOURCE, folder / "assets" / "search-worker.js")
    (folder / "index.html").write_text("<!doctype html><title>search</title>", encoding="utf-8")
    write_search_bundle(records, folder / "pagefind", shard_words)
    return folder


@pytest.fixture(scope="module")
def searched(tmp_path_factory: pytest.TempPathFactory, browser: Any) -> Iterator[Any]:
    """``searched(site, query)``: the search worker's answer for ``query`` on ``site``."""
    records = [SearchRecord(url=f"{page}/#r{n}", title=f"{page.upper()}{n}", content=text.format(n=n),
                            page=f"Page {page}") for page, text in PAGES.items() for n in range(5)]
    base = tmp_path_factory.mktemp("search")
    with pytest.MonkeyPatch.context() as patch:
        sites = {"whole": search_site(base / "whole", records, 10_000),
                 "sharded": search_site(base / "sharded", records, 40)}
        patch.setattr(pagefind_service, "_vocabulary", lambda records: None)
        sites["sharded-without-vocabulary"] = search_site(base / "bare", records, 40)

    def ask(site: str, query: str) -> dict:
        with serving(sites[site]) as url:
            page = browser.new_page()
            try:
                page.goto(url)
                return page.evaluate(ASK_WORKER, query)
            finally:
                page.close()

    yield ask


def found(answer: dict) -> list[str]:
    return sorted(doc["location"] for group in answer["items"] for doc in group if doc["text"])


@pytest.mark.browser
def test_a_sharded_index_finds_exactly_what_one_index_finds(searched: Any) -> None:
    for query in ("goats", "go", "train", "freight", "goa"):
        assert found(searched("sharded", query)) == found(searched("whole", query)), query
    assert found(searched("whole", "goats")) == [f"a/#r{n}" for n in range(5)]


@pytest.mark.browser
def test_without_the_vocabulary_a_shard_lacking_a_word_answers_with_a_shorter_one(searched: Any) -> None:
    """Why each shard carries the vocabulary record: Pagefind answers a word an index lacks
    with a shorter word it has, here "go" for "goats" from the shard of page b."""
    assert "b/#r0" in found(searched("sharded-without-vocabulary", "goats"))


@pytest.mark.browser
def test_results_are_grouped_by_page_titled_and_marked(searched: Any) -> None:
    answer = searched("whole", "goats")
    [group] = answer["items"]
    assert group[0] == {"location": "a/", "title": "Page a", "text": "", "score": group[0]["score"],
                        "terms": {"goats": True}}
    assert [doc["title"] for doc in group[1:]] == [f"A{n}" for n in range(5)]
    assert all(doc["text"].startswith("<p>the <mark>goats</mark> number") for doc in group[1:])
    assert answer["total"] == 5
