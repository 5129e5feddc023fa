"""Where a source's report comes from: ``restates`` followed to the origins it repeats.

A source that restates another (wire copy, a write-up of another outlet's report, an
embedded post) adds no corroboration of its own: it counts as the origin it repeats.
``judgment_rules`` counts a fact's independent origins with :func:`fact_origins`; the
problems of the ``restates`` lists themselves (an unknown id, a source restating itself,
a cycle) are reported here, each at the entry to change. Called by ``rules`` with every
validated record.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from generator.checked import Checked
from generator.errors import Problem
from generator.messages import closest
from generator.model import Fact, Source


def origins(source_id: str, sources: Mapping[str, Source]) -> frozenset[str]:
    """The origins a source stands for: itself when it restates no known source, otherwise
    the origins of what it restates, followed to the end (a cycle ends the walk)."""
    found: set[str] = set()
    seen = {source_id}
    stack = [source_id]
    while stack:
        current = stack.pop()
        source = sources.get(current)
        targets = [t for t in (source.restates if source else []) if t in sources and t != current]
        if not targets:
            found.add(current)
        for target in targets:
            if target not in seen:
                seen.add(target)
                stack.append(target)
    return frozenset(found or {source_id})


def fact_origins(fact: Fact, sources: Mapping[str, Source]) -> frozenset[str]:
    """The independent origins of the sources a fact cites."""
    return frozenset(origin for source_id in fact.sources for origin in origins(source_id, sources))


def restates_problems(checked: Checked) -> Iterator[Problem]:
    """Every ``restates`` entry names another known source, and none leads back to its own."""
    records = {sid: located.record for sid, located in checked.sources.items()}
    for source_id, located in sorted(checked.sources.items()):
        for index, target in enumerate(located.record.restates):
            if target == source_id:
                yield located.problem(("restates", index), f"source '{source_id}' restates itself",
                                      "remove it from `restates`: list only the other sources this one repeats",
                                      "restates itself")
            elif target not in records:
                if f"sources:{target}" not in checked.invalid_ids:
                    yield located.problem(("restates", index), f"unknown source '{target}'",
                                          closest(target, [r for r in records if r != source_id],
                                                  "briefings/sources/"), "unknown source")
            else:
                path = _path(target, source_id, records)
                if path and source_id == min(path):
                    chain = " → ".join([source_id, *path])
                    yield located.problem(("restates", index), f"sources restate each other in a circle "
                                          f"({chain})", "a source restates what was reported before it: "
                                          "remove the entry of the later report from the earlier one's "
                                          "`restates`", "restates in a circle")


def _path(start: str, goal: str, sources: Mapping[str, Source]) -> list[str]:
    """The sources from ``start`` to ``goal`` along ``restates`` (both included), or []."""
    previous: dict[str, str] = {}
    stack = [start]
    seen = {start}
    while stack:
        current = stack.pop()
        if current == goal:
            path = [current]
            while path[-1] != start:
                path.append(previous[path[-1]])
            return path[::-1]
        source = sources.get(current)
        for target in source.restates if source else []:
            if target in sources and target not in seen:
                seen.add(target)
                previous[target] = current
                stack.append(target)
    return []
