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

Every element is built with ``xml.etree`` and serialised by it, so text from the YAML
(claims, topic titles) can only ever be character data or an escaped attribute value.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from generator.briefing import Briefing, PlacedFact
from generator.inline import plain_text
from generator.vocabulary import MONTHS, STATUS_LABELS, date_label

WIDTH = 720
MARGIN_X = 16
AXIS_HEIGHT = 40
LANE_LABEL = 22
ROW = 20
MARK = 6
LEGEND_HEIGHT = 40
XLINK = "http://www.w3.org/1999/xlink"
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
        return ET.SubElement(parent, "circle", {"class": css, "cx": _n(x), "cy": _n(y), "r": _n(size)})
    if kind == "square":
        s = size * 0.9
        return ET.SubElement(parent, "rect", {"class": css, "x": _n(x - s), "y": _n(y - s),
                                              "width": _n(2 * s), "height": _n(2 * s)})
    if kind == "triangle":
        s = size * 1.15
        points = f"{_n(x)},{_n(y - s)} {_n(x + s)},{_n(y + s * 0.8)} {_n(x - s)},{_n(y + s * 0.8)}"
    else:
        s = size * 1.2
        points = f"{_n(x)},{_n(y - s)} {_n(x + s)},{_n(y)} {_n(x)},{_n(y + s)} {_n(x - s)},{_n(y)}"
    return ET.SubElement(parent, "polygon", {"class": css, "points": points})


def _n(value: float) -> str:
    """A coordinate, short: 12.0 -> '12', 12.345 -> '12.3'."""
    text = f"{value:.1f}"
    return text.removesuffix(".0")


def _text(parent: ET.Element, x: float, y: float, words: str, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, "text", {"x": _n(x), "y": _n(y), **attrs})
    element.text = words
    return element


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

    title = f"Timeline chart of {len(spans)} dated facts, {date_label(first.isoformat()[:7])} to " \
            f"{date_label((last - timedelta(days=1)).isoformat()[:7])}"
    svg = ET.Element("svg", {
        "xmlns": "http://www.w3.org/2000/svg", "xmlns:xlink": XLINK, "viewBox": f"0 0 {WIDTH} {height}",
        "class": "bf-chart__svg", "role": "group", "aria-labelledby": "bf-chart-title",
        "aria-describedby": "bf-chart-desc", "font-size": "12",
    })
    ET.SubElement(svg, "title", {"id": "bf-chart-title"}).text = title
    ET.SubElement(svg, "desc", {"id": "bf-chart-desc"}).text = (
        "One lane per topic, time running left to right. Each mark is a fact and links to it in the "
        "list below; its shape tells its status (circle confirmed, square reported, triangle alleged, "
        "diamond disputed). A bar is a fact known only to the month or the year.")

    axis = ET.SubElement(svg, "g", {"class": "bf-chart__axis", "aria-hidden": "true"})
    ET.SubElement(axis, "line", {"x1": _n(plot_left), "x2": _n(plot_right), "y1": "30", "y2": "30"})
    month = first
    months = days / 30.44
    while month < last:
        x = x_of(month)
        if months <= 36 or month.month == 1:
            ET.SubElement(axis, "line", {"x1": _n(x), "x2": _n(x), "y1": "26", "y2": "34"})
        if months <= 36 and (months <= 18 or month.month % 3 == 1):
            _text(axis, x + 2, 22, MONTHS[month.month - 1][:3])
        if month.month == 1 or month == first:
            _text(axis, x + 2, 10, str(month.year), **{"font-weight": "700"})
        month = _next_month(month)

    y = AXIS_HEIGHT
    for topic_id, rows in lanes:
        lane = ET.SubElement(svg, "g", {"class": "bf-chart__lane"})
        _text(lane, plot_left, y + 15, briefing.topics[topic_id].title, **{"font-weight": "600"})
        y += LANE_LABEL
        ET.SubElement(lane, "rect", {"class": "bf-chart__band", "x": _n(plot_left), "y": _n(y),
                                     "width": _n(plot_right - plot_left), "height": _n(len(rows) * ROW)})
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
        _text(legend, x + MARK + 5, legend_y, label)
        x += 30 + len(label) * 8
    ET.SubElement(legend, "rect", {"class": "bf-chart__bar", "x": _n(x), "y": _n(legend_y - 8),
                                   "width": "28", "height": "8", "rx": "3"})
    _text(legend, x + 34, legend_y, "known only to the month or year")

    caption = ET.Element("figcaption")
    caption.text = (f"{title}. Each mark links to the fact in the list below, which gives every dated "
                    "fact in words with its status, topic and sources.")
    figure = ET.Element("figure", {"class": "bf-chart"})
    figure.append(svg)
    figure.append(caption)
    return ET.tostring(figure, encoding="unicode")


def _mark(parent: ET.Element, span: _Span, left: float, right: float, y: float) -> None:
    fact = span.placed.fact
    status = fact.shown_status
    words = f"{date_label(fact.date)}, {STATUS_LABELS[status].lower()}: {plain_text(fact.claim)}"
    # xlink:href, not href: Material's instant navigation rewrites every [href] element's
    # href property, which an SVG link does not have (a TypeError on every page load).
    link = ET.SubElement(parent, "a", {"xlink:href": f"#{fact.id}", "aria-label": words,
                                       "class": "bf-chart__link"})
    ET.SubElement(link, "title").text = words
    if right - left > 2 * MARK + 2:
        ET.SubElement(link, "rect", {"class": f"bf-chart__bar bf-chart__bar--{status}",
                                     "x": _n(left + 1), "y": _n(y - 4), "width": _n(right - left - 2),
                                     "height": "8", "rx": "3"})
    _shape(link, status, (left + right) / 2, y, MARK)
