"""Charts drawn at build time with inline SVG (no script, nothing fetched): the timeline of dated
facts (``timeline``) and the likelihood of the key judgments (``likelihood``, HTML rows with
an SVG bar each), with what they share (``svg``). Each returns a ``<figure>`` whose caption
is its text alternative."""

from __future__ import annotations

from generator.chart.likelihood import likelihood_chart
from generator.chart.timeline import timeline_svg

__all__ = ["likelihood_chart", "timeline_svg"]
