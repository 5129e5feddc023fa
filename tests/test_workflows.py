"""CI and hooks as files: the GitHub workflows validate against the published workflow schema
(vendored by check-jsonschema, so a typo fails here, not after merge) and keep the
publishing rules of shared/hazards.md; every action is pinned to a commit SHA, zizmor (offline)
finds nothing in .github/, and Dependabot keeps the actions and the Python pins current; the
pre-commit hooks run `briefing check`."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from packaging.utils import canonicalize_name

from generator.load import load_file
from tests.conftest import REPO

GITHUB = REPO / ".github"
WORKFLOWS = GITHUB / "workflows"
CHECK_JSONSCHEMA = [sys.executable, "-m", "check_jsonschema"]
# `uses: owner/name@<40-hex commit> # v1.2.3`: a tag can be moved to other code, a commit cannot;
# the comment says which release the commit is (Dependabot updates both together)
PINNED_USES = re.compile(
    r"uses: (?P<action>[\w.-]+/[\w./-]+)@(?P<sha>[0-9a-f]{40}) # (?P<version>v\d+(\.\d+)*)")


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


def test_every_action_is_pinned_to_a_commit_sha_with_its_release_in_a_comment() -> None:
    pins: dict[str, set[tuple[str, str]]] = {}
    for name in ("pr.yml", "deploy.yml"):
        text = (WORKFLOWS / name).read_text()
        lines = [line.strip().removeprefix("- ") for line in text.splitlines() if re.search(r"\buses:", line)]
        used = [step["uses"] for step in steps(workflow(name)) if "uses" in step]
        assert len(lines) == len(used) > 0
        for line, uses in zip(lines, used, strict=True):
            match = PINNED_USES.fullmatch(line)
            assert match, f"{name}: {line!r} is not `uses: owner/name@<40-hex commit> # vX.Y.Z`"
            assert uses == f"{match['action']}@{match['sha']}"
            assert match["action"].startswith("actions/"), f"{name}: {uses} is not one of GitHub's actions"
            pins.setdefault(match["action"], set()).add((match["sha"], match["version"]))
        for step in steps(workflow(name)):
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False
    # one action, one commit: both workflows run the same code for it
    assert {action: len(shas) for action, shas in pins.items()} == dict.fromkeys(pins, 1), pins


@pytest.mark.parametrize("line", [
    "uses: actions/checkout@v4",
    "uses: actions/checkout@v4.4.0 # v4.4.0",
    "uses: actions/checkout@11d5960a326750d5838078e36cf38b85af677262",
    "uses: actions/checkout@11d5960a # v4.4.0",
    "uses: actions/checkout@main # v4.4.0",
])
def test_a_tag_branch_short_sha_or_missing_release_comment_is_not_a_pin(line: str) -> None:
    assert not PINNED_USES.fullmatch(line)
    assert PINNED_USES.fullmatch("uses: actions/checkout@11d5960a326750d5838078e36cf38b85af677262 # v4.4.0")


def test_pull_requests_check_test_build_and_upload_a_preview_with_a_read_only_token() -> None:
    flow = workflow("pr.yml")
    assert set(flow["on"]) == {"pull_request"}
    assert all("pull_request_target" not in workflow(name)["on"] for name in ("pr.yml", "deploy.yml"))
    assert flow["permissions"] == {"contents": "read"}
    assert all("permissions" not in job for job in flow["jobs"].values())
    assert flow["concurrency"]["group"] and flow["concurrency"]["cancel-in-progress"] is True
    runs = [step.get("run") for step in steps(flow)]
    for command in ('.venv/bin/briefing check --base "$BASE_SHA"', "make test", "make site"):
        assert command in runs
    assert runs.index("make test") < runs.index("make site")
    by_run = {step.get("run"): step for step in steps(flow)}
    base = "${{ github.event.pull_request.base.sha }}"  # passed through env:, never interpolated in run:
    assert by_run['.venv/bin/briefing check --base "$BASE_SHA"']["env"] == {"BASE_SHA": base}
    summary = by_run['.venv/bin/briefing diff --format markdown "$BASE_SHA" >> "$GITHUB_STEP_SUMMARY"']
    assert summary["env"] == {"BASE_SHA": base} and summary["if"] == "${{ !cancelled() }}"
    checkout = next(step for step in steps(flow) if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0  # the base and every fact's dates need the history
    order = steps(flow)
    uploads = {step["with"]["name"]: step for step in order
               if step.get("uses", "").startswith("actions/upload-artifact@")}
    assert uploads["site-preview"]["with"]["path"] == "site/"
    # the screenshots the layout tests take, kept even when a test failed (to see why)
    shots = uploads["page-screenshots"]
    assert shots["with"]["path"] == "test-artifacts/screenshots/" and shots["if"] == "${{ !cancelled() }}"
    assert runs.index("make test") < order.index(shots)


def test_main_is_built_and_deployed_to_pages_with_least_privilege_in_order() -> None:
    flow = workflow("deploy.yml")
    checkout = next(step for step in steps(flow) if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0  # every fact's dates come from the full history
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
        "description": "Validate the briefing's YAML files (format, references, hazards, published facts changed "
                       "without a correction against the merge base with the default branch) before each commit.",
        "entry": "briefing check", "language": "python", "pass_filenames": False,
        "files": r"^(briefings/.*\.ya?ml|site_config\.yml)$"}]
    local = load_file(REPO / ".pre-commit-config.yaml").data["repos"]
    assert local[0]["repo"] == "local"
    hooks = {hook["id"]: hook for hook in local[0]["hooks"]}
    assert hooks["briefing-check"]["entry"] == "make --no-print-directory check"
    assert re.search(hooks["briefing-check"]["files"], "briefings/topics/food-for-arms.yml")
    assert not re.search(hooks["briefing-check"]["files"], "README.md")
    assert "check" in (REPO / "Makefile").read_text().split("check:")[1].splitlines()[1]


ZIZMOR = shutil.which("zizmor", path=str(Path(sys.executable).parent)) or shutil.which("zizmor")


def zizmor(directory: Path) -> tuple[subprocess.CompletedProcess[str], list[dict[str, Any]]]:
    """zizmor's findings in a .github directory at its default (regular) persona. --offline: no
    network, no GitHub token (those are dropped from its environment too) and no online audits;
    --strict-collection: a workflow it cannot parse fails instead of being skipped."""
    if ZIZMOR is None:
        pytest.fail("zizmor is not installed: `make test` installs requirements/test-lock.txt")
    tokens = {"GH_TOKEN", "GITHUB_TOKEN", "ZIZMOR_GITHUB_TOKEN"}
    env = {key: value for key, value in os.environ.items() if key not in tokens}
    result = subprocess.run([ZIZMOR, "--offline", "--strict-collection", "--format=json", "--no-progress",
                             "--color=never", str(directory)],
                            capture_output=True, text=True, timeout=120, check=False, env=env)
    try:
        findings = json.loads(result.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"zizmor exited {result.returncode} with no JSON report:\n{result.stdout}{result.stderr}")
    return result, findings


def described(findings: list[dict[str, Any]]) -> str:
    lines = []
    for finding in findings:
        where = next(loc for loc in finding["locations"] if loc["symbolic"]["kind"] == "Primary")
        lines.append(f"{finding['determinations']['severity']} {finding['ident']}: {finding['desc']} at "
                     f"{where['symbolic']['key']['Local']['verbatim_path']}:"
                     f"{where['concrete']['location']['start_point']['row'] + 1}: "
                     f"{where['concrete']['feature'].strip()!r} ({finding['url']})")
    return "\n".join(lines)


def test_zizmor_finds_nothing_in_the_workflows_or_the_dependabot_config() -> None:
    result, findings = zizmor(GITHUB)
    assert findings == [], "zizmor --offline .github/ finds:\n" + described(findings)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(("name", "good", "bad", "audit"), [
    ("workflows/pr.yml", "@ea165f8d65b6e75b540449e92b4886f43607fa02 # v4.6.2", "@v4", "unpinned-uses"),
    ("workflows/deploy.yml", "          persist-credentials: false\n", "", "artipacked"),
    ("dependabot.yml", "default-days: 7", "default-days: 1", "dependabot-cooldown"),
])
def test_zizmor_audits_each_file_and_fails_a_weakened_one(tmp_path: Path, name: str, good: str, bad: str,
                                                          audit: str) -> None:
    copy = tmp_path / ".github"
    shutil.copytree(GITHUB, copy)
    text = (copy / name).read_text()
    assert good in text
    (copy / name).write_text(text.replace(good, bad, 1))
    result, findings = zizmor(copy)
    assert [finding["ident"] for finding in findings] == [audit], described(findings)
    assert result.returncode != 0


def test_dependabot_keeps_the_action_pins_and_the_python_pins_current() -> None:
    result = validate(GITHUB / "dependabot.yml", schema="vendor.dependabot")
    assert result.returncode == 0, result.stdout + result.stderr
    config = load_file(GITHUB / "dependabot.yml").data
    assert config["version"] == 2
    updates = {update["package-ecosystem"]: update for update in config["updates"]}
    assert set(updates) == {"github-actions", "pip"}
    assert updates["github-actions"]["directory"] == "/"  # Dependabot reads .github/workflows from there
    assert updates["pip"]["directory"] == "/requirements"
    assert (REPO / "requirements" / "test.in").is_file()
    for update in updates.values():
        assert update["schedule"]["interval"] == "weekly"
        assert update["cooldown"]["default-days"] >= 7  # a release must be a week old to be proposed


def _pins(path: Path) -> dict[str, str]:
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("-r "):
            pins |= _pins(path.parent / line.removeprefix("-r ").strip())
        elif match := re.match(r"^([A-Za-z0-9_.\-]+)==(\S+)", line):
            pins[canonicalize_name(match.group(1))] = match.group(2)
    return pins


@pytest.mark.parametrize("name", ["site", "test"])
def test_every_pin_in_an_in_file_is_the_version_its_lock_file_installs(name: str) -> None:
    # Dependabot raises a package's pin in requirements/*.in and in the *-lock.txt file `make`
    # installs from (it reads both: plain requirements files); a pull request that raised only one
    # fails here
    wanted = _pins(REPO / "requirements" / f"{name}.in")
    locked = _pins(REPO / "requirements" / f"{name}-lock.txt")
    assert wanted
    stale = {package: (version, locked.get(package)) for package, version in wanted.items()
             if locked.get(package) != version}
    assert stale == {}, f"requirements/{name}-lock.txt is behind {name}.in (in, lock): run `make lock`"


PRE_COMMIT = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or shutil.which("pre-commit")


@pytest.mark.skipif(PRE_COMMIT is None, reason="pre-commit is not installed (make test installs it)")
def test_pre_commit_accepts_the_hook_files() -> None:
    assert PRE_COMMIT is not None
    result = subprocess.run([PRE_COMMIT, "validate-config", str(REPO / ".pre-commit-config.yaml")],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_make_serve_takes_the_port() -> None:
    result = subprocess.run(["make", "-n", "serve", "PORT=8123"], cwd=REPO, capture_output=True, text=True,
                            check=True)
    assert "briefing serve --port 8123" in result.stdout
