"""What changed between two snapshots of a briefing, in content terms.

:func:`changes_between` compares two :class:`~generator.history.at_revision.Snapshot`
objects record by record and says what a reader or a reviewer would: facts added, changed (each field before -> after),
retired; sources and entities added; judgments added or revised. Only substantive fields
count (a fact's claim, status, date, values and citations; a judgment's text, likelihood,
confidence and what it rests on): reformatting a file or reordering it changes nothing.
:func:`summary` lays the diff out for ``briefing diff``: every added or changed record with
what a reviewer judges it by (a fact's status, difference, reconciliation, each citation's
source, locator, quote and value, its corrections; a judgment's statement, likelihood,
confidence, basis and facts), changed fields before -> after one per line, as plain text
for a terminal or as Markdown for a pull request's summary.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.history.at_revision import Snapshot
from generator.inline import escape_text, fold_whitespace
from generator.model import Correction, Fact, HistoryEntry, Judgment

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


def review_fields(fact: Fact) -> dict[str, str]:
    """A fact's fields as a reviewer compares them: each citation's parts apart."""
    fields = {"claim": fact.claim, "status": fact.status, "date": fact.date or "",
              "difference": fact.difference or "", "reconciliation": fact.reconciliation or "",
              "attributed to": ", ".join(fact.attributed_to), "denied by": ", ".join(fact.denied_by)}
    for number, cite in enumerate(fact.cites, start=1):
        for name in ("source", "locator", "quote", "value", "error"):
            value = cite.shown_value if name == "value" else getattr(cite, name)
            fields[f"citation {number} {name}"] = value or ""
    return fields


def judgment_fields(judgment: Judgment) -> dict[str, Any]:
    return {"judgment": judgment.judgment, "likelihood": judgment.likelihood,
            "confidence": judgment.confidence, "supports": ", ".join(judgment.supports),
            "cuts_against": ", ".join(judgment.cuts_against)}


def judgment_review_fields(judgment: Judgment) -> dict[str, str]:
    """A judgment's fields as a reviewer compares them."""
    return {"question": judgment.question, **judgment_fields(judgment), "basis": judgment.basis,
            "topics": ", ".join(judgment.topics), "gaps": "; ".join(judgment.gaps),
            "indicators": "; ".join(judgment.indicators),
            **{f"alternative {n}": f"{a.text} ({a.likelihood})" for n, a in enumerate(judgment.alternatives, 1)}}


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
    facts_corrected: dict[str, list[Correction]] = field(default_factory=dict)
    judgments_added: list[str] = field(default_factory=list)
    judgments_revised: dict[str, list[FieldChange]] = field(default_factory=dict)
    judgments_history: dict[str, list[HistoryEntry]] = field(default_factory=dict)
    judgments_removed: list[str] = field(default_factory=list)
    sources_added: list[str] = field(default_factory=list)
    entities_added: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not any(getattr(self, name) for name in self.__dataclass_fields__)


def changed_fields(before: dict[str, Any], after: dict[str, Any]) -> list[FieldChange]:
    """Each field whose value differs (a field on one side only counts as empty on the other)."""
    return [FieldChange(name, str(before.get(name, "")), str(after.get(name, "")))
            for name in dict.fromkeys([*after, *before]) if before.get(name, "") != after.get(name, "")]


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
        changes = changed_fields(review_fields(old[1]), review_fields(fact))
        if changes:
            result.facts_changed[fact_id] = changes
        added = fact.corrections[len(old[1].corrections):]
        if added:
            result.facts_corrected[fact_id] = list(added)
    result.facts_removed = [fid for fid in base.facts if fid not in head.facts]
    for judgment_id, judgment in head.judgments.items():
        previous = base.judgments.get(judgment_id)
        if previous is None:
            result.judgments_added.append(judgment_id)
            continue
        if changes := changed_fields(judgment_review_fields(previous), judgment_review_fields(judgment)):
            result.judgments_revised[judgment_id] = changes
        if history := judgment.history[len(previous.history):]:
            result.judgments_history[judgment_id] = list(history)
    result.judgments_removed = [jid for jid in base.judgments if jid not in head.judgments]
    result.sources_added = [sid for sid in head.sources if sid not in base.sources]
    result.entities_added = [eid for eid in head.entities if eid not in base.entities]
    return result


@dataclass
class Line:
    """One line of the summary: an id (shown as code) or a label (the summary's own words, never
    escaped), the contributor's text (escaped in Markdown), and the lines under it."""

    text: str = ""
    id: str = ""
    label: str = ""
    #: words of the summary's own after the id (a fact's topic)
    after: str = ""
    under: list[Line] = field(default_factory=list)


def summary(result: Diff, base: Snapshot, head: Snapshot, base_name: str, head_name: str,
            markdown: bool = False) -> str:
    """The diff as a reviewer reads it: one section per kind, each record with what it is judged by."""
    lines = [f"## Briefing changes: {_markdown(base_name)} → {_markdown(head_name)}" if markdown
             else f"Briefing changes: {base_name} → {head_name}", ""]
    if result.empty:
        return "\n".join([*lines, "No change to the briefing's content."]) + "\n"
    r, facts, judgments = result, head.facts, head.judgments

    def changed(fact_id: str) -> Line:
        fact = facts[fact_id][1]
        changes = r.facts_changed.get(fact_id, [])
        status = [] if any(c.field == "status" for c in changes) else [Line(fact.status, label="status")]
        retired = [Line(fact.retired or "", label="retired")] if fact_id in r.facts_retired else []
        return Line(fact.claim, id=fact_id, under=[*retired, *status, *map(_change, changes), *(
            Line(c.note, label=f"correction added ({c.date})") for c in r.facts_corrected.get(fact_id, []))])

    def revised(judgment_id: str) -> Line:
        judgment = judgments[judgment_id]
        under = [_change(c) for c in r.judgments_revised.get(judgment_id, [])]
        under += [Line(h.change, label=f"history added ({h.date})") for h in r.judgments_history.get(judgment_id, [])]
        return Line(judgment.question, id=judgment_id, under=under)

    sections = [
        ("Facts added", [_fact(fid, *facts[fid]) for fid in r.facts_added]),
        ("Facts changed", [changed(fid) for fid in dict.fromkeys([*r.facts_changed, *r.facts_corrected])
                           if fid not in r.facts_retired]),
        ("Facts retired", [changed(fid) for fid in r.facts_retired]),
        ("Facts removed (ids must stay: retire them instead)",
         [Line(base.facts[fid][1].claim, id=fid) for fid in r.facts_removed]),
        ("Judgments added", [_judgment(jid, judgments[jid]) for jid in r.judgments_added]),
        ("Judgments revised", [revised(jid) for jid in dict.fromkeys([*r.judgments_revised,
                                                                      *r.judgments_history])]),
        ("Judgments removed (ids must stay)", [Line(base.judgments[jid].question, id=jid)
                                                for jid in r.judgments_removed]),
        ("Sources added", [Line(head.sources[sid].title, id=sid, under=_present(
            ("published", head.sources[sid].published), ("outlet", head.sources[sid].outlet),
            ("kind", head.sources[sid].kind if head.sources[sid].kind != "article" else None),
            ("url", head.sources[sid].url))) for sid in r.sources_added]),
        ("Entities added", [Line(head.entities[eid].name, id=eid, under=_present(
            ("kind", head.entities[eid].kind), ("description", head.entities[eid].description)))
            for eid in r.entities_added]),
    ]
    for name, items in sections:
        if items:
            heading = f"{name} ({len(items)})"
            lines.extend([f"### {heading}" if markdown else heading, ""])
            for item in items:
                lines.extend(_lines(item, 0, markdown))
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _fact(fact_id: str, topic: str, fact: Fact) -> Line:
    under = _present(("status", fact.status), ("date", fact.date), ("attributed to", ", ".join(fact.attributed_to)),
                     ("denied by", ", ".join(fact.denied_by)), ("difference", fact.difference),
                     ("reconciliation", fact.reconciliation))
    for number, cite in enumerate(fact.cites, start=1):
        quote = f"“{cite.quote}”" if cite.quote else None
        under.append(Line(cite.source, label=f"citation {number}", under=_present(
            ("locator", cite.locator), ("quote", quote), ("value", cite.shown_value), ("error", cite.error))))
    under += [Line(c.note, label=f"correction ({c.date})") for c in fact.corrections]
    if fact.retired:
        under.append(Line(fact.retired, label="retired"))
    return Line(fact.claim, id=fact_id, after=f"({topic})", under=under)


def _judgment(judgment_id: str, judgment: Judgment) -> Line:
    under = _present(("judgment", judgment.judgment), ("likelihood", judgment.likelihood),
                     ("confidence", judgment.confidence), ("basis", judgment.basis),
                     ("supported by", ", ".join(judgment.supports)),
                     ("cut against by", ", ".join(judgment.cuts_against)), ("topics", ", ".join(judgment.topics)))
    under += [Line(a.text, label=f"alternative ({a.likelihood})") for a in judgment.alternatives]
    under += [Line(text, label=label) for label, texts in (("gap", judgment.gaps), ("indicator", judgment.indicators))
              for text in texts]
    under += [Line(h.change, label=f"history ({h.date})") for h in judgment.history]
    return Line(judgment.question, id=judgment_id, under=under)


def _present(*fields: tuple[str, str | None]) -> list[Line]:
    return [Line(value, label=label) for label, value in fields if value]


def _change(change: FieldChange) -> Line:
    return Line(f"{change.before or '(none)'} → {change.after or '(none)'}", label=change.field)


def _lines(line: Line, depth: int, markdown: bool) -> list[str]:
    """A line and those under it, indented by depth: a Markdown list item, or plain text."""
    if markdown:
        parts = [f"`{line.id}`" if line.id else "", line.label, line.after]
        text = _markdown(line.text) if line.text else ""
        lead = "  " * depth + "- "
    else:
        parts = [line.id, line.label, line.after]
        text = fold_whitespace(line.text)
        lead = "  " * (depth + 1)
    head = " ".join(part for part in parts if part)
    out = [lead + (f"{head}: {text}" if head and text else head or text)]
    for under in line.under:
        out.extend(_lines(under, depth + 1, markdown))
    return out


def _markdown(text: str) -> str:
    """Contributor text in a Markdown summary: one line, every character shown as itself (the
    pages' own escaping)."""
    return escape_text(text) or "(empty)"
