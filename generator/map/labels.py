"""Label placement: each mark's name put beside it where it overlaps no other label, no mark and
stays inside the map.

Greedy, most important first (the marks are given in that order): each label tries the
positions around its mark (right, left, above, below, then the corners, then the same farther
out) and takes the first that is free. A label with no free position is left out: its mark
still names the place in its tooltip and link, and the list below the map names every place.
Label sizes are estimated from the number of characters (no font metrics at build time).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

FONT_SIZE = 12.0
#: Average advance of a character of the map's sans-serif font, as a share of its size.
CHAR_WIDTH = 0.6
GAP = 3.0

Box = tuple[float, float, float, float]  # left, top, right, bottom


@dataclass(frozen=True)
class Mark:
    """A mark to label: its centre, its radius, and the label's words."""

    x: float
    y: float
    r: float
    text: str


@dataclass(frozen=True)
class Label:
    """A placed label: its text's anchor point (``x``, baseline ``y``), its SVG ``anchor``
    (start, middle, end) and the box it covers."""

    x: float
    y: float
    anchor: str
    box: Box


def text_size(text: str, font: float = FONT_SIZE) -> tuple[float, float]:
    return len(text) * font * CHAR_WIDTH, font


def overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _candidates(mark: Mark, font: float) -> list[Label]:
    width, height = text_size(mark.text, font)
    result = []
    for far in (0.0, 8.0):
        d = mark.r + GAP + far
        spots = [  # (left of the box, top of the box, anchor, x of the anchor)
            (mark.x + d, mark.y - height / 2, "start"), (mark.x - d - width, mark.y - height / 2, "end"),
            (mark.x - width / 2, mark.y - d - height, "middle"), (mark.x - width / 2, mark.y + d, "middle"),
            (mark.x + d * 0.7, mark.y - d * 0.7 - height, "start"), (mark.x + d * 0.7, mark.y + d * 0.7, "start"),
            (mark.x - d * 0.7 - width, mark.y - d * 0.7 - height, "end"),
            (mark.x - d * 0.7 - width, mark.y + d * 0.7, "end"),
        ]
        for left, top, anchor in spots:
            x = {"start": left, "end": left + width, "middle": left + width / 2}[anchor]
            result.append(Label(x, top + height * 0.8, anchor, (left, top, left + width, top + height)))
    return result


def place_labels(marks: Sequence[Mark], area: Box, font: float = FONT_SIZE, avoid: Sequence[Box] = (),
                 others: Sequence[Mark] = ()) -> list[Label | None]:
    """A label for each mark (None where no position is free), in the marks' order; no label
    overlaps another, any mark (``others`` are marks left unlabelled) or a box of ``avoid``, and
    each lies within ``area``."""
    taken: list[Box] = [(m.x - m.r, m.y - m.r, m.x + m.r, m.y + m.r) for m in (*marks, *others)] + list(avoid)
    placed: list[Label | None] = []
    for mark in marks:
        choice = next((label for label in _candidates(mark, font)
                       if _inside(label.box, area) and not any(overlaps(label.box, box) for box in taken)), None)
        if choice is not None:
            taken.append(choice.box)
        placed.append(choice)
    return placed


def _inside(box: Box, area: Box) -> bool:
    return box[0] >= area[0] and box[1] >= area[1] and box[2] <= area[2] and box[3] <= area[3]
