"""Every record's history from git: when each fact, judgment and source was first published and
last changed in substance, and the briefing's changes by date.

Built from the commits on the built branch's first-parent line that touched the briefing
(``git log --raw``, one process), oldest first: each commit's changed files are parsed
before and after (``at_revision.parse_file``) and compared record by record in content terms
(``compare``), so reformatting or reordering a file changes nothing. A record's ``added``
is the date of the first commit that holds it, its ``updated`` the date of its last
substantive change. What one walk computes is kept in ``.cache/briefing/revisions.json``
with the last commit it read and a fingerprint of the code that computed it, so a rebuild
reads only the commits since; a rewritten history, or changed code, is read afresh. A
checkout without history (not a git checkout, a shallow clone) gives no revisions: the
dates are left out, with one notice in the log.
"""

from __future__ import annotations

import ast
import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from generator.history.at_revision import parse_file
from generator.history.compare import changed_fields, fact_fields, judgment_fields
from generator.history.git import GitError, Repository

log = logging.getLogger("briefing.revisions")
CACHE_FILE = Path(".cache") / "briefing" / "revisions.json"
CACHE_VERSION = 1
#: The folder of the ``generator`` package.
PACKAGE = Path(__file__).resolve().parents[1]


def deciding_files() -> list[Path]:
    """The source files of this module and of every ``generator`` module it imports, directly or
    through another (with the packages holding them): the code that decides what a record is
    and what counts as its change. The cache holds what this code computed, so it is read only
    by the same code."""
    seen: set[Path] = set()
    pending = [Path(__file__).resolve()]
    while pending:
        path = pending.pop()
        if path in seen:
            continue
        seen.add(path)
        tree = ast.parse(_source(path), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
            else:
                continue
            pending += [file for name in names for file in _module_files(name)]
    return sorted(seen)


def _module_files(name: str) -> list[Path]:
    """The file of a ``generator`` module and those of the packages it is in (none for a
    module outside the package, or a name that is no module)."""
    parts = name.split(".")
    if parts[0] != "generator":
        return []
    files = [PACKAGE.joinpath(*parts[1:i], "__init__.py") for i in range(1, len(parts))]
    module = PACKAGE.joinpath(*parts[1:])
    files += [module.with_suffix(".py"), module / "__init__.py"] if len(parts) > 1 else [PACKAGE / "__init__.py"]
    return [file for file in files if file.is_file()]


def _source(path: Path) -> bytes:
    return path.read_bytes()


@lru_cache(maxsize=1)
def _code_fingerprint() -> str:
    digest = hashlib.sha256(CACHE_VERSION.to_bytes(2, "big"))
    for path in deciding_files():
        digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + _source(path))
    return digest.hexdigest()[:16]


_NO_BLOB = "0" * 40


@dataclass
class Record:
    """When a record was first published and last changed in substance (ISO dates with time)."""

    added: str
    updated: str | None = None


@dataclass(frozen=True)
class Event:
    """One change of the briefing, as the page of changes and the feed tell it."""

    date: str
    kind: str  # fact-added, fact-changed, fact-retired, judgment-added, judgment-revised, source-added
    id: str
    #: (field, before, after) of what changed
    changes: tuple[tuple[str, str, str], ...] = ()


@dataclass
class Revisions:
    """Every record's dates, and the changes by date (oldest first)."""

    facts: dict[str, Record] = field(default_factory=dict)
    judgments: dict[str, Record] = field(default_factory=dict)
    sources: dict[str, Record] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    #: the commits read, oldest first (for resuming from the cache)
    commits: list[str] = field(default_factory=list)


_FIELDS: dict[str, Callable[[Any], dict[str, Any]]] = {"fact": fact_fields, "judgment": judgment_fields,
           "source": lambda s: {"title": s.title, "published": s.published, "url": s.url or "", "kind": s.kind}}


def read_revisions(root: Path, briefings_dir: Path, *, cache: bool = True) -> Revisions | None:
    """The briefing's revisions from git, or None (with one notice) when there is no history."""
    repo = Repository.find(root)
    reason = None
    if repo is None:
        reason = "the project is not a git checkout"
    elif repo.is_shallow():
        reason = "the clone is shallow (fetch the full history, e.g. `fetch-depth: 0`)"
    if repo is None or reason:
        log.info(f"briefing: no dates of publication or change on the pages: {reason}")
        return None
    try:
        folder = repo.path_in_repo(briefings_dir)
        return _walk(repo, folder, root / CACHE_FILE if cache else None)
    except (GitError, ValueError) as exc:
        log.info(f"briefing: no dates of publication or change on the pages: git could not say ({exc})")
        return None


def _walk(repo: Repository, folder: str, cache_path: Path | None) -> Revisions:
    commits = [(c.sha, c.date, [change for change in c.changes if change[2].endswith(".yml")])
               for c in repo.commits("HEAD", folder)]
    revisions = _load_cache(cache_path, folder, [sha for sha, _, _ in commits])
    done = len(revisions.commits)
    blobs = repo.blobs(list(dict.fromkeys(blob for _, _, changes in commits[done:] for change in changes
                                          for blob in change[:2] if blob != _NO_BLOB)))
    for sha, date, changes in commits[done:]:
        before: dict[tuple[str, str], Any] = {}
        after: dict[tuple[str, str], Any] = {}
        for old, new, path in changes:
            relative = path.removeprefix(folder.rstrip("/") + "/")
            for blob, side in ((old, before), (new, after)):
                if blob != _NO_BLOB:
                    for kind, record_id, record, _ in parse_file(relative, blobs[blob]):
                        if kind in _FIELDS:  # entities have no dates of their own
                            side[(kind, record_id)] = (record, _FIELDS[kind](record))
        _apply(revisions, date, before, after)
        revisions.commits.append(sha)
    if cache_path is not None and len(commits) > done:
        _save_cache(cache_path, folder, revisions)
    return revisions


def _apply(revisions: Revisions, date: str, before: dict[tuple[str, str], Any],
           after: dict[tuple[str, str], Any]) -> None:
    """One commit's changes: records added, changed in substance, retired."""
    for (kind, record_id), (record, fields) in after.items():
        records = {"fact": revisions.facts, "judgment": revisions.judgments, "source": revisions.sources}[kind]
        old = before.get((kind, record_id))
        if record_id not in records:
            records[record_id] = Record(added=date)
            revisions.events.append(Event(date, f"{kind}-added", record_id))
            continue
        if old is None:  # moved from a file this commit did not change: nothing to compare
            continue
        changes = changed_fields(old[1], fields)
        if changes:
            records[record_id].updated = date
            if kind != "source":
                name = "fact-changed" if kind == "fact" else "judgment-revised"
                revisions.events.append(Event(date, name, record_id,
                                              tuple((c.field, c.before, c.after) for c in changes)))
        if kind == "fact" and record.retired and not old[0].retired:
            revisions.events.append(Event(date, "fact-retired", record_id))


def _load_cache(path: Path | None, folder: str, commits: list[str]) -> Revisions:
    """What an earlier walk computed, when its commits are the first of these (else nothing)."""
    if path is None or not path.is_file():
        return Revisions()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != _code_fingerprint() or data.get("folder") != folder:
            return Revisions()
        read: list[str] = data["commits"]
        if read != commits[:len(read)]:
            return Revisions()
        return Revisions(
            facts={k: Record(**v) for k, v in data["facts"].items()},
            judgments={k: Record(**v) for k, v in data["judgments"].items()},
            sources={k: Record(**v) for k, v in data["sources"].items()},
            events=[Event(e["date"], e["kind"], e["id"], tuple(tuple(c) for c in e["changes"]))
                    for e in data["events"]],
            commits=read)
    except (OSError, ValueError, KeyError, TypeError):
        return Revisions()


def _save_cache(path: Path, folder: str, revisions: Revisions) -> None:
    data = {"version": _code_fingerprint(), "folder": folder, "commits": revisions.commits,
            "facts": {k: asdict(v) for k, v in revisions.facts.items()},
            "judgments": {k: asdict(v) for k, v in revisions.judgments.items()},
            "sources": {k: asdict(v) for k, v in revisions.sources.items()},
            "events": [asdict(e) for e in revisions.events]}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_suffix(".tmp")
        temp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        temp.replace(path)
    except OSError:  # a read-only checkout: no cache, the same revisions
        pass
