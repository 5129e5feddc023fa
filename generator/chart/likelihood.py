"""The judgments chart: each key judgment's likelihood range on the 0–100 % scale, as one
inline SVG drawn at build time, placed beside the home page's bottom line.

One row per judgment, in the briefing's order: its question, then a bar spanning its
likelihood's range (``likely``: 55–80 %) on an axis from 0 to 100 %. Confidence is told by
the bar's fill (hollow low, half-filled moderate, solid high) and in words beside the bar.
Each bar links to its judgment below (``#<judgment id>``); its ``<title>`` and ``aria-label``
say the question, the likelihood and the confidence in words. Colours come from the
scheme's CSS variables, so the chart follows light and dark schemes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from generator.chart.svg import figure, link, number, svg_root, text
from generator.model import Judgment
from generator.vocabulary import CONFIDENCE_LABELS, LIKELIHOODS

WIDTH = 720
LEFT = 16
PLOT_RIGHT = 470
WORDS_X = 482
AXIS = 34
ROW = 44
LEGEND = 36
#: Characters of a question shown in the chart (all of it is in the bar's label and below).
QUESTION_CHARACTERS = 110


def _x(percent: float) -> float:
    return LEFT + percent / 100 * (PLOT_RIGHT - LEFT)


def short(words: str, limit: int = QUESTION_CHARACTERS) -> str:
    """``words`` cut at a word to at most ``limit`` characters, with "…" when cut."""
    if len(words) <= limit:
        return words
    return words[:limit - 1].rsplit(" ", 1)[0] + "…"


def mark_words(judgment: Judgment) -> str:
    """What a bar says: "<question>: likely, 55–80 %; moderate confidence"."""
    return f"{judgment.question}: {LIKELIHOODS[judgment.likelihood].label}; {judgment.confidence} confidence"


def likelihood_svg(judgments: list[Judgment]) -> str:
    """The chart of the judgments' likelihoods, as one line of HTML (a ``<figure>``); empty
    when there are none."""
    if not judgments:
        return ""
    height = AXIS + ROW * len(judgments) + LEGEND
    title = f"Likelihood of the {len(judgments)} key judgments, on a scale from 0 to 100 %"
    svg = svg_root(WIDTH, height, "bf-chart__svg", "bf-likelihood", title, (
        "One row per judgment. Each bar spans the judgment's likelihood range on the scale and links to "
        "the judgment below. The fill tells the confidence: hollow for low, half-filled for moderate, "
        "solid for high; the words beside the bar say both."))
    axis = ET.SubElement(svg, "g", {"class": "bf-chart__axis", "aria-hidden": "true"})
    ET.SubElement(axis, "line", {"x1": number(_x(0)), "x2": number(_x(100)), "y1": "24", "y2": "24"})
    for percent in (0, 25, 50, 75, 100):
        x = _x(percent)
        ET.SubElement(axis, "line", {"x1": number(x), "x2": number(x), "y1": "20", "y2": "28"})
        text(axis, x, 14, f"{percent} %", **{"text-anchor": "middle" if 0 < percent < 100 else
                                               ("start" if percent == 0 else "end")})
    for index, judgment in enumerate(judgments):
        _row(svg, judgment, AXIS + index * ROW)
    _legend(svg, AXIS + len(judgments) * ROW + 22)
    return figure(svg, "bf-chart bf-chart--likelihood", (
        f"{title}. Each bar spans a judgment's likelihood range and links to the judgment; its fill and "
        "the words beside it tell the confidence. Every judgment is given in words below."))


def _row(svg: ET.Element, judgment: Judgment, y: float) -> None:
    scale = LIKELIHOODS[judgment.likelihood]
    row = ET.SubElement(svg, "g", {"class": "bf-chart__lane"})
    text(row, LEFT, y + 14, short(judgment.question), **{"font-weight": "600"})
    ET.SubElement(row, "rect", {"class": "bf-chart__band", "x": number(_x(0)), "y": number(y + 20),
                                "width": number(_x(100) - _x(0)), "height": "16"})
    mark = link(row, judgment.id, mark_words(judgment), "bf-chart__link")
    ET.SubElement(mark, "rect", {
        "class": f"bf-range bf-range--{judgment.confidence}", "x": number(_x(scale.low)), "y": number(y + 21),
        "width": number(_x(scale.high) - _x(scale.low)), "height": "14", "rx": "3"})
    text(mark, WORDS_X, y + 32, f"{scale.label} · {judgment.confidence} confidence", **{"font-size": "11"})


def _legend(svg: ET.Element, y: float) -> None:
    legend = ET.SubElement(svg, "g", {"class": "bf-chart__legend", "aria-hidden": "true"})
    x = float(LEFT)
    for key, label in CONFIDENCE_LABELS.items():
        ET.SubElement(legend, "rect", {"class": f"bf-range bf-range--{key}", "x": number(x), "y": number(y - 10),
                                       "width": "28", "height": "12", "rx": "3"})
        text(legend, x + 34, y, f"{label} confidence")
        x += 34 + len(label) * 7 + 90
