"""The one escaping path: contributor text -> Markdown that shows exactly that text."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup

from generator.inline import escape_text, inline_markdown, links_in, plain_text, shorten

EXTENSIONS = ["footnotes", "attr_list", "md_in_html", "admonition", "toc", "pymdownx.escapeall"]
CONFIG = {"pymdownx.escapeall": {"hardbreak": False, "nbsp": False}}


def to_html(md_text: str) -> BeautifulSoup:
    return BeautifulSoup(markdown.markdown(md_text, extensions=EXTENSIONS, extension_configs=CONFIG),
                         "html.parser")


HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    'text {: onclick="alert(1)"}',
    "# Fake heading",
    "a | b\n--|--\nc | d",
    "[^1] and [^1]: injected",
    '--8<-- "/etc/passwd"',
    "&amp; &lt;b&gt; &#x3C;",
    "\\*not emphasis\\* _x_ ~~y~~ ==z== ^^w^^ :smile:",
    "1. list\n- item\n> quote",
    "    indented code",
    "```\nfence\n```",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_plain_text_renders_literally_with_no_markup(text: str) -> None:
    soup = to_html(escape_text(text))
    assert [tag.name for tag in soup.find_all(True)] == ["p"]
    assert soup.get_text() == " ".join(text.split())


def test_inline_markdown_keeps_emphasis_code_and_safe_links_only() -> None:
    source = "Plain *em* **strong** `co<de>` [a link](https://example.org/a_(b)) <b>raw</b>"
    soup = to_html(inline_markdown(source))
    assert [tag.name for tag in soup.p.find_all(True)] == ["em", "strong", "code", "a"]
    assert soup.a["href"] == "https://example.org/a_%28b%29"
    assert soup.code.get_text() == "co<de>"
    assert soup.get_text() == "Plain em strong co<de> a link <b>raw</b>"


@pytest.mark.parametrize("href", ["javascript:alert(1)", "data:text/html,x", "vbscript:x", "file:///etc/passwd",
                                  "/relative", "mailto:a@b.c"])
def test_unsafe_links_are_found_for_the_check_and_never_rendered(href: str) -> None:
    text = f"[click]({href})"
    assert [link.href for link in links_in(text)] == [href]
    assert not links_in(text)[0].is_safe
    soup = to_html(inline_markdown(text))
    assert soup.find("a") is None
    assert soup.get_text() == "click"


def test_block_structure_in_a_claim_is_folded_into_one_paragraph() -> None:
    soup = to_html(inline_markdown("First\n\n# Heading\n\n- item\n\n> quote"))
    assert [tag.name for tag in soup.find_all(True)] == ["p"]
    assert soup.get_text() == "First # Heading - item > quote"


def test_plain_text_drops_markup_for_descriptions() -> None:
    assert plain_text("Some *emphasis* and [a link](https://x.org)") == "Some emphasis and a link"


def test_shorten_cuts_at_a_word_and_says_so() -> None:
    assert shorten("Alpha shipped goats", 50) == "Alpha shipped goats"
    assert shorten("Alpha shipped goats to Beta", 16) == "Alpha shipped…"
    assert len(shorten("word " * 40, 90)) <= 90
