"""Compiled templates kept between builds: the page templates' and the theme's.

Jinja compiles every template to Python the first time a build renders it: this project's
page templates and Material's theme take a fifth of a small briefing's build to compile,
again on every build and on every rebuild of ``briefing serve``. Jinja's bytecode cache
keeps the compiled code in a folder, and each entry is checked against a hash of its
template's source and the Python version. Compiled code also depends on the environment
that compiled it (its options, its extensions, and for this project's templates the
``finalize`` and filters that Jinja runs on constants while compiling), so each entry's
key here also holds a fingerprint of that: the environment's options, Jinja's, MkDocs'
and Material's versions, and the source of the ``generator`` package. Whatever changes,
the template is compiled afresh; a cached build writes exactly the pages an uncached one
does (``tests/test_template_cache.py``).

The folder is ``.cache/briefing/templates`` in the project (Material's plugins keep their
caches in ``.cache/`` too; git ignores it). ``BRIEFING_TEMPLATE_CACHE`` names another
folder, or, set to ``off``, turns the cache off. A folder that cannot be made or written
(a read-only checkout, a full disk) means no cache, never a failed build.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from functools import lru_cache
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket

#: Where the cache lives, relative to the project's root.
CACHE_DIR = Path(".cache") / "briefing" / "templates"
#: The environment variable that moves the cache (a folder) or turns it off (``off``).
CACHE_VARIABLE = "BRIEFING_TEMPLATE_CACHE"


class _FingerprintedCache(jinja2.FileSystemBytecodeCache):
    """Jinja's folder cache, with the compiling environment's fingerprint in every key,
    and a failed write ignored (the template was compiled: the build goes on)."""

    def __init__(self, folder: Path, fingerprint: str) -> None:
        super().__init__(str(folder))
        self.fingerprint = fingerprint

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return hashlib.sha1(f"{self.fingerprint}|{name}|{filename or ''}".encode()).hexdigest()

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def use_template_cache(env: jinja2.Environment, root: Path) -> None:
    """Give ``env`` the bytecode cache of the project at ``root`` (unless it is off or
    its folder cannot be used)."""
    folder = _cache_folder(root)
    if folder is not None:
        env.bytecode_cache = _FingerprintedCache(folder, _fingerprint(env))


def _cache_folder(root: Path) -> Path | None:
    chosen = os.environ.get(CACHE_VARIABLE, "")
    if chosen.lower() == "off":
        return None
    folder = Path(chosen) if chosen else root / CACHE_DIR
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder  # a folder it cannot write to: each write fails and is ignored


def _fingerprint(env: jinja2.Environment) -> str:
    """What, besides a template's source, its compiled code depends on."""
    options = (env.block_start_string, env.block_end_string, env.variable_start_string,
               env.variable_end_string, env.comment_start_string, env.comment_end_string,
               env.line_statement_prefix, env.line_comment_prefix, env.trim_blocks,
               env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline,
               env.optimized, env.is_async, _name(env.autoescape), _name(env.finalize),
               sorted(env.extensions), sorted(env.filters), sorted(env.tests))
    return hashlib.sha1(f"{options!r}|{_code_versions()}".encode()).hexdigest()


def _name(value: object) -> str:
    return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', value)!r}"


@lru_cache(maxsize=1)
def _code_versions() -> str:
    """Jinja's, MkDocs' and Material's versions and a hash of this package's source."""
    versions = [f"jinja2 {jinja2.__version__}"]
    for module in ("mkdocs", "material"):
        with contextlib.suppress(ImportError):
            versions.append(f"{module} {getattr(__import__(module), '__version__', '?')}")
    package = hashlib.sha1()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        package.update(path.name.encode() + b"\0" + path.read_bytes())
    return f"{' '.join(versions)} generator {package.hexdigest()}"
