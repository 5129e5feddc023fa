"""Shared fixtures: the repository, tiny temporary projects, and one real site build per session."""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.pagefind_service import RECORDS_DIR, SHARDS_FILE, VOCABULARY_URL, pack_of

REPO = Path(__file__).resolve().parent.parent
CASES = Path(__file__).resolve().parent / "cases"
ARTICLES = REPO.parent / "shared" / "articles"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


def copy_project_frame(dest: Path) -> Path:
    """A project folder with the repository's templates, mkdocs.yml, docs/ and site_config.yml."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "templates", dest / "templates")
    shutil.copytree(REPO / "docs", dest / "docs")
    shutil.copy2(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copy2(REPO / "site_config.yml", dest / "site_config.yml")
    return dest


MakeProject = Callable[..., Path]


@pytest.fixture
def make_project(tmp_path: Path) -> MakeProject:
    """Factory: ``make_project(files={"briefings/topics/x.yml": "..."}, base="minimal")``.

    Copies the real templates and settings, then the briefings of ``tests/cases/<base>``
    (or none with ``base=None``), then writes ``files`` (text or bytes) over them.
    """
    counter = iter(range(1000))

    def make(files: dict[str, str | bytes] | None = None, base: str | None = "minimal") -> Path:
        root = copy_project_frame(tmp_path / f"project{next(counter)}")
        if base:
            shutil.copytree(CASES / base / "briefings", root / "briefings")
        for rel, content in (files or {}).items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return root

    return make


def run_briefing(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the `briefing` command as a contributor would, capturing its output."""
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=300, check=False)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real repository's site, built once per session with `briefing build --site`."""
    out = tmp_path_factory.mktemp("real-site") / "site"
    result = run_briefing("build", "--site", str(out), cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def search_records(site: Path) -> list[dict]:
    """Every record of a built site's search bundle (``url``, ``content``, ``meta``, as
    Pagefind stored them), read from its record packs (each a gzip-compressed JSON object
    of records by id), each in the pack its id names, and from the fragment files kept for
    the ids two shards gave (each gzip-compressed JSON after a marker); none a shard's
    vocabulary record."""
    folder = site / "pagefind"
    manifest = json.loads((folder / SHARDS_FILE).read_text(encoding="utf-8"))
    records = []
    for path in sorted((folder / RECORDS_DIR).glob("*.records")):
        for record_id, record in json.loads(gzip.decompress(path.read_bytes())).items():
            assert path.name == f"{pack_of(record_id, manifest['packs'])}.records", (record_id, path)
            assert record_id not in manifest["unpacked"]
            records.append(record)
    for path in sorted(folder.rglob("*.pf_fragment")):
        assert path.name.removesuffix(".pf_fragment") in manifest["unpacked"], path
        records.append(read_fragment(path.read_bytes()))
    assert all(record["url"] != VOCABULARY_URL for record in records)
    return records


def read_fragment(stored: bytes) -> dict:
    """A fragment file of Pagefind's: gzip-compressed JSON after a marker."""
    raw = gzip.decompress(stored)
    assert raw.startswith(b"pagefind_dcd")
    return json.loads(raw.removeprefix(b"pagefind_dcd"))
