"""``briefing new source|topic|fact|entity|judgment``: values from flags or prompts -> ``scaffold``.

Each value comes from its flag or, unless ``--no-input``, from a prompt that checks the
answer with the checker's own rules and asks again until it is valid. A fact's prompts ask
for everything a cited fact needs: per source its locator, quote and value, and the known
entity ids and tags to choose from. Flags that pair with ``--source`` by position
(``--locator``, ``--quote``, ``--value``) are refused when there are more of them than
sources: nothing is written.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args

import click

from generator.cli.common import ROOT_OPTION, annotates, emit, project_root
from generator.cli.prompts import Asker, Check
from generator.errors import BriefingError, ScaffoldError
from generator.model import STATUSES, Confidence, Difference, EntityKind, Likelihood, SourceKind

if TYPE_CHECKING:
    from generator.scaffold import Project

ENTITY_KINDS: tuple[str, ...] = get_args(EntityKind)
SOURCE_KINDS: tuple[str, ...] = get_args(SourceKind)
DIFFERENCES: tuple[str, ...] = get_args(Difference)
LIKELIHOODS: tuple[str, ...] = get_args(Likelihood)
CONFIDENCES: tuple[str, ...] = get_args(Confidence)
NO_INPUT_OPTION = click.option("--no-input", is_flag=True,
                               help="Never prompt: use the flags given, fail when a required one is missing.")


def _failed(exc: BriefingError) -> None:
    if isinstance(exc, ScaffoldError):
        click.echo(exc.report(), err=True)
    else:  # site_config.yml itself is broken
        emit(exc.problems, annotates("auto"))
    click.echo("nothing was written", err=True)
    sys.exit(1)


def _project(root: Path | None) -> Any:
    from generator.scaffold import Project

    try:
        return Project.read(project_root(root))
    except BriefingError as exc:
        _failed(exc)


@click.group()
def new() -> None:
    """Start a source, topic, fact, entity or judgment: give values as flags, or answer the prompts."""


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
@click.option("--kind", type=click.Choice(SOURCE_KINDS),
              help="article (default), reference (needs --url and --accessed) or statement.")
@NO_INPUT_OPTION
def new_source(root: Path | None, title: str | None, published: str | None, source_id: str | None,
               no_input: bool, **optional: str | None) -> None:
    """Create briefings/sources/<id>.yml (asks for title, date, outlet, URL and id)."""
    from generator import scaffold
    from generator.model import Source

    project = _project(root)
    ask = Asker(no_input)

    def check(name: str) -> Check:
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
    except BriefingError as exc:
        _failed(exc)
    click.echo(f"created {made.display} (source '{made.id}')", err=True)
    click.echo(f"next: cite it from a fact with `briefing new fact --source {made.id}`", err=True)


def _fact_options(function: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.option("--claim", help="One or two sentences in your own words."),
        click.option("--status", type=click.Choice(STATUSES), help="How well established the fact is."),
        click.option("--source", "sources", multiple=True, help="A source id (repeat for each citation)."),
        click.option("--locator", "locators", multiple=True,
                     help="Where in the source, e.g. 'paragraph 4' (the n-th goes with the n-th --source; "
                          "'' for none)."),
        click.option("--quote", "quotes", multiple=True,
                     help="A short excerpt copied exactly (the n-th goes with the n-th --source)."),
        click.option("--value", "values", multiple=True,
                     help="The figure this source gives (the n-th goes with the n-th --source)."),
        click.option("--difference", type=click.Choice(DIFFERENCES),
                     help="How different values relate: contradiction, or detail (with --reconciliation)."),
        click.option("--reconciliation", help="With --difference detail: how the values fit together."),
        click.option("--date", help="When it happened: YYYY-MM-DD, YYYY-MM or YYYY."),
        click.option("--date-note", help="How the date was established, when no source states it outright."),
        click.option("--attributed-to", multiple=True, help="Entity id of who asserts it (repeatable)."),
        click.option("--denied-by", multiple=True, help="Entity id of who denied it (repeatable)."),
        click.option("--entity", "entities", multiple=True, help="Entity id the fact is about (repeatable)."),
        click.option("--tag", "tags", multiple=True, help="A lowercase tag (repeatable)."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def ask_fact(ask: Asker, project: Any, values: dict[str, Any], fact_id: str | None) -> Any:
    """The prompts of a fact, in the order a contributor reads a source: claim, status,
    citations (source, locator, quote, value), date, who asserts or denies it, what it is
    about, tags, how differing values relate, and its id."""
    from generator import scaffold

    scaffold.check_pairing(values["sources"], {"--locator": values["locators"], "--quote": values["quotes"],
                                               "--value": values["values"]})
    check = scaffold.fact_field_check
    claim = ask.text(values["claim"], "--claim", "Claim (one or two sentences in your own words)",
                     check=check("claim"))
    status = ask.choice(values["status"], "--status", "Status", STATUSES, default="reported")
    citations = _ask_citations(ask, project, values)
    date = ask.text(values["date"], "--date", "Date (YYYY-MM-DD, YYYY-MM or YYYY)", required=False,
                    check=check("date"))
    date_note = values["date_note"]
    if date and date_note is None:
        date_note = ask.text(None, "--date-note", "How you established the date", required=False,
                             check=check("date_note")) if ask.prompt else None

    def entities(flag: str, key: str, label: str, required: bool = False) -> list[str]:
        return ask.ids(values[key], flag, label, required=required, known=project.entities,
                       check=lambda v: scaffold.reference_error(v, project.entities, "entity",
                                                                "briefings/entities.yml"))

    attributed = entities("--attributed-to", "attributed_to", "Who asserts it",
                          required=status == "alleged" and ask.prompt)
    denied = entities("--denied-by", "denied_by", "Who denied it (a source must report the denial)")
    about = entities("--entity", "entities", "What it is about")
    tags = ask.ids(values["tags"], "--tag", "Tags", required=False, known=project.tags,
                   check=check("tags", many=True))
    difference, reconciliation = values["difference"], values["reconciliation"]
    if difference is None and ask.prompt and len({c.value for c in citations if c.value}) > 1:
        difference = ask.choice(None, "--difference", "The values differ: contradiction (they cannot all "
                                "be true) or detail (rounding, precision, wording)?",
                                DIFFERENCES)
    if difference == "detail" and reconciliation is None:
        reconciliation = ask.text(None, "--reconciliation", "How the values fit together (one sentence)",
                                  check=check("reconciliation"))
    fact_id = ask.text(fact_id, "--id", "Fact id",
                       default=scaffold.suggest_id(claim or "", project.facts, "fact"),
                       check=lambda value: scaffold.id_error(value, project.facts, "fact"))
    return scaffold.FactDraft(claim=claim or "", status=status, citations=citations, id=fact_id, date=date,
                              date_note=date_note, attributed_to=attributed, denied_by=denied, entities=about,
                              tags=tags, difference=difference, reconciliation=reconciliation)


def _ask_citations(ask: Asker, project: Any, values: dict[str, Any]) -> list[Any]:
    from generator import scaffold

    sources = ask.ids(values["sources"], "--source", "Sources", required=True, known=project.sources,
                      check=lambda v: scaffold.reference_error(v, project.sources, "source",
                                                               "briefings/sources/"))
    check = scaffold.citation_field_check
    citations = []
    for index, source in enumerate(sources):
        given = {key: values[key][index] if index < len(values[key]) else None
                 for key in ("locators", "quotes", "values")}
        asking = ask.prompt and not values["sources"]
        if asking:
            click.echo(f"Citation {index + 1}: {source}", err=True)
        locator = given["locators"] if given["locators"] is not None or not asking else ask.text(
            None, "--locator", "  Where in it (e.g. paragraph 4, headline)", required=False,
            check=check("locator"))
        quote = given["quotes"] if given["quotes"] is not None or not asking else ask.text(
            None, "--quote", "  Its exact words", required=False, check=check("quote"))
        value = given["values"] if given["values"] is not None or not asking else ask.text(
            None, "--value", "  The figure or short answer it gives", required=False, check=check("value"))
        citations.append(scaffold.CitationDraft(source, locator or None, quote or None, value or None))
    return citations


@new.command("fact")
@ROOT_OPTION
@click.option("--topic", "topic_id", help="The topic id (file name in briefings/topics/).")
@click.option("--id", "fact_id", help="The fact's id (default: from the claim).")
@_fact_options
@NO_INPUT_OPTION
def new_fact(root: Path | None, topic_id: str | None, fact_id: str | None, no_input: bool,
             **values: Any) -> None:
    """Append a fully cited fact to a topic (asks for everything it needs)."""
    from generator import scaffold

    project = _project(root)
    ask = Asker(no_input)
    if topic_id is None and project.topics:
        topic_id = ask.choice(None, "--topic", "Topic", tuple(project.topics),
                              default=project.topics[0] if len(project.topics) == 1 else None)
    if topic_id is None:
        raise click.UsageError("missing --topic (there are no prompts under --no-input)")
    try:
        made = scaffold.new_fact(project, topic_id, ask_fact(ask, project, values, fact_id))
    except BriefingError as exc:
        _failed(exc)
    click.echo(f"added fact '{made.id}' to {made.display} at line {made.line}", err=True)
    click.echo("next: `briefing check`, then open a pull request", err=True)


@new.command("topic")
@ROOT_OPTION
@click.option("--title", help="The page title.")
@click.option("--summary", help="One paragraph in your own words.")
@click.option("--order", type=int, help="Position in the navigation.")
@click.option("--id", "topic_id", help="The file name without .yml (default: from the title).")
@click.option("--fact-id", help="The first fact's id (default: from its claim).")
@_fact_options
@NO_INPUT_OPTION
def new_topic(root: Path | None, title: str | None, summary: str | None, order: int | None,
              topic_id: str | None, fact_id: str | None, no_input: bool, **values: Any) -> None:
    """Create briefings/topics/<id>.yml with its first fact (asks for each)."""
    from generator import scaffold
    from generator.model import Topic

    project = _project(root)
    ask = Asker(no_input)
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
                                  order=order, first_fact=ask_fact(ask, project, values, fact_id))
    except BriefingError as exc:
        _failed(exc)
    click.echo(f"created {made.display} (topic '{made.id}')", err=True)
    click.echo(f"next: add facts with `briefing new fact --topic {made.id}`", err=True)


@new.command("entity")
@ROOT_OPTION
@click.option("--name", help="The name readers know.")
@click.option("--kind", type=click.Choice(ENTITY_KINDS), help="What sort of thing it is.")
@click.option("--description", help="One short line in your own words, e.g. a role.")
@click.option("--alias", "aliases", multiple=True, help="Another name the sources use (repeatable).")
@click.option("--id", "entity_id", help="The entity id (default: from the name).")
@click.option("--lat", help="A place's latitude in decimal degrees, as its reference page gives it.")
@click.option("--lon", help="A place's longitude in decimal degrees, as its reference page gives it.")
@click.option("--location-source", help="The reference source the place's coordinates were read from.")
@NO_INPUT_OPTION
def new_entity(root: Path | None, name: str | None, kind: str | None, description: str | None,
               aliases: tuple[str, ...], entity_id: str | None, lat: str | None, lon: str | None,
               location_source: str | None, no_input: bool) -> None:
    """Add an entity to briefings/entities.yml (asks for name, kind, description and id; for a place,
    its location)."""
    from generator import scaffold
    from generator.model import Entity

    project = _project(root)
    ask = Asker(no_input)
    name = ask.text(name, "--name", "Name", check=lambda value: scaffold.field_error(Entity, "name", value))
    kind = ask.choice(kind, "--kind", "Kind", ENTITY_KINDS)
    description = ask.text(description, "--description", "Description", required=False,
                           check=lambda value: scaffold.field_error(Entity, "description", value))
    location = _ask_location(ask, project, lat, lon, location_source) if kind == "place" else None
    entity_id = ask.text(entity_id, "--id", "Entity id",
                         default=scaffold.suggest_id(name or "", project.entities),
                         check=lambda value: scaffold.id_error(value, project.entities, "entity"))
    try:
        made = scaffold.new_entity(project, name=name or "", kind=kind, entity_id=entity_id,
                                   description=description, aliases=list(aliases), location=location)
    except BriefingError as exc:
        _failed(exc)
    click.echo(f"added entity '{made.id}' to {made.display} at line {made.line}", err=True)


def _ask_location(ask: Asker, project: Project, lat: str | None, lon: str | None,
                  source: str | None) -> dict[str, Any] | None:
    """A place's ``{lat, lon, source}``, each checked as typed; none when the latitude is skipped."""
    from generator import scaffold
    from generator.model import Location

    def degrees(field: str) -> Callable[[str], tuple[str, str] | None]:
        def check(value: str) -> tuple[str, str] | None:
            try:
                number = float(value)
            except ValueError:
                return f"'{value}' is not a number", "write decimal degrees, e.g. 39.01944 (a minus sign for " \
                                                    "south or west)"
            return scaffold.field_error(Location, field, number)
        return check

    lat = ask.text(lat, "--lat", "Latitude (decimal degrees, from a reference page)", required=False,
                   check=degrees("lat"))
    if lat is None:
        return None
    lon = ask.text(lon, "--lon", "Longitude (decimal degrees)", check=degrees("lon"))
    source = ask.text(source, "--location-source", "Reference source the coordinates were read from",
                      check=lambda value: scaffold.reference_error(value, project.sources, "source",
                                                                   "briefings/sources/"))
    return {"lat": _number(lat), "lon": _number(lon or ""), "source": source}


def _number(value: str) -> float | str:
    """A number typed or given as a flag; text that is none is kept for the check to report."""
    try:
        return float(value)
    except ValueError:
        return value


@new.command("judgment")
@ROOT_OPTION
@click.option("--question", help="The question a reader wants answered, in one line.")
@click.option("--judgment", "text", help="One or two sentences in your own words, without likelihood or "
                                         "confidence words.")
@click.option("--likelihood", type=click.Choice(LIKELIHOODS), help="The estimative term (ICD 203).")
@click.option("--confidence", type=click.Choice(CONFIDENCES), help="How well the evidence supports it.")
@click.option("--basis", help="Why that confidence: the sources' quality and independence, what is assumed.")
@click.option("--supports", multiple=True, help="A fact id the judgment rests on (repeatable).")
@click.option("--cuts-against", multiple=True, help="A fact id that weighs against it (repeatable).")
@click.option("--topic", "topics", multiple=True, help="A topic id whose page opens with it (repeatable).")
@click.option("--gap", "gaps", multiple=True, help="What we do not know that would matter (repeatable).")
@click.option("--indicator", "indicators", multiple=True, help="What to watch (repeatable).")
@click.option("--reviewed", help="When you reviewed it against the facts (YYYY-MM-DD; default: today).")
@click.option("--id", "judgment_id", help="The judgment's id (default: from the question).")
@NO_INPUT_OPTION
def new_judgment(root: Path | None, question: str | None, text: str | None, likelihood: str | None,
                 confidence: str | None, basis: str | None, supports: tuple[str, ...],
                 cuts_against: tuple[str, ...], topics: tuple[str, ...], gaps: tuple[str, ...],
                 indicators: tuple[str, ...], reviewed: str | None, judgment_id: str | None,
                 no_input: bool) -> None:
    """Append a key judgment to briefings/judgments.yml (asks for each part)."""
    import datetime

    from generator import scaffold

    project = _project(root)
    ask = Asker(no_input)
    check = scaffold.judgment_field_check
    question = ask.text(question, "--question", "Question", check=check("question"))
    text = ask.text(text, "--judgment", "Judgment (your own words; no likelihood or confidence words)",
                    check=check("judgment"))
    likelihood = ask.choice(likelihood, "--likelihood", "Likelihood", LIKELIHOODS, default="likely")
    confidence = ask.choice(confidence, "--confidence", "Confidence", CONFIDENCES, default="moderate")
    basis = ask.text(basis, "--basis", "Basis for that confidence", check=check("basis"))

    def facts(values: tuple[str, ...], flag: str, label: str, required: bool) -> list[str]:
        return ask.ids(values, flag, label, required=required, known=project.facts,
                       check=lambda v: scaffold.reference_error(v, project.facts, "fact", "a topic"))

    rests_on = facts(supports, "--supports", "Facts it rests on", True)
    against = facts(cuts_against, "--cuts-against", "Facts that cut against it", False)
    judgment_id = ask.text(judgment_id, "--id", "Judgment id",
                           default=scaffold.suggest_id(question or "", project.judgments, "judgment"),
                           check=lambda value: scaffold.id_error(value, project.judgments, "judgment"))
    draft = scaffold.JudgmentDraft(
        id=judgment_id or "", question=question or "", judgment=text or "", likelihood=likelihood,
        confidence=confidence, basis=basis or "", supports=rests_on, cuts_against=against,
        topics=list(topics), gaps=list(gaps), indicators=list(indicators),
        reviewed=reviewed or datetime.date.today().isoformat())
    try:
        made = scaffold.new_judgment(project, draft)
    except BriefingError as exc:
        _failed(exc)
    click.echo(f"added judgment '{made.id}' to {made.display} at line {made.line}", err=True)
