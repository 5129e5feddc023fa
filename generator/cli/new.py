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
from generator.model import STATUSES, Confidence, Difference, EntityKind, HistoryEntry, Likelihood, SourceKind

if TYPE_CHECKING:
    from generator.scaffold import Project

ENTITY_KINDS: tuple[str, ...] = get_args(EntityKind)
SOURCE_KINDS: tuple[str, ...] = get_args(SourceKind)
DIFFERENCES: tuple[str, ...] = get_args(Difference)
LIKELIHOODS: tuple[str, ...] = get_args(Likelihood)
CONFIDENCES: tuple[str, ...] = get_args(Confidence)
#: A new judgment's first history entry, unless another is given.
FIRST_CHANGE = "First made."
NO_INPUT_OPTION = click.option("--no-input", is_flag=True,
                               help="Never prompt: use the flags given, fail when a required one is missing.")


def _failed(exc: BriefingError, ask: Asker | None = None, command: str = "") -> None:
    """Report a refused entry; after prompts, the command that makes it again with every answer."""
    if isinstance(exc, ScaffoldError):
        click.echo(exc.report(), err=True)
    else:  # site_config.yml itself is broken
        emit(exc.problems, annotates("auto"))
    click.echo("nothing was written", err=True)
    if ask is not None and ask.prompt and ask.answers:
        click.echo("your answers are kept: correct the one refused in this command and run it\n  "
                   + ask.command_line(command), err=True)
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
    if published and len(published) < len("YYYY-MM-DD"):  # a date not printed in full: how it was found
        optional["published_note"] = ask.text(optional["published_note"], "--published-note",
                                              "How the date was established", required=False,
                                              check=check("published_note"))
    else:
        ask.keep("--published-note", optional["published_note"])
    kind = ask.choice(optional["kind"], "--kind", "Kind (reference: what articles are checked against)",
                      SOURCE_KINDS, default="article", required=False)
    optional["kind"] = None if kind == "article" else kind
    optional["outlet"] = ask.text(optional["outlet"], "--outlet", "Outlet", required=False,
                                  check=check("outlet"))
    optional["author"] = ask.text(optional["author"], "--author", "Author", required=False,
                                  check=check("author"))
    reference = kind == "reference"  # what a reference is checked by: its address and the day it was read
    optional["url"] = ask.text(optional["url"], "--url", "URL", required=reference, check=check("url"))
    if optional["url"]:
        optional["archive_url"] = ask.text(optional["archive_url"], "--archive-url",
                                           "Archived copy (e.g. https://web.archive.org/…)", required=False,
                                           check=check("archive_url"))
    else:
        ask.keep("--archive-url", optional["archive_url"])
    optional["accessed"] = ask.text(optional["accessed"], "--accessed", "Accessed (the day you read it, "
                                    "YYYY-MM-DD)", required=reference, check=check("accessed"))
    ask.keep("--language", optional["language"])
    source_id = ask.text(source_id, "--id", "Id", default=scaffold.suggest_id(title or "", project.sources),
                         check=lambda value: scaffold.id_error(value, project.sources, "source"))
    try:
        made = scaffold.new_source(project, title=title or "", published=published or "",
                                   source_id=source_id, **optional)
    except BriefingError as exc:
        _failed(exc, ask, "briefing new source")
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
    """The prompts of a fact, in the order a contributor reads a source and each answer makes the
    next necessary: claim, citations (source, locator, quote, value); when the values differ, how
    they relate (and how they fit together); the status that follows (offered as the default,
    checked against what came before); who asserts it (an alleged fact) or denied it (a disputed
    one without contradicting values); date, what it is about, tags, and its id."""
    from generator import scaffold

    scaffold.check_pairing(values["sources"], {"--locator": values["locators"], "--quote": values["quotes"],
                                               "--value": values["values"]})
    check = scaffold.fact_field_check
    claim = ask.text(values["claim"], "--claim", "Claim (one or two sentences in your own words)",
                     check=check("claim"))
    citations = _ask_citations(ask, project, values)
    shown = list(dict.fromkeys(c.value for c in citations if c.value))
    difference = values["difference"]
    if difference is None and ask.prompt and len(shown) > 1:
        difference = ask.choice(None, "--difference", f"The sources give different values ({', '.join(shown)}): "
                                "contradiction (they cannot all be true) or detail (rounding, precision, wording)?",
                                DIFFERENCES)
    else:
        ask.keep("--difference", difference)
    reconciliation = values["reconciliation"]
    if difference == "detail":
        reconciliation = ask.text(reconciliation, "--reconciliation", "How the values fit together (one "
                                  "sentence)", check=check("reconciliation"))
    else:
        ask.keep("--reconciliation", reconciliation)

    def status_error(status: str) -> tuple[str, str] | None:
        if difference == "contradiction" and status != "disputed":
            return ("the sources contradict each other, so the fact is disputed",
                    "choose disputed (or run again with --difference detail if the values fit together)")
        return None

    status = ask.choice(values["status"], "--status", "Status", STATUSES, check=status_error,
                        default="disputed" if difference == "contradiction" else "reported")
    date = ask.text(values["date"], "--date", "Date (YYYY-MM-DD, YYYY-MM or YYYY)", required=False,
                    check=check("date"))
    date_note = values["date_note"]
    if date and date_note is None and ask.prompt:
        date_note = ask.text(None, "--date-note", "How you established the date", required=False,
                             check=check("date_note"))
    else:
        ask.keep("--date-note", date_note)

    def entities(flag: str, key: str, label: str, required: bool = False) -> list[str]:
        return ask.ids(values[key], flag, label, required=required and ask.prompt, known=project.entities,
                       check=lambda v: scaffold.reference_error(v, project.entities, "entity",
                                                                "briefings/entities.yml"))

    attributed = entities("--attributed-to", "attributed_to", "Who asserts it", required=status == "alleged")
    denied = entities("--denied-by", "denied_by", "Who denied it (a source must report the denial)",
                      required=status == "disputed" and difference != "contradiction")
    about = entities("--entity", "entities", "What it is about")
    tags = ask.ids(values["tags"], "--tag", "Tags", required=False, known=project.tags,
                   check=check("tags", many=True))
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
    asking = ask.prompt and not values["sources"]
    prompts = (("locators", "--locator", "  Where in it (e.g. paragraph 4, headline)", "locator"),
               ("quotes", "--quote", "  Its exact words", "quote"),
               ("values", "--value", "  The figure or short answer it gives", "value"))
    citations = []
    for index, source in enumerate(sources):
        if asking:
            click.echo(f"Citation {index + 1}: {source}", err=True)
        parts: dict[str, str | None] = {}
        for key, flag, label, name in prompts:
            given = values[key][index] if index < len(values[key]) else None
            if asking:
                parts[name] = ask.text(None, flag, label, required=False, check=check(name))
            else:
                parts[name] = given
                ask.keep(flag, given)
        citations.append(scaffold.CitationDraft(source, parts["locator"] or None, parts["quote"] or None,
                                                parts["value"] or None))
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
    else:
        ask.keep("--topic", topic_id)
    if topic_id is None:
        raise click.UsageError("missing --topic (there are no prompts under --no-input)")
    try:
        made = scaffold.new_fact(project, topic_id, ask_fact(ask, project, values, fact_id))
    except BriefingError as exc:
        _failed(exc, ask, "briefing new fact")
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
    ask.keep("--order", None if order is None else str(order))
    if ask.prompt:
        click.echo("The topic's first fact:", err=True)
    try:
        made = scaffold.new_topic(project, title=title or "", summary=summary or "", topic_id=topic_id,
                                  order=order, first_fact=ask_fact(ask, project, values, fact_id))
    except BriefingError as exc:
        _failed(exc, ask, "briefing new topic")
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
        _failed(exc, ask, "briefing new entity")
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
@click.option("--history", "first_change", help="Its first history entry, dated as reviewed (default: "
                                                f"'{FIRST_CHANGE}').")
@click.option("--id", "judgment_id", help="The judgment's id (default: from the question).")
@NO_INPUT_OPTION
def new_judgment(root: Path | None, question: str | None, text: str | None, likelihood: str | None,
                 confidence: str | None, basis: str | None, supports: tuple[str, ...],
                 cuts_against: tuple[str, ...], topics: tuple[str, ...], gaps: tuple[str, ...],
                 indicators: tuple[str, ...], reviewed: str | None, first_change: str | None,
                 judgment_id: str | None, no_input: bool) -> None:
    """Append a key judgment to briefings/judgments.yml (asks for each part, its topics, gaps,
    indicators and first history entry)."""
    import datetime

    from generator import scaffold
    from generator.judgment_rules import likelihood_terms

    project = _project(root)
    ask = Asker(no_input)
    check = scaffold.judgment_field_check
    question = ask.text(question, "--question", "Question", check=check("question"))
    text = ask.text(text, "--judgment", "Judgment (your own words; no likelihood or confidence words)",
                    check=check("judgment"))
    said = likelihood_terms(text or "")  # a term the text already uses is the one offered, and no other fits

    def likelihood_error(chosen: str) -> tuple[str, str] | None:
        other = next((phrase for phrase, key in said if key != chosen), None)
        return None if other is None else (f"the judgment says '{other}', but this likelihood is '{chosen}'",
                                           "choose the likelihood the judgment's words say, or run again and "
                                           "reword the judgment")

    likelihood = ask.choice(likelihood, "--likelihood", "Likelihood", LIKELIHOODS,
                            default=said[0][1] if said else "likely", check=likelihood_error)
    confidence = ask.choice(confidence, "--confidence", "Confidence", CONFIDENCES, default="moderate")
    basis = ask.text(basis, "--basis", "Basis for that confidence", check=check("basis"))

    def ids(values: tuple[str, ...], flag: str, label: str, required: bool, known: list[str],
            kind: str) -> list[str]:
        return ask.ids(values, flag, label, required=required, known=known,
                       check=lambda v: scaffold.reference_error(v, known, kind, "a topic"
                                                                if kind == "fact" else "briefings/topics/"))

    rests_on = ids(supports, "--supports", "Facts it rests on", True, project.facts, "fact")
    against = ids(cuts_against, "--cuts-against", "Facts that cut against it", False, project.facts, "fact")
    pages = ids(topics, "--topic", "Topics whose pages open with it", False, project.topics, "topic")
    unknown = ask.texts(gaps, "--gap", "What we do not know that would matter: gap", check=check("gaps", many=True))
    watch = ask.texts(indicators, "--indicator", "What to watch: indicator", check=check("indicators", many=True))
    reviewed = ask.text(reviewed, "--reviewed", "Reviewed against the facts on (YYYY-MM-DD)",
                        default=datetime.date.today().isoformat(), check=check("reviewed"))
    first_change = ask.text(first_change, "--history", "First history entry", default=FIRST_CHANGE,
                            check=lambda value: scaffold.field_error(HistoryEntry, "change", value))
    judgment_id = ask.text(judgment_id, "--id", "Judgment id",
                           default=scaffold.suggest_id(question or "", project.judgments, "judgment"),
                           check=lambda value: scaffold.id_error(value, project.judgments, "judgment"))
    draft = scaffold.JudgmentDraft(
        id=judgment_id or "", question=question or "", judgment=text or "", likelihood=likelihood,
        confidence=confidence, basis=basis or "", supports=rests_on, cuts_against=against,
        topics=pages, gaps=unknown, indicators=watch, reviewed=reviewed or "",
        history=[{"date": reviewed or "", "change": first_change or FIRST_CHANGE}])
    try:
        made = scaffold.new_judgment(project, draft)
    except BriefingError as exc:
        _failed(exc, ask, "briefing new judgment")
    click.echo(f"added judgment '{made.id}' to {made.display} at line {made.line}", err=True)
