"""Small pieces of text the export formats share: shortened titles and partial dates.

Nothing here knows a format; ``feed``, ``search`` and ``csl`` each say these things the
same way by taking them from here.
"""

from __future__ import annotations


def shorten(text: str, limit: int) -> str:
    """``text`` cut at a word to at most ``limit`` characters, with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


def date_parts(value: str) -> list[int]:
    """A partial date's known parts as numbers: ``2024-08`` -> ``[2024, 8]``."""
    return [int(part) for part in value.split("-")]


def timestamp(value: str) -> str:
    """An RFC 3339 time for a partial date. Atom needs a full timestamp, so a month or a year
    stands at its first moment; the text that goes with it gives the date as known."""
    parts = [*date_parts(value), 1, 1]
    return f"{parts[0]:04d}-{parts[1]:02d}-{parts[2]:02d}T00:00:00Z"
