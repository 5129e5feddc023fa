"""The briefing against its published past: ids that must stay, changes that must be told.

``briefing check --base REF`` compares the working tree's briefing with the one at REF (a
pull request's base): a published fact whose claim, status, date or values changed needs a
new ``corrections`` entry, a published fact or judgment id may not disappear (it is retired
instead), and a judgment whose likelihood or confidence changed needs a new ``history``
entry. Each problem is located at the record in the working tree. :class:`PublishedIds`
also tells the duplicate-id rule which of two facts is the new one.
"""

from __future__ import annotations

from pathlib import Path

from generator.changes import CORRECTED_FIELDS, REVISED_FIELDS, changed_fields, fact_fields, judgment_fields
from generator.checked import Checked
from generator.errors import Problem, Severity
from generator.git import GitError, Repository
from generator.settings import load_settings, project_paths
from generator.snapshot import BlobReader, Snapshot


class PublishedIds:
    """Fact ids as published at a revision, each with its topic, when the project is a git checkout."""

    def __init__(self, root: Path) -> None:
        self.reader = briefing_reader(root)

    def at(self, revision: str) -> dict[str, str] | None:
        if self.reader is None or self.reader.repo.resolve(revision) is None:
            return None
        try:
            return {fact_id: topic for fact_id, (topic, _) in self.reader.snapshot(revision).facts.items()}
        except GitError:
            return None


def briefing_reader(root: Path) -> BlobReader | None:
    """A reader of the project's briefing at any revision (None outside a git checkout)."""
    repo = Repository.find(root)
    if repo is None:
        return None
    briefings_dir, _ = project_paths(root, load_settings(root))
    try:
        return BlobReader(repo, repo.path_in_repo(briefings_dir))
    except ValueError:  # the briefings folder is outside the repository
        return None


def base_snapshot(root: Path, base: str) -> Snapshot | Problem:
    """The briefing at ``base``, or the problem that says why it cannot be read."""
    reader = briefing_reader(root)
    if reader is None:
        return Problem("--base", 1, 1, Severity.ERROR, "the project is not a git checkout",
                       "run the check in a clone of the repository", kind="no history")
    if reader.repo.resolve(base) is None:
        return Problem("--base", 1, 1, Severity.ERROR, f"git knows no revision '{base}'",
                       "fetch it first (e.g. `git fetch origin main`), or name another", kind="no history")
    try:
        return reader.snapshot(base)
    except GitError as exc:
        return Problem("--base", 1, 1, Severity.ERROR, f"git could not read the briefing at '{base}' ({exc})",
                       "check the repository with `git fsck`, or name another revision", kind="no history")


def base_problems(root: Path, base: str, checked: Checked) -> list[Problem]:
    """What the working tree changed of the briefing at ``base`` without telling readers."""
    snapshot = base_snapshot(root, base)
    if isinstance(snapshot, Problem):
        return [snapshot]
    problems: list[Problem] = []
    present = set()
    for located in checked.facts():
        fact = located.record
        present.add(fact.id)
        old = snapshot.facts.get(fact.id)
        if old is None:
            continue
        changes = [c for c in changed_fields(fact_fields(old[1]), fact_fields(fact))
                   if c.field in CORRECTED_FIELDS]
        if changes and len(fact.corrections) <= len(old[1].corrections):
            what = "; ".join(f"{c.field}: {c.before!r} → {c.after!r}" for c in changes)
            where = changes[0].field if changes[0].field != "values" else "cites"
            problems.append(located.problem(
                (where,), f"published fact '{fact.id}' changed ({what}) without a correction",
                "add a `corrections` entry (date and note, in your own words) telling readers what changed "
                "and why", "change without correction", key=True))
    topics_dir = "topics/"
    for fact_id, (topic_id, _) in snapshot.facts.items():
        if fact_id not in present:
            problems.append(Problem(f"briefings/{topics_dir}{topic_id}.yml", 1, 1, Severity.ERROR,
                                    f"published fact '{fact_id}' is gone (it was in {base})",
                                    "restore it and mark it `retired:` with a note: a published id is a link "
                                    "readers keep, never deleted", kind="published id removed"))
    problems.extend(_judgment_problems(base, snapshot, checked))
    return problems


def _judgment_problems(base: str, snapshot: Snapshot, checked: Checked) -> list[Problem]:
    problems: list[Problem] = []
    present = set()
    for located in checked.judgments:
        judgment = located.record
        present.add(judgment.id)
        old = snapshot.judgments.get(judgment.id)
        if old is None:
            continue
        changes = [c for c in changed_fields(judgment_fields(old), judgment_fields(judgment))
                   if c.field in REVISED_FIELDS]
        if changes and len(judgment.history) <= len(old.history):
            what = "; ".join(f"{c.field}: {c.before} → {c.after}" for c in changes)
            problems.append(located.problem(
                (changes[0].field,), f"judgment '{judgment.id}' was revised ({what}) without a history entry",
                "add a `history` entry (date and change) saying what changed and why",
                "revision without history", key=True))
    display = checked.judgments_file.display if checked.judgments_file else "briefings/judgments.yml"
    for judgment_id in snapshot.judgments:
        if judgment_id not in present:
            problems.append(Problem(display, 1, 1, Severity.ERROR,
                                    f"published judgment '{judgment_id}' is gone (it was in {base})",
                                    "keep it, revised with a `history` entry saying why",
                                    kind="published id removed"))
    return problems
