"""The search bundle's writer: search records -> Pagefind's own bundle in the built site.

Pagefind (the ``pagefind_bin`` package: one Rust binary) builds a static search index split
into chunks, so a reader's first search downloads only the parts of the index that hold the
words searched for, whatever the size of the briefing. This module runs the binary as a
service (``pagefind --service``), hands it every record as one of Pagefind's custom records
(``AddRecord``) and takes its bundle's files (``GetFiles``) to write them where they belong:
the index, a fragment per record and ``pagefind.js``, which the search worker
(``generator/mkdocs_adapter/search-worker.js``) uses through its documented API.

The protocol is the one Pagefind's own Python and Node wrappers speak: each message is JSON,
base64-encoded and followed by a comma, on the binary's stdin; each answer comes the same way
on its stdout, with the message's id. Pagefind's Python wrapper (the ``pagefind`` package)
reads each answer after a 100 ms sleep, however many calls are made at once: 300 records
took 30 s, so 26,000 would take 43 minutes (``benchmarks/README.md``). This module writes
every message at once and reads the answers as they come.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import selectors
import subprocess
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from pagefind_bin import get_executable

from generator.errors import BriefingError
from generator.exports import SearchEntry

#: Pagefind indexes every record in one language (its stemming and its index files).
LANGUAGE = "en"
#: Words of record text per Pagefind run (about 300 MB of the indexer's memory).
SHARD_WORDS = 250_000
#: The list of the bundle's further shards, read by the search worker.
SHARDS_FILE = "shards.json"
#: The filter every record a reader may see carries, and the search worker asks for: a
#: shard's vocabulary record (see :func:`_vocabulary`) does not carry it.
SHOWN_FILTER = {"shown": ["yes"]}


@dataclass(frozen=True)
class SearchRecord:
    """One thing a search can land on: a page, or a fact on a page.

    ``url`` is relative to the site's root (``topics/x/#fact-id``); ``content`` is the plain
    text to match; ``title`` is what the result shows (Pagefind metadata, which Pagefind matches
    too) and ``page`` the title of the page the record is on (a Pagefind filter value, which it
    does not match: every fact of a page titled "goats" would be found by "goats"). All plain
    text: the search dialog escapes them."""

    url: str
    title: str
    content: str
    page: str = ""


#: What to do when Pagefind fails on a site's search text.
PAGEFIND_HINT = ("build again; if Pagefind fails again, set PAGEFIND_BINARY_PATH to another Pagefind "
                 "build, or report the failure with this message")


class SearchIndexError(BriefingError):
    """Pagefind could not be started, refused a record or could not write the bundle: located
    at the Pagefind binary (or at the bundle's folder for a file it named)."""

    kind = "search index not written"


def pagefind_executable() -> Path:
    """The Pagefind binary: ``PAGEFIND_BINARY_PATH`` when set (as Pagefind's own wrappers
    read it), else the one the ``pagefind_bin`` package carries."""
    return Path(os.environ.get("PAGEFIND_BINARY_PATH") or get_executable())


def search_records(entries: Iterable[SearchEntry], page_urls: Mapping[str, str]) -> Iterator[SearchRecord]:
    """A record for each search entry whose page the site has, at its URL there (the builder's
    ``page_urls``: a page's uri -> its URL, which ``use_directory_urls`` decides)."""
    for entry in entries:
        if entry.uri in page_urls:
            url = page_urls[entry.uri] + (f"#{entry.anchor}" if entry.anchor else "")
            yield SearchRecord(url=url, title=entry.title, content=entry.text, page=entry.page)


def write_search_bundle(records: Iterable[SearchRecord], out_dir: Path,
                        shard_words: int = SHARD_WORDS) -> int:
    """Index ``records`` and have Pagefind write its bundle into ``out_dir``; the number of records.

    Pagefind holds a whole index in memory while it writes it, about 1 kB per word of the
    records: a large briefing is indexed in shards of at most ``shard_words`` words, one
    after another (the first in ``out_dir``, the others in ``out_dir/shard-N/``), which the
    search worker merges into one search with Pagefind's ``mergeIndex``. ``out_dir/shards.json``
    lists the further shards. (At 20,000 facts one index took the indexer to 947 MiB, the
    build and the indexer together to 1,356 MiB; five shards keep both under 760 MiB.)"""
    shards = list(_shards(records, shard_words)) or [[]]
    vocabulary = _vocabulary([record for shard in shards for record in shard]) if len(shards) > 1 else None
    names = [f"shard-{number}/" if number else "" for number in range(len(shards))]
    for name, shard in zip(names, shards, strict=True):
        _index(shard, vocabulary, out_dir / name)
    (out_dir / SHARDS_FILE).write_text(json.dumps({"shards": names[1:]}), encoding="utf-8")
    return sum(len(shard) for shard in shards)


def _vocabulary(records: list[SearchRecord]) -> SearchRecord:
    """A record holding every word of every record once, added to each shard. When a word
    is in no record of an index, Pagefind matches the longest shorter word it has instead
    (``go`` for ``goats``): without this record, a shard lacking a word would answer with
    such near misses while another shard has the word itself. It lacks the filter the search
    worker asks for, so no result list shows it."""
    words = dict.fromkeys(word for record in records for word in record.content.split())
    return SearchRecord(url="#vocabulary", title="", content=" ".join(words))


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


def _record(record: SearchRecord, index_id: int, filters: dict[str, list[str]] | None) -> dict[str, Any]:
    if filters is not None and record.page:
        filters = {**filters, "page": [record.page]}
    return {"type": "AddRecord", "index_id": index_id, "url": record.url, "content": record.content,
            "language": LANGUAGE, "meta": {"title": record.title}, "filters": filters}


def _index(records: list[SearchRecord], vocabulary: SearchRecord | None, out_dir: Path) -> None:
    """One Pagefind index of ``records`` (and ``vocabulary``): its files taken from Pagefind and written
    into ``out_dir``."""
    service = _Service()
    try:
        new_index = {"type": "NewIndex", "config": {"force_language": LANGUAGE}}
        index_id = service.call(0, new_index)["index_id"]
        adds = [(number, _record(record, index_id, SHOWN_FILTER)) for number, record in enumerate(records, 1)]
        if vocabulary is not None:
            adds.append((len(adds) + 1, _record(vocabulary, index_id, None)))
        # Every record is indexed before the bundle is written.
        if not service.exchange(adds, lambda: service.answered() >= len(adds) + 1):
            raise SearchIndexError.at(service.executable, f"Pagefind stopped (exit code {service.stop()}) "
                                      "before it had indexed every record", PAGEFIND_HINT)
        refused = [answer for answer in service.all() if answer["payload"].get("type") == "Error"]
        if refused:
            raise SearchIndexError.at(service.executable, f"Pagefind refused {len(refused)} record(s): "
                                      f"{refused[0]['payload'].get('message')}", PAGEFIND_HINT)
        bundle = service.call(len(adds) + 1, {"type": "GetFiles", "index_id": index_id})
    finally:
        service.stop()
    _write_files(bundle, out_dir)


def _write_files(bundle: dict[str, Any], out_dir: Path) -> None:
    """Pagefind's files, as its ``GetFiles`` answer holds them, written into ``out_dir``.

    Pagefind could write them itself (``WriteFiles``), but its service leaves the moment its
    input closes, through ``std::process::exit``, while its own writes may still be in flight
    on tokio's threads: a fragment could be published empty. Files handed over are written
    here, whole, before the build goes on."""
    try:
        files = {str(file["path"]): base64.b64decode(file["content"]) for file in bundle["files"]}
    except (KeyError, TypeError, ValueError) as exc:
        raise SearchIndexError.at(str(out_dir), f"Pagefind's files could not be read: {exc!r}",
                                  PAGEFIND_HINT) from None
    made: set[Path] = set()
    for name, content in files.items():
        relative = PurePosixPath(name)
        if relative.is_absolute() or ".." in relative.parts:
            raise SearchIndexError.at(str(out_dir), f"Pagefind named a file outside its bundle: {name!r}",
                                      PAGEFIND_HINT)
        target = out_dir / relative
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        target.write_bytes(content)


class _Service:
    """Pagefind's service process, spoken to from this thread alone: messages are written
    and answers read as the pipes allow (a selector), so neither side ever waits on a full
    pipe, and no second thread wakes up for every answer or contends for the interpreter."""

    def __init__(self) -> None:
        self.executable = str(pagefind_executable())
        try:
            self.process = subprocess.Popen([self.executable, "--service"], stdin=subprocess.PIPE,
                                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, bufsize=0)
        except OSError as exc:
            raise SearchIndexError.at(self.executable, f"Pagefind could not be started ({exc.strerror}: "
                                      f"{exc.filename})", "reinstall the project's dependencies (`make site`), or "
                                      "set PAGEFIND_BINARY_PATH to a Pagefind binary") from None
        assert self.process.stdin is not None and self.process.stdout is not None
        self._stdin, self._stdout = self.process.stdin, self.process.stdout
        for stream in (self._stdin, self._stdout):
            os.set_blocking(stream.fileno(), False)
        self._answers: dict[int, dict[str, Any]] = {}
        self._unnumbered: list[dict[str, Any]] = []
        self._pending = bytearray()  # the answer being received

    def call(self, message_id: int, payload: dict[str, Any]) -> dict[str, Any]:
        """Send one message and return its answer's payload."""
        errors = len(self._unnumbered)  # an answer without an id can only be an error
        if not self.exchange([(message_id, payload)],
                             lambda: message_id in self._answers or len(self._unnumbered) > errors):
            raise SearchIndexError.at(self.executable, f"Pagefind stopped (exit code {self.stop()}) "
                                      f"without answering {payload['type']}", PAGEFIND_HINT)
        answered = self._answers.get(message_id)
        answer = (answered or self._unnumbered[-1])["payload"]
        if answer.get("type") == "Error" or answered is None:
            raise SearchIndexError.at(self.executable, f"Pagefind could not answer {payload['type']}: "
                                      f"{answer.get('message')}", PAGEFIND_HINT)
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
                raise SearchIndexError.at(self.executable, f"Pagefind answered something unreadable: {shown!r}",
                                          PAGEFIND_HINT) from None
            if not isinstance(answer, dict) or not isinstance(answer.get("payload"), dict):
                raise SearchIndexError.at(self.executable, "Pagefind answered something unexpected: "
                                          f"{str(answer)[:60]}", PAGEFIND_HINT)
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
