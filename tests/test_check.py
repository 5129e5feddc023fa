"""Every file of a briefing, loaded and validated, then the rules across files: the checked briefing,
and a cache that re-reads only the files whose bytes changed."""

from __future__ import annotations

from generator.check import FileCache, check_project
from tests.conftest import MakeProject


def test_a_valid_briefing_gives_the_checked_briefing_with_every_record(make_project: MakeProject) -> None:
    result = check_project(make_project())
    assert result.errors == [] and result.briefing is not None
    assert sorted(result.briefing.sources) == ["alpha-report", "beta-report"]
    assert list(result.briefing.facts) == ["goat-count", "beta-denies"]
    assert result.files == 4 and set(result.topic_files) == {"shipment"}


def test_the_cache_re_reads_only_changed_files_and_gives_back_the_same_records(make_project: MakeProject) -> None:
    root = make_project()
    cache = FileCache()
    first = check_project(root, cache=cache).briefing
    again = check_project(root, cache=cache).briefing
    assert cache.reused == 4
    assert again.topics["shipment"] is first.topics["shipment"]  # the very same records
    topic = root / "briefings/topics/shipment.yml"
    topic.write_text(topic.read_text().replace("Alpha shipped goats", "Alpha sent goats"))
    changed = check_project(root, cache=cache).briefing
    assert cache.reused == 4 + 3
    assert changed.topics["shipment"] is not first.topics["shipment"]
    assert changed.sources["alpha-report"] is first.sources["alpha-report"]
    assert changed.facts["goat-count"].fact.claim.startswith("Alpha sent goats")


def test_a_cross_file_problem_is_found_again_when_only_the_other_file_changes(make_project: MakeProject) -> None:
    root = make_project()
    cache = FileCache()
    assert check_project(root, cache=cache).errors == []
    (root / "briefings/sources/beta-report.yml").unlink()
    assert [p.kind for p in check_project(root, cache=cache).errors] == ["unknown source"]


def test_stray_files_and_a_missing_entities_file_are_reported(make_project: MakeProject) -> None:
    root = make_project({"briefings/notes.yml": "x: 1\n"})
    (root / "briefings/entities.yml").unlink()
    kinds = sorted(p.kind for p in check_project(root).errors)
    assert kinds == ["missing file", "stray file"] + ["unknown entity"] * 4
