"""Every record that validated, with where it stands: what the cross-file rules read.

``check`` loads and validates each file, then gathers the records here, each with its file
and data path (:class:`Located`), so ``rules``, ``judgment_rules`` and ``history.published`` can
report a problem at the exact key or value to change; :meth:`Checked.briefing` makes the
checked briefing the pages are built from.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from generator.briefing import Briefing
from generator.errors import Problem, Severity
from generator.load import DataPath, LoadedFile
from generator.model import Entity, Fact, Judgment, Source, Topic

T = TypeVar("T")


@dataclass(frozen=True)
class Located(Generic[T]):
    """A record that validated, with the file and the data path it stands at."""

    loaded: LoadedFile
    at: DataPath
    record: T

    def problem(self, where: DataPath, message: str, hint: str, kind: str, *, key: bool = False,
                severity: Severity = Severity.ERROR, word: tuple[str, int] | None = None) -> Problem:
        """A problem at the value (or ``key``) ``where``, or at the ``word`` (its text and which
        occurrence, from 0) inside that text value."""
        at = (*self.at, *where)
        if word is not None:
            line, column = self.loaded.word_position(at, *word)
        else:
            line, column = self.loaded.position(at, key=key)
        return Problem(self.loaded.display, line, column, severity, message, hint, field=at, kind=kind)


@dataclass
class Checked:
    """Every record that validated, by kind, and the ids of files that did not."""

    sources: dict[str, Located[Source]] = field(default_factory=dict)
    topics: dict[str, Located[Topic]] = field(default_factory=dict)
    entities: dict[str, Located[Entity]] = field(default_factory=dict)
    judgments: list[Located[Judgment]] = field(default_factory=list)
    judgments_file: LoadedFile | None = None
    #: ``sources:<id>``, ``topics:<id>``, ``entity:<id>`` (``entity:*``: unreadable) of what
    #: exists but did not validate: its problems are reported, so references to it are not
    invalid_ids: set[str] = field(default_factory=set)

    def facts(self) -> Iterator[Located[Fact]]:
        """Every fact that validated, in file order, located in its topic file."""
        for located in self.topics.values():
            for index, fact in enumerate(located.record.facts):
                if fact is not None:  # a fact of a partly valid topic that did not validate
                    yield Located(located.loaded, ("facts", index), fact)

    @property
    def complete(self) -> bool:
        """Whether every topic validated (otherwise "nothing cites it" cannot be known)."""
        return not any(i.startswith("topics:") for i in self.invalid_ids)

    def briefing(self) -> Briefing:
        return Briefing(sources={sid: s.record for sid, s in self.sources.items()},
                        entities={eid: e.record for eid, e in self.entities.items()},
                        topics={tid: t.record for tid, t in self.topics.items()},
                        judgments=[j.record for j in self.judgments])
