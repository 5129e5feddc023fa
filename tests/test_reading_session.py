"""A reader's session on the real site in a real browser, with no page error on the way.

Headless Chromium (Debian's), driven by Playwright, reads the session's one built site
(``built_site``) served on loopback, as a reader would: the home page, the search, a result,
a citation's tooltip, a fact's permalink on that page, back, the judgments through the
navigation, and a judgment's fact link. Every uncaught error and console error of every page
is collected and must stay empty; on the way, nothing of the search (its worker, Pagefind's
library, WebAssembly and index) loads before the reader opens it.

Without ``/usr/bin/chromium`` the test skips with a message, unless
``BRIEFING_REQUIRE_BROWSER=1``, where its absence is a failure.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.conftest import serving

pytestmark = [pytest.mark.browser, pytest.mark.slow]

DESKTOP = {"width": 1280, "height": 900}
#: What a page requests for the search: the worker Material starts, and Pagefind's bundle.
SEARCH_FILES = ("/assets/search-worker.js", "/pagefind/")
IN_VIEW = "e => { const r = e.getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0 }"


@pytest.fixture(scope="module")
def base(built_site: Path) -> Iterator[str]:
    with serving(built_site) as url:
        yield url


class Session:
    """One browser tab, with what went wrong on its pages and every path it requested."""

    def __init__(self, browser: Any, base: str) -> None:
        self.context = browser.new_context(viewport=DESKTOP)
        self.page = self.context.new_page()
        self.base = base
        self.errors: list[str] = []
        self.requested: list[str] = []
        self.page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))
        self.page.on("console", lambda message: message.type == "error"
                     and self.errors.append(f"console error: {message.text}"))
        self.page.on("request", lambda request: self.requested.append(urlsplit(request.url).path))

    def search_requests(self) -> list[str]:
        return [path for path in self.requested if path.startswith(SEARCH_FILES)]

    def fact_in_view(self) -> Any:
        """The fact the address points at, once it is shown."""
        fact_id = urlsplit(self.page.url).fragment
        fact = self.page.locator(f"article.bf-fact[id='{fact_id}']")
        fact.wait_for(state="visible")
        assert fact.evaluate(IN_VIEW), f"#{fact_id} is not in view"
        return fact


@pytest.fixture
def session(browser: Any, base: str) -> Iterator[Session]:
    tab = Session(browser, base)
    yield tab
    tab.context.close()


def test_a_reading_session_raises_no_page_error(session: Session) -> None:
    page = session.page
    page.goto(session.base)
    page.wait_for_load_state("networkidle")
    assert session.search_requests() == [], "the search loaded before the reader opened it"

    # Search, and follow a result to a fact.
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially("goats", delay=30)
    result = page.locator('.md-search-result__item a[href*="topics/"][href*="#"]').first
    result.wait_for(state="visible", timeout=10_000)
    assert any(path.startswith("/pagefind/") for path in session.search_requests())
    result.click()
    page.wait_for_url("**/topics/**#*")
    session.fact_in_view()

    # Hover a citation: its source entry shows.
    citation = page.locator("article.bf-fact sup a.footnote-ref").first
    note_id = citation.get_attribute("href").rsplit("#", 1)[1]
    citation.hover()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible", timeout=5_000)
    source_title = page.locator(f"li[id='{note_id}']").inner_text().split(",")[0]
    assert source_title and source_title in tooltip.inner_text()

    # Then a fact's permalink on the same page, and back.
    before = page.url
    permalink = page.locator("article.bf-fact a.bf-permalink").nth(2)
    fact_id = permalink.get_attribute("href").rsplit("#", 1)[1]
    permalink.click()
    page.wait_for_url(f"**#{fact_id}")
    assert session.fact_in_view().evaluate("e => e.matches(':target')")
    page.go_back()  # (the address then follows the heading in view: Material's navigation.tracking)
    page.wait_for_function("fact => location.hash !== '#' + fact", arg=fact_id)
    assert urlsplit(page.url).path == urlsplit(before).path

    # The judgments, through the navigation, and a judgment's fact link.
    page.locator(".md-sidebar--primary a.md-nav__link[href$='judgments/']").first.click()
    page.wait_for_url("**/judgments/")
    fact_link = page.locator(".bf-judgment a.bf-factlink").first
    fact_id = fact_link.get_attribute("href").rsplit("#", 1)[1]
    fact_link.click()
    page.wait_for_url(f"**/topics/**#{fact_id}")
    session.fact_in_view()
    page.wait_for_load_state("networkidle")

    assert session.errors == []
