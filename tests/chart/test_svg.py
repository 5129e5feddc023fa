"""What the charts share (generator/chart/svg.py): short coordinates, text from the YAML kept as
character data, an SVG labelled by its title and described by its description, links named in
words, and the figure whose caption is the chart's text alternative, on one line of HTML.
Parsed with xml.etree."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from generator.chart.svg import SVG_NS, XLINK, figure, link, number, svg_root, text

HOSTILE = "Goats </title><script>alert(1)</script> & <a href='x'>y</a> ]]> \"q\" {: onclick=z}"
SVG = f"{{{SVG_NS}}}"


def reparsed(element: ET.Element) -> ET.Element:
    """An element as a browser gets it: written out, then parsed."""
    return ET.fromstring(ET.tostring(element, encoding="unicode"))


@pytest.mark.parametrize(("value", "shown"), [(12.0, "12"), (12.345, "12.3"), (12.96, "13"), (0.04, "0"),
                                              (688, "688"), (51.85, "51.9")])
def test_a_coordinate_is_written_short(value: float, shown: str) -> None:
    assert number(value) == shown


def test_text_from_the_yaml_stays_character_data() -> None:
    drawing = svg_root(100, 20, "c", "t", "A title", "A description")
    text(drawing, 2.0, 10.25, HOSTILE, **{"font-weight": "700"})
    (label,) = reparsed(drawing).iter(f"{SVG}text")
    assert label.text == HOSTILE and list(label) == []
    assert (label.get("x"), label.get("y"), label.get("font-weight")) == ("2", "10.2", "700")


def test_the_svg_is_labelled_by_its_title_and_described_by_its_description() -> None:
    drawing = reparsed(svg_root(720, 219.96, "bf-chart__svg", "bf-chart", f"Title {HOSTILE}", f"Desc {HOSTILE}"))
    assert drawing.tag == f"{SVG}svg" and drawing.get("role") == "group"
    assert drawing.get("viewBox") == "0 0 720 220" and drawing.get("class") == "bf-chart__svg"
    title = drawing.find(f"{SVG}title[@id='{drawing.get('aria-labelledby')}']")
    description = drawing.find(f"{SVG}desc[@id='{drawing.get('aria-describedby')}']")
    assert (title.text, description.text) == (f"Title {HOSTILE}", f"Desc {HOSTILE}")
    assert [child.tag for child in drawing] == [f"{SVG}title", f"{SVG}desc"]  # first, as assistive technology reads


def test_a_link_leads_to_its_anchor_and_is_named_by_its_words() -> None:
    drawing = svg_root(100, 20, "c", "t", "A title", "A description")
    link(drawing, "goat-count", HOSTILE, "bf-chart__link")
    (mark,) = reparsed(drawing).iter(f"{SVG}a")
    assert mark.get(f"{{{XLINK}}}href") == "#goat-count" and mark.get("href") is None  # see svg.link
    assert mark.get("aria-label") == HOSTILE == mark.find(f"{SVG}title").text
    assert mark.get("class") == "bf-chart__link"


def test_the_figure_is_one_line_of_html_its_caption_the_text_alternative() -> None:
    drawing = svg_root(100, 20, "c", "t", "A title", "A description")
    written = figure(drawing, "bf-chart", f"Caption {HOSTILE}")
    assert "\n" not in written  # Markdown would end the HTML block at a line break
    parsed = ET.fromstring(written)
    assert (parsed.tag, parsed.get("class")) == ("figure", "bf-chart")
    assert [child.tag for child in parsed] == [f"{SVG}svg", "figcaption"]
    assert parsed.find("figcaption").text == f"Caption {HOSTILE}"
