"""The judgments chart: each key judgment's likelihood range on the 0–100 % scale, drawn at
build time and placed after the home page's bottom line.

One row per judgment, in the briefing's order, each a link to the judgment above
(``#<judgment id>``): its question and its likelihood and confidence in words as HTML text
(so long questions wrap, and every word is the reader's, not a drawing's), between them an
inline SVG bar spanning the likelihood's range (``likely``: 55–80 %) on the scale's axis.
Confidence is told by the bar's fill (hollow low, half-filled moderate, solid high) and in
the words beside it. The drawings are ``aria-hidden``; the figure caption is the chart's text
alternative. Colours come from the scheme's CSS variables, so the chart follows light and
dark schemes. Every element is built with ``xml.etree``, so text from the YAML can only be
character data.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from generator.chart.svg import SVG_NS, number, text
from generator.model import Judgment
from generator.vocabulary import CONFIDENCE_LABELS, LIKELIHOODS, plural

WIDTH = 400
LEFT = 8
RIGHT = WIDTH - 8
BAR_HEIGHT = 18
TICKS = (0, 25, 50, 75, 100)


def x_of(percent: float) -> float:
    """Where a probability sits on the bars' axis."""
    return LEFT + percent / 100 * (RIGHT - LEFT)


def words(judgment: Judgment) -> str:
    """What a row says beside its bar: "likely, 55–80 % · moderate confidence"."""
    return f"{LIKELIHOODS[judgment.likelihood].label} · {judgment.confidence} confidence"


def _drawing(parent: ET.Element, height: float, css: str) -> ET.Element:
    return ET.SubElement(parent, "svg", {"xmlns": SVG_NS, "viewBox": f"0 0 {WIDTH} {number(height)}",
                                         "class": css, "aria-hidden": "true", "focusable": "false"})


def _span(parent: ET.Element, css: str, words: str) -> ET.Element:
    element = ET.SubElement(parent, "span", {"class": css})
    element.text = words
    return element


def _bar(parent: ET.Element, css: str, low: float, high: float) -> None:
    ET.SubElement(parent, "rect", {"class": css, "x": number(x_of(low)), "y": "2",
                                   "width": number(x_of(high) - x_of(low)), "height": number(BAR_HEIGHT - 4),
                                   "rx": "3"})


def likelihood_chart(judgments: list[Judgment]) -> str:
    """The chart of the judgments' likelihoods, as one line of HTML (a ``<figure>``); empty
    when there are none."""
    if not judgments:
        return ""
    figure = ET.Element("figure", {"class": "bf-chart bf-likelihood"})
    # the axis above the bars' column (the head lays out like a row)
    axis = _drawing(ET.SubElement(figure, "div", {"class": "bf-likelihood__head"}), 22,
                    "bf-chart__axis bf-likelihood__axis")
    ET.SubElement(axis, "line", {"x1": number(x_of(0)), "x2": number(x_of(100)), "y1": "20", "y2": "20"})
    for percent in TICKS:
        ET.SubElement(axis, "line", {"x1": number(x_of(percent)), "x2": number(x_of(percent)),
                                     "y1": "16", "y2": "22"})
        anchor = "start" if percent == 0 else "end" if percent == 100 else "middle"
        text(axis, x_of(percent), 12, f"{percent} %", **{"text-anchor": anchor, "font-size": "11"})
    rows = ET.SubElement(figure, "ol", {"class": "bf-likelihood__rows"})
    for judgment in judgments:
        scale = LIKELIHOODS[judgment.likelihood]
        row = ET.SubElement(ET.SubElement(rows, "li"), "a", {"href": f"#{judgment.id}",
                                                             "class": "bf-likelihood__row"})
        _span(row, "bf-likelihood__question", judgment.question)
        bar = _drawing(row, BAR_HEIGHT, "bf-likelihood__bar")
        _bar(bar, "bf-chart__band", 0, 100)
        _bar(bar, f"bf-range bf-range--{judgment.confidence}", scale.low, scale.high)
        _span(row, "bf-likelihood__words", words(judgment))
    legend = ET.SubElement(figure, "p", {"class": "bf-likelihood__legend"})
    for key, label in CONFIDENCE_LABELS.items():
        swatch = _drawing(legend, BAR_HEIGHT, "bf-likelihood__swatch")
        swatch.set("viewBox", f"0 0 40 {BAR_HEIGHT}")
        ET.SubElement(swatch, "rect", {"class": f"bf-range bf-range--{key}", "x": "2", "y": "2", "width": "36",
                                       "height": number(BAR_HEIGHT - 4), "rx": "3"})
        _span(legend, "bf-likelihood__key", f"{label} confidence")
    ET.SubElement(figure, "figcaption").text = (
        f"Likelihood of the {plural(len(judgments), 'key judgment')} from 0 to 100 %: each bar spans a judgment's "
        "likelihood range and links to it; its fill tells the confidence (hollow low, half-filled "
        "moderate, solid high), as the words beside it do.")
    return ET.tostring(figure, encoding="unicode", method="html")
