"""The one small family of problems and errors the pipeline reports.

Every stage reports what is wrong as a :class:`Problem` carrying the file, the 1-based
line and column (none for a problem about a whole file, a missing one, or an option), a
message, a one-line hint and its kind (``unknown source``), one of the registry of ``kinds``
(a problem of another kind cannot be made), for the summary; a run gathers them all and
fails with a :class:`BriefingError` that holds the list. Every error the generator raises is
a :class:`BriefingError` (an unreadable file, git that cannot answer, a site MkDocs did not
build, a preview that cannot start, a search index not written), so each reaches the
contributor the same way: lines of ``path:line:column: severity: message``, each with its
hint, errors first, then a summary by kind.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum
from typing import ClassVar, Self

from generator.kinds import registered
from generator.vocabulary import plural


class Severity(StrEnum):
    """How bad a problem is: errors fail every run, warnings only under ``--strict``."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One located problem in a contributor's file."""

    path: str
    line: int
    column: int
    severity: Severity
    message: str
    hint: str = ""
    #: the data path in the file it is about (mapping keys and list indexes), when known
    field: tuple[str | int, ...] = dataclasses.field(default=(), compare=False)
    #: the kind of problem, registered in ``generator.kinds`` ("unknown source"), for the summary
    kind: str = dataclasses.field(default="", compare=False)

    def __post_init__(self) -> None:
        registered(self.kind, self.severity.value)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    @property
    def where(self) -> str:
        """``path:line:column``; the path alone for a problem with no line (a file missing, an
        option); nothing for one with no place."""
        return ":".join(str(part) for part in (self.path, self.line, self.column) if part)

    def format(self) -> str:
        """The line a contributor sees: ``path:line:column: severity: message`` and the hint."""
        text = f"{self.where + ': ' if self.where else ''}{self.severity.value}: {self.message}"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text

    def github_annotation(self) -> str:
        """The same problem as a GitHub Actions workflow command, shown inline on a pull request."""
        kind = "error" if self.is_error else "warning"
        message = self.message + (f" (hint: {self.hint})" if self.hint else "")
        place = ",".join(f"{name}={_escape_property(str(value))}" for name, value in
                         (("file", self.path), ("line", self.line), ("col", self.column)) if value)
        return f"::{kind} {place}::{_escape_data(message)}" if place else f"::{kind}::{_escape_data(message)}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def in_order(problems: list[Problem]) -> list[Problem]:
    """Errors first, then warnings; each by file, line and column."""
    return sorted(problems, key=lambda p: (not p.is_error, p.path, p.line, p.column))


def summary(problems: list[Problem]) -> str:
    """``3 errors: 2 unknown source, 1 bad date; 5 warnings: 5 no archive_url``."""
    parts = []
    for severity, noun in ((Severity.ERROR, "error"), (Severity.WARNING, "warning")):
        chosen = [p for p in problems if p.severity is severity]
        kinds = Counter(p.kind for p in chosen)
        ranked = sorted(kinds.items(), key=lambda item: (-item[1], item[0]))
        detail = ", ".join(f"{count} {kind}" for kind, count in ranked)
        parts.append(plural(len(chosen), noun) + (f": {detail}" if detail else ""))
    return "; ".join(parts)


class BriefingError(Exception):
    """Raised when a run cannot go on: it carries every problem found, errors first. The base
    of every error the generator raises; ``str()`` gives the located problems, each with its
    hint, and :meth:`report` adds the summary by kind."""

    #: the kind of problem an error of this class reports by itself (see :meth:`at`)
    kind: ClassVar[str] = ""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = in_order(problems)
        super().__init__(self.located())

    @classmethod
    def at(cls, path: str, message: str, hint: str, *, line: int = 0, column: int = 0, kind: str = "") -> Self:
        """The error of one problem: ``message`` about ``path`` (a file, a folder or an option),
        at ``line`` and ``column`` when there is one, with the ``hint`` that says what to do
        (of the class's kind unless another is named)."""
        return cls([Problem(path, line, column, Severity.ERROR, message, hint, kind=kind or cls.kind)])

    def located(self) -> str:
        """Each problem as the contributor reads it: where, what, and the hint."""
        return "\n".join(p.format() for p in self.problems)

    def report(self) -> str:
        return "\n".join([self.located(), summary(self.problems)])


class ScaffoldError(BriefingError):
    """Values that cannot make a valid entry: each problem names the field (or flag) and the fix."""

    def __init__(self, problems: list[tuple[str, str, str]]) -> None:
        super().__init__([Problem("", 0, 0, Severity.ERROR, message, hint, field=(name,) if name else (),
                                  kind="bad value") for name, message, hint in problems])

    def report(self) -> str:
        lines = []
        for problem in self.problems:
            name = str(problem.field[0]) if problem.field else ""
            lines.append(f"error: {name}: {problem.message}" if name else f"error: {problem.message}")
            if problem.hint:
                lines.append(f"    hint: {problem.hint}")
        return "\n".join(lines)
