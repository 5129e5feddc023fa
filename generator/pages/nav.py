"""The navigation, in MkDocs' ``nav`` form.

Source and entity pages are reached from their index pages, not listed, so every page's
navigation stays small however large the briefing grows. Every page renders the
navigation, so a long flat list of topics would make the build grow with the square of
their number: no level holds more than :data:`NAV_GROUP_SIZE` entries (topics in groups,
groups in larger groups, in ``order``), and the theme's ``navigation.prune`` renders only
the open group's links.
"""

from __future__ import annotations

from typing import Any

from generator.briefing import Briefing
from generator.settings import Settings
from generator.urls import CHANGES, ENTITIES, HOME, JUDGMENTS, MAP, SOURCES, STATUS_LEGEND, TAGS, TIMELINE, topic_uri

#: Most entries one level of the topics' navigation holds: past it, topics are grouped.
NAV_GROUP_SIZE = 25


def plan_nav(briefing: Briefing, settings: Settings) -> list[Any]:
    nav: list[Any] = [{"Home": HOME}]
    if briefing.judgments:
        nav.append({"Key judgments": JUDGMENTS})
    nav.append({"What's new": CHANGES})
    nav.append({"Topics": nav_groups([topic_uri(tid) for tid in briefing.topic_order])})
    if settings.features.timeline:
        nav.append({"Timeline": TIMELINE})
    if any(entity.location is not None for entity in briefing.entities.values()):
        nav.append({"Map": MAP})
    if settings.features.entities:
        nav.append({"Entities": ENTITIES})
    nav += [{"Sources": SOURCES}, {"Tags": TAGS}, {"Status legend": STATUS_LEGEND}]
    return nav


def nav_groups(uris: list[str], first: int = 1) -> list[Any]:
    """``uris`` as a navigation level of at most :data:`NAV_GROUP_SIZE` entries: themselves
    when few enough, else groups ("Topics 1–25", or "Topics 1–625" of such groups)."""
    if len(uris) <= NAV_GROUP_SIZE:
        return uris
    span = NAV_GROUP_SIZE
    while len(uris) > span * NAV_GROUP_SIZE:
        span *= NAV_GROUP_SIZE
    groups: list[Any] = []
    for start in range(0, len(uris), span):
        low, high = first + start, first + min(start + span, len(uris)) - 1
        groups.append({f"Topics {low}–{high}" if high > low else f"Topic {low}":
                       nav_groups(uris[start:start + span], low)})
    return groups
