"""Nothing lost: failed builds, writes outside the output, and `briefing new` on hand-written YAML.

* A failed build (a briefing error, a strict-mode MkDocs failure, a crash in the middle of
  MkDocs) leaves the previously built ``site/`` byte-identical, with no staging folder left.
* The generator writes only inside its output folder: the project (``briefings/``,
  templates, settings, ``docs/``) hashes the same before and after every command, and
  ``write_tree`` / ``inside`` refuse any path that would land outside.
* ``briefing new`` only inserts: every byte already in a YAML file (comments, key order,
  quoting, line endings) is still there, in order; when it refuses, the file is untouched.
"""

from __future__ import annotations

import contextlib
import difflib
import hashlib
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.check import check_project
from generator.cli import main
from generator.errors import BriefingError
from generator.generate import GeneratedSite, generate
from generator.mkdocs_adapter.build import build_site, quiet_mkdocs_logging
from generator.settings import Settings
from generator.tree import MANIFEST, inside, write_tree
from tests.conftest import CASES, REPO, copy_project_frame


def snapshot(folder: Path, *, skip: str | None = None) -> dict[str, str]:
    """Every file and folder under ``folder`` -> the sha256 of its bytes ("dir" for folders)."""
    found: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if skip and (rel == skip or rel.startswith(skip + "/")):
            continue
        found[rel] = "dir" if path.is_dir() else hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stderr


# -- a failed build leaves the previous site exactly as it was ---------------------------

@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A tmp project (the minimal case) with a site built into <tmp>/out/site."""
    root = copy_project_frame(tmp_path_factory.mktemp("lost") / "project")
    shutil.copytree(CASES / "minimal" / "briefings", root / "briefings")
    site = root.parent / "out" / "site"
    code, err = cli("build", "--root", str(root), "--site", str(site))
    assert code == 0, err
    return root, snapshot(site)


def _site(root: Path) -> Path:
    return root.parent / "out" / "site"


def _no_staging_left(root: Path) -> None:
    assert sorted(p.name for p in _site(root).parent.iterdir()) == ["site"]


@pytest.mark.slow
def test_a_briefing_error_leaves_the_previous_site_untouched(built) -> None:
    root, before = built
    topic = root / "briefings" / "topics" / "shipment.yml"
    original = topic.read_bytes()
    try:
        topic.write_bytes(original.replace(b"status: reported", b"status: dubious", 1))
        code, err = cli("build", "--root", str(root), "--site", str(_site(root)))
    finally:
        topic.write_bytes(original)
    assert code == 1
    assert "briefings/topics/shipment.yml:8:13: error: 'dubious' is not allowed here" in err
    assert snapshot(_site(root)) == before
    _no_staging_left(root)


@pytest.mark.slow
def test_a_strict_mkdocs_failure_leaves_the_previous_site_untouched(built) -> None:
    root, before = built
    template = root / "templates" / "status.md.j2"
    original = template.read_bytes()
    try:  # a template that links to a page that does not exist: MkDocs --strict aborts
        template.write_bytes(original + b"\n[broken](no-such-page.md)\n")
        code, err = cli("build", "--root", str(root), "--site", str(_site(root)))
    finally:
        template.write_bytes(original)
    assert code == 1
    assert "the site was not built" in err and "the previous site is untouched" in err
    assert snapshot(_site(root)) == before
    _no_staging_left(root)


@pytest.mark.slow
def test_a_crash_in_the_middle_of_mkdocs_leaves_the_previous_site_untouched(built, monkeypatch) -> None:
    root, before = built
    from generator.mkdocs_adapter import build as site_build

    real_build = site_build.build  # MkDocs' own

    def half_then_crash(config, **kwargs):
        real_build(config, **kwargs)  # the whole new site is written (into the staging folder)...
        raise MemoryError("simulated crash after writing")  # ...then the process fails

    monkeypatch.setattr(site_build, "build", half_then_crash)
    quiet_mkdocs_logging()
    with pytest.raises(MemoryError):
        build_site(root, _site(root))
    assert snapshot(_site(root)) == before
    _no_staging_left(root)


@pytest.mark.slow
def test_a_missing_mkdocs_config_fails_before_touching_the_site(built) -> None:
    root, before = built
    with pytest.raises(BriefingError):
        build_site(root, _site(root), config_file="missing.yml")
    assert snapshot(_site(root)) == before
    _no_staging_left(root)


# -- the generator writes only inside its output folder ----------------------------------

@pytest.mark.slow
def test_build_and_markdown_write_only_their_output_and_never_touch_briefings(built, monkeypatch) -> None:
    root, _ = built
    monkeypatch.chdir(root)
    project_before = snapshot(root)
    around_before = snapshot(root.parent, skip="out")
    code, err = cli("build", "--root", str(root), "--site", str(root.parent / "out" / "again"))
    assert code == 0, err
    code, err = cli("build", "--root", str(root), "--markdown", str(root.parent / "out" / "md"))
    assert code == 0, err
    code, err = cli("check", "--root", str(root))
    assert code == 0, err
    assert snapshot(root) == project_before
    assert snapshot(root.parent, skip="out") == around_before


def _site_with(files: dict[str, bytes]) -> GeneratedSite:
    return GeneratedSite(settings=Settings(), files=files, nav=[])


@pytest.mark.parametrize("uri", ["../escape.md", "../../escape.md", "/tmp/escape.md", "a/../../escape.md",
                                 "..", ""])
def test_write_tree_refuses_paths_outside_the_output_and_writes_nothing(tmp_path: Path, uri: str) -> None:
    out = tmp_path / "out"
    with pytest.raises(ValueError, match="outside the output folder"):
        write_tree(_site_with({"index.md": b"ok", uri: b"evil"}), out)
    assert not (tmp_path / "escape.md").exists()
    assert snapshot(tmp_path) in ({}, {"out": "dir"})


def test_write_tree_does_not_follow_a_symlink_out_of_the_output(tmp_path: Path) -> None:
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    out.mkdir()
    elsewhere.mkdir()
    (out / "topics").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(ValueError, match="outside the output folder"):
        write_tree(_site_with({"topics/a.md": b"evil"}), out)
    assert not any(elsewhere.iterdir())
    with pytest.raises(ValueError):
        inside(out, "topics/a.md")


def test_a_tampered_manifest_cannot_delete_files_outside_the_output(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    (out / "hand-written.md").write_text("keep me too")
    (out / MANIFEST).write_text(f"../victim.txt\n{victim}\nhand-written.md/../../victim.txt\n")
    report = write_tree(_site_with({"index.md": b"ok"}), out)
    assert report.removed == []
    assert victim.read_text() == "keep me"
    assert (out / "hand-written.md").read_text() == "keep me too"


def test_files_the_writer_did_not_write_are_never_removed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tree(_site_with({"index.md": b"1", "topics/a.md": b"a"}), out)
    (out / "topics" / "mine.md").write_text("hand-written")
    report = write_tree(_site_with({"index.md": b"1"}), out)
    assert report.removed == ["topics/a.md"]
    assert (out / "topics" / "mine.md").read_text() == "hand-written"


# -- `briefing new` only inserts ------------------------------------------------------------

HAND_WRITTEN_TOPIC = (
    "# A topic written by hand: comments, odd quoting and key order must survive.\r\n"
    "summary: >-\r\n"
    "  Alpha sent goats to *Beta*,\r\n"
    "  the sources say.   # not a comment inside a folded scalar\r\n"
    "title: 'The shipment'   # title after summary, single quotes\r\n"
    "order: 1\r\n"
    "facts:\r\n"
    "- id: goat-count   # the list is not indented\r\n"
    "  claim: \"Alpha shipped goats to Beta; the sources give different counts.\"\r\n"
    "  status: reported\r\n"
    "  entities: [ alpha-country,beta-country ]\r\n"
    "  cites:\r\n"
    "  - {source: alpha-report, value: 447, locator: 'paragraph 2'}\r\n"
    "  - source: beta-report\r\n"
    "    value: nearly 450\r\n"
    "    quote:   \"nearly 450 goats\"\r\n"
    "  difference: detail\r\n"
    "  reconciliation: >-\r\n"
    "    447 is the count; the other report rounds it.\r\n"
    "# trailing comment, no newline at the end of the file"
)

HAND_WRITTEN_ENTITIES = (
    "# Entities, in no particular order.\n"
    "beta-country: {name: Beta, kind: country}   # flow style\n"
    "alpha-country:\n"
    "    name:    \"Alpha\"    # extra spaces\n"
    "    kind: country\n"
    "    description: 'A country that ships goats'\n"
    "\n"
    "# end\n"
)


def _only_inserted(before: bytes, after: bytes) -> None:
    ops = difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes()
    changed = [(tag, before[i1:i2], after[j1:j2]) for tag, i1, i2, j1, j2 in ops if tag != "equal"]
    assert changed and all(tag == "insert" for tag, _, _ in changed), changed


@pytest.fixture
def hand_written(make_project) -> Path:
    return make_project({"briefings/topics/shipment.yml": HAND_WRITTEN_TOPIC.encode(),
                         "briefings/entities.yml": HAND_WRITTEN_ENTITIES})


def test_the_hand_written_project_is_valid(hand_written: Path) -> None:
    code, err = cli("check", "--root", str(hand_written))
    assert code == 0, err


def test_new_fact_only_inserts_into_a_hand_written_topic(hand_written: Path) -> None:
    topic = hand_written / "briefings" / "topics" / "shipment.yml"
    before = topic.read_bytes()
    claim = "Beta received the goats in <b>August</b> [^1] {: .x}."
    code, err = cli("new", "fact", "--root", str(hand_written), "--topic", "shipment", "--no-input",
                    "--claim", claim, "--status", "reported", "--source", "alpha-report",
                    "--source", "beta-report", "--fact-id", "goats-received")
    if code != 0:  # refusing is allowed; rewriting is not
        assert topic.read_bytes() == before, err
        return
    _only_inserted(before, topic.read_bytes())
    code, err = cli("check", "--root", str(hand_written))
    assert code == 0, err


def test_new_entity_only_inserts_into_a_hand_written_entities_file(hand_written: Path) -> None:
    entities = hand_written / "briefings" / "entities.yml"
    before = entities.read_bytes()
    code, err = cli("new", "entity", "--root", str(hand_written), "--no-input", "--name", "Gamma: \"the\" #1",
                    "--kind", "person", "--id", "gamma")
    if code != 0:
        assert entities.read_bytes() == before, err
        return
    _only_inserted(before, entities.read_bytes())


def test_new_source_never_overwrites_an_existing_file(hand_written: Path) -> None:
    existing = hand_written / "briefings" / "sources" / "alpha-report.yml"
    before = existing.read_bytes()
    code, _ = cli("new", "source", "--root", str(hand_written), "--no-input", "--title", "Other",
                  "--published", "2024", "--id", "alpha-report")
    assert code != 0
    assert existing.read_bytes() == before


def test_a_refused_new_fact_leaves_the_topic_byte_identical(hand_written: Path) -> None:
    topic = hand_written / "briefings" / "topics" / "shipment.yml"
    before = snapshot(hand_written / "briefings")
    for bad in (["--source", "no-such-source"], ["--source", "alpha-report", "--fact-id", "goat-count"],
                ["--source", "alpha-report", "--claim", "[x](javascript:alert(1))"]):
        args = ["new", "fact", "--root", str(hand_written), "--topic", "shipment", "--no-input",
                "--status", "reported", *bad]
        if "--claim" not in bad:
            args += ["--claim", "A claim."]
        code, _ = cli(*args)
        assert code != 0, bad
        assert snapshot(hand_written / "briefings") == before, bad
    assert topic.read_bytes() == HAND_WRITTEN_TOPIC.encode()


def test_checking_and_generating_the_real_briefing_never_touches_it(tmp_path: Path) -> None:
    before = snapshot(REPO / "briefings")
    check_project(REPO)
    with contextlib.suppress(BriefingError):  # the briefing may be mid-edit: it must stay untouched
        write_tree(generate(REPO), tmp_path / "md")
    assert snapshot(REPO / "briefings") == before
