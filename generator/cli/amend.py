"""``briefing correct|retire|revise``: a dated entry added to a published record -> ``scaffold.amend``.

``correct FACT`` adds a correction, ``retire FACT`` withdraws the fact (its anchor stays),
``revise JUDGMENT`` adds a history entry to a key judgment; each with ``--note`` (asked for
when missing) and ``--date`` (default: today). The edit is checked as ``briefing new``
checks an entry; a refused one writes nothing and prints the problem with its hint.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from generator.cli.common import ROOT_OPTION
from generator.cli.new import _failed, _project
from generator.errors import BriefingError

_NOTE = click.option("--note", prompt="Note (what changed and why, in your own words)",
                     help="What changed and why, in your own words (shown to readers).")
_DATE = click.option("--date", "on", default=lambda: datetime.date.today().isoformat(),
                     show_default="today", help="The day of the change (YYYY-MM-DD); never in the future.")


def _amend(root: Path | None, change: Callable[..., Any], record_id: str, note: str, on: str, what: str) -> None:
    project = _project(root)
    try:
        made = change(project, record_id, note, on)
    except BriefingError as exc:
        _failed(exc)
    click.echo(f"{what} in {made.display} at line {made.line}", err=True)
    click.echo("next: `briefing check`, then open a pull request", err=True)


@click.command()
@ROOT_OPTION
@click.argument("fact_id", metavar="FACT")
@_NOTE
@_DATE
def correct(root: Path | None, fact_id: str, note: str, on: str) -> None:
    """Add a dated correction to a published fact (after changing its claim, status, date or values)."""
    from generator.scaffold.amend import correct_fact

    _amend(root, correct_fact, fact_id, note, on, f"added a correction to fact '{fact_id}'")


@click.command()
@ROOT_OPTION
@click.argument("fact_id", metavar="FACT")
@_NOTE
@_DATE
def retire(root: Path | None, fact_id: str, note: str, on: str) -> None:
    """Withdraw a fact: `retired:` with the note, and a dated correction saying so (its anchor stays)."""
    from generator.scaffold.amend import retire_fact

    _amend(root, retire_fact, fact_id, note, on, f"retired fact '{fact_id}'")


@click.command()
@ROOT_OPTION
@click.argument("judgment_id", metavar="JUDGMENT")
@_NOTE
@_DATE
def revise(root: Path | None, judgment_id: str, note: str, on: str) -> None:
    """Add a dated history entry to a key judgment (after changing its likelihood, confidence or text);
    `reviewed` moves to that day."""
    from generator.scaffold.amend import revise_judgment

    _amend(root, revise_judgment, judgment_id, note, on, f"added a history entry to judgment '{judgment_id}'")
