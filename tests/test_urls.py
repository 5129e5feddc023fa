"""The one URL policy: links between pages, and each page's public address with and without
MkDocs' use_directory_urls and a base_url."""

from __future__ import annotations

import ast
import re

import pytest

from generator.urls import (
    Urls,
    entity_role_uri,
    entity_uri,
    page_uri,
    relative,
    source_uri,
    status_uri,
    tag_uri,
    timeline_period_uri,
    topic_uri,
    up_to_root,
)
from tests.conftest import REPO


def test_pages_link_to_each_other_relatively() -> None:
    assert relative(topic_uri("goats") + "#goat-count", "index.md") == "topics/goats.md#goat-count"
    assert relative(source_uri("alpha"), topic_uri("goats")) == "../sources/alpha.md"
    assert relative(entity_uri("beta"), "timeline/2024-08_page-2.md") == "../entities/beta.md"
    assert relative("#x", "topics/goats.md") == "#x"
    assert relative("topics/goats.md#y", "topics/goats.md") == "goats.md#y"
    assert up_to_root("") == "" and up_to_root("entities") == "../" and up_to_root("a/b") == "../../"


@pytest.mark.parametrize(("directory_urls", "uri", "path"), [
    (True, "index.md", ""), (True, "topics/goats.md", "topics/goats/"), (True, "sources/index.md", "sources/"),
    (False, "index.md", "index.html"), (False, "topics/goats.md", "topics/goats.html"),
    (False, "sources/index.md", "sources/index.html"),
])
def test_a_page_s_public_address_follows_use_directory_urls(directory_urls: bool, uri: str, path: str) -> None:
    assert Urls(directory_urls=directory_urls).path(uri) == path


def test_addresses_are_absolute_with_a_base_url_and_site_relative_without() -> None:
    urls = Urls("https://example.org/brief/")
    assert urls.page("topics/goats.md", "goat-count") == "https://example.org/brief/topics/goats/#goat-count"
    assert Urls().page("topics/goats.md", "goat-count") == "topics/goats/#goat-count"
    assert urls.link_from(entity_uri("beta"), topic_uri("goats")) == "https://example.org/brief/entities/beta/"


@pytest.mark.parametrize(("directory_urls", "target", "anchor", "expected"), [
    (True, "topics/goats.md", "f", "#f"),
    (True, "entities/beta.md", "", "../../entities/beta/"),
    (True, "index.md", "", "../../"),
    (True, "topics/goats.md", "", "./"),
    (False, "entities/beta.md", "", "../entities/beta.html"),
    (False, "topics/goats.md", "f", "goats.html#f"),
])
def test_links_inside_a_page_resolve_against_its_public_address(directory_urls: bool, target: str, anchor: str,
                                                               expected: str) -> None:
    assert Urls(directory_urls=directory_urls).link_from(target, "topics/goats.md", anchor) == expected


def test_a_list_goes_on_over_numbered_pages_named_from_its_first() -> None:
    assert [page_uri(tag_uri("goats"), n) for n in (1, 2)] == ["tags/goats.md", "tags/goats_page-2.md"]
    assert page_uri(entity_role_uri("beta", "denies"), 3) == "entities/beta_denies_page-3.md"
    assert page_uri(timeline_period_uri("2024-08"), 2) == "timeline/2024-08_page-2.md"
    assert page_uri(status_uri("denied"), 1) == "status/denied.md"


def _uri_literals(text: str) -> list[str]:
    """The page uris a module's source writes as text: a lowercase name ending in ``.md`` (a
    template's ``.md.j2`` is none, nor is a docstring, the suffix alone or a document of the
    repository, ``FORMAT.md``), a numbered page, or an f-string ending in ``.md``."""
    tree = ast.parse(text)
    docstrings = {id(body[0].value) for node in ast.walk(tree)
                  if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
                  and (body := node.body) and isinstance(body[0], ast.Expr)}
    built = [node.values[-1] for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) and node.values]
    return [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and id(node) not in docstrings
            and isinstance(node.value, str) and (re.search(r"\b[a-z0-9_/-]+\.md\b(?!\.j2)|_page-", node.value)
                                                 or (node in built and node.value.endswith(".md")))]


def test_no_module_or_template_but_the_url_policy_writes_a_page_uri() -> None:
    sample = ('"""Names tags/x.md."""\nuri = f"tags/{tag}.md"\nname = "tag.md.j2"\nmd = p.endswith(".md")\n'
              'see = "see FORMAT.md"\nhome = "index.md"')
    assert sorted(_uri_literals(sample)) == [".md", "index.md"]
    modules = {str(path.relative_to(REPO)): _uri_literals(path.read_text(encoding="utf-8"))
               for path in (REPO / "generator").rglob("*.py") if path.name != "urls.py"}
    assert {name: found for name, found in modules.items() if found} == {}
    templates = {path.name: re.findall(r"\]\([^){}]*\.md\b", path.read_text(encoding="utf-8"))
                 for path in (REPO / "templates").glob("*.j2")}
    assert {name: found for name, found in templates.items() if found} == {}
