"""The shared paginator: a list -> one page, or numbered pages that link to each other.

Every long list (a month of the timeline, a tag, a status, an entity's role, the
contradictions, the changes, the corrections) goes through :func:`paged`: the list's first
page (its uri from ``urls``) holds the first ``list_page_facts`` items, the numbered pages
after it (``urls.page_uri``) the rest. Lists of facts are laid out by :func:`list_pages`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from generator.briefing import PlacedFact
from generator.pages.plan import Plan
from generator.pages.spec import ListSpec, PageSpec
from generator.render import Md
from generator.urls import page_uri, relative

LIST_TEMPLATE = "fact_list.md.j2"
T = TypeVar("T")


def page_uris(first: str, count: int, size: int) -> list[str]:
    """The uris of a list of ``count`` items, ``size`` a page, whose first page is ``first``
    (one page even when empty)."""
    pages = max(1, -(-count // size))
    return [page_uri(first, number) for number in range(1, pages + 1)]


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list: its uri, its number, its items, and links to every page of the
    list (``pages``, as the ``pager`` macro reads them)."""

    uri: str
    number: int
    items: Sequence[T]
    pages: list[dict[str, Any]]


def paged(first: str, items: Sequence[T], size: int) -> Iterator[Page[T]]:
    """The pages of a list whose first page is ``first``, ``size`` items a page (one page, maybe
    empty, for a short list)."""
    uris = page_uris(first, len(items), size)
    for index, uri in enumerate(uris):
        yield Page(uri, index + 1, items[index * size:(index + 1) * size],
                   [{"number": number, "link": Md(relative(other, uri)), "current": other == uri}
                    for number, other in enumerate(uris, start=1)])


def list_pages(plan: Plan, first: str, placed: list[PlacedFact], spec: ListSpec,
               unlinked: str = "") -> Iterator[PageSpec]:
    """The pages of one list of facts, each with the list's title, intro and ways around
    (``unlinked``: the entity whose list it is, never linked in its claims)."""

    def way(target: tuple[str, str] | None, uri: str) -> dict[str, str] | None:
        return {"label": target[0], "link": Md(relative(target[1], uri))} if target else None

    for page in paged(first, placed, plan.list_size):
        yield PageSpec(page.uri, LIST_TEMPLATE, {
            "title": spec.title, "description": spec.description, "intro": spec.intro,
            "style": Md(spec.style),
            "page_number": page.number,
            "pages": page.pages,
            "back": way(spec.back, page.uri), "previous": way(spec.previous, page.uri),
            "next": way(spec.next, page.uri),
            "facts": plan.fact_views(list(page.items), page.uri, unlinked),
        })
