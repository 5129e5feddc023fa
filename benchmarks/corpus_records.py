"""The records of the benchmark's synthetic briefing (entities, sources, facts, topics) and how
each is written as YAML, the way the real files are (quoted text, flow lists):
``benchmarks.corpus`` draws the records, this module holds and writes them.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field


@dataclass
class Entity:
    id: str
    name: str
    kind: str
    description: str | None
    aliases: list[str]
    #: a place's (lat, lon), read from the corpus's gazetteer source
    location: tuple[float, float] | None = None


@dataclass
class Source:
    id: str
    fields: dict[str, str]


@dataclass
class Fact:
    id: str
    claim: str
    status: str
    date: str | None = None
    date_note: str | None = None
    attributed_to: list[str] = field(default_factory=list)
    denied_by: list[str] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    cites: list[dict[str, str | int]] = field(default_factory=list)
    difference: str | None = None
    reconciliation: str | None = None

    def relate_values(self, rng: random.Random, names: dict[str, str]) -> None:
        """Say how the citations' values relate, and keep the status true to it: a contradiction
        is a dispute; a dispute without one names who denies it, and a citation quotes that."""
        if len({str(c["value"]) for c in self.cites if "value" in c}) > 1:
            if self.status == "disputed" or rng.random() < 0.5:
                self.difference, self.status = "contradiction", "disputed"
            else:
                self.difference = "detail"
                self.reconciliation = "The figures differ by rounding; the highest is the latest count."
        if self.status == "disputed" and self.difference != "contradiction" and not self.denied_by:
            self.denied_by = [rng.choice(sorted(names))]
        if self.denied_by:
            self.cites[0]["quote"] = f"{names[self.denied_by[0]]} denied the report"


@dataclass
class Topic:
    id: str
    title: str
    summary: str
    order: int | None
    facts: list[Fact] = field(default_factory=list)


# -- YAML output (written as the real files are: quoted text, flow lists) -------------
#: The reference source every place of the corpus is located from.
GAZETTEER = "gazetteer"
GAZETTEER_YAML = ('title: "Synthetic gazetteer"\npublished: "2025"\nkind: reference\n'
                  'url: "https://gazetteer.example/places"\narchive_url: "https://archive.example/gazetteer"\n'
                  'accessed: "2025-01-15"\n')


def quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _ids(ids: list[str]) -> str:
    return "[" + ", ".join(quoted(i) for i in ids) + "]"


def source_yaml(source: Source) -> str:
    lines = ["# yaml-language-server: $schema=../../schemas/source.schema.json"]
    lines += [f"{key}: {quoted(value)}" for key, value in source.fields.items()]
    return "\n".join(lines) + "\n"


def entities_yaml(entities: list[Entity]) -> str:
    lines = ["# yaml-language-server: $schema=../schemas/entities.schema.json"]
    for entity in entities:
        lines.append(f"{entity.id}:")
        lines.append(f"  name: {quoted(entity.name)}")
        lines.append(f"  kind: {entity.kind}")
        if entity.description:
            lines.append(f"  description: {quoted(entity.description)}")
        if entity.aliases:
            lines.append(f"  aliases: {_ids(entity.aliases)}")
        if entity.location:
            lat, lon = entity.location
            lines.append(f"  location: {{lat: {lat}, lon: {lon}, source: {GAZETTEER}}}")
    return "\n".join(lines) + "\n"


def topic_yaml(topic: Topic) -> str:
    lines = ["# yaml-language-server: $schema=../../schemas/topic.schema.json",
             f"title: {quoted(topic.title)}", f"summary: {quoted(topic.summary)}"]
    if topic.order is not None:
        lines.append(f"order: {topic.order}")
    lines.append("facts:")
    for fact in topic.facts:
        lines.append(f"  - id: {quoted(fact.id)}")
        lines.append(f"    claim: {quoted(fact.claim)}")
        if fact.date:
            lines.append(f"    date: {quoted(fact.date)}")
        if fact.date_note:
            lines.append(f"    date_note: {quoted(fact.date_note)}")
        lines.append(f"    status: {quoted(fact.status)}")
        for role in ("attributed_to", "denied_by", "entities", "tags"):
            values = getattr(fact, role)
            if values:
                lines.append(f"    {role}: {_ids(values)}")
        lines.append("    cites:")
        for cite in fact.cites:
            first = True
            for key, value in cite.items():
                text = str(value) if isinstance(value, int) else quoted(value)
                lines.append(f"      {'- ' if first else '  '}{key}: {text}")
                first = False
        for key in ("difference", "reconciliation"):
            if getattr(fact, key):
                lines.append(f"    {key}: {quoted(getattr(fact, key))}")
        lines.append("")
    return "\n".join(lines)
