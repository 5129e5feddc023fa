"""``briefing new``'s library: a checked draft -> a new file or text appended to one.

Every entry is checked first: its fields with the models, field by field (so each problem
names its field), its ids and references against what the project holds, and then, as the
file would be written, with ``briefing check``'s own rules over a copy of the whole briefing
(how cited values relate, what a status then means, a source's error beside a reference, a
judgment's wording and calibration). Only an entry the check accepts is written.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml

from generator.check import check_project
from generator.errors import Problem, ScaffoldError
from generator.messages import field_name
from generator.model import Entity, Fact, Judgment, Source, Topic
from generator.scaffold.drafts import (
    FactDraft,
    JudgmentDraft,
    fact_data,
    judgment_data,
    record_problems,
)
from generator.scaffold.project import Project, id_error, reference_error, suggest_id
from generator.scaffold.writing import (
    Scaffolded,
    blank_between_items,
    block_mapping,
    create,
    insert,
    item_columns,
    item_lines,
    line_after,
    load_existing,
    mapping_lines,
    split_lines,
    top_level_value,
)
from generator.settings import Settings

Problems = list[tuple[str, str, str]]


def new_source(project: Project, *, title: str, published: str, source_id: str | None = None,
               **optional: str | None) -> Scaffolded:
    """Write ``sources/<id>.yml``; ``optional`` holds any other field of :class:`Source`."""
    source_id = source_id or suggest_id(title, project.sources, "source")
    path = project.briefings_dir / "sources" / f"{source_id}.yml"
    data = {"title": title, "outlet": optional.pop("outlet", None), "author": optional.pop("author", None),
            "published": published, **optional}
    data = {k: v for k, v in data.items() if v not in (None, "")}
    _raise_if(_id_problems(source_id, project.sources, "source", project.display(path))
              + record_problems(Source, data))
    absent = [name for name in ("outlet", "author", "url", "archive_url", "accessed") if name not in data]
    body = mapping_lines(data, 0)
    if absent:
        body.append(f"# optional: {', '.join(absent)} (see CONTRIBUTING.md)")
    return create(project.root, path, project.display(path), "source", source_id, body, _verifier(project))


def new_topic(project: Project, *, title: str, summary: str, first_fact: FactDraft,
              topic_id: str | None = None, order: int | None = None) -> Scaffolded:
    """Write ``topics/<id>.yml`` with its first fact (a topic holds at least one)."""
    topic_id = topic_id or suggest_id(title, project.topics, "topic")
    path = project.briefings_dir / "topics" / f"{topic_id}.yml"
    fact = fact_data(first_fact, first_fact.id or suggest_id(first_fact.claim, project.facts, "fact"))
    data: dict[str, Any] = {"title": title, "summary": summary}
    if order is not None:
        data["order"] = order
    problems = _id_problems(topic_id, project.topics, "topic", project.display(path))
    problems += record_problems(Topic, {**data, "facts": [fact]})
    _raise_if(problems)
    body = [*mapping_lines(data, 0), "facts:", *item_lines(fact, 2)]
    return create(project.root, path, project.display(path), "topic", topic_id, body, _verifier(project))


def new_fact(project: Project, topic_id: str, draft: FactDraft) -> Scaffolded:
    """Append a fact at the end of the ``facts`` list of an existing topic file."""
    path = project.briefings_dir / "topics" / f"{topic_id}.yml"
    error = reference_error(topic_id, project.topics, "topic", "briefings/topics/")
    if error:
        raise ScaffoldError([("--topic", *error)])
    fact = fact_data(draft, draft.id or suggest_id(draft.claim, project.facts, "fact"))
    _raise_if(record_problems(Fact, fact))
    return _append_item(project, path, "facts", fact)


def new_judgment(project: Project, draft: JudgmentDraft) -> Scaffolded:
    """Append a key judgment at the end of ``judgments.yml`` (created when missing)."""
    path = project.briefings_dir / "judgments.yml"
    data = judgment_data(draft)
    problems = _id_problems(draft.id, project.judgments, "judgment", project.display(path))
    problems += record_problems(Judgment, data)
    _raise_if(problems)
    if not path.exists():
        return create(project.root, path, project.display(path), "judgments", draft.id, item_lines(data, 0),
                      _verifier(project))
    return _append_item(project, path, None, data)


def new_entity(project: Project, *, name: str, kind: str, entity_id: str | None = None,
               description: str | None = None, aliases: list[str] | None = None,
               location: dict[str, Any] | None = None) -> Scaffolded:
    """Append an entity at the end of ``entities.yml`` (created when missing); a place may have its
    ``location`` (``{lat, lon, source}``), written as one flow mapping."""
    entity_id = entity_id or suggest_id(name, project.entities, "entity")
    path = project.briefings_dir / "entities.yml"
    display = project.display(path)
    data: dict[str, Any] = {"name": name, "kind": kind}
    if description:
        data["description"] = description
    if aliases:
        data["aliases"] = list(aliases)
    if location:
        data["location"] = dict(location)
    _raise_if(_id_problems(entity_id, project.entities, "entity", display) + record_problems(Entity, data))
    if not path.exists():
        return create(project.root, path, display, "entities", entity_id,
                      [f"{entity_id}:", *mapping_lines(data, 2)], _verifier(project))
    raw = path.read_bytes()
    loaded = load_existing(raw, path, display)
    text = raw.decode("utf-8").removeprefix("\ufeff")
    lines = split_lines(text)
    if loaded.data is None:
        indent, separated = 2, False
    elif isinstance(loaded.data, dict) and loaded.data and block_mapping(text):
        first = next(iter(loaded.data))
        fields = loaded.data[first]
        indent = 2
        if isinstance(fields, dict) and fields:
            indent = loaded.key_positions[(first, next(iter(fields)))][1] - 1
        keys = [loaded.key_positions[(k,)][0] for k in loaded.data]
        separated = len(keys) > 1 and not lines[keys[1] - 2].strip()
    else:
        raise ScaffoldError([("", f"{display} is not a block mapping of entities",
                              "add the entity by hand, writing `id:` on its own line and its fields "
                              "under it")])
    expected = {**(loaded.data or {}), entity_id: data}
    new_lines = [f"{entity_id}:", *mapping_lines(data, indent)]
    return insert(path, display, raw, lines, len(lines), new_lines, separated, expected, entity_id,
                  _verifier(project))


def _append_item(project: Project, path: Path, key: str | None, item: dict[str, Any]) -> Scaffolded:
    """Append ``item`` to the block list at the top-level ``key`` (or the file's own list)."""
    display = project.display(path)
    raw = path.read_bytes()
    loaded = load_existing(raw, path, display)
    data = loaded.data
    items = (data.get(key) if isinstance(data, dict) else None) if key else data
    what = f"`{key}:` list" if key else "list"
    if not isinstance(items, list) or not items:
        raise ScaffoldError([("", f"{display} has no {what} to add to",
                              "fix the file first (`briefing check` shows what is wrong)")])
    text = raw.decode("utf-8").removeprefix("\ufeff")
    node = top_level_value(text, key) if key else yaml.compose(text, Loader=yaml.SafeLoader)
    if not isinstance(node, yaml.SequenceNode) or node.flow_style:
        raise ScaffoldError([("", f"the {what} of {display} is written in flow style ([...])",
                              "add the entry by hand, or rewrite the list with one `- ` item per entry")])
    lines = split_lines(text)
    dash, content = item_columns(lines, node.value[0])
    expected = {**data, key: [*items, item]} if key else [*items, item]
    return insert(path, display, raw, lines, line_after(lines, node), item_lines(item, dash, content),
                  blank_between_items(lines, node), expected, item["id"], _verifier(project))


def _verifier(project: Project) -> Any:
    """What refuses an entry ``briefing check`` would refuse: the check's own rules, run over a
    copy of the briefing holding the file as it would be written. Only errors on the new
    entry's lines refuse it (what was wrong before is not the new entry's doing)."""
    def verify(path: Path, new_raw: bytes, first: int, last: int) -> None:
        shown, errors = check_copy(project, path, new_raw)
        ours = [p for p in errors if p.path == shown and first <= p.line <= last]
        if ours:
            raise ScaffoldError([(field_name(p.field), p.message, p.hint) for p in ours])
    return verify


def check_copy(project: Project, path: Path, new_raw: bytes | None) -> tuple[str, list[Problem]]:
    """The errors ``briefing check`` finds in a copy of the briefing where the file at ``path``
    holds ``new_raw`` (None: as it is), and how the check names that file."""
    relative = path.relative_to(project.briefings_dir)
    with tempfile.TemporaryDirectory(prefix="briefing-new-") as folder:
        copy = Path(folder) / "briefings"
        if project.briefings_dir.is_dir():
            shutil.copytree(project.briefings_dir, copy, symlinks=True)
        if new_raw is not None:
            (copy / relative).parent.mkdir(parents=True, exist_ok=True)
            (copy / relative).write_bytes(new_raw)
        result = check_project(Path(folder), Settings(briefings_dir="briefings"))
    return f"briefings/{relative.as_posix()}", result.errors


def _id_problems(new_id: str, taken: list[str], kind: str, where: str) -> Problems:
    error = id_error(new_id, taken, kind, where)
    return [("id", *error)] if error else []


def _raise_if(problems: Problems) -> None:
    if problems:
        raise ScaffoldError(problems)
