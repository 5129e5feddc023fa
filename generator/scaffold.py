"""Scaffolding beside the pipeline: `briefing new source|topic|fact|entity` -> a valid new entry.

A contributor gives a few values (flags or prompts, gathered by ``cli``); this module
suggests ids from titles, checks every value with the same models and reference rules
the checker uses, and only then writes: a new file for a source or a topic, or text
appended to an existing file for a fact (at the end of the topic's ``facts`` list) or an
entity (at the end of ``entities.yml``). Appending never rewrites a byte that is already
in the file: comments, key order and quoting stay exactly as the contributor left them,
and the result is loaded back and compared before anything touches the disk.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from generator.check import _closest, _display, _validate, load_settings
from generator.errors import Problem
from generator.load import LoadedFile, YamlProblem, load_bytes, load_file
from generator.model import ID_PATTERN, Entity, Fact, Source, Topic
from generator.schemas import SCHEMA_DIR
from generator.settings import project_paths

_ID = re.compile(ID_PATTERN)
_NOT_PRINTABLE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")
ID_LIMIT = 60


class ScaffoldError(Exception):
    """Values that cannot make a valid entry: each problem names the field and how to fix it."""

    def __init__(self, problems: list[tuple[str, str, str]]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{name}: {message}" for name, message, _ in problems))

    def report(self) -> str:
        lines = []
        for name, message, hint in self.problems:
            lines.append(f"error: {name}: {message}" if name else f"error: {message}")
            if hint:
                lines.append(f"    hint: {hint}")
        return "\n".join(lines)


@dataclass
class Scaffolded:
    """What was written: the file (shown relative to the project) and the new entry's id."""

    path: Path
    display: str
    id: str
    appended: bool
    #: the line where the new entry starts
    line: int = 1


@dataclass
class FactDraft:
    """The values of a new fact; ``locators``, ``quotes`` and ``values`` pair with ``sources`` by
    position (an empty string skips one)."""

    claim: str
    status: str
    sources: list[str]
    id: str | None = None
    date: str | None = None
    locators: list[str] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)
    values: list[str] = field(default_factory=list)
    attributed_to: list[str] = field(default_factory=list)
    denied_by: list[str] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)


@dataclass
class Project:
    """What a project already holds, read once: the ids new entries must not repeat or must cite."""

    root: Path
    briefings_dir: Path
    sources: list[str]
    topics: list[str]
    entities: list[str]
    #: fact id -> where it is defined ("briefings/topics/x.yml:12")
    facts: dict[str, str]
    orders: list[int]

    @classmethod
    def read(cls, root: Path) -> Project:
        settings = load_settings(root)
        briefings_dir, _ = project_paths(root, settings)
        topics = _stems(briefings_dir / "topics")
        facts: dict[str, str] = {}
        orders: list[int] = []
        for topic in topics:
            loaded = _try_load(briefings_dir / "topics" / f"{topic}.yml", root)
            data = loaded.data if loaded else None
            if not isinstance(data, dict):
                continue
            if isinstance(data.get("order"), int):
                orders.append(data["order"])
            for index, fact in enumerate(data.get("facts") or []):
                if isinstance(fact, dict) and isinstance(fact.get("id"), str):
                    line, _ = loaded.position(("facts", index, "id"))  # type: ignore[union-attr]
                    facts.setdefault(fact["id"].lower(), f"{loaded.display}:{line}")  # type: ignore[union-attr]
        entities_file = _try_load(briefings_dir / "entities.yml", root)
        entities = list(entities_file.data) if entities_file and isinstance(entities_file.data, dict) else []
        return cls(root, briefings_dir, _stems(briefings_dir / "sources"), topics,
                   [str(e) for e in entities], facts, orders)

    def display(self, path: Path) -> str:
        return _display(path, self.root)


# ---- ids --------------------------------------------------------------------------------

def slugify(text: str, limit: int = ID_LIMIT) -> str:
    """A readable id from a title: lowercase ASCII words joined by hyphens, cut at a word."""
    folded = unicodedata.normalize("NFKD", text.replace("'", "").replace("\u2019", ""))
    words = re.findall(r"[a-z0-9]+", folded.encode("ascii", "ignore").decode().lower())
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > limit:
            break
        slug = candidate
    return slug or (words[0][:limit] if words else "")


def suggest_id(text: str, taken: Iterable[str], fallback: str = "item") -> str:
    """The id suggested for a new entry: the title's slug, numbered if it is taken."""
    lowered = {t.lower() for t in taken}
    base = slugify(text) or fallback
    candidate, number = base, 2
    while candidate in lowered:
        candidate = f"{base[: ID_LIMIT - len(str(number)) - 1]}-{number}"
        number += 1
    return candidate


def id_error(new_id: str, taken: Iterable[str], kind: str, where: str = "") -> tuple[str, str] | None:
    """Why an id cannot be used (invalid, or already taken), with a hint; None when it can."""
    if not _ID.match(new_id):
        return (f"'{new_id}' is not a valid id",
                f"use lowercase letters, digits and hyphens, e.g. '{slugify(new_id) or 'my-id'}'")
    taken = list(taken)
    if new_id.lower() in {t.lower() for t in taken}:
        return (f"{kind} '{new_id}' already exists{f' ({where})' if where else ''}",
                f"choose another id, e.g. '{suggest_id(new_id, taken)}'")
    return None


def reference_error(ref: str, known: list[str], kind: str, where: str) -> tuple[str, str] | None:
    """Why a referenced id does not resolve, naming the closest known ids."""
    if ref in known:
        return None
    return f"unknown {kind} '{ref}'", _closest(ref, known, where)


def field_error(model: type[BaseModel], name: str, value: Any) -> tuple[str, str] | None:
    """Check one value of one field with the checker's own message and hint; None when valid."""
    return next(((message, hint) for field_name, message, hint in _record_problems(model, {name: value})
                 if field_name == name), None)


# ---- entries ----------------------------------------------------------------------------

def new_source(project: Project, *, title: str, published: str, source_id: str | None = None,
               **optional: str | None) -> Scaffolded:
    """Write ``sources/<id>.yml``; ``optional`` holds any other field of :class:`Source`."""
    source_id = source_id or suggest_id(title, project.sources, "source")
    path = project.briefings_dir / "sources" / f"{source_id}.yml"
    data = {"title": title, "outlet": optional.pop("outlet", None), "author": optional.pop("author", None),
            "published": published, **optional}
    data = {k: v for k, v in data.items() if v not in (None, "")}
    problems = _id_problems(source_id, project.sources, "source", project.display(path))
    _raise_if(problems + _record_problems(Source, data))
    absent = [name for name in ("outlet", "author", "url", "archive_url", "accessed") if name not in data]
    body = _mapping_lines(data, 0)
    if absent:
        body.append(f"# optional: {', '.join(absent)} (see CONTRIBUTING.md)")
    return _create(project, path, "source", source_id, body)


def new_topic(project: Project, *, title: str, summary: str, first_fact: FactDraft,
              topic_id: str | None = None, order: int | None = None) -> Scaffolded:
    """Write ``topics/<id>.yml`` with its first fact (a topic holds at least one)."""
    topic_id = topic_id or suggest_id(title, project.topics, "topic")
    path = project.briefings_dir / "topics" / f"{topic_id}.yml"
    fact = fact_data(project, first_fact)
    data: dict[str, Any] = {"title": title, "summary": summary}
    if order is not None:
        data["order"] = order
    problems = _id_problems(topic_id, project.topics, "topic", project.display(path))
    problems += _record_problems(Topic, {**data, "facts": [fact]}) + _reference_problems(project, fact)
    _raise_if(problems)
    body = [*_mapping_lines(data, 0), "facts:", *_item_lines(fact, 2)]
    return _create(project, path, "topic", topic_id, body)


def new_fact(project: Project, topic_id: str, draft: FactDraft) -> Scaffolded:
    """Append a fact at the end of the ``facts`` list of an existing topic file."""
    path = project.briefings_dir / "topics" / f"{topic_id}.yml"
    if topic_id not in project.topics:
        _raise_if([("--topic", *_need(reference_error(topic_id, project.topics, "topic",
                                                       "briefings/topics/")))])
    fact = fact_data(project, draft)
    _raise_if(_record_problems(Fact, fact) + _reference_problems(project, fact))
    raw = path.read_bytes()
    loaded = _load_existing(raw, path, project)
    facts = loaded.data.get("facts") if isinstance(loaded.data, dict) else None
    if not isinstance(facts, list) or not facts:
        _raise_if([("", f"{project.display(path)} has no `facts:` list to add to",
                    "fix the topic file first (`briefing check` shows what is wrong)")])
    text = raw.decode("utf-8").removeprefix("\ufeff")
    node = _top_level_value(text, "facts")
    if not isinstance(node, yaml.SequenceNode) or node.flow_style:
        _raise_if([("", f"the facts of {project.display(path)} are written in flow style ([...])",
                    "add the fact by hand, or rewrite `facts:` as a `- ` list")])
    lines = _lines(text)
    dash, content = _item_columns(lines, node.value[0])
    insert_line = _line_after(lines, node)
    separated = _blank_between_items(lines, node)
    new_lines = _item_lines(fact, dash, content)
    expected = {**loaded.data, "facts": [*facts, fact]}
    return _insert(project, path, raw, lines, insert_line, new_lines, separated, expected, fact["id"])


def new_entity(project: Project, *, name: str, kind: str, entity_id: str | None = None,
               description: str | None = None, aliases: list[str] | None = None) -> Scaffolded:
    """Append an entity at the end of ``entities.yml`` (created when missing)."""
    entity_id = entity_id or suggest_id(name, project.entities, "entity")
    path = project.briefings_dir / "entities.yml"
    data: dict[str, Any] = {"name": name, "kind": kind}
    if description:
        data["description"] = description
    if aliases:
        data["aliases"] = list(aliases)
    _raise_if(_id_problems(entity_id, project.entities, "entity", project.display(path))
              + _record_problems(Entity, data))
    if not path.exists():
        return _create(project, path, "entities", entity_id, [f"{entity_id}:", *_mapping_lines(data, 2)])
    raw = path.read_bytes()
    loaded = _load_existing(raw, path, project)
    text = raw.decode("utf-8").removeprefix("\ufeff")
    lines = _lines(text)
    if loaded.data is None:
        indent, separated = 2, False
    elif isinstance(loaded.data, dict) and loaded.data and _block_mapping(text):
        first = next(iter(loaded.data))
        fields = loaded.data[first]
        indent = 2
        if isinstance(fields, dict) and fields:
            indent = loaded.key_positions[(first, next(iter(fields)))][1] - 1
        keys = [loaded.key_positions[(k,)][0] for k in loaded.data]
        separated = len(keys) > 1 and not lines[keys[1] - 2].strip()
    else:
        _raise_if([("", f"{project.display(path)} is not a block mapping of entities",
                    "add the entity by hand, writing `id:` on its own line and its fields under it")])
    expected = {**(loaded.data or {}), entity_id: data}
    new_lines = [f"{entity_id}:", *_mapping_lines(data, indent)]
    return _insert(project, path, raw, lines, len(lines), new_lines, separated, expected, entity_id)


def fact_data(project: Project, draft: FactDraft) -> dict[str, Any]:
    """A draft as the mapping written to the file, fields in the format's order."""
    fact_id = draft.id or suggest_id(draft.claim, project.facts, "fact")
    cites = []
    for index, source in enumerate(draft.sources):
        cite = {"source": source}
        for key, values in (("locator", draft.locators), ("quote", draft.quotes), ("value", draft.values)):
            if index < len(values) and values[index]:
                cite[key] = values[index]
        cites.append(cite)
    data: dict[str, Any] = {"id": fact_id, "claim": draft.claim, "date": draft.date, "status": draft.status,
                            "attributed_to": draft.attributed_to, "denied_by": draft.denied_by,
                            "entities": draft.entities, "tags": draft.tags, "cites": cites}
    return {k: v for k, v in data.items() if v not in (None, "", [])}


# ---- checks -----------------------------------------------------------------------------

def _id_problems(new_id: str, taken: list[str], kind: str, where: str) -> list[tuple[str, str, str]]:
    error = id_error(new_id, taken, kind, where)
    return [("id", *error)] if error else []


def _record_problems(model: type[BaseModel], data: dict[str, Any]) -> list[tuple[str, str, str]]:
    """The checker's own messages for an entry, each named by its field."""
    text = "\n".join(_mapping_lines(data, 0)) + "\n"
    loaded = load_bytes(text.encode("utf-8"), Path("new.yml"), "new.yml")
    problems: list[Problem] = []
    _validate(model, loaded, problems)
    where = {pos: path for path, pos in [*loaded.value_positions.items(), *loaded.key_positions.items()]}
    found = []
    for problem in problems:
        at = where.get((problem.line, problem.column), ())
        missing = re.match(r"missing required field '(\w+)'", problem.message)
        name = missing.group(1) if missing else (
            ".".join(str(part) for part in at if isinstance(part, str)) or model.__name__.lower())
        found.append((name, problem.message, problem.hint))
    return found


def _reference_problems(project: Project, fact: dict[str, Any]) -> list[tuple[str, str, str]]:
    problems = []
    if not fact.get("cites"):
        problems.append(("source", "a fact needs at least one source", "give a source id"))
    error = id_error(fact["id"], project.facts, "fact", project.facts.get(fact["id"].lower(), ""))
    if error:
        problems.append(("id", *error))
    for cite in fact.get("cites", []):
        error = reference_error(cite["source"], project.sources, "source", "briefings/sources/ "
                                "(`briefing new source`)")
        if error:
            problems.append(("source", *error))
    for role in ("attributed_to", "denied_by", "entities"):
        for entity_id in fact.get(role, []):
            error = reference_error(entity_id, project.entities, "entity",
                                    "briefings/entities.yml (`briefing new entity`)")
            if error:
                problems.append((role, *error))
    return problems


def _raise_if(problems: list[tuple[str, str, str]]) -> None:
    if problems:
        raise ScaffoldError(problems)


def _need(error: tuple[str, str] | None) -> tuple[str, str]:
    assert error is not None
    return error


# ---- writing ----------------------------------------------------------------------------

def _quote(text: str) -> str:
    """A YAML double-quoted scalar that reads back as exactly ``text``."""
    return _NOT_PRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text, ensure_ascii=False))


def _scalar(value: Any) -> str:
    if isinstance(value, str):
        return _quote(value)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"cannot write {value!r}")
    return repr(value)


def _mapping_lines(data: dict[str, Any], indent: int) -> list[str]:
    return _item_lines(data, None, indent)


def _item_lines(data: dict[str, Any], dash: int | None, content: int | None = None) -> list[str]:
    """A mapping as block YAML; with ``dash`` it is a list item (``- `` at that column)."""
    if content is None:
        content = (dash or 0) + 2
    lines = []
    for number, (key, value) in enumerate(data.items()):
        if number == 0 and dash is not None:
            prefix = " " * dash + "-" + " " * (content - dash - 1)
        else:
            prefix = " " * content
        if isinstance(value, list) and value and isinstance(value[0], dict):
            lines.append(f"{prefix}{key}:")
            for item in value:
                lines.extend(_item_lines(item, content + 2))
        elif isinstance(value, list):
            lines.append(f"{prefix}{key}: [{', '.join(_scalar(v) for v in value)}]")
        else:
            lines.append(f"{prefix}{key}: {_scalar(value)}")
    return lines


def _schema_comment(path: Path, root: Path, kind: str) -> str:
    schema = root / SCHEMA_DIR / f"{kind}.schema.json"
    return f"# yaml-language-server: $schema={Path(os.path.relpath(schema, path.parent)).as_posix()}"


def _create(project: Project, path: Path, kind: str, new_id: str, body: list[str]) -> Scaffolded:
    text = "\n".join([_schema_comment(path, project.root, kind), *body]) + "\n"
    _load_new(text.encode("utf-8"), path, project)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8", newline="\n") as handle:  # never overwrite
        handle.write(text)
    return Scaffolded(path, project.display(path), new_id, appended=False, line=2)


def _insert(project: Project, path: Path, raw: bytes, lines: list[str], at_line: int, new_lines: list[str],
            separated: bool, expected: Any, new_id: str) -> Scaffolded:
    """Insert ``new_lines`` before line index ``at_line``, keeping every existing byte."""
    newline = "\r\n" if "\r\n" in (lines[0] if lines else "") else "\n"
    before = "".join(lines[:at_line])
    block = newline.join(new_lines) + newline
    if separated:
        block = newline + block
    if before and not before.endswith(("\n", "\r")):
        block = newline + block
    offset = len(before.encode("utf-8")) + (3 if raw.startswith(b"\xef\xbb\xbf") else 0)
    new_raw = raw[:offset] + block.encode("utf-8") + raw[offset:]
    loaded = _load_new(new_raw, path, project)
    if loaded.data != expected:  # the text must read back as exactly what was meant
        raise RuntimeError(f"appending to {path} would not give the intended data; nothing written")
    temp = path.with_name(f".{path.name}.new")
    temp.write_bytes(new_raw)
    temp.replace(path)
    leading = block[: len(block) - len(block.lstrip("\r\n"))]
    line = before.count("\n") + leading.count("\n") + 1
    return Scaffolded(path, project.display(path), new_id, appended=True, line=line)


def _load_new(raw: bytes, path: Path, project: Project) -> LoadedFile:
    try:
        return load_bytes(raw, path, project.display(path))
    except YamlProblem as exc:  # a bug of this module, not the contributor's
        raise RuntimeError(f"scaffolded text does not load: {exc}") from None


def _load_existing(raw: bytes, path: Path, project: Project) -> LoadedFile:
    try:
        return load_bytes(raw, path, project.display(path))
    except YamlProblem as exc:
        problem = exc.problem
        raise ScaffoldError([("", f"{problem.path}:{problem.line}:{problem.column}: {problem.message}",
                              "fix the file first; nothing was written")]) from None


def _top_level_value(text: str, key: str) -> yaml.Node | None:
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if isinstance(root, yaml.MappingNode):
        for key_node, value_node in root.value:
            if key_node.value == key:
                return value_node
    return None


def _block_mapping(text: str) -> bool:
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    return isinstance(root, yaml.MappingNode) and not root.flow_style


def _content_end(node: yaml.Node) -> yaml.Mark:
    """Where a node's own text ends (block collections end where the next token starts)."""
    if isinstance(node, yaml.MappingNode) and not node.flow_style and node.value:
        return _content_end(node.value[-1][1])
    if isinstance(node, yaml.SequenceNode) and not node.flow_style and node.value:
        return _content_end(node.value[-1])
    return node.end_mark


def _line_after(lines: list[str], sequence: yaml.SequenceNode) -> int:
    """The index of the line where text after the sequence's last item can go."""
    end = _content_end(sequence)
    after = end.line if end.column == 0 else end.line + 1
    rest = lines[after:]
    if all(not line.strip() or line.lstrip().startswith("#") for line in rest):
        return len(lines)  # the list ends the file: append after any trailing comments
    return after


def _item_columns(lines: list[str], first_item: yaml.Node) -> tuple[int, int]:
    """The columns of an existing item's ``-`` and of its content."""
    mark = first_item.start_mark
    text = lines[mark.line][: mark.column]
    dash = text.rfind("-")
    return (dash if dash >= 0 else max(mark.column - 2, 0)), mark.column


def _blank_between_items(lines: list[str], sequence: yaml.SequenceNode) -> bool:
    if len(sequence.value) < 2:
        return False
    line = sequence.value[1].start_mark.line
    return line > 0 and not lines[line - 1].strip()


def _lines(text: str) -> list[str]:
    """The text's lines, each with its ``\n`` (only ``\n`` ends a line here, as in the file)."""
    return re.findall(r"[^\n]*\n|[^\n]+\Z", text)


def _stems(folder: Path) -> list[str]:
    return sorted(path.stem for path in folder.glob("*.yml")) if folder.is_dir() else []


def _try_load(path: Path, root: Path) -> LoadedFile | None:
    if not path.is_file():
        return None
    try:
        return load_file(path, _display(path, root))
    except (YamlProblem, OSError):
        return None
