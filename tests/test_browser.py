"""The real site in a real browser: headless Chromium (Debian's ``chromium``) driven by Playwright.

The site is built once per session (``built_site``) and served with the other sites the
browser tests open by the session's one HTTP server on a random loopback port (``sites``),
to the session's one browser; every request the pages make is checked: anything not
addressed to that server is blocked and fails the test, so the site provably loads nothing
from elsewhere. The tests read the home page, search and follow a result, hover a citation,
follow a judgment to its reasoning and a fact permalink, toggle dark mode, use the chart and
search by keyboard, and run axe-core (WCAG 2.2 AA) on the home page, a topic page and the
timeline in both colour schemes. What the pages draw is measured in ``test_layout.py``.

Without ``/usr/bin/chromium`` the tests skip with a message, unless
``BRIEFING_REQUIRE_BROWSER=1`` (set by ``.ci/run``), where its absence is a failure.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from benchmarks.report import SEARCH_SHOWN
from generator.inline import plain_text
from generator.pagefind_service import SearchRecord, write_search_bundle
from generator.settings import load_settings
from tests.conftest import ASK_WORKER, REPO, Sites, search_records
from tests.hard_case import HOSTILE_CLAIM

pytestmark = [pytest.mark.browser, pytest.mark.slow]

DESKTOP = {"width": 1280, "height": 900}
AXE_FAILS_ON = {"serious", "critical"}
IN_VIEW = "e => { const r = e.getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0 }"
NO_TRANSITION = "document.getAnimations().every(a => !(a instanceof CSSTransition) || a.playState !== 'running')"


@dataclass
class Watched:
    """A page with everything it did that a reader would not want: errors, foreign requests."""

    page: Any
    base: str
    foreign: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def goto(self, path: str) -> None:
        self.page.goto(self.base + path)

    def search_from_home(self, query: str) -> None:
        """Open the home page, click the search box and type ``query`` as a reader would."""
        self.goto("")
        self.page.locator(".md-search__input").click()
        self.page.locator(".md-search__input").press_sequentially(query, delay=30)

    def assert_clean(self) -> None:
        assert self.foreign == [], "requests that left loopback"
        assert self.console_errors == []
        assert self.page_errors == []


def open_page(browser: Any, base: str, *, viewport: dict[str, int] = DESKTOP,
              color_scheme: str = "light") -> Watched:
    context = browser.new_context(viewport=viewport, color_scheme=color_scheme)
    page = context.new_page()
    watched = Watched(page, base)
    host = urlsplit(base).netloc

    def route(request_route: Any) -> None:
        url = request_route.request.url
        if urlsplit(url).scheme in ("data", "blob") or urlsplit(url).netloc == host:
            request_route.continue_()
        else:
            watched.foreign.append(url)
            request_route.abort()

    page.route("**/*", route)
    page.on("console", lambda message: message.type == "error"
            and watched.console_errors.append(message.text))
    page.on("pageerror", lambda error: watched.page_errors.append(str(error)))
    return watched


@pytest.fixture
def reader(browser: Any, server: str) -> Iterator[Watched]:
    watched = open_page(browser, server)
    yield watched
    watched.page.context.close()


def test_home_page_loads_cleanly_and_only_from_loopback(reader: Watched) -> None:
    reader.goto("")
    reader.page.wait_for_load_state("networkidle")
    assert reader.page.locator("h1").first.inner_text().removesuffix("¶") == load_settings(REPO).title
    assert reader.page.get_by_role("heading", name="Where the sources contradict each other").count() == 1
    reader.assert_clean()


def test_search_for_goats_lands_on_a_livestock_aid_fact(reader: Watched) -> None:
    page = reader.page
    reader.search_from_home("goats")
    result = page.locator('.md-search-result__item a[href*="topics/livestock-aid/"][href*="#goat-"]').first
    result.wait_for(state="visible", timeout=10_000)
    result.click()
    page.wait_for_url("**/topics/livestock-aid/**#goat-*")
    anchor = urlsplit(page.url).fragment
    fact = page.locator(f"article.bf-fact#{anchor}")
    assert "goat" in fact.inner_text().lower()
    fact.wait_for(state="visible")
    assert fact.evaluate(IN_VIEW)
    reader.assert_clean()


def test_hovering_a_citation_shows_its_source(reader: Watched) -> None:
    page = reader.page
    reader.goto("topics/livestock-aid/")
    ref = page.locator("#goat-shipment-count sup a.footnote-ref").first
    note_id = ref.get_attribute("href").rsplit("#", 1)[1]
    ref.hover()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible", timeout=5_000)
    note = page.locator(f"li[id='{note_id}']").inner_text()
    source_title = note.split(",")[0]
    assert source_title and source_title in tooltip.inner_text()
    reader.assert_clean()


def test_a_judgment_leads_from_the_home_page_to_its_reasoning_and_its_facts(reader: Watched) -> None:
    page = reader.page
    reader.goto("")
    first = page.locator(".bf-judgment").first
    judgment_id = first.locator("h3").get_attribute("id")
    first.get_by_role("link", name="Why we judge so").click()
    page.wait_for_url(f"**/judgments/#{judgment_id}")
    heading = page.locator(f"h2#{judgment_id}")
    assert heading.evaluate(IN_VIEW)
    reasoning = page.locator(".bf-judgment", has=heading)
    item = reasoning.locator("li", has=page.locator("a.bf-factlink")).first
    claim = " ".join(item.inner_text().removesuffix("View fact").split())
    href = item.locator("a.bf-factlink").get_attribute("href")
    fact_id = href.rsplit("#", 1)[1]
    item.locator("a.bf-factlink").click()
    page.wait_for_url(f"**#{fact_id}")
    fact = page.locator(f"article.bf-fact#{fact_id}")
    fact.wait_for(state="visible")
    assert fact.evaluate(IN_VIEW)
    assert claim and claim in " ".join(fact.inner_text().split())  # the fact's whole claim
    reader.assert_clean()


def test_a_fact_permalink_opens_the_fact(reader: Watched) -> None:
    page = reader.page
    reader.goto("timeline/")
    link = page.locator("#goat-shipment-arrival-pyongyang a.bf-factlink")
    link.click()
    page.wait_for_url("**/topics/livestock-aid/#goat-shipment-arrival-pyongyang")
    fact = page.locator("article#goat-shipment-arrival-pyongyang")
    fact.wait_for(state="visible")
    assert fact.evaluate("e => e.matches(':target')")
    assert fact.evaluate(IN_VIEW)
    reader.assert_clean()


def test_dark_mode_toggles_and_is_remembered(reader: Watched) -> None:
    page = reader.page
    reader.goto("topics/livestock-aid/")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    light_text = page.locator("article.bf-fact").first.evaluate("e => getComputedStyle(e).color")
    page.locator("label[title='Switch to dark mode']").click()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    dark_text = page.locator("article.bf-fact").first.evaluate("e => getComputedStyle(e).color")
    assert dark_text != light_text
    reader.goto("timeline/")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    page.locator("label[title='Switch to light mode']").click()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    reader.assert_clean()


def test_chart_marks_work_by_keyboard(reader: Watched) -> None:
    page = reader.page
    reader.goto("timeline/")
    mark = page.locator("figure.bf-chart svg a").first
    target = mark.get_attribute("xlink:href")
    page.keyboard.press("Tab")
    for _ in range(200):  # Tab through the page until the first mark has the focus
        if page.evaluate("document.activeElement.closest('figure.bf-chart') !== null"):
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('xlink:href')") == target
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/timeline/{target}")
    entry = page.locator(f"div.bf-tl-fact{target}")
    entry.wait_for(state="visible")
    page.wait_for_function("id => { const r = document.getElementById(id).getBoundingClientRect();"
                           " return r.top >= 0 && r.top < innerHeight }", arg=target[1:])
    reader.assert_clean()


def test_search_works_by_keyboard(reader: Watched) -> None:
    page = reader.page
    reader.goto("timeline/")
    page.wait_for_load_state("networkidle")
    # the `s` key opens the search, arrows pick a result, Enter follows it
    page.keyboard.press("s")
    page.wait_for_function("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type("goats", delay=30)
    page.locator('.md-search-result__item a[href*="#goat-"]').first.wait_for(state="visible")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert "topics/livestock-aid/" in focused and "#goat-" in focused
    page.keyboard.press("Enter")
    page.wait_for_url("**/topics/livestock-aid/**#goat-*")
    reader.assert_clean()



@pytest.mark.parametrize("query", ["goats", "treaty", "food"])
def test_every_result_the_index_finds_is_shown_with_its_record(reader: Watched, query: str) -> None:
    """Each result Pagefind finds is shown, up to the number a result list shows: none is
    dropped, and each has its place, title and an excerpt with the word found marked."""
    reader.goto("")
    answer = reader.page.evaluate(ASK_WORKER, query)
    shown = [doc for group in answer["items"] for doc in group if doc["text"]]
    assert answer["total"] >= 2
    assert len(shown) == min(answer["total"], SEARCH_SHOWN)
    assert all(doc["title"] and doc["location"] and len(doc["text"]) > len("<p></p>") for doc in shown)
    # each was found for its own words (not, say, for its page's title): they are marked
    assert [doc["location"] for doc in shown if "<mark>" not in doc["text"]] == []
    reader.assert_clean()


@pytest.mark.parametrize("path", ["", "topics/livestock-aid/", "timeline/", "judgments/", "changes/", "map/"])
def test_no_serious_accessibility_violations_in_either_scheme(browser: Any, server: str, path: str) -> None:
    """axe-core on the page in the scheme it opens in, then, switched by the palette toggle
    without reloading, in the other one."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    watched = open_page(browser, server)
    found: dict[str, list[str]] = {}
    try:
        watched.goto(path)
        schemes = []
        for _ in range(2):
            schemes.append(watched.page.evaluate("document.body.dataset.mdColorScheme"))
            for violation in axe.run(watched.page).response["violations"]:
                if violation["impact"] in AXE_FAILS_ON:
                    targets = [str(node["target"]) for node in violation["nodes"][:5]]
                    found.setdefault(f"/{path} {schemes[-1]} {violation['id']} ({violation['impact']})", targets)
            watched.page.locator("[data-md-component=palette] label >> visible=true").click()
            watched.page.mouse.move(0, 0)  # the toggle's tooltip fades out before axe looks
            watched.page.wait_for_function(NO_TRANSITION)
        assert sorted(schemes) == ["default", "slate"]
        watched.assert_clean()
    finally:
        watched.page.context.close()
    assert found == {}


def test_search_shows_a_hostile_claim_as_text(browser: Any, hard_server: str) -> None:
    reader = open_page(browser, hard_server)
    page = reader.page
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    reader.search_from_home("bold")  # a word of the claim alone
    result = page.locator('.md-search-result__item a[href*="#goat-count"]').first
    result.wait_for(state="visible", timeout=10_000)
    shown = " ".join(result.inner_text().split())
    # the claim as the topic page shows it (Markdown reads `&amp;` as `&`), markup as text
    assert plain_text(HOSTILE_CLAIM) in shown, shown
    results = page.locator(".md-search-result")
    assert results.locator("img, script, b").count() == 0
    assert results.locator("mark").count() >= 1  # the word found is still marked
    assert dialogs == []
    reader.assert_clean()
    page.context.close()


@pytest.fixture(scope="module")
def sharded_server(sites: Sites, built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The real briefing's site with its search index written again, from the records it holds,
    in shards of 1,200 words (five or more, as the large benchmark briefing has five)."""
    site = tmp_path_factory.mktemp("sharded-search") / "site"
    shutil.copytree(built_site, site, ignore=shutil.ignore_patterns("pagefind"))
    records = [SearchRecord(url=record["url"], title=record["meta"]["title"], content=record["content"],
                            page=record["meta"].get("page", "")) for record in search_records(built_site)]
    write_search_bundle(records, site / "pagefind", 1200)
    shards = json.loads((site / "pagefind/shards.json").read_text(encoding="utf-8"))["shards"]
    assert len(shards) >= 4  # and the first, in pagefind/
    return sites.mount("sharded", site)


def search_results(browser: Any, base: str, query: str) -> list[str]:
    """The links of every result a search lists (the folded ones too), best first."""
    reader = open_page(browser, base)
    page = reader.page
    said: list[str] = []
    page.on("console", lambda message: said.append(f"{message.type}: {message.text}"))
    reader.search_from_home(query)
    try:
        page.locator(".md-search-result__item").first.wait_for(state="attached", timeout=30_000)
    except PlaywrightTimeout:
        shown = page.locator(".md-search-result__meta").all_inner_texts()
        pytest.fail(f"no result for {query!r} at {base} in 30 s; the dialog says {shown}, the console {said}")
    page.wait_for_timeout(500)  # the last keystroke's results
    links = page.locator(".md-search-result__item a").evaluate_all("links => links.map(a => a.href)")
    reader.assert_clean()
    page.context.close()
    root = urlsplit(base).path
    return [urlsplit(link).path.removeprefix(root) + (f"#{urlsplit(link).fragment}" if urlsplit(link).fragment else "")
            for link in links]


def test_a_sharded_index_finds_what_one_index_finds(browser: Any, server: str, sharded_server: str) -> None:
    for query in ("goats", "treaty", "goa"):  # "goa": a word still being typed
        whole = search_results(browser, server, query)
        sharded = search_results(browser, sharded_server, query)
        assert len(whole) > 3
        assert sorted(sharded) == sorted(whole), (query, sorted(set(whole) ^ set(sharded)))
