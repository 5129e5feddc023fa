"""The project's git history, read with git's own plumbing commands (nothing is written).

``at_revision`` and ``published`` ask here for the files of the briefing at a revision and
their bytes, and for the published briefing a check compares with by default (the merge base
with the default branch); ``record_dates`` for the commits that changed it (``git log``). A
project that is not a git checkout, or a machine without git, gives ``None`` from
:meth:`Repository.find`; a shallow clone says so (:meth:`Repository.is_shallow`); callers
leave out what needs history.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from generator.errors import BriefingError

#: What to do when git cannot answer.
GIT_HINT = "check the repository with `git status` and `git fsck`"


class GitError(BriefingError):
    """git could not answer (an unknown revision, a broken repository): located at the
    repository. Its ``str()`` is git's own words, which the history's readers put in the
    problems they report (``--base``) or the notice they log (the dates)."""

    kind = "no history"

    def __str__(self) -> str:
        return self.problems[0].message


@dataclass(frozen=True)
class Commit:
    sha: str
    #: the committer date, ISO 8601 with its offset (when the commit landed on the branch)
    date: str
    #: (old blob, new blob, path) of each file it changed under the folder asked about; a blob of
    #: zeros where the file did not exist on that side
    changes: tuple[tuple[str, str, str], ...] = ()


class Repository:
    """A git work tree holding the project."""

    def __init__(self, top: Path) -> None:
        self.top = top

    @classmethod
    def find(cls, root: Path) -> Repository | None:
        """The repository holding ``root``, or None (not a checkout, or git is missing)."""
        if shutil.which("git") is None:
            return None
        try:
            top = _run(root, "rev-parse", "--show-toplevel").strip()
        except GitError:
            return None
        return cls(Path(top))

    def git(self, *args: str) -> str:
        return _run(self.top, *args)

    def is_shallow(self) -> bool:
        return self.git("rev-parse", "--is-shallow-repository").strip() == "true"

    def resolve(self, revision: str) -> str | None:
        """The commit a revision names, or None when it names none."""
        try:
            return self.git("rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}").strip() or None
        except GitError:
            return None

    def default_branch(self) -> str | None:
        """The branch published work lands on: what ``origin/HEAD`` names, else ``main``, else
        ``origin/main``; None when the repository has none of them."""
        try:
            named = self.git("symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD").strip()
        except GitError:
            named = ""
        return next((branch for branch in (named, "main", "origin/main") if branch and self.resolve(branch)), None)

    def merge_base(self, one: str, other: str) -> str | None:
        """The newest commit both revisions descend from, or None (no common history, no commit yet)."""
        try:
            return self.git("merge-base", one, other).strip() or None
        except GitError:
            return None

    def path_in_repo(self, path: Path) -> str:
        """A path of the work tree as git names it (relative to the top, with ``/``)."""
        return path.resolve().relative_to(self.top.resolve()).as_posix()

    def commits(self, revision: str, folder: str) -> list[Commit]:
        """The commits on the first-parent line of ``revision`` that changed ``folder``, oldest
        first, each with the files it changed there (a merge against its first parent), read in
        one ``git log``."""
        out = self.git("log", "--first-parent", "--diff-merges=first-parent", "--reverse", "--raw",
                       "--no-renames", "--no-abbrev", "--format=commit %H %cI", revision, "--", folder)
        commits: list[tuple[str, str, list[tuple[str, str, str]]]] = []
        for line in out.splitlines():
            if line.startswith("commit "):
                _, sha, date = line.split(" ", 2)
                commits.append((sha, date, []))
            elif line.startswith(":") and commits:
                meta, _, path = line.partition("\t")
                _, _, old, new, _ = meta.split()
                commits[-1][2].append((old, new, path))
        return [Commit(sha, date, tuple(changes)) for sha, date, changes in commits]

    def files(self, revision: str, folder: str) -> dict[str, str]:
        """The files under ``folder`` at ``revision``: path -> blob id."""
        out = self.git("ls-tree", "-r", "--full-tree", revision, "--", folder)
        files = {}
        for line in out.splitlines():
            meta, _, path = line.partition("\t")
            mode, kind, blob = meta.split()
            if kind == "blob" and mode != "120000":  # symbolic links are refused, as in the checkout
                files[path] = blob
        return files

    def blobs(self, ids: list[str]) -> dict[str, bytes]:
        """The bytes of each blob, read in one ``git cat-file --batch``."""
        if not ids:
            return {}
        result = subprocess.run(["git", "cat-file", "--batch"], cwd=self.top, capture_output=True,
                                input="\n".join(ids).encode() + b"\n", check=False)
        if result.returncode != 0:
            raise GitError.at(str(self.top), result.stderr.decode(errors="replace").strip(), GIT_HINT)
        out, found, position = result.stdout, {}, 0
        for blob in ids:
            end = out.index(b"\n", position)
            header = out[position:end].split()
            if len(header) < 3:
                raise GitError.at(str(self.top), f"git cannot read blob {blob}", GIT_HINT)
            size = int(header[2])
            found[blob] = out[end + 1:end + 1 + size]
            position = end + 1 + size + 1
        return found


def _run(cwd: Path, *args: str) -> str:
    try:
        result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except OSError as exc:
        raise GitError.at(str(cwd), f"git could not be run ({exc.strerror})",
                          "install git, or build without the dates the history gives") from None
    if result.returncode != 0:
        raise GitError.at(str(cwd), result.stderr.decode(errors="replace").strip() or f"git {args[0]} failed",
                          GIT_HINT)
    return result.stdout.decode("utf-8", errors="replace")
