"""The preview's incremental path (generator/incremental.py): after any sequence of edits, the
site it gives is the site ``generate`` gives, byte for byte, and an edit plans and renders
again only what it changes.

The edits are random (``tests/briefing_edits.py``): claims, statuses, values, new facts,
removed facts, sources' titles, reordered and retired facts, tags, dates, summaries, a new
topic, an entity's name, a judgment, and a broken file followed by its fix; on the tiny
synthetic briefing, with its lists whole and split over pages.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from generator.errors import BriefingError
from generator.generate import GeneratedSite, generate
from generator.incremental import IncrementalSite, UncoveredRead, units
from generator.pages import plan_pages
from generator.pages.plan import Plan
from generator.pages.views import FactView
from generator.settings import load_settings
from generator.urls import Urls
from tests.briefing_edits import EDITS, GLOBAL, LOCAL, Editor, synthetic_project
from tests.conftest import MakeProject


def same_site(incremental: GeneratedSite, full: GeneratedSite, what: str) -> None:
    assert list(incremental.files) == list(full.files), what  # the same files, in the same order
    differing = [uri for uri in full.files if incremental.files[uri] != full.files[uri]]
    assert not differing, f"after {what}: {differing}"
    assert incremental.nav == full.nav, what
    assert incremental.search == full.search, what
    assert [p.format() for p in incremental.warnings] == [p.format() for p in full.warnings], what


def generated(root: Path) -> GeneratedSite | None:
    try:
        return generate(root)
    except BriefingError:
        return None


@pytest.mark.parametrize("case", ["minimal", "judgments", "split-lists", "exports-truth"])
def test_the_units_are_every_page_in_the_order_plan_pages_gives(make_project: MakeProject, case: str) -> None:
    root = make_project(base=case)
    site = IncrementalSite(root)
    same_site(site.generate(), generate(root), f"the case {case}")
    inputs_plan = Plan(*_briefing(root))
    assert [spec.uri for _, specs in units(inputs_plan) for spec in specs()] == \
        [spec.uri for spec in plan_pages(*_briefing(root))]


def _briefing(root: Path) -> tuple:  # type: ignore[type-arg]
    from generator.check import require_briefing

    settings = load_settings(root)
    return require_briefing(root, settings)[0], settings, Urls(settings.base_url, True)


@pytest.mark.parametrize("list_page_facts", [None, 3])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_after_random_edits_the_site_is_the_one_generate_gives(tmp_path: Path, seed: int,
                                                               list_page_facts: int | None) -> None:
    root = synthetic_project(tmp_path / "project", list_page_facts=list_page_facts)
    rng = random.Random(seed)
    editor, site = Editor(root, rng), IncrementalSite(root)
    same_site(site.generate(), generate(root), "the first build")
    done: list[str] = []
    for _ in range(14):
        kind = rng.choice(LOCAL * 3 + GLOBAL)
        done.append(editor.edit(kind))
        full = generated(root)
        if full is None:
            with pytest.raises(BriefingError):
                site.generate()
            continue
        same_site(site.generate(), full, ", ".join(done))


def test_each_kind_of_edit_gives_the_site_generate_gives(tmp_path: Path) -> None:
    root = synthetic_project(tmp_path / "project", list_page_facts=4)
    editor, site = Editor(root, random.Random(7)), IncrementalSite(root)
    site.generate()
    for kind in EDITS:
        for what in [editor.edit(kind)] + ([editor.edit(kind)] if kind == "broken" else []):
            full = generated(root)
            if full is None:
                with pytest.raises(BriefingError):
                    site.generate()
            else:
                same_site(site.generate(), full, what)


@pytest.mark.parametrize("kind", ["claim", "status", "new fact"])
def test_an_edited_fact_renders_again_the_pages_it_changes_and_few_others(tmp_path: Path, kind: str) -> None:
    root = synthetic_project(tmp_path / "project", list_page_facts=4)
    editor, site = Editor(root, random.Random(1)), IncrementalSite(root)
    before = site.generate()
    assert site.last.everything and site.last.pages_rendered == site.last.pages
    fact_id = editor.edit(kind).split()[-1 if kind != "status" else 2]
    after = site.generate()
    done = site.last
    assert not done.everything
    # the units of its topic, its sources and entities, and the families that gather facts from everywhere
    assert done.units_planned < done.units / 2
    changed = [uri for uri in after.pages if before.files.get(uri) != after.files[uri]]
    assert changed and set(changed) <= set(done.rendered)
    # beside them, only pages that show the fact without what changed, and the home page (which
    # counts each topic's facts)
    others = [uri for uri in done.rendered if uri not in changed and fact_id.encode() not in after.files[uri]]
    assert others in ([], ["index.md"]), fact_id


def test_nothing_changed_renders_nothing(tmp_path: Path) -> None:
    root = synthetic_project(tmp_path / "project")
    site = IncrementalSite(root)
    first = site.generate()
    again = site.generate()
    assert site.last.pages_rendered == 0 and not site.last.everything
    assert again.files == first.files


def test_what_every_page_shows_generates_everything_again(tmp_path: Path) -> None:
    root = synthetic_project(tmp_path / "project")
    editor, site = Editor(root, random.Random(2)), IncrementalSite(root)
    site.generate()
    for kind in ("entity name", "judgment", "new topic"):
        editor.edit(kind)
        site.generate()
        assert site.last.everything, kind
    template = root / "templates" / "topic.md.j2"
    template.write_text(template.read_text(encoding="utf-8") + "\nGoats.\n", encoding="utf-8")
    same_site(site.generate(), generate(root), "a template edit")
    assert site.last.everything


def test_the_exports_and_search_can_be_made_after_the_pages(tmp_path: Path) -> None:
    root = synthetic_project(tmp_path / "project")
    editor, site = Editor(root, random.Random(4)), IncrementalSite(root)
    first = site.generate(outputs_later=True)
    assert site.later is None  # everything was generated: the exports with it
    editor.edit("claim")
    later = site.generate(outputs_later=True)
    full = generate(root)
    exports = [uri for uri in full.files if uri in ("facts.json", "sources.json", "feed.xml")]
    assert exports and all(later.files[uri] == first.files[uri] for uri in exports)  # the last ones made
    assert site.later is not None
    made = site.later()
    assert {uri: made.files[uri] for uri in exports} == {uri: full.files[uri] for uri in exports}
    assert made.search == full.search
    assert later.files[exports[0]] != full.files[exports[0]]  # the claim is in facts.json


# -- what views read is in their page's key --------------------------------------------------------

def _first_fact(root: Path) -> tuple[str, Path]:
    """The first fact of the synthetic briefing's first topic, and its file."""
    path = sorted((root / "briefings" / "topics").glob("*.yml"))[0]
    fact_id = re.search(r'^  - id: "?([a-z0-9-]+)', path.read_text(encoding="utf-8"), re.MULTILINE)
    assert fact_id is not None
    return fact_id[1], path


@pytest.mark.parametrize("noted", [True, False])
def test_a_record_a_view_reads_is_in_its_page_s_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    noted: bool) -> None:
    """A view that reads one more record (here every fact line of the lists shows the first
    fact's claim) through its noting reader has its pages rendered again when that record
    changes; read past the reader, the preview would serve the pages as they were (what the
    key is for)."""
    root = synthetic_project(tmp_path / "project", list_page_facts=3)
    fact_id, path = _first_fact(root)

    def topic_title(view: FactView) -> str:
        read = view._read_fact(fact_id) if noted else view._records.facts[fact_id]
        return f"{view._read_topic_title(view.topic_id)} (beside {read.fact.claim})"

    monkeypatch.setattr(FactView, "topic_title", property(topic_title))
    site = IncrementalSite(root)
    before = site.generate()
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r'(\n    claim: "?)', r"\1Goats ", text, count=1), encoding="utf-8")
    served, full = site.generate(), generate(root)
    # the timeline's pages that list other facts only
    elsewhere = [uri for uri in full.pages if uri.startswith("timeline") and fact_id.encode() not in full.files[uri]
                 and b"(beside Goats " in full.files[uri]]
    assert len(elsewhere) > 1
    if noted:
        same_site(served, full, "a claim that every list shows")
        assert set(elsewhere) <= set(site.last.rendered) and not site.last.everything
    else:
        assert all(served.files[uri] == before.files[uri] != full.files[uri] for uri in elsewhere)


def test_a_view_that_reads_the_briefing_past_its_reader_stops_the_preview(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    root = synthetic_project(tmp_path / "project")
    monkeypatch.setattr(FactView, "topic_title",
                        property(lambda view: view._plan.briefing.topics[view.topic_id].title))
    with pytest.raises(UncoveredRead, match=r"^timeline\.md: a view read the briefing's 'topics' while the page"):
        IncrementalSite(root).generate()
    assert b"Topic: [" in generate(root).files["timeline.md"]  # a build does not key its pages
