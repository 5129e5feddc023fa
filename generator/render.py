"""Stage 5 of the pipeline: page specs -> Markdown text, through the Jinja templates.

The escaping lives here, once. Every ``{{ … }}`` a template writes passes through
:func:`finalize`: plain text from YAML is backslash-escaped so it shows literally,
whatever it holds; only values already marked :class:`Md` (ids, links built by
``pages``, and the output of the ``md`` filter, which re-emits a claim's inline Markdown
from markdown-it tokens) go through unchanged. A template that forgets a filter
therefore shows text, never markup.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from generator.inline import escape_text, fold_whitespace, inline_markdown, is_http_url, plain_text, safe_url, shorten
from generator.vocabulary import date_label, plural


class Md(str):
    """Markdown that is already safe to place in a page as it is."""

    __slots__ = ()


def finalize(value: Any) -> Markup:
    """What every template expression becomes: Md (and macro output) as is, anything else
    as literal text. The result is marked so Jinja's own HTML autoescape leaves it alone."""
    if isinstance(value, (Md, Markup)):
        return Markup(value)
    if value is None or value is False:
        return Markup("")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return Markup(str(value))
    return Markup(escape_text(str(value)))


def md_filter(text: str) -> Md:
    """``{{ fact.claim | md }}``: the inline Markdown a contributor may use, made safe."""
    return Md(inline_markdown(text))


def text_filter(text: Any) -> Md:
    """``{{ x | text }}``: explicitly literal text (the default for every expression)."""
    return Md(finalize(text))


def url_filter(url: str) -> Md:
    """A URL that the model already checked is http/https, encoded for a Markdown link."""
    if not is_http_url(url):
        raise ValueError(f"refusing to link to {url!r}")
    return Md(safe_url(url))


def meta_filter(text: str) -> Md:
    """A front-matter value for the theme's HTML head: the text as written (whitespace
    folded; pass inline Markdown through ``words`` first), HTML-escaped, as a JSON string
    (valid YAML). The theme writes meta values without escaping them."""
    words = shorten(fold_whitespace(text), 200)
    return Md(json.dumps(html.escape(words, quote=True), ensure_ascii=False))


def words_filter(text: str) -> str:
    """``{{ topic.summary | words }}``: inline Markdown reduced to the words a reader sees
    (for places that take plain text, such as the page description)."""
    return plain_text(text)


def make_environment(templates_dir: Path) -> jinja2.Environment:
    """The Jinja environment for the page templates of one project."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        autoescape=True,
        finalize=finalize,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update({
        "md": md_filter,
        "text": text_filter,
        "meta": meta_filter,
        "words": words_filter,
        "date_label": date_label,
        "safe_url": url_filter,
        "counted": plural,
    })
    return env


def render_page(env: jinja2.Environment, template: str, context: dict[str, Any]) -> str:
    """One page's Markdown."""
    return env.get_template(template).render(**context)
