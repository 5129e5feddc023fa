"""The search bundle: records in, Pagefind's files out, and a failing indexer stops the build.

``write_search_bundle`` is driven directly with records holding awkward text; the stored
records are read back from their packs (``search_records``) to show each arrives whole. A build
whose indexer fails exits non-zero with a message and leaves the published site as it was.
What a reader sees of the bundle is tested in ``test_browser.py`` (searching, and a hostile
claim shown as text).
"""

from __future__ import annotations

import base64
import gzip
import json
import subprocess
from pathlib import Path

import playwright
import pytest

from generator import pagefind_service
from generator.pagefind_service import (
    VOCABULARY_URL,
    SearchIndexError,
    SearchRecord,
    _write_files,
    pack_of,
    write_search_bundle,
)
from tests.conftest import REPO, MakeProject, read_fragment, run_briefing, search_records

AWKWARD = 'goats <b>bold</b> & &amp; "quoted" \u00e9\u6f22 \U0001f410 line\nbreak'


def test_every_record_is_stored_whole(tmp_path: Path) -> None:
    records = [SearchRecord(url="topics/a/", title="Topic A", content="Topic A. About goats."),
               SearchRecord(url="topics/a/#f1", title="Fact <one>", content=AWKWARD, page="Topic A"),
               *(SearchRecord(url=f"topics/b/#f{n}", title=f"F{n}", content=f"word{n} goats", page="B")
                 for n in range(300))]
    count = write_search_bundle(iter(records), tmp_path / "pagefind")
    assert count == len(records)
    stored = {r["url"]: r for r in search_records(tmp_path)}
    assert stored.keys() == {r.url for r in records}
    assert stored["topics/a/#f1"]["content"] == " ".join(AWKWARD.split())  # Pagefind folds spaces
    assert stored["topics/a/#f1"]["meta"] == {"title": "Fact <one>", "page": "Topic A"}
    assert stored["topics/a/"]["meta"] == {"title": "Topic A"}
    bundle = {p.name for p in (tmp_path / "pagefind").iterdir()}
    assert {"pagefind.js", "pagefind-entry.json", "wasm.en.pagefind", "index", "records"} <= bundle
    assert not any(name.startswith("pagefind-ui") for name in bundle)  # unused interfaces removed
    assert "fragment" not in bundle  # a file per record: packed instead
    packs = list((tmp_path / "pagefind" / "records").iterdir())
    assert 30 <= len(packs) <= 38  # 302 records, 8 to a pack: 38 packs, a few of them empty


def test_the_worker_finds_a_record_in_the_pack_it_was_written_to() -> None:
    """The search worker's packOf, run by the Node.js that Playwright carries, agrees with
    pack_of; and pack_of is FNV-1a (32 bits), checked on published values."""
    assert pack_of("a", 1 << 32) == 0xE40C292C and pack_of("foobar", 1 << 32) == 0xBF9CF968
    ids = ["en_335dc1d", "en_0feb885", "x", "en_" + "f" * 40]
    asked = f"{json.dumps(ids)}.map(id => [3, 97, 2 ** 31].map(n => packOf(id, n)))"
    assert json.loads(run_worker("", f"console.log(JSON.stringify({asked}))")) == [
        [pack_of(i, n) for n in (3, 97, 2 ** 31)] for i in ids]


def run_worker(pack: str, checks: str) -> str:
    """What ``checks`` prints, run after the search worker's source by the Node.js that
    Playwright carries, with the worker's surroundings stubbed (see WORKER_HARNESS): every
    fetch answers the bytes of ``pack`` (base64)."""
    worker = (REPO / "templates/assets/search-worker.js").read_text(encoding="utf-8")
    script = WORKER_HARNESS.replace("PACK", pack) + worker + checks
    node = Path(playwright.__file__).parent / "driver" / "node"
    return subprocess.run([node, "-e", script], capture_output=True, text=True, check=True).stdout


def test_a_file_named_outside_the_bundle_is_refused(tmp_path: Path) -> None:
    for path in ("../escaped.js", "/tmp/escaped.js", "fragment/../../escaped.js"):
        with pytest.raises(SearchIndexError, match="outside its bundle"):
            _write_files({"pagefind.js": b"", path: b"x"}, tmp_path / "site" / "pagefind")
    assert not list(tmp_path.rglob("escaped.js"))


def test_an_indexer_that_stops_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", "/bin/true")
    stopped = r"Pagefind stopped \(exit code 0\)"
    with pytest.raises(SearchIndexError, match=stopped):
        write_search_bundle([SearchRecord(url="x/", title="X", content="x")], tmp_path / "pagefind")


def test_an_indexer_answering_nonsense_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    service = tmp_path / "nonsense"
    service.write_text("#!/bin/sh\nprintf 'not base64 at all!,'\ncat > /dev/null\n", encoding="utf-8")
    service.chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(service))
    with pytest.raises(SearchIndexError, match="answered something unreadable: b'not base64 at all!'"):
        write_search_bundle([SearchRecord(url="x/", title="X", content="x")], tmp_path / "pagefind")


def test_a_failed_index_fails_the_build_and_keeps_the_site(make_project: MakeProject,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_project()
    site = root / "site"
    assert run_briefing("build", "--site", str(site), cwd=root).returncode == 0
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    (root / "briefings/topics/shipment.yml").write_text(
        (root / "briefings/topics/shipment.yml").read_text(encoding="utf-8").replace("goats", "sheep"),
        encoding="utf-8")
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", "/bin/false")
    result = run_briefing("build", "--site", str(site), cwd=root)
    assert result.returncode != 0
    said = result.stdout + result.stderr
    assert "the search index could not be written: Pagefind stopped (exit code 1)" in said, said
    assert "Traceback" not in said
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before


def test_a_large_index_is_written_in_shards(tmp_path: Path) -> None:
    records = [SearchRecord(url=f"topics/t/#f{n}", title=f"F{n}", page="T",
                            content=" ".join([f"goats word{n}"] * 10)) for n in range(100)]
    count = write_search_bundle(records, tmp_path / "pagefind", shard_words=200)
    bundle = tmp_path / "pagefind"
    manifest = json.loads((bundle / "shards.json").read_text(encoding="utf-8"))
    shards = manifest["shards"]
    assert count == 100 and shards == [f"shard-{n}/" for n in range(1, 10)]  # 20 words a record
    [hidden] = manifest["hidden"]  # the vocabulary record: the same in every shard
    assert manifest["packs"] == 13  # the records of every shard, 8 to a pack
    for folder in (bundle, *(bundle / shard for shard in shards)):
        assert (folder / "pagefind-entry.json").is_file() and (folder / "wasm.en.pagefind").is_file()
        assert not (folder / "fragment").exists()
    assert {r["url"] for r in search_records(tmp_path)} == {r.url for r in records}
    packed = b"".join(gzip.decompress(path.read_bytes()) for path in (bundle / "records").iterdir())
    assert hidden.encode() not in packed


def test_an_id_two_shards_both_gave_stays_a_fragment_file_in_each(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Pagefind's ids are unique within one index only: when a record of the second shard gets
    an id the first shard gave (simulated here), both records stay Pagefind's fragment
    files, each in its shard, where Pagefind finds them for its own results."""
    index_files = pagefind_service._index_files
    taken: list[str] = []

    def url_of(files: dict[str, bytes], path: str) -> str:
        return read_fragment(files[path])["url"]

    def clashing(records: list[SearchRecord]) -> dict[str, bytes]:
        files = index_files(records)
        real = sorted(path for path in files
                      if path.startswith("fragment/") and url_of(files, path) != VOCABULARY_URL)
        if not taken:
            taken.append(real[0])
        elif len(taken) == 1:
            taken.append(url_of(files, real[0]))
            files[taken[0]] = files.pop(real[0])
        return files

    monkeypatch.setattr(pagefind_service, "_index_files", clashing)
    records = [SearchRecord(url=f"topics/t/#f{n}", title=f"F{n}", page="Topic T",
                            content=" ".join([f"goats word{n}"] * 10)) for n in range(40)]
    write_search_bundle(records, tmp_path / "pagefind", shard_words=200)
    bundle = tmp_path / "pagefind"
    manifest = json.loads((bundle / "shards.json").read_text(encoding="utf-8"))
    clash = taken[0].removeprefix("fragment/").removesuffix(".pf_fragment")
    assert manifest["unpacked"] == [clash]
    kept = {folder.name: read_fragment((folder / taken[0]).read_bytes())
            for folder in (bundle, bundle / "shard-1")}
    assert kept["shard-1"]["url"] == taken[1] != kept["pagefind"]["url"]
    assert all(one["meta"] == {"title": one["meta"]["title"], "page": "Topic T"} for one in kept.values())
    assert sorted(r["url"] for r in search_records(tmp_path)) == sorted(r.url for r in records)


def test_the_packs_version_follows_their_contents(tmp_path: Path) -> None:
    records = [SearchRecord(url=f"topics/t/#f{n}", title=f"F{n}", content=f"goats {n}") for n in range(20)]
    versions = []
    for name, changed in (("a", records), ("b", records), ("c", [*records[:-1], SearchRecord(
            url="topics/t/#f19", title="F19", content="sheep 19")])):
        write_search_bundle(changed, tmp_path / name)
        versions.append(json.loads((tmp_path / name / "shards.json").read_text(encoding="utf-8"))["version"])
    assert versions[0] == versions[1] != versions[2]


WORKER_HARNESS = """
globalThis.self = { location: { href: "http://site.test/assets/search-worker.js" } }
globalThis.addEventListener = () => {}
const requested = []
globalThis.fetch = async url => {
  requested.push(String(url))
  return new Response(Uint8Array.from(atob("PACK"), c => c.charCodeAt(0)))
}
"""

WORKER_CHECKS = """
;(async () => {
  const index = { packs: 1, version: "v1", unpacked: new Set(["en_clash"]) }
  const data = async () => ({ url: "/topics/b/#g", content: "two goats", meta: { title: "G" }, excerpt: "" })
  const viaPagefind = await record(index, { id: "en_clash", words: [1], data })
  const packed = await record(index, { id: "en_packed", words: [0] })
  const missing = await record(index, { id: "en_absent", words: [] })
  console.log(JSON.stringify({ viaPagefind, packed, missing, requested }))
})()
"""


def test_the_worker_reads_a_record_from_its_pack_or_through_pagefind() -> None:
    stored = {"url": "topics/a/#f", "content": "goats here", "meta": {"title": "F", "page": "A"}}
    pack = base64.b64encode(gzip.compress(json.dumps({"en_packed": stored}).encode())).decode()
    shown = json.loads(run_worker(pack, WORKER_CHECKS))
    assert shown["viaPagefind"] == {"url": "/topics/b/#g", "content": "two goats", "meta": {"title": "G"},
                                    "locations": [1]}
    assert shown["packed"] == {**stored, "locations": [0]}
    assert shown["missing"] is None
    assert shown["requested"] == ["http://site.test/pagefind/records/0.records?v=v1"]  # once: then kept


def test_a_shard_size_below_one_word_is_refused(make_project: MakeProject) -> None:
    root = make_project()
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - briefing\n", "  - briefing:\n      search_shard_words: 0\n"), encoding="utf-8")
    result = run_briefing("build", "--site", str(root / "site"), cwd=root)
    assert result.returncode != 0
    assert "search_shard_words must be a positive number of words, not 0" in result.stdout + result.stderr
    assert not (root / "site").exists()
