"""A briefing built to be hard to show, for the browser tests: the ``judgments`` case with long
questions and titles, words too long for a phone's line, many key judgments, a contradiction
with many values and a claim that is all markup (which search must show as text).

Every text is the test's own; nothing here stands for a real event.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.briefing_edits import dump
from tests.conftest import CASES, copy_project_frame

#: A claim that is all markup: the search dialog and the pages must show it as text.
HOSTILE_CLAIM = ("Alpha shipped goats <img src=x onerror=alert(1)> </mark><script>alert(2)</script> "
                 "&amp; <b>bold</b> \"q\"")
#: A word no line breaks (a long compound, as German or a chemical name has).
UNBROKEN = "Rinderkennzeichnungsfleischetikettierungsüberwachungsaufgabenübertragungsgesetz"
LONG_TITLE = ("The very long story of how the goats, the sheep, the cattle and the feed for all of them "
              f"crossed the border in the winter, the spring and the summer: {UNBROKEN}")
LIKELIHOODS = ("almost-no-chance", "very-unlikely", "unlikely", "roughly-even-chance", "likely",
               "very-likely", "almost-certain")
CONFIDENCES = ("low", "moderate", "high")
#: Sources of the contradiction, each giving its own value.
WITNESSES = 9
JUDGMENTS = 14


def _source(number: int) -> dict:
    return {"title": f"Witness report {number} on the {UNBROKEN}", "outlet": f"Outlet {number}",
            "published": f"2024-09-{number:02d}", "url": f"https://example.org/witness-{number}",
            "archive_url": f"https://archive.example.org/witness-{number}"}


def _topic() -> dict:
    facts = [{
        "id": "herd-size",
        "claim": f"The sources give many different sizes of the herd, each under the {UNBROKEN}.",
        "date": "2024-09",
        "status": "disputed",
        "cites": [{"source": f"witness-{n}", "locator": f"paragraph {n}",
                   "value": f"{n * 111} head of {UNBROKEN}"} for n in range(1, WITNESSES + 1)],
        "difference": "contradiction",
    }]
    facts += [{
        "id": f"crossing-{n}",
        "claim": f"Crossing {n}: {LONG_TITLE}.",
        "date": f"2024-{n:02d}-1{n % 10}",
        "status": ("confirmed", "reported")[n % 2],
        "cites": [{"source": f"witness-{n}", "locator": f"paragraph {n}"}],
    } for n in range(1, WITNESSES + 1)]
    return {"title": LONG_TITLE, "summary": f"How the herds crossed: {UNBROKEN}.", "order": 3, "facts": facts}


def _judgments(existing: str) -> str:
    extra = [{
        "id": f"crossing-judgment-{n}",
        "question": (f"Question {n}: will the herds that crossed in the winter, the spring and the summer keep "
                     f"crossing next year, given the {UNBROKEN} and everything the witnesses said?"),
        "judgment": f"Judgment {n}: the herds will keep crossing under the {UNBROKEN}, as they did this year.",
        "likelihood": LIKELIHOODS[n % len(LIKELIHOODS)],
        "confidence": CONFIDENCES[n % len(CONFIDENCES)],
        "basis": f"Witness report {n} and the contradiction over the herd's size.",
        "supports": [f"crossing-{n % WITNESSES + 1}", "herd-size"],
        "cuts_against": [f"crossing-{(n + 1) % WITNESSES + 1}"],
        "topics": ["crossings"],
        "gaps": [f"Gap {n}: {UNBROKEN}."],
        "indicators": [f"Indicator {n}: another crossing."],
        "reviewed": "2024-09-30",
    } for n in range(1, JUDGMENTS - 1)]
    return existing + dump(extra)


def hard_case_project(dest: Path) -> Path:
    """The project of the hard-to-show briefing at ``dest``, ready to build."""
    root = copy_project_frame(dest)
    briefings = root / "briefings"
    shutil.copytree(CASES / "judgments" / "briefings", briefings)
    shipment = briefings / "topics/shipment.yml"
    shipment.write_text(shipment.read_text(encoding="utf-8").replace(
        '"Alpha shipped 447 goats to Beta."', dump(HOSTILE_CLAIM).removesuffix("\n...\n").strip()),
        encoding="utf-8")
    for number in range(1, WITNESSES + 1):
        (briefings / f"sources/witness-{number}.yml").write_text(dump(_source(number)), encoding="utf-8")
    (briefings / "topics/crossings.yml").write_text(dump(_topic()), encoding="utf-8")
    judgments = briefings / "judgments.yml"
    judgments.write_text(_judgments(judgments.read_text(encoding="utf-8")), encoding="utf-8")
    return root
