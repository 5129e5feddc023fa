"""The judgments page: every key judgment in full (its assumptions, the alternatives with
their likelihood, the facts for and against it, what we do not know, what to watch, its
history) and the estimative scale explained, which every likelihood term links to.

Written only when the briefing has judgments (``briefings/judgments.yml``).
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.pages.plan import Plan
from generator.pages.spec import PageSpec
from generator.pages.views import SCALE_ANCHOR
from generator.render import Md
from generator.urls import JUDGMENTS
from generator.vocabulary import CONFIDENCE_LABELS, CONFIDENCE_MEANINGS, LIKELIHOODS


def judgment_pages(plan: Plan) -> Iterator[PageSpec]:
    if not plan.briefing.judgments:
        return
    yield PageSpec(JUDGMENTS, "judgments.md.j2", {
        "judgments": plan.judgment_views(plan.briefing.judgments, JUDGMENTS),
        "scale_anchor": Md(SCALE_ANCHOR),
        "likelihoods": list(LIKELIHOODS.values()),
        "confidence": [(CONFIDENCE_LABELS[key], CONFIDENCE_MEANINGS[key]) for key in CONFIDENCE_LABELS],
    })
