"""The one small family of problems and errors the pipeline reports.

Every stage reports what is wrong as a :class:`Problem` carrying the file, the 1-based
line and column, a message and a one-line hint; a run gathers them all and fails with a
:class:`BriefingError` that holds the list. The CLI and the MkDocs plugin turn that
into lines of ``path:line:column: severity: message``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


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

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def format(self) -> str:
        """The line a contributor sees: ``path:line:column: severity: message`` and the hint."""
        text = f"{self.path}:{self.line}:{self.column}: {self.severity.value}: {self.message}"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text

    def github_annotation(self) -> str:
        """The same problem as a GitHub Actions workflow command, shown inline on a pull request."""
        kind = "error" if self.is_error else "warning"
        message = self.message + (f" (hint: {self.hint})" if self.hint else "")
        return (
            f"::{kind} file={_escape_property(self.path)},line={self.line},col={self.column}::"
            f"{_escape_data(message)}"
        )


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class BriefingError(Exception):
    """Raised when a run cannot go on: it carries every problem found, errors first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (not p.is_error, p.path, p.line, p.column))
        super().__init__(self.report())

    def report(self) -> str:
        errors = sum(1 for p in self.problems if p.is_error)
        lines = [p.format() for p in self.problems]
        lines.append(f"{errors} error(s), {len(self.problems) - errors} warning(s)")
        return "\n".join(lines)
