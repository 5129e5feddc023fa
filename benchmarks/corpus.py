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
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

from benchmarks.corpus_records import (
    GAZETTEER,
    GAZETTEER_YAML,
    Entity,
    Fact,
    Source,
    Topic,
    entities_yaml,
    quoted,
    source_yaml,
    topic_yaml,
)
from benchmarks.wording import (
    AGREEMENT_FORMS,
    EVENT_FORMS,
    FIRST_NAMES,
    GOODS,
    HEADLINE_FORMS,
    KINDS,
    LOCATORS,
    ORG_FORMS,
    ORG_WORDS,
    OUTLETS,
    PLACE_FORMS,
    TAG_WORDS,
    Words,
    slugify,
    title_case,
)

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




class _Writer:
    """Draws every piece of the corpus from one seeded random generator, in a fixed order."""

    def __init__(self, size: Size, seed: int) -> None:
        self.size = size
        self.rng = random.Random(f"briefing-corpus/{size.name}/{seed}")
        self.seed = seed
        self.words = Words(self.rng)

    # -- records -----------------------------------------------------------------------
    def entities(self) -> list[Entity]:
        rng = self.rng
        kinds = [k for k, _ in KINDS]
        weights = [w for _, w in KINDS]
        made: list[Entity] = []
        ids: set[str] = set()
        for index in range(self.size.entities):
            kind = rng.choices(kinds, weights)[0]
            x, y = self.words.coined(), self.words.coined()
            if kind == "person":
                name = f"{rng.choice(FIRST_NAMES)} {x}"
                description = rng.choice((f"spokesperson of {y}", f"minister of {rng.choice(ORG_WORDS)}",
                                          f"envoy to {y}", "trade official", None))
            elif kind == "organization":
                name = rng.choice(ORG_FORMS).format(x=rng.choice(ORG_WORDS), X=x)
                description = rng.choice(("state body", "trading house", "news agency", None))
            elif kind == "country":
                name = x
                description = None
            elif kind == "place":
                name = rng.choice(PLACE_FORMS).format(X=x)
                description = rng.choice(("port", "crossing point", "rail hub", None))
            elif kind == "agreement":
                name = rng.choice(AGREEMENT_FORMS).format(X=x, Y=y)
                description = rng.choice(("signed in the period covered", "never published in full", None))
            else:
                name = rng.choice(EVENT_FORMS).format(X=x)
                description = None
            entity_id = slugify(name)
            if entity_id in ids:
                entity_id = f"{entity_id[:70]}-{index}"
            ids.add(entity_id)
            aliases = [f"{x} ({kind})"] if rng.random() < 0.15 else []
            made.append(Entity(entity_id, name, kind, description, aliases))
        return made

    def sources(self, start_day: int, end_day: int) -> list[Source]:
        rng = self.rng
        made: list[Source] = []
        for index in range(self.size.sources):
            a, b, goods = self.words.coined(), self.words.coined(), rng.choice(GOODS)
            headline = rng.choice(HEADLINE_FORMS).format(A=a, B=b, g=goods)
            if rng.random() < 0.05:
                headline = f"[Report on the {goods} shipments from {a}]"
            full = self.words.date((start_day + end_day) // 2, (end_day - start_day) // 2)
            published = self.words.partial(full, 0.12, 0.04)
            fields: dict[str, str] = {"title": headline}
            if rng.random() < 0.9:
                fields["outlet"] = rng.choice(OUTLETS)
            if rng.random() < 0.7:
                fields["author"] = f"{rng.choice(FIRST_NAMES)} {self.words.coined()}"
            fields["published"] = published
            if published != full:
                fields["published_note"] = "not printed; inferred from the events it reports"
            slug = slugify(headline)[:40]
            if rng.random() < 0.95:
                host = slugify(fields.get("outlet", "wire"))
                fields["url"] = f"https://{host}.example/{full[:4]}/{slug}-{index}"
            if rng.random() < 0.85:
                fields["archive_url"] = f"https://archive.example/{full[:4]}/{slug}-{index}"
            if rng.random() < 0.3:
                fields["accessed"] = "2025-01-15"
            if rng.random() < 0.12:
                fields["language"] = rng.choice(("ko", "ru", "fr", "de"))
            made.append(Source(f"{slug[:30].rstrip('-')}-{index}", fields))
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

    def topics(self, sources: list[Source], entities: list[Entity]) -> list[Topic]:
        rng = self.rng
        size = self.size
        source_ids = [s.id for s in sources]
        entity_ids = [e.id for e in entities]
        names = {e.id: e.name for e in entities}
        source_pool = max(6, 3 * size.sources // size.topics)
        entity_pool = max(8, 3 * size.entities // size.topics)
        tags = [*TAG_WORDS, *(f"{a}-{b}" for a in TAG_WORDS[:8] for b in TAG_WORDS[8:16])]
        made: list[Topic] = []
        for t_index, count in enumerate(self.fact_counts()):
            x, goods = self.words.coined(), rng.choice(GOODS)
            title = rng.choice((f"{title_case(goods)} for {x}", f"The {x} {goods} route",
                                f"{x}: {goods} and sanctions", f"{title_case(goods)} shipments via {x}"))
            topic_id = f"{slugify(title)[:50].rstrip('-')}-{t_index}"
            s_start = (t_index * source_pool // 3) % len(source_ids)
            e_start = (t_index * entity_pool // 3) % len(entity_ids)
            t_sources = [source_ids[(s_start + k) % len(source_ids)] for k in range(source_pool)]
            t_entities = [entity_ids[(e_start + k) % len(entity_ids)] for k in range(entity_pool)]
            summary = " ".join(self.words.sentence([names[e] for e in t_entities[:3]])
                               for _ in range(rng.randint(2, 4)))
            if rng.random() < 0.3:
                summary = summary.replace(goods, f"*{goods}*", 1)
            centre = rng.randint(2019 * 360, 2025 * 360)
            topic = Topic(topic_id, title, summary, t_index + 1 if rng.random() < 0.9 else None)
            for f_index in range(count):
                topic.facts.append(self.fact(f"{topic_id[:60]}-f{f_index}", t_sources, source_ids,
                                             t_entities, names, tags, centre))
            made.append(topic)
        self.cover(made, source_ids, entity_ids)
        return made

    def fact(self, fact_id: str, pool: list[str], all_sources: list[str], entity_pool: list[str],
             names: dict[str, str], tags: list[str], centre: int) -> Fact:
        rng = self.rng
        about = rng.sample(entity_pool, rng.choice((0, 1, 1, 2, 2, 3, 4)))
        status = rng.choices(("confirmed", "reported", "alleged", "disputed"), (25, 45, 15, 15))[0]
        fact = Fact(fact_id, self.words.claim([names[e] for e in about]), status, entities=about)
        if status == "alleged" or rng.random() < 0.2:
            fact.attributed_to = rng.sample(entity_pool, rng.randint(1, 2))
        if rng.random() < 0.08:
            fact.denied_by = rng.sample(entity_pool, 1)
        if rng.random() < 0.65:
            fact.date = self.words.partial(self.words.date(centre, 540), 0.22, 0.08)
            if rng.random() < 0.05:
                fact.date_note = "dated by the earliest source that reports it"
        fact.tags = sorted(set(rng.sample(tags, rng.choice((0, 1, 2, 2, 3, 4)))))
        n_cites = rng.choices((1, 2, 3, 4), (20, 40, 25, 15))[0]
        chosen = [rng.choice(pool) if rng.random() < 0.85 else rng.choice(all_sources)
                  for _ in range(n_cites)]
        disagree = n_cites > 1 and rng.random() < 0.1
        agree = not disagree and n_cites > 1 and rng.random() < 0.08
        base = self.words.number()
        for c_index, source_id in enumerate(chosen):
            cite: dict[str, str | int] = {"source": source_id}
            if rng.random() < 0.7:
                cite["locator"] = (f"paragraph {rng.randint(1, 20)}" if rng.random() < 0.7
                                   else rng.choice(LOCATORS))
            if rng.random() < 0.6:
                cite["quote"] = self.words.quote()
            if disagree:
                cite["value"] = base + c_index * rng.choice((3, 10, 50)) if rng.random() < 0.7 \
                    else f"nearly {base + c_index}"
            elif agree:
                cite["value"] = base
            fact.cites.append(cite)
        fact.relate_values(rng, names)
        return fact

    def cover(self, topics: list[Topic], source_ids: list[str], entity_ids: list[str]) -> None:
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


def locate_places(entities: list[Entity], seed: int) -> None:
    """Give every place a location from the gazetteer: across Eurasia, some crowded together (as the
    real briefing's places around Pyongyang are). Drawn from a generator of its own, so the rest of
    the corpus is the same bytes as without locations."""
    rng = random.Random(f"briefing-corpus/places/{seed}")
    for entity in entities:
        if entity.kind == "place":
            if rng.random() < 0.3:
                lat, lon = 39.0 + rng.uniform(-0.8, 0.8), 125.7 + rng.uniform(-0.8, 0.8)
            else:
                lat, lon = rng.uniform(30.0, 62.0), rng.uniform(20.0, 140.0)
            entity.location = (round(lat, 4), round(lon, 4))


def corpus_files(size: Size, seed: int = 1) -> dict[str, bytes]:
    """Every file of the synthetic project's briefing and settings: relative path -> bytes."""
    writer = _Writer(size, seed)
    entities = writer.entities()
    locate_places(entities, seed)
    sources = writer.sources(2019 * 360, 2025 * 360)
    topics = writer.topics(sources, entities)
    files: dict[str, bytes] = {
        "site_config.yml": (
            f"title: {quoted(f'Synthetic briefing ({size.name}, seed {seed})')}\n"
            f"description: {quoted(f'{size.facts} synthetic facts, {size.sources} sources, for benchmarks.')}\n"
            "briefings_dir: \"briefings\"\ntemplates_dir: \"templates\"\noutput: \"site\"\n"
            "features:\n  timeline: true\n  entities: true\n  latest_facts: 6\n").encode(),
        "briefings/entities.yml": entities_yaml(entities).encode(),
    }
    if any(entity.location for entity in entities):
        files[f"briefings/sources/{GAZETTEER}.yml"] = GAZETTEER_YAML.encode()
    for source in sources:
        files[f"briefings/sources/{source.id}.yml"] = source_yaml(source).encode()
    for topic in topics:
        files[f"briefings/topics/{topic.id}.yml"] = topic_yaml(topic).encode()
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
