"""The briefing as it stood at one revision, read from git: what changed since, and when.

A :class:`Snapshot` holds the records of one revision by id (facts with their topic,
judgments, sources, entities), read leniently: a file that does not load gives nothing,
and a fact or judgment that does not validate is skipped, so an old revision with a
mistake in it is still compared. Files are parsed once per blob (:class:`BlobReader`), so
walking many commits parses only the files each commit changed. The working tree's
checked briefing makes a snapshot too (:func:`from_briefing`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from generator.briefing import Briefing
from generator.history.git import Repository
from generator.load import YamlProblem, load_bytes
from generator.model import Entity, Fact, Judgment, Source


@dataclass
class Snapshot:
    """A briefing's records by id at one revision."""

    facts: dict[str, tuple[str, Fact]] = field(default_factory=dict)
    judgments: dict[str, Judgment] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)


#: What one file holds: (kind, id, record, topic id for facts).
Records = list[tuple[str, str, Any, str]]


def parse_file(path: str, raw: bytes) -> Records:
    """The records one briefing file holds (its path relative to ``briefings/``)."""
    try:
        data = load_bytes(raw, Path(path), path).data
    except YamlProblem:
        return []
    parts = path.split("/")
    stem = parts[-1].removesuffix(".yml")
    if parts[0] == "topics" and len(parts) == 2 and isinstance(data, dict):
        return [("fact", fact.id, fact, stem) for fact in _each(Fact, data.get("facts"))]
    if parts[0] == "sources" and len(parts) == 2:
        source = _one(Source, data)
        return [("source", stem, source, "")] if source else []
    if path == "judgments.yml":
        return [("judgment", j.id, j, "") for j in _each(Judgment, data)]
    if path == "entities.yml" and isinstance(data, dict):
        return [("entity", str(eid), entity, "") for eid, item in data.items()
                if (entity := _one(Entity, item)) is not None]
    return []


def _one(model: type[BaseModel], data: Any) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError:
        return None


def _each(model: type[BaseModel], items: Any) -> list[Any]:
    return [record for item in (items if isinstance(items, list) else [])
            if (record := _one(model, item)) is not None]


class BlobReader:
    """Snapshots of revisions, each file parsed once however many revisions hold it."""

    def __init__(self, repo: Repository, folder: str) -> None:
        self.repo, self.folder = repo, folder.rstrip("/")
        self.parsed: dict[str, Records] = {}

    def snapshot(self, revision: str) -> Snapshot:
        files = self.repo.files(revision, self.folder)
        paths = {blob: path for path, blob in files.items()}
        missing = [blob for blob in paths if blob not in self.parsed]
        for blob, raw in self.repo.blobs(missing).items():
            self.parsed[blob] = parse_file(paths[blob].removeprefix(self.folder + "/"), raw)
        snapshot = Snapshot()
        for path in sorted(files):
            for kind, record_id, record, topic in self.parsed[files[path]]:
                if kind == "fact":
                    snapshot.facts.setdefault(record_id, (topic, record))
                else:
                    tables: dict[str, dict[str, Any]] = {"judgment": snapshot.judgments, "source": snapshot.sources,
                                                         "entity": snapshot.entities}
                    tables[kind].setdefault(record_id, record)
        return snapshot


def from_briefing(briefing: Briefing) -> Snapshot:
    """The checked working tree as a snapshot."""
    return Snapshot(facts={fid: (placed.topic_id, placed.fact) for fid, placed in briefing.facts.items()},
                    judgments={j.id: j for j in briefing.judgments}, sources=dict(briefing.sources),
                    entities=dict(briefing.entities))
