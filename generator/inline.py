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
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote, urlsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token

SAFE_SCHEMES = frozenset({"http", "https"})
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
_WHITESPACE = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_URL_SAFE = "/:?#@!$&'*+,;=%-._~"


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("zero", {"html": False, "linkify": False, "typographer": False})
    md.enable(["emphasis", "backticks", "link", "escape", "autolink", "newline"])
    md.validateLink = lambda url: True  # every link is kept as a link, so the check can refuse it
    return md


def fold_whitespace(text: str) -> str:
    """Runs of whitespace (newlines included) become one space; ends are trimmed."""
    return _WHITESPACE.sub(" ", text).strip()


def control_characters(text: str) -> list[str]:
    """Control characters in a text, which no field may hold (they can smuggle markup)."""
    return sorted({f"U+{ord(c):04X}" for c in _CONTROL.findall(text.replace("\n", "").replace("\t", ""))})


def escape_text(text: str) -> str:
    """Plain text as Markdown that renders to exactly that text (whitespace folded)."""
    return _escape(fold_whitespace(text))


def _escape(text: str) -> str:
    return _PUNCTUATION.sub(r"\\\1", _WHITESPACE.sub(" ", text))


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
    found: list[Link] = []
    for token in _inline_tokens(text):
        if token.type == "link_open":
            found.append(Link(text="", href=str(token.attrGet("href") or "")))
    return found


def _inline_tokens(text: str) -> list[Token]:
    tokens: list[Token] = []
    for block in _parser().parse(text):
        if block.type == "inline" and block.children:
            if tokens:
                tokens.append(Token("softbreak", "br", 0))
            tokens.extend(block.children)
    return tokens


def safe_url(url: str) -> str:
    """A URL percent-encoded so it cannot end a Markdown link early or carry markup."""
    return quote(url.strip(), safe=_URL_SAFE).replace("(", "%28").replace(")", "%29").replace("'", "%27")


def inline_markdown(text: str) -> str:
    """Inline Markdown -> Markdown that shows the same inline formatting and nothing else."""
    out: list[str] = []
    open_links: list[str | None] = []
    for token in _inline_tokens(text):
        kind = token.type
        if kind == "text":
            out.append(_escape(token.content))
        elif kind in ("softbreak", "hardbreak"):
            out.append(" ")
        elif kind == "code_inline":
            out.append(f"<code>{_escape(token.content)}</code>")
        elif kind in ("em_open", "em_close", "strong_open", "strong_close"):
            tag = "em" if kind.startswith("em") else "strong"
            out.append(f"<{'/' if kind.endswith('close') else ''}{tag}>")
        elif kind == "link_open":
            href = str(token.attrGet("href") or "")
            target = safe_url(href) if is_http_url(href) else None
            open_links.append(target)
            out.append("[" if target else "")
        elif kind == "link_close":
            target = open_links.pop() if open_links else None
            out.append(f"]({target})" if target else "")
        else:
            out.append(_escape(token.content))
    return _WHITESPACE.sub(" ", "".join(out)).strip()


def plain_text(text: str) -> str:
    """Inline Markdown reduced to the words a reader sees (for descriptions and exports)."""
    words: list[str] = []
    for token in _inline_tokens(text):
        if token.type in ("text", "code_inline"):
            words.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            words.append(" ")
    return fold_whitespace("".join(words))
