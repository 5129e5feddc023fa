"""The Markdown tree (generator/tree.py): editing one fact rewrites only the files that show it.

The tree is written once, every file's mtime is set far in the past, one fact's claim is
edited in its YAML file and the tree is written again: exactly the files that show that
fact are rewritten (with the new words), and every other file keeps its bytes and mtime;
told what it wrote before (``previous``, as the preview does), the writer compares in memory
and gives the same result.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import NamedTuple

import pytest

from benchmarks.corpus import SIZES, write_project
from generator.briefing import PlacedFact
from generator.check import check_project
from generator.generate import generate
from generator.tree import MANIFEST, NAV_FILE, TreeReport, write_tree
from generator.urls import entity_uri, source_uri, topic_uri

OLD = 1_000_000_000  # 2001-09-09: an mtime no write of this test can produce
MARKER = "Quarantinedmarker"  # one word, no punctuation: it reaches every page unescaped


Files = dict[str, tuple[bytes, int]]


class Edited(NamedTuple):
    """The edited fact, what the second write reported, and every file (bytes, mtime) before and after."""

    placed: PlacedFact
    report: TreeReport
    before: Files
    after: Files


def _snapshot(out: Path) -> Files:
    return {path.relative_to(out).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
            for path in sorted(out.rglob("*")) if path.is_file()}


@pytest.fixture(params=["read back", "previous"])
def edited(tmp_path: Path, request: pytest.FixtureRequest) -> Edited:
    root = write_project(tmp_path / "project", SIZES["tiny"], seed=3)
    briefing = check_project(root).briefing
    assert briefing is not None
    # a fact that shows on many pages: dated, naming entities, citing two sources or more
    placed = next(p for p in briefing.facts.values()
                  if p.fact.date and p.fact.entities and len({c.source for c in p.fact.cites}) > 1)
    out = tmp_path / "markdown"
    site = generate(root)
    first = write_tree(site, out)
    assert not first.unchanged
    previous = dict(site.files) if request.param == "previous" else None
    for path in out.rglob("*"):
        os.utime(path, ns=(OLD * 10**9, OLD * 10**9))
    before = _snapshot(out)

    topic_file = root / "briefings" / "topics" / f"{placed.topic_id}.yml"
    text = topic_file.read_text(encoding="utf-8")
    claim_line = re.compile(rf'(  - id: "{re.escape(placed.id)}"\n    claim: ")')
    assert claim_line.search(text), "the corpus writes facts as `- id:` then `claim:`"
    topic_file.write_text(claim_line.sub(rf"\g<1>{MARKER} ", text, count=1), encoding="utf-8")

    report = write_tree(generate(root), out, previous=previous)
    return Edited(placed, report, before, _snapshot(out))


def test_only_pages_showing_the_fact_are_rewritten(edited: Edited) -> None:
    report, after = edited.report, edited.after
    showing = {uri for uri, (data, _) in after.items() if MARKER.encode() in data}
    assert set(report.written) == showing
    assert not report.removed


def test_the_pages_that_show_the_fact_are_among_them(edited: Edited) -> None:
    placed, report = edited.placed, edited.report
    written = set(report.written)
    fact = placed.fact
    expected = {topic_uri(placed.topic_id), "status.md", "timeline.md"}
    expected |= {source_uri(c.source) for c in fact.cites}
    expected |= {entity_uri(e) for e in fact.entities}
    assert expected <= written, expected - written
    # lists that name the fact's sources and entities, but not its claim, stay as they were
    assert not {"sources/index.md", "entities/index.md", NAV_FILE, MANIFEST} & written
    # other topics do not show it
    assert not {uri for uri in written if uri.startswith("topics/")} - {topic_uri(placed.topic_id)}


def test_every_other_file_keeps_its_bytes_and_mtime(edited: Edited) -> None:
    before, after, report = edited.before, edited.after, edited.report
    written = set(report.written)
    assert set(before) == set(after)
    untouched = [uri for uri in before if uri not in written]
    assert len(untouched) > len(written)  # most of the site did not change
    for uri in untouched:
        assert after[uri] == before[uri], uri
        assert after[uri][1] == OLD * 10**9
    for uri in written:
        assert after[uri][0] != before[uri][0], uri
        assert after[uri][1] != OLD * 10**9
