"""The judgments' likelihood chart (generator/chart/likelihood.py), parsed as HTML (no build): a row
per judgment linking to it, its question and words as text beside a bar over its range, the
fill telling the confidence; text from the YAML stays text. (On the home page:
tests/pages/test_home.py.)"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from generator.chart import likelihood_chart
from generator.chart.likelihood import words, x_of
from generator.check import require_briefing
from generator.model import Judgment
from generator.vocabulary import CONFIDENCE_LABELS, LIKELIHOODS
from tests.conftest import CASES

JUDGMENTS = require_briefing(CASES / "judgments")[0].judgments


def judgment(**changes: object) -> Judgment:
    return JUDGMENTS[0].model_copy(update=changes)


def chart(judgments: list[Judgment]) -> BeautifulSoup:
    return BeautifulSoup(likelihood_chart(judgments), "html.parser")


def test_no_judgments_no_chart() -> None:
    assert likelihood_chart([]) == ""


def test_each_judgment_is_a_row_linking_to_it_with_a_bar_over_its_range() -> None:
    rows = chart(JUDGMENTS).select("ol.bf-likelihood__rows > li > a")
    assert [a["href"] for a in rows] == [f"#{j.id}" for j in JUDGMENTS]
    for row, item in zip(rows, JUDGMENTS, strict=True):
        scale = LIKELIHOODS[item.likelihood]
        assert row.select_one(".bf-likelihood__question").get_text() == item.question
        assert row.select_one(".bf-likelihood__words").get_text() == (
            f"{scale.term}, {scale.low}–{scale.high} % · {item.confidence} confidence") == words(item)
        bar = row.select_one("svg.bf-likelihood__bar")
        assert bar["aria-hidden"] == "true"  # a drawing of what the words say
        (band, mark) = bar.find_all("rect")
        assert mark["class"] == ["bf-range", f"bf-range--{item.confidence}"]  # the fill tells the confidence
        assert (float(mark["x"]), float(mark["x"]) + float(mark["width"])) == pytest.approx(
            (x_of(scale.low), x_of(scale.high)), abs=0.1)
        assert (float(band["x"]), float(band["width"])) == pytest.approx((x_of(0), x_of(100) - x_of(0)), abs=0.1)


def test_the_chart_has_a_text_alternative_a_legend_and_no_colour_of_its_own() -> None:
    figure = chart(JUDGMENTS).figure
    assert figure.figcaption.get_text().startswith("Likelihood of the 2 key judgments from 0 to 100 %")
    assert [t.get_text() for t in figure.select(".bf-likelihood__axis text")] == ["0 %", "25 %", "50 %", "75 %",
                                                                                   "100 %"]
    assert [k.get_text() for k in figure.select(".bf-likelihood__key")] == [
        "Low confidence", "Moderate confidence", "High confidence"]
    for element in figure.find_all(True):
        assert not {"fill", "stroke", "style"} & set(element.attrs), element.name
        assert not [name for name in element.attrs if name.startswith("on")]
    assert figure.find("script") is None


def test_text_from_yaml_stays_text() -> None:
    hostile = "Goats </span><script>alert(1)</script> & <a href='x'>y</a> ]]> \"q\"? " + "long " * 40
    figure = chart([judgment(question=hostile)]).figure
    assert figure.find("script") is None and len(figure.find_all("a")) == 1
    assert figure.select_one(".bf-likelihood__question").get_text() == hostile  # all of it, however long


def test_the_legend_shows_each_confidence_fill_beside_its_words() -> None:
    legend = chart(JUDGMENTS).select_one("p.bf-likelihood__legend")
    swatches = [svg.rect["class"] for svg in legend.select("svg.bf-likelihood__swatch")]
    keys = [key.get_text() for key in legend.select(".bf-likelihood__key")]
    assert list(zip(swatches, keys, strict=True)) == [
        (["bf-range", f"bf-range--{key}"], f"{label} confidence") for key, label in CONFIDENCE_LABELS.items()]
    for swatch in legend.select("svg.bf-likelihood__swatch"):
        assert swatch.find_next_sibling().get_text().endswith(" confidence")  # each fill before its words


def test_rows_follow_the_order_of_the_judgments_given() -> None:
    rows = chart(list(reversed(JUDGMENTS))).select("a.bf-likelihood__row")
    assert [a["href"] for a in rows] == [f"#{j.id}" for j in reversed(JUDGMENTS)]
    assert [a.select_one(".bf-likelihood__question").get_text() for a in rows] == [
        j.question for j in reversed(JUDGMENTS)]


def test_a_chart_of_one_judgment_says_judgment() -> None:
    assert chart(JUDGMENTS[:1]).figcaption.get_text().startswith("Likelihood of the 1 key judgment from 0 to 100 %")
