"""What the exports' tests share: the case briefing ``tests/cases/exports-truth`` (a detail and a
contradiction between values, a source's error beside a reference, a correction, a retired
fact, every kind of source, two judgments), checked once; the same case with its history of
dated commits (``tests/history_case.py``); the real briefing; and the case built once with
MkDocs, with markup and script-ending text in every field the exports carry.

The unit tests call the export modules on the checked case (no build); the tests of a whole
site read the real site (``built_site``) or the hostile case site as a reuser would.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.briefing import Briefing
from generator.check import require_briefing
from generator.history.record_dates import Revisions, read_revisions
from generator.settings import Settings
from generator.urls import Urls
from tests.conftest import CASES, REPO, copy_project_frame, run_briefing
from tests.history_case import history_case

CASE = CASES / "exports-truth"
BASE_URL = "https://briefing.example.org/"
#: The case's settings: published at BASE_URL with MkDocs' directory URLs.
SETTINGS = Settings(title="Case briefing", description="A case for the exports.", base_url=BASE_URL)
URLS = Urls(BASE_URL, directory_urls=True)
HOSTILE = "</script><script>alert(1)</script> & <b>bold</b> \"q\" 'a' ]]> {: onclick=x}"
FACTS_SCHEMA = REPO / "schemas" / "facts.schema.json"
CSL_SCHEMA = REPO / "tests" / "data" / "csl-data.schema.json"


@pytest.fixture(scope="session")
def case() -> Briefing:
    return require_briefing(CASE)[0]


@pytest.fixture(scope="session")
def history(tmp_path_factory: pytest.TempPathFactory) -> tuple[Briefing, Revisions]:
    """The case with its history: four dated commits, the last of which is the case."""
    root = history_case(tmp_path_factory.mktemp("history") / "project")
    revisions = read_revisions(root, root / "briefings", cache=False)
    assert revisions is not None
    return require_briefing(root)[0], revisions


@pytest.fixture(scope="session")
def real() -> Briefing:
    return require_briefing(REPO)[0]


def hostile_case(root: Path) -> Path:
    """A copy of the case with HOSTILE in a topic title, a claim, a reconciliation, a source's
    title, a correction and a judgment's question."""
    copy_project_frame(root)
    shutil.copytree(CASE / "briefings", root / "briefings")
    replacements = {
        "topics/shipment.yml": [('"The shipment"', "The shipment " + HOSTILE),
                                ('"Alpha shipped 447 goats to Beta."', "Alpha shipped 447 goats to Beta " + HOSTILE),
                                ('"447 is the count; the other report rounds it."', "447 is the count " + HOSTILE),
                                ('"The year was 1991, not 1993 as this fact first said; one report got it wrong."',
                                 "The year was 1991 " + HOSTILE)],
        "sources/alpha-report.yml": [('"Alpha report on the shipment"', "Alpha report " + HOSTILE)],
        "judgments.yml": [('"Were the goats aid rather than payment?"', "Were the goats aid " + HOSTILE)],
    }
    for name, pairs in replacements.items():
        path = root / "briefings" / name
        text = path.read_text(encoding="utf-8")
        for old, new in pairs:
            assert old in text, (name, old)
            text = text.replace(old, json.dumps(new))
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile case, built once with MkDocs."""
    root = hostile_case(tmp_path_factory.mktemp("hostile") / "project")
    out = root / "site"
    result = run_briefing("build", "--site", str(out), cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def page_html(site: Path, path: str) -> str:
    """The HTML of a built page, by its site path (``topics/x/``)."""
    return (site / path / "index.html").read_text(encoding="utf-8")


def load_json(path: Path) -> object:
    return json.loads(path.read_text(encoding="utf-8"))
