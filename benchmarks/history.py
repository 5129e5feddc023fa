"""Benchmark stage: reading a briefing's history from git (every record's dates, the changes page).

A synthetic briefing is committed once, then edited in ``--commits`` further commits (each
changes one fact's claim, or its status, in one topic file), all with distinct dates. The
stage times ``history.record_dates.read_revisions`` three ways, in CPU seconds of this process and git's:

- cold: no cache, every commit read (what a fresh CI checkout pays on its first build);
- warm: the cache of an earlier build, nothing new (what every rebuild pays);
- one new commit: the cache, and one more commit to read (a rebuild after a merge).

It prints the figures beside the time of parsing and checking the same briefing (the
build's own first stages), so the ratio says what history adds to a build.

    python -m benchmarks.history --size large --commits 300
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.corpus import SIZES, write_project
from generator.check import check_project
from generator.history.record_dates import CACHE_FILE, read_revisions


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _timed(work: Callable[[], Any]) -> tuple[float, float, Any]:
    cpu, wall = _cpu(), time.perf_counter()
    result = work()
    return _cpu() - cpu, time.perf_counter() - wall, result


def _git(root: Path, *args: str, hour: int = 0) -> None:
    """git in ``root``, committing ``hour`` hours after the first commit."""
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(1767225600 + hour * 3600))
    env = {**os.environ, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp, "GIT_AUTHOR_NAME": "Bench",
           "GIT_AUTHOR_EMAIL": "bench@example.org", "GIT_COMMITTER_NAME": "Bench",
           "GIT_COMMITTER_EMAIL": "bench@example.org"}
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


_CLAIM = re.compile(r'^    claim: "(.*)"$', re.MULTILINE)
_STATUS = re.compile(r'^    status: "(reported|confirmed)"$', re.MULTILINE)


def make_history(root: Path, commits: int, seed: int = 7) -> None:
    """Commit the project, then ``commits`` edits of one fact each, one file per commit."""
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "The briefing")
    rng = random.Random(seed)
    topics = sorted((root / "briefings" / "topics").glob("*.yml"))
    for number in range(1, commits + 1):
        path = rng.choice(topics)
        text = path.read_text(encoding="utf-8")
        if number % 3 == 0 and (status := list(_STATUS.finditer(text))):
            match = rng.choice(status)
            new = match.group(0).replace(match.group(1), "confirmed" if match.group(1) == "reported" else "reported")
        else:
            match = rng.choice(list(_CLAIM.finditer(text)))
            new = match.group(0)[:-1] + f' (revision {number})"'
        path.write_text(text[:match.start()] + new + text[match.end():], encoding="utf-8")
        _git(root, "commit", "-q", "-am", f"Edit {number}", hour=number)


def measure(size: str, commits: int, work: Path) -> dict[str, Any]:
    root = work / "project"
    write_project(root, SIZES[size], 1)
    make_history(root, commits)
    briefings = root / "briefings"
    check_cpu, check_wall, result = _timed(lambda: check_project(root))
    assert not result.errors, result.errors[:3]
    (root / CACHE_FILE).unlink(missing_ok=True)
    cold_cpu, cold_wall, cold = _timed(lambda: read_revisions(root, briefings))
    warm_cpu, warm_wall, warm = _timed(lambda: read_revisions(root, briefings))
    make_more = root / "briefings" / "topics"
    first = sorted(make_more.glob("*.yml"))[0]
    text = first.read_text(encoding="utf-8")
    match = _CLAIM.search(text)
    assert match is not None
    first.write_text(text[:match.end() - 1] + ' (one more)"' + text[match.end():], encoding="utf-8")
    _git(root, "commit", "-q", "-am", "One more", hour=commits + 1)
    more_cpu, more_wall, more = _timed(lambda: read_revisions(root, briefings))
    assert cold is not None and warm is not None and more is not None
    assert len(more.commits) == commits + 2
    return {
        "size": size, "facts": len(cold.facts), "commits": len(cold.commits), "events": len(cold.events),
        "check_cpu_s": round(check_cpu, 3), "check_wall_s": round(check_wall, 3),
        "cold_cpu_s": round(cold_cpu, 3), "cold_wall_s": round(cold_wall, 3),
        "warm_cpu_s": round(warm_cpu, 3), "warm_wall_s": round(warm_wall, 3),
        "one_more_cpu_s": round(more_cpu, 3), "one_more_wall_s": round(more_wall, 3),
        "cache_bytes": (root / CACHE_FILE).stat().st_size,
    }


def print_figures(figures: dict[str, Any]) -> None:
    check = figures["check_cpu_s"] or 1e-9
    print(f"history of the {figures['size']} briefing: {figures['facts']} facts, {figures['commits']} commits, "
          f"{figures['events']} changes; cache {figures['cache_bytes'] / 1e6:.1f} MB")
    print(f"  parse and check:           {figures['check_cpu_s']:8.2f} s CPU")
    for name, key in (("history, cold (no cache)", "cold"), ("history, cached", "warm"),
                      ("history, one new commit", "one_more")):
        cpu = figures[f"{key}_cpu_s"]
        print(f"  {name:<26} {cpu:8.2f} s CPU  ({cpu / check:.2f}× parse and check)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", default="large", choices=sorted(SIZES))
    parser.add_argument("--commits", type=int, default=300)
    parser.add_argument("--out", type=Path, help="write the figures as JSON here")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="bench-history-"))
    try:
        figures = measure(args.size, args.commits, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print_figures(figures)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
