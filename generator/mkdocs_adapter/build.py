"""The whole-site face: MkDocs builds the site into a temporary folder, then it is swapped in.

A failed build (a briefing error, a broken link under ``--strict``) leaves the previous
site exactly as it was: nothing half-written is ever published.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from generator.errors import BriefingError

#: What to do when the configuration MkDocs reads is not where the command looks.
NO_CONFIG_HINT = "run the command from the project's folder, or pass --root (or --config-file)"
#: The kind of that problem.
NO_CONFIG = "no mkdocs.yml"


class SiteBuildError(BriefingError):
    """The site was not built (its configuration is missing, MkDocs stopped): located at the
    MkDocs configuration, with what to do."""

    kind = "site not built"


def build_site(root: Path, out: Path, *, config_file: str = "mkdocs.yml", strict: bool = True,
               verbose: bool = False) -> Path:
    """Build the site of the project at ``root`` into ``out`` atomically."""
    quiet_mkdocs_logging(verbose)

    config_path = root / config_file
    if not config_path.is_file():
        raise SiteBuildError.at(config_file, f"the site was not built: no such file in {root}", NO_CONFIG_HINT,
                                kind=NO_CONFIG)
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.build-", dir=out.parent))
    try:
        config = load_config(str(config_path), site_dir=str(staging), strict=strict)
        # As `mkdocs build` does: MkDocs keeps plugin instances from one command to the next
        # in a process, and the briefing plugin behaves as the command it was started for.
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except (MkDocsException, SystemExit) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise SiteBuildError.at(config_file, f"the site was not built: {exc or 'MkDocs aborted the build'}",
                                "fix what is reported above and build again; the previous site is "
                                "untouched") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _swap(staging, out)
    return out


def _swap(staging: Path, out: Path) -> None:
    old = None
    if out.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
        old.rmdir()
        out.rename(old)
    staging.rename(out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def quiet_mkdocs_logging(verbose: bool = False) -> None:
    """Show MkDocs' warnings (and its progress when verbose) as plain lines."""
    logger = logging.getLogger("mkdocs")
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger.handlers[:] = [handler]
    logger.setLevel(logging.INFO if verbose else logging.WARNING)
    logger.propagate = False
