"""The timeline chart (generator/chart/timeline.py), parsed with xml.etree (no build): a lane per
topic, a mark per current dated fact linking to it and saying its date, status and claim in
words, its shape telling its status; a fact known only to the month or the year a bar over that
period on the axis; no two marks of a row overlapping; the chart labelled, described and
captioned. Text from the YAML stays text. (The chart on the timeline page:
tests/pages/test_timeline.py; on a built page: test_reader_pages.py.)"""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET
from datetime import date

import pytest

from generator.briefing import Briefing
from generator.chart import timeline_svg
from generator.chart.svg import SVG_NS, XLINK
from generator.chart.timeline import ROW, fact_span
from generator.check import require_briefing
from generator.inline import plain_text
from generator.vocabulary import STATUS_LABELS, date_label
from tests.conftest import CASES, MakeProject

SVG = f"{{{SVG_NS}}}"
HREF = f"{{{XLINK}}}href"
#: tests/cases/split-lists: each dated fact's topic lane, in date order (blight is withdrawn, taxed undated).
LANES = [("The harvest", ["planted", "rain", "yield", "export", "price"]), ("The market", ["sold"])]
#: The element and number of corners that draw each status's mark.
SHAPES = {"confirmed": ("circle", 0), "reported": ("rect", 0), "alleged": ("polygon", 3), "disputed": ("polygon", 4)}


@pytest.fixture(scope="module")
def briefing() -> Briefing:
    return require_briefing(CASES / "split-lists")[0]


@pytest.fixture(scope="module")
def figure(briefing: Briefing) -> ET.Element:
    return ET.fromstring(timeline_svg(briefing))


def marks(parent: ET.Element) -> dict[str, ET.Element]:
    """Fact id -> its mark (the link to it), in the chart's order."""
    return {a.get(HREF).removeprefix("#"): a for a in parent.iter(f"{SVG}a")}


def shape(mark: ET.Element) -> ET.Element:
    (found,) = [e for e in mark if "bf-mark" in e.get("class", "").split()]
    return found


def drawn_at(drawn: ET.Element) -> tuple[float, float, float]:
    """Where a shape is drawn: its left, its right and its middle's height."""
    if drawn.tag == f"{SVG}circle":
        x, y, r = (float(drawn.get(k)) for k in ("cx", "cy", "r"))
        return x - r, x + r, y
    if drawn.tag == f"{SVG}rect":
        x, y, width, height = (float(drawn.get(k)) for k in ("x", "y", "width", "height"))
        return x, x + width, y + height / 2
    corners = [tuple(map(float, point.split(","))) for point in drawn.get("points").split()]
    return (min(c[0] for c in corners), max(c[0] for c in corners),
            (min(c[1] for c in corners) + max(c[1] for c in corners)) / 2)


def extent(mark: ET.Element) -> tuple[float, float, float]:
    """Where a mark is drawn: its left and right (its bar's, or its shape's) and its shape's height."""
    left, right, y = drawn_at(shape(mark))
    spans = bar(mark)
    return (min(left, spans[0]), max(right, spans[1]), y) if spans else (left, right, y)


def centre(mark: ET.Element) -> float:
    """Where a mark's shape stands on the time axis."""
    left, right, _ = drawn_at(shape(mark))
    return (left + right) / 2


def bar(mark: ET.Element) -> tuple[float, float] | None:
    """The left and right of a mark's bar (a fact known only to the month or the year), if it has one."""
    found = [e for e in mark.iter(f"{SVG}rect") if "bf-chart__bar" in e.get("class", "").split()]
    return (float(found[0].get("x")), float(found[0].get("x")) + float(found[0].get("width"))) if found else None


def ticks(figure: ET.Element) -> dict[str, float]:
    """The axis's months as a reader reads them ("May 2023") -> where their tick is."""
    axis = figure.find(f".//{SVG}g[@class='bf-chart__axis']")
    lines = {float(line.get("x1")) for line in axis.iter(f"{SVG}line") if line.get("y1") == "26"}
    found: list[list] = []
    year = ""
    for label in axis.iter(f"{SVG}text"):
        if label.get("font-weight") == "700":  # a year, written at its January (or the first month)
            year = label.text
            found[-1][0] = f"{found[-1][0].split()[0]} {year}"
        else:
            found.append([f"{label.text} {year}", float(label.get("x")) - 2])
    assert {x for _, x in found} <= lines, "every month label stands at its tick"
    return {label: x for label, x in found}


def axis_end(figure: ET.Element) -> float:
    """Where the axis ends: the end of the last month it shows."""
    (line,) = [line for line in figure.iter(f"{SVG}line") if line.get("y1") == "30"]
    return float(line.get("x2"))


def test_a_partial_date_spans_its_whole_month_or_year() -> None:
    assert fact_span("2024-08-15") == (date(2024, 8, 15), date(2024, 8, 16))
    assert fact_span("2024-12") == (date(2024, 12, 1), date(2025, 1, 1))
    assert fact_span("2024") == (date(2024, 1, 1), date(2025, 1, 1))


def test_chart_text_from_yaml_stays_text(make_project: MakeProject) -> None:
    claim = "Goats </title><script>alert(1)</script> & <a href='x'>y</a> ]]> \"q\""
    topic = (CASES / "minimal/briefings/topics/shipment.yml").read_text()
    root = make_project({"briefings/topics/shipment.yml": topic.replace(
        "Alpha shipped goats to Beta; the sources give different counts.", claim.replace('"', '\\"'))})
    briefing = require_briefing(root)[0]
    figure = ET.fromstring(timeline_svg(briefing))
    tags = {element.tag.rsplit("}", 1)[-1] for element in figure.iter()}
    assert tags <= {"figure", "figcaption", "svg", "title", "desc", "g", "line", "text", "rect", "a",
                    "circle", "polygon"}
    svg = "{http://www.w3.org/2000/svg}"
    (mark,) = list(figure.iter(f"{svg}a"))
    assert mark.get("aria-label") == f"August 2024, reported: {plain_text(claim)}"
    assert mark.find(f"{svg}title").text == mark.get("aria-label")
    assert timeline_svg(require_briefing(make_project({
        "briefings/topics/shipment.yml": (CASES / "minimal/briefings/topics/shipment.yml")
        .read_text().replace('    date: "2024-08"\n', "")}))[0]) == ""


def test_one_lane_per_topic_a_mark_per_dated_fact_in_date_order(figure: ET.Element) -> None:
    lanes = figure.findall(f".//{SVG}g[@class='bf-chart__lane']")
    assert [(lane.find(f"{SVG}text").text, list(marks(lane))) for lane in lanes] == LANES


def test_each_mark_says_its_date_status_and_claim_in_words(figure: ET.Element, briefing: Briefing) -> None:
    found = marks(figure)
    assert found["planted"].get("aria-label") == "2023, confirmed: North Farm planted wheat."
    assert found["price"].get("aria-label") == (
        "10 January 2024, disputed: The sources give different prices for the wheat.")
    for fact_id, mark in found.items():
        fact = briefing.facts[fact_id].fact
        words = f"{date_label(fact.date)}, {STATUS_LABELS[fact.status].lower()}: {plain_text(fact.claim)}"
        assert mark.get("aria-label") == mark.find(f"{SVG}title").text == words


def test_the_shape_of_a_mark_tells_its_status(figure: ET.Element, briefing: Briefing) -> None:
    seen = set()
    for fact_id, mark in marks(figure).items():
        status = briefing.facts[fact_id].fact.status
        drawn = shape(mark)
        tag, corners = SHAPES[status]
        assert drawn.tag == f"{SVG}{tag}" and drawn.get("class") == f"bf-mark bf-mark--{status}", fact_id
        if corners:
            assert len(drawn.get("points").split()) == corners, fact_id
        seen.add(status)
    assert seen == set(SHAPES)
    legend = figure.find(f".//{SVG}g[@class='bf-chart__legend']")
    assert [t.text for t in legend.iter(f"{SVG}text")] == [*STATUS_LABELS.values(), "known only to the month or year"]
    assert [e.get("class") for e in legend if e.tag != f"{SVG}text"] == [
        *(f"bf-mark bf-mark--{status}" for status in STATUS_LABELS), "bf-chart__bar"]


def test_a_fact_known_to_the_month_or_year_is_a_bar_over_that_period(figure: ET.Element) -> None:
    axis, found = ticks(figure), marks(figure)
    assert list(axis) == [f"{m} 2023" for m in ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
                                                 "Oct", "Nov", "Dec")] + ["Jan 2024"]
    for fact_id, start, end in (("planted", "Jan 2023", "Jan 2024"), ("rain", "May 2023", "Jun 2023"),
                                ("export", "Sep 2023", "Oct 2023")):
        assert bar(found[fact_id]) == pytest.approx((axis[start] + 1, axis[end] - 1), abs=0.15), fact_id
        left, right = bar(found[fact_id])
        assert centre(found[fact_id]) == pytest.approx((left + right) / 2, abs=0.15)  # the mark at its middle
    for fact_id, start, end in (("yield", "May 2023", "Jun 2023"), ("sold", "May 2023", "Jun 2023"),
                                ("price", "Jan 2024", None)):
        assert bar(found[fact_id]) is None, fact_id  # a day: a mark, never a bar
        assert axis[start] < centre(found[fact_id]) < (axis[end] if end else axis_end(figure)), fact_id
    assert centre(found["yield"]) < centre(found["sold"])  # 20 May before 25 May, across lanes


def test_no_two_marks_of_a_row_overlap_and_every_mark_is_in_its_lane(figure: ET.Element) -> None:
    for lane in figure.findall(f".//{SVG}g[@class='bf-chart__lane']"):
        band = lane.find(f"{SVG}rect[@class='bf-chart__band']")
        top, bottom = float(band.get("y")), float(band.get("y")) + float(band.get("height"))
        rows: dict[int, list[tuple[float, float]]] = {}
        for mark in marks(lane).values():
            left, right, y = extent(mark)
            assert top < y < bottom
            rows.setdefault(int((y - top) // ROW), []).append((left, right))
        for row in rows.values():
            row.sort()
            assert all(before[1] < after[0] for before, after in itertools.pairwise(row)), row
        if lane.find(f"{SVG}text").text == "The harvest":
            assert len(rows) == 3  # the year's bar, May's bar and 20 May each on a row of their own


def test_the_chart_is_labelled_described_and_captioned(figure: ET.Element) -> None:
    svg = figure.find(f"{SVG}svg")
    title = svg.find(f"{SVG}title[@id='{svg.get('aria-labelledby')}']")
    assert title.text == "Timeline chart of 6 dated facts, January 2023 to January 2024"
    description = svg.find(f"{SVG}desc[@id='{svg.get('aria-describedby')}']").text
    assert "its shape tells its status (circle confirmed, square reported, triangle alleged, diamond disputed)" \
        in description
    assert figure.find("figcaption").text.startswith(f"{title.text}. Each mark links to the fact in the list below")
    hidden = [g.get("class") for g in svg.findall(f"{SVG}g[@aria-hidden='true']")]
    assert hidden == ["bf-chart__axis", "bf-chart__legend"]  # what the words already say


def test_a_chart_of_one_fact_says_fact() -> None:
    figure = ET.fromstring(timeline_svg(require_briefing(CASES / "minimal")[0]))
    assert figure.find(f"{SVG}svg/{SVG}title").text == "Timeline chart of 1 dated fact, August 2024"
