"""The timeline chart: the dated facts -> one inline SVG, drawn at build time.

``timeline_svg`` returns a ``<figure>`` holding an SVG (no script, nothing fetched) that
the timeline page places above its list. One lane per topic; each fact is a mark placed
by its date and linked to its entry in the list below (``#<fact-id>`` on the same page).
A fact dated to the day is a single mark; one known only to the month or the year is a
bar spanning that month or year with the mark at its middle, so no day is ever made up.

Status is told three ways: the mark's shape, its colour, and the words of its label and
tooltip (each mark's ``<title>`` and ``aria-label``). Colours come from CSS variables
(``--bf-<status>``) and text uses ``currentColor``, so the chart follows the light and dark
schemes. The figure caption is the chart's text alternative, and the list below it gives
every fact in words.

Every element is built with ``xml.etree`` (see ``svg``), so text from the YAML (claims,
topic titles) can only ever be character data or an escaped attribute value.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from generator.briefing import Briefing, PlacedFact
from generator.chart.svg import figure, link, number, svg_root, text
from generator.inline import plain_text
from generator.vocabulary import MONTHS, STATUS_LABELS, date_label, plural

WIDTH = 720
MARGIN_X = 16
AXIS_HEIGHT = 40
LANE_LABEL = 22
ROW = 20
MARK = 6
LEGEND_HEIGHT = 40
SHAPES = {"confirmed": "circle", "reported": "square", "alleged": "triangle", "disputed": "diamond"}


@dataclass(frozen=True)
class _Span:
    """Where one fact sits on the time axis: from its first day to just after its last."""

    placed: PlacedFact
    start: date
    end: date


def fact_span(value: str) -> tuple[date, date]:
    """The days a partial date covers: ``2024-08`` -> 1 August to 1 September 2024 (exclusive)."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        start = date(*parts)
        return start, start + timedelta(days=1)
    if len(parts) == 2:
        start = date(parts[0], parts[1], 1)
        return start, _next_month(start)
    return date(parts[0], 1, 1), date(parts[0] + 1, 1, 1)


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _month_start(day: date) -> date:
    return date(day.year, day.month, 1)


def _shape(parent: ET.Element, status: str, x: float, y: float, size: float) -> ET.Element:
    """The mark of a status, centred on (x, y): circle, square, triangle or diamond."""
    css = f"bf-mark bf-mark--{status}"
    kind = SHAPES[status]
    if kind == "circle":
        return ET.SubElement(parent, "circle", {"class": css, "cx": number(x), "cy": number(y), "r": number(size)})
    if kind == "square":
        s = size * 0.9
        return ET.SubElement(parent, "rect", {"class": css, "x": number(x - s), "y": number(y - s),
                                              "width": number(2 * s), "height": number(2 * s)})
    if kind == "triangle":
        s = size * 1.15
        corners = [(x, y - s), (x + s, y + s * 0.8), (x - s, y + s * 0.8)]
    else:
        s = size * 1.2
        corners = [(x, y - s), (x + s, y), (x, y + s), (x - s, y)]
    points = " ".join(f"{number(cx)},{number(cy)}" for cx, cy in corners)
    return ET.SubElement(parent, "polygon", {"class": css, "points": points})


def _rows(spans: list[_Span], position: Callable[[_Span], tuple[float, float]]) -> list[list[_Span]]:
    """Spans packed into rows so that no two marks of a row overlap (first fit, in date order)."""
    rows: list[list[_Span]] = []
    ends: list[float] = []
    for span in spans:
        left, right = position(span)
        for index, end in enumerate(ends):
            if left > end + 2:
                rows[index].append(span)
                ends[index] = right
                break
        else:
            rows.append([span])
            ends.append(right)
    return rows


def timeline_svg(briefing: Briefing) -> str:
    """The chart of every dated fact, as one line of HTML (a ``<figure>``); empty when no fact
    has a date."""
    spans = [_Span(p, *fact_span(p.fact.date)) for p in briefing.dated_facts if p.fact.date]
    if not spans:
        return ""
    first = _month_start(min(s.start for s in spans))
    last = max(s.end for s in spans)
    last = last if last.day == 1 else _next_month(last)
    days = max((last - first).days, 1)
    plot_left, plot_right = MARGIN_X, WIDTH - MARGIN_X
    order = {span.placed.id: index for index, span in enumerate(spans)}  # date order, by fact id

    def x_of(day: date) -> float:
        return plot_left + (day - first).days / days * (plot_right - plot_left)

    def extent(span: _Span) -> tuple[float, float]:
        left, right = x_of(span.start), x_of(span.end)
        middle = (left + right) / 2
        return min(left, middle - MARK - 1), max(right, middle + MARK + 1)

    by_topic: dict[str, list[_Span]] = {}
    for span in spans:
        by_topic.setdefault(span.placed.topic_id, []).append(span)
    lanes = [(tid, _rows(by_topic.get(tid, []), extent)) for tid in briefing.topic_order]
    lanes = [(tid, rows) for tid, rows in lanes if rows]
    height = AXIS_HEIGHT + sum(LANE_LABEL + len(rows) * ROW + 8 for _, rows in lanes) + LEGEND_HEIGHT

    start, end = date_label(first.isoformat()[:7]), date_label((last - timedelta(days=1)).isoformat()[:7])
    title = f"Timeline chart of {plural(len(spans), 'dated fact')}, " + (start if start == end else f"{start} to {end}")
    svg = svg_root(WIDTH, height, "bf-chart__svg", "bf-chart", title, (
        "One lane per topic, time running left to right. Each mark is a fact and links to it in the "
        "list below; its shape tells its status (circle confirmed, square reported, triangle alleged, "
        "diamond disputed). A bar is a fact known only to the month or the year."))

    axis = ET.SubElement(svg, "g", {"class": "bf-chart__axis", "aria-hidden": "true"})
    ET.SubElement(axis, "line", {"x1": number(plot_left), "x2": number(plot_right), "y1": "30", "y2": "30"})
    month = first
    months = days / 30.44
    while month < last:
        x = x_of(month)
        if months <= 36 or month.month == 1:
            ET.SubElement(axis, "line", {"x1": number(x), "x2": number(x), "y1": "26", "y2": "34"})
        if months <= 36 and (months <= 18 or month.month % 3 == 1):
            text(axis, x + 2, 25, MONTHS[month.month - 1][:3])
        if month.month == 1 or month == first:
            text(axis, x + 2, 10, str(month.year), **{"font-weight": "700"})
        month = _next_month(month)

    y = AXIS_HEIGHT
    for topic_id, rows in lanes:
        lane = ET.SubElement(svg, "g", {"class": "bf-chart__lane"})
        text(lane, plot_left, y + 15, briefing.topics[topic_id].title, **{"font-weight": "600"})
        y += LANE_LABEL
        ET.SubElement(lane, "rect", {"class": "bf-chart__band", "x": number(plot_left), "y": number(y),
                                     "width": number(plot_right - plot_left), "height": number(len(rows) * ROW)})
        # Marks in date order (the order of keyboard focus), each at the height of its row.
        row_of = {span.placed.id: index for index, row in enumerate(rows) for span in row}
        for span in sorted((s for row in rows for s in row), key=lambda s: order[s.placed.id]):
            _mark(lane, span, x_of(span.start), x_of(span.end), y + row_of[span.placed.id] * ROW + ROW / 2)
        y += len(rows) * ROW + 8

    legend = ET.SubElement(svg, "g", {"class": "bf-chart__legend", "aria-hidden": "true"})
    x = plot_left + MARK
    legend_y = y + 20
    for status, label in STATUS_LABELS.items():
        _shape(legend, status, x, legend_y - 4, MARK)
        text(legend, x + MARK + 5, legend_y, label)
        x += 30 + len(label) * 8
    ET.SubElement(legend, "rect", {"class": "bf-chart__bar", "x": number(x), "y": number(legend_y - 8),
                                   "width": "28", "height": "8", "rx": "3"})
    text(legend, x + 34, legend_y, "known only to the month or year")

    return figure(svg, "bf-chart", f"{title}. Each mark links to the fact in the list below, which gives "
                  "every dated fact in words with its status, topic and sources.")


def _mark(parent: ET.Element, span: _Span, left: float, right: float, y: float) -> None:
    fact = span.placed.fact
    status = fact.status
    words = f"{date_label(fact.date)}, {STATUS_LABELS[status].lower()}: {plain_text(fact.claim)}"
    mark = link(parent, fact.id, words, "bf-chart__link")
    if right - left > 2 * MARK + 2:
        ET.SubElement(mark, "rect", {"class": f"bf-chart__bar bf-chart__bar--{status}",
                                     "x": number(left + 1), "y": number(y - 4), "width": number(right - left - 2),
                                     "height": "8", "rx": "3"})
    _shape(mark, status, (left + right) / 2, y, MARK)
