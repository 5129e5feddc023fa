"""Small briefings of a chosen shape, written from a few switches, for the pages' tests.

``shape_files(...)`` returns every file of a briefing (``briefings/`` and ``site_config.yml``)
as text: ``topics`` topics of ``facts`` facts each, with or without dates, entities, cited
values (a contradiction and a difference in detail), a denial, a retired fact and key
judgments; ``list_page_facts`` small enough to split every list when asked. Each shape
passes ``briefing check`` with no errors.
"""

from __future__ import annotations

import json


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _fact(topic: int, number: int, *, dated: bool, entities: bool, values: bool, denials: bool,
          retired: bool) -> str:
    fact_id = f"t{topic}-f{number}"
    lines = [f"  - id: {fact_id}",
             f"    claim: {_q(f'Fact {number} of topic {topic}' + (', said by Alpha.' if entities else '.'))}"]
    if dated:
        lines.append(f"    date: \"2024-{number % 12 + 1:02d}" + ("-15\"" if number % 2 else "\""))
    status = "reported"
    cites = ['      - source: s-one\n        locator: "paragraph 1"', '      - source: s-two\n        locator: "lead"']
    extra: list[str] = []
    if denials and entities and topic == 0 and number == 0:
        status = "alleged"
        extra += ["    attributed_to: [alpha]", "    denied_by: [beta]"]
    elif values and number % 3 == 1:
        status = "disputed"
        cites = [cites[0] + '\n        value: "north"', cites[1] + '\n        value: "south"']
        extra.append("    difference: contradiction")
    elif values and number % 3 == 2:
        cites = [cites[0] + "\n        value: 447", cites[1] + '\n        value: "nearly 450"']
        extra += ["    difference: detail", "    reconciliation: \"447 is the count; the other rounds it.\""]
    if entities and status != "alleged":
        extra.append("    entities: [alpha]")
    if retired and topic == 0 and number == 1:
        extra.append('    retired: "Withdrawn: no source says it."')
    lines.append(f"    status: {status}")
    lines += extra
    lines.append(f"    tags: [tag-{number % 3}]")
    lines.append("    cites:")
    lines += cites
    return "\n".join(lines)


def shape_files(*, topics: int = 2, facts: int = 3, dated: bool = True, entities: bool = True,
                values: bool = True, denials: bool = True, retired: bool = False, judgments: bool = False,
                list_page_facts: int = 200) -> dict[str, str]:
    files = {
        "site_config.yml": f'title: "Shape"\ndescription: "A briefing of one shape."\n'
                           f"features:\n  list_page_facts: {list_page_facts}\n",
        "briefings/sources/s-one.yml": 'title: "First report"\noutlet: "One News"\npublished: "2024-03-01"\n',
        "briefings/sources/s-two.yml": 'title: "Second report"\npublished: "2024"\n',
    }
    files["briefings/entities.yml"] = ('alpha:\n  name: "Alpha"\n  kind: country\n'
                                       + ('beta:\n  name: "Beta"\n  kind: country\n' if denials else "")
                                       if entities else "{}\n")
    for topic in range(topics):
        body = "\n".join(_fact(topic, number, dated=dated, entities=entities, values=values, denials=denials,
                               retired=retired) for number in range(facts))
        files[f"briefings/topics/topic-{topic}.yml"] = (f"title: {_q(f'Topic {topic}')}\n"
                                                         f"summary: {_q(f'What topic {topic} is about.')}\n"
                                                         f"order: {topic}\nfacts:\n{body}\n")
    if judgments:
        files["briefings/judgments.yml"] = (
            "- id: first-judgment\n"
            '  question: "Will it go on?"\n'
            '  judgment: "It will go on."\n'
            "  likelihood: likely\n  confidence: low\n"
            '  basis: "Two reports."\n'
            "  supports: [t0-f0]\n  topics: [topic-0]\n"
            '  gaps: ["Who decides."]\n  indicators: ["A second round."]\n'
            '  reviewed: "2025-01-01"\n')
    return files
