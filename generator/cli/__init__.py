"""The command line: ``briefing check|build|diff|new|correct|retire|revise|schemas|serve``, a thin
click layer.

Each command finds the project (``--root``, or the nearest folder holding
``site_config.yml``, from the current one up), calls the library, and turns its errors
into the located lines a contributor can act on: errors first, then warnings, then a
summary by kind. Exit status 0 means clean, 1 means errors (or warnings under
``--strict``), 2 means the command itself was misused. This package is the only one that
imports click.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.cli.amend import correct, retire, revise
from generator.cli.common import FORMAT_OPTION, ROOT_OPTION, annotates, emit, project_root
from generator.cli.new import new
from generator.errors import BriefingError, Problem, summary
from generator.settings import load_settings
from generator.vocabulary import plural


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="briefing-generator")
def main() -> None:
    """Check briefing YAML files and build the briefing site from them."""


@main.command()
@ROOT_OPTION
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option("--errors-only", is_flag=True, help="List errors only (the summary still counts warnings).")
@FORMAT_OPTION
@click.option("--archive", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder of archived source texts, each named after its source: <source-id>.txt, .md or "
                   ".html. Every quote is verified against its source's text, and claims copied from "
                   "their sources are reported.")
@click.option("--base", help="The git revision of the published briefing (a pull request's base): published "
                             "facts that changed need a correction, and published ids must stay. Default: the "
                             "merge base with the default branch (main, or what origin/HEAD names).")
def check(root: Path | None, strict: bool, errors_only: bool, fmt: str, archive: Path | None,
          base: str | None) -> None:
    """Validate every briefing file and report every problem with its file, line and column."""
    from generator.check import check_project
    from generator.history.published import Base, PublishedIds, base_problems, default_base

    root = project_root(root)
    published = Base(base, base, "") if base is not None else default_base(root)
    try:
        result = check_project(root, published=lambda: PublishedIds(root).at(published.revision or "HEAD"))
    except BriefingError as exc:
        emit(exc.problems, annotates(fmt))
        sys.exit(1)
    problems = list(result.problems)
    lines = [line for line in (published.note,) if line]
    if not archive:
        lines.append("quotes were not verified (pass --archive DIR to check them against the sources)")
    if published.revision is not None and result.checked is not None:
        problems.extend(base_problems(root, published.revision, result.checked, published.name))
    if archive is not None and result.briefing is not None:
        from generator.quotes import check_archive

        report = check_archive(result.briefing, result.topic_files, archive)
        problems.extend(report.problems)
        lines.append(report.summary())
    elif archive is not None:
        lines.append("quotes were not verified: fix the errors above first")
    emit([p for p in problems if p.is_error or not errors_only], annotates(fmt))
    if result.briefing is not None:
        facts = result.briefing.current_facts
        single = sum(1 for placed in facts if placed.fact.single_source)
        lines.append(f"{plural(len(facts), 'fact')}, {single} resting on a single source (readers see it "
                     "marked)")
    for line in lines:
        click.echo(line, err=True)
    click.echo(f"checked {plural(result.files, 'file')}: {summary(problems)}", err=True)
    errors = any(p.is_error for p in problems)
    if errors or (strict and problems):
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
def build(root: Path | None, markdown_dir: Path | None, site_dir: Path | None, config_file: str,
          strict: bool, verbose: bool) -> None:
    """Build the site with MkDocs (atomically), or with --markdown only its Markdown tree."""
    root = project_root(root)
    try:
        if markdown_dir is not None:
            from generator.generate import generate
            from generator.tree import write_tree

            report = write_tree(generate(root), markdown_dir)
            click.echo(f"wrote {plural(len(report.written), 'file')}, {len(report.unchanged)} unchanged, "
                       f"{len(report.removed)} removed in {markdown_dir}", err=True)
            return
        from generator.mkdocs_adapter.build import SiteBuildError, build_site

        out = site_dir or root / load_settings(root).output
        try:
            built = build_site(root, out, config_file=config_file, strict=strict, verbose=verbose)
        except SiteBuildError as exc:
            emit(exc.problems, annotates("auto"))
            sys.exit(1)
        click.echo(f"built the site in {built}", err=True)
    except BriefingError as exc:
        emit(exc.problems, annotates("auto"))
        click.echo(summary(exc.problems), err=True)
        click.echo("error: the briefing has errors; nothing was written", err=True)
        sys.exit(1)


@main.command()
@ROOT_OPTION
@click.argument("base")
@click.argument("head", required=False)
@click.option("--format", "fmt", type=click.Choice(["auto", "text", "markdown"]), default="auto",
              show_default=True, help="Plain `text`, or `markdown` for a pull request's summary (auto: text on "
                                      "a terminal, Markdown otherwise).")
def diff(root: Path | None, base: str, head: str | None, fmt: str) -> None:
    """What HEAD (default: the working tree) changes of the briefing at BASE, in content terms: facts
    added, changed (before -> after), retired, each with its status and citations; sources, entities,
    judgments."""
    from generator.check import require_briefing
    from generator.history.at_revision import Snapshot, from_briefing
    from generator.history.compare import changes_between, summary
    from generator.history.published import base_snapshot

    root = project_root(root)
    try:
        before = base_snapshot(root, base)
        after: Snapshot | Problem = base_snapshot(root, head) if head else from_briefing(require_briefing(root)[0])
    except BriefingError as exc:
        emit(exc.problems, False)
        sys.exit(1)
    for snapshot in (before, after):
        if isinstance(snapshot, Problem):
            emit([snapshot], False)
            sys.exit(1)
    assert isinstance(before, Snapshot) and isinstance(after, Snapshot)
    markdown = fmt == "markdown" or (fmt == "auto" and not sys.stdout.isatty())
    click.echo(summary(changes_between(before, after), before, after, base, head or "working tree", markdown),
               nl=False)


@main.command()
@ROOT_OPTION
@click.option("--check", "check_only", is_flag=True,
              help="Write nothing; fail when a committed file differs from the models.")
def schemas(root: Path | None, check_only: bool) -> None:
    """Write the JSON Schemas (schemas/*.json) and the format reference (FORMAT.md) from the models."""
    from generator.schemas import stale_files, write_files

    root = project_root(root)
    if check_only:
        stale = stale_files(root)
        for name in stale:
            click.echo(f"{name}:1:1: error: out of date with generator/model.py\n"
                       "    hint: run `briefing schemas` and commit the result", err=True)
        if stale:
            sys.exit(1)
        click.echo("schemas and format reference are up to date", err=True)
        return
    written = write_files(root)
    for name in written:
        click.echo(f"wrote {name}", err=True)
    if not written:
        click.echo("schemas and format reference are up to date", err=True)


@main.command()
@ROOT_OPTION
@click.option("-p", "--port", type=click.IntRange(1, 65535), default=8000, show_default=True,
              help="Port on 127.0.0.1.")
@click.option("--config-file", default="mkdocs.yml", show_default=True, help="MkDocs configuration.")
@click.option("--open", "open_browser", is_flag=True, help="Open the preview in a browser.")
@click.option("--strict/--no-strict", default=None,
              help="Treat MkDocs warnings as errors (default: as mkdocs.yml says).")
def serve(root: Path | None, port: int, config_file: str, open_browser: bool, strict: bool | None) -> None:
    """Preview the site on http://127.0.0.1:PORT/, rebuilt on every change to the briefing."""
    from generator.mkdocs_adapter.serve import PreviewError
    from generator.mkdocs_adapter.serve import serve as run_server

    try:
        run_server(project_root(root), port=port, config_file=config_file, open_browser=open_browser,
                   strict=strict)
    except PreviewError as exc:
        emit(exc.problems, False)
        sys.exit(1)


main.add_command(new)
for command in (correct, retire, revise):
    main.add_command(command)
