"""The planners' product: one page to render, and how a list of facts is introduced.

A :class:`PageSpec` says where a page goes, which template lays it out and everything the
template shows (its context). The orchestrator (``generate``) renders each spec as it comes
and knows nothing of what it holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class PageSpec:
    """One page to render: where it goes, with which template, from which context."""

    uri: str
    template: str
    context: dict[str, Any]


@dataclass(frozen=True)
class ListSpec:
    """A list of facts as its pages introduce it. ``back`` and ``previous``/``next`` are
    (label, uri) of the page that introduces the list and of the lists before and after it;
    ``style`` names the line each fact gets (see ``fact_list.md.j2``)."""

    title: str
    description: str
    intro: str
    style: str
    back: tuple[str, str]
    previous: tuple[str, str] | None = None
    next: tuple[str, str] | None = None
