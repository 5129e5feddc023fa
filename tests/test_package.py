"""The package as a library's users get it: built as a wheel and installed (not editable) into
a new virtual environment, it builds the site of a project folder that holds no ``generator/``.

The new environment reaches the pinned dependencies of the project's own environment through a
path file (which adds that folder to ``sys.path`` but runs none of its path files, so the
editable install of the working tree stays out), and the wheel with ``--no-deps``: the test
needs no network and installs nothing twice. ``generator`` must then come from the new
environment's site-packages.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.check import require_briefing
from tests.conftest import REPO, copy_project_frame

pytestmark = pytest.mark.slow

#: What a wheel is built from: the package and the files pyproject.toml names.
SOURCES = ["pyproject.toml", "README.md", "generator"]


#: The environment of every command here, without what would point Python at the working tree.
CLEAN_ENV = {name: value for name, value in os.environ.items() if name not in ("PYTHONPATH", "PYTHONHOME")}


def run(*command: str | Path, cwd: Path) -> str:
    result = subprocess.run([str(c) for c in command], cwd=cwd, env=CLEAN_ENV, capture_output=True, text=True,
                            timeout=300, check=False)
    assert result.returncode == 0, f"{command}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result.stdout


def build_wheel(dest: Path) -> Path:
    """The project's wheel, built from a copy of its sources (setuptools writes into the tree)."""
    source = dest / "source"
    source.mkdir(parents=True)
    for name in SOURCES:
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(REPO / name, source / name)
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", dest / "dist", source,
        cwd=dest)
    (wheel,) = (dest / "dist").glob("briefing_generator-*.whl")
    return wheel


def installed_environment(dest: Path, wheel: Path) -> Path:
    """A new virtual environment holding the wheel, the project's dependencies reachable; its python."""
    venv.EnvBuilder(with_pip=False).create(dest)
    python = dest / "bin" / "python"
    site_packages = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])",
                             cwd=dest).strip())
    (site_packages / "project-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", "--quiet", wheel,
        cwd=dest)
    return python


def test_the_wheel_installs_and_builds_a_project_that_has_no_generator(tmp_path: Path) -> None:
    python = installed_environment(tmp_path / "env", build_wheel(tmp_path / "wheel"))
    project = copy_project_frame(tmp_path / "project")
    shutil.copytree(REPO / "briefings", project / "briefings")
    assert not (project / "generator").exists()

    imported = run(python, "-c", "import generator; print(generator.__file__)", cwd=project).strip()
    assert Path(imported).is_relative_to(tmp_path / "env"), imported
    run(tmp_path / "env" / "bin" / "briefing", "build", "--site", "site", cwd=project)

    briefing = require_briefing(REPO)[0]
    topic_id, topic = next(iter(briefing.topics.items()))
    soup = BeautifulSoup((project / "site" / "topics" / topic_id / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    title = soup.select_one("article h1")
    assert title is not None
    assert "".join(title.find_all(string=True, recursive=False)).strip() == topic.title  # no permalink mark
    worker = project / "site" / "assets" / "search-worker.js"
    assert worker.read_bytes() == (REPO / "generator" / "mkdocs_adapter" / "search-worker.js").read_bytes()
