"""The generator's overhead counted in instructions, which the machine's load does not move.

``benchmarks.run`` times each stage in CPU seconds, and on a shared machine one build's CPU
time moves by up to 30 % from one run to the next: at the small size (about a second) that
noise is larger than the 5 % it is checking. Here the same workers run under Valgrind's
callgrind, which counts the instructions each process executes, the search indexer's
included (``--trace-children=yes``): the count of a build hardly changes from run to run, so
one run of each shows the overhead at once.

It compares, on the same project and Markdown as ``benchmarks.run``:

- ``mkdocs``: the plain MkDocs build of the generated Markdown (the floor);
- ``fresh``: ``briefing build`` with no compiled templates cached (a fresh checkout, CI);
- ``cached``: the same build again, with the templates the fresh one compiled.

Instructions are not time (a cache miss or a system call costs more than an instruction,
and the kernel's work is not counted), so this complements the CPU-time ratios and does not
replace them. Under callgrind a build runs 50 to 70 times slower: about four minutes for the
three builds of the small size, an hour for the medium. Usage::

    .venv/bin/python -m benchmarks.instructions                 # the real briefing
    .venv/bin/python -m benchmarks.instructions --size medium   # about an hour
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from benchmarks.corpus import REPO_ROOT, SIZES
from benchmarks.run import GENERATOR_OVERHEAD_MAX, measure, prepare, write_plain_config
from generator.template_cache import CACHE_DIR as TEMPLATE_CACHE_DIR

#: The builds compared, in the order they run, as (label, benchmark worker): ``cached`` finds
#: the templates that ``fresh`` compiled.
BUILDS = (("mkdocs", "mkdocs"), ("fresh", "full"), ("cached", "full"))

_TOTALS = re.compile(r"^totals:\s+(\d+)", re.MULTILINE)
_COMMAND = re.compile(r"^cmd:\s+(.*)$", re.MULTILINE)


class ValgrindMissing(RuntimeError):
    """Valgrind is not installed."""


@dataclass
class Count:
    """The instructions one build executed, over all its processes."""

    label: str
    instructions: int
    processes: dict[str, int]
    wall_s: float


def read_counts(folder: Path, label: str) -> dict[str, int]:
    """Instructions per process from callgrind's files ``<label>.<pid>.out`` in ``folder``,
    keyed by ``<pid> <command>``."""
    counts: dict[str, int] = {}
    for path in sorted(folder.glob(f"{label}.*.out")):
        text = path.read_text(encoding="utf-8", errors="replace")
        total = _TOTALS.search(text)
        if total is None:
            raise ValueError(f"{path}: no 'totals:' line (did callgrind finish?)")
        command = _COMMAND.search(text)
        pid = path.name[len(label) + 1:-len(".out")]
        counts[f"{pid} {command[1].strip() if command else '?'}"] = int(total[1])
    return counts


def callgrind(command: list[str], folder: Path, label: str, valgrind: str) -> dict[str, int]:
    """Run ``command`` under callgrind, following its children: instructions per process."""
    for old in folder.glob(f"{label}.*.out"):
        old.unlink()
    log = folder / f"{label}.log"
    with open(log, "wb") as stream:
        result = subprocess.run([valgrind, "--tool=callgrind", "--trace-children=yes",
                                 f"--callgrind-out-file={folder / label}.%p.out", *command],
                                cwd=REPO_ROOT, stdout=stream, stderr=subprocess.STDOUT, check=False,
                                env={**os.environ, "PYTHONHASHSEED": "0"})
    if result.returncode:
        raise RuntimeError(f"{label}: exited {result.returncode}; see {log}")
    return read_counts(folder, label)


def count(label: str, worker: str, root: Path, markdown: Path, site: Path, folder: Path,
          valgrind: str) -> Count:
    """One benchmark worker's build under callgrind."""
    started = time.perf_counter()
    processes = callgrind([sys.executable, "-m", "benchmarks.run", "--worker", worker, "--root", str(root),
                           "--markdown", str(markdown), "--site", str(site)], folder, label, valgrind)
    return Count(label, sum(processes.values()), processes, time.perf_counter() - started)


def overheads(counts: dict[str, Count]) -> dict[str, float]:
    """Each build of the generator against the plain MkDocs build, as a fraction."""
    floor = counts["mkdocs"].instructions
    return {label: (c.instructions - floor) / floor for label, c in counts.items() if label != "mkdocs"}


def run(size: str, seed: int, out_dir: Path) -> dict[str, Count]:
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        raise ValgrindMissing("valgrind is not installed (Debian: apt-get install valgrind)")
    work = out_dir / f"instructions-{size}"
    root, corpus = prepare(size, seed, work)
    markdown, folder = work / "markdown", work / "callgrind"
    folder.mkdir()
    print(f"[{size}] {corpus}: generating the Markdown …", file=sys.stderr, flush=True)
    generated = measure("generate", root, markdown, work / "site", folder)
    if generated.exit_code:
        raise RuntimeError(f"the Markdown was not generated; see {folder / 'generate.err'}")
    write_plain_config(root, markdown)
    shutil.rmtree(root / TEMPLATE_CACHE_DIR, ignore_errors=True)
    counts: dict[str, Count] = {}
    for label, worker in BUILDS:
        print(f"[{size}] {label} under callgrind …", file=sys.stderr, flush=True)
        counts[label] = count(label, worker, root, markdown, work / f"site-{label}", folder, valgrind)
    return counts


def report(counts: dict[str, Count]) -> list[str]:
    lines = [f"{'build':<8}{'instructions':>16}{'processes':>11}{'of which children':>19}{'wall s':>8}"]
    for c in counts.values():
        main = max(c.processes.values())
        lines.append(f"{c.label:<8}{c.instructions:>16,}{len(c.processes):>11}"
                     f"{c.instructions - main:>19,}{c.wall_s:>8.0f}")
    for label, value in overheads(counts).items():
        mark = "PASS" if value <= GENERATOR_OVERHEAD_MAX else "FAIL"
        lines.append(f"[{mark}] {label}: (briefing build − mkdocs) / mkdocs = {value:+.1%} instructions")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Count the instructions of plain and full builds.")
    parser.add_argument("--size", default="small", choices=list(SIZES))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "benchmarks" / "out" / "instructions.json")
    args = parser.parse_args(argv)
    try:
        counts = run(args.size, args.seed, args.out.resolve().parent)
    except ValgrindMissing as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print("\n".join(report(counts)))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({
        "size": args.size, "seed": args.seed, "python": sys.version.split()[0],
        "builds": {label: asdict(c) for label, c in counts.items()},
        "overheads": overheads(counts),
    }, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
