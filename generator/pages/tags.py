"""The tags page: every tag with the current facts that carry it; when that is more facts than
``list_page_facts``, the page only indexes the tags and each tag gets its own list."""

from __future__ import annotations

from collections.abc import Iterator

from generator.pages.paginate import list_pages
from generator.pages.plan import Plan
from generator.pages.spec import ListSpec, PageSpec
from generator.render import Md
from generator.urls import TAGS, tag_uri
from generator.vocabulary import plural

URI = TAGS


def tag_pages(plan: Plan) -> Iterator[PageSpec]:
    split = plan.split_tags
    yield PageSpec(URI, "tags.md.j2", {"tags": [{
        "tag": Md(tag), "count": len(placed), "link": plan.tag_link(tag, "") if split else Md(f"#{tag}"),
        "facts": [] if split else plan.fact_views(placed, URI),
    } for tag, placed in plan.facts_by_tag.items()]})
    if not split:
        return
    for tag, placed in plan.facts_by_tag.items():
        yield from list_pages(plan, tag_uri(tag), placed, ListSpec(
            title=f"Tag: {tag}", description=f"Every fact tagged {tag}.",
            intro=f"{plural(len(placed), 'fact')} carry the tag {tag}." if len(placed) != 1
            else f"1 fact carries the tag {tag}.", style="line", back=("All tags", URI)))
