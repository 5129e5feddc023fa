"""The one URL policy: where each page is, how pages link to each other, what readers see.

A page is known by its *uri*, the path of its Markdown file in the site's tree
(``topics/x.md``). Pages link to each other by relative links between uris, which MkDocs
resolves and checks. Exports, the search index and the feed need the page's *public*
address instead: :class:`Urls` turns a uri into the path MkDocs gives it (``topics/x/`` with
``use_directory_urls``, ``topics/x.html`` without) and, with ``base_url``, into an absolute
URL.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import lru_cache

#: The uris of the site's pages that are not made per record.
HOME = "index.md"
JUDGMENTS = "judgments.md"
TIMELINE = "timeline.md"
STATUS_LEGEND = "status.md"
TAGS = "tags.md"
SOURCES = "sources/index.md"
ENTITIES = "entities/index.md"
CHANGES = "changes.md"
CORRECTIONS = "corrections.md"
CONTRADICTIONS = "contradictions.md"
MAP = "map.md"
#: The end of a fact's heading id on its topic page (``<fact id>_head``; no fact id holds "_"),
#: which the table of contents leaves out.
FACT_HEADING = "_head"


def topic_uri(topic_id: str) -> str:
    return f"topics/{topic_id}.md"


def source_uri(source_id: str) -> str:
    return f"sources/{source_id}.md"


def entity_uri(entity_id: str) -> str:
    return f"entities/{entity_id}.md"


# The list pages a long list is split into (past ``list_page_facts`` facts); each list goes on
# over numbered pages (:func:`page_uri`). ``_`` is in no id, tag or status, so no name clashes.


def tag_uri(tag: str) -> str:
    """The list of the facts that carry a tag (when the tags page only indexes them)."""
    return f"tags/{tag}.md"


def status_uri(status: str) -> str:
    """The list of the facts of a status, or of the denied claims (``denied``)."""
    return f"status/{status}.md"


def timeline_period_uri(period: str) -> str:
    """The timeline of a month (``2024-08``) or of a year's facts known only to the year (``2024``)."""
    return f"timeline/{period}.md"


def entity_role_uri(entity_id: str, role: str) -> str:
    """The list of the facts in which an entity plays a role (``about``, ``asserts``, ``denies``)."""
    return f"entities/{entity_id}_{role}.md"


def page_uri(first: str, number: int) -> str:
    """Page ``number`` (from 1) of a list whose first page is ``first``: ``tags/x.md``,
    ``tags/x_page-2.md``, …"""
    return first if number == 1 else f"{first.removesuffix('.md')}_page-{number}.md"


def folder_of(uri: str) -> str:
    """The folder of a page's uri ("" for the root): all a relative link depends on."""
    return uri.rpartition("/")[0]


def relative(target: str, from_uri: str) -> str:
    """A link from the page ``from_uri`` to ``target`` (a uri, with an optional ``#anchor``)."""
    return relative_from_folder(target, folder_of(from_uri))


def relative_from_folder(target: str, folder: str) -> str:
    path, _, anchor = target.partition("#")
    link = _relpath(path, folder) if path else ""
    return f"{link}#{anchor}" if anchor else link


@lru_cache(maxsize=1 << 16)
def _relpath(path: str, folder: str) -> str:
    return posixpath.relpath(path, folder or ".")


def up_to_root(folder: str) -> str:
    """The relative way from a folder's pages up to the root ("" at the root, else "../"…)."""
    return "../" * len(folder.split("/")) if folder else ""


@dataclass(frozen=True)
class Urls:
    """Public addresses of pages, as MkDocs writes them (``use_directory_urls``) and, with
    ``base_url``, absolute."""

    base_url: str | None = None
    directory_urls: bool = True

    def path(self, uri: str) -> str:
        """The site-relative address of a page: ``topics/x.md`` -> ``topics/x/`` (or ``.html``)."""
        stem = uri.removesuffix(".md")
        if not self.directory_urls:
            return f"{stem}.html"
        if stem == "index":
            return ""
        return stem.removesuffix("/index") + "/"

    def absolute(self, path: str) -> str:
        """A site path made absolute with ``base_url`` (kept site-relative when there is none)."""
        if not self.base_url:
            return path
        return self.base_url.rstrip("/") + "/" + path

    def page(self, uri: str, anchor: str = "") -> str:
        """A page's public URL (absolute with ``base_url``), with an optional anchor."""
        return self.absolute(self.path(uri)) + (f"#{anchor}" if anchor else "")

    def link_from(self, uri: str, page_uri: str, anchor: str = "") -> str:
        """A page's URL as written on another page's public address: absolute with ``base_url``,
        else relative to that page (JSON-LD resolves links against the page it is in)."""
        if self.base_url:
            return self.page(uri, anchor)
        target, page = self.path(uri), self.path(page_uri)
        page_folder = page if page.endswith("/") or not page else posixpath.dirname(page)
        link = posixpath.relpath(target or ".", page_folder or ".")
        if link == ".":
            link = "" if anchor else "./"
        elif target.endswith("/") or not target:
            link += "/"
        return link + (f"#{anchor}" if anchor else "")
