"""The benchmark: one command that measures every stage of the pipeline at several sizes.

For each size it writes a project (``small`` is the real briefing when it passes the
check, else a synthetic one of the same shape; ``medium`` and ``large`` are synthetic,
see ``benchmarks.corpus``), then runs each stage in its own subprocess and records the
wall time, the time spent inside the stage's call (without interpreter start and
imports) and the peak resident memory (``os.wait4`` rusage of that one child):

- ``parse``: every YAML file of the briefing through libyaml (``yaml.CSafeLoader``), the
  floor for loading;
- ``check``: ``briefing check``;
- ``generate``: ``briefing build --markdown`` (YAML to Markdown, the generator alone);
- ``mkdocs``: a plain ``mkdocs build`` of that Markdown (same mkdocs.yml without the
  ``briefing`` plugin, so with MkDocs' default plugin, its search; nav from ``_nav.yml``),
  the floor for building a searchable site;
- ``full``: ``briefing build --site`` (check, generate and MkDocs in one process);
- ``incremental``: one fact's claim edited, then ``write_tree`` again: how many files
  were rewritten;
- ``preview``: ``briefing serve`` on loopback, with and without the incremental path: the
  first build, then the time from an edit's save until the topic page serves it
  (``benchmarks.preview``).

It prints a table and the ratios checked against the targets, and writes everything as
JSON. Usage::

    .venv/bin/python -m benchmarks.run --sizes small,medium,large --out benchmarks/out/results.json
    .venv/bin/python -m benchmarks.run --sizes medium --profile   # cProfile top costs per stage
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

from benchmarks.corpus import REPO_ROOT, SIZES, copy_project_frame, write_project
from benchmarks.preview import VARIANTS, measure_preview, preview_rows
from generator.mkdocs_adapter.plugin import SEARCH_BUNDLE, SEARCH_WORKER, SEARCH_WORKER_SOURCE
from generator.pagefind_service import SHARDS_FILE

STAGES = ("parse", "check", "generate", "mkdocs", "full", "incremental")
PLAIN_CONFIG = "mkdocs.plain.yml"
MiB = 1 << 20

# Targets of issue 5, as ratios measured in one run.
GENERATOR_OVERHEAD_MAX = 0.05
CHECK_OVER_PARSE_MAX = 3.0
MEDIUM_TO_LARGE_MAX = 11.0
LARGE_PEAK_RSS_MAX = 1 << 30
SEARCH_INDEX_MAX = 2_000_000


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

    import generator.mkdocs_adapter.plugin as plugin
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
    plugin.write_search_bundle = timed(plugin.write_search_bundle, 1)
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
    command = [sys.executable, "-m", "benchmarks.run", "--worker", kind, "--root", str(root),
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


def prepare(size: str, seed: int, work: Path) -> tuple[Path, str]:
    """A fresh project for ``size``: the real briefing for ``small`` when it checks, else synthetic."""
    root = work / "project"
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    if size == "small" and _real_briefing_checks():
        root.mkdir()
        shutil.copytree(REPO_ROOT / "briefings", root / "briefings")
        shutil.copy2(REPO_ROOT / "site_config.yml", root / "site_config.yml")
        copy_project_frame(root)
        return root, "real briefing"
    write_project(root, SIZES[size], seed)
    note = " (the real briefing does not pass `briefing check`)" if size == "small" else ""
    return root, f"synthetic, seed {seed}{note}"


def _real_briefing_checks() -> bool:
    result = subprocess.run([sys.executable, "-m", "generator", "check", "--root", str(REPO_ROOT)],
                            capture_output=True, check=False, cwd=REPO_ROOT)
    return result.returncode == 0


def write_plain_config(root: Path, markdown: Path) -> None:
    """mkdocs.yml as the project has it, minus the ``briefing`` plugin, building ``markdown``."""
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    nav = yaml.safe_load((markdown / "_nav.yml").read_text(encoding="utf-8"))["nav"]
    settings = yaml.safe_load((root / "site_config.yml").read_text(encoding="utf-8")) or {}
    # Without the briefing plugin (whose search is Pagefind), MkDocs' default: its search.
    plugins = [p for p in config.get("plugins", [])
               if p != "briefing" and not (isinstance(p, dict) and "briefing" in p)] or ["search"]
    config.update(docs_dir=str(markdown), plugins=plugins, nav=nav,
                  site_name=html.escape(settings.get("title", "Briefing")))
    if settings.get("base_url"):  # as the plugin sets it
        config["site_url"] = str(settings["base_url"]).rstrip("/") + "/"
    exclude = config.get("exclude_docs") or ""
    config["exclude_docs"] = f"{exclude}\n/_nav.yml\n".lstrip()
    (root / PLAIN_CONFIG).write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                                     encoding="utf-8")


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml with its custom tags (``!ENV``, ``!!python/name``) kept as plain values."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: loader.construct_scalar(node)
                                    if isinstance(node, yaml.ScalarNode) else None)


PROFILED = ("check", "generate", "mkdocs", "full")


def _keep_fastest(result: SizeResult, step: str, stage: Stage) -> None:
    """Keep the round of ``step`` that took the least CPU, noting every round's CPU time."""
    kept = result.stages.get(step)
    cpu_runs = [*(kept.extra.get("cpu_runs", []) if kept else []), round(stage.cpu_s, 2)]
    if kept is None or stage.cpu_s < kept.cpu_s:
        result.stages[step] = kept = stage
    kept.extra["cpu_runs"] = cpu_runs
    print(f"[{result.size}] {step}: {stage.wall_s:.2f} s wall, {stage.cpu_s:.2f} s CPU, "
          f"{stage.peak_rss_bytes / MiB:.0f} MiB (with its children at once "
          f"{stage.tree_peak_rss_bytes / MiB:.0f} MiB)", file=sys.stderr, flush=True)


#: Rounds of (plain MkDocs, full build) at each size: the overhead target compares the two,
#: and the fastest round of each is the one least disturbed by other load on the machine.
REPEATS = {"small": 9, "medium": 4, "large": 2}
#: Rounds of (parse, check), alternated like (mkdocs, full): each is a single short process,
#: which a busy moment of the machine can slow by half.
CHECK_ROUNDS = 3
#: Each floor and the command measured against it, alternately, round after round.
PAIRED = {"parse": "check", "mkdocs": "full"}


def run_size(size: str, seed: int, out_dir: Path, profile: bool, repeats: int | None = None,
             preview: tuple[str, ...] = VARIANTS, preview_rounds: int = 2) -> SizeResult:
    work = out_dir / size
    print(f"[{size}] preparing the project …", file=sys.stderr, flush=True)
    root, corpus = prepare(size, seed, work)
    markdown, plain_site, full_site = work / "markdown", work / "site-plain", work / "site"
    result = SizeResult(size=size, corpus=corpus)
    if size in SIZES and corpus.startswith("synthetic"):
        spec = SIZES[size]
        result.topics, result.sources, result.entities = spec.topics, spec.sources, spec.entities
    else:
        result.topics = len(list((root / "briefings" / "topics").glob("*.yml")))
        result.sources = len(list((root / "briefings" / "sources").glob("*.yml")))
        entities = yaml.safe_load((root / "briefings" / "entities.yml").read_text(encoding="utf-8"))
        result.entities = len(entities or {})
    logs = work / "logs"
    logs.mkdir()
    for kind in STAGES:
        if kind in PAIRED.values():
            continue  # measured in rounds with its floor
        if kind == "mkdocs":
            write_plain_config(root, markdown)
        rounds = {"mkdocs": repeats or REPEATS.get(size, 1), "parse": CHECK_ROUNDS}.get(kind, 1)
        for _ in range(rounds):
            for step in (kind, PAIRED[kind]) if kind in PAIRED else (kind,):
                site = plain_site if step == "mkdocs" else full_site
                prof = logs / f"{step}.prof" if profile and step in PROFILED else None
                print(f"[{size}] {step} …", file=sys.stderr, flush=True)
                _keep_fastest(result, step, measure(step, root, markdown, site, logs, prof))
    parsed = result.stages["parse"].extra
    result.facts, result.yaml_bytes = parsed.get("facts", 0), parsed.get("yaml_bytes", 0)
    result.pages = sum(1 for _ in markdown.rglob("*.md"))
    if full_site.is_dir():
        sizes = [(p.stat().st_size, p) for p in full_site.rglob("*") if p.is_file()]
        result.site_bytes = sum(s for s, _ in sizes)
        pages = [(s, p) for s, p in sizes if p.suffix == ".html"]
        if pages:
            biggest = max(pages)
            result.largest_page = biggest[1].relative_to(full_site).as_posix()
            result.largest_page_bytes = biggest[0]
        measure_search_bundle(result, full_site)
    if not profile:
        for folder in (plain_site, full_site):
            shutil.rmtree(folder, ignore_errors=True)
    if preview:
        result.preview = measure_preview(root, work, size, variants=preview, rounds=preview_rounds)
    return result


#: Results the search worker shows at most, so fragments a first search fetches at most:
#: its ``SHOWN``, read from its source (the browser tests check the worker against it).
SEARCH_SHOWN = int(re.search(r"^const SHOWN = (\d+)$", SEARCH_WORKER_SOURCE.read_text(encoding="utf-8"),
                             re.MULTILINE)[1])
#: What a first search loads once, whatever it asks: Pagefind's library and its worker.
PAGEFIND_LIBRARY = ("pagefind.js", "pagefind-worker.js")


def measure_search_bundle(result: SizeResult, site: Path) -> None:
    """The search bundle's size, its records, and what a reader's first one-word search
    downloads at most: the search worker, Pagefind's library and the shard list, then for
    each shard its entry file, index metadata, WebAssembly, largest index chunk and filter
    files, and the largest fragments, one for each result a result list shows (an upper
    bound: a real search fetches the one chunk holding its word in each shard, one filter
    file of each, and smaller fragments)."""
    bundle = site / SEARCH_BUNDLE
    if not bundle.is_dir():
        return
    sizes = {p.relative_to(bundle): p.stat().st_size for p in bundle.rglob("*") if p.is_file()}
    shards = {k.parent for k in sizes if k.name == "pagefind-entry.json"}
    fragments = sorted((n for k, n in sizes.items() if k.parent.name == "fragment"), reverse=True)
    first = sum(n for k, n in sizes.items() if k.as_posix() in (*PAGEFIND_LIBRARY, SHARDS_FILE))
    for shard in shards:
        first += sum(n for k, n in sizes.items() if k.parent == shard and (
            k.name in ("pagefind-entry.json", "wasm.en.pagefind") or k.suffix == ".pf_meta"))
        first += max((n for k, n in sizes.items() if k.parent == shard / "index"), default=0)
        first += sum(n for k, n in sizes.items() if k.parent == shard / "filter")
    worker = site / SEARCH_WORKER
    result.search_bundle_bytes = sum(sizes.values())
    result.search_index_bytes = sum(n for k, n in sizes.items() if k.parent.name in ("index", "fragment", "filter")
                                    or k.suffix == ".pf_meta")
    # a fragment per record, and per shard past the first, one per shard for its vocabulary
    result.search_records = len(fragments) - (len(shards) if len(shards) > 1 else 0)
    result.first_search_bytes = (first + sum(fragments[:SEARCH_SHOWN])
                                 + (worker.stat().st_size if worker.is_file() else 0))


# --------------------------------------------------------------------------- report

#: The stages that are this project's commands (the others are floors to compare with).
OUR_STAGES = ("check", "generate", "full", "incremental")


def ratios(results: dict[str, SizeResult]) -> list[dict[str, Any]]:
    """Each target as a measured ratio with pass/fail."""
    rows: list[dict[str, Any]] = []
    for name, r in results.items():
        full, plain = r.stages["full"], r.stages["mkdocs"]
        overhead = (full.cpu_s - plain.cpu_s) / plain.cpu_s
        wall_overhead = (full.wall_s - plain.wall_s) / plain.wall_s
        inside = full.extra.get("plugin_cpu_s")
        share = f"; inside the full build the plugin's hooks took {inside:.2f} s CPU, " \
                f"{inside / full.cpu_s:.1%} of it" if inside is not None else ""
        searching = full.extra.get("search_bundle_cpu_s")
        if searching is not None:
            share += f", of which {searching:.2f} s writing the search bundle (Pagefind)"
        rows.append({"target": f"{name}: generator adds ≤ 5% to the full build",
                     "measured": f"(full − mkdocs) / mkdocs = {overhead:+.1%} CPU "
                                 f"(fastest of {len(full.extra.get('cpu_runs', [1]))} rounds each), "
                                 f"{wall_overhead:+.1%} wall{share}",
                     "value": overhead, "pass": overhead <= GENERATOR_OVERHEAD_MAX})
        check, parse = r.stages["check"], r.stages["parse"]
        cpu_ratio = check.cpu_s / parse.cpu_s
        wall_ratio = check.wall_s / parse.wall_s
        work_ratio = (check.work_s or 0) / (parse.work_s or 1)
        rows.append({"target": f"{name}: briefing check ≤ 3× libyaml parse",
                     "measured": f"CPU {cpu_ratio:.2f}× (fastest of {len(check.extra.get('cpu_runs', [1]))} "
                                 f"rounds each), wall {wall_ratio:.2f}×, "
                                 f"in-process work (no start-up, no imports) {work_ratio:.2f}×",
                     "value": cpu_ratio, "pass": cpu_ratio <= CHECK_OVER_PARSE_MAX})
        incremental = r.stages["incremental"].extra
        if incremental:
            rows.append({"target": f"{name}: one edited fact rewrites only the pages showing it",
                         "measured": f"{len(incremental.get('written', []))} files rewritten, "
                                     f"{incremental.get('unchanged', 0)} untouched",
                         "value": len(incremental.get("written", [])), "pass": None})
        rows += preview_rows(name, r.preview)
    if "medium" in results and "large" in results:
        large, medium = results["large"].stages["full"], results["medium"].stages["full"]
        growth = large.cpu_s / medium.cpu_s
        rows.append({"target": "medium → large (10× content): full build grows ≤ 11×",
                     "measured": f"{growth:.2f}× CPU, {large.wall_s / medium.wall_s:.2f}× wall",
                     "value": growth, "pass": growth <= MEDIUM_TO_LARGE_MAX})
    if "large" in results:
        large = results["large"]
        ours = {k: s for k, s in large.stages.items() if k in OUR_STAGES}
        worst = max(ours, key=lambda k: ours[k].tree_peak_rss_bytes)
        peak = ours[worst].tree_peak_rss_bytes
        single, plain = ours[worst].peak_rss_bytes / MiB, large.stages["mkdocs"].tree_peak_rss_bytes / MiB
        rows.append({"target": "large: peak memory < 1 GiB",
                     "measured": f"{peak / MiB:.0f} MiB ({worst}, with the search indexer's at the same "
                                 f"moment; the largest single process {single:.0f} MiB); "
                                 f"plain MkDocs alone {plain:.0f} MiB",
                     "value": peak, "pass": peak < LARGE_PEAK_RSS_MAX})
        rows.append({"target": "large: search index downloaded on first search < 2 MB",
                     "measured": f"at most {large.first_search_bytes / 1e6:.2f} MB for a one-word search "
                                 f"(library, index metadata, the largest index chunk, the filters, the "
                                 f"{SEARCH_SHOWN} largest fragments), of a "
                                 f"{large.search_bundle_bytes / 1e6:.1f} MB bundle "
                                 f"holding {large.search_records} records",
                     "value": large.first_search_bytes,
                     "pass": large.first_search_bytes < SEARCH_INDEX_MAX})
    return rows


def print_table(results: dict[str, SizeResult], checks: list[dict[str, Any]]) -> None:
    header = (f"{'size':<7}{'facts':>7}{'pages':>7}{'parse':>8}{'check':>8}{'generate':>10}"
              f"{'mkdocs':>9}{'full':>9}{'peak MiB':>10}{'site MB':>9}{'search MB':>10}"
              f"{'1st srch MB':>12}{'index/1k facts':>15}")
    print(header)
    print("-" * len(header))
    for r in results.values():
        s = r.stages
        peak = max(x.tree_peak_rss_bytes for k, x in s.items() if k in OUR_STAGES) / MiB
        per_k = r.search_index_bytes / max(r.facts, 1) * 1000 / 1e3
        print(f"{r.size:<7}{r.facts:>7}{r.pages:>7}{s['parse'].wall_s:>8.2f}{s['check'].wall_s:>8.2f}"
              f"{s['generate'].wall_s:>10.2f}{s['mkdocs'].wall_s:>9.2f}{s['full'].wall_s:>9.2f}"
              f"{peak:>10.0f}{r.site_bytes / 1e6:>9.1f}{r.search_bundle_bytes / 1e6:>10.2f}"
              f"{r.first_search_bytes / 1e6:>12.2f}{per_k:>12.0f} kB")
    print("times: wall seconds, one subprocess each (CPU and in-process work times are in the JSON);\n"
          "ratios use CPU time (user + sys of the child), which other load on the machine disturbs least\n")
    for row in checks:
        mark = {True: "PASS", False: "FAIL", None: "info"}[row["pass"]]
        print(f"[{mark}] {row['target']}: {row['measured']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Measure the briefing pipeline at several sizes.")
    parser.add_argument("--sizes", default="small,medium,large")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "benchmarks" / "out" / "results.json")
    parser.add_argument("--repeats", type=int, default=None,
                        help="rounds of (mkdocs, full) per size; default: 9 small, 4 medium, 2 large")
    parser.add_argument("--profile", action="store_true",
                        help="run each stage under cProfile (slower; writes <stage>.prof/.txt)")
    parser.add_argument("--preview", default=",".join(VARIANTS),
                        help="variants of the preview stage (incremental, whole, unfrozen, before), or none")
    parser.add_argument("--preview-rounds", type=int, default=2, help="rounds of edits in the preview stage")
    parser.add_argument("--worker", choices=STAGES, help=argparse.SUPPRESS)
    parser.add_argument("--root", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--markdown", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--site", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--profile-file", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        _worker(args.worker, args.root, args.markdown, args.site, args.profile_file)
        return 0
    sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    unknown = [s for s in sizes if s not in SIZES]
    if unknown:
        parser.error(f"unknown size(s) {', '.join(unknown)}; choose from {', '.join(SIZES)}")
    out_dir = args.out.resolve().parent
    started = time.perf_counter()
    preview = tuple(v.strip() for v in args.preview.split(",") if v.strip() and v.strip() != "none")
    results = {size: run_size(size, args.seed, out_dir, args.profile, args.repeats, preview, args.preview_rounds)
               for size in sizes}
    checks = ratios(results)
    print_table(results, checks)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({
        "seed": args.seed, "cpus": os.cpu_count(), "python": sys.version.split()[0],
        "total_s": time.perf_counter() - started,
        "sizes": {name: asdict(r) for name, r in results.items()},
        "targets": checks,
    }, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwrote {args.out} ({time.perf_counter() - started:.0f} s in all)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
