"""The escaping in one place (generator/render.py): every template expression is text unless
it is Md, each filter does what templates rely on, and an undefined name is an error. The
Markdown is converted with Python-Markdown and the extensions of mkdocs.yml (no MkDocs build)."""

from __future__ import annotations

import json
from pathlib import Path

import jinja2
import pytest
from bs4 import BeautifulSoup

from generator.render import Md, finalize, make_environment, meta_filter, render_page, url_filter
from tests.hostile import render_markdown

MARKUP = "<b>x</b> *y* [z](https://example.org) {: #id } [^1] & \\"


def as_html(markdown: str) -> BeautifulSoup:
    return BeautifulSoup(render_markdown(markdown).html, "html.parser")


def env_with(tmp_path: Path, **templates: str) -> jinja2.Environment:
    for name, text in templates.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return make_environment(tmp_path)


def test_plain_text_shows_literally_whatever_it_holds() -> None:
    soup = as_html(str(finalize(MARKUP)))
    assert soup.get_text() == MARKUP
    assert soup.find("b") is None and soup.find("a") is None and soup.find("em") is None


def test_md_goes_through_unchanged_and_numbers_as_written() -> None:
    assert finalize(Md("*y*")) == "*y*"
    assert finalize(447) == "447" and finalize(10.5) == "10.5"
    assert finalize(None) == "" and finalize(False) == ""
    assert finalize(True) == "True"  # not a number: text


def test_the_md_filter_keeps_inline_markdown_and_drops_raw_html(tmp_path: Path) -> None:
    env = env_with(tmp_path, **{"page.md.j2": "{{ claim | md }}\n"})
    soup = as_html(render_page(env, "page.md.j2", {"claim": "*a* <b>b</b> [c](https://example.org/c)"}))
    assert soup.find("em").get_text() == "a" and soup.find("b") is None
    assert soup.find("a")["href"] == "https://example.org/c"


def test_a_template_that_forgets_a_filter_shows_text(tmp_path: Path) -> None:
    env = env_with(tmp_path, **{"page.md.j2": "{{ claim }}\n"})
    assert as_html(render_page(env, "page.md.j2", {"claim": "*a* <b>b</b>"})).get_text().strip() == "*a* <b>b</b>"


def test_an_undefined_name_is_an_error_not_an_empty_string(tmp_path: Path) -> None:
    env = env_with(tmp_path, **{"page.md.j2": "{{ missing }}\n"})
    with pytest.raises(jinja2.UndefinedError):
        render_page(env, "page.md.j2", {})


def test_url_filter_refuses_what_is_not_http() -> None:
    assert url_filter("https://example.org/a b(c)") == "https://example.org/a%20b%28c%29"
    with pytest.raises(ValueError):
        url_filter("javascript:alert(1)")


def test_meta_filter_is_a_json_string_of_the_words_html_escaped_and_shortened() -> None:
    assert json.loads(meta_filter('a\n "b" <c> & d')) == "a &quot;b&quot; &lt;c&gt; &amp; d"
    long = json.loads(meta_filter("word " * 100))
    assert len(long) <= 200 and long.endswith("word…")


def test_the_filters_templates_use_are_there(tmp_path: Path) -> None:
    env = env_with(tmp_path, **{"page.md.j2": "{{ d | date_label }} {{ s | words }} {{ t | text }}\n"})
    out = render_page(env, "page.md.j2", {"d": "2024-08", "s": "*gift* `x`", "t": "a_b"})
    assert as_html(out).get_text().strip() == "August 2024 gift x a_b"
