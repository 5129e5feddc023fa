"""The rules that look across records: every validated record of a briefing -> located problems.

``check`` gives each record that validated, with the file and data path it stands at
(:class:`Located`); the rules here check what no single file can: ids unique, every
reference resolves, how cited values relate and what a status then means, sources' errors
set against a reference, judgments resting on facts that exist. Each problem points at the
key or value to change and says how. A warning is only ever something a contributor can
change; what no edit can change (a fact only one article reports) is shown to readers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from generator.checked import Checked, Located
from generator.errors import Problem, Severity
from generator.future_dates import future_date_problems
from generator.judgment_rules import judgment_problems
from generator.load import LoadedFile
from generator.messages import closest
from generator.model import Fact
from generator.origins import restates_problems

QUOTE_WORD_LIMIT = 40
#: Words that tell a quote reports a denial ("denied", "rejects", "dismissed as false").
DENIAL_WORDS = re.compile(r"\b(den(y|ies|ied|ying|ial|ials)|reject\w*|refut\w*|dismiss\w*|rebuff\w*|"
                          r"false|baseless|groundless|unfounded|fabricat\w*|not true|no such)\b", re.I)

#: Asked only when two facts share an id: published fact id -> its topic (from git), or None.
PublishedIds = Callable[[], "dict[str, str] | None"]


def apply_rules(checked: Checked, published: PublishedIds | None = None) -> list[Problem]:
    """Every cross-record problem of a briefing."""
    facts = list(checked.facts())
    problems = list(_duplicate_fact_ids(facts, published))
    for fact in facts:
        problems.extend(_references(checked, fact))
        problems.extend(_values(fact))
        problems.extend(_status(fact))
        problems.extend(_source_errors(checked, fact))
    problems.extend(_sources(checked, facts))
    problems.extend(restates_problems(checked))
    problems.extend(_unused_entities(checked, facts))
    problems.extend(_locations(checked))
    problems.extend(judgment_problems(checked, facts))
    problems.extend(future_date_problems(checked))
    return problems


def _duplicate_fact_ids(facts: list[Located[Fact]], published: PublishedIds | None) -> Iterator[Problem]:
    """Of two facts with one id, the new one is reported: the one not yet published (when git
    says), else the one in the file edited last (or the later one in a file). A published id
    is a link readers keep: it never changes."""
    by_id: dict[str, list[Located[Fact]]] = {}
    for fact in facts:
        by_id.setdefault(fact.record.id.lower(), []).append(fact)
    clashes = [same for same in by_id.values() if len(same) > 1]
    known = published() if clashes and published else None
    for same in clashes:
        old = next((f for f in same if known and known.get(f.record.id) == f.loaded.path.stem), None) or min(
            same, key=lambda f: _modified(f.loaded))
        line, _ = old.loaded.position((*old.at, "id"))
        for new in (f for f in same if f is not old):
            yield new.problem(("id",), f"fact id '{new.record.id}' is already used "
                              f"(at {old.loaded.display}:{line})",
                              "give this new fact another id; a published id never changes, "
                              "since readers' links point at it", "duplicate id")


def _modified(loaded: LoadedFile) -> int:
    try:
        return loaded.path.stat().st_mtime_ns
    except OSError:
        return 0


def _references(checked: Checked, fact: Located[Fact]) -> Iterator[Problem]:
    for index, cite in enumerate(fact.record.cites):
        if cite.source not in checked.sources and f"sources:{cite.source}" not in checked.invalid_ids:
            yield fact.problem(("cites", index, "source"), f"unknown source '{cite.source}'",
                               closest(cite.source, checked.sources, "briefings/sources/"), "unknown source")
        if cite.quote and len(cite.quote.split()) > QUOTE_WORD_LIMIT:
            yield fact.problem(("cites", index, "quote"), f"quote is {len(cite.quote.split())} words long",
                               f"keep quotes to about {QUOTE_WORD_LIMIT} words", "long quote",
                               severity=Severity.WARNING)
        if not cite.locator and not cite.quote:
            yield fact.problem(("cites", index), f"the citation of '{cite.source}' has neither a locator "
                               "nor a quote", "add `locator:` (where in the source) or `quote:` "
                               "(its exact words), so a reader can find the passage", "unplaced citation",
                               severity=Severity.WARNING)
    for role in ("attributed_to", "denied_by", "entities"):
        for index, entity_id in enumerate(getattr(fact.record, role)):
            known = entity_id in checked.entities
            reported = {f"entity:{entity_id}", "entity:*"} & checked.invalid_ids
            if not known and not reported:
                yield fact.problem((role, index), f"unknown entity '{entity_id}'",
                                   closest(entity_id, checked.entities, "briefings/entities.yml"),
                                   "unknown entity")


def _values(fact: Located[Fact]) -> Iterator[Problem]:
    """Different values say how they relate; a difference in detail says how they fit."""
    record = fact.record
    if record.values_differ and record.difference is None:
        shown = ", ".join(f"'{v}'" for v in record.values)
        second = next(i for i, c in enumerate(record.cites) if c.shown_value == record.values[1])
        yield fact.problem(("cites", second, "value"), f"the citations give different values ({shown}) "
                           "but the fact does not say how they relate",
                           "add `difference: contradiction` (they cannot all be true) or `difference: "
                           "detail` with a `reconciliation` (rounding, precision, wording)",
                           "values unrelated")
    if record.difference is not None and not record.values_differ:
        yield fact.problem(("difference",), "`difference` is set, but the citations do not give "
                           "different values", "remove `difference`, or give each citation its `value`",
                           "difference without values", key=True)
    if record.difference == "detail" and not record.reconciliation:
        yield fact.problem(("difference",), "a difference in detail needs a `reconciliation`",
                           "add `reconciliation:` with one sentence saying how the values fit together, "
                           "e.g. \"447 is the count; the other figures round it\"",
                           "detail without reconciliation")
    if record.reconciliation and record.difference != "detail":
        yield fact.problem(("reconciliation",), "only a difference in detail is reconciled",
                           "remove `reconciliation`, or set `difference: detail` if the values are "
                           "compatible", "reconciliation without detail", key=True)


def _status(fact: Located[Fact]) -> Iterator[Problem]:
    """``disputed`` means contradicting sources or a named denial, and a contradiction is a dispute."""
    record = fact.record
    if record.status == "disputed" and not record.contradicted and not record.denied_by:
        yield fact.problem(("status",), "a disputed fact needs sources that contradict each other or a "
                           "party that denies it", "add `difference: contradiction` where the cited values "
                           "cannot all be true, or `denied_by` where a source reports a denial; otherwise "
                           "choose `reported`, `alleged` or `confirmed`", "disputed without dispute")
    if record.contradicted and record.status != "disputed":
        yield fact.problem(("status",), f"the sources contradict each other, but the status is "
                           f"'{record.status}'", "write `status: disputed`, or `difference: detail` if the "
                           "values are compatible", "contradiction not disputed")
    if record.denied_by and not any(c.quote and DENIAL_WORDS.search(c.quote) for c in record.cites):
        yield fact.problem(("denied_by",), f"fact '{record.id}' names who denied it, but no citation "
                           "quotes the denial", "cite the passage that reports the denial with its "
                           "`quote`, or remove `denied_by`", "denial not quoted", key=True,
                           severity=Severity.WARNING)


def _source_errors(checked: Checked, fact: Located[Fact]) -> Iterator[Problem]:
    """A source's own error is set against a reference cited in the same fact."""
    record = fact.record

    def is_reference(source_id: str) -> bool:
        source = checked.sources.get(source_id)
        return source is not None and source.record.kind == "reference"

    has_reference = any(is_reference(c.source) for c in record.cites)
    for index, cite in enumerate(record.cites):
        if cite.error and not has_reference:
            yield fact.problem(("cites", index, "error"), "a citation marked with `error` needs a "
                               "`reference` source cited beside it", "cite, in this fact, the reference "
                               "(`kind: reference`) that shows the record", "error without reference",
                               key=True)
        if cite.error and is_reference(cite.source):
            yield fact.problem(("cites", index, "error"), "a reference is what errors are checked against",
                               "move the `error` note to the citation of the source that is wrong",
                               "error on a reference", key=True)


def _locations(checked: Checked) -> Iterator[Problem]:
    """A place's coordinates come from a reference source the briefing holds."""
    for located in checked.entities.values():
        location = located.record.location
        if location is None:
            continue
        source = checked.sources.get(location.source)
        if source is None:
            if f"sources:{location.source}" not in checked.invalid_ids:
                yield located.problem(("location", "source"), f"unknown source '{location.source}'",
                                      closest(location.source, checked.sources, "briefings/sources/"),
                                      "unknown source")
        elif source.record.kind != "reference":
            yield located.problem(("location", "source"), f"the location's source '{location.source}' is "
                                  f"not a reference (its kind is '{source.record.kind}')",
                                  "name the gazetteer or encyclopedia page the coordinates were read from: a "
                                  "source with `kind: reference`, its `url` and `accessed`",
                                  "location without reference")


def _sources(checked: Checked, facts: list[Located[Fact]]) -> Iterator[Problem]:
    used = {c.source for fact in facts for c in fact.record.cites}
    used |= {e.record.location.source for e in checked.entities.values() if e.record.location}
    # A location in an entities file that did not validate may cite a source: unknown, so not warned of.
    complete = checked.complete and not any(i.startswith("entity:") for i in checked.invalid_ids)
    seen: dict[tuple[str, str], str] = {}
    for source_id, located in sorted(checked.sources.items()):
        source = located.record
        if complete and source_id not in used:
            yield located.problem((), f"source '{source_id}' is not cited by any fact",
                                  "cite it from a fact, or remove the file", "unused source",
                                  severity=Severity.WARNING)
        if source.kind == "reference":
            for name in ("url", "accessed"):
                if getattr(source, name) is None:
                    yield located.problem(("kind",), f"a reference source needs `{name}`",
                                          "add `url:` (the page read) and `accessed:` (the date read it)",
                                          "reference without url or accessed")
        if source.url and not source.archive_url:
            yield located.problem(("url",), f"source '{source_id}' has a url but no archive_url",
                                  "add an archived copy's address (e.g. from web.archive.org) so readers can "
                                  "still check it if the page changes", "no archive_url", key=True,
                                  severity=Severity.WARNING)
        keys = [("URL", source.url)] if source.url else []
        keys.append(("title and date", f"{source.title}|{source.published}"))
        for what, value in keys:
            other = seen.setdefault((what, value), source_id)
            if other != source_id:
                yield located.problem((), f"source '{source_id}' has the same {what} as source '{other}'",
                                      f"keep one file per source: cite '{other}' and remove this one, or "
                                      "correct the field", "duplicate source", severity=Severity.WARNING)
                break


def _unused_entities(checked: Checked, facts: list[Located[Fact]]) -> Iterator[Problem]:
    if not checked.complete:
        return
    used = {eid for fact in facts for role in (fact.record.attributed_to, fact.record.denied_by,
                                                fact.record.entities) for eid in role}
    for entity_id, located in checked.entities.items():
        if entity_id not in used:
            yield located.problem((), f"entity '{entity_id}' is not named by any fact",
                                  "name it in a fact's entities, or remove it", "unused entity", key=True,
                                  severity=Severity.WARNING)
