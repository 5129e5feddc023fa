"""git's plumbing as the history modules read it: revisions, files and blobs, commits that touched
a folder, shallow clones and folders that are not checkouts."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from generator.history.git import GitError, Repository
from tests.gitrepo import commit, git


def test_a_folder_outside_any_checkout_has_no_repository(tmp_path: Path) -> None:
    assert Repository.find(tmp_path) is None


def test_files_blobs_and_commits_of_a_folder(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / "briefings").mkdir()
    (tmp_path / "briefings" / "a.yml").write_text("a: 1\n")
    (tmp_path / "other.txt").write_text("x")
    first = commit(tmp_path, "First", "2026-03-02T10:00:00+00:00")
    (tmp_path / "other.txt").write_text("y")
    commit(tmp_path, "Not the briefing", "2026-03-03T10:00:00+00:00")
    (tmp_path / "briefings" / "a.yml").write_text("a: 2\n")
    (tmp_path / "briefings" / "link.yml").symlink_to("a.yml")
    last = commit(tmp_path, "Second", "2026-03-04T10:00:00+02:00")
    repo = Repository.find(tmp_path / "briefings")
    assert repo is not None and not repo.is_shallow()
    assert repo.resolve("main") == last and repo.resolve("nosuch") is None
    commits = repo.commits("main", "briefings")
    assert [(c.sha, c.date) for c in commits] == [
        (first, "2026-03-02T10:00:00+00:00"), (last, "2026-03-04T10:00:00+02:00")]
    first_blob = repo.files(first, "briefings")["briefings/a.yml"]
    last_blob = repo.files(last, "briefings")["briefings/a.yml"]
    assert commits[0].changes == (("0" * 40, first_blob, "briefings/a.yml"),)
    assert [change[2] for change in commits[1].changes] == ["briefings/a.yml", "briefings/link.yml"]
    assert commits[1].changes[0][:2] == (first_blob, last_blob)
    files = repo.files(first, "briefings")
    assert list(files) == ["briefings/a.yml"]  # symbolic links are left out, as the checkout refuses them
    assert list(repo.files(last, "briefings")) == ["briefings/a.yml"]
    assert repo.blobs([files["briefings/a.yml"], repo.files(last, "briefings")["briefings/a.yml"]]) == {
        files["briefings/a.yml"]: b"a: 1\n", repo.files(last, "briefings")["briefings/a.yml"]: b"a: 2\n"}
    assert repo.path_in_repo(tmp_path / "briefings") == "briefings"


def test_a_shallow_clone_says_so(tmp_path: Path) -> None:
    origin = tmp_path / "origin"
    origin.mkdir()
    git(origin, "init", "-q", "-b", "main")
    for day in (2, 3):
        (origin / "f.txt").write_text(str(day))
        commit(origin, "c", f"2026-03-0{day}T10:00:00+00:00")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{origin}", str(clone)], check=True)
    repo = Repository.find(clone)
    assert repo is not None and repo.is_shallow()


def test_git_that_cannot_answer_is_an_error_located_at_the_repository(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q", "-b", "main")
    repo = Repository.find(tmp_path)
    assert repo is not None
    with pytest.raises(GitError) as raised:
        repo.files("nosuch", "briefings")
    problem = raised.value.problems[0]
    assert problem.path == str(repo.top) and "nosuch" in problem.message
    assert problem.hint == "check the repository with `git status` and `git fsck`"
    assert str(raised.value) == problem.message  # git's own words, as --base and the dates' notice quote them
