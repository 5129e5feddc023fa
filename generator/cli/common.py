"""What every ``briefing`` command shares: finding the project, and writing its problems."""

from __future__ import annotations

import os
from pathlib import Path

import click

from generator.errors import Problem, in_order
from generator.settings import CONFIG_NAME, find_root

ROOT_OPTION = click.option(
    "--root", type=click.Path(file_okay=False, path_type=Path), default=None,
    help="The project folder (holding site_config.yml); default: the nearest one from here up.")


def project_root(root: Path | None) -> Path:
    """The project's folder: as given, or found from the current folder up."""
    if root is not None:
        return root
    found = find_root(Path.cwd())
    if found is None:
        raise click.UsageError(f"no {CONFIG_NAME} here or in any folder above: run the command from the "
                               "project's folder, or pass --root")
    return found


def emit(problems: list[Problem], annotate: bool) -> None:
    """Every problem, errors first, each with its hint (and as a GitHub annotation)."""
    for problem in in_order(problems):
        click.echo(problem.format(), err=True)
        if annotate:
            click.echo(problem.github_annotation())


def annotates(fmt: str) -> bool:
    return fmt == "github" or (fmt == "auto" and os.environ.get("GITHUB_ACTIONS") == "true")


FORMAT_OPTION = click.option(
    "--format", "fmt", type=click.Choice(["auto", "text", "github"]), default="auto", show_default=True,
    help="`github` adds workflow annotations (auto: under GitHub Actions).")
