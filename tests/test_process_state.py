"""Importing the generator changes nothing of the process that imports it (its umask, the
garbage collector, the loggers, the environment, the warning filters): a program that uses
the package as a library, or MkDocs loading the plugin, keeps its own settings. What the
generator does change, it changes while it runs (``generator/mkdocs_adapter/memory.py``, the
preview's log filter) and undoes when it ends."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from generator.generate import GeneratedSite
from generator.settings import Settings
from generator.tree import write_tree

#: A fresh interpreter reads its state, imports every module of the package, reads it again.
IMPORT_ALL = r"""
import gc, json, logging, os, pkgutil, sys, warnings, importlib
import generator

def state():
    umask = os.umask(0o027); os.umask(umask)
    loggers = {name: [len(l.filters), len(l.handlers), l.level, l.propagate]
               for name, l in logging.Logger.manager.loggerDict.items() if isinstance(l, logging.Logger)}
    root = logging.getLogger()
    return {"umask": umask, "gc": [gc.isenabled(), gc.get_freeze_count(), gc.get_threshold()],
            "root logger": [len(root.filters), len(root.handlers), root.level],
            "environment": dict(os.environ), "warnings": len(warnings.filters),
            "recursion": sys.getrecursionlimit()}, loggers

before, known = state()
for module in pkgutil.walk_packages(generator.__path__, "generator."):
    if not module.name.startswith("generator.__main__"):
        importlib.import_module(module.name)
after, loggers = state()
changed = {name: values for name, values in loggers.items() if name in known and known[name] != values}
print(json.dumps({"before": before, "after": after, "loggers changed": changed,
                  "new loggers with filters or handlers": {n: v for n, v in loggers.items()
                                                           if n not in known and (v[0] or v[1])}}))
"""


def test_importing_every_module_changes_nothing_of_the_process() -> None:
    result = subprocess.run([sys.executable, "-c", IMPORT_ALL], capture_output=True, text=True, check=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    seen = json.loads(result.stdout)
    assert seen["after"] == seen["before"]
    assert seen["loggers changed"] == {} and seen["new loggers with filters or handlers"] == {}


def test_written_files_are_as_readable_as_the_umask_says(tmp_path: Path) -> None:
    site = GeneratedSite(settings=Settings(), files={"index.md": b"# Goats\n"}, nav=["index.md"])
    for umask, mode in ((0o022, 0o644), (0o077, 0o600)):
        previous = os.umask(umask)
        try:
            write_tree(site, tmp_path / f"out-{umask:o}")
        finally:
            os.umask(previous)
        assert (tmp_path / f"out-{umask:o}" / "index.md").stat().st_mode & 0o777 == mode
