"""The plugin's options (``plugins: - briefing:`` in mkdocs.yml), typed and checked by MkDocs.

Each option validates itself while MkDocs reads mkdocs.yml (``mkdocs.config.config_options``),
so a wrong value stops the build with one line naming the option, what it expected and what
it got, and ``BriefingPlugin.on_config`` holds no checks.
"""

from __future__ import annotations

import os

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError

from generator.pagefind_service import SHARD_WORDS


class PositiveInt(c.Type[int]):
    """A whole number of at least one."""

    def __init__(self, default: int) -> None:
        super().__init__(int, default=default)

    def run_validation(self, value: object) -> int:
        number = super().run_validation(value)
        if isinstance(number, bool) or number < 1:
            raise ValidationError(f"Expected a positive number, not {value!r}.")
        return number


class ProjectFolder(c.Dir):
    """An existing folder, relative to mkdocs.yml; when left out, mkdocs.yml's own folder."""

    def post_validation(self, config: Config, key_name: str) -> None:
        if config[key_name] is None:
            config[key_name] = os.path.abspath(self.config_dir or ".")


class BriefingPluginConfig(Config):
    """Options under ``plugins: - briefing:`` in mkdocs.yml."""

    root = c.Optional(ProjectFolder(exists=True))
    """The project folder holding site_config.yml; default: the folder of mkdocs.yml."""
    search_shard_words = PositiveInt(default=SHARD_WORDS)
    """Words of search text per run of the search indexer, which needs about 1 kB of memory
    per word: a larger briefing's index is written in shards, merged when searching."""
    incremental = c.Type(bool, default=True)
    """In the preview (``briefing serve``, ``mkdocs serve``), plan and render again only the pages
    an edit changes (``generator/incremental.py``); off, every rebuild generates everything."""
    progress = c.Type(bool, default=True)
    """Report a long build's stage and pages rendered (a bar on a terminal, a line every few
    seconds otherwise)."""
