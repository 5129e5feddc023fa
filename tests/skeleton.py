"""Test support for comparing pages: HTML -> the skeleton a reader gets, and what a page must be.

``skeleton`` reduces HTML to the sequence of elements, attributes and (whitespace-folded) text
a reader gets, so two renderings can be compared exactly, and ``expected_skeleton`` says what a
page must be: the control page (placeholders in every field, see ``hostile``) with each
placeholder replaced by the field's text (plain fields) or by markdown-it's own rendering of it
(``claim``, ``summary``, ``judgment``).
"""

from __future__ import annotations

import difflib
import html
import json
import re
from functools import lru_cache
from typing import Any
from urllib.parse import unquote

from bs4 import BeautifulSoup, NavigableString, Tag
from markdown_it import MarkdownIt

from tests.hostile import Field

_FOLD = re.compile(r"\s+")


def fold(text: str) -> str:
    return _FOLD.sub(" ", text).strip()


Event = tuple[Any, ...]


def skeleton(html: str | Tag) -> list[Event]:
    """HTML as a flat list of ("<", tag, attributes), ("text", folded) and (">", tag) events.

    Adjacent text is merged and folded (so are attribute values), so only what a reader
    sees counts. Heading ids
    are slugs of the heading's text (made by the toc extension): they are dropped, and
    every link to one (``#slug``) reads ``#(heading)``. A script that holds JSON (JSON-LD,
    Material's config) counts as ("Script", "json") when it parses; other scripts,
    comments and the doctype count with their exact text.
    """
    root = BeautifulSoup(html, "html.parser") if isinstance(html, str) else html
    headings = {str(h["id"]) for h in root.find_all(_HEADING) if h.get("id")}
    events: list[Event] = []
    text: list[str] = []

    def flush() -> None:
        folded = fold("".join(text))
        text.clear()
        if folded:
            events.append(("text", folded))

    def walk(node: Tag) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if type(child) is NavigableString:
                    text.append(str(child))
                else:
                    flush()
                    events.append((type(child).__name__, _special(child)))
                continue
            assert isinstance(child, Tag)
            flush()
            attrs = {k: fold(" ".join(v) if isinstance(v, list) else v) for k, v in child.attrs.items()}
            if _HEADING.fullmatch(child.name):
                attrs.pop("id", None)
            if attrs.get("href", "").startswith("#") and attrs["href"][1:] in headings:
                attrs["href"] = "#(heading)"
            elif attrs.get("href", "").startswith(("http://", "https://")):
                attrs["href"] = unquote(attrs["href"])  # `(` and `%28` lead to the same place
            events.append(("<", child.name, tuple(sorted(attrs.items()))))
            walk(child)
            flush()
            events.append((">", child.name))

    walk(root)
    flush()
    return events


_HEADING = re.compile(r"h[1-6]")
#: elements whose text is never rich: a field's text shows there as plain words
_PLAIN_CONTEXT = frozenset({"title", "script", "style", "svg", "textarea", "option"})


def _special(node: NavigableString) -> str:
    if type(node).__name__ == "Script":
        try:
            json.loads(str(node))
        except ValueError:
            return str(node)
        return "json"
    return str(node)


@lru_cache(maxsize=1)
def reference_inline() -> MarkdownIt:
    """markdown-it-py configured with the inline rules the format allows, rendering HTML
    itself: the independent reference for what a claim or summary must look like."""
    md = MarkdownIt("zero", {"html": False, "linkify": False, "typographer": False})
    md.enable(["emphasis", "backticks", "link", "escape", "autolink", "newline"])
    return md


def reference_fragment(field: Field, text: str) -> list[Tag | NavigableString]:
    """What a field's text must become in a page's flow: the text itself, folded (plain
    fields), or markdown-it's rendering of it with its paragraphs run together, line breaks
    as spaces and links without titles (``claim`` and ``summary``)."""
    if not field.markdown:
        return [NavigableString(fold(text))]
    soup = BeautifulSoup(reference_inline().render(text), "html.parser")
    for br in soup.find_all("br"):
        br.replace_with(" ")
    for link in soup.find_all("a"):
        link.attrs.pop("title", None)
    nodes: list[Tag | NavigableString] = []
    for paragraph in soup.find_all("p"):
        if nodes:
            nodes.append(NavigableString(" "))
        nodes.extend(list(paragraph.contents))
    return nodes


def reference_words(field: Field, text: str) -> str:
    """What a field's text must become where only words can go (attributes, titles)."""
    if not field.markdown:
        return fold(text)
    nodes = reference_fragment(field, text)
    return fold("".join(n.get_text() if isinstance(n, Tag) else str(n) for n in nodes))


def expected_skeleton(control_html: str, replacements: dict[str, tuple[Field, str]]) -> list[Event]:
    """The control page with each placeholder replaced by what its text must become:
    the reference fragment in the page's flow, the reference words in attributes and in
    elements that hold only text."""
    soup = BeautifulSoup(control_html, "html.parser")
    for placeholder, (field, text) in replacements.items():
        words = reference_words(field, text)
        for tag in soup.find_all(True):
            for name, value in tag.attrs.items():
                if isinstance(value, str) and placeholder in value:
                    tag[name] = value.replace(placeholder, words)
        pattern = re.compile(re.escape(placeholder))
        while nodes := [n for n in soup.find_all(string=pattern) if type(n) is NavigableString]:
            node = nodes[0]
            before, _, after = str(node).partition(placeholder)
            plain = any(parent.name in _PLAIN_CONTEXT for parent in node.parents)
            fragment = [NavigableString(words)] if plain else reference_fragment(field, text)
            middle = [_copy(n) for n in fragment]
            parts: list[Any] = [NavigableString(before)] if before else []
            parts += middle
            parts += [NavigableString(after)] if after else []
            if not parts:
                node.extract()
                continue
            first = parts[0]
            node.replace_with(first)
            anchor = first
            for part in parts[1:]:
                anchor.insert_after(part)
                anchor = part
    return skeleton(soup)


def _copy(node: Tag | NavigableString) -> Tag | NavigableString:
    if isinstance(node, NavigableString):
        return NavigableString(str(node))
    return BeautifulSoup(str(node), "html.parser").contents[0]


def element_ids(html: str) -> list[str]:
    """Every id attribute of a page, in order (to find clashes)."""
    return [str(tag["id"]) for tag in BeautifulSoup(html, "html.parser").find_all(id=True)]


def undo_material_logo_escape(events: list[Event]) -> list[Event]:
    """Material's header and nav write the site title escaped a second time (``title="{{
    config.site_name | e }}"``) beside an unescaped ``aria-label``, so the logo's tooltip
    shows ``&amp;`` for ``&``: a display defect of the theme, not markup. Apply this to a
    built page's skeleton (never to the expected one) to undo it."""
    out = []
    for event in events:
        if event[0] == "<" and "md-logo" in dict(event[2]).get("class", ""):
            attrs = dict(event[2])
            attrs["title"] = html.unescape(attrs["title"])
            event = ("<", event[1], tuple(sorted(attrs.items())))
        out.append(event)
    return out


def assert_same_page(got: list[Event], expected: list[Event], where: str) -> None:
    """``got == expected``, failing with a readable diff of the two skeletons."""
    if got != expected:
        diff = difflib.unified_diff([repr(e) for e in expected], [repr(e) for e in got], "expected", "built",
                                    lineterm="", n=2)
        raise AssertionError(f"{where} differs from the template's structure and text:\n" + "\n".join(diff))
