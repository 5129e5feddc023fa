"""One file against one model: a YAML file -> a typed record, or located problems.

The settings loader, the checker and the scaffolding all validate through here, so a
contributor reads the same message and hint wherever a value is refused. Each problem
carries the data path it is about (``Problem.field``), so a caller that wrote the data
itself (``briefing new``) can name the field without reading the message.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from generator.errors import Problem, Severity
from generator.kinds import kind_of_error
from generator.load import DataPath, LoadedFile, YamlProblem, load_bytes
from generator.messages import Failure, union_rank, word


def display_path(path: Path, root: Path) -> str:
    """A path as a contributor sees it: relative to the project's root, with ``/``."""
    for absolute in (os.path.abspath, lambda p: Path(p).resolve()):  # the name as given, then its target
        try:
            return Path(absolute(path)).relative_to(absolute(root)).as_posix()
        except ValueError:
            continue
    return str(path)


def read_yaml(path: Path, root: Path, problems: list[Problem], raw: bytes | None = None) -> LoadedFile | None:
    """Load one YAML file with positions (from ``raw`` when its bytes are already read); None,
    and a located problem, when it cannot be."""
    display = display_path(path, root)
    if path.is_symlink():
        problems.append(Problem(display, 1, 1, Severity.ERROR, "symbolic links are not allowed",
                                "replace the link with the file itself", kind="symbolic link"))
        return None
    try:
        return load_bytes(path.read_bytes() if raw is None else raw, path, display)
    except YamlProblem as exc:
        problems.append(exc.problem)
    except OSError as exc:
        problems.append(Problem(display, 1, 1, Severity.ERROR, f"cannot read the file ({exc.strerror})",
                                "check that the file exists and is readable", kind="unreadable file"))
    return None


def validate(model: type[BaseModel], loaded: LoadedFile, problems: list[Problem]) -> Any:
    """The record, or None with every failure added to ``problems``, each at its value."""
    try:
        record = model.model_validate(loaded.data)
    except ValidationError as exc:
        found = problems_of(model, loaded, exc)
        record = None
    else:
        found = []
    placed = {problem.field for problem in found}
    for at in loaded.raw_scalars:
        if at not in placed and loaded.rewritten(at):
            raw, value = loaded.raw_scalars[at], loaded.value_at(at)
            line, column = loaded.position(at)
            found.append(Problem(loaded.display, line, column, Severity.ERROR,
                                 f"YAML reads {raw!r} as {value!r}, not as written",
                                 f"put it in quotes: '{raw}'", field=at, kind="number rewritten by YAML"))
            record = None
    problems.extend(found)
    return record


def problems_of(model: type[BaseModel], loaded: LoadedFile, exc: ValidationError) -> list[Problem]:
    chosen: dict[tuple[DataPath, tuple[Any, ...]], Failure] = {}
    for error in exc.errors():
        at, rest = _data_path(loaded.data, error["loc"])
        failure = Failure(model, loaded, error["type"], str(error["msg"]).removeprefix("Value error, "),
                          error.get("input"), dict(error.get("ctx") or {}), at, rest)
        # one problem per place (a union's members all fail there), but every missing field
        key = (at, rest[:1] if failure.kind == "missing" else ())
        if key not in chosen or union_rank(failure.kind) < union_rank(chosen[key].kind):
            chosen[key] = failure
    found = []
    for failure in chosen.values():
        wording = word(failure)
        line, column = loaded.position(wording.at, key=wording.on_key or failure.rest[:1] == ("[key]",))
        at = wording.at + failure.rest[:1] if failure.kind == "missing" else wording.at
        found.append(Problem(loaded.display, line, column, Severity.ERROR, wording.message, wording.hint,
                             field=at, kind=kind_of_error(failure.kind)))
    return found


def _data_path(data: Any, loc: tuple[Any, ...]) -> tuple[DataPath, tuple[Any, ...]]:
    """Split a pydantic location into the part that exists in the file and the rest."""
    at: list[str | int] = []
    current = data
    for index, part in enumerate(loc):
        in_mapping = isinstance(current, dict) and isinstance(part, str) and part in current
        in_list = isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)
        if not (in_mapping or in_list):
            return tuple(at), tuple(loc[index:])
        current = current[part]
        at.append(part)
    return tuple(at), ()
