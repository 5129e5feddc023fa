"""The JSON layout the exports share: machine-readable, yet laid out for reading and diffing.

``facts_json`` and ``csl`` hand their documents to :func:`json_bytes`; the outer levels
come one item per line, so a reviewer diffing two versions sees one changed line per
changed record.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any


def json_lines(data: Any, depth: int = 2, indent: str = "") -> str:
    """JSON laid out for reading and diffing: the outer ``depth`` levels one item per line,
    each item below that on its one line. (``json.dumps(indent=…)`` gives up the C encoder
    and takes ten times as long on a large briefing.) A list may be given as an iterator:
    each item is encoded as it comes, so a large export never holds every record at once."""
    inner = indent + "  "
    if depth and isinstance(data, dict):
        items = [f"{json.dumps(key, ensure_ascii=False)}: {json_lines(value, depth - 1, inner)}"
                 for key, value in data.items()]
        return _block("{", items, "}", indent)
    if depth and isinstance(data, (list, Iterator)):
        return _block("[", [json_lines(value, depth - 1, inner) for value in data], "]", indent)
    return json.dumps(data, ensure_ascii=False, separators=(", ", ": "))


def json_bytes(data: Any) -> bytes:
    """A whole export file: :func:`json_lines` with a final newline, in UTF-8."""
    return (json_lines(data) + "\n").encode("utf-8")


def _block(opening: str, items: list[str], closing: str, indent: str) -> str:
    if not items:
        return opening + closing
    inner = indent + "  "
    return f"{opening}\n{inner}" + f",\n{inner}".join(items) + f"\n{indent}{closing}"
