"""Random edits of a briefing, as a contributor makes them: for the tests that compare the
preview's incremental rebuilds with a clean build after each sequence of edits.

A project is the benchmark's tiny synthetic briefing (``benchmarks.corpus``, three topics,
24 facts) with a key judgment that rests on a fact of one topic and opens another topic's
page, so an edit reaches pages beyond its own topic. Each edit loads a file, changes it and
writes it back (``yaml.safe_dump``); all keep the briefing valid but ``broken``, which writes
a file that does not parse and is followed by its fix (the file as it was).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from benchmarks.corpus import SIZES, write_project

#: Edits that keep the briefing's global key (only some pages change) and those that change what
#: every page shows (names, judgments, the navigation).
LOCAL = ("claim", "status", "value", "new fact", "removed fact", "source title", "reorder", "retire", "tags",
         "date", "summary")
GLOBAL = ("new topic", "topic title", "entity name", "judgment", "broken")


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1000)


def synthetic_project(root: Path, *, list_page_facts: int | None = None, seed: int = 3) -> Path:
    """The tiny synthetic briefing with a key judgment; ``list_page_facts`` splits its lists."""
    write_project(root, SIZES["tiny"], seed=seed)
    topics = sorted((root / "briefings" / "topics").glob("*.yml"))
    first = yaml.safe_load(topics[0].read_text(encoding="utf-8"))
    (root / "briefings" / "judgments.yml").write_text(dump([{
        "id": "deliveries-go-on", "question": "Will the deliveries go on?",
        "judgment": "The deliveries will go on through the winter.", "likelihood": "likely",
        "confidence": "moderate", "basis": "Several reports agree.",
        "supports": [first["facts"][0]["id"]], "topics": [topics[-1].stem], "reviewed": "2024-09-03",
    }]), encoding="utf-8")
    settings = yaml.safe_load((root / "site_config.yml").read_text(encoding="utf-8"))
    settings["base_url"] = "https://example.org/brief/"  # the preview's pages then name the site's address
    if list_page_facts:
        settings["features"]["list_page_facts"] = list_page_facts
    (root / "site_config.yml").write_text(dump(settings), encoding="utf-8")
    return root


class Editor:
    """Makes one random edit at a time to the briefing under ``root``."""

    def __init__(self, root: Path, rng: random.Random) -> None:
        self.root, self.rng = root, rng
        self.briefings = root / "briefings"
        self.broken: tuple[Path, str] | None = None
        self.count = 0

    def edit(self, kind: str) -> str:
        """Make an edit of ``kind``; what it did, in words (for a failing test's message)."""
        if self.broken is not None:  # the fix of the file broken last
            path, text = self.broken
            path.write_text(text, encoding="utf-8")
            self.broken = None
            return f"fixed {path.name}"
        self.count += 1
        return EDITS[kind](self)

    # -- reading and writing ------------------------------------------------------------------

    def topics(self) -> list[Path]:
        return sorted((self.briefings / "topics").glob("*.yml"))

    def load(self, path: Path) -> Any:
        return yaml.safe_load(path.read_text(encoding="utf-8"))

    def save(self, path: Path, data: Any) -> None:
        path.write_text(dump(data), encoding="utf-8")

    def named_by_judgments(self) -> set[str]:
        judgments = self.load(self.briefings / "judgments.yml") or []
        return {fid for j in judgments for fid in (*j.get("supports", []), *j.get("cuts_against", []))}

    def fact(self, where: Callable[[dict[str, Any]], bool] = lambda f: True
             ) -> tuple[Path, dict[str, Any], dict[str, Any]]:
        """A random fact (with its topic file and data) among those ``where`` accepts."""
        found = [(path, data, fact) for path in self.topics() for data in [self.load(path)]
                 for fact in data["facts"] if where(fact)]
        return self.rng.choice(found)

    def word(self) -> str:
        return f"Edited{self.count}"

    # -- the edits ---------------------------------------------------------------------------------

    def claim(self) -> str:
        path, data, fact = self.fact()
        fact["claim"] = f"{self.word()} {fact['claim']}"
        self.save(path, data)
        return f"claim of {fact['id']}"

    def status(self) -> str:
        path, data, fact = self.fact(lambda f: len({c["source"] for c in f["cites"]}) == 1
                                     and f["status"] in ("reported", "confirmed"))
        fact["status"] = "confirmed" if fact["status"] == "reported" else "reported"
        self.save(path, data)
        return f"status of {fact['id']} to {fact['status']}"

    def value(self) -> str:
        path, data, fact = self.fact(lambda f: len(f["cites"]) == 1)
        fact["cites"][0]["value"] = self.rng.randint(1, 999)
        self.save(path, data)
        return f"value of {fact['id']}"

    def new_fact(self) -> str:
        path = self.rng.choice(self.topics())
        data = self.load(path)
        source = self.rng.choice(sorted(p.stem for p in (self.briefings / "sources").glob("*.yml")))
        entity = self.rng.choice(sorted(self.load(self.briefings / "entities.yml")))
        fact: dict[str, Any] = {"id": f"{path.stem}-new-{self.count}",
                                "claim": f"{self.word()} goats crossed the border by rail, officials said.",
                                "date": f"2023-0{self.rng.randint(1, 9)}", "status": "reported",
                                "entities": [entity], "tags": ["goats"], "cites": [{"source": source}]}
        data["facts"].insert(self.rng.randint(0, len(data["facts"])), fact)
        self.save(path, data)
        return f"new fact {fact['id']}"

    def removed_fact(self) -> str:
        named = self.named_by_judgments()
        path, data, fact = self.fact(lambda f: f["id"] not in named)
        if len(data["facts"]) > 1:
            data["facts"].remove(fact)
            self.save(path, data)
        return f"removed {fact['id']}"

    def source_title(self) -> str:
        path = self.rng.choice(sorted((self.briefings / "sources").glob("*.yml")))
        data = self.load(path)
        data["title"] = f"{data['title']} ({self.word()})"
        self.save(path, data)
        return f"title of {path.stem}"

    def reorder(self) -> str:
        path = self.rng.choice(self.topics())
        data = self.load(path)
        self.rng.shuffle(data["facts"])
        self.save(path, data)
        return f"facts of {path.stem} reordered"

    def retire(self) -> str:
        named = self.named_by_judgments()
        path, data, fact = self.fact(lambda f: "retired" not in f and f["id"] not in named)
        fact["retired"] = f"Withdrawn ({self.word()}): the source was misread."
        self.save(path, data)
        return f"retired {fact['id']}"

    def tags(self) -> str:
        path, data, fact = self.fact()
        fact["tags"] = [*fact.get("tags", []), self.rng.choice(["goats", "grain", "treaty"])]
        fact["tags"] = list(dict.fromkeys(fact["tags"]))
        self.save(path, data)
        return f"tags of {fact['id']}"

    def date(self) -> str:
        path, data, fact = self.fact()
        fact["date"] = f"202{self.rng.randint(0, 3)}-0{self.rng.randint(1, 9)}-1{self.rng.randint(0, 9)}"
        fact.pop("date_note", None)
        self.save(path, data)
        return f"date of {fact['id']}"

    def summary(self) -> str:
        path = self.rng.choice(self.topics())
        data = self.load(path)
        data["summary"] = f"{self.word()}: {data['summary']}"
        self.save(path, data)
        return f"summary of {path.stem}"

    def new_topic(self) -> str:
        source = sorted(p.stem for p in (self.briefings / "sources").glob("*.yml"))[0]
        path = self.briefings / "topics" / f"new-topic-{self.count}.yml"
        self.save(path, {"title": f"New topic {self.count}", "summary": "Goats by rail.", "facts": [{
            "id": f"new-topic-{self.count}-f0", "claim": f"{self.word()} goats went by rail.", "status": "reported",
            "cites": [{"source": source}]}]})
        return f"new topic {path.stem}"

    def topic_title(self) -> str:
        path = self.rng.choice(self.topics())
        data = self.load(path)
        data["title"] = f"{data['title']} {self.word()}"
        self.save(path, data)
        return f"title of {path.stem}"

    def entity_name(self) -> str:
        path = self.briefings / "entities.yml"
        data = self.load(path)
        entity = self.rng.choice(sorted(data))
        data[entity]["name"] = f"{data[entity]['name']} {self.word()}"
        self.save(path, data)
        return f"name of {entity}"

    def judgment(self) -> str:
        path = self.briefings / "judgments.yml"
        data = self.load(path)
        data[0]["question"] = f"{data[0]['question'].rstrip('?')} ({self.word()})?"
        self.save(path, data)
        return "question of the judgment"

    def broken_file(self) -> str:
        path = self.rng.choice(self.topics())
        text = path.read_text(encoding="utf-8")
        self.broken = (path, text)
        path.write_text(text.replace("facts:", "facts: [unclosed", 1), encoding="utf-8")
        return f"broke {path.name}"


EDITS: dict[str, Callable[[Editor], str]] = {
    "claim": Editor.claim, "status": Editor.status, "value": Editor.value, "new fact": Editor.new_fact,
    "removed fact": Editor.removed_fact, "source title": Editor.source_title, "reorder": Editor.reorder,
    "retire": Editor.retire, "tags": Editor.tags, "date": Editor.date, "summary": Editor.summary,
    "new topic": Editor.new_topic, "topic title": Editor.topic_title, "entity name": Editor.entity_name,
    "judgment": Editor.judgment, "broken": Editor.broken_file,
}
