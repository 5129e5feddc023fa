"""``briefing correct|retire|revise``: a dated entry added to a published fact or judgment, in place.

A correction (``corrections``) tells readers what changed in a fact and why; retiring a fact
sets ``retired`` to the note and records the day with a correction; a judgment's revision
adds a ``history`` entry and moves ``reviewed`` to that day. Each edit inserts lines (or
replaces the one ``reviewed`` value) at the record's own position, in the file's
indentation and line endings, so every other byte, comment and key stays as it was. The
result is read back and compared with what was meant, then checked with ``briefing
check``'s rules over a copy of the briefing: an edit that would add an error (a date in the
future, an empty note) is refused and nothing is written.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.errors import ScaffoldError
from generator.load import LoadedFile
from generator.messages import field_name
from generator.model import Correction, HistoryEntry
from generator.scaffold.drafts import record_problems
from generator.scaffold.entries import check_copy
from generator.scaffold.project import Project, reference_error
from generator.scaffold.writing import (
    item_columns,
    item_lines,
    line_after,
    load_existing,
    load_new,
    mapping_lines,
    split_lines,
    top_level_value,
)


@dataclass(frozen=True)
class Amended:
    """What was written: the file (as shown) and the line where the new entry starts."""

    display: str
    line: int


@dataclass
class _Record:
    """A fact or judgment found in its file: the file's text and the record's YAML node."""

    path: Path
    display: str
    raw: bytes
    loaded: LoadedFile
    lines: list[str]
    node: yaml.MappingNode
    #: the record's data path in the file
    at: tuple[str | int, ...]


def correct_fact(project: Project, fact_id: str, note: str, on: str) -> Amended:
    """Add a correction dated ``on`` to the fact ``fact_id``."""
    entry = _entry(Correction, {"date": on, "note": note})
    record = _find_fact(project, fact_id)
    return _write(project, record, [_list_item(record, "corrections", entry)], {"corrections": [entry]})


def retire_fact(project: Project, fact_id: str, note: str, on: str) -> Amended:
    """Retire the fact ``fact_id`` with ``note``, recording the day with a correction."""
    entry = _entry(Correction, {"date": on, "note": f"Retired: {note}"})
    record = _find_fact(project, fact_id)
    if _value(record.node, "retired") is not None:
        raise ScaffoldError([("", f"fact '{fact_id}' is already retired ({record.display})",
                              "to say more, add a correction with `briefing correct`")])
    retired = (line_after(record.lines, record.node), mapping_lines({"retired": note}, record.node.start_mark.column))
    edits = [_list_item(record, "corrections", entry), retired]
    return _write(project, record, edits, {"corrections": [entry], "retired": note})


def revise_judgment(project: Project, judgment_id: str, note: str, on: str) -> Amended:
    """Add a ``history`` entry dated ``on`` to the judgment; ``reviewed`` moves to that day."""
    entry = _entry(HistoryEntry, {"date": on, "change": note})
    record = _find_judgment(project, judgment_id)
    changed: dict[str, Any] = {"history": [entry]}
    reviewed = _value(record.node, "reviewed")
    if isinstance(reviewed, yaml.ScalarNode) and reviewed.value < on:
        start, end = reviewed.start_mark, reviewed.end_mark
        if start.line != end.line:
            raise ScaffoldError([("reviewed", f"`reviewed` of judgment '{judgment_id}' spans lines",
                                  "write it on one line (`reviewed: \"YYYY-MM-DD\"`)")])
        line = record.lines[start.line]
        record.lines[start.line] = f'{line[:start.column]}"{on}"{line[end.column:]}'  # a checked date
        changed["reviewed"] = on
    return _write(project, record, [_list_item(record, "history", entry)], changed)


def _entry(model: Any, data: dict[str, str]) -> dict[str, str]:
    problems = record_problems(model, data)
    if problems:
        raise ScaffoldError([(f"--{name}" if name == "date" else "--note", message, hint)
                             for name, message, hint in problems])
    return data


def _find_fact(project: Project, fact_id: str) -> _Record:
    for topic in project.topics:
        path = project.briefings_dir / "topics" / f"{topic}.yml"
        found = _read(project, path)
        facts = top_level_value("".join(found[2]), "facts") if found else None
        if found and isinstance(facts, yaml.SequenceNode):
            for index, item in enumerate(facts.value):
                if _id_of(item) == fact_id:
                    return _Record(path, project.display(path), found[0], found[1], found[2], item,
                                   ("facts", index))
    raise _unknown(fact_id, project.facts, "fact", "a topic's facts")


def _find_judgment(project: Project, judgment_id: str) -> _Record:
    path = project.briefings_dir / "judgments.yml"
    found = _read(project, path) if path.is_file() else None
    root = yaml.compose("".join(found[2]), Loader=yaml.SafeLoader) if found else None
    if found and isinstance(root, yaml.SequenceNode):
        for index, item in enumerate(root.value):
            if _id_of(item) == judgment_id:
                return _Record(path, project.display(path), found[0], found[1], found[2], item, (index,))
    raise _unknown(judgment_id, project.judgments, "judgment", "briefings/judgments.yml")


def _unknown(record_id: str, known: list[str], kind: str, where: str) -> ScaffoldError:
    error = reference_error(record_id, [k for k in known if k != record_id], kind, where)
    assert error is not None
    return ScaffoldError([("", *error)])


def _read(project: Project, path: Path) -> tuple[bytes, LoadedFile, list[str]] | None:
    raw = path.read_bytes()
    loaded = load_existing(raw, path, project.display(path))
    return raw, loaded, split_lines(raw.decode("utf-8").removeprefix("\ufeff"))


def _id_of(node: yaml.Node) -> str | None:
    value = _value(node, "id")
    return value.value if isinstance(value, yaml.ScalarNode) else None


def _value(node: yaml.Node, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        return next((value for name, value in node.value if name.value == key), None)
    return None


def _list_item(record: _Record, key: str, entry: dict[str, str]) -> tuple[int, list[str]]:
    """Where and what to insert: ``entry`` after the last item of the record's block list
    ``key``, or the key with its first item at the end of the record."""
    if record.node.flow_style:
        raise ScaffoldError([("", f"the record is written in flow style ({{...}}) in {record.display}",
                              f"add the `{key}` entry by hand")])
    items = _value(record.node, key)
    if items is None:
        indent = record.node.start_mark.column
        return line_after(record.lines, record.node), [" " * indent + f"{key}:", *item_lines(entry, indent + 2)]
    if not isinstance(items, yaml.SequenceNode) or items.flow_style or not items.value:
        raise ScaffoldError([(key, f"`{key}` is not a list of one `- ` item per entry in {record.display}",
                              f"add the entry by hand, or rewrite `{key}` with one `- ` item per entry")])
    dash, content = item_columns(record.lines, items.value[0])
    return line_after(record.lines, items), item_lines(entry, dash, content)


def _write(project: Project, record: _Record, edits: list[tuple[int, list[str]]],
           changed: dict[str, Any]) -> Amended:
    """Insert each edit's lines (before the line index given), check the result, then write it."""
    lines = list(record.lines)
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += newline
    # the last edit first, so the earlier indexes still hold; at one index, in the order given
    for _, (at, new) in sorted(enumerate(edits), key=lambda edit: (edit[1][0], edit[0]), reverse=True):
        lines[at:at] = [line + newline for line in new]
    bom = b"\xef\xbb\xbf" if record.raw.startswith(b"\xef\xbb\xbf") else b""
    new_raw = bom + "".join(lines).encode("utf-8")
    expected = copy.deepcopy(record.loaded.data)
    target = expected
    for part in record.at:
        target = target[part]
    for key, value in changed.items():
        target[key] = [*target.get(key, []), *value] if isinstance(value, list) else value
    if load_new(new_raw, record.path, record.display).data != expected:
        raise RuntimeError(f"editing {record.path} would not give the intended data; nothing written")
    _refuse_new_errors(project, record.path, new_raw)
    temp = record.path.with_name(f".{record.path.name}.new")
    temp.write_bytes(new_raw)
    temp.replace(record.path)
    return Amended(record.display, min(at for at, _ in edits) + 1)


def _refuse_new_errors(project: Project, path: Path, new_raw: bytes) -> None:
    """Refuse the edit when ``briefing check`` would find an error it does not find today."""
    _, before = check_copy(project, path, None)
    known = {(p.path, p.kind, p.message) for p in before}
    _, after = check_copy(project, path, new_raw)
    added = [p for p in after if (p.path, p.kind, p.message) not in known]
    if added:
        raise ScaffoldError([(field_name(p.field), p.message, p.hint) for p in added])
