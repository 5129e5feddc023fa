"""New entries before they are written: drafts, their YAML data, and the checks they must pass.

A draft is what ``briefing new`` gathered (flags or prompts). Each value is checked with
the very models and messages ``briefing check`` uses, field by field (for prompts) and as a
whole entry (before writing); every problem names its field by the data path the checker
reports, never by reading its message.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator.errors import Problem, ScaffoldError
from generator.load import load_bytes
from generator.model import Citation, Fact, Judgment
from generator.scaffold.writing import mapping_lines
from generator.validate import validate
from generator.vocabulary import plural

FieldCheck = Callable[[str], "tuple[str, str] | None"]


@dataclass
class CitationDraft:
    source: str
    locator: str | None = None
    quote: str | None = None
    value: str | None = None


@dataclass
class FactDraft:
    """The values of a new fact."""

    claim: str
    status: str
    citations: list[CitationDraft]
    id: str | None = None
    date: str | None = None
    date_note: str | None = None
    attributed_to: list[str] = field(default_factory=list)
    denied_by: list[str] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    difference: str | None = None
    reconciliation: str | None = None


@dataclass
class JudgmentDraft:
    """The values of a new key judgment."""

    id: str
    question: str
    judgment: str
    likelihood: str
    confidence: str
    basis: str
    supports: list[str]
    reviewed: str
    cuts_against: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    gaps: list[str] = field(default_factory=list)
    indicators: list[str] = field(default_factory=list)
    #: the first history entries (date and change)
    history: list[dict[str, str]] = field(default_factory=list)


def check_pairing(sources: tuple[str, ...], paired: dict[str, tuple[str, ...]]) -> None:
    """Refuse ``--quote``/``--locator``/``--value`` given more often than ``--source``: each goes
    with the ``--source`` at its position, and an extra one would be lost."""
    problems = [(flag, f"given {plural(len(values), 'time')} for {plural(len(sources), '--source')}",
                 f"give at most one {flag} per --source, in the same order ('' skips one)")
                for flag, values in paired.items() if len(values) > len(sources)]
    if problems:
        raise ScaffoldError(problems)


def _without_empty(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v not in (None, "", [])}


def fact_data(draft: FactDraft, fact_id: str) -> dict[str, Any]:
    """A draft as the mapping written to the file, fields in the format's order."""
    cites = [_without_empty({"source": c.source, "locator": c.locator, "quote": c.quote, "value": c.value})
             for c in draft.citations]
    return _without_empty({
        "id": fact_id, "claim": draft.claim, "date": draft.date, "date_note": draft.date_note,
        "status": draft.status, "attributed_to": draft.attributed_to, "denied_by": draft.denied_by,
        "entities": draft.entities, "tags": draft.tags, "cites": cites, "difference": draft.difference,
        "reconciliation": draft.reconciliation})


def judgment_data(draft: JudgmentDraft) -> dict[str, Any]:
    return _without_empty({
        "id": draft.id, "question": draft.question, "judgment": draft.judgment,
        "likelihood": draft.likelihood, "confidence": draft.confidence, "basis": draft.basis,
        "supports": draft.supports, "cuts_against": draft.cuts_against, "topics": draft.topics,
        "gaps": draft.gaps, "indicators": draft.indicators, "reviewed": draft.reviewed, "history": draft.history})


def record_problems(model: type[BaseModel], data: dict[str, Any]) -> list[tuple[str, str, str]]:
    """The checker's own messages for an entry, each named by its field."""

    text = "\n".join(mapping_lines(data, 0)) + "\n"
    loaded = load_bytes(text.encode("utf-8"), Path("new.yml"), "new.yml")
    problems: list[Problem] = []
    validate(model, loaded, problems)
    return [(".".join(str(part) for part in problem.field if isinstance(part, str)) or model.__name__.lower(),
             problem.message, problem.hint) for problem in problems]


def field_error(model: type[BaseModel], name: str, value: Any) -> tuple[str, str] | None:
    """Check one value of one field with the checker's own message and hint; None when valid."""
    return next(((message, hint) for field_name, message, hint in record_problems(model, {name: value})
                 if field_name == name), None)


def _checker(model: type[BaseModel]) -> Callable[..., FieldCheck]:
    def check(name: str, many: bool = False) -> FieldCheck:
        return lambda value: field_error(model, name, [value] if many else value)
    return check


fact_field_check = _checker(Fact)
citation_field_check = _checker(Citation)
judgment_field_check = _checker(Judgment)
