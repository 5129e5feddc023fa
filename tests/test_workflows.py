"""CI and hooks as files: the GitHub workflows validate against the published workflow schema
(vendored by check-jsonschema, so a typo fails here, not after merge) and keep the
publishing rules of shared/hazards.md; the pre-commit hooks run `briefing check`."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generator.load import load_file
from tests.conftest import REPO

WORKFLOWS = REPO / ".github" / "workflows"
CHECK_JSONSCHEMA = [sys.executable, "-m", "check_jsonschema"]


def workflow(name: str) -> dict[str, Any]:
    # the project's own loader keeps `on:` a key (YAML 1.1 would read it as True)
    return load_file(WORKFLOWS / name).data


def steps(flow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in flow["jobs"].values() for step in job.get("steps", [])]


def validate(*paths: Path, schema: str = "vendor.github-workflows") -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CHECK_JSONSCHEMA, "--builtin-schema", schema, *map(str, paths)],
                          capture_output=True, text=True, timeout=120, check=False)


def test_workflows_validate_against_the_github_workflow_schema() -> None:
    files = sorted(WORKFLOWS.glob("*.yml"))
    assert [f.name for f in files] == ["deploy.yml", "pr.yml"]
    result = validate(*files)
    assert result.returncode == 0, result.stdout + result.stderr
    timeouts = validate(*files, schema="custom.github-workflows-require-timeout")
    assert timeouts.returncode == 0, timeouts.stdout + timeouts.stderr


@pytest.mark.parametrize(("name", "good", "typo"), [
    ("pr.yml", "runs-on:", "runs-onn:"),
    ("deploy.yml", "pages: write", "pages: writ"),
])
def test_a_typo_in_a_workflow_fails_the_schema_check(tmp_path: Path, name: str, good: str, typo: str) -> None:
    broken = tmp_path / name
    broken.write_text((WORKFLOWS / name).read_text().replace(good, typo, 1))
    result = validate(broken)
    assert result.returncode == 1
    assert "Schema validation errors were encountered" in result.stdout


def test_every_run_line_is_free_of_interpolated_expressions() -> None:
    for name in ("pr.yml", "deploy.yml"):
        for step in steps(workflow(name)):
            assert "${{" not in step.get("run", ""), f"{name}: {step['run']!r} interpolates an expression"
        text = (WORKFLOWS / name).read_text()
        assert not re.search(r"github\.(head_ref|event\.pull_request\.(title|body|head))", text)


def test_every_action_is_pinned_to_a_release() -> None:
    for name in ("pr.yml", "deploy.yml"):
        for step in steps(workflow(name)):
            if "uses" in step:
                assert re.fullmatch(r"actions/[a-z-]+@v\d+", step["uses"]), step["uses"]
                if step["uses"].startswith("actions/checkout@"):
                    assert step["with"]["persist-credentials"] is False


def test_pull_requests_check_test_build_and_upload_a_preview_with_a_read_only_token() -> None:
    flow = workflow("pr.yml")
    assert set(flow["on"]) == {"pull_request"}
    assert all("pull_request_target" not in workflow(name)["on"] for name in ("pr.yml", "deploy.yml"))
    assert flow["permissions"] == {"contents": "read"}
    assert all("permissions" not in job for job in flow["jobs"].values())
    assert flow["concurrency"]["group"] and flow["concurrency"]["cancel-in-progress"] is True
    runs = [step.get("run") for step in steps(flow)]
    for command in (".venv/bin/briefing check", "make test", "make site"):
        assert command in runs
    assert runs.index("make test") < runs.index("make site")
    upload = next(step for step in steps(flow) if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "site/"


def test_main_is_built_and_deployed_to_pages_with_least_privilege_in_order() -> None:
    flow = workflow("deploy.yml")
    assert flow["on"]["push"] == {"branches": ["main"]}
    assert "pull_request" not in flow["on"]
    assert flow["permissions"] == {"contents": "read"}
    assert flow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    build, deploy = flow["jobs"]["build"], flow["jobs"]["deploy"]
    assert "permissions" not in build
    assert deploy["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    uses = [step.get("uses", "").split("@")[0] for step in steps(flow)]
    assert [u for u in uses if u] == ["actions/checkout", "actions/setup-python", "actions/configure-pages",
                                      "actions/upload-pages-artifact", "actions/deploy-pages"]
    assert {"run": "make site", "name": "Build the site (strict)"}.items() <= next(
        step for step in build["steps"] if step.get("run") == "make site").items()
    assert next(s for s in build["steps"] if "upload-pages-artifact" in s.get("uses", ""))["with"] == {
        "path": "site/"}


def test_pre_commit_hooks_run_briefing_check() -> None:
    offered = load_file(REPO / ".pre-commit-hooks.yaml").data
    assert offered == [{
        "id": "briefing-check", "name": "briefing check",
        "description": "Validate the briefing's YAML files (format, references, hazards) before each commit.",
        "entry": "briefing check", "language": "python", "pass_filenames": False,
        "files": r"^(briefings/.*\.ya?ml|site_config\.yml)$"}]
    local = load_file(REPO / ".pre-commit-config.yaml").data["repos"]
    assert local[0]["repo"] == "local"
    hooks = {hook["id"]: hook for hook in local[0]["hooks"]}
    assert hooks["briefing-check"]["entry"] == "make --no-print-directory check"
    assert re.search(hooks["briefing-check"]["files"], "briefings/topics/food-for-arms.yml")
    assert not re.search(hooks["briefing-check"]["files"], "README.md")
    assert "check" in (REPO / "Makefile").read_text().split("check:")[1].splitlines()[1]


PRE_COMMIT = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or shutil.which("pre-commit")


@pytest.mark.skipif(PRE_COMMIT is None, reason="pre-commit is not installed (make test installs it)")
def test_pre_commit_accepts_the_hook_files() -> None:
    assert PRE_COMMIT is not None
    result = subprocess.run([PRE_COMMIT, "validate-config", str(REPO / ".pre-commit-config.yaml")],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
