"""The command line: ``briefing check`` and ``briefing build``, a thin click layer.

Each command calls the library and turns its errors into the located lines a
contributor can act on; exit status 0 means clean, 1 means errors (or warnings under
``--strict``), 2 means the command itself was misused.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from generator.check import check_project, load_settings
from generator.errors import BriefingError, Problem

ROOT_OPTION = click.option(
    "--root", type=click.Path(file_okay=False, path_type=Path), default=Path("."), show_default=True,
    help="The project folder (holding site_config.yml and briefings/).")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="briefing-generator")
def main() -> None:
    """Check briefing YAML files and build the briefing site from them."""


def _emit(problems: list[Problem], annotate: bool) -> None:
    for problem in problems:
        click.echo(problem.format(), err=True)
        if annotate:
            click.echo(problem.github_annotation())


def _annotate(fmt: str) -> bool:
    return fmt == "github" or (fmt == "auto" and os.environ.get("GITHUB_ACTIONS") == "true")


@main.command()
@ROOT_OPTION
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option("--format", "fmt", type=click.Choice(["auto", "text", "github"]), default="auto",
              show_default=True, help="`github` adds workflow annotations (auto: under GitHub Actions).")
def check(root: Path, strict: bool, fmt: str) -> None:
    """Validate every briefing file and report every problem with its file, line and column."""
    try:
        result = check_project(root)
    except BriefingError as exc:
        _emit(exc.problems, _annotate(fmt))
        sys.exit(1)
    _emit(result.problems, _annotate(fmt))
    errors, warnings = len(result.errors), len(result.warnings)
    click.echo(f"checked {result.files} files: {errors} error(s), {warnings} warning(s)", err=True)
    if errors or (strict and warnings):
        sys.exit(1)


@main.command()
@ROOT_OPTION
@click.option("--markdown", "markdown_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write only the Markdown tree (pages, assets, _nav.yml) to this folder.")
@click.option("--site", "site_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Where to build the site (default: `output` of site_config.yml).")
@click.option("--config-file", default="mkdocs.yml", show_default=True, help="MkDocs configuration.")
@click.option("--strict/--no-strict", default=True, show_default=True,
              help="Treat MkDocs warnings (broken links, missing anchors) as errors.")
@click.option("-v", "--verbose", is_flag=True, help="Show MkDocs' progress.")
def build(root: Path, markdown_dir: Path | None, site_dir: Path | None, config_file: str,
          strict: bool, verbose: bool) -> None:
    """Build the site with MkDocs (atomically), or with --markdown only its Markdown tree."""
    from generator.generate import generate

    try:
        if markdown_dir is not None:
            from generator.tree import write_tree

            site = generate(root)
            report = write_tree(site, markdown_dir)
            click.echo(f"wrote {len(report.written)} files, {len(report.unchanged)} unchanged, "
                       f"{len(report.removed)} removed in {markdown_dir}", err=True)
            return
        from generator.site_build import SiteBuildError, build_site, quiet_mkdocs_logging

        quiet_mkdocs_logging(verbose)
        out = site_dir or root / load_settings(root).output
        try:
            built = build_site(root, out, config_file=config_file, strict=strict)
        except SiteBuildError as exc:
            click.echo(f"error: the site was not built ({exc}); the previous site is untouched", err=True)
            sys.exit(1)
        click.echo(f"built the site in {built}", err=True)
    except BriefingError as exc:
        _emit(exc.problems, _annotate("auto"))
        click.echo("error: the briefing has errors; nothing was written", err=True)
        sys.exit(1)
