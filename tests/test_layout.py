"""What the pages draw, read from the live DOM of headless Chromium: the layout a reader sees.

Each page of ``SHOWN`` (the real briefing's and those of a briefing built to be hard to show,
``tests/hard_case.py``) is opened once, then measured at 1280, 768 and 390 px wide, in the
light and the dark scheme (switched as Material's palette toggle does, without reloading):
the page never scrolls sideways; no inline SVG is drawn at more than three times its viewBox
width; inside every figure no text box (a line of a text node, through a Range, or an SVG
``<text>``) overlaps another text box or a chart it is not part of. Each page's screenshots
(desktop and phone, light and dark) are kept in ``test-artifacts/screenshots/`` (or
``$BRIEFING_SCREENSHOTS``), which the pull request's workflow uploads for review.

The home page leads with the bottom line (the first judgment's statement in the first screen
at 1280 × 900, the page at most about five screens tall), and a topic page's "¶" permalinks are
targets a finger can hit.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SCREENSHOTS = Path(os.environ.get("BRIEFING_SCREENSHOTS") or REPO / "test-artifacts" / "screenshots")
WIDTHS = (1280, 768, 390)
HEIGHT = 900
#: Material's colour schemes, by the name the screenshots carry.
SCHEMES = {"light": "default", "dark": "slate"}
#: The widths a screenshot is kept at, by the name it carries.
SHOT_WIDTHS = {"desktop": 1280, "phone": 390}
#: The home page's height at 1280 px, at most: about five screens.
HOME_MAX_HEIGHT = 5000
#: The smallest target a finger is asked to hit (WCAG 2.2, 2.5.8: 24 × 24 CSS px).
TARGET = 24


@dataclass(frozen=True)
class Shown:
    """A page the layout suite opens: which site (``real`` or ``hard``), what it is, its path."""

    site: str
    name: str
    path: str

    def __str__(self) -> str:
        return f"{self.site}-{self.name}"


#: Every page the layout suite measures; a new kind of page is one more line.
SHOWN = [
    Shown("real", "home", ""),
    Shown("real", "judgments", "judgments/"),
    Shown("real", "topic", "topics/livestock-aid/"),
    Shown("real", "timeline", "timeline/"),
    Shown("real", "source", "sources/goats-shipped-to-north-korea/"),
    Shown("real", "entity", "entities/anthony-rinna/"),
    Shown("real", "map", "map/"),
    Shown("real", "place", "entities/rason/"),
    Shown("hard", "home", ""),
    Shown("hard", "judgments", "judgments/"),
    Shown("hard", "topic", "topics/crossings/"),
    Shown("hard", "timeline", "timeline/"),
    Shown("hard", "source", "sources/witness-1/"),
    Shown("hard", "entity", "entities/alpha-country/"),
]

#: The layout's faults on the page as it is drawn now, each in words ([] when none).
LAYOUT_FAULTS = """() => {
  const faults = [];
  const root = document.documentElement;
  if (root.scrollWidth > innerWidth) {
    faults.push(`the page scrolls sideways: ${root.scrollWidth}px wide in a ${innerWidth}px window`);
  }
  const name = e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "")
    + [...e.classList].map(c => "." + c).join("");
  for (const svg of document.querySelectorAll("svg[viewBox]")) {
    const box = svg.viewBox.baseVal, drawn = svg.getBoundingClientRect().width;
    if (box && box.width > 0 && drawn > 3 * box.width) {
      faults.push(`${name(svg)} drawn ${Math.round(drawn)}px wide, ${(drawn / box.width).toFixed(1)}× `
                  + `its viewBox width (${box.width})`);
    }
  }
  const overlap = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1
    && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
  const drawn = r => r.width > 0 && r.height > 0;
  document.querySelectorAll("figure").forEach((figure, index) => {
    const where = `figure ${index + 1} (${name(figure)})`;
    const charts = [...figure.querySelectorAll("svg")].filter(svg => drawn(svg.getBoundingClientRect()));
    const texts = [];  // each line box of text: its rectangle, the chart it belongs to, its node
    const walker = document.createTreeWalker(figure, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!node.data.trim() || parent.closest("svg") || !parent.checkVisibility({ visibilityProperty: true })) {
        continue;
      }
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) {
        if (drawn(rect)) texts.push({ rect, chart: null, node, words: node.data.trim().slice(0, 40) });
      }
    }
    for (const chart of charts) {
      for (const element of chart.querySelectorAll("text")) {
        const rect = element.getBoundingClientRect();
        if (drawn(rect) && element.textContent.trim()) {
          texts.push({ rect, chart, node: element, words: element.textContent.trim().slice(0, 40) });
        }
      }
    }
    texts.forEach((text, i) => {
      for (const other of texts.slice(i + 1)) {
        if (other.node !== text.node && overlap(text.rect, other.rect)) {
          faults.push(`${where}: the text "${text.words}" overlaps the text "${other.words}"`);
        }
      }
      for (const chart of charts) {
        if (text.chart !== chart && overlap(text.rect, chart.getBoundingClientRect())) {
          faults.push(`${where}: the text "${text.words}" overlaps the chart ${name(chart)}`);
        }
      }
    });
  });
  return [...new Set(faults)];
}"""


@pytest.fixture(scope="module")
def bases(server: str, hard_server: str) -> dict[str, str]:
    """Each site's base URL on the session's one server."""
    return {"real": server, "hard": hard_server}


@pytest.fixture(scope="module")
def tab(browser: Any) -> Iterator[Any]:
    """One browser tab for the module, whose pages are opened, resized and recoloured in turn."""
    context = browser.new_context(viewport={"width": WIDTHS[0], "height": HEIGHT})
    page = context.new_page()
    yield page
    context.close()


#: Wait for the page to settle: two frames drawn, then every CSS transition ended (Material's
#: sidebars slide for a moment after the window is resized).
SETTLED = """async () => {
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  await Promise.all(document.getAnimations().filter(a => a instanceof CSSTransition)
                                            .map(a => a.finished.catch(() => null)));
}"""


def show(tab: Any, width: int, scheme: str) -> None:
    """Draw the open page at ``width`` in ``scheme`` (Material's ``data-md-color-scheme``)."""
    tab.set_viewport_size({"width": width, "height": HEIGHT})
    tab.evaluate("scheme => document.body.setAttribute('data-md-color-scheme', scheme)", SCHEMES[scheme])
    tab.evaluate(SETTLED)


@pytest.mark.parametrize("shown", SHOWN, ids=str)
def test_the_page_draws_right_at_every_width_in_both_schemes(tab: Any, bases: dict[str, str], shown: Shown) -> None:
    tab.goto(bases[shown.site] + shown.path)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    faults = []
    for width in WIDTHS:
        for scheme in SCHEMES:
            show(tab, width, scheme)
            faults += [f"{width}px {scheme}: {fault}" for fault in tab.evaluate(LAYOUT_FAULTS)]
            for kind in (kind for kind, at in SHOT_WIDTHS.items() if at == width):
                tab.screenshot(path=str(SCREENSHOTS / f"{shown}-{kind}-{scheme}.jpg"), full_page=True,
                               type="jpeg", quality=70)
    assert faults == [], "\n".join(faults)


def test_the_layout_faults_are_found(tab: Any) -> None:
    """The checks above can fail: a swatch drawn far past its viewBox and words laid over a
    bar are each reported, and a page wider than its window."""
    tab.set_viewport_size({"width": 390, "height": HEIGHT})
    tab.set_content("""<figure><p style="width: 600px">A row's words
        <svg viewBox="0 0 40 18" style="width: 300px; margin-top: -1.5em; display: block"></svg></p>
        <svg viewBox="0 0 100 20" style="width: 100px"><text x="0" y="15">2022</text><text x="5" y="15">Jan</text></svg>
        </figure>""")
    faults = tab.evaluate(LAYOUT_FAULTS)
    assert faults[0].startswith("the page scrolls sideways: ") and faults[0].endswith("px wide in a 390px window")
    assert faults[1:] == [
        "svg drawn 300px wide, 7.5× its viewBox width (40)",
        "figure 1 (figure): the text \"A row's words\" overlaps the chart svg",
        "figure 1 (figure): the text \"2022\" overlaps the text \"Jan\"",
    ], faults


def test_the_home_page_leads_with_the_bottom_line(tab: Any, server: str) -> None:
    """At 1280 × 900 the first key judgment's statement starts in the first screen, and the
    whole page is at most about five screens tall."""
    tab.goto(server)
    show(tab, 1280, "light")
    statement = tab.locator(".bf-judgment").first.locator("h3 + p")
    assert statement.evaluate("e => e.getBoundingClientRect().top + scrollY") < HEIGHT
    assert tab.evaluate("document.documentElement.scrollHeight") <= HOME_MAX_HEIGHT


@pytest.mark.parametrize("width", [1280, 390])
def test_permalinks_are_targets_a_finger_can_hit(tab: Any, server: str, width: int) -> None:
    tab.goto(server + "topics/livestock-aid/")
    show(tab, width, "light")
    sizes = tab.locator("a.bf-permalink, a.headerlink").evaluate_all(  # those drawn (display is not none)
        "links => links.filter(a => a.getClientRects().length)"
        "              .map(a => [a.getAttribute('href'), a.offsetWidth, a.offsetHeight])")
    assert len(sizes) > 7
    assert [(href, w, h) for href, w, h in sizes if w < TARGET or h < TARGET] == []
