"""The benchmark's synthetic corpus (benchmarks/corpus.py): deterministic per seed, and a
briefing the real check accepts, with the shapes the pages must cope with (disagreements,
partial dates, every status). Only the tiny size runs here; the benchmark runs the rest."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.corpus import SIZES, corpus_files, write_project
from generator.briefing import Briefing
from generator.check import check_project

TINY = SIZES["tiny"]


@pytest.fixture(scope="module")
def tiny_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_project(tmp_path_factory.mktemp("corpus") / "project", TINY, seed=3)


@pytest.fixture(scope="module")
def tiny_briefing(tiny_project: Path) -> Briefing:
    result = check_project(tiny_project)
    assert not result.errors, "\n".join(p.format() for p in result.errors)
    assert result.briefing is not None
    return result.briefing


def test_same_seed_gives_the_same_bytes() -> None:
    assert corpus_files(TINY, seed=5) == corpus_files(TINY, seed=5)


def test_another_seed_gives_another_briefing() -> None:
    first, second = corpus_files(TINY, seed=5), corpus_files(TINY, seed=6)
    assert first["briefings/entities.yml"] != second["briefings/entities.yml"]
    assert sorted(first) != sorted(second)  # topic and source ids differ too


def test_project_passes_the_check_command(tiny_project: Path) -> None:
    from tests.conftest import run_briefing

    result = run_briefing("check", "--root", str(tiny_project), cwd=tiny_project)
    assert result.returncode == 0, result.stderr
    gazetteer = (tiny_project / "briefings" / "sources" / "gazetteer.yml").is_file()  # when it has places
    assert f"checked {TINY.topics + TINY.sources + 1 + gazetteer} files: 0 errors" in result.stderr


def test_its_places_are_located_from_its_gazetteer(tiny_briefing: Briefing) -> None:
    places = [e for e in tiny_briefing.entities.values() if e.kind == "place"]
    assert places and all(e.location is not None and e.location.source == "gazetteer" for e in places)
    assert tiny_briefing.sources["gazetteer"].kind == "reference"


def test_sizes_are_as_promised(tiny_briefing: Briefing) -> None:
    assert len(tiny_briefing.topics) == TINY.topics
    assert len(tiny_briefing.facts) == TINY.facts
    assert len([s for s in tiny_briefing.sources if s != "gazetteer"]) == TINY.sources
    assert len(tiny_briefing.entities) == TINY.entities


def test_has_facts_whose_sources_give_different_values(tiny_briefing: Briefing) -> None:
    assert [p for p in tiny_briefing.facts.values() if p.fact.values_differ]


def test_has_partial_dates(tiny_briefing: Briefing) -> None:
    lengths = {len(p.fact.date or "") for p in tiny_briefing.facts.values()}
    assert {4, 7, 10} <= lengths  # YYYY, YYYY-MM and full dates; 0 = undated
    assert 0 in lengths


def test_has_every_status_and_citation_counts_from_one_to_four(tiny_project: Path) -> None:
    briefing = check_project(tiny_project).briefing
    assert briefing is not None
    facts = [p.fact for p in briefing.facts.values()]
    assert {f.status for f in facts} == {"confirmed", "reported", "alleged", "disputed"}
    assert all(f.attributed_to for f in facts if f.status == "alleged")
    assert min(len(f.cites) for f in facts) == 1
    assert max(len(f.cites) for f in facts) >= 3


def test_every_source_cited_and_every_entity_named(tiny_project: Path) -> None:
    messages = [p.message for p in check_project(tiny_project).warnings]
    assert not [m for m in messages if "is not cited by any fact" in m or "is not named by any fact" in m]
