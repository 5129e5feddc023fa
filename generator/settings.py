"""Settings: ``site_config.yml`` -> one frozen, validated :class:`Settings` object.

The one settings loader: the defaults below are merged with the user's file and validated
once, with the same located errors as the briefing files, and ``BRIEFING_BASE_URL`` (set by
the deploy workflow) wins over the file's ``base_url``. Every later stage reads settings
from here. :func:`find_root` finds the project from any folder inside it, as git finds
``.git``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, TypeAdapter, ValidationError

from generator.errors import BriefingError, Problem, Severity
from generator.model import OneLine, Url
from generator.validate import read_yaml, validate

CONFIG_NAME = "site_config.yml"
BASE_URL_VARIABLE = "BRIEFING_BASE_URL"


class Features(BaseModel):
    """Optional parts of the site that a briefing can switch off."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)
    timeline: StrictBool = Field(True, description="Write the timeline page.")
    entities: StrictBool = Field(True, description="Write the entity pages.")
    latest_facts: StrictInt = Field(5, ge=0, le=50, description="Dated facts listed on the home page.")
    list_page_facts: StrictInt = Field(
        200, ge=2, le=5000,
        description="Most facts one page lists (the timeline, the tags page, the status legend): "
                    "past that, each month, tag or status gets its own page, and a long list "
                    "goes on over several pages.")


class Settings(BaseModel):
    """Generator settings for one briefing site."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)
    title: OneLine = Field("Briefing", description="Site title.")
    description: OneLine = Field("", description="One line saying what the briefing covers.")
    base_url: Url | None = Field(None, description="Where the site is published (http/https).")
    briefings_dir: OneLine = Field("briefings", description="Folder of the YAML fact files.")
    templates_dir: OneLine = Field("templates", description="Folder of the Jinja page templates.")
    output: OneLine = Field("site", description="Where `briefing build` writes the site.")
    features: Features = Field(default_factory=Features)


def load_settings(root: Path) -> Settings:
    """Read ``site_config.yml`` (defaults where absent); raise :class:`BriefingError` if invalid."""
    path = root / CONFIG_NAME
    problems: list[Problem] = []
    settings: Any = Settings()
    if path.exists():
        loaded = read_yaml(path, root, problems)
        settings = validate(Settings, loaded, problems) if loaded is not None else None
    if not isinstance(settings, Settings):
        raise BriefingError(problems)
    return _with_environment(settings)


def _with_environment(settings: Settings) -> Settings:
    """``BRIEFING_BASE_URL`` (set by the deploy workflow to the Pages address) wins over the file."""
    base_url = os.environ.get(BASE_URL_VARIABLE, "").strip()
    if not base_url:
        return settings
    try:
        return settings.model_copy(update={"base_url": TypeAdapter(Url).validate_python(base_url)})
    except ValidationError:
        raise BriefingError([Problem(f"${BASE_URL_VARIABLE}", 1, 1, Severity.ERROR,
                                     f"{base_url!r} is not an absolute http/https URL",
                                     "set it to the address the site is published at",
                                     kind="bad URL")]) from None


def project_paths(root: Path, settings: Settings) -> tuple[Path, Path]:
    """The briefings and templates folders of a project, resolved against its root."""
    return (root / settings.briefings_dir).resolve(), (root / settings.templates_dir).resolve()


def find_root(start: Path) -> Path | None:
    """The project folder holding ``start``: the nearest folder, ``start`` or above it, that
    has a ``site_config.yml``. None when there is none."""
    here = start.resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    return None
