"""The benchmark's measured stages: what one stage of one size recorded (``Stage``,
``SizeResult``), and how each is measured: a worker runs the stage in its own interpreter
(``python -m benchmarks.stages --worker KIND``), times its imports and its work apart and
prints one JSON line; the parent (``measure``) times the child and reads its peak memory,
the search indexer's beside it included (``TreeMemory``). ``benchmarks.run`` drives them.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from benchmarks.corpus import REPO_ROOT

STAGES = ("parse", "check", "generate", "mkdocs", "full", "incremental")
PLAIN_CONFIG = "mkdocs.plain.yml"
MiB = 1 << 20


@dataclass
class Stage:
    """One measured subprocess."""

    wall_s: float
    cpu_s: float
    work_s: float | None
    import_s: float | None
    peak_rss_bytes: int
    exit_code: int
    tree_peak_rss_bytes: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class SizeResult:
    """Everything measured for one size."""

    size: str
    corpus: str
    topics: int = 0
    facts: int = 0
    sources: int = 0
    entities: int = 0
    yaml_bytes: int = 0
    pages: int = 0
    site_bytes: int = 0
    search_bundle_bytes: int = 0
    search_index_bytes: int = 0
    first_search_bytes: int = 0
    search_records: int = 0
    largest_page: str = ""
    largest_page_bytes: int = 0
    stages: dict[str, Stage] = field(default_factory=dict)
    preview: dict[str, Any] = field(default_factory=dict)


# --------------------------------------------------------------------------- workers
# Each worker runs in its own interpreter, times its imports and its work separately,
# and prints one JSON line on stdout.

def _worker(kind: str, root: Path, markdown: Path, site: Path, profile: Path | None) -> None:
    started = time.perf_counter()
    if kind == "parse":
        def work() -> dict[str, Any]:
            return _parse_all(root / "briefings")
    elif kind in ("check", "generate", "full"):
        from generator.cli import main

        args = {"check": ["check", "--root", str(root)],
                "generate": ["build", "--root", str(root), "--markdown", str(markdown)],
                "full": ["build", "--root", str(root), "--site", str(site)]}[kind]

        plugin_cpu = _time_plugin_hooks() if kind == "full" else None

        def work() -> dict[str, Any]:
            report: dict[str, Any] = {"exit": 0}
            try:
                main.main(args, prog_name="briefing", standalone_mode=False)
            except SystemExit as exc:
                report["exit"] = exc.code or 0
            if plugin_cpu is not None:
                report["plugin_cpu_s"], report["search_bundle_cpu_s"] = plugin_cpu
            return report
    elif kind == "mkdocs":
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        def work() -> dict[str, Any]:
            build(load_config(str(root / PLAIN_CONFIG), site_dir=str(site), strict=True))
            return {"exit": 0}
    elif kind == "incremental":
        from generator.generate import generate
        from generator.tree import write_tree

        def work() -> dict[str, Any]:
            fact_id = _edit_one_fact(root)
            report = write_tree(generate(root), markdown)
            return {"exit": 0, "edited_fact": fact_id, "written": sorted(report.written),
                    "unchanged": len(report.unchanged)}
    else:
        raise SystemExit(f"unknown worker {kind!r}")
    imported = time.perf_counter()
    if profile is not None:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        extra = profiler.runcall(work)
        profiler.dump_stats(str(profile))
        with open(profile.with_suffix(".txt"), "w", encoding="utf-8") as stream:
            stats = pstats.Stats(str(profile), stream=stream)
            stats.sort_stats("tottime").print_stats(30)
            stats.sort_stats("cumulative").print_stats(50)
    else:
        extra = work()
    done = time.perf_counter()
    print(json.dumps({"import_s": imported - started, "work_s": done - imported, **extra}))


def _time_plugin_hooks() -> list[float]:
    """Wrap every hook of the ``briefing`` plugin to add up the CPU time spent in it (the
    generator's whole part of a full build, measured inside the build itself, so load on
    the machine weighs on it and on the build alike), the search indexer's process
    included. Returns the running totals: ``[all hooks, writing the search bundle]``."""
    import functools
    import resource

    import generator.mkdocs_adapter.runs as runs
    from generator.mkdocs_adapter.plugin import BriefingPlugin

    spent = [0.0, 0.0]

    def cpu() -> float:
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        return time.process_time() + children.ru_utime + children.ru_stime

    def timed(hook: Any, slot: int) -> Any:
        @functools.wraps(hook)  # keeps MkDocs' event priority attribute
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            started = cpu()
            try:
                return hook(*args, **kwargs)
            finally:
                spent[slot] += cpu() - started
        return wrapper

    for name, hook in list(vars(BriefingPlugin).items()):
        if name.startswith("on_") and callable(hook):
            setattr(BriefingPlugin, name, timed(hook, 0))
    runs.write_search_bundle = timed(runs.write_search_bundle, 1)
    return spent


def _parse_all(briefings: Path) -> dict[str, Any]:
    files = facts = total = 0
    for path in sorted(briefings.rglob("*.yml")):
        raw = path.read_bytes()
        data = yaml.load(raw, Loader=yaml.CSafeLoader)
        files += 1
        total += len(raw)
        if path.parent.name == "topics" and isinstance(data, dict):
            facts += len(data.get("facts") or [])
    return {"exit": 0, "files": files, "facts": facts, "yaml_bytes": total}


def _edit_one_fact(root: Path) -> str:
    """Change the claim of one fact in the middle of the briefing; return its id."""
    topics = sorted((root / "briefings" / "topics").glob("*.yml"))
    path = topics[len(topics) // 2]
    text = path.read_text(encoding="utf-8")
    match = re.search(r'^  - id: "?([a-z0-9-]+)"?\n    claim: "', text, flags=re.MULTILINE)
    if not match:
        raise SystemExit(f"no fact found in {path}")
    path.write_text(text[:match.end()] + "Edited for the benchmark. " + text[match.end():], encoding="utf-8")
    return match.group(1)


# --------------------------------------------------------------------------- parent side

def measure(kind: str, root: Path, markdown: Path, site: Path, log_dir: Path,
            profile: Path | None = None) -> Stage:
    """Run one worker in a subprocess; wall time and peak RSS of that child alone."""
    command = [sys.executable, "-m", "benchmarks.stages", "--worker", kind, "--root", str(root),
               "--markdown", str(markdown), "--site", str(site)]
    if profile is not None:
        command += ["--profile-file", str(profile)]
    out_path, err_path = log_dir / f"{kind}.out", log_dir / f"{kind}.err"
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err, cwd=REPO_ROOT,
                                   env={**os.environ, "PYTHONHASHSEED": "0"})
        tree = TreeMemory(process.pid)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        tree.stop()
    process.returncode = os.waitstatus_to_exitcode(status)
    lines = out_path.read_text(encoding="utf-8").strip().splitlines()
    try:
        report = json.loads(lines[-1]) if lines else {}
    except json.JSONDecodeError:
        report = {}
    code = process.returncode or int(report.get("exit", 0) or 0)
    if code:
        tail = err_path.read_text(encoding="utf-8", errors="replace")[-2000:]
        print(f"  ! {kind} exited {code}; see {err_path}\n{tail}", file=sys.stderr)
    return Stage(wall_s=wall, cpu_s=usage.ru_utime + usage.ru_stime, work_s=report.pop("work_s", None),
                 import_s=report.pop("import_s", None),
                 peak_rss_bytes=usage.ru_maxrss * 1024, exit_code=code,
                 tree_peak_rss_bytes=max(tree.peak, usage.ru_maxrss * 1024),
                 extra={k: v for k, v in report.items() if k != "exit"})


class TreeMemory:
    """The most memory a process and its children held at one moment (the sum of their
    resident sets, read from /proc ten times a second): a build whose search indexer runs
    beside it needs both at once, which each one's own peak does not show."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak = pid, 0
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._stopped.wait(0.1):
            self.peak = max(self.peak, sum(_resident(pid) for pid in self._tree()))

    def _tree(self) -> list[int]:
        found, pending = [], [self.pid]
        while pending:
            pid = pending.pop()
            found.append(pid)
            try:
                for task in Path(f"/proc/{pid}/task").iterdir():
                    pending += [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                continue
        return found

    def stop(self) -> None:
        self._stopped.set()
        self._thread.join()


def _resident(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def main(argv: list[str] | None = None) -> int:
    """One worker, as ``measure`` starts it."""
    parser = argparse.ArgumentParser(description="Run one measured stage of the benchmark.")
    parser.add_argument("--worker", choices=STAGES, required=True)
    parser.add_argument("--root", type=Path, required=True)
    parser.add_argument("--markdown", type=Path, required=True)
    parser.add_argument("--site", type=Path, required=True)
    parser.add_argument("--profile-file", type=Path)
    args = parser.parse_args(argv)
    _worker(args.worker, args.root, args.markdown, args.site, args.profile_file)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
