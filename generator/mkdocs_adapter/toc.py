"""The table of contents MkDocs made for a page, as the theme shows it: without the facts'
headings. Each fact on a topic page has a heading (its status line, so the page's outline
holds every fact), which would fill the table of contents with "Reported 14 August 2024"
lines; the plugin drops them (their ids end in ``FACT_HEADING``) after the page is converted.
"""

from __future__ import annotations

from mkdocs.structure.toc import AnchorLink

from generator.urls import FACT_HEADING


def without_fact_headings(items: list[AnchorLink]) -> list[AnchorLink]:
    """``items`` and their children, less the headings of facts (at any depth)."""
    kept = [item for item in items if not item.id.endswith(FACT_HEADING)]
    for item in kept:
        item.children = without_fact_headings(item.children)
    return kept
