"""A seeded synthetic briefing, for measuring the pipeline at sizes the real one has not reached.

``corpus_files(size, seed)`` returns every file of a briefing project (``briefings/``
and ``site_config.yml``) as bytes, the same bytes for the same seed; ``write_project``
writes them into a folder together with copies of the repository's ``templates/``,
``mkdocs.yml`` and ``docs/``, so the folder builds exactly like the real project.

The shapes follow the real briefing and the format (``shared/format.md``): topics with
an editorial ``order``, facts of one or two sentences (a few with inline Markdown),
1–4 citations drawn mostly from the topic's own pool of sources, locators, quotes,
full and partial dates (``2023``, ``2023-04``), every status (``alleged`` always with
``attributed_to``), entities in every role, and a share of facts whose citations give
different values (disagreements). Every source is cited and every entity is named, so
the only warnings are the realistic ones (single-source facts, missing archive copies).

Usage: ``python -m benchmarks.corpus --size medium --seed 1 --out /tmp/medium``.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
#: What a project needs beside its briefing to build like the real one.
PROJECT_COPIES = ("templates", "mkdocs.yml", "docs")


@dataclass(frozen=True)
class Size:
    """How big a synthetic briefing is."""

    name: str
    topics: int
    facts: int
    sources: int
    entities: int


SIZES: dict[str, Size] = {
    "tiny": Size("tiny", topics=3, facts=24, sources=10, entities=12),
    # the shape of the real briefing (3 topics, 68 facts), used when it cannot be checked
    "small": Size("small", topics=3, facts=68, sources=30, entities=40),
    "medium": Size("medium", topics=100, facts=2_000, sources=300, entities=200),
    "large": Size("large", topics=1_000, facts=20_000, sources=3_000, entities=2_000),
}

_SYLLABLES = ("ka", "ren", "vol", "ma", "dor", "sin", "tal", "ko", "ber", "na", "mir", "sa",
              "gor", "li", "ves", "ta", "nam", "po", "zel", "ri", "kan", "do", "mel", "ost",
              "ya", "chon", "bar", "el", "tur", "ash", "in", "ro", "vik", "um", "hae", "jin")
_FIRST_NAMES = ("Anna", "Boris", "Chen", "Dmitri", "Elena", "Farid", "Grace", "Hyun", "Ilya",
                "Jae", "Kirill", "Lena", "Min", "Nadia", "Oleg", "Park", "Qasim", "Rosa",
                "Sergei", "Tomas", "Una", "Viktor", "Wen", "Yuri", "Zoya")
_ORG_FORMS = ("Ministry of {x}", "{X} Trading Company", "{X} News Agency", "State Committee for {x}",
              "{X} Shipping Line", "{X} Institute", "Office of the {X} Envoy", "{X} Grain Board",
              "{X} Customs Service", "{X} Relief Fund")
_ORG_WORDS = ("agriculture", "foreign trade", "defence", "external economic relations", "fisheries",
              "energy", "transport", "public security", "food supply", "railways")
_PLACE_FORMS = ("Port of {X}", "{X} border crossing", "{X} airfield", "{X} rail yard", "{X} Province",
                "{X} free economic zone")
_AGREEMENT_FORMS = ("{X}–{Y} grain accord", "Treaty of {X}", "{X} cooperation protocol",
                    "{X}–{Y} livestock agreement", "{X} memorandum on trade")
_EVENT_FORMS = ("{X} summit", "{X} trade fair", "{X} naval exercise", "{X} delegation visit")
_KINDS = (("person", 35), ("organization", 28), ("country", 8), ("place", 15),
          ("agreement", 7), ("event", 7))
_OUTLETS = tuple(f"The {w} {k}" for w in ("Daily", "Weekly", "Evening", "Morning", "Coastal", "Northern")
                 for k in ("Herald", "Ledger", "Courier", "Observer", "Times", "Dispatch", "Review"))
_SUBJECTS = ("officials", "diplomats", "customs records", "satellite images", "shipping data",
             "state media", "aid workers", "analysts", "the ministry", "a spokesperson",
             "trade statistics", "port authorities", "defence officials", "intelligence officials")
_VERBS = ("said", "reported", "showed", "confirmed", "claimed", "indicated", "suggested", "stated",
          "announced", "estimated", "acknowledged")
_GOODS = ("wheat", "flour", "rice", "maize", "fuel oil", "fertiliser", "artillery shells", "rockets",
          "goats", "cattle", "sheep", "tractors", "medicine", "coal", "timber", "steel",
          "munitions", "spare parts", "seed potatoes", "sugar", "soybean oil", "trucks")
_ACTIONS = ("shipped", "delivered", "sold", "transferred", "pledged", "received", "offered",
            "unloaded", "exchanged", "inspected", "seized", "returned")
_QUALIFIERS = ("by rail", "by sea", "across the border", "through a third country",
               "under a barter arrangement", "before the harvest", "during the winter",
               "in several consignments", "without public notice", "as part of a wider deal",
               "according to the same officials", "despite sanctions", "for the second time")
_UNITS = ("tonnes", "head", "containers", "wagons", "shipments", "crates", "barrels")
_LOCATORS = ("headline", "subheadline", "photo caption", "table 1", "embedded post", "final paragraph")
_TAG_WORDS = ("food", "arms", "sanctions", "shipping", "rail", "livestock", "grain", "treaty",
              "diplomacy", "munitions", "aid", "energy", "customs", "ports", "border", "finance",
              "fisheries", "labour", "technology", "military", "summit", "trade", "fuel", "medicine")
_HEADLINE_FORMS = ("{A} and {B} agree to expand {g} trade", "{A} sends {g} to {B}, officials say",
                   "Inside the {g} deal between {A} and {B}", "{A} denies buying {g} from {B}",
                   "Satellite images show {g} moving from {A} to {B}",
                   "What we know about the {g} shipments", "{A} officials visit {B} amid {g} talks",
                   "{B} says {g} deliveries will continue")


def _title_case(word: str) -> str:
    return word[:1].upper() + word[1:]


def _slug(text: str) -> str:
    out = "".join(c if c.isalnum() and c.isascii() else "-" for c in text.lower())
    return "-".join(part for part in out.split("-") if part)[:60] or "x"


@dataclass
class _Entity:
    id: str
    name: str
    kind: str
    description: str | None
    aliases: list[str]


@dataclass
class _Source:
    id: str
    fields: dict[str, str]


@dataclass
class _Fact:
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
class _Topic:
    id: str
    title: str
    summary: str
    order: int | None
    facts: list[_Fact] = field(default_factory=list)


class _Writer:
    """Draws every piece of the corpus from one seeded random generator, in a fixed order."""

    def __init__(self, size: Size, seed: int) -> None:
        self.size = size
        self.rng = random.Random(f"briefing-corpus/{size.name}/{seed}")
        self.seed = seed
        self.used_names: set[str] = set()

    # -- words -------------------------------------------------------------------------
    def coined(self, parts: tuple[int, int] = (2, 3)) -> str:
        """A made-up proper name that is not used yet (places, people, outlets)."""
        while True:
            word = "".join(self.rng.choice(_SYLLABLES) for _ in range(self.rng.randint(*parts)))
            name = _title_case(word)
            if name not in self.used_names:
                self.used_names.add(name)
                return name

    def number(self) -> int:
        return self.rng.choice((12, 40, 85, 120, 300, 447, 450, 900, 1_200, 2_500, 5_000, 12_000))

    def sentence(self, names: list[str]) -> str:
        rng = self.rng
        who = rng.choice(names) if names and rng.random() < 0.6 else rng.choice(_SUBJECTS).capitalize()
        other = rng.choice(names) if names else "the other side"
        goods = rng.choice(_GOODS)
        body = (f"{who} {rng.choice(_ACTIONS)} {self.number():,} {rng.choice(_UNITS)} of {goods} "
                f"to {other} {rng.choice(_QUALIFIERS)}")
        if rng.random() < 0.3:
            more = rng.choice(("about", "nearly", "at least", "up to"))
            body += f", {more} {rng.randint(2, 60)}% more than the year before"
        if rng.random() < 0.15:
            word = rng.choice(("urgent", "overdue", "a gift", "routine"))
            body += f" (the {rng.choice(_GOODS)} was “{word}”)"
        return f"{body}, {rng.choice(_SUBJECTS)} {rng.choice(_VERBS)}."

    def claim(self, names: list[str]) -> str:
        text = self.sentence(names)
        if self.rng.random() < 0.45:
            text += " " + self.sentence(names)
        roll = self.rng.random()
        if roll < 0.06:
            goods = next((g for g in _GOODS if g in text), None)
            if goods:
                text = text.replace(goods, f"*{goods}*", 1)
        elif roll < 0.09:
            text += f" See the [customs notice](https://customs.example/notice/{self.rng.randint(1, 9999)})."
        elif roll < 0.1:
            text += " The ministry's code was `RX-7`."
        return text

    def quote(self) -> str:
        words = self.sentence([]).rstrip(".").split()
        start = self.rng.randint(0, max(0, len(words) - 6))
        return " ".join(words[start:start + self.rng.randint(6, 20)])

    def date(self, centre: int, spread_days: int) -> str:
        day = centre + self.rng.randint(-spread_days, spread_days)
        year, rest = divmod(day, 360)
        month, dom = divmod(rest, 30)
        return f"{year:04d}-{month + 1:02d}-{min(dom + 1, 28):02d}"

    def partial(self, full: str, p_month: float, p_year: float) -> str:
        roll = self.rng.random()
        if roll < p_year:
            return full[:4]
        if roll < p_year + p_month:
            return full[:7]
        return full

    # -- records -----------------------------------------------------------------------
    def entities(self) -> list[_Entity]:
        rng = self.rng
        kinds = [k for k, _ in _KINDS]
        weights = [w for _, w in _KINDS]
        made: list[_Entity] = []
        ids: set[str] = set()
        for index in range(self.size.entities):
            kind = rng.choices(kinds, weights)[0]
            x, y = self.coined(), self.coined()
            if kind == "person":
                name = f"{rng.choice(_FIRST_NAMES)} {x}"
                description = rng.choice((f"spokesperson of {y}", f"minister of {rng.choice(_ORG_WORDS)}",
                                          f"envoy to {y}", "trade official", None))
            elif kind == "organization":
                name = rng.choice(_ORG_FORMS).format(x=rng.choice(_ORG_WORDS), X=x)
                description = rng.choice(("state body", "trading house", "news agency", None))
            elif kind == "country":
                name = x
                description = None
            elif kind == "place":
                name = rng.choice(_PLACE_FORMS).format(X=x)
                description = rng.choice(("port", "crossing point", "rail hub", None))
            elif kind == "agreement":
                name = rng.choice(_AGREEMENT_FORMS).format(X=x, Y=y)
                description = rng.choice(("signed in the period covered", "never published in full", None))
            else:
                name = rng.choice(_EVENT_FORMS).format(X=x)
                description = None
            entity_id = _slug(name)
            if entity_id in ids:
                entity_id = f"{entity_id[:70]}-{index}"
            ids.add(entity_id)
            aliases = [f"{x} ({kind})"] if rng.random() < 0.15 else []
            made.append(_Entity(entity_id, name, kind, description, aliases))
        return made

    def sources(self, start_day: int, end_day: int) -> list[_Source]:
        rng = self.rng
        made: list[_Source] = []
        for index in range(self.size.sources):
            a, b, goods = self.coined(), self.coined(), rng.choice(_GOODS)
            headline = rng.choice(_HEADLINE_FORMS).format(A=a, B=b, g=goods)
            if rng.random() < 0.05:
                headline = f"[Report on the {goods} shipments from {a}]"
            full = self.date((start_day + end_day) // 2, (end_day - start_day) // 2)
            published = self.partial(full, 0.12, 0.04)
            fields: dict[str, str] = {"title": headline}
            if rng.random() < 0.9:
                fields["outlet"] = rng.choice(_OUTLETS)
            if rng.random() < 0.7:
                fields["author"] = f"{rng.choice(_FIRST_NAMES)} {self.coined()}"
            fields["published"] = published
            if published != full:
                fields["published_note"] = "not printed; inferred from the events it reports"
            slug = _slug(headline)[:40]
            if rng.random() < 0.95:
                host = _slug(fields.get("outlet", "wire"))
                fields["url"] = f"https://{host}.example/{full[:4]}/{slug}-{index}"
            if rng.random() < 0.85:
                fields["archive_url"] = f"https://archive.example/{full[:4]}/{slug}-{index}"
            if rng.random() < 0.3:
                fields["accessed"] = "2025-01-15"
            if rng.random() < 0.12:
                fields["language"] = rng.choice(("ko", "ru", "fr", "de"))
            made.append(_Source(f"{slug[:30].rstrip('-')}-{index}", fields))
        return made

    def fact_counts(self) -> list[int]:
        """How many facts each topic holds: uneven (a few big topics), summing to the total."""
        weights = [self.rng.lognormvariate(0, 0.6) for _ in range(self.size.topics)]
        scale = self.size.facts / sum(weights)
        counts = [max(1, round(w * scale)) for w in weights]
        while sum(counts) != self.size.facts:
            index = self.rng.randrange(len(counts))
            if sum(counts) > self.size.facts and counts[index] > 1:
                counts[index] -= 1
            elif sum(counts) < self.size.facts:
                counts[index] += 1
        return counts

    def topics(self, sources: list[_Source], entities: list[_Entity]) -> list[_Topic]:
        rng = self.rng
        size = self.size
        source_ids = [s.id for s in sources]
        entity_ids = [e.id for e in entities]
        names = {e.id: e.name for e in entities}
        source_pool = max(6, 3 * size.sources // size.topics)
        entity_pool = max(8, 3 * size.entities // size.topics)
        tags = [*_TAG_WORDS, *(f"{a}-{b}" for a in _TAG_WORDS[:8] for b in _TAG_WORDS[8:16])]
        made: list[_Topic] = []
        for t_index, count in enumerate(self.fact_counts()):
            x, goods = self.coined(), rng.choice(_GOODS)
            title = rng.choice((f"{_title_case(goods)} for {x}", f"The {x} {goods} route",
                                f"{x}: {goods} and sanctions", f"{_title_case(goods)} shipments via {x}"))
            topic_id = f"{_slug(title)[:50].rstrip('-')}-{t_index}"
            s_start = (t_index * source_pool // 3) % len(source_ids)
            e_start = (t_index * entity_pool // 3) % len(entity_ids)
            t_sources = [source_ids[(s_start + k) % len(source_ids)] for k in range(source_pool)]
            t_entities = [entity_ids[(e_start + k) % len(entity_ids)] for k in range(entity_pool)]
            summary = " ".join(self.sentence([names[e] for e in t_entities[:3]])
                               for _ in range(rng.randint(2, 4)))
            if rng.random() < 0.3:
                summary = summary.replace(goods, f"*{goods}*", 1)
            centre = rng.randint(2019 * 360, 2025 * 360)
            topic = _Topic(topic_id, title, summary, t_index + 1 if rng.random() < 0.9 else None)
            for f_index in range(count):
                topic.facts.append(self.fact(f"{topic_id[:60]}-f{f_index}", t_sources, source_ids,
                                             t_entities, names, tags, centre))
            made.append(topic)
        self.cover(made, source_ids, entity_ids)
        return made

    def fact(self, fact_id: str, pool: list[str], all_sources: list[str], entity_pool: list[str],
             names: dict[str, str], tags: list[str], centre: int) -> _Fact:
        rng = self.rng
        about = rng.sample(entity_pool, rng.choice((0, 1, 1, 2, 2, 3, 4)))
        status = rng.choices(("confirmed", "reported", "alleged", "disputed"), (25, 45, 15, 15))[0]
        fact = _Fact(fact_id, self.claim([names[e] for e in about]), status, entities=about)
        if status == "alleged" or rng.random() < 0.2:
            fact.attributed_to = rng.sample(entity_pool, rng.randint(1, 2))
        if rng.random() < 0.08:
            fact.denied_by = rng.sample(entity_pool, 1)
        if rng.random() < 0.65:
            fact.date = self.partial(self.date(centre, 540), 0.22, 0.08)
            if rng.random() < 0.05:
                fact.date_note = "dated by the earliest source that reports it"
        fact.tags = sorted(set(rng.sample(tags, rng.choice((0, 1, 2, 2, 3, 4)))))
        n_cites = rng.choices((1, 2, 3, 4), (20, 40, 25, 15))[0]
        chosen = [rng.choice(pool) if rng.random() < 0.85 else rng.choice(all_sources)
                  for _ in range(n_cites)]
        disagree = n_cites > 1 and rng.random() < 0.1
        agree = not disagree and n_cites > 1 and rng.random() < 0.08
        base = self.number()
        for c_index, source_id in enumerate(chosen):
            cite: dict[str, str | int] = {"source": source_id}
            if rng.random() < 0.7:
                cite["locator"] = (f"paragraph {rng.randint(1, 20)}" if rng.random() < 0.7
                                   else rng.choice(_LOCATORS))
            if rng.random() < 0.6:
                cite["quote"] = self.quote()
            if disagree:
                cite["value"] = base + c_index * rng.choice((3, 10, 50)) if rng.random() < 0.7 \
                    else f"nearly {base + c_index}"
            elif agree:
                cite["value"] = base
            fact.cites.append(cite)
        fact.relate_values(rng, names)
        return fact

    def cover(self, topics: list[_Topic], source_ids: list[str], entity_ids: list[str]) -> None:
        """Cite every source and name every entity at least once (unused ones are warnings)."""
        facts = [f for t in topics for f in t.facts]
        cited = {c["source"] for f in facts for c in f.cites}
        named = {e for f in facts for e in (*f.entities, *f.attributed_to, *f.denied_by)}
        for source_id in source_ids:
            if source_id not in cited:
                fact = self.rng.choice(facts)
                fact.cites.append({"source": source_id, "locator": "headline"})
        for entity_id in entity_ids:
            if entity_id not in named:
                fact = self.rng.choice(facts)
                fact.entities.append(entity_id)
        # Even the tiniest corpus has a disagreement and dates known only to the month or year.
        if not any(len({str(c["value"]) for c in f.cites if "value" in c}) > 1 for f in facts):
            fact = facts[0]
            if len(fact.cites) < 2:
                fact.cites.append({"source": source_ids[-1], "locator": "headline"})
            for c_index, cite in enumerate(fact.cites):
                cite["value"] = 440 + c_index * 7
            fact.difference, fact.reconciliation, fact.status = "contradiction", None, "disputed"
        dated = [f for f in facts if f.date]
        if dated and not any(len(f.date or "") == 7 for f in dated):
            dated[0].date = (dated[0].date or "")[:7]
        if len(dated) > 1 and not any(len(f.date or "") == 4 for f in dated):
            dated[-1].date = (dated[-1].date or "")[:4]


# -- YAML output (written as the real files are: quoted text, flow lists) -------------
def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _ids(ids: list[str]) -> str:
    return "[" + ", ".join(_q(i) for i in ids) + "]"


def _source_yaml(source: _Source) -> str:
    lines = ["# yaml-language-server: $schema=../../schemas/source.schema.json"]
    lines += [f"{key}: {_q(value)}" for key, value in source.fields.items()]
    return "\n".join(lines) + "\n"


def _entities_yaml(entities: list[_Entity]) -> str:
    lines = ["# yaml-language-server: $schema=../schemas/entities.schema.json"]
    for entity in entities:
        lines.append(f"{entity.id}:")
        lines.append(f"  name: {_q(entity.name)}")
        lines.append(f"  kind: {entity.kind}")
        if entity.description:
            lines.append(f"  description: {_q(entity.description)}")
        if entity.aliases:
            lines.append(f"  aliases: {_ids(entity.aliases)}")
    return "\n".join(lines) + "\n"


def _topic_yaml(topic: _Topic) -> str:
    lines = ["# yaml-language-server: $schema=../../schemas/topic.schema.json",
             f"title: {_q(topic.title)}", f"summary: {_q(topic.summary)}"]
    if topic.order is not None:
        lines.append(f"order: {topic.order}")
    lines.append("facts:")
    for fact in topic.facts:
        lines.append(f"  - id: {_q(fact.id)}")
        lines.append(f"    claim: {_q(fact.claim)}")
        if fact.date:
            lines.append(f"    date: {_q(fact.date)}")
        if fact.date_note:
            lines.append(f"    date_note: {_q(fact.date_note)}")
        lines.append(f"    status: {_q(fact.status)}")
        for role in ("attributed_to", "denied_by", "entities", "tags"):
            values = getattr(fact, role)
            if values:
                lines.append(f"    {role}: {_ids(values)}")
        lines.append("    cites:")
        for cite in fact.cites:
            first = True
            for key, value in cite.items():
                text = str(value) if isinstance(value, int) else _q(value)
                lines.append(f"      {'- ' if first else '  '}{key}: {text}")
                first = False
        for key in ("difference", "reconciliation"):
            if getattr(fact, key):
                lines.append(f"    {key}: {_q(getattr(fact, key))}")
        lines.append("")
    return "\n".join(lines)


def corpus_files(size: Size, seed: int = 1) -> dict[str, bytes]:
    """Every file of the synthetic project's briefing and settings: relative path -> bytes."""
    writer = _Writer(size, seed)
    entities = writer.entities()
    sources = writer.sources(2019 * 360, 2025 * 360)
    topics = writer.topics(sources, entities)
    files: dict[str, bytes] = {
        "site_config.yml": (
            f"title: {_q(f'Synthetic briefing ({size.name}, seed {seed})')}\n"
            f"description: {_q(f'{size.facts} synthetic facts, {size.sources} sources, for benchmarks.')}\n"
            "briefings_dir: \"briefings\"\ntemplates_dir: \"templates\"\noutput: \"site\"\n"
            "features:\n  timeline: true\n  entities: true\n  latest_facts: 6\n").encode(),
        "briefings/entities.yml": _entities_yaml(entities).encode(),
    }
    for source in sources:
        files[f"briefings/sources/{source.id}.yml"] = _source_yaml(source).encode()
    for topic in topics:
        files[f"briefings/topics/{topic.id}.yml"] = _topic_yaml(topic).encode()
    return files


def copy_project_frame(dest: Path, repo_root: Path = REPO_ROOT) -> None:
    """Copy what a project builds with besides its briefing (templates, mkdocs.yml, docs/)."""
    for name in PROJECT_COPIES:
        source = repo_root / name
        target = dest / name
        if source.is_dir():
            shutil.copytree(source, target, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns("__pycache__"))
        elif source.is_file():
            shutil.copy2(source, target)
    (dest / "docs").mkdir(exist_ok=True)


def write_project(dest: Path, size: Size, seed: int = 1, repo_root: Path = REPO_ROOT) -> Path:
    """Write a complete synthetic project into ``dest`` (which must not hold a briefing yet)."""
    if (dest / "briefings").exists():
        raise FileExistsError(f"{dest / 'briefings'} already exists; choose an empty folder")
    dest.mkdir(parents=True, exist_ok=True)
    for relative, data in corpus_files(size, seed).items():
        target = dest / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    copy_project_frame(dest, repo_root)
    return dest


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="tiny")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    write_project(args.out, SIZES[args.size], args.seed)
    print(f"wrote a {args.size} briefing (seed {args.seed}) to {args.out}")


if __name__ == "__main__":
    main()
