"""Stage 3 of the pipeline: every file of ``briefings/`` loaded and validated -> a Briefing.

``check_project`` finds the files, loads each with positions and validates it against its
model (``validate``), then hands every record that validated to the rules that look across
files (``rules``). It never stops at the first problem: it returns every problem of the
run, each located at the offending key or value, with a hint. A file's own result depends
only on its bytes, so a caller that checks again and again (the preview) can keep them in
a :class:`FileCache` and re-read only the files that changed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from generator.briefing import Briefing
from generator.checked import Checked, Located
from generator.errors import BriefingError, Problem, Severity
from generator.load import LoadedFile
from generator.model import ID_PATTERN, Entities, Fact, Judgments, Source, Topic
from generator.rules import PublishedIds, apply_rules
from generator.settings import Settings, load_settings, project_paths
from generator.validate import display_path, read_yaml, validate

_ID = re.compile(ID_PATTERN)
#: The files and folders of ``briefings/`` (anything else there is refused).
LAYOUT = ("sources", "topics", "entities.yml", "judgments.yml")


@dataclass
class CheckResult:
    """What a check found: the briefing (when there are no errors) and every problem."""

    briefing: Briefing | None
    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    #: topic id -> its loaded file, for checks that locate problems later (quotes)
    topic_files: dict[str, LoadedFile] = field(default_factory=dict)
    #: every record with where it stands, for checks that compare briefings (``--base``)
    checked: Checked | None = None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]


@dataclass(frozen=True)
class FileResult:
    """One file read and validated: what it holds and what was wrong with it alone."""

    loaded: LoadedFile | None
    record: Any
    problems: tuple[Problem, ...]


class FileCache:
    """File results kept by path and bytes, so an unchanged file is not read into models again."""

    def __init__(self) -> None:
        self.results: dict[tuple[Path, type[BaseModel]], tuple[bytes, FileResult]] = {}
        self.reused = 0

    def get(self, path: Path, model: type[BaseModel], root: Path) -> FileResult:
        if path.is_symlink():
            return read_file(path, model, root, None)  # refused, whatever it points to
        try:
            raw = path.read_bytes()
        except OSError:
            return read_file(path, model, root, None)  # its problem says why
        kept = self.results.get((path, model))
        if kept is not None and kept[0] == raw:
            self.reused += 1
            return kept[1]
        result = read_file(path, model, root, raw)
        self.results[(path, model)] = (raw, result)
        return result


def read_file(path: Path, model: type[BaseModel], root: Path, raw: bytes | None) -> FileResult:
    """Load one file (from ``raw`` when its bytes are already read) and validate it against ``model``."""
    problems: list[Problem] = []
    loaded = read_yaml(path, root, problems, raw)
    record = validate(model, loaded, problems) if loaded is not None else None
    return FileResult(loaded, record, tuple(problems))


def check_project(root: Path, settings: Settings | None = None, *, cache: FileCache | None = None,
                  published: PublishedIds | None = None) -> CheckResult:
    """Check every file of the briefing under ``root``; never raises for a contributor's mistake.

    ``published`` gives the fact ids already published (from git, when known): of two facts
    with one id, the one not published is the one reported."""
    settings = settings or load_settings(root)
    briefings_dir, _ = project_paths(root, settings)
    return _Checker(root, briefings_dir, cache or FileCache(), published).run()


def require_briefing(root: Path, settings: Settings | None = None,
                     cache: FileCache | None = None) -> tuple[Briefing, list[Problem]]:
    """The checked briefing, or :class:`BriefingError` with every problem when there are errors."""
    result = check_project(root, settings, cache=cache)
    if result.errors or result.briefing is None:
        raise BriefingError(result.problems)
    return result.briefing, result.problems


class _Checker:
    def __init__(self, root: Path, briefings_dir: Path, cache: FileCache,
                 published: PublishedIds | None) -> None:
        self.root, self.dir, self.cache, self.published = root, briefings_dir, cache, published
        self.problems: list[Problem] = []
        self.files = 0

    def file_problem(self, path: Path, message: str, hint: str, kind: str) -> None:
        self.problems.append(Problem(display_path(path, self.root), 1, 1, Severity.ERROR, message, hint,
                                     kind=kind))

    def run(self) -> CheckResult:
        if not self.dir.is_dir():
            self.file_problem(self.dir, "the briefings folder does not exist",
                              "run the command from the project's folder (the one holding "
                              "site_config.yml) or pass --root; a new project creates briefings/ with "
                              "sources/, topics/ and entities.yml", "no briefings folder")
            return CheckResult(None, self.problems)
        checked = Checked()
        checked.sources = self.load_kind("sources", Source, checked)
        checked.topics = self.load_kind("topics", Topic, checked)
        self.load_entities(checked)
        self.load_judgments(checked)
        self.stray_files()
        if not checked.topics and not checked.invalid_ids and not any(p.is_error for p in self.problems):
            self.file_problem(self.dir / "topics", "there are no topics", "add briefings/topics/<id>.yml",
                              "no topics")
        self.problems.extend(apply_rules(checked, self.published))
        briefing = None if any(p.is_error for p in self.problems) else checked.briefing()
        topic_files = {tid: located.loaded for tid, located in checked.topics.items()}
        return CheckResult(briefing, self.problems, self.files, topic_files, checked)

    def read(self, path: Path, model: type[BaseModel]) -> FileResult:
        self.files += 1
        result = self.cache.get(path, model, self.root)
        self.problems.extend(result.problems)
        return result

    def load_entities(self, checked: Checked) -> None:
        path = self.dir / "entities.yml"
        if not path.exists():
            self.file_problem(path, "entities.yml is missing",
                              "create briefings/entities.yml (it may be `{}`)", "missing file")
            return
        result = self.read(path, Entities)
        if isinstance(result.record, Entities) and result.loaded is not None:
            checked.entities = {eid: Located(result.loaded, (eid,), entity)
                                for eid, entity in result.record.root.items()}
        elif result.loaded is not None and isinstance(result.loaded.data, dict):
            checked.invalid_ids.update(f"entity:{eid}" for eid in result.loaded.data)
        else:  # unreadable: which entities it holds is not known, so none is "unknown"
            checked.invalid_ids.add("entity:*")

    def load_judgments(self, checked: Checked) -> None:
        path = self.dir / "judgments.yml"
        if not path.exists():
            return
        result = self.read(path, Judgments)
        if isinstance(result.record, Judgments) and result.loaded is not None:
            checked.judgments = [Located(result.loaded, (index,), judgment)
                                 for index, judgment in enumerate(result.record.root)]
            checked.judgments_file = result.loaded

    def load_kind(self, folder_name: str, model: type[BaseModel],
                  checked: Checked) -> dict[str, Located[Any]]:
        found: dict[str, Located[Any]] = {}
        for path, stem in self.files_of(self.dir / folder_name):
            result = self.read(path, model)
            if result.loaded is not None and result.record is not None:
                found[stem] = Located(result.loaded, (), result.record)
                continue
            # its id is known, and its problems are reported: references to it are not
            checked.invalid_ids.add(f"{folder_name}:{stem}")
            if model is Topic and result.loaded is not None:
                # the facts that are valid on their own are still cross-checked
                found[stem] = Located(result.loaded, (), _facts_that_validate(result.loaded.data))
        return found

    def files_of(self, folder: Path) -> Iterable[tuple[Path, str]]:
        """The ``.yml`` files of a folder whose names are valid, distinct ids."""
        if not folder.is_dir():
            return
        seen_lower: dict[str, Path] = {}
        for path in sorted(folder.iterdir()):
            if path.suffix in (".yaml", ".YML", ".YAML"):
                self.file_problem(path, f"'{path.name}' is not read: briefing files end in .yml",
                                  f"rename it to {path.stem}.yml", "bad file name")
            elif path.suffix == ".yml" and not _ID.fullmatch(path.stem):
                self.file_problem(path, f"'{path.stem}' is not a valid id (the file name is the id)",
                                  "use lowercase letters, digits and hyphens, at most 80 characters",
                                  "bad file name")
            elif path.suffix == ".yml" and path.stem.lower() in seen_lower:
                self.file_problem(path, f"id '{path.stem}' clashes with {seen_lower[path.stem.lower()].name}",
                                  "ids must be unique without regard to case", "bad file name")
            elif path.suffix == ".yml":
                seen_lower[path.stem.lower()] = path
                yield path, path.stem

    def stray_files(self) -> None:
        for path in sorted(self.dir.iterdir()):
            if path.name.startswith(".") or path.name in LAYOUT:
                continue
            if path.suffix in (".yml", ".yaml"):
                self.file_problem(path, f"'{path.name}' is not part of the briefing format",
                                  "sources go in sources/, topics in topics/, entities in entities.yml, "
                                  "judgments in judgments.yml", "stray file")


def _facts_that_validate(data: Any) -> Topic:
    """A stand-in for a topic that did not validate: its facts that are valid on their own."""
    facts = data.get("facts") if isinstance(data, dict) else None
    valid: list[Fact | None] = []
    for item in facts if isinstance(facts, list) else []:
        try:
            valid.append(Fact.model_validate(item))
        except ValidationError:
            valid.append(None)
    return Topic.model_construct(facts=valid)  # type: ignore[call-arg, arg-type]  # a stand-in, unchecked on purpose
