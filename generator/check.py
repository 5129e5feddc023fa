"""Stage 3 of the pipeline: every file loaded, validated and cross-checked -> a Briefing.

``check_project`` finds the files of ``briefings/``, loads each with positions, validates
it against its model, then applies the rules that look across files (ids unique, every
reference resolves, nothing unused). It never stops at the first problem: it returns
every problem of the run, each located at the offending key or value, with a hint.
"""

from __future__ import annotations

import difflib
import os
import re
import types
import typing
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from generator.briefing import Briefing
from generator.errors import BriefingError, Problem, Severity
from generator.load import DataPath, LoadedFile, YamlProblem, load_file
from generator.model import ID_PATTERN, Entities, Entity, Fact, Source, Topic
from generator.settings import CONFIG_NAME, Settings, project_paths

QUOTE_WORD_LIMIT = 40
BASE_URL_VARIABLE = "BRIEFING_BASE_URL"
_ID = re.compile(ID_PATTERN)
_ERROR_PREFIXES = ("Value error, ", "Assertion failed, ")


@dataclass
class CheckResult:
    """What a check found: the briefing (when there are no errors) and every problem."""

    briefing: Briefing | None
    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    #: topic id -> its loaded file, for checks that locate problems later (quotes)
    topic_files: dict[str, LoadedFile] = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]


def load_settings(root: Path) -> Settings:
    """Read ``site_config.yml`` (defaults where absent); raise :class:`BriefingError` if invalid."""
    path = root / CONFIG_NAME
    problems: list[Problem] = []
    settings: Any = Settings()
    if path.exists():
        loaded = _load(path, root, problems)
        settings = _validate(Settings, loaded, problems) if loaded is not None else None
    if not isinstance(settings, Settings):
        raise BriefingError(problems)
    return _with_environment(settings)


def _with_environment(settings: Settings) -> Settings:
    """``BRIEFING_BASE_URL`` (set by the deploy workflow to the Pages address) wins over the file."""
    base_url = os.environ.get(BASE_URL_VARIABLE, "").strip()
    if not base_url:
        return settings
    try:
        return Settings.model_validate({**settings.model_dump(), "base_url": base_url})
    except ValidationError:
        raise BriefingError([Problem(f"${BASE_URL_VARIABLE}", 1, 1, Severity.ERROR,
                                     f"{base_url!r} is not an absolute http/https URL",
                                     "set it to the address the site is published at")]) from None


def check_project(root: Path, settings: Settings | None = None) -> CheckResult:
    """Check every file of the briefing under ``root``; never raises for a contributor's mistake."""
    settings = settings or load_settings(root)
    briefings_dir, _ = project_paths(root, settings)
    checker = _Checker(root, briefings_dir)
    return checker.run()


def require_briefing(root: Path, settings: Settings | None = None) -> tuple[Briefing, list[Problem]]:
    """The checked briefing, or :class:`BriefingError` with every problem when there are errors."""
    result = check_project(root, settings)
    if result.errors or result.briefing is None:
        raise BriefingError(result.problems)
    return result.briefing, result.problems


class _Checker:
    def __init__(self, root: Path, briefings_dir: Path) -> None:
        self.root = root
        self.dir = briefings_dir
        self.problems: list[Problem] = []
        self.files = 0
        #: ids whose file exists but did not validate: already reported, so references
        #: to them are not reported again as unknown
        self.invalid_ids: set[str] = set()
        #: topics that did not validate, holding those of their facts that did (None for the
        #: others), so one run also reports the references of the valid facts
        self.partial_topics: dict[str, tuple[LoadedFile, Topic]] = {}

    def problem(self, loaded: LoadedFile, at: DataPath, message: str, hint: str = "", *,
                key: bool = False, severity: Severity = Severity.ERROR) -> None:
        line, column = loaded.position(at, key=key)
        self.problems.append(Problem(loaded.display, line, column, severity, message, hint))

    def file_problem(self, path: Path, message: str, hint: str) -> None:
        self.problems.append(Problem(_display(path, self.root), 1, 1, Severity.ERROR, message, hint))

    def run(self) -> CheckResult:
        if not self.dir.is_dir():
            self.file_problem(self.dir, "the briefings folder does not exist",
                              "create it with sources/, topics/ and entities.yml")
            return CheckResult(None, self.problems)
        sources = self.load_kind(self.dir / "sources", Source)
        topics = self.load_kind(self.dir / "topics", Topic)
        entities_file = self.dir / "entities.yml"
        entities: dict[str, tuple[LoadedFile, Entity]] = {}
        entities_loaded: LoadedFile | None = None
        if entities_file.exists():
            entities_loaded = self.load_one(entities_file)
            model = None if entities_loaded is None else _validate(Entities, entities_loaded, self.problems)
            if isinstance(model, Entities) and entities_loaded is not None:
                entities = {eid: (entities_loaded, ent) for eid, ent in model.root.items()}
            elif entities_loaded is not None and isinstance(entities_loaded.data, dict):
                self.invalid_ids.update(f"entity:{eid}" for eid in entities_loaded.data)
            else:  # unreadable: which entities it holds is not known, so none is "unknown"
                self.invalid_ids.add("entity:*")
        else:
            self.file_problem(entities_file, "entities.yml is missing",
                              "create briefings/entities.yml (it may be `{}`)")
        self.stray_files()
        if not topics and not any(p.is_error for p in self.problems):
            self.file_problem(self.dir / "topics", "there are no topics", "add briefings/topics/<id>.yml")
        self.cross_check(sources, entities, {**topics, **self.partial_topics}, entities_loaded)
        errors = any(p.is_error for p in self.problems)
        briefing = None if errors else Briefing(
            sources={sid: model for sid, (_, model) in sources.items()},
            entities={eid: model for eid, (_, model) in entities.items()},
            topics={tid: model for tid, (_, model) in topics.items()},
        )
        return CheckResult(briefing, self.problems, self.files,
                           {tid: loaded for tid, (loaded, _) in topics.items()})

    def load_one(self, path: Path) -> LoadedFile | None:
        self.files += 1
        return _load(path, self.root, self.problems)

    def load_kind(self, folder: Path, model: type[BaseModel]) -> dict[str, tuple[LoadedFile, Any]]:
        found: dict[str, tuple[LoadedFile, Any]] = {}
        if not folder.is_dir():
            return found
        seen_lower: dict[str, Path] = {}
        for path in sorted(folder.iterdir()):
            if path.suffix in (".yaml", ".YML", ".YAML"):
                self.file_problem(path, f"'{path.name}' is not read: briefing files end in .yml",
                                  f"rename it to {path.stem}.yml")
                continue
            if path.suffix != ".yml":
                continue
            stem = path.stem
            if not _ID.match(stem):
                self.file_problem(path, f"'{stem}' is not a valid id (the file name is the id)",
                                  "use lowercase letters, digits and hyphens, at most 80 characters")
                continue
            if stem.lower() in seen_lower:
                self.file_problem(path, f"id '{stem}' clashes with {seen_lower[stem.lower()].name}",
                                  "ids must be unique without regard to case")
                continue
            seen_lower[stem.lower()] = path
            loaded = self.load_one(path)
            record = None if loaded is None else _validate(model, loaded, self.problems)
            if loaded is not None and record is not None:
                found[stem] = (loaded, record)
            else:
                self.invalid_ids.add(f"{folder.name}:{stem}")
                if model is Topic and loaded is not None:
                    self.partial_topics[stem] = (loaded, _facts_that_validate(loaded.data))
        return found

    def stray_files(self) -> None:
        known = {"sources", "topics", "entities.yml"}
        for path in sorted(self.dir.iterdir()):
            if path.name.startswith(".") or path.name in known:
                continue
            if path.suffix in (".yml", ".yaml"):
                self.file_problem(path, f"'{path.name}' is not part of the briefing format",
                                  "sources go in sources/, topics in topics/, entities in entities.yml")

    def cross_check(self, sources: dict[str, tuple[LoadedFile, Source]],
                    entities: dict[str, tuple[LoadedFile, Entity]],
                    topics: dict[str, tuple[LoadedFile, Topic]],
                    entities_loaded: LoadedFile | None) -> None:
        fact_seen: dict[str, tuple[str, int]] = {}
        used_sources: set[str] = set()
        used_entities: set[str] = set()
        for loaded, topic in topics.values():
            for index, fact in enumerate(topic.facts):
                if fact is None:  # did not validate: its problems are already reported
                    continue
                at: DataPath = ("facts", index)
                first = fact_seen.get(fact.id.lower())
                if first:
                    self.problem(loaded, (*at, "id"), f"duplicate fact id '{fact.id}' "
                                 f"(first at {first[0]}:{first[1]})",
                                 "fact ids are unique across all topics: choose another")
                else:
                    line, _ = loaded.position((*at, "id"))
                    fact_seen[fact.id.lower()] = (loaded.display, line)
                for c_index, cite in enumerate(fact.cites):
                    used_sources.add(cite.source)
                    if cite.source not in sources and f"sources:{cite.source}" not in self.invalid_ids:
                        self.problem(loaded, (*at, "cites", c_index, "source"),
                                     f"unknown source '{cite.source}'", _closest(cite.source, sources,
                                                                                "briefings/sources/"))
                    if cite.quote and len(cite.quote.split()) > QUOTE_WORD_LIMIT:
                        self.problem(loaded, (*at, "cites", c_index, "quote"),
                                     f"quote is {len(cite.quote.split())} words long",
                                     f"keep quotes to about {QUOTE_WORD_LIMIT} words",
                                     severity=Severity.WARNING)
                for role in ("attributed_to", "denied_by", "entities"):
                    for e_index, entity_id in enumerate(getattr(fact, role)):
                        used_entities.add(entity_id)
                        reported = {f"entity:{entity_id}", "entity:*"} & self.invalid_ids
                        if entity_id not in entities and not reported:
                            self.problem(loaded, (*at, role, e_index), f"unknown entity '{entity_id}'",
                                         _closest(entity_id, entities, "briefings/entities.yml"))
                if len({c.source for c in fact.cites}) == 1:
                    self.problem(loaded, (*at, "cites"), f"fact '{fact.id}' rests on a single source",
                                 "cite every source that reports it", severity=Severity.WARNING)
        # a topic that did not load may be what cites them: do not call them unused
        complete = not any(i.startswith("topics:") for i in self.invalid_ids)
        for source_id, (loaded, source) in sources.items():
            if complete and source_id not in used_sources:
                self.problem(loaded, (), f"source '{source_id}' is not cited by any fact",
                             "cite it from a fact, or remove the file", severity=Severity.WARNING)
            if not source.archive_url:
                self.problem(loaded, (), f"source '{source_id}' has no archive_url",
                             "add an archived copy's address so readers can still check it later",
                             severity=Severity.WARNING)
        for entity_id, (loaded, _) in entities.items():
            if complete and entity_id not in used_entities:
                self.problem(loaded, (entity_id,), f"entity '{entity_id}' is not named by any fact",
                             "name it in a fact's entities, or remove it", key=True,
                             severity=Severity.WARNING)


def _facts_that_validate(data: Any) -> Topic:
    """A stand-in for a topic that did not validate: its facts that are valid on their own."""
    facts = data.get("facts") if isinstance(data, dict) else None
    valid: list[Fact | None] = []
    for item in facts if isinstance(facts, list) else []:
        try:
            valid.append(Fact.model_validate(item))
        except ValidationError:
            valid.append(None)
    return Topic.model_construct(facts=valid)


def _display(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def _load(path: Path, root: Path, problems: list[Problem]) -> LoadedFile | None:
    display = _display(path, root)
    if path.is_symlink():
        problems.append(Problem(display, 1, 1, Severity.ERROR, "symbolic links are not allowed",
                                "replace the link with the file itself"))
        return None
    try:
        return load_file(path, display)
    except YamlProblem as exc:
        problems.append(exc.problem)
    except OSError as exc:
        problems.append(Problem(display, 1, 1, Severity.ERROR, f"cannot read the file ({exc.strerror})",
                                "check that the file exists and is readable"))
    return None


def _closest(wrong: str, known: Iterable[str], where: str) -> str:
    matches = difflib.get_close_matches(wrong, list(known), n=3, cutoff=0.5)
    if matches:
        return "did you mean " + " or ".join(f"'{m}'" for m in matches) + "?"
    return f"add it to {where}, or fix the id"


def _validate(model: type[BaseModel], loaded: LoadedFile, problems: list[Problem]) -> Any:
    try:
        return model.model_validate(loaded.data)
    except ValidationError as exc:
        chosen: dict[tuple[DataPath, tuple[Any, ...]], tuple[Any, DataPath, tuple[Any, ...]]] = {}
        for error in exc.errors():
            at, rest = _data_path(loaded.data, error["loc"])
            # one problem per place (a union's members all fail there), but every missing field
            key = (at, rest[:1] if error["type"] == "missing" else ())
            # of a union's failures, the one that says what is wrong beats "not text", which
            # beats "not an int"
            if key not in chosen or _union_rank(error) < _union_rank(chosen[key][0]):
                chosen[key] = (error, at, rest)
        for error, at, rest in chosen.values():
            problems.append(_problem_for(model, loaded, error, at, rest))
        return None


def _union_rank(error: Any) -> int:
    kind = str(error["type"])
    return 2 if kind.endswith("_type") and kind != "string_type" else 1 if kind == "string_type" else 0


def _data_path(data: Any, loc: tuple[Any, ...]) -> tuple[DataPath, tuple[Any, ...]]:
    """Split a pydantic location into the part that exists in the file and the rest."""
    at: list[str | int] = []
    current = data
    for index, part in enumerate(loc):
        in_mapping = isinstance(current, dict) and isinstance(part, str) and part in current
        in_list = isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)
        if in_mapping or in_list:
            current = current[part]
        else:
            return tuple(at), tuple(loc[index:])
        at.append(part)
    return tuple(at), ()


def _problem_for(model: type[BaseModel], loaded: LoadedFile, error: Any, at: DataPath,
                 rest: tuple[Any, ...]) -> Problem:
    kind = error["type"]
    value = error.get("input")
    raw = loaded.raw_scalars.get(at)
    field_name = next((p for p in reversed(at) if isinstance(p, str)), "")
    on_key = rest[:1] == ("[key]",)  # a mapping key that is not valid: point at the key
    message = str(error["msg"])
    for prefix in _ERROR_PREFIXES:
        message = message.removeprefix(prefix)
    hint = ""
    if kind == "extra_forbidden":
        on_key = True
        known = _fields_at(model, at[:-1])
        message = f"unknown field '{at[-1]}'"
        close = difflib.get_close_matches(str(at[-1]), known, n=1, cutoff=0.5)
        hint = (f"did you mean '{close[0]}'? " if close else "") + "known fields: " + ", ".join(known)
    elif kind == "missing":
        name = rest[0] if rest else field_name
        message = f"missing required field '{name}'"
        hint = f"add `{name}:` here"
    elif kind in ("string_type", "int_type", "float_type") and raw is not None:
        what = {bool: "a boolean", int: "a number", float: "a number", type(None): "empty (null)"}.get(
            type(value), "not text")
        message = f"expected text, but YAML reads {raw!r} as {what}"
        hint = f"put it in quotes: '{raw}'" if raw else "write a value, or remove the field"
    elif kind == "string_type":
        message = f"expected text, got {_describe(value)}"
        hint = "write the value as quoted text"
    elif kind == "string_pattern_mismatch" and field_name == "tags":
        message = f"{value!r} is not a valid tag"
        hint = "tags are lowercase words or hyphenated phrases, e.g. `food-aid`"
    elif kind == "string_pattern_mismatch" and field_name == "language":
        message = f"{value!r} is not a BCP 47 language tag"
        hint = "e.g. `en`, `ko`, `ru`, `en-GB`"
    elif kind == "string_pattern_mismatch":
        message = f"{value!r} is not a valid id"
        hint = "ids use lowercase letters, digits and hyphens, start with a letter or digit, at most 80"
    elif kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        message = f"{value!r} is not allowed here; expected {expected}"
        close = difflib.get_close_matches(str(value), re.findall(r"'([^']+)'", expected), n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"use one of {expected}"
    elif kind in ("dict_type", "model_type", "model_attributes_type"):
        message = f"expected a mapping of fields, got {_describe(value)}"
        hint = "write `field: value` lines, indented under their parent"
    elif kind == "list_type":
        message = f"expected a list, got {_describe(value)}"
        hint = "write one `- item` per line, or `[a, b]`"
    elif kind == "too_short":
        message = f"'{field_name}' needs at least one item"
        hint = "add an item, e.g. a citation with `source:`"
    elif "alleged" in message:
        at = (*at, "status") if isinstance(loaded.data, dict) else at
        hint = "add `attributed_to: [entity-id]`, or choose another status"
    else:
        hint = _value_hint(message)
    line, column = loaded.position(at, key=on_key)
    return Problem(loaded.display, line, column, Severity.ERROR, message, hint)


def _value_hint(message: str) -> str:
    if "date" in message:
        return "write YYYY-MM-DD, YYYY-MM or YYYY, only as precise as known"
    if "URL" in message or "link" in message:
        return "only absolute http:// or https:// links are allowed"
    if "newline" in message:
        return "keep this field on one line"
    if "control characters" in message:
        return "remove the invisible characters"
    if "empty" in message:
        return "write the text, or remove the field"
    return "see shared/format.md for what this field holds"


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing (an empty value)"
    return f"{type(value).__name__} {value!r}"


def _fields_at(model: type[BaseModel], at: DataPath) -> list[str]:
    """The field names the model allows at a path of the data (for 'did you mean')."""
    current: Any = model
    for part in at:
        current = _unwrap(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            if "root" in current.model_fields and not isinstance(part, int):
                current = _unwrap(current.model_fields["root"].annotation)
                current = typing.get_args(current)[-1] if typing.get_args(current) else current
                continue
            info = current.model_fields.get(str(part))
            current = info.annotation if info else None
        elif isinstance(part, int):
            args = typing.get_args(current)
            current = args[0] if args else None
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return sorted(current.model_fields)
    return []


def _unwrap(annotation: Any) -> Any:
    """Strip Optional/Annotated wrappers down to a model class or a list type."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0]
        else:
            return annotation
