"""Fuzz harness (atheris): bytes -> load -> check -> render, the whole pipeline under attack.

Each input changes one thing in a small, valid project, chosen by its first byte: either
a whole file (``TARGETS``: the rest of the input is that file's bytes) or one text field
(``FIELDS``: the rest, as UTF-8, becomes that field's value). The harness loads the file
(``load_bytes``), writes it into a temporary project, runs the real check, and when the
check passes renders every page (``generate``) and turns the topic page into HTML with
the site's Markdown extensions; it also verifies quotes against an archive holding the
input's bytes, and checks that page's HTML for markup the templates never write. Only the
project's own errors (``BriefingError``, ``YamlProblem``) may escape a stage: anything
else (a traceback a contributor would see) is a crash, and libFuzzer saves the input.

Run it (bounded in time and memory; crash inputs land in fuzz/crashes/):

    make fuzz                      # 60 s; FUZZ_SECONDS=600 make fuzz for longer
    .venv/bin/python fuzz/fuzz_pipeline.py -max_total_time=60 -rss_limit_mb=2048 \\
        -artifact_prefix=fuzz/crashes/ <work-corpus-dir> fuzz/corpus

``run(data)`` is importable without atheris: tests/test_fuzz_regressions.py replays every
saved crash and seed through it.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import shutil
import sys
import tempfile
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
MINIMAL = REPO / "tests" / "cases" / "minimal" / "briefings"

#: file mode (first byte mod 16 is 0-3): the file of the project the rest of the input replaces
TARGETS = (
    "briefings/topics/shipment.yml",
    "briefings/sources/alpha-report.yml",
    "briefings/entities.yml",
    "site_config.yml",
)
#: text mode (first byte mod 16 is 4-15): the text field the rest of the input (as UTF-8) goes
#: into, written as a YAML double-quoted scalar, so that most inputs pass the check and
#: reach rendering. Each field is named by its file and the scalar it replaces there.
FIELDS = (
    ("briefings/topics/shipment.yml", '"Alpha sent goats to *Beta*, the sources say."'),  # summary
    ("briefings/topics/shipment.yml", '"Alpha shipped goats to Beta; the sources give different counts."'),
    ("briefings/topics/shipment.yml", '"The shipment"'),  # title
    ("briefings/topics/shipment.yml", '"paragraph 2"'),  # locator
    ("briefings/topics/shipment.yml", '"a live shipment of 447 goats"'),  # quote
    ("briefings/topics/shipment.yml", '"nearly 450"'),  # value
    ("briefings/sources/alpha-report.yml", '"Alpha report on the shipment"'),  # title
    ("briefings/sources/alpha-report.yml", '"Alpha News"'),  # outlet
    ("briefings/sources/alpha-report.yml", '"A. Writer"'),  # author
    ("briefings/entities.yml", '"Alpha"'),  # name
    ("briefings/entities.yml", '"A country that ships goats"'),  # description
    ("site_config.yml", '"Fuzz briefing"'),  # title
)
SITE_CONFIG = b'title: "Fuzz briefing"\ndescription: "Bytes in, pages out."\n'

_project: Path | None = None
_originals: dict[str, bytes] = {}


def _setup() -> Path:
    """A temporary copy of the minimal project (templates, settings, briefings), made once."""
    global _project
    if _project is None:
        root = Path(tempfile.mkdtemp(prefix="briefing-fuzz-"))
        atexit.register(shutil.rmtree, root, True)
        shutil.copytree(REPO / "templates", root / "templates")
        shutil.copytree(MINIMAL, root / "briefings")
        (root / "site_config.yml").write_bytes(SITE_CONFIG)
        (root / "archive").mkdir()
        for rel in TARGETS:
            _originals[rel] = (root / rel).read_bytes()
        _project = root
    return _project


@lru_cache(maxsize=1)
def _markdown() -> Any:
    import markdown

    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    from tests.hostile import markdown_settings  # the extensions of mkdocs.yml, read once

    names, settings = markdown_settings()
    return markdown.Markdown(extensions=names, extension_configs=settings)


def _yaml_quote(text: str) -> str:
    """Any text as a YAML double-quoted scalar that loads back to exactly that text."""
    out = ['"']
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif char.isprintable() and code not in (0x85, 0xFEFF, 0xFFFE, 0xFFFF):
            out.append(char)
        else:
            out.append(f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
    return "".join(out) + '"'


class _Markup(HTMLParser):
    """Collects what no page may hold: scripts (but the one JSON-LD block a topic page has, which
    must hold JSON), event handlers, and ``markdown`` attributes (left behind when
    Python-Markdown failed to parse one of the template's blocks)."""

    def __init__(self) -> None:
        super().__init__()
        self.bad: list[str] = []
        self.jsonld: list[str] = []
        self.in_jsonld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = [name for name, _ in attrs]
        if tag == "script" and attrs == [("type", "application/ld+json")] and not self.jsonld:
            self.in_jsonld = True
            self.jsonld.append("")
        elif tag in ("script", "img", "iframe", "object", "embed") or "markdown" in names or any(
                name.startswith("on") for name in names):
            self.bad.append(self.get_starttag_text() or tag)

    def handle_data(self, data: str) -> None:
        if self.in_jsonld:
            self.jsonld[-1] += data

    def handle_endtag(self, tag: str) -> None:
        self.in_jsonld = False


def _check_html(html: str, uri: str) -> None:
    markup = _Markup()
    markup.feed(html)
    markup.close()
    assert not markup.bad, f"{uri}: markup the templates did not write: {markup.bad}"
    for block in markup.jsonld:
        assert isinstance(json.loads(block), dict), f"{uri}: the JSON-LD block is not a JSON object"


def run(data: bytes) -> None:
    """One input through the pipeline; raises only when the pipeline misbehaves."""
    from generator.check import check_project
    from generator.errors import BriefingError
    from generator.generate import generate
    from generator.load import YamlProblem, load_bytes
    from generator.quotes import check_archive

    if not data:
        return
    root = _setup()
    mode = data[0] % 16
    if mode < len(TARGETS):
        target, content = TARGETS[mode], data[1:]
    else:
        target, scalar = FIELDS[(mode - len(TARGETS)) % len(FIELDS)]
        text = _yaml_quote(data[1:].decode("utf-8", errors="replace"))
        content = _originals[target].replace(scalar.encode(), text.encode())
    try:
        load_bytes(content, root / target, target)
    except YamlProblem as exc:
        assert exc.problem.line >= 1 and exc.problem.column >= 1, exc.problem
    try:
        (root / target).write_bytes(content)
        (root / "archive" / "alpha-report.txt").write_bytes(data[1:])
        try:
            result = check_project(root)
        except BriefingError:  # site_config.yml itself is invalid
            return
        for problem in result.problems:
            assert problem.line >= 1 and problem.column >= 1 and problem.message, problem
        if result.errors or result.briefing is None:
            return
        check_archive(result.briefing, result.topic_files, root / "archive")
        site = generate(root)
        for uri, page in site.files.items():
            if uri.startswith("topics/") and uri.endswith(".md"):
                from mkdocs.utils.meta import get_data

                body, meta = get_data(page.decode("utf-8"))
                assert isinstance(meta, dict) and "description" in meta, uri  # front matter intact
                _check_html(_markdown().reset().convert(body), uri)
    finally:
        (root / target).write_bytes(_originals[target])


def one_input(data: bytes) -> None:
    """``run``, where the project's own errors (a refusal, not a crash) are fine."""
    from generator.errors import BriefingError
    from generator.load import YamlProblem

    with contextlib.suppress(BriefingError, YamlProblem):
        run(data)


def main() -> None:
    import atheris

    with atheris.instrument_imports(include=["generator", "markdown_it", "yaml", "pydantic", "jinja2"]):
        import generator.check
        import generator.generate
        import generator.load
        import generator.quotes

    # Jinja compiles every template on each `generate` (a fresh environment per build): nine
    # tenths of an input's time. Under the fuzzer only, keep one environment per templates
    # folder so the time goes to the generator's own code (Jinja still reloads changed files).
    generator.generate.make_environment = lru_cache(maxsize=4)(generator.generate.make_environment)
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
