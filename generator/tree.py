"""The Markdown face: the generated files -> a folder any builder can read.

``write_tree`` writes every generated page and asset under one output root, plus
``_nav.yml`` (the navigation in MkDocs' ``nav`` form). Writing is content-hashed:
a file whose bytes did not change is not rewritten (its mtime stays, so builders that
watch the folder rebuild only what changed), and files the briefing no longer produces
are removed (only files this writer put there, as listed in its manifest, so hand-written
files beside them are never touched). Every path is checked to stay inside the output root.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.generate import GeneratedSite

NAV_FILE = "_nav.yml"
MANIFEST = ".briefing-manifest"


@dataclass
class TreeReport:
    """What one write did, file by file."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def inside(root: Path, uri: str) -> Path:
    """The path of ``uri`` under ``root``; refuses anything that would land outside it."""
    resolved_root = root.resolve()
    target = (resolved_root / uri).resolve()
    if not target.is_relative_to(resolved_root) or target == resolved_root:
        raise ValueError(f"refusing to write {uri!r}: outside the output folder {root}")
    return target


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_tree(site: GeneratedSite, out: Path, *, previous: Mapping[str, bytes] | None = None) -> TreeReport:
    """Write the site's Markdown tree to ``out``, rewriting only files whose content changed.

    ``previous``: what the caller last wrote there with this function (uri -> bytes), which
    ``out`` still holds; a file whose bytes are those is not read back to be compared (the
    preview writes thousands of files on every rebuild)."""
    out.mkdir(parents=True, exist_ok=True)
    files = dict(site.files)
    files[NAV_FILE] = yaml.safe_dump({"nav": site.nav}, allow_unicode=True, sort_keys=False).encode()
    report = TreeReport()
    known = previous or {}
    targets = {uri: inside(out, uri) for uri in files if uri not in known}  # checked when first written
    for uri, data in files.items():
        if (kept := known.get(uri)) is not None and kept == data:
            report.unchanged.append(uri)
            continue
        target = targets.get(uri) or inside(out, uri)
        if target.is_file() and _digest(target.read_bytes()) == _digest(data):
            report.unchanged.append(uri)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        _atomic_write(target, data)
        report.written.append(uri)
    manifest = out / MANIFEST
    listed = manifest.read_text(encoding="utf-8").splitlines() if manifest.is_file() else []
    for uri in listed:
        if uri in files:
            continue
        try:
            stale = inside(out, uri)
        except ValueError:
            continue
        if stale.is_file():
            stale.unlink()
            report.removed.append(uri)
            _remove_empty_parents(stale.parent, out.resolve())
    listing = "\n".join(sorted(files)).encode("utf-8") + b"\n"
    if not manifest.is_file() or manifest.read_bytes() != listing:
        _atomic_write(manifest, listing)
    return report


def _remove_empty_parents(folder: Path, root: Path) -> None:
    while folder != root and folder.is_relative_to(root) and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def _atomic_write(target: Path, data: bytes) -> None:
    """Write ``target`` at once (a reader never gets half of it), as readable as any file the
    process writes: created with mode 0666 for the system to apply the process's umask (not
    ``mkstemp``'s 0600, and without reading the umask, which only setting it can do)."""
    temp = target.with_name(f".tmp-{secrets.token_hex(8)}")
    handle = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
