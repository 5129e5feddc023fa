"""CONTRIBUTING.md stays true: it documents every contributor command, status and new field, its
worked examples are quoted from the real briefing, and the command it shows writes exactly that fact."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

from click.testing import CliRunner

from generator.check import check_project
from generator.cli import main
from generator.cli.new import new
from generator.model import STATUSES
from tests.conftest import REPO

GUIDE = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", GUIDE, flags=re.DOTALL)


def test_every_contributor_command_and_status_is_documented() -> None:
    for command in new.commands:
        assert f"briefing new {command}" in GUIDE, f"`briefing new {command}` is undocumented"
    for command in ("briefing check", "briefing serve", "briefing schemas", "briefing diff", "briefing correct",
                    "briefing retire", "briefing revise", "--strict",
                    "--no-input", "--errors-only", "--base", "--archive", "make serve PORT="):
        assert command in GUIDE, command
    for name in ("difference", "reconciliation", "error", "kind", "corrections", "retired", "briefings/judgments.yml"):
        assert f"`{name}`" in GUIDE, name
    for status in STATUSES:
        assert re.search(rf"^\| `{status}` \| ", GUIDE, flags=re.MULTILINE), status


def quoted_from_the_briefing() -> list[tuple[Path, str]]:
    found = []
    for block in blocks("yaml"):
        first, _, rest = block.partition("\n")
        if first.startswith("# from "):
            found.append((REPO / first.removeprefix("# from "), rest))
    return found


def test_the_worked_example_is_quoted_verbatim_from_the_real_briefing() -> None:
    quoted = quoted_from_the_briefing()
    assert {path.name for path, _ in quoted} == {"goats-shipped-to-north-korea.yml", "livestock-aid.yml",
                                                 "strategic-treaty.yml", "judgments.yml"}
    for path, text in quoted:
        assert text in path.read_text(encoding="utf-8"), f"CONTRIBUTING.md no longer matches {path}"


def test_the_worked_example_command_writes_exactly_the_fact_shown(tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(REPO / "briefings", root / "briefings")
    shutil.copy2(REPO / "site_config.yml", root / "site_config.yml")
    topic = root / "briefings/topics/livestock-aid.yml"
    fact = next(text for path, text in quoted_from_the_briefing() if path.name == "livestock-aid.yml")
    original = topic.read_text(encoding="utf-8")
    start = original.index(fact)  # the real fact begins with the one shown, and carries a correction since
    end = original.index("\n  - id:", start + len(fact))
    topic.write_text(original[:start] + original[end + 1:], encoding="utf-8")
    command = next(block for block in blocks("sh") if "--id goat-shipment-count" in block)
    args = shlex.split(command.replace("\\\n", " "))
    assert args[:3] == ["briefing", "new", "fact"]
    result = CliRunner().invoke(main, [*args[1:], "--no-input", "--root", str(root)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert topic.read_text(encoding="utf-8").endswith(fact)
    assert check_project(root).errors == []


def test_the_documents_link_only_to_files_in_the_repository() -> None:
    for name in ("README.md", "CONTRIBUTING.md", "benchmarks/README.md"):
        document = REPO / name
        for target in re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", document.read_text(encoding="utf-8")):
            if target.startswith(("http://", "https://")):
                continue
            resolved = (document.parent / target).resolve()
            assert resolved.is_relative_to(REPO.resolve()) and resolved.exists(), f"{name} links to {target}"
        assert "shared/" not in document.read_text(encoding="utf-8"), f"{name} names a file outside the repository"


def test_the_guide_says_where_archived_texts_live_and_how_to_add_one() -> None:
    section = GUIDE.split("### Archived texts", 1)[1].split("\n## ", 1)[0]
    assert "<source-id>.txt" in section and "briefing check --archive" in section and "archive_url" in section
