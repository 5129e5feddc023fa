"""The one settings loader: defaults, the user's file validated with located errors, the deploy's
base URL winning, and the project found from any folder inside it."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import BriefingError
from generator.settings import Settings, find_root, load_settings


def test_a_project_without_a_settings_file_has_the_defaults(tmp_path: Path) -> None:
    assert load_settings(tmp_path) == Settings()


def test_a_bad_setting_is_located(tmp_path: Path) -> None:
    (tmp_path / "site_config.yml").write_text('title: "T"\nbase_url: "ftp://x.org"\nfeatures:\n  timelin: true\n')
    with pytest.raises(BriefingError) as raised:
        load_settings(tmp_path)
    assert [p.format() for p in raised.value.problems] == [
        "site_config.yml:2:11: error: 'ftp://x.org' is not an absolute http/https URL\n"
        "    hint: only absolute http:// or https:// links are allowed",
        "site_config.yml:4:3: error: unknown field 'timelin'\n"
        "    hint: did you mean 'timeline'? known fields: entities, latest_facts, list_page_facts, timeline"]


def test_the_deploy_s_base_url_wins_and_is_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "site_config.yml").write_text('base_url: "https://example.org/"\n')
    monkeypatch.setenv("BRIEFING_BASE_URL", "https://pages.example.org/briefing/")
    assert load_settings(tmp_path).base_url == "https://pages.example.org/briefing/"
    monkeypatch.setenv("BRIEFING_BASE_URL", "javascript:alert(1)")
    with pytest.raises(BriefingError, match=r"\$BRIEFING_BASE_URL:1:1: error: 'javascript:alert\(1\)'"):
        load_settings(tmp_path)


def test_the_project_is_the_nearest_folder_with_a_settings_file(tmp_path: Path) -> None:
    (tmp_path / "site_config.yml").write_text("")
    deep = tmp_path / "briefings" / "topics"
    deep.mkdir(parents=True)
    assert find_root(deep) == tmp_path.resolve()
    assert find_root(tmp_path) == tmp_path.resolve()
    assert find_root(Path("/")) is None


def test_a_switch_and_a_number_out_of_range_are_worded_for_a_contributor(tmp_path: Path) -> None:
    (tmp_path / "site_config.yml").write_text('features:\n  timeline: "yes"\n  list_page_facts: 1\n')
    with pytest.raises(BriefingError) as raised:
        load_settings(tmp_path)
    assert [p.format() for p in raised.value.problems] == [
        "site_config.yml:2:13: error: expected true or false, got str 'yes'\n"
        "    hint: write `true` or `false`, without quotes",
        "site_config.yml:3:20: error: 1 is too small: at least 2\n    hint: write a number of 2 or more"]
