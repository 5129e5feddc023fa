"""The reader's side of the site, measured: Lighthouse (mobile) and the Nu HTML Checker on the
real briefing's site, beside a plain MkDocs + Material site of the same pages (``make audit``).

The floor ("plain Material") is the Markdown the generator writes for the real briefing
(``briefing build --markdown``: the same pages, facts, footnotes and links), built by MkDocs
with Material as it comes: no theme overrides, no features, no colour-scheme toggle, no CSS or
script of ours, Material's own (Lunr) search plugin; only the Markdown extensions the pages
need and ``font: false`` (so that, as ours, it loads nothing from another host). Both sites are
served on loopback with gzip, as GitHub Pages serves them, and Lighthouse 12.2.3 audits each
page with its default mobile preset (a mid-range phone, simulated slow 4G, 4× CPU slowdown)
in alternating rounds (ours then plain, then plain then ours, ...); the best performance of
each page and site is kept, every round's score beside it.

The Nu HTML Checker reads the same pages of both sites. A message about our page counts as
ours when it is inside the page's content (the Markdown the generator writes) or does not
occur on the plain Material page too; the rest come from Material's own partials.

Nothing here runs in the test suite: these are measurements, and the figures are in
``benchmarks/README.md``. The tools are npm packages, installed by ``make audit`` into
``.audit/`` (``--tools``); Chromium is Debian's (``CHROME_PATH``, default ``/usr/bin/chromium``).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import yaml

from benchmarks.corpus import REPO_ROOT
from benchmarks.run import _ConfigLoader

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
#: The pages audited: home, the largest topic page (found in the build), judgments, timeline.
PAGES = {"home": "", "topic": None, "judgments": "judgments/", "timeline": "timeline/"}
COMPRESSED = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")
LIGHTHOUSE = "node_modules/lighthouse/cli/index.js"
VNU = "node_modules/vnu-jar/build/dist/vnu.jar"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking"


# --------------------------------------------------------------------------- the two sites

def build_sites(work: Path) -> dict[str, Path]:
    """The real site and the plain Material one of the same Markdown, in ``work``."""
    ours, markdown, plain = work / "ours", work / "markdown", work / "plain"
    for args in (["build", "--site", str(ours)], ["build", "--markdown", str(markdown)]):
        subprocess.run([sys.executable, "-m", "generator", *args], cwd=REPO_ROOT, check=True,
                       stdout=subprocess.DEVNULL)
    config = work / "mkdocs.plain.yml"
    config.write_text(yaml.safe_dump(plain_config(markdown), allow_unicode=True, sort_keys=False),
                      encoding="utf-8")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(plain)],
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, check=True)
    return {"ours": ours, "plain": plain}


def plain_config(markdown: Path) -> dict[str, Any]:
    """mkdocs.yml of the plain Material site (the module's docstring says what it keeps)."""
    project = yaml.load((REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    settings = yaml.safe_load((REPO_ROOT / "site_config.yml").read_text(encoding="utf-8")) or {}
    nav = yaml.safe_load((markdown / "_nav.yml").read_text(encoding="utf-8"))["nav"]
    return {"site_name": settings.get("title", "Briefing"),
            "site_url": str(settings.get("base_url", "")).rstrip("/") + "/",
            "docs_dir": str(markdown), "use_directory_urls": True, "nav": nav,
            "not_in_nav": project.get("not_in_nav", ""), "exclude_docs": "/_nav.yml\n",
            "theme": {"name": "material", "language": "en", "font": False},
            "plugins": ["search"], "markdown_extensions": project["markdown_extensions"]}


def page_paths(site: Path) -> dict[str, str]:
    """Each audited page's path; the topic is the largest topic page."""
    topic = max((site / "topics").glob("*/index.html"), key=lambda path: path.stat().st_size)
    return {name: path if path is not None else f"topics/{topic.parent.name}/"
            for name, path in PAGES.items()}


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """A static file server that compresses text as GitHub Pages does, and says nothing."""

    def do_GET(self) -> None:
        path = Path(self.translate_path(unquote(urlsplit(self.path).path)))
        if path.is_dir():
            path = path / "index.html"
        if (path.suffix not in COMPRESSED or not path.is_file()
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def serving(site: Path) -> Iterator[str]:
    """``site`` on a loopback port, with gzip; its base URL."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                            functools.partial(GzipHandler, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


# --------------------------------------------------------------------------- Lighthouse

@dataclass
class Audit:
    """One page of one site: its best Lighthouse round, and every round's performance."""

    scores: dict[str, int] = field(default_factory=dict)
    tbt_ms: float = 0.0
    lcp_ms: float = 0.0
    failing: list[str] = field(default_factory=list)
    rounds: list[int] = field(default_factory=list)


def lighthouse(tools: Path, url: str, out: Path) -> dict[str, Any]:
    """One Lighthouse run (mobile preset) of ``url``: its JSON report."""
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    subprocess.run(["node", str(tools / LIGHTHOUSE), url, "--quiet", "--output=json",
                    f"--output-path={out}", f"--only-categories={','.join(CATEGORIES)}",
                    f"--chrome-flags={CHROME_FLAGS}"], env=env, check=True)
    return json.loads(out.read_text(encoding="utf-8"))


def keep_best(audit: Audit, report: dict[str, Any]) -> None:
    scores = {name: round(100 * (report["categories"][name]["score"] or 0)) for name in CATEGORIES}
    audit.rounds.append(scores["performance"])
    tbt = report["audits"]["total-blocking-time"]["numericValue"]
    if audit.scores and (scores["performance"], -tbt) <= (audit.scores["performance"], -audit.tbt_ms):
        return
    audit.scores, audit.tbt_ms = scores, tbt
    audit.lcp_ms = report["audits"]["largest-contentful-paint"]["numericValue"]
    audit.failing = sorted(ref["id"] for name in CATEGORIES[1:]
                           for ref in report["categories"][name]["auditRefs"]
                           if ref["weight"] and report["audits"][ref["id"]]["score"] not in (1, None))


def run_lighthouse(tools: Path, sites: dict[str, Path], pages: dict[str, str], rounds: int,
                   reports: Path) -> dict[str, dict[str, Audit]]:
    audits = {site: {page: Audit() for page in pages} for site in sites}
    with contextlib.ExitStack() as stack:
        bases = {site: stack.enter_context(serving(path)) for site, path in sites.items()}
        for number in range(rounds):
            order = list(sites) if number % 2 == 0 else list(reversed(sites))
            for page, path in pages.items():
                for site in order:
                    report = lighthouse(tools, bases[site] + path, reports / f"{site}-{page}-{number}.json")
                    keep_best(audits[site][page], report)
                    print(f"round {number + 1}: {site} {page}: performance "
                          f"{audits[site][page].rounds[-1]}", file=sys.stderr)
    return audits


# --------------------------------------------------------------------------- Nu HTML Checker

def nu_messages(tools: Path, files: list[Path]) -> dict[str, list[dict[str, Any]]]:
    """The Nu HTML Checker's errors and warnings, by file."""
    result = subprocess.run(["java", "-jar", str(tools / VNU), "--format", "json", "--exit-zero-always",
                             *map(str, files)], capture_output=True, text=True, check=True)
    found: dict[str, list[dict[str, Any]]] = {str(path): [] for path in files}
    for message in json.loads(result.stderr or result.stdout)["messages"]:
        if message["type"] == "error" or message.get("subType") == "warning":
            found[unquote(urlsplit(message["url"]).path)].append(message)
    return found


def kind(message: dict[str, Any]) -> str:
    return "warning" if message.get("subType") == "warning" else "error"


def in_content(html: str, message: dict[str, Any]) -> bool:
    """Whether the message is about markup inside the page's content (``md-content__inner``)."""
    lines = html.splitlines()
    start = next((n for n, line in enumerate(lines, 1) if "md-content__inner" in line), 0)
    main_end = next((n for n, line in enumerate(lines, 1) if "</main>" in line), len(lines))
    end = max((n for n, line in enumerate(lines, 1) if "</article>" in line and n < main_end), default=0)
    return start <= message.get("lastLine", 0) <= end


def run_nu(tools: Path, sites: dict[str, Path], pages: dict[str, str]) -> dict[str, Any]:
    files = {site: {page: path / rel / "index.html" for page, rel in pages.items()}
             for site, path in sites.items()}
    found = nu_messages(tools, [file for by_page in files.values() for file in by_page.values()])
    table: dict[str, Any] = {}
    for page in pages:
        ours = found[str(files["ours"][page])]
        plain = found[str(files["plain"][page])]
        on_plain = {(kind(m), m["message"]) for m in plain}
        html = files["ours"][page].read_text(encoding="utf-8")
        ours_own = [m for m in ours if in_content(html, m) or (kind(m), m["message"]) not in on_plain]
        row = {"ours": _count(ours_own), "material": _count([m for m in ours if m not in ours_own]),
               "plain": _count(plain),
               "ours_messages": sorted({f"{kind(m)}: {m['message']}" for m in ours_own}),
               "material_messages": sorted({f"{kind(m)}: {m['message']}" for m in ours if m not in ours_own})}
        table[page] = row
    return table


def _count(messages: list[dict[str, Any]]) -> dict[str, int]:
    return {"errors": sum(kind(m) == "error" for m in messages),
            "warnings": sum(kind(m) == "warning" for m in messages)}


# --------------------------------------------------------------------------- the report

def print_report(audits: dict[str, dict[str, Audit]] | None, nu: dict[str, Any] | None,
                 pages: dict[str, str], rounds: int) -> None:
    if audits:
        print(f"\nLighthouse 12.2.3, mobile preset, best of {rounds} alternating rounds\n")
        print("| page | site | performance (rounds) | TBT ms | LCP s | a11y | BP | SEO | not at 100 |")
        print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
        for page, path in pages.items():
            for site in audits:
                a = audits[site][page]
                print(f"| {page} (`/{path}`) | {site} | {a.scores['performance']} "
                      f"({', '.join(map(str, a.rounds))}) | {a.tbt_ms:.0f} | {a.lcp_ms / 1000:.1f} | "
                      f"{a.scores['accessibility']} | {a.scores['best-practices']} | {a.scores['seo']} | "
                      f"{', '.join(a.failing) or '–'} |")
    if nu:
        print("\nNu HTML Checker: errors / warnings per page\n")
        print("| page | ours | Material's partials, on our page | plain Material |")
        print("| --- | ---: | ---: | ---: |")
        for page, row in nu.items():
            cells = [f"{row[key]['errors']} / {row[key]['warnings']}" for key in ("ours", "material", "plain")]
            print(f"| {page} | {' | '.join(cells)} |")
        for label, key in (("ours", "ours_messages"), ("Material's", "material_messages")):
            messages = sorted({m for row in nu.values() for m in row[key]})
            print(f"\n{label}: " + ("; ".join(messages) if messages else "none"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="Lighthouse rounds per page and site")
    parser.add_argument("--pages", default=",".join(PAGES), help="of: " + ", ".join(PAGES))
    parser.add_argument("--tools", type=Path, default=REPO_ROOT / ".audit",
                        help="where npm installed lighthouse and vnu-jar")
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "benchmarks" / "out" / "audit.json")
    parser.add_argument("--no-lighthouse", action="store_true", help="only the Nu HTML Checker")
    parser.add_argument("--no-nu", action="store_true", help="only Lighthouse")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="audit-"))
    try:
        sites = build_sites(work)
        paths = page_paths(sites["ours"])
        pages = {name: paths[name] for name in args.pages.split(",")}
        reports = args.out.parent / "lighthouse"
        reports.mkdir(parents=True, exist_ok=True)
        audits = None if args.no_lighthouse else run_lighthouse(args.tools.resolve(), sites, pages,
                                                                args.rounds, reports)
        nu = None if args.no_nu else run_nu(args.tools.resolve(), sites, pages)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    args.out.write_text(json.dumps({
        "pages": pages, "rounds": args.rounds, "nu": nu,
        "lighthouse": audits and {site: {page: vars(a) for page, a in by_page.items()}
                                  for site, by_page in audits.items()}}, indent=2), encoding="utf-8")
    print_report(audits, nu, pages, args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
