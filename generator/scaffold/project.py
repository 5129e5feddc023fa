"""What a project already holds, for ``briefing new``: the ids new entries must not repeat or
must cite, and the ids suggested for new entries.

Read leniently: a file that does not load or validate still gives the ids it can, so a
contributor can add to a briefing that has errors elsewhere.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.load import LoadedFile, YamlProblem, load_file
from generator.messages import closest
from generator.model import ID_PATTERN
from generator.settings import load_settings, project_paths
from generator.validate import display_path

_ID = re.compile(ID_PATTERN)
ID_LIMIT = 60
#: A suggested id keeps at most this many words of its title (a short link readers can keep).
ID_WORDS = 6
#: Words a suggested id does not end on ("food-for-arms", not "food-for-arms-a").
_TRAILING = frozenset(["a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"])


@dataclass
class Project:
    """What a project already holds, read once."""

    root: Path
    briefings_dir: Path
    sources: list[str]
    topics: list[str]
    entities: list[str]
    #: every fact id, lowercased, in the order the topics hold them
    facts: list[str]
    orders: list[int]
    tags: list[str]
    judgments: list[str]

    @classmethod
    def read(cls, root: Path) -> Project:
        settings = load_settings(root)
        briefings_dir, _ = project_paths(root, settings)
        topics = _stems(briefings_dir / "topics")
        facts: dict[str, None] = {}
        orders: list[int] = []
        tags: set[str] = set()
        for topic in topics:
            loaded = _try_load(briefings_dir / "topics" / f"{topic}.yml", root)
            data = loaded.data if loaded else None
            if loaded is None or not isinstance(data, dict):
                continue
            if isinstance(data.get("order"), int):
                orders.append(data["order"])
            for fact in data.get("facts") or []:
                if isinstance(fact, dict) and isinstance(fact.get("id"), str):
                    facts.setdefault(fact["id"].lower())
                    tags.update(t for t in fact.get("tags") or [] if isinstance(t, str))
        entities_file = _try_load(briefings_dir / "entities.yml", root)
        entities = list(entities_file.data) if entities_file and isinstance(entities_file.data, dict) else []
        judgments_file = _try_load(briefings_dir / "judgments.yml", root)
        judgments = [j["id"] for j in (judgments_file.data if judgments_file and isinstance(
            judgments_file.data, list) else []) if isinstance(j, dict) and isinstance(j.get("id"), str)]
        return cls(root, briefings_dir, _stems(briefings_dir / "sources"), topics, [str(e) for e in entities],
                   list(facts), orders, sorted(tags), judgments)

    def display(self, path: Path) -> str:
        return display_path(path, self.root)


def slugify(text: str, limit: int = ID_LIMIT, words_kept: int = ID_WORDS) -> str:
    """A readable id from a title: its first lowercase ASCII words (at most ``words_kept``)
    joined by hyphens, cut at a word."""
    folded = unicodedata.normalize("NFKD", text.replace("'", "").replace("\u2019", ""))
    words = re.findall(r"[a-z0-9]+", folded.encode("ascii", "ignore").decode().lower())
    slug = ""
    kept = words[:words_kept]
    while len(kept) > 1 and kept[-1] in _TRAILING:
        kept.pop()
    for word in kept:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > limit:
            break
        slug = candidate
    return slug or (words[0][:limit] if words else "")


def suggest_id(text: str, taken: Iterable[str], fallback: str = "item") -> str:
    """The id suggested for a new entry: the title's slug, numbered if it is taken."""
    lowered = {t.lower() for t in taken}
    base = slugify(text) or fallback
    candidate, number = base, 2
    while candidate in lowered:
        candidate = f"{base[: ID_LIMIT - len(str(number)) - 1]}-{number}"
        number += 1
    return candidate


def id_error(new_id: str, taken: Iterable[str], kind: str, where: str = "") -> tuple[str, str] | None:
    """Why an id cannot be used (invalid, or already taken), with a hint; None when it can."""
    if not _ID.fullmatch(new_id):
        return (f"'{new_id}' is not a valid id",
                f"use lowercase letters, digits and hyphens, e.g. '{slugify(new_id) or 'my-id'}'")
    taken = list(taken)
    if new_id.lower() in {t.lower() for t in taken}:
        return (f"{kind} '{new_id}' already exists{f' ({where})' if where else ''}",
                f"choose another id, e.g. '{suggest_id(new_id, taken)}'")
    return None


def reference_error(ref: str, known: list[str], kind: str, where: str) -> tuple[str, str] | None:
    """Why a referenced id does not resolve, naming the closest known ids."""
    if ref in known:
        return None
    return f"unknown {kind} '{ref}'", closest(ref, known, where)


def _stems(folder: Path) -> list[str]:
    return sorted(path.stem for path in folder.glob("*.yml")) if folder.is_dir() else []


def _try_load(path: Path, root: Path) -> LoadedFile | None:
    if not path.is_file():
        return None
    try:
        return load_file(path, display_path(path, root))
    except (YamlProblem, OSError):
        return None
