"""The rule that no record dates what has not happened yet: a correction, a judgment's history
entry, its ``reviewed`` date and a source's ``accessed`` date lie no later than today.

Called by ``rules`` with every validated record. "Today" is today anywhere on Earth (UTC
plus 14 hours), so a contributor ahead of the machine's clock is never refused the date of
their own day. A partial date (``2026-12``) counts from its first day.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

from generator.checked import Checked, Located
from generator.errors import Problem
from generator.model import first_day

#: The furthest ahead of UTC a calendar runs (Line Islands, UTC+14).
_AHEAD = timedelta(hours=14)


def latest_today() -> date:
    """The latest date that is today somewhere."""
    return (datetime.now(UTC) + _AHEAD).date()


def future_date_problems(checked: Checked, today: date | None = None) -> Iterator[Problem]:
    today = today or latest_today()
    dated: list[tuple[Located[Any], tuple[str | int, ...], str, str]] = []
    for fact in checked.facts():
        dated.extend((fact, ("corrections", i, "date"), c.date, f"correction of fact '{fact.record.id}'")
                     for i, c in enumerate(fact.record.corrections))
    for judgment in checked.judgments:
        dated.extend((judgment, ("history", i, "date"), h.date, f"history entry of judgment '{judgment.record.id}'")
                     for i, h in enumerate(judgment.record.history))
        dated.append((judgment, ("reviewed",), judgment.record.reviewed, f"judgment '{judgment.record.id}' reviewed"))
    for source_id, source in sorted(checked.sources.items()):
        if source.record.accessed:
            dated.append((source, ("accessed",), source.record.accessed, f"source '{source_id}' accessed"))
    for located, where, value, what in dated:
        if first_day(value) > today:
            yield located.problem(where, f"{what}: {value} lies in the future",
                                  "write the date it happened: today at the latest", "date in the future")
