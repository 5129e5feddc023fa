"""What one rebuild of the preview costs in CPU, its layers on and off, in one process.

The served preview (``preview.py``) times an edit from its save to the page served, wall
time on a shared machine. This stage takes the generator's part of a rebuild alone
(``IncrementalSite.generate``, as the preview calls it) and its CPU time, for variants that
each keep their own :class:`~generator.incremental.IncrementalSite` of one project, the
same edits applied to all, the variants alternating in each round (the garbage collector
handled as the preview handles it, ``mkdocs_adapter.memory``):

- ``keyed``: as shipped;
- ``units``: without the page-key layer: every page of the units an edit touches is rendered
  again (``IncrementalSite.keyed``);
- ``uncompiled``: without ``CompiledTemplates``: the page templates compiled on every rebuild.

Usage: ``python -m benchmarks.rebuild --size medium --rounds 3``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import jinja2.bccache

from benchmarks.preview import EDITS, Topic
from generator.incremental import CompiledTemplates, IncrementalSite
from generator.mkdocs_adapter import memory

VARIANTS = ("keyed", "units", "uncompiled")


class NothingCompiled(CompiledTemplates):
    """Keeps nothing: every template is compiled again."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        bucket.code = None


def site_for(root: Path, variant: str) -> IncrementalSite:
    site = IncrementalSite(root)
    if variant == "units":
        site.keyed = False
    elif variant == "uncompiled":
        site.templates = NothingCompiled()
    return site


def measure(root: Path, rounds: int) -> dict[str, Any]:
    sites = {variant: site_for(root, variant) for variant in VARIANTS}
    for site in sites.values():
        site.generate(outputs_later=True)
    memory.settle()  # as the preview does after its first build, and it pauses collection in each rebuild
    topic = Topic(root)
    cpu: dict[str, dict[str, list[float]]] = {v: {kind: [] for kind in EDITS} for v in VARIANTS}
    rendered: dict[str, dict[str, int]] = {v: {} for v in VARIANTS}
    for number in range(rounds):
        for kind in EDITS:
            topic.edit(kind, f"Rebuildmark{number}{kind[0]}")
            order = VARIANTS[number % len(VARIANTS):] + VARIANTS[:number % len(VARIANTS)]
            for variant in order:
                memory.pause_collector()
                started = time.process_time()
                sites[variant].generate(outputs_later=True)
                cpu[variant][kind].append(time.process_time() - started)
                memory.resume_collector()
                rendered[variant][kind] = sites[variant].last.pages_rendered
            print(f"round {number + 1} {kind}: " + ", ".join(
                f"{v} {cpu[v][kind][-1]:.2f} s ({rendered[v][kind]} pages)" for v in VARIANTS),
                file=sys.stderr, flush=True)
    return {"cpu_s": cpu, "rendered": rendered}


def main(argv: list[str] | None = None) -> int:
    from benchmarks.run import REPO_ROOT, prepare

    parser = argparse.ArgumentParser(description="CPU of one preview rebuild, with and without its layers.")
    parser.add_argument("--size", default="medium")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    root, _ = prepare(args.size, args.seed, REPO_ROOT / "benchmarks" / "out" / f"rebuild-{args.size}")
    result = measure(root, args.rounds)
    for kind in EDITS:
        print(f"{args.size} {kind}: " + "; ".join(
            f"{v} median {statistics.median(result['cpu_s'][v][kind]):.2f} s CPU, "
            f"{result['rendered'][v][kind]} pages rendered" for v in VARIANTS))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
