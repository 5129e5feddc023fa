"""The search bundle's writer: search records -> Pagefind's files in the built site.

Pagefind (the ``pagefind_bin`` package: one Rust binary) builds a static search index that
is split into chunks, so a reader's first search downloads only the parts of the index
that hold the words searched for, whatever the size of the briefing. This module runs the
binary as a service (``pagefind --service``), hands it every record and takes the bundle's
files back: index chunks, the search library, and a fragment per record. The fragments are
not written as Pagefind makes them (one file per record: for a large briefing, tens of
thousands of files of a few hundred bytes, most of the site's files); each record is
stored instead in one of a few packs (``pagefind/records/``, about eight records each),
found by a hash of its id (:func:`pack_of`), which the search worker fetches for a result.

The protocol is the one Pagefind's own Python and Node wrappers speak: each message is
JSON, base64-encoded and followed by a comma, on the binary's stdin; each answer comes
the same way on its stdout, with the message's id. Pagefind's Python wrapper polls for
answers with a 100 ms sleep between them (over half an hour for 20,000 facts), so this
module writes every message at once and reads the answers as they come.
"""

from __future__ import annotations

import base64
import contextlib
import gzip
import hashlib
import json
import os
import re
import selectors
import subprocess
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from pagefind_bin import get_executable

#: Pagefind indexes every record in one language (its stemming and its index files).
LANGUAGE = "en"
#: Words of record text per Pagefind run (about 300 MB of the indexer's memory).
SHARD_WORDS = 250_000
#: The list of the bundle's further shards, read by the search worker.
SHARDS_FILE = "shards.json"
#: Folder of the record packs, in the bundle; and records per pack, on average.
RECORDS_DIR = "records"
PACK_RECORDS = 8
#: Where a shard's vocabulary record points (no page: the worker never shows it).
VOCABULARY_URL = "#vocabulary"
#: Files Pagefind writes that the site does not load (``templates/assets/search-worker.js``
#: uses ``pagefind.js``, its WebAssembly and the index, and Material's search dialog).
UNUSED_FILES = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css",
                "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-highlight.js")


@dataclass(frozen=True)
class SearchRecord:
    """One thing a search can land on: a page, or a fact on a page.

    ``url`` is relative to the site's root (``topics/x/#fact-id``); ``content`` is the plain
    text to match; ``title`` is what the result shows (matched too) and ``page`` the title
    of the page the record is on (shown, never matched; both plain text: the search dialog
    escapes them)."""

    url: str
    title: str
    content: str
    page: str = ""


class SearchIndexError(RuntimeError):
    """Pagefind refused a record or could not write the bundle."""


def pagefind_executable() -> Path:
    """The Pagefind binary: ``PAGEFIND_BINARY_PATH`` when set (as Pagefind's own wrappers
    read it), else the one the ``pagefind_bin`` package carries."""
    return Path(os.environ.get("PAGEFIND_BINARY_PATH") or get_executable())


def write_search_bundle(records: Iterable[SearchRecord], out_dir: Path,
                        shard_words: int = SHARD_WORDS) -> int:
    """Index ``records`` and write Pagefind's bundle into ``out_dir``; the number of records.

    Pagefind holds a whole index in memory while it writes it, about 1 kB per word of the
    records: a large briefing is indexed in shards of at most ``shard_words`` words, one
    after another (the first in ``out_dir``, the others in ``out_dir/shard-N/``), which the
    search worker merges into one search. ``out_dir/shards.json`` lists the further shards,
    the id of each shard's vocabulary record (see :func:`_vocabulary`), the number of record
    packs, which hold the records of every shard, and their version (see
    :func:`_write_packs`), and the ids two shards both gave (see below)."""
    shards = list(_shards(records, shard_words)) or [[]]
    vocabulary = _vocabulary([record for shard in shards for record in shard]) if len(shards) > 1 else None
    names = [f"shard-{number}/" if number else "" for number in range(len(shards))]
    hidden: set[str] = set()
    found: dict[str, list[tuple[Path, dict[str, Any]]]] = {}  # id -> (shard folder, fragment)
    for name, shard in zip(names, shards, strict=True):
        files = _index_files([*shard, vocabulary] if vocabulary else shard)
        fragments = _take_fragments(files)
        if vocabulary:
            hidden.add(_fragment_id(fragments, vocabulary.url))
        pages = {record.url: record.page for record in shard if record.page}
        for key, fragment in fragments.items():
            if key not in hidden:
                # The page's title goes with the record, not in the index, where Pagefind would
                # match it too: every fact of a page titled "goats" would be found by "goats".
                if page := pages.get(fragment["url"]):
                    fragment["meta"] = {**(fragment.get("meta") or {}), "page": page}
                found.setdefault(key, []).append((out_dir / name, fragment))
        _write_files(files, out_dir / name)
    # An id is unique within one index, not across shards (Pagefind keeps 28 bits of a hash):
    # a record whose id another shard gave too stays a fragment file of its shard, which
    # the search worker has Pagefind load, since only Pagefind knows a result's shard.
    unpacked = sorted(key for key, places in found.items() if len(places) > 1)
    for key in unpacked:
        for folder, fragment in found.pop(key):
            _write_fragment(folder, key, fragment)
    packs, version = _write_packs({key: places[0][1] for key, places in found.items()}, out_dir / RECORDS_DIR)
    manifest = {"shards": names[1:], "hidden": sorted(hidden), "unpacked": unpacked,
                "packs": packs, "version": version}
    (out_dir / SHARDS_FILE).write_text(json.dumps(manifest), encoding="utf-8")
    return sum(len(shard) for shard in shards)


def pack_of(record_id: str, packs: int) -> int:
    """The pack holding the record ``record_id`` (Pagefind's id, which a search result
    carries): FNV-1a (32 bits) of the id, modulo the number of packs. The search worker
    (``templates/assets/search-worker.js``) computes the same."""
    digest = 0x811C9DC5
    for byte in record_id.encode("ascii"):
        digest = ((digest ^ byte) * 0x01000193) & 0xFFFFFFFF
    return digest % packs


def _take_fragments(files: dict[str, bytes]) -> dict[str, dict[str, Any]]:
    """Remove the fragment files from ``files``; each record as Pagefind stored it, by id."""
    fragments: dict[str, dict[str, Any]] = {}
    for path in [path for path in files if path.startswith("fragment/")]:
        record_id = path.removeprefix("fragment/").removesuffix(".pf_fragment")
        if not _RECORD_ID.fullmatch(record_id):
            raise SearchIndexError(f"Pagefind named a fragment {path!r}")
        raw = gzip.decompress(files.pop(path))
        if not raw.startswith(_FRAGMENT_MARK):
            raise SearchIndexError(f"Pagefind's fragment {path!r} could not be read")
        fragments[record_id] = json.loads(raw[len(_FRAGMENT_MARK):])
    return fragments


def _write_fragment(folder: Path, record_id: str, fragment: dict[str, Any]) -> None:
    """A record as a fragment file of Pagefind's own (``fragment/<id>.pf_fragment``)."""
    path = folder / "fragment" / f"{record_id}.pf_fragment"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(_FRAGMENT_MARK + _compact_json(fragment), mtime=0))


def _compact_json(value: Any) -> bytes:
    """``value`` as the bundle stores records: UTF-8 JSON without spaces."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


_RECORD_ID = re.compile(r"[A-Za-z0-9_-]+")
_FRAGMENT_MARK = b"pagefind_dcd"


def _write_packs(stored: dict[str, dict[str, Any]], folder: Path) -> tuple[int, str]:
    """Write the records in ``folder/<n>.records``, each file a gzip-compressed JSON object
    (record id -> its ``url``, ``content`` and ``meta``, what the search worker reads) of
    about :data:`PACK_RECORDS` records; the number of packs and their version, a hash of
    their contents. A result fetches its pack, so a first search fetches at most one pack
    per result shown. Packs keep their names from build to build, so the worker asks for
    ``<n>.records?v=<version>``: a reader's browser never mixes a new index with old packs."""
    packs = max(1, -(-len(stored) // PACK_RECORDS))
    grouped: dict[int, dict[str, dict[str, Any]]] = {}
    for record_id in sorted(stored):
        record = stored[record_id]
        grouped.setdefault(pack_of(record_id, packs), {})[record_id] = {
            key: record.get(key) for key in ("url", "content", "meta")}
    folder.mkdir(parents=True, exist_ok=True)
    version = hashlib.sha256()
    for number in sorted(grouped):
        data = _compact_json(grouped[number])
        version.update(b"%d:%d:" % (number, len(data)) + data)
        (folder / f"{number}.records").write_bytes(gzip.compress(data, mtime=0))
    return packs, version.hexdigest()[:16]


def _vocabulary(records: list[SearchRecord]) -> SearchRecord:
    """A record holding every word of every record once, added to each shard. When a word
    is in no record of an index, Pagefind matches the longest shorter word it has instead
    (``go`` for ``goats``): without this record, a shard lacking a word would answer with
    such near misses while another shard has the word itself. The search worker drops the
    record from every result list (its id is listed in ``shards.json``)."""
    words = dict.fromkeys(word for record in records for word in record.content.split())
    return SearchRecord(url=VOCABULARY_URL, title="", content=" ".join(words))


def _fragment_id(fragments: dict[str, dict[str, Any]], url: str) -> str:
    """The id Pagefind gave the record at ``url``."""
    for record_id, fragment in fragments.items():
        if fragment["url"] == url:
            return record_id
    raise SearchIndexError("the vocabulary record of a shard was not indexed")


def _shards(records: Iterable[SearchRecord], shard_words: int) -> Iterator[list[SearchRecord]]:
    shard: list[SearchRecord] = []
    words = 0
    for record in records:
        size = record.content.count(" ") + 1
        if shard and words + size > shard_words:
            yield shard
            shard, words = [], 0
        shard.append(record)
        words += size
    if shard:
        yield shard


def _index_files(records: list[SearchRecord]) -> dict[str, bytes]:
    """One Pagefind index of ``records``: its files (path in the bundle -> bytes).

    Pagefind hands the files over rather than writing them itself: it writes each file
    on a thread of a pool, which on two cores costs several times the CPU of indexing."""
    service = _Service()
    try:
        new_index = {"type": "NewIndex", "config": {"force_language": LANGUAGE}}
        index_id = service.call(0, new_index)["index_id"]
        adds = [(number, {"type": "AddRecord", "index_id": index_id, "url": record.url,
                          "content": record.content, "language": LANGUAGE,
                          "meta": {"title": record.title}})
                for number, record in enumerate(records, start=1)]
        # Every record is indexed before the bundle is asked for.
        if not service.exchange(adds, lambda: service.answered() >= len(adds) + 1):
            raise SearchIndexError(f"Pagefind stopped (exit code {service.stop()}) "
                                   "before it had indexed every record")
        refused = [answer for answer in service.all() if answer["payload"].get("type") == "Error"]
        if refused:
            raise SearchIndexError(f"Pagefind refused {len(refused)} record(s): "
                                   f"{refused[0]['payload'].get('message')}")
        bundle = service.call(len(adds) + 1, {"type": "GetFiles", "index_id": index_id})
    finally:
        service.stop()
    try:
        return {file["path"]: base64.b64decode(file["content"]) for file in bundle["files"]}
    except (KeyError, TypeError, ValueError) as exc:
        raise SearchIndexError(f"Pagefind's files could not be read: {exc!r}") from None


def _write_files(files: dict[str, bytes], out_dir: Path) -> None:
    """The files of one index, in ``out_dir``, but for Pagefind's own search interfaces
    (the site searches from Material's dialog)."""
    folders: set[Path] = set()
    for path, content in files.items():
        relative = PurePosixPath(path)
        if relative.is_absolute() or ".." in relative.parts:
            raise SearchIndexError(f"Pagefind named a file outside its bundle: {path!r}")
        if relative.name in UNUSED_FILES:
            continue
        target = out_dir / relative
        if target.parent not in folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            folders.add(target.parent)
        target.write_bytes(content)


class _Service:
    """Pagefind's service process, spoken to from this thread alone: messages are written
    and answers read as the pipes allow (a selector), so neither side ever waits on a full
    pipe, and no second thread wakes up for every answer or contends for the interpreter."""

    def __init__(self) -> None:
        self.process = subprocess.Popen([str(pagefind_executable()), "--service"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, bufsize=0)
        assert self.process.stdin is not None and self.process.stdout is not None
        self._stdin, self._stdout = self.process.stdin, self.process.stdout
        for stream in (self._stdin, self._stdout):
            os.set_blocking(stream.fileno(), False)
        self._answers: dict[int, dict[str, Any]] = {}
        self._unnumbered: list[dict[str, Any]] = []
        self._pending = bytearray()  # the answer being received (the bundle's comes in many reads)

    def call(self, message_id: int, payload: dict[str, Any]) -> dict[str, Any]:
        """Send one message and return its answer's payload."""
        errors = len(self._unnumbered)  # an answer without an id can only be an error
        if not self.exchange([(message_id, payload)],
                             lambda: message_id in self._answers or len(self._unnumbered) > errors):
            raise SearchIndexError(f"Pagefind stopped (exit code {self.stop()}) "
                                   f"without answering {payload['type']}")
        answered = self._answers.get(message_id)
        answer = (answered or self._unnumbered[-1])["payload"]
        if answer.get("type") == "Error" or answered is None:
            raise SearchIndexError(f"Pagefind could not answer {payload['type']}: {answer.get('message')}")
        return answer

    def exchange(self, messages: list[tuple[int, dict[str, Any]]], done: Callable[[], bool]) -> bool:
        """Send ``messages`` (id, payload) and read answers until ``done()``; False if the
        service stopped first."""
        data = b"".join(base64.b64encode(json.dumps({"message_id": message_id, "payload": payload})
                                         .encode("utf-8")) + b"," for message_id, payload in messages)
        view, sent = memoryview(data), 0
        with selectors.DefaultSelector() as selector:
            selector.register(self._stdout, selectors.EVENT_READ)
            if data:
                selector.register(self._stdin, selectors.EVENT_WRITE)
            while sent < len(view) or not done():
                for key, _ in selector.select():
                    if key.fileobj is self._stdin:
                        try:
                            sent += os.write(self._stdin.fileno(), view[sent:sent + (1 << 16)])
                        except BlockingIOError:
                            continue  # the pipe filled up again since the selector looked
                        except BrokenPipeError:
                            return False
                        if sent == len(view):
                            selector.unregister(self._stdin)
                    else:
                        chunk = os.read(self._stdout.fileno(), 1 << 20)
                        if not chunk:
                            return False
                        self._take(chunk)
        return True

    def _take(self, chunk: bytes) -> None:
        last = chunk.rfind(b",")
        if last < 0:
            self._pending += chunk
            return
        self._pending += chunk[:last]
        messages = self._pending.split(b",")
        self._pending = bytearray(chunk[last + 1:])
        for message in messages:
            try:
                answer = json.loads(base64.b64decode(message))
            except ValueError:
                shown = bytes(message[:60])
                raise SearchIndexError(f"Pagefind answered something unreadable: {shown!r}") from None
            if not isinstance(answer, dict) or not isinstance(answer.get("payload"), dict):
                raise SearchIndexError(f"Pagefind answered something unexpected: {str(answer)[:60]}")
            if answer.get("message_id") is None:
                self._unnumbered.append(answer)
            else:
                self._answers[answer["message_id"]] = answer

    def all(self) -> list[dict[str, Any]]:
        return [*self._answers.values(), *self._unnumbered]

    def answered(self) -> int:
        """How many answers have come (to numbered messages or not)."""
        return len(self._answers) + len(self._unnumbered)

    def stop(self) -> int:
        """Close the service's input, wait for it to end; its exit code."""
        with contextlib.suppress(OSError):
            self._stdin.close()
        self._stdout.close()
        return self.process.wait()
