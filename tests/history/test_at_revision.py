"""A briefing at one revision: records read leniently from files, each blob parsed once."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.history.at_revision import BlobReader, parse_file
from generator.history.git import Repository
from tests.conftest import MakeProject
from tests.gitrepo import commit, git

TOPIC = (b'title: "T"\nsummary: "S"\nfacts:\n  - id: good\n    claim: "c"\n    status: reported\n'
         b'    cites: [{source: s, locator: p}]\n  - id: broken\n    claim: "c"\n    status: rumour\n'
         b'    cites: [{source: s}]\n')


def test_each_kind_of_file_gives_its_records_and_skips_what_does_not_validate() -> None:
    assert [(kind, rid, topic) for kind, rid, _, topic in parse_file("topics/goats.yml", TOPIC)] == [
        ("fact", "good", "goats")]
    assert [(k, rid) for k, rid, _, _ in parse_file("sources/alpha.yml", b'title: "A"\npublished: 2024\n')] == [
        ("source", "alpha")]
    assert parse_file("sources/alpha.yml", b'title: "A"\n') == []
    assert [rid for _, rid, _, _ in parse_file("entities.yml", b'a:\n  name: "A"\n  kind: place\nb: {}\n')] == ["a"]
    assert parse_file("topics/goats.yml", b"title: [unclosed\n") == []
    assert parse_file("notes.yml", b"a: 1\n") == []


def test_a_revision_s_snapshot_parses_each_blob_once(make_project: MakeProject,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    root: Path = make_project()
    git(root, "init", "-q", "-b", "main")
    first = commit(root, "First", "2026-03-02T10:00:00+00:00")
    topic = root / "briefings/topics/shipment.yml"
    topic.write_text(topic.read_text().replace("Alpha shipped goats", "Alpha sent goats"))
    second = commit(root, "Second", "2026-03-03T10:00:00+00:00")
    repo = Repository.find(root)
    assert repo is not None
    reader = BlobReader(repo, "briefings")
    before = reader.snapshot(first)
    assert set(before.facts) == {"goat-count", "beta-denies"} and set(before.sources) == {"alpha-report",
                                                                                         "beta-report"}
    import generator.history.at_revision as module

    parsed: list[str] = []
    original = module.parse_file
    monkeypatch.setattr(module, "parse_file", lambda path, raw: parsed.append(path) or original(path, raw))
    after = reader.snapshot(second)
    assert parsed == ["topics/shipment.yml"]  # only the file that changed
    assert after.facts["goat-count"][1].claim.startswith("Alpha sent goats")
