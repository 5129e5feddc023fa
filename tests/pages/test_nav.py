"""The navigation (generator/pages/nav.py): the judgments page after home when there are
judgments, optional pages as the settings say."""

from __future__ import annotations

from generator.pages.nav import plan_nav
from generator.settings import Settings
from tests.pages.conftest import Site


def test_judgments_come_right_after_home_only_when_there_are_some(case: Site, minimal: Site) -> None:
    labels = [next(iter(e)) for e in case.generated.nav]
    assert labels[:2] == ["Home", "Key judgments"] and labels.count("Key judgments") == 1
    assert {"Topics", "Timeline", "Entities", "Sources", "Tags", "Status legend"} <= set(labels)
    assert "Key judgments" not in [next(iter(e)) for e in minimal.generated.nav]


def test_optional_pages_follow_the_settings(case: Site) -> None:
    settings = Settings.model_validate({"features": {"timeline": False, "entities": False}})
    labels = [next(iter(e)) for e in plan_nav(case.briefing, settings)]
    assert "Timeline" not in labels and "Entities" not in labels
