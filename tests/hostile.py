"""Test support for hostile input: a tmp project whose every text field the test chooses.

Used by test_hazards.py and test_properties.py. ``write_project`` writes a small but
complete briefing (three sources, one a reference, two entities, one topic with an alleged,
denied, dated fact whose values differ in detail and whose citation has an error, and a key
judgment resting on it) where each text field of the format holds a value the test passes,
written as a YAML double-quoted scalar with escapes so that *any* string reaches the model
exactly, on a line the test knows. ``render_site`` runs the generator's own core (``generate``)
and converts every page with Python-Markdown and the extensions listed in mkdocs.yml,
the way MkDocs would, but without the theme (fast); ``skeleton`` compares what it renders.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import markdown
import yaml
from mkdocs.utils.meta import get_data

from generator.generate import generate

REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Field:
    """One text field of the format, as this project writes it."""

    name: str
    file: str
    one_line: bool
    markdown: bool = False

    @property
    def placeholder(self) -> str:
        """A word that renders as itself and occurs nowhere else in the project."""
        return "Zq" + re.sub(r"[^a-z]", "", self.name) + "qz"


FIELDS: dict[str, Field] = {f.name: f for f in [
    Field("source.title", "briefings/sources/s-one.yml", one_line=True),
    Field("source.outlet", "briefings/sources/s-one.yml", one_line=True),
    Field("source.author", "briefings/sources/s-one.yml", one_line=True),
    Field("source.published_note", "briefings/sources/s-one.yml", one_line=True),
    Field("entity.name", "briefings/entities.yml", one_line=True),
    Field("entity.description", "briefings/entities.yml", one_line=True),
    Field("entity.alias", "briefings/entities.yml", one_line=True),
    Field("topic.title", "briefings/topics/t-one.yml", one_line=True),
    Field("topic.summary", "briefings/topics/t-one.yml", one_line=False, markdown=True),
    Field("fact.claim", "briefings/topics/t-one.yml", one_line=False, markdown=True),
    Field("fact.date_note", "briefings/topics/t-one.yml", one_line=True),
    Field("cite.locator", "briefings/topics/t-one.yml", one_line=True),
    Field("cite.quote", "briefings/topics/t-one.yml", one_line=False),
    Field("cite.value", "briefings/topics/t-one.yml", one_line=True),
    Field("cite.error", "briefings/topics/t-one.yml", one_line=False),
    Field("fact.reconciliation", "briefings/topics/t-one.yml", one_line=False),
    Field("correction.note", "briefings/topics/t-one.yml", one_line=False),
    Field("fact.retired", "briefings/topics/t-one.yml", one_line=False),
    Field("judgment.question", "briefings/judgments.yml", one_line=True),
    Field("judgment.judgment", "briefings/judgments.yml", one_line=False, markdown=True),
    Field("judgment.basis", "briefings/judgments.yml", one_line=False),
    Field("judgment.assumption", "briefings/judgments.yml", one_line=False),
    Field("judgment.alternative", "briefings/judgments.yml", one_line=False),
    Field("judgment.gap", "briefings/judgments.yml", one_line=False),
    Field("judgment.indicator", "briefings/judgments.yml", one_line=False),
    Field("judgment.change", "briefings/judgments.yml", one_line=False),
    Field("site.title", "site_config.yml", one_line=True),
    Field("site.description", "site_config.yml", one_line=True),
]}

# Each file of the project, with `{field.name}` where that field's YAML scalar goes.
# Every field stands alone on its line, so its line number is known.
_TEMPLATES: dict[str, str] = {
    "briefings/sources/s-one.yml": """\
title: {source.title}
outlet: {source.outlet}
author: {source.author}
published: "2024-01-02"
published_note: {source.published_note}
url: "https://example.org/one"
archive_url: "https://archive.example.org/one"
""",
    "briefings/sources/s-two.yml": """\
title: "Second report"
published: "2024"
archive_url: "https://archive.example.org/two"
""",
    "briefings/sources/s-ref.yml": """\
title: "Zqreferencepageqz"
published: "2024"
kind: reference
url: "https://reference.example.org/page"
archive_url: "https://archive.example.org/ref"
accessed: "2024-05-06"
""",
    "briefings/entities.yml": """\
e-one:
  name: {entity.name}
  kind: person
  description: {entity.description}
  aliases:
    - {entity.alias}
e-two:
  name: "Zqsecondpartyqz"
  kind: country
""",
    "briefings/topics/t-one.yml": """\
title: {topic.title}
summary: {topic.summary}
facts:
  - id: f-one
    claim: {fact.claim}
    date: "2024-03"
    date_note: {fact.date_note}
    status: alleged
    attributed_to: [e-one]
    denied_by: [e-two]
    entities: [e-one]
    cites:
      - source: s-one
        locator: {cite.locator}
        quote: {cite.quote}
        value: {cite.value}
      - source: s-two
        locator: "paragraph 2"
        value: "other"
        error: {cite.error}
      - source: s-ref
        locator: "lead"
    difference: detail
    reconciliation: {fact.reconciliation}
    corrections:
      - date: "2024-05-07"
        note: {correction.note}
  - id: f-two
    claim: "Zqsecondfactqz"
    date: "2024-04-05"
    status: confirmed
    entities: [e-two]
    cites:
      - source: s-two
        locator: "headline"
      - source: s-one
        locator: "headline"
  - id: f-three
    claim: "Zqthirdfactqz"
    status: reported
    cites:
      - source: s-two
        locator: "paragraph 9"
    retired: {fact.retired}
""",
    "briefings/judgments.yml": """\
- id: j-one
  question: {judgment.question}
  judgment: {judgment.judgment}
  likelihood: likely
  confidence: moderate
  basis: {judgment.basis}
  supports: [f-one]
  cuts_against: [f-two]
  topics: [t-one]
  assumptions:
    - {judgment.assumption}
  alternatives:
    - text: {judgment.alternative}
      likelihood: unlikely
  gaps:
    - {judgment.gap}
  indicators:
    - {judgment.indicator}
  reviewed: "2024-06-01"
  history:
    - date: "2024-06-01"
      change: {judgment.change}
""",
    "site_config.yml": """\
title: {site.title}
description: {site.description}
features:
  timeline: true
  entities: true
  latest_facts: 5
""",
}


def yaml_quote(text: str) -> str:
    """``text`` as a YAML double-quoted scalar that loads back to exactly ``text``.

    Printable characters are written as they are (so UTF-8, RTL and emoji go through the
    file as bytes); everything else, line breaks included, as a YAML escape.
    """
    out = ['"']
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif char.isprintable() and code not in (0xFEFF, 0xFFFE, 0xFFFF) and char != "\x85":
            out.append(char)
        elif code <= 0xFF:
            out.append(f"\\x{code:02x}")
        elif code <= 0xFFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    out.append('"')
    return "".join(out)


def field_values(overrides: dict[str, str] | None = None) -> dict[str, str]:
    """Every field's value: its placeholder unless overridden."""
    values = {name: field.placeholder for name, field in FIELDS.items()}
    values.update(overrides or {})
    return values


def write_project(root: Path, overrides: dict[str, str] | None = None) -> dict[str, tuple[str, int, int]]:
    """Write the project's briefing and settings under ``root`` (which already holds the
    templates and mkdocs.yml); return where each field's value starts: (file, line, column)."""
    values = field_values(overrides)
    where: dict[str, tuple[str, int, int]] = {}
    for rel, template in _TEMPLATES.items():
        lines = template.splitlines(keepends=True)
        for number, line in enumerate(lines, start=1):
            for name in re.findall(r"\{([a-z_.]+)\}", line):
                where[name] = (rel, number, line.index("{" + name + "}") + 1)
                lines[number - 1] = line.replace("{" + name + "}", yaml_quote(values[name]))
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("".join(lines), encoding="utf-8")
    return where


@lru_cache(maxsize=1)
def markdown_settings() -> tuple[list[str], dict[str, dict[str, Any]]]:
    """The Markdown extensions and their settings, read from the repository's mkdocs.yml."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    names: list[str] = []
    settings: dict[str, dict[str, Any]] = {}
    for entry in config["markdown_extensions"]:
        if isinstance(entry, str):
            names.append(entry)
        else:
            ((name, options),) = entry.items()
            names.append(name)
            settings[name] = options or {}
    return names, settings


@dataclass(frozen=True)
class Page:
    """One generated page: its HTML body (as Python-Markdown renders it) and its front matter."""

    markdown: str
    html: str
    meta: dict[str, Any]


def render_markdown(text: str) -> Page:
    """A page's Markdown as MkDocs turns it into HTML (front matter split off first)."""
    body, meta = get_data(text)
    names, settings = markdown_settings()
    html = markdown.Markdown(extensions=names, extension_configs=settings).convert(body)
    return Page(text, html, meta)


def render_site(root: Path) -> dict[str, Page]:
    """Every generated page of the project at ``root``, rendered to HTML."""
    site = generate(root)
    return {uri: render_markdown(data.decode("utf-8")) for uri, data in site.files.items()
            if uri.endswith(".md")}
