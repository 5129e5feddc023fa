"""The search dialog's adapter (``generator/mkdocs_adapter/search-worker.js``) is pinned to the
Material for MkDocs release it speaks to: the installed release, the messages of Material's
search worker protocol, and the ``config`` block of Material's ``base.html`` that
``templates/theme/main.html`` copies to point the dialog at the worker. An upgrade of Material
fails here with what to check, before a reader meets a search dialog that no longer answers.
(What the worker answers is tested in ``test_search_bundle.py`` and ``test_browser.py``.)"""

from __future__ import annotations

import importlib.metadata
import json
import re
from pathlib import Path

from generator.mkdocs_adapter.plugin import SEARCH_WORKER, SEARCH_WORKER_SOURCE
from tests.conftest import REPO

WORKER = SEARCH_WORKER_SOURCE.read_text(encoding="utf-8")
PINNED = re.search(r'^const MATERIAL = "([^"]+)"$', WORKER, re.MULTILINE)[1]
INSTALLED = importlib.metadata.version("mkdocs-material")
MATERIAL = Path(importlib.metadata.distribution("mkdocs-material").locate_file("material"))
UPGRADE = (f"mkdocs-material is {INSTALLED}, but the search dialog's adapter "
           f"(generator/mkdocs_adapter/search-worker.js) was checked against Material {PINNED}. Check "
           "that Material's search worker protocol (integrations/search/worker/message in its source: "
           "SETUP, READY, QUERY, RESULT, and the result groups) is unchanged, copy the `config` block "
           "of Material's base.html into templates/theme/main.html again (its `search` pointing at "
           f"{SEARCH_WORKER}), then set MATERIAL in search-worker.js to {INSTALLED}.")


def test_the_worker_was_checked_against_the_installed_material() -> None:
    assert INSTALLED == PINNED, UPGRADE


def test_the_worker_numbers_materials_messages_as_material_does() -> None:
    [bundle_map] = (MATERIAL / "templates/assets/javascripts").glob("bundle.*.min.js.map")
    sources = json.loads(bundle_map.read_text(encoding="utf-8"))
    [message] = [text for name, text in zip(sources["sources"], sources["sourcesContent"], strict=True)
                 if name.endswith("integrations/search/worker/message/index.ts")]
    enum = re.search(r"enum SearchMessageType \{(.*?)\}", message, re.DOTALL)[1]
    names = re.findall(r"^\s*([A-Z]+),?", enum, re.MULTILINE)
    assert names == ["SETUP", "READY", "QUERY", "RESULT"], UPGRADE
    numbered = re.search(r"^const (SETUP = 0, READY = 1, QUERY = 2, RESULT = 3)$", WORKER, re.MULTILINE)
    assert numbered, "search-worker.js numbers the messages as Material's SearchMessageType does"


def config_block(template: str) -> list[str]:
    """The lines of a template's ``config`` block, stripped."""
    block = re.search(r"\{% block config %\}(.*?)\{% endblock %\}", template, re.DOTALL)[1]
    return [line.strip() for line in block.strip().splitlines()]


def test_main_html_points_materials_own_config_block_at_the_worker() -> None:
    ours = config_block((REPO / "templates/theme/main.html").read_text(encoding="utf-8"))
    theirs = config_block((MATERIAL / "templates/base.html").read_text(encoding="utf-8"))
    search = [n for n, line in enumerate(theirs) if line.startswith('"search":')]
    assert len(ours) == len(theirs) and len(search) == 1, UPGRADE
    assert ours[search[0]] == f'"search": "{SEARCH_WORKER}" | url,'
    assert [line for n, line in enumerate(ours) if n != search[0]] == \
        [line for n, line in enumerate(theirs) if n != search[0]], UPGRADE
