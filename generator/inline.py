"""Contributor text -> safe Markdown: the one place where YAML text is escaped.

Every text field reaches the page through :func:`escape_text` (plain fields) or
:func:`inline_markdown` (``claim`` and ``summary``, which allow inline Markdown). The
latter parses the text with markdown-it-py (no raw HTML, no entities, no images, only
emphasis, code spans, links and backslash escapes), then re-emits it from the tokens:
every character of the contributor's text is backslash-escaped (the site enables
``pymdownx.escapeall``, so any escaped character is shown literally), whitespace is
folded to single spaces so no block structure can form, code becomes a ``<code>``
element rather than a code span, and links keep only ``http``/``https`` targets.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import quote, urlsplit

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

SAFE_SCHEMES = frozenset({"http", "https"})
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
_WHITESPACE = re.compile(r"\s+")
# C0/C1 controls, line/paragraph separators, and U+FFFE/U+FFFF, which YAML cannot carry
# (the page's front matter would stop parsing and show up as Markdown).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")
_URL_SAFE = "/:?#@!$&'*+,;=%-._~"


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt  # imported when first needed: `briefing check` rarely does

    md = MarkdownIt("zero", {"html": False, "linkify": False, "typographer": False})
    md.enable(["emphasis", "backticks", "link", "escape", "autolink", "newline"])
    # every link is kept as a link, so the check can refuse it (markdown-it's documented override)
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    return md


def fold_whitespace(text: str) -> str:
    """Runs of whitespace (newlines included) become one space; ends are trimmed."""
    return _WHITESPACE.sub(" ", text).strip()


def shorten(text: str, limit: int) -> str:
    """``text`` cut at a word to at most ``limit`` characters, with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


def control_characters(text: str) -> list[str]:
    """Control characters in a text, which no field may hold (they can smuggle markup)."""
    return sorted({f"U+{ord(c):04X}" for c in _CONTROL.findall(text.replace("\n", "").replace("\t", ""))})


@lru_cache(maxsize=1 << 16)  # titles, names and outlets repeat on every page that cites them
def escape_text(text: str) -> str:
    """Plain text as Markdown that renders to exactly that text (whitespace folded)."""
    return _escape(fold_whitespace(text))


def _escape(text: str) -> str:
    return _PUNCTUATION.sub(_escape_character, _WHITESPACE.sub(" ", text))


def _escape_character(match: re.Match[str]) -> str:
    """``\\`` before every ASCII punctuation character, except ``<``, written ``&lt;``: the
    raw-HTML parser of ``md_in_html`` does not honour backslash escapes, so an escaped
    ``\\<D`` would still open a tag there and swallow the template's next ``<div markdown>``."""
    char = match.group(1)
    return "&lt;" if char == "<" else "\\" + char


@dataclass(frozen=True)
class Link:
    """A link written in inline Markdown, with its target as written."""

    text: str
    href: str

    @property
    def is_safe(self) -> bool:
        return is_http_url(self.href)


def is_http_url(url: str) -> bool:
    """An absolute ``http``/``https`` URL with a host."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in SAFE_SCHEMES and bool(parts.netloc) and not _CONTROL.search(url)


def links_in(text: str) -> list[Link]:
    """Every link in a piece of inline Markdown (for the check)."""
    if "[" not in text and "<" not in text:
        return []  # only the `link` ([…](…)) and `autolink` (<…>) rules make links
    found: list[Link] = []
    for token in _inline_tokens(text):
        if token.type == "link_open":
            found.append(Link(text="", href=token.href))
    return found


class _Token(NamedTuple):
    """What the escaping reads of one markdown-it inline token."""

    type: str
    content: str
    href: str


@lru_cache(maxsize=1 << 16)
def _inline_tokens(text: str) -> tuple[_Token, ...]:
    """The inline tokens of a text, parsed once: the check, every page that shows a claim and
    the exports all read the same claim, and parsing is the costly part."""
    tokens: list[_Token] = []
    for block in _parser().parse(text):
        if block.type == "inline" and block.children:
            if tokens:
                tokens.append(_Token("softbreak", "", ""))
            tokens.extend(_Token(t.type, t.content, str(t.attrGet("href") or "")) for t in block.children)
    return tuple(tokens)


def clear_caches() -> None:
    """Forget the parsed and escaped texts of one generation (a large briefing's caches
    would otherwise stay in memory while MkDocs builds the site)."""
    for cached in (_inline_tokens, escape_text, plain_text):
        cached.cache_clear()


def safe_url(url: str) -> str:
    """A URL percent-encoded so it cannot end a Markdown link early or carry markup."""
    return quote(url.strip(), safe=_URL_SAFE).replace("(", "%28").replace(")", "%29").replace("'", "%27")


@dataclass(frozen=True)
class AutoLink:
    """Names (an entity's name and aliases) that link to ``href`` where a text first says one."""

    names: tuple[str, ...]
    href: str
    key: str = ""
    """What the link stands for (an entity id), so one page can skip links to itself."""


_WORDS = re.compile(r"\w+")
_WORD_CHAR = re.compile(r"\w")


class Linker:
    """Links the first mention of each :class:`AutoLink` in the plain text of one claim.

    It works on the text of markdown-it's tokens, before escaping: the name is escaped like
    all other text and the link is built here, so the escaping guarantee is unchanged.
    Build it once and reuse it for every claim: names are indexed by their first word, so
    linking one text costs the same however many entities the briefing has."""

    def __init__(self, autolinks: Sequence[AutoLink]) -> None:
        self.targets: dict[str, int] = {}
        for index, autolink in enumerate(autolinks):
            for name in autolink.names:
                if name.strip():
                    self.targets.setdefault(name.strip(), index)
        self.hrefs = [safe_url(autolink.href) for autolink in autolinks]
        self.keys = {autolink.key: index for index, autolink in enumerate(autolinks) if autolink.key}
        # A name can only match where its first word stands as a whole word in the text.
        self.by_word: dict[str, list[str]] = {}
        self.wordless: list[str] = []
        for name in self.targets:
            first = _WORDS.search(name)
            (self.by_word.setdefault(first.group(0), []) if first else self.wordless).append(name)
        self.cache: dict[str, list[tuple[int, int, int]]] = {}

    def _matches(self, text: str) -> list[tuple[int, int, int]]:
        """(start, end, target) of every name in ``text``, as a regex alternation of all names,
        longest first, between word boundaries, scanning left to right, would find them."""
        found = self.cache.get(text)
        if found is not None:
            return found
        names = set(self.wordless)
        for word in _WORDS.findall(text):
            names.update(self.by_word.get(word, ()))
        candidates: list[tuple[int, int, str]] = []
        for name in names:
            start = text.find(name)
            while start >= 0:
                end = start + len(name)
                if not (start and _WORD_CHAR.match(text, start - 1)) and not _WORD_CHAR.match(text, end):
                    candidates.append((start, -len(name), name))
                start = text.find(name, start + 1)
        found = []
        position = 0
        for start, minus_length, name in sorted(candidates):  # leftmost first, then longest
            if start >= position:
                position = start - minus_length
                found.append((start, position, self.targets[name]))
        if len(self.cache) < 1 << 16:
            self.cache[text] = found
        return found

    def link(self, text: str, done: set[int], prefix: str = "") -> str:
        """``text`` escaped, with the first mention of each target not in ``done`` linked
        (to ``prefix`` + its href: the hrefs can be relative to one folder for many)."""
        out: list[str] = []
        position = 0
        for start, end, index in self._matches(text) if self.targets else ():
            if index in done:
                continue
            done.add(index)
            out.append(_escape(text[position:start]))
            out.append(f"[{_escape(text[start:end])}]({prefix}{self.hrefs[index]})")
            position = end
        out.append(_escape(text[position:]))
        return "".join(out)


def inline_markdown(text: str, autolinks: Sequence[AutoLink] | Linker = (), skip: str = "",
                    prefix: str = "") -> str:
    """Inline Markdown -> Markdown that shows the same inline formatting and nothing else.

    With ``autolinks`` (or a :class:`Linker` built from them), the first mention of each
    one's names in the text (outside code and outside the contributor's own links) becomes
    a link to ``prefix`` + its ``href``; the one whose ``key`` is ``skip`` is never linked."""
    out: list[str] = []
    open_links: list[str | None] = []
    linker = autolinks if isinstance(autolinks, Linker) else Linker(autolinks) if autolinks else None
    done = {linker.keys[skip]} if linker and skip in linker.keys else set()
    for token in _inline_tokens(text):
        kind = token.type
        if kind == "text":
            out.append(linker.link(token.content, done, prefix) if linker and not open_links
                       else _escape(token.content))
        elif kind in ("softbreak", "hardbreak"):
            out.append(" ")
        elif kind == "code_inline":
            out.append(f"<code>{_escape(token.content)}</code>")
        elif kind in ("em_open", "em_close", "strong_open", "strong_close"):
            tag = "em" if kind.startswith("em") else "strong"
            out.append(f"<{'/' if kind.endswith('close') else ''}{tag}>")
        elif kind == "link_open":
            href = token.href
            target = safe_url(href) if is_http_url(href) else None
            open_links.append(target)
            out.append("[" if target else "")
        elif kind == "link_close":
            target = open_links.pop() if open_links else None
            out.append(f"]({target})" if target else "")
        else:
            out.append(_escape(token.content))
    return _WHITESPACE.sub(" ", "".join(out)).strip()


@lru_cache(maxsize=1 << 15)  # the same claim is reduced for several exports
def plain_text(text: str) -> str:
    """Inline Markdown reduced to the words a reader sees (for descriptions and exports)."""
    words: list[str] = []
    for token in _inline_tokens(text):
        if token.type in ("text", "code_inline"):
            words.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            words.append(" ")
    return fold_whitespace("".join(words))
