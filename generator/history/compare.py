"""What changed between two snapshots of a briefing, in content terms.

:func:`changes_between` compares two :class:`~generator.history.at_revision.Snapshot` objects record by record and
says what a reader or a reviewer would: facts added, changed (each field before -> after),
retired; sources and entities added; judgments added or revised. Only substantive fields
count (a fact's claim, status, date, values and citations; a judgment's text, likelihood,
confidence and what it rests on): reformatting a file or reordering it changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.history.at_revision import Snapshot
from generator.inline import escape_text
from generator.model import Fact, Judgment

#: The fields of a fact whose change a correction must explain (``check --base``).
CORRECTED_FIELDS = ("claim", "status", "date", "values")
#: The fields of a judgment whose change its history must explain.
REVISED_FIELDS = ("likelihood", "confidence")


def fact_fields(fact: Fact) -> dict[str, Any]:
    """A fact's substantive fields, as compared and as shown (``values`` and ``citations`` as text)."""
    return {
        "claim": fact.claim, "status": fact.status, "date": fact.date or "",
        "values": ", ".join(sorted(fact.values)),
        "citations": "; ".join(" ".join(part for part in (c.source, c.locator or "", f"“{c.quote}”" if c.quote
                                                            else "", c.shown_value or "") if part)
                               for c in fact.cites),
    }


def judgment_fields(judgment: Judgment) -> dict[str, Any]:
    return {"judgment": judgment.judgment, "likelihood": judgment.likelihood,
            "confidence": judgment.confidence, "supports": ", ".join(judgment.supports),
            "cuts_against": ", ".join(judgment.cuts_against)}


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: str
    after: str


@dataclass
class Diff:
    """Every change between two snapshots, by kind."""

    facts_added: list[str] = field(default_factory=list)
    facts_changed: dict[str, list[FieldChange]] = field(default_factory=dict)
    facts_retired: list[str] = field(default_factory=list)
    facts_removed: list[str] = field(default_factory=list)
    facts_corrected: dict[str, list[str]] = field(default_factory=dict)
    judgments_added: list[str] = field(default_factory=list)
    judgments_revised: dict[str, list[FieldChange]] = field(default_factory=dict)
    judgments_removed: list[str] = field(default_factory=list)
    sources_added: list[str] = field(default_factory=list)
    entities_added: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not any(getattr(self, name) for name in self.__dataclass_fields__)


def changed_fields(before: dict[str, Any], after: dict[str, Any]) -> list[FieldChange]:
    return [FieldChange(name, str(before[name]), str(after[name]))
            for name in after if before[name] != after[name]]


def changes_between(base: Snapshot, head: Snapshot) -> Diff:
    """What ``head`` changes of ``base``."""
    result = Diff()
    for fact_id, (_, fact) in head.facts.items():
        old = base.facts.get(fact_id)
        if old is None:
            result.facts_added.append(fact_id)
            continue
        if fact.retired and not old[1].retired:
            result.facts_retired.append(fact_id)
        changes = changed_fields(fact_fields(old[1]), fact_fields(fact))
        if changes:
            result.facts_changed[fact_id] = changes
        new_notes = [c.note for c in fact.corrections[len(old[1].corrections):]]
        if new_notes:
            result.facts_corrected[fact_id] = new_notes
    result.facts_removed = [fid for fid in base.facts if fid not in head.facts]
    for judgment_id, judgment in head.judgments.items():
        previous = base.judgments.get(judgment_id)
        if previous is None:
            result.judgments_added.append(judgment_id)
        elif changes := changed_fields(judgment_fields(previous), judgment_fields(judgment)):
            result.judgments_revised[judgment_id] = changes
    result.judgments_removed = [jid for jid in base.judgments if jid not in head.judgments]
    result.sources_added = [sid for sid in head.sources if sid not in base.sources]
    result.entities_added = [eid for eid in head.entities if eid not in base.entities]
    return result


def markdown_summary(result: Diff, head: Snapshot, base_name: str, head_name: str) -> str:
    """The diff as a reviewer reads it in a pull request: Markdown, one section per kind."""
    lines = [f"## Briefing changes: {base_name} → {head_name}", ""]
    if result.empty:
        return "\n".join([*lines, "No change to the briefing's content."]) + "\n"

    def section(title: str, items: list[str]) -> None:
        if items:
            count = sum(1 for item in items if item.startswith("- "))
            lines.extend([f"### {title} ({count})", "", *items, ""])

    def claim(fact_id: str) -> str:
        return _cell(head.facts[fact_id][1].claim) if fact_id in head.facts else ""

    def changed(title: str, changes: list[FieldChange], notes: list[str]) -> list[str]:
        return [title, *(f"  - {c.field}: {_cell(c.before)} → {_cell(c.after)}" for c in changes),
                *(f"  - correction: {_cell(note)}" for note in notes)]

    facts, judgments, r = head.facts, head.judgments, result
    section("Facts added", [f"- `{fid}` ({facts[fid][0]}): {claim(fid)}" for fid in r.facts_added])
    section("Facts changed", [line for fid, changes in r.facts_changed.items() for line in changed(
        f"- `{fid}`: {claim(fid)}", changes, r.facts_corrected.get(fid, []))])
    section("Facts retired", [f"- `{fid}`: {_cell(facts[fid][1].retired or '')}" for fid in r.facts_retired])
    section("Facts removed (ids must stay: retire them instead)", [f"- `{fid}`" for fid in r.facts_removed])
    section("Judgments added", [f"- `{jid}`: {_cell(judgments[jid].question)}" for jid in r.judgments_added])
    section("Judgments revised", [line for jid, changes in r.judgments_revised.items() for line in changed(
        f"- `{jid}`: {_cell(judgments[jid].question)}", changes, [])])
    section("Sources added", [f"- `{sid}`: {_cell(head.sources[sid].title)}" for sid in r.sources_added])
    section("Entities added", [f"- `{eid}`: {_cell(head.entities[eid].name)}" for eid in r.entities_added])
    return "\n".join(lines).rstrip("\n") + "\n"


def _cell(text: str) -> str:
    """Contributor text in a Markdown summary: one line, every character shown as itself (the
    pages' own escaping)."""
    return escape_text(text) or "(empty)"
