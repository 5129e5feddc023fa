"""What the build-time charts share: SVG elements made with ``xml.etree`` (so text from the
YAML is only ever character data or an escaped attribute value), short coordinates, and
the ``<figure>`` with its caption that a chart is placed in."""

from __future__ import annotations

import xml.etree.ElementTree as ET

SVG_NS = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"


def number(value: float) -> str:
    """A coordinate, short: 12.0 -> '12', 12.345 -> '12.3'."""
    return f"{value:.1f}".removesuffix(".0")


def text(parent: ET.Element, x: float, y: float, words: str, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, "text", {"x": number(x), "y": number(y), **attrs})
    element.text = words
    return element


def svg_root(width: float, height: float, css: str, prefix: str, title: str, description: str) -> ET.Element:
    """An ``<svg>`` labelled by its ``<title>`` and described by its ``<desc>`` (ids ``<prefix>-title``
    and ``<prefix>-desc``)."""
    svg = ET.Element("svg", {
        "xmlns": SVG_NS, "xmlns:xlink": XLINK, "viewBox": f"0 0 {number(width)} {number(height)}",
        "class": css, "role": "group", "aria-labelledby": f"{prefix}-title",
        "aria-describedby": f"{prefix}-desc", "font-size": "12",
    })
    ET.SubElement(svg, "title", {"id": f"{prefix}-title"}).text = title
    ET.SubElement(svg, "desc", {"id": f"{prefix}-desc"}).text = description
    return svg


def link(parent: ET.Element, anchor: str, words: str, css: str) -> ET.Element:
    """A link to ``#anchor`` on the same page, named by ``words`` (its label and tooltip).
    ``xlink:href``, not ``href``: Material's instant navigation rewrites every [href] element's
    href property, which an SVG link does not have (a TypeError on every page load)."""
    element = ET.SubElement(parent, "a", {"xlink:href": f"#{anchor}", "aria-label": words, "class": css})
    ET.SubElement(element, "title").text = words
    return element


def figure(svg: ET.Element, css: str, caption: str) -> str:
    """The chart in a ``<figure>`` whose caption is its text alternative, as one line of HTML."""
    element = ET.Element("figure", {"class": css})
    element.append(svg)
    ET.SubElement(element, "figcaption").text = caption
    return ET.tostring(element, encoding="unicode")
