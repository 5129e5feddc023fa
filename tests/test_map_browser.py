"""The map page as Chromium draws it (geometry from the live DOM): at 390 and 1280 px wide, light
and dark, the page does not scroll sideways, every label lies inside its map and clear of every
other label, every mark is drawn, and sea, land and the countries the briefing names are told apart
by their colours."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import serving

pytestmark = [pytest.mark.browser, pytest.mark.slow]

MEASURE = """() => {
    const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom] }
    const fill = selector => { const e = document.querySelector(selector); return e && getComputedStyle(e).fill }
    return {
        scroll: document.documentElement.scrollWidth,
        maps: [...document.querySelectorAll("figure.bf-map svg")].map(svg => ({
            box: box(svg),
            labels: [...svg.querySelectorAll(".bf-map__label")].map(box),
            marks: [...svg.querySelectorAll(".bf-map__mark")].map(box),
        })),
        fills: [fill(".bf-map__sea"), fill(".bf-map__country:not(.bf-map__country--named)"),
                fill(".bf-map__country--named")],
    }
}"""


@pytest.fixture(scope="module")
def site_url(built_site: Path) -> Iterator[str]:
    with serving(built_site) as url:
        yield url


def overlap(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_map_reads_at_every_width_in_both_schemes(browser: Any, site_url: str, width: int, scheme: str) -> None:
    page = browser.new_page(viewport={"width": width, "height": 900}, color_scheme=scheme)
    try:
        page.goto(site_url + "map/")
        measured = page.evaluate(MEASURE)
    finally:
        page.close()
    assert measured["scroll"] <= width
    assert len(measured["maps"]) == 2  # the main map and its inset
    for drawn in measured["maps"]:
        left, top, right, bottom = drawn["box"]
        assert right <= width
        for mark in drawn["marks"]:
            assert mark[2] - mark[0] >= 4
        for index, label in enumerate(drawn["labels"]):
            assert left - 1 <= label[0] and label[2] <= right + 1 and top - 1 <= label[1] and label[3] <= bottom + 1
            assert not any(overlap(label, other) for other in drawn["labels"][index + 1:]), (label, drawn["labels"])
            assert label[3] - label[1] >= 8  # text at least 8 px tall: readable
    sea, land, named = measured["fills"]
    assert len({sea, land, named}) == 3, measured["fills"]
