"""Charts drawn at build time as inline SVG (no script, nothing fetched): the timeline of dated
facts (``timeline``) and the likelihood of the key judgments (``likelihood``), with what they
share (``svg``). Each returns a ``<figure>`` whose caption is its text alternative."""

from __future__ import annotations

from generator.chart.likelihood import likelihood_svg
from generator.chart.timeline import timeline_svg

__all__ = ["likelihood_svg", "timeline_svg"]
