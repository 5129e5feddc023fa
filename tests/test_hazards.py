"""Every row of ../shared/hazards.md, fed through the real check and a real MkDocs build.

Each hostile input either is refused with its exact ``path:line:column: error: message``,
or is shown literally: the built HTML is parsed and compared, element by element and
attribute by attribute, with a control build of the same project whose fields hold
plain placeholder words (see tests/hostile.py), so no element, attribute or link can
appear that the templates did not put there, and every field shows its text as written.

Rows of "Nothing lost" are tested in test_nothing_lost.py, and the pinned-releases
requirement in test_advisories.py; every other row is here, one test (or one
parametrized test) per row, in the order of the hazards file.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.check import check_project
from generator.errors import BriefingError
from generator.inline import plain_text
from generator.mkdocs_adapter.build import build_site, quiet_mkdocs_logging
from generator.tree import inside
from tests.conftest import REPO, copy_project_frame, search_records
from tests.hostile import (
    FIELDS,
    Page,
    render_site,
    write_project,
)
from tests.skeleton import assert_same_page, expected_skeleton, skeleton, undo_material_logo_escape

pytestmark = pytest.mark.slow


# -- builds shared by the module ------------------------------------------------------

@dataclass
class Built:
    root: Path
    site: Path

    def pages(self) -> dict[str, str]:
        return {p.relative_to(self.site).as_posix(): p.read_text(encoding="utf-8")
                for p in sorted(self.site.rglob("*.html"))}

    def search_records(self) -> dict[str, dict]:
        return {record["url"]: record for record in search_records(self.site)}


class Builds:
    """The control build (the session's build of the placeholders) and one hostile build per
    input, made on first use."""

    def __init__(self, base: Path, control: Path) -> None:
        self.base = base
        self.made: dict[str, Built] = {"control": Built(control.parent / "project", control)}
        quiet_mkdocs_logging()

    def get(self, name: str, overrides: dict[str, str]) -> Built:
        if name not in self.made:
            root = copy_project_frame(self.base / name)
            write_project(root, overrides)
            result = check_project(root)
            assert not result.errors, "\n".join(p.format() for p in result.errors)
            site = build_site(root, self.base / f"{name}-site")
            self.made[name] = Built(root, site)
        return self.made[name]


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory, placeholder_site: Path) -> Builds:
    return Builds(tmp_path_factory.mktemp("hazards"), placeholder_site)


def one_line(text: str) -> str:
    return " ".join(text.split("\n"))


def everywhere(text: str) -> dict[str, str]:
    """The text in every field (with newlines as spaces in the one-line fields). The
    entity's name and alias get a word of their own, so that the claim does not mention
    the entity (the first mention of an entity in a claim becomes a link to its page)."""
    values = {name: one_line(text) if field.one_line else text for name, field in FIELDS.items()}
    values["entity.name"] = "Name " + values["entity.name"]
    values["entity.alias"] = "Alias " + values["entity.alias"]
    return values


def assert_shown_literally(builds: Builds, name: str, text: str) -> None:
    """The hostile build equals the control build with every placeholder replaced by its
    field's text: same elements, same attributes, same links; the text as written."""
    control = builds.get("control", {})
    hostile = builds.get(name, everywhere(text))
    values = everywhere(text)
    replacements = {field.placeholder: (field, values[n]) for n, field in FIELDS.items()}
    control_pages, hostile_pages = control.pages(), hostile.pages()
    assert control_pages.keys() == hostile_pages.keys()
    for uri, page in hostile_pages.items():
        expected = expected_skeleton(control_pages[uri], replacements)
        assert_same_page(undo_material_logo_escape(skeleton(page)), expected, uri)
    assert_search_index_is_text(control, hostile, values["fact.claim"])


def assert_search_index_is_text(control: Built, hostile: Built, claim: str) -> None:
    """The search bundle holds the same records in both builds, and a fact's record holds
    its claim as the words a reader sees, not as HTML: the search dialog escapes whatever
    it shows (``test_browser.py`` searches a hostile site and reads the result)."""
    control_records, hostile_records = control.search_records(), hostile.search_records()
    assert control_records.keys() == hostile_records.keys()
    placeholder = FIELDS["fact.claim"].placeholder
    url = next(url for url, record in control_records.items()
               if "#" in url and record["content"].startswith(placeholder))
    assert hostile_records[url]["content"].startswith(plain_text(claim))


# -- Injection: YAML text -> Markdown -> HTML -------------------------------------------

RAW_HTML = "<img src=x onerror=alert(1)> <script>alert(1)</script> <a href='javascript:x'>y</a> </title>"


def test_raw_html_and_script_are_shown_literally(builds: Builds) -> None:
    assert_shown_literally(builds, "raw-html", RAW_HTML)
    page = builds.get("raw-html", {}).site / "topics" / "t-one" / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    assert soup.find("img") is None
    assert all(not any(a.startswith("on") for a in tag.attrs) for tag in soup.find_all(True))
    assert soup.h1 is not None and soup.h1.get_text().removesuffix("¶") == RAW_HTML


@pytest.mark.parametrize("text", ["<<<D", "x <D", "<div ", "</article>", "<section markdown>", "<!-- x",
                                  "<p", "a <b c=\"", "<?php", "<![CDATA[ x"])
def test_an_angle_bracket_in_any_field_never_opens_a_tag_for_the_html_block_parser(
        tmp_path: Path, placeholder_pages: dict[str, Page], text: str) -> None:
    """Regression (found by test_properties): md_in_html's raw-HTML parser ignores backslash
    escapes, so a claim `<<<D` (written `\\<\\<\\<D`) opened a tag that swallowed the next
    `<div class="bf-disagree" markdown>`: the box lost its structure, `markdown` leaked."""
    control = placeholder_pages
    root = copy_project_frame(tmp_path / "hostile")
    values = everywhere(text)
    write_project(root, values)
    replacements = {field.placeholder: (field, values[n]) for n, field in FIELDS.items()}
    for uri, page in render_site(root).items():
        assert_same_page(skeleton(page.html), expected_skeleton(control[uri].html, replacements), uri)


UNSAFE_LINKS = ["javascript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox(1)",
                "file:///etc/passwd", "JaVaScRiPt:alert(1)", "/relative/path", "//evil.example/x"]


@pytest.mark.parametrize("href", UNSAFE_LINKS)
@pytest.mark.parametrize("name", ["fact.claim", "topic.summary"])
def test_links_other_than_http_are_refused_at_check_time(tmp_path: Path, name: str, href: str) -> None:
    root = copy_project_frame(tmp_path / "p")
    where = write_project(root, {name: f"See [click]({href}) and <{href}>"})
    path, line, column = where[name]
    problems = [p.format() for p in check_project(root).errors]
    assert problems == [f"{path}:{line}:{column}: error: link target {href!r} is not an absolute "
                        "http/https URL\n    hint: only absolute http:// or https:// links are allowed"]
    with pytest.raises(BriefingError):
        render_site(root)


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "ftp://x.org/a"])
def test_source_urls_other_than_http_are_refused(make_project, url: str) -> None:
    source = f'title: "T"\npublished: "2024"\nurl: "{url}"\n'
    root = make_project({"briefings/sources/beta-report.yml": source})
    assert [p.format() for p in check_project(root).errors] == [
        f"briefings/sources/beta-report.yml:3:6: error: {url!r} is not an absolute http/https URL\n"
        "    hint: only absolute http:// or https:// links are allowed"]


def test_attribute_lists_are_shown_literally_and_add_no_attribute(builds: Builds) -> None:
    assert_shown_literally(builds, "attr-list", 'text {: onclick="alert(1)" } and {: #evil .bf-badge }')


STRUCTURE = ('# Fake heading\n\n- injected list\n\na | b\n--|--\nc | d\n\n[^1] and [^1]: a footnote\n\n'
             '--8<-- "/etc/passwd"\n\n!!! note\n    admonition\n\n<div markdown>x</div>')


def test_markdown_structure_is_shown_literally_and_the_page_structure_is_unchanged(builds: Builds) -> None:
    assert_shown_literally(builds, "structure", STRUCTURE)
    soup = BeautifulSoup((builds.get("structure", {}).site / "topics/t-one/index.html").read_text(),
                         "html.parser")
    article = soup.select_one("article.md-content__inner")
    assert article is not None
    # the page's own headings only: its title, the judgment that opens it, "Facts" with a heading
    # per fact (the fact's status line), "Notes"
    headings = [(h.name, h.get("id")) for h in article.find_all(re.compile("^h[1-6]$"))]
    assert [name for name, _ in headings] == ["h1", "h2", "h3", "h2", "h3", "h3", "h3", "h2"]
    assert [heading_id for _, heading_id in headings[3:]] == [
        "facts_list", "f-one_head", "f-two_head", "f-three_head", "notes_list"]
    assert article.find("table") is None
    assert "root:" not in soup.get_text()  # no snippet of /etc/passwd
    assert [li.get("id") for li in article.select(".footnote li")] == ["fn:f-one-1", "fn:f-one-2", "fn:f-one-3",
                                                                        "fn:f-two-1", "fn:f-two-2"]


@pytest.mark.parametrize("name", [n for n, f in FIELDS.items() if f.one_line])
def test_a_newline_in_a_one_line_field_is_refused_at_its_line(tmp_path: Path, name: str) -> None:
    root = copy_project_frame(tmp_path / "p")
    where = write_project(root, {name: "first line\nsecond line"})
    path, line, column = where[name]
    if path == "site_config.yml":
        with pytest.raises(BriefingError) as caught:
            check_project(root)
        problems = [p.format() for p in caught.value.problems]
    else:
        problems = [p.format() for p in check_project(root).errors]
    assert problems == [f"{path}:{line}:{column}: error: a newline is not allowed in a one-line field\n"
                        "    hint: keep this field on one line"]


# -- YAML -----------------------------------------------------------------------------

def errors_of(root: Path) -> list[str]:
    return [p.format() for p in check_project(root).errors]


def test_python_tags_are_refused_and_never_run(make_project, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    entities = f'alpha-country: !!python/object/apply:os.system ["touch {marker}"]\n'
    root = make_project({"briefings/entities.yml": entities})
    assert errors_of(root) == [
        "briefings/entities.yml:1:16: error: YAML tags are not allowed "
        "(tag:yaml.org,2002:python/object/apply:os.system)\n"
        "    hint: remove the tag; quote the value if it must be text"]
    assert not marker.exists()


def test_anchors_and_aliases_are_refused_at_their_line(make_project) -> None:
    laughs = 'title: "T"\npublished: "2024"\nlol: &x ["lol", "lol"]\nlol2: [*x, *x, *x]\n'
    root = make_project({"briefings/sources/beta-report.yml": laughs})
    assert errors_of(root) == ["briefings/sources/beta-report.yml:3:6: error: YAML anchors are not allowed "
                               "(&x)\n    hint: remove the anchor; write each value out in full"]
    alias_only = 'title: "T"\npublished: "2024"\nauthor: *y\n'
    root = make_project({"briefings/sources/beta-report.yml": alias_only})
    assert errors_of(root) == ["briefings/sources/beta-report.yml:3:9: error: YAML aliases are not "
                               "allowed (*y)\n    hint: write the value out in full instead of referring to "
                               "an anchor"]


def test_a_duplicate_key_is_refused_naming_the_first(make_project) -> None:
    topic = (REPO / "tests/cases/minimal/briefings/topics/shipment.yml").read_text()
    topic = topic.replace('    date: "2024-08"\n', '    date: "2024-08"\n    claim: "A second claim."\n')
    root = make_project({"briefings/topics/shipment.yml": topic})
    assert errors_of(root) == ["briefings/topics/shipment.yml:8:5: error: duplicate key 'claim' "
                               "(first at line 6)\n"
                               "    hint: keep one of the two; YAML would silently use the last"]


@pytest.mark.parametrize("field, raw, what, line, column", [
    ("outlet", "NO", "a boolean", 2, 9),
    ("title", "yes", "a boolean", 1, 8),
    ("author", "010", "a number", 3, 9),
])
def test_yaml_1_1_scalars_are_refused_where_text_is_expected(make_project, field: str, raw: str, what: str,
                                                             line: int, column: int) -> None:
    values = {"title": '"T"', "outlet": '"O"', "author": '"A"', "published_note": '"N"'} | {field: raw}
    source = "".join(f"{k}: {v}\n" for k, v in values.items()) + 'published: "2024"\n'
    root = make_project({"briefings/sources/beta-report.yml": source})
    problems = errors_of(root)
    assert problems[0].startswith(f"briefings/sources/beta-report.yml:{line}:{column}: error: expected text, "
                                  f"but YAML reads {raw!r} as {what}")
    assert len(problems) == 1


def test_a_title_of_tilde_is_refused_as_no_value(make_project) -> None:
    root = make_project({"briefings/sources/beta-report.yml": 'title: ~\npublished: "2024"\n'})
    assert errors_of(root) == ["briefings/sources/beta-report.yml:1:8: error: `title` has no value (YAML reads "
                               "'~' as null)\n    hint: write its value, or remove the field"]


def test_locator_010_is_refused(make_project) -> None:
    topic = (REPO / "tests/cases/minimal/briefings/topics/shipment.yml").read_text()
    root = make_project({"briefings/topics/shipment.yml": topic.replace('"paragraph 2"', "010")})
    assert errors_of(root) == ["briefings/topics/shipment.yml:13:18: error: expected text, but YAML reads "
                               "'010' as a number\n    hint: put it in quotes: '010'"]


@pytest.mark.parametrize("line_text, expected", [
    ("date: 2024-13-45", "7:11: error: '2024-13-45' is not a real date (month must be in 1..12)"),
    ("date: 2024-02-30", "7:11: error: '2024-02-30' is not a real date (day is out of range for month)"),
    ("date: someday", "7:11: error: 'someday' is not a date: write YYYY-MM-DD, YYYY-MM or YYYY"),
    ("date: 24-08-01", "7:11: error: '24-08-01' is not a date: write YYYY-MM-DD, YYYY-MM or YYYY"),
])
def test_impossible_dates_are_refused_at_their_line(make_project, line_text: str, expected: str) -> None:
    topic = (REPO / "tests/cases/minimal/briefings/topics/shipment.yml").read_text()
    root = make_project({"briefings/topics/shipment.yml": topic.replace('date: "2024-08"', line_text)})
    assert errors_of(root) == [f"briefings/topics/shipment.yml:{expected}\n"
                               "    hint: write YYYY-MM-DD, YYYY-MM or YYYY, only as precise as known"]


def test_published_someday_is_refused(make_project) -> None:
    root = make_project({"briefings/sources/beta-report.yml": 'title: "T"\npublished: someday\n'})
    assert errors_of(root) == ["briefings/sources/beta-report.yml:2:12: error: 'someday' is not a date: "
                               "write YYYY-MM-DD, YYYY-MM or YYYY\n"
                               "    hint: write YYYY-MM-DD, YYYY-MM or YYYY, only as precise as known"]


def test_a_file_over_one_mebibyte_is_refused(make_project) -> None:
    big = 'title: "T"\npublished: "2024"\nauthor: "' + "a" * (1 << 20) + '"\n'
    root = make_project({"briefings/sources/beta-report.yml": big})
    size = len(big.encode())
    assert errors_of(root) == [f"briefings/sources/beta-report.yml:1:1: error: file is {size} bytes, "
                               "over the 1 MiB limit\n    hint: split the file, or move long text out of it"]


def test_a_file_that_is_not_utf8_is_refused_at_the_byte(make_project) -> None:
    latin1 = 'title: "T"\npublished: "2024"\nauthor: "Jos\u00e9"\n'.encode("latin-1")
    root = make_project({"briefings/sources/beta-report.yml": latin1})
    assert errors_of(root) == ["briefings/sources/beta-report.yml:3:13: error: file is not valid UTF-8 "
                               "(byte 0xe9)\n    hint: save the file as UTF-8"]


def test_a_tab_indented_file_is_refused_at_the_tab(make_project) -> None:
    entities = 'alpha-country:\n\tname: "Alpha"\n\tkind: country\n'
    root = make_project({"briefings/entities.yml": entities})
    problems = errors_of(root)
    assert len(problems) == 1
    assert re.fullmatch(r"briefings/entities\.yml:2:1: error: YAML syntax: .*\n"
                        r"    hint: indent with spaces, not tabs", problems[0]), problems[0]


def test_an_unknown_field_is_refused_naming_the_nearest_known_field(make_project) -> None:
    topic = (REPO / "tests/cases/minimal/briefings/topics/shipment.yml").read_text()
    typo = topic.replace("    cites:\n      - source: alpha-report\n        locator",
                         "    cite:\n      - source: alpha-report\n        locator", 1)
    root = make_project({"briefings/topics/shipment.yml": typo})
    problems = errors_of(root)
    assert ("briefings/topics/shipment.yml:11:5: error: unknown field 'cite'\n"
            "    hint: did you mean 'cites'? known fields: attributed_to, cites, claim, corrections, date, "
            "date_note, denied_by, difference, entities, id, reconciliation, retired, status, tags") in problems
    assert len(problems) == 2
    assert "briefings/topics/shipment.yml:5:5: error: missing required field 'cites'\n" \
           "    hint: add `cites:` here" in problems


def test_a_refused_file_is_reported_once_not_again_at_every_reference(make_project) -> None:
    """Regression: an invalid source or entities file made every citation of it an
    "unknown source/entity" error too (with a misleading "did you mean")."""
    root = make_project({"briefings/sources/alpha-report.yml": 'title: "T"\npublished: someday\n',
                         "briefings/entities.yml": "alpha-country: &a\n  name: A\n"})
    assert sorted(p.split("\n")[0] for p in errors_of(root)) == [
        "briefings/entities.yml:1:16: error: YAML anchors are not allowed (&a)",
        "briefings/sources/alpha-report.yml:2:12: error: 'someday' is not a date: write YYYY-MM-DD, YYYY-MM "
        "or YYYY"]


# -- Paths and ids -------------------------------------------------------------------

@pytest.mark.parametrize("bad", ["../../.github/workflows/x", "/etc/passwd", "CON", "Foo", "a" * 81, "-x",
                                 "x.md", "x y", "caf\u00e9", ""])
def test_ids_that_could_escape_or_clash_are_refused(make_project, bad: str) -> None:
    topic = (REPO / "tests/cases/minimal/briefings/topics/shipment.yml").read_text()
    quoted = json.dumps(bad)
    root = make_project({"briefings/topics/shipment.yml": topic.replace("id: goat-count", f"id: {quoted}")})
    assert errors_of(root) == [f"briefings/topics/shipment.yml:5:9: error: {bad!r} is not a valid id\n"
                               "    hint: ids use lowercase letters, digits and hyphens, start with a letter "
                               "or digit, at most 80"]
    root = make_project({"briefings/topics/shipment.yml": topic.replace("source: beta-report",
                                                                         f"source: {quoted}")})
    assert errors_of(root)[0].startswith(f"briefings/topics/shipment.yml:16:17: error: {bad!r} is not a "
                                         "valid id")
    entities = f'{quoted}:\n  name: "X"\n  kind: place\n'
    root = make_project({"briefings/entities.yml": entities})
    assert any(p.startswith("briefings/entities.yml:1:1: error:") for p in errors_of(root))


def test_file_names_are_ids_and_unique_regardless_of_case(make_project) -> None:
    source = 'title: "T"\npublished: "2024"\n'
    root = make_project({"briefings/sources/Foo.yml": source, "briefings/sources/foo.yml": source,
                         "briefings/topics/CON.yml": source})
    problems = errors_of(root)
    assert "briefings/sources/Foo.yml:1:1: error: 'Foo' is not a valid id (the file name is the id)\n" \
           "    hint: use lowercase letters, digits and hyphens, at most 80 characters" in problems
    assert any(p.startswith("briefings/topics/CON.yml:1:1: error: 'CON' is not a valid id") for p in problems)


def test_fact_ids_are_unique_across_topics(make_project) -> None:
    topic = (REPO / "tests/cases/minimal/briefings/topics/shipment.yml").read_text()
    root = make_project({"briefings/topics/second.yml": topic})
    problems = errors_of(root)  # second.yml is the file edited last: its fact is the new one
    assert problems[0].startswith("briefings/topics/second.yml:5:9: error: fact id 'goat-count' is already "
                                  "used (at briefings/topics/shipment.yml:5)")


def test_output_paths_are_checked_with_resolve_and_is_relative_to(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (tmp_path / "out-evil").mkdir()  # a sibling whose name starts with the root's: str.startswith would pass
    assert inside(out, "topics/a.md") == (out / "topics" / "a.md").resolve()
    for escaping in ["../out-evil/x.md", "../../etc/passwd", "/etc/passwd", "topics/../../x.md", ".", ""]:
        with pytest.raises(ValueError, match="outside the output folder"):
            inside(out, escaping)
    (out / "link").symlink_to(tmp_path / "out-evil", target_is_directory=True)
    with pytest.raises(ValueError, match="outside the output folder"):
        inside(out, "link/x.md")
    source = (REPO / "generator" / "tree.py").read_text()
    assert "is_relative_to" in source and "startswith" not in source


# -- CI and publishing ---------------------------------------------------------------

WORKFLOWS = REPO / ".github" / "workflows"
needs_workflows = pytest.mark.skipif(not WORKFLOWS.is_dir(),
                                     reason=f"no {WORKFLOWS} yet: the CI rows cannot be checked")


def workflows() -> dict[str, dict]:
    import yaml

    return {p.name: yaml.safe_load(p.read_text()) for p in sorted(WORKFLOWS.glob("*.y*ml"))}


def _on(workflow: dict) -> dict:
    triggers = workflow.get("on", workflow.get(True, {}))  # YAML 1.1 reads `on:` as True
    return triggers if isinstance(triggers, dict) else dict.fromkeys(triggers if isinstance(triggers, list)
                                                                     else [triggers])


@needs_workflows
def test_pull_requests_build_without_pull_request_target() -> None:
    for name, workflow in workflows().items():
        assert "pull_request_target" not in _on(workflow), name


@needs_workflows
def test_deploy_only_on_push_to_main_with_least_permissions_and_a_concurrency_group() -> None:
    deploying = {n: w for n, w in workflows().items() if "deploy-pages" in json.dumps(w)}
    assert deploying, "no workflow deploys to GitHub Pages"
    for name, workflow in deploying.items():
        assert set(_on(workflow)) <= {"push", "workflow_dispatch"}, name
        assert _on(workflow)["push"]["branches"] == ["main"], name
        jobs = workflow["jobs"].values()
        perms = [workflow.get("permissions", {})] + [j.get("permissions", {}) for j in jobs]
        merged = {k: v for p in perms for k, v in p.items()}
        assert merged == {"contents": "read", "pages": "write", "id-token": "write"}, name
        assert workflow.get("concurrency"), name


@needs_workflows
def test_untrusted_pull_request_text_never_reaches_a_run_line() -> None:
    untrusted = re.compile(r"\$\{\{\s*github\.(event\.pull_request\.(title|body|head\.ref)|head_ref|"
                           r"event\.(issue|comment|review)\.)")
    for name, workflow in workflows().items():
        for job in workflow["jobs"].values():
            for step in job.get("steps", []):
                assert not untrusted.search(str(step.get("run", ""))), (name, step)


@needs_workflows
def test_the_site_is_built_strictly_in_ci() -> None:
    text = "\n".join(p.read_text() for p in WORKFLOWS.glob("*.y*ml"))
    assert re.search(r"briefing build|mkdocs build --strict|make site|make test", text)
    mkdocs = (REPO / "mkdocs.yml").read_text()
    assert re.search(r"^strict: true$", mkdocs, re.M)
    assert re.search(r"^\s+anchors: (warn|info)$", mkdocs, re.M)
