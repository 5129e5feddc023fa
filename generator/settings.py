"""Settings: ``site_config.yml`` -> one frozen, validated :class:`Settings` object.

The defaults below are merged with the user's file and validated once, with the same
located errors as the briefing files; every later stage reads settings from here.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt

from generator.model import OneLine, Url

CONFIG_NAME = "site_config.yml"


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


def default_settings() -> Settings:
    """Settings with every default, for a root that has no ``site_config.yml``."""
    return Settings()


def project_paths(root: Path, settings: Settings) -> tuple[Path, Path]:
    """The briefings and templates folders of a project, resolved against its root."""
    return (root / settings.briefings_dir).resolve(), (root / settings.templates_dir).resolve()
