"""The command line: ``briefing check|build|new|schemas|serve``, a thin click layer.

Each command calls the library and turns its errors into the located lines a
contributor can act on; exit status 0 means clean, 1 means errors (or warnings under
``--strict``), 2 means the command itself was misused.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, get_args

import click

from generator.check import check_project, load_settings
from generator.errors import BriefingError, Problem
from generator.model import STATUSES, EntityKind

ENTITY_KINDS: tuple[str, ...] = get_args(EntityKind)

ROOT_OPTION = click.option(
    "--root", type=click.Path(file_okay=False, path_type=Path), default=Path("."), show_default=True,
    help="The project folder (holding site_config.yml and briefings/).")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="briefing-generator")
def main() -> None:
    """Check briefing YAML files and build the briefing site from them."""


def _emit(problems: list[Problem], annotate: bool) -> None:
    for problem in sorted(problems, key=lambda p: (p.path, p.line, p.column)):
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
@click.option("--archive", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder of archived source texts (<source-id>.txt, .md or .html): verify every quote "
                   "and warn about claims copied from their sources.")
def check(root: Path, strict: bool, fmt: str, archive: Path | None) -> None:
    """Validate every briefing file and report every problem with its file, line and column."""
    try:
        result = check_project(root)
    except BriefingError as exc:
        _emit(exc.problems, _annotate(fmt))
        sys.exit(1)
    quotes_line = "quotes were not verified (pass --archive DIR to check them against the sources)"
    if archive is not None and result.briefing is not None:
        from generator.quotes import check_archive

        archive_report = check_archive(result.briefing, result.topic_files, archive)
        result.problems.extend(archive_report.problems)
        quotes_line = archive_report.summary()
    elif archive is not None:
        quotes_line = "quotes were not verified: fix the errors above first"
    _emit(result.problems, _annotate(fmt))
    errors, warnings = len(result.errors), len(result.warnings)
    click.echo(quotes_line, err=True)
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


# ---- new: scaffolding -------------------------------------------------------------------

NO_INPUT_OPTION = click.option("--no-input", is_flag=True,
                               help="Never prompt: use the flags given, fail when a required one is missing.")


class _Asker:
    """Gets each value from its flag or, unless --no-input, from a prompt that checks it."""

    def __init__(self, no_input: bool) -> None:
        self.prompt = not no_input

    def text(self, value: str | None, flag: str, label: str, *, required: bool = True,
             default: str | None = None, check: Callable[[str], tuple[str, str] | None] | None = None,
             ) -> str | None:
        if value is not None:
            return value
        if not self.prompt:
            if required and default is None:
                raise click.UsageError(f"missing {flag} (there are no prompts under --no-input)")
            return default

        def convert(answer: str) -> str | None:
            answer = answer.strip()
            if not answer:
                if required:
                    raise click.BadParameter("a value is needed")
                return None
            error = check(answer) if check else None
            if error:
                raise click.BadParameter(f"{error[0]} (hint: {error[1]})" if error[1] else error[0])
            return answer

        shown = default if default is not None else ("" if not required else None)
        return click.prompt(label + ("" if required else " (optional, Enter to skip)"), default=shown,
                            show_default=bool(default), value_proc=convert)

    def ids(self, values: tuple[str, ...], flag: str, label: str, *, required: bool,
            check: Callable[[str], tuple[str, str] | None]) -> list[str]:
        if values or not self.prompt:
            if required and not values:
                raise click.UsageError(f"missing {flag} (there are no prompts under --no-input)")
            return list(values)

        def check_all(answer: str) -> tuple[str, str] | None:
            return next((error for part in _split(answer) if (error := check(part))), None)

        answer = self.text(None, flag, label + " (comma-separated ids)", required=required, check=check_all)
        return _split(answer or "")


def _split(answer: str) -> list[str]:
    return [part for part in answer.replace(",", " ").split() if part]


def _scaffold_failed(exc: Exception) -> None:
    from generator.scaffold import ScaffoldError

    text = exc.report() if isinstance(exc, ScaffoldError) else f"error: {exc}"
    click.echo(text, err=True)
    click.echo("nothing was written", err=True)
    sys.exit(1)


def _read_project(root: Path) -> Any:
    from generator.scaffold import Project

    try:
        return Project.read(root)
    except BriefingError as exc:  # site_config.yml itself is broken
        _emit(exc.problems, _annotate("auto"))
        sys.exit(1)


@main.group()
def new() -> None:
    """Start a source, topic, fact or entity: give values as flags, or answer the prompts."""


@new.command("source")
@ROOT_OPTION
@click.option("--title", help="The headline as published ([Report on …] when none is printed).")
@click.option("--published", help="YYYY-MM-DD, YYYY-MM or YYYY: only as precise as known.")
@click.option("--id", "source_id", help="The file name without .yml (default: from the title).")
@click.option("--outlet", help="Publisher, e.g. Reuters.")
@click.option("--author", help="Byline.")
@click.option("--published-note", help="How the date was established when it is not printed.")
@click.option("--url", help="Where the article is published (http/https).")
@click.option("--archive-url", help="An archived copy (http/https).")
@click.option("--accessed", help="When you read the source (YYYY-MM-DD).")
@click.option("--language", help="BCP 47 tag when not English, e.g. ru, ko.")
@NO_INPUT_OPTION
def new_source(root: Path, title: str | None, published: str | None, source_id: str | None,
               no_input: bool, **optional: str | None) -> None:
    """Create briefings/sources/<id>.yml (asks for title, date, outlet, URL and id)."""
    from generator import scaffold
    from generator.model import Source

    project = _read_project(root)
    ask = _Asker(no_input)

    def check(name: str) -> Callable[[str], tuple[str, str] | None]:
        return lambda value: scaffold.field_error(Source, name, value)

    title = ask.text(title, "--title", "Title (the headline as published)", check=check("title"))
    published = ask.text(published, "--published", "Published (YYYY-MM-DD, YYYY-MM or YYYY)",
                         check=check("published"))
    optional["outlet"] = ask.text(optional["outlet"], "--outlet", "Outlet", required=False,
                                  check=check("outlet"))
    optional["url"] = ask.text(optional["url"], "--url", "URL", required=False, check=check("url"))
    source_id = ask.text(source_id, "--id", "Id", default=scaffold.suggest_id(title or "", project.sources),
                         check=lambda value: scaffold.id_error(value, project.sources, "source"))
    try:
        made = scaffold.new_source(project, title=title or "", published=published or "",
                                   source_id=source_id, **optional)
    except (scaffold.ScaffoldError, FileExistsError) as exc:
        _scaffold_failed(exc)
    click.echo(f"created {made.display} (source '{made.id}')", err=True)
    click.echo(f"next: cite it from a fact with `briefing new fact --source {made.id}`", err=True)


def _fact_options(function: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.option("--claim", help="One or two sentences in your own words."),
        click.option("--status", type=click.Choice(STATUSES), help="How well established the fact is."),
        click.option("--source", "sources", multiple=True, help="A source id (repeat for each source)."),
        click.option("--locator", "locators", multiple=True,
                     help="Where in the source, e.g. 'paragraph 4' (the n-th goes with the n-th --source)."),
        click.option("--quote", "quotes", multiple=True,
                     help="A short excerpt copied exactly (the n-th goes with the n-th --source)."),
        click.option("--value", "values", multiple=True,
                     help="The figure this source gives (the n-th goes with the n-th --source); sources "
                          "giving different values make the fact disputed."),
        click.option("--date", help="When it happened: YYYY-MM-DD, YYYY-MM or YYYY."),
        click.option("--attributed-to", multiple=True, help="Entity id of who asserts it (repeatable)."),
        click.option("--denied-by", multiple=True, help="Entity id of who denied it (repeatable)."),
        click.option("--entity", "entities", multiple=True, help="Entity id the fact is about (repeatable)."),
        click.option("--tag", "tags", multiple=True, help="A lowercase tag (repeatable)."),
        click.option("--fact-id", help="The fact's id (default: from the claim)."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def _ask_fact(ask: _Asker, project: Any, values: dict[str, Any]) -> Any:
    """The prompts of a fact: claim, status, sources, date, who asserts it (when alleged), id."""
    from generator import scaffold
    from generator.model import Fact

    def check(name: str) -> Callable[[str], tuple[str, str] | None]:
        return lambda value: scaffold.field_error(Fact, name, value)

    claim = ask.text(values["claim"], "--claim", "Claim (one or two sentences in your own words)",
                     check=check("claim"))
    status = values["status"] or (click.prompt("Status", type=click.Choice(STATUSES), default="reported")
                                  if ask.prompt else None)
    if status is None:
        raise click.UsageError("missing --status (there are no prompts under --no-input)")
    sources = ask.ids(values["sources"], "--source", "Sources", required=True, check=lambda value: (
        scaffold.reference_error(value, project.sources, "source", "briefings/sources/")))
    date = ask.text(values["date"], "--date", "Date (YYYY-MM-DD, YYYY-MM or YYYY)", required=False,
                    check=check("date"))
    attributed = list(values["attributed_to"])
    if status == "alleged" and not attributed and ask.prompt:
        attributed = ask.ids((), "--attributed-to", "Who asserts it", required=True, check=lambda value: (
            scaffold.reference_error(value, project.entities, "entity", "briefings/entities.yml")))
    fact_id = ask.text(values["fact_id"], "--fact-id", "Fact id",
                       default=scaffold.suggest_id(claim or "", project.facts, "fact"),
                       check=lambda value: scaffold.id_error(value, project.facts, "fact"))
    return scaffold.FactDraft(
        claim=claim or "", status=status, sources=sources, id=fact_id, date=date,
        locators=list(values["locators"]), quotes=list(values["quotes"]), values=list(values["values"]),
        attributed_to=attributed,
        denied_by=list(values["denied_by"]), entities=list(values["entities"]), tags=list(values["tags"]))


@new.command("fact")
@ROOT_OPTION
@click.option("--topic", "topic_id", help="The topic id (file name in briefings/topics/).")
@_fact_options
@NO_INPUT_OPTION
def new_fact(root: Path, topic_id: str | None, no_input: bool, **values: Any) -> None:
    """Append a fact to a topic (asks for claim, status, sources, date and id)."""
    from generator import scaffold

    project = _read_project(root)
    ask = _Asker(no_input)
    if topic_id is None and ask.prompt and project.topics:
        topic_id = click.prompt("Topic", type=click.Choice(project.topics),
                                default=project.topics[0] if len(project.topics) == 1 else None)
    if topic_id is None:
        raise click.UsageError("missing --topic (there are no prompts under --no-input)")
    try:
        made = scaffold.new_fact(project, topic_id, _ask_fact(ask, project, values))
    except scaffold.ScaffoldError as exc:
        _scaffold_failed(exc)
    click.echo(f"added fact '{made.id}' to {made.display} at line {made.line}", err=True)
    click.echo("next: `briefing check`, then open a pull request", err=True)


@new.command("topic")
@ROOT_OPTION
@click.option("--title", help="The page title.")
@click.option("--summary", help="One paragraph in your own words.")
@click.option("--order", type=int, help="Position in the navigation.")
@click.option("--id", "topic_id", help="The file name without .yml (default: from the title).")
@_fact_options
@NO_INPUT_OPTION
def new_topic(root: Path, title: str | None, summary: str | None, order: int | None, topic_id: str | None,
              no_input: bool, **values: Any) -> None:
    """Create briefings/topics/<id>.yml with its first fact (asks for each)."""
    from generator import scaffold
    from generator.model import Topic

    project = _read_project(root)
    ask = _Asker(no_input)
    title = ask.text(title, "--title", "Title",
                     check=lambda value: scaffold.field_error(Topic, "title", value))
    summary = ask.text(summary, "--summary", "Summary (one paragraph in your own words)",
                       check=lambda value: scaffold.field_error(Topic, "summary", value))
    topic_id = ask.text(topic_id, "--id", "Topic id",
                        default=scaffold.suggest_id(title or "", project.topics),
                        check=lambda value: scaffold.id_error(value, project.topics, "topic"))
    if order is None and project.orders:
        order = max(project.orders) + 1
    if ask.prompt:
        click.echo("The topic's first fact:", err=True)
    try:
        made = scaffold.new_topic(project, title=title or "", summary=summary or "", topic_id=topic_id,
                                  order=order, first_fact=_ask_fact(ask, project, values))
    except (scaffold.ScaffoldError, FileExistsError) as exc:
        _scaffold_failed(exc)
    click.echo(f"created {made.display} (topic '{made.id}')", err=True)
    click.echo(f"next: add facts with `briefing new fact --topic {made.id}`", err=True)


@new.command("entity")
@ROOT_OPTION
@click.option("--name", help="The name readers know.")
@click.option("--kind", type=click.Choice(ENTITY_KINDS), help="What sort of thing it is.")
@click.option("--description", help="One short line in your own words, e.g. a role.")
@click.option("--alias", "aliases", multiple=True, help="Another name the sources use (repeatable).")
@click.option("--id", "entity_id", help="The entity id (default: from the name).")
@NO_INPUT_OPTION
def new_entity(root: Path, name: str | None, kind: str | None, description: str | None,
               aliases: tuple[str, ...], entity_id: str | None, no_input: bool) -> None:
    """Add an entity to briefings/entities.yml (asks for name, kind, description and id)."""
    from generator import scaffold
    from generator.model import Entity

    project = _read_project(root)
    ask = _Asker(no_input)
    name = ask.text(name, "--name", "Name", check=lambda value: scaffold.field_error(Entity, "name", value))
    if kind is None and ask.prompt:
        kind = click.prompt("Kind", type=click.Choice(ENTITY_KINDS))
    if kind is None:
        raise click.UsageError("missing --kind (there are no prompts under --no-input)")
    description = ask.text(description, "--description", "Description", required=False,
                           check=lambda value: scaffold.field_error(Entity, "description", value))
    entity_id = ask.text(entity_id, "--id", "Entity id",
                         default=scaffold.suggest_id(name or "", project.entities),
                         check=lambda value: scaffold.id_error(value, project.entities, "entity"))
    try:
        made = scaffold.new_entity(project, name=name or "", kind=kind, entity_id=entity_id,
                                   description=description, aliases=list(aliases))
    except scaffold.ScaffoldError as exc:
        _scaffold_failed(exc)
    click.echo(f"added entity '{made.id}' to {made.display} at line {made.line}", err=True)


# ---- schemas and serve ------------------------------------------------------------------

@main.command()
@ROOT_OPTION
@click.option("--check", "check_only", is_flag=True,
              help="Write nothing; fail when a committed schema differs from the models.")
def schemas(root: Path, check_only: bool) -> None:
    """Write the JSON Schemas of the briefing files (schemas/*.json) from the models."""
    from generator.schemas import stale_schemas, write_schemas

    if check_only:
        stale = stale_schemas(root)
        for name in stale:
            click.echo(f"{name}:1:1: error: out of date with generator/model.py\n"
                       "    hint: run `briefing schemas` and commit the result", err=True)
        if stale:
            sys.exit(1)
        click.echo("schemas are up to date", err=True)
        return
    written = write_schemas(root)
    for name in written:
        click.echo(f"wrote {name}", err=True)
    if not written:
        click.echo("schemas are up to date", err=True)


@main.command()
@ROOT_OPTION
@click.option("-p", "--port", type=click.IntRange(1, 65535), default=8000, show_default=True,
              help="Port on 127.0.0.1.")
@click.option("--config-file", default="mkdocs.yml", show_default=True, help="MkDocs configuration.")
@click.option("--open", "open_browser", is_flag=True, help="Open the preview in a browser.")
@click.option("--strict/--no-strict", default=None,
              help="Treat MkDocs warnings as errors (default: as mkdocs.yml says).")
def serve(root: Path, port: int, config_file: str, open_browser: bool, strict: bool | None) -> None:
    """Preview the site on http://127.0.0.1:PORT/, rebuilt on every change to the briefing."""
    from generator.serve import serve as run_server

    run_server(root, port=port, config_file=config_file, open_browser=open_browser, strict=strict)
