"""Property-based tests (hypothesis): hostile text in every field, hostile ids.

For any string in any text field, the build either refuses it with an error located at
that field's line and column, or produces pages whose structure (every element, every
attribute, every link, footnote and list item) is exactly the template's and whose
visible text is the input (folded whitespace; for ``claim`` and ``summary`` the inline
Markdown as markdown-it itself renders it). The comparison is against a control build
whose fields hold placeholder words (tests/hostile.py). Most examples check the briefing,
plan every page and render one of them (drawn among the pages that show the field) with
the generator's own templates and Python-Markdown with the extensions of mkdocs.yml;
a few run the whole MkDocs build and compare every HTML file.

For any id, the check either refuses it where it is written or the generated files all
stay inside the output folder.

The number of examples each property ran is written to
``test-artifacts/property-examples.json`` (and shown with ``-s``).
"""

from __future__ import annotations

import functools
import json
import re
import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest
from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st

import generator.generate
from generator.check import check_project
from generator.errors import BriefingError
from generator.generate import generate, prepare, render_spec
from generator.mkdocs_adapter.build import build_site
from generator.model import ID_PATTERN
from generator.pages import plan_pages
from generator.render import make_environment
from generator.tree import write_tree
from tests.conftest import REPO, copy_project_frame
from tests.hostile import (
    FIELDS,
    Field,
    Page,
    render_markdown,
    write_project,
    yaml_quote,
)
from tests.skeleton import assert_same_page, expected_skeleton, skeleton, undo_material_logo_escape

EXAMPLES: Counter[str] = Counter()

# -- strategies ---------------------------------------------------------------------

PUNCTUATION = st.sampled_from(list("<>&\"'|[]^#*_`{}~=()!:;/\\-+.,?@$%"))
WHITESPACE = st.sampled_from(["\n", " ", "\t", "\n\n", "  \n", "\r\n"])
UNICODE = st.sampled_from([
    "\u202e", "\u202b", "\u200f", "\u2066",            # bidi overrides, marks and isolates
    "\u0301", "\u0327", "e\u0301", "\u05b8",           # combining marks
    "שלום", "مرحبا", "Пхеньян", "평양", "東京",
    "👩\u200d👩\u200d👧", "🇰🇵", "👍🏽", "\U0001f600",      # emoji, flags, modifiers, ZWJ
    "\u00a0", "\u3000", "\u200b", "\ufeff", "\u00ad",  # odd spaces and invisibles
])
TOKENS = st.sampled_from([
    "<script>", "</script>", "</p>", "<img src=x onerror=alert(1)>", "<a href=javascript:x>",
    "{: .x #y onclick=z}", "{ #id }", "[^1]", "[^1]: note", '--8<-- "/etc/passwd"', "# ", "## ",
    "- ", "* ", "1. ", "> ", "| a | b |", "|---|", "***", "___", "```", "~~~", "    ", "<!--", "-->",
    "&amp;", "&#x3C;", "&lt;", "](", "[x](https://example.org/a_(b))", "<https://example.org/x>",
    "[x](javascript:alert(1))", "[y](http:x)", "![i](https://example.org/i.png)", "\\", "==", "~~",
    "^^", ":smile:", "!!! note", "*a*", "**b**", "`c`", "_d_", "<b>", "{{ x }}", "{% raw %}", "${x}",
])
TEXT = st.lists(st.one_of(PUNCTUATION, WHITESPACE, UNICODE, TOKENS, st.characters(), st.text(max_size=3)),
                max_size=25).map("".join)

# Text that no check refuses on sight (one line, no control characters, not blank), for the
# full builds where one refused field would stop all of them.
_SAFE_CHAR = st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"),
                           blacklist_characters="\ufffe\uffff")
_SAFE_TOKENS = TOKENS.filter(lambda t: "javascript" not in t and "http:x" not in t)
BUILDABLE = st.lists(st.one_of(PUNCTUATION, UNICODE, _SAFE_TOKENS, _SAFE_CHAR), min_size=1,
                     max_size=12).map("".join).filter(lambda t: t.strip())
BUILDABLE_MULTILINE = st.lists(st.one_of(PUNCTUATION, UNICODE, _SAFE_TOKENS, _SAFE_CHAR,
                                         WHITESPACE.filter(lambda w: "\r" not in w)),
                               min_size=1, max_size=16).map("".join).filter(lambda t: t.strip())


def buildable(field: Field) -> st.SearchStrategy[str]:
    return BUILDABLE if field.one_line else BUILDABLE_MULTILINE


# -- the project the properties write into ------------------------------------------

class Frame(NamedTuple):
    """The project the properties write into and the control rendering of its placeholders."""

    root: Path
    control: dict[str, Page]

    def __repr__(self) -> str:
        return f"Frame({self.root})"

    def pages_showing(self, *names: str) -> list[str]:
        """The pages whose control rendering shows one of the fields (every page when none does)."""
        placeholders = [FIELDS[name].placeholder for name in names]
        showing = [uri for uri, page in self.control.items() if any(p in page.markdown for p in placeholders)]
        return showing or sorted(self.control)

    def render_page(self, uri: str) -> Page:
        """Check the project, plan every page (the plan must hold the control's pages) and
        render the one at ``uri``, as ``generate`` does; raises BriefingError as it does."""
        inputs = prepare(self.root)
        specs = {spec.uri: spec for spec in plan_pages(inputs.briefing, inputs.settings, inputs.urls,
                                                       inputs.revisions)}
        assert specs.keys() == self.control.keys()
        return render_markdown(render_spec(inputs.env, specs[uri]).decode("utf-8"))


@pytest.fixture(scope="module")
def frame(tmp_path_factory: pytest.TempPathFactory, placeholder_pages: dict[str, Page]) -> Iterator[Frame]:
    """A project (templates, mkdocs.yml) and the control rendering of its placeholders."""
    root = copy_project_frame(tmp_path_factory.mktemp("properties") / "project")
    write_project(root)
    with pytest.MonkeyPatch.context() as patch:
        # the templates never change here: each generation takes the environment that compiled
        # them first (``prepare`` sets its globals anew), not a new one that compiles them again
        patch.setattr(generator.generate, "make_environment", functools.cache(make_environment))
        yield Frame(root, placeholder_pages)
    _report()


def _report() -> None:
    out = REPO / "test-artifacts"
    out.mkdir(exist_ok=True)
    (out / "property-examples.json").write_text(json.dumps(EXAMPLES, indent=2, sort_keys=True) + "\n")
    print("\nproperty examples run:", dict(sorted(EXAMPLES.items())))


def assert_refused_where_written(exc: BriefingError, where: tuple[str, int, int]) -> None:
    errors = [p for p in exc.problems if p.is_error]
    assert errors
    for problem in errors:
        assert (problem.path, problem.line, problem.column) == where, problem.format()
        assert problem.message and problem.hint, problem.format()


def assert_page_matches(uri: str, page: Page, control: dict[str, Page],
                        replacements: dict[str, tuple[Field, str]]) -> None:
    assert page.meta.keys() == control[uri].meta.keys(), (uri, page.markdown[:300])
    assert_same_page(skeleton(page.html), expected_skeleton(control[uri].html, replacements), uri)


# -- text fields, through the generator's core ----------------------------------------

@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(sorted(FIELDS)), text=TEXT, data=st.data())
def test_any_text_is_refused_where_written_or_shown_exactly(frame: Frame, name: str, text: str,
                                                           data: st.DataObject) -> None:
    field = FIELDS[name]
    assume("Zq" not in text)
    uri = data.draw(st.sampled_from(frame.pages_showing(name)), label="page")
    where = write_project(frame.root, {name: text})
    try:
        page = frame.render_page(uri)
    except BriefingError as exc:
        EXAMPLES["text fields: refused"] += 1
        assert_refused_where_written(exc, where[name])
        return
    EXAMPLES["text fields: shown"] += 1
    assert_page_matches(uri, page, frame.control, {field.placeholder: (field, text)})


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.fixed_dictionaries({name: buildable(field) for name, field in sorted(FIELDS.items())}),
       data=st.data())
def test_hostile_text_in_every_field_at_once(frame: Frame, texts: dict[str, str], data: st.DataObject) -> None:
    assume(not any("Zq" in t for t in texts.values()))
    texts["entity.name"] = "Name " + texts["entity.name"]     # so claims do not mention it (an
    texts["entity.alias"] = "Alias " + texts["entity.alias"]  # entity's first mention is a link)
    uri = data.draw(st.sampled_from(sorted(frame.control)), label="page")
    where = write_project(frame.root, texts)
    try:
        page = frame.render_page(uri)
    except BriefingError as exc:
        EXAMPLES["all fields: refused"] += 1
        written = {w for n, w in where.items() if n in FIELDS}
        assert all((p.path, p.line, p.column) in written for p in exc.problems if p.is_error)
        return
    EXAMPLES["all fields: shown"] += 1
    assert_page_matches(uri, page, frame.control, {FIELDS[n].placeholder: (FIELDS[n], t) for n, t in texts.items()})


# -- a few whole MkDocs builds --------------------------------------------------------

@pytest.fixture(scope="module")
def control_site(placeholder_site: Path) -> dict[str, str]:
    return {p.relative_to(placeholder_site).as_posix(): p.read_text() for p in sorted(placeholder_site.rglob("*.html"))}


@pytest.mark.slow
@settings(max_examples=3, deadline=None, suppress_health_check=list(HealthCheck),
          phases=[Phase.explicit, Phase.reuse, Phase.generate])  # no shrinking: each build takes a second
@given(texts=st.fixed_dictionaries({name: buildable(field) for name, field in sorted(FIELDS.items())}))
def test_whole_builds_show_any_text_exactly(control_site, tmp_path_factory, texts: dict[str, str]) -> None:
    assume(not any("Zq" in t for t in texts.values()))
    texts["entity.name"] = "Name " + texts["entity.name"]
    texts["entity.alias"] = "Alias " + texts["entity.alias"]
    base = tmp_path_factory.mktemp("hostile-site")
    root = copy_project_frame(base / "project")
    write_project(root, texts)
    if check_project(root).errors:  # e.g. a link that is not http(s): refused, as the other tests show
        EXAMPLES["whole builds: refused"] += 1
        return
    site = build_site(root, base / "site")
    EXAMPLES["whole builds: built"] += 1
    replacements = {FIELDS[n].placeholder: (FIELDS[n], t) for n, t in texts.items()}
    built = {p.relative_to(site).as_posix(): p.read_text() for p in sorted(site.rglob("*.html"))}
    assert built.keys() == control_site.keys()
    for uri, html in built.items():
        expected = expected_skeleton(control_site[uri], replacements)
        assert_same_page(undo_material_logo_escape(skeleton(html)), expected, uri)
    shutil.rmtree(base, ignore_errors=True)


# -- ids and output paths -------------------------------------------------------------

ID_CHARS = st.sampled_from([*"abcxyz019-_.~/\\ ", "..", "../", "A", "Z", "\u0131", "\u212a", "é", "\x00",
                            "\n", ":", "%2e", "CON", "nul"])
IDS = st.one_of(st.from_regex(ID_PATTERN, fullmatch=True), st.lists(ID_CHARS, max_size=12).map("".join),
                st.text(max_size=10))
_ID = re.compile(ID_PATTERN)


def _stay_inside(root: Path, out: Path) -> None:
    site = generate(root)
    outside_before = sorted(p for p in out.parent.rglob("*") if not p.is_relative_to(out))
    report = write_tree(site, out)
    assert set(report.written) | set(report.unchanged) >= set(site.files)
    for uri in site.files:
        assert (out / uri).resolve().is_relative_to(out.resolve()), uri
    outside_after = sorted(p for p in out.parent.rglob("*") if not p.is_relative_to(out))
    assert outside_after == outside_before


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kind=st.sampled_from(["topic file", "source file", "fact id", "entity key"]), new_id=IDS)
def test_any_id_is_refused_where_written_or_stays_inside_the_output(frame: Frame, kind: str, new_id: str) -> None:
    root = frame.root
    write_project(root)
    out = root.parent / "out"
    shutil.rmtree(out, ignore_errors=True)
    briefings = root / "briefings"
    assume(new_id not in ("f-two", "e-one"))  # clashes: refused, but at the other id's line
    try:
        if kind in ("topic file", "source file"):
            assume(new_id not in ("", ".", "..") and not {"/", "\x00"} & set(new_id))
            assume(len(new_id.encode()) < 200 and new_id not in ("t-one", "s-one", "s-two"))
            folder = briefings / ("topics" if kind == "topic file" else "sources")
            old = folder / ("t-one.yml" if kind == "topic file" else "s-two.yml")
            target = folder / f"{new_id}.yml"
            assume(not target.exists())
            old.rename(target)
            if kind == "source file":  # cite the renamed source
                topic = briefings / "topics" / "t-one.yml"
                topic.write_text(topic.read_text().replace("source: s-two", f"source: {yaml_quote(new_id)}"))
            else:  # the judgment names the renamed topic
                judgments = briefings / "judgments.yml"
                judgments.write_text(judgments.read_text().replace("[t-one]", f"[{yaml_quote(new_id)}]"))
            expected = (f"briefings/{folder.name}/{new_id}.yml", 1, 1)
        elif kind == "fact id":
            topic = briefings / "topics" / "t-one.yml"
            topic.write_text(topic.read_text().replace("id: f-one", f"id: {yaml_quote(new_id)}"))
            judgments = briefings / "judgments.yml"  # the judgment rests on the renamed fact
            judgments.write_text(judgments.read_text().replace("[f-one]", f"[{yaml_quote(new_id)}]"))
            expected = ("briefings/topics/t-one.yml", 4, 9)
        else:
            entities = briefings / "entities.yml"
            entities.write_text(entities.read_text().replace("e-two:", f"{yaml_quote(new_id)}:"))
            for topic in (briefings / "topics").glob("*.yml"):
                topic.write_text(topic.read_text().replace("[e-two]", f"[{yaml_quote(new_id)}]"))
            expected = ("briefings/entities.yml", 7, 1)
        result = check_project(root)
        if _ID.fullmatch(new_id):
            EXAMPLES["ids: accepted"] += 1
            assert not result.errors, [p.format() for p in result.errors]
            _stay_inside(root, out)
        else:
            EXAMPLES["ids: refused"] += 1
            assert result.errors
            assert any((p.path, p.line, p.column) == expected for p in result.errors), \
                [p.format() for p in result.errors]
            with pytest.raises(BriefingError):
                generate(root)
    finally:
        for stray in [*(briefings / "topics").glob("*.yml"), *(briefings / "sources").glob("*.yml")]:
            stray.unlink()
