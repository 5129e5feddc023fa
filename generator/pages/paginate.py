"""The shared paginator: a list of facts -> one page, or numbered pages that link to each other.

Every long list (a month of the timeline, a tag, a status, an entity's role, the
contradictions) goes through :func:`list_pages`: ``<base>.md`` holds the first
``list_page_facts`` facts, ``<base>_page-2.md`` … the rest (``_`` is in no id or tag, so no
name can clash).
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.briefing import PlacedFact
from generator.pages.plan import Plan
from generator.pages.spec import ListSpec, PageSpec
from generator.render import Md
from generator.urls import relative

LIST_TEMPLATE = "fact_list.md.j2"


def page_uris(base: str, count: int, size: int) -> list[str]:
    """The uris of a list of ``count`` facts, ``size`` a page (one page even when empty)."""
    pages = max(1, -(-count // size))
    return [f"{base}.md" if index == 0 else f"{base}_page-{index + 1}.md" for index in range(pages)]


def list_pages(plan: Plan, base: str, placed: list[PlacedFact], spec: ListSpec,
               unlinked: str = "") -> Iterator[PageSpec]:
    """The pages of one list of facts, each with the list's title, intro and ways around
    (``unlinked``: the entity whose list it is, never linked in its claims)."""
    size = plan.list_size
    uris = page_uris(base, len(placed), size)

    def way(target: tuple[str, str] | None, uri: str) -> dict[str, str] | None:
        return {"label": target[0], "link": Md(relative(target[1], uri))} if target else None

    for index, uri in enumerate(uris):
        yield PageSpec(uri, LIST_TEMPLATE, {
            "title": spec.title, "description": spec.description, "intro": spec.intro,
            "style": Md(spec.style),
            "page_number": index + 1,
            "pages": [{"number": number, "link": Md(relative(other, uri)), "current": other == uri}
                      for number, other in enumerate(uris, start=1)],
            "back": way(spec.back, uri), "previous": way(spec.previous, uri), "next": way(spec.next, uri),
            "facts": plan.fact_views(placed[index * size:(index + 1) * size], uri, unlinked),
        })
