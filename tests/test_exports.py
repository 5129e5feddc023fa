"""Exports (generator/exports.py): facts.json, sources.json (CSL-JSON), feed.xml (Atom),
the JSON-LD in each topic page's head, and the per-fact search entries.

Each export is checked the way a reuser would read it: facts.json against its JSON Schema,
sources.json against the CSL project's schema, the feed with feedparser, the JSON-LD
parsed back out of the built page's head.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import feedparser
import jsonschema
import pytest
import yaml
from bs4 import BeautifulSoup

from generator.briefing import Briefing
from generator.check import load_settings, require_briefing
from generator.exports import FACTS_JSON, FEED_XML, SOURCES_JSON, search_entries
from generator.generate import generate
from generator.pages import STATUS_LABELS, date_label
from tests.conftest import CASES, REPO, MakeProject, copy_project_frame, run_briefing, search_records

SETTINGS = load_settings(REPO)
BASE = (SETTINGS.base_url or "").rstrip("/") + "/"
NO_BASE_URL = 'title: "Briefing"\ndescription: "A test briefing."\n'
HOSTILE = "</script><script>alert(1)</script> & <b>bold</b> \"q\" 'a' ]]> {: onclick=x}"


def soup_of(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def briefing() -> Briefing:
    return require_briefing(REPO)[0]


@pytest.fixture(scope="module")
def facts(built_site: Path) -> dict[str, Any]:
    return json.loads((built_site / FACTS_JSON).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal case with markup and script-ending text in every field the exports carry,
    built once with MkDocs."""
    root = copy_project_frame(tmp_path_factory.mktemp("hostile") / "project")
    shutil.copytree(CASES / "minimal" / "briefings", root / "briefings")
    topic = root / "briefings/topics/shipment.yml"
    text = topic.read_text(encoding="utf-8")
    text = text.replace('title: "The shipment"', f"title: {json.dumps('The shipment ' + HOSTILE)}")
    text = text.replace('claim: "Alpha shipped goats to Beta; the sources give different counts."',
                        f"claim: {json.dumps('Alpha shipped goats to Beta ' + HOSTILE)}")
    topic.write_text(text, encoding="utf-8")
    source = root / "briefings/sources/alpha-report.yml"
    source.write_text(source.read_text(encoding="utf-8").replace(
        'title: "Alpha report on the shipment"', f"title: {json.dumps('Alpha report ' + HOSTILE)}"),
        encoding="utf-8")
    out = root / "site"
    result = run_briefing("build", "--site", str(out), cwd=root)
    assert result.returncode == 0, result.stderr
    return out


# --------------------------------------------------------------------------- facts.json

def test_facts_json_has_one_fact_per_line_for_diffs(built_site: Path, facts: dict[str, Any]) -> None:
    """A reviewer diffing two versions of facts.json sees one changed line per changed fact."""
    lines = (built_site / FACTS_JSON).read_text(encoding="utf-8").splitlines()
    records = [json.loads(line.strip().rstrip(",")) for line in lines if line.startswith('    {"id": ')]
    assert records == facts["judgments"] + facts["facts"]
    assert lines[0] == "{" and lines[-1] == "}"


def test_facts_json_matches_its_schema(facts: dict[str, Any]) -> None:
    schema = json.loads((REPO / "schemas/facts.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    errors = [f"{list(e.absolute_path)}: {e.message}"
              for e in jsonschema.Draft7Validator(schema).iter_errors(facts)]
    assert errors == []


def test_the_schema_refuses_what_the_contract_forbids(facts: dict[str, Any]) -> None:
    validator = jsonschema.Draft7Validator(json.loads((REPO / "schemas/facts.schema.json").read_text()))
    padded = json.loads(json.dumps(facts))
    padded["facts"][0]["date"] = "2023-3-1"
    assert not validator.is_valid(padded)
    unknown = json.loads(json.dumps(facts))
    unknown["facts"][0]["sttaus"] = "confirmed"
    assert not validator.is_valid(unknown)


def test_facts_json_holds_every_fact_with_its_citations_and_permalink(
        facts: dict[str, Any], briefing: Briefing, built_site: Path) -> None:
    records = {record["id"]: record for record in facts["facts"]}
    assert list(records) == list(briefing.facts)
    assert SETTINGS.base_url, "the real site has a base_url (canonical URLs need it)"
    assert facts["base_url"] == SETTINGS.base_url
    for fact_id, placed in briefing.facts.items():
        record = records[fact_id]
        fact = placed.fact
        assert record["url"] == f"{BASE}topics/{placed.topic_id}/#{fact_id}"
        assert record["topic"]["id"] == placed.topic_id
        assert [c["source"] for c in record["citations"]] == [c.source for c in fact.cites]
        assert [c["quote"] for c in record["citations"]] == [c.quote for c in fact.cites]
        assert record["shown_status"] == fact.shown_status
        assert record["date"] == fact.date
        assert record["single_source"] == (len({c.source for c in fact.cites}) == 1)
    # every permalink resolves to an anchor on the built topic page
    for record in facts["facts"]:
        path, anchor = record["url"].removeprefix(BASE).split("#")
        assert soup_of(built_site, path).find(id=anchor) is not None, record["url"]


def test_facts_json_gives_each_value_with_its_sources_and_how_they_relate(facts: dict[str, Any],
                                                                          briefing: Briefing) -> None:
    contradicted = [r["id"] for r in facts["facts"] if r["difference"] == "contradiction"]
    assert contradicted == [p.id for p in briefing.contradictions]
    differing = [r for r in facts["facts"] if r["difference"]]
    assert {r["difference"] for r in differing} == {"contradiction", "detail"}
    for record in differing:
        fact = briefing.facts[record["id"]].fact
        assert [v["value"] for v in record["values"]] == fact.values
        assert (record["reconciliation"] is not None) == (record["difference"] == "detail")
        for value in record["values"]:
            assert value["sources"] == list(dict.fromkeys(
                c.source for c in fact.cites if c.value is not None and str(c.value) == value["value"]))
    values = [c["value"] for r in facts["facts"] for c in r["citations"] if c["value"] is not None]
    assert values and all(isinstance(value, str) for value in values)


def test_facts_json_keeps_partial_dates_partial(facts: dict[str, Any]) -> None:
    by_precision = {r["date_precision"]: r for r in facts["facts"] if r["date"]}
    assert {"day", "month"} <= set(by_precision)
    month = by_precision["month"]
    assert re.fullmatch(r"\d{4}-\d{2}", month["date"])
    assert month["date_label"] == date_label(month["date"])
    assert not re.search(r"\d{4}-\d{2}-\d{2}", json.dumps(month["date"]))


def test_without_a_base_url_every_link_is_site_relative(make_project: MakeProject) -> None:
    root = make_project({"site_config.yml": NO_BASE_URL})
    data = json.loads(generate(root).files[FACTS_JSON])
    assert data["base_url"] is None
    urls = [r["url"] for r in data["facts"]]
    assert urls == ["topics/shipment/#goat-count", "topics/shipment/#beta-denies"]
    assert data["sources"]["alpha-report"]["page"] == "sources/alpha-report/"


def test_exports_are_in_the_markdown_tree_too_and_never_change_between_runs(
        make_project: MakeProject, tmp_path: Path) -> None:
    root = make_project()
    first, second = generate(root), generate(root)
    for name in (FACTS_JSON, SOURCES_JSON, FEED_XML):
        assert first.files[name] == second.files[name], name
    out = tmp_path / "md"
    result = run_briefing("build", "--markdown", str(out), cwd=root)
    assert result.returncode == 0, result.stderr
    assert json.loads((out / FACTS_JSON).read_text())["facts"][0]["id"] == "goat-count"
    assert (out / SOURCES_JSON).is_file() and (out / FEED_XML).is_file()


# --------------------------------------------------------------------------- sources.json

def test_sources_json_is_valid_csl_json(built_site: Path, briefing: Briefing) -> None:
    items = json.loads((built_site / SOURCES_JSON).read_text(encoding="utf-8"))
    schema = json.loads((Path(__file__).parent / "data/csl-data.schema.json").read_text())
    assert [f"{list(e.absolute_path)}: {e.message}"
            for e in jsonschema.Draft7Validator(schema).iter_errors(items)] == []
    assert [item["id"] for item in items] == sorted(briefing.sources)
    for item in items:
        source = briefing.sources[item["id"]]
        assert item["title"] == source.title
        assert item["issued"] == {"date-parts": [[int(p) for p in source.published.split("-")]]}
        assert item.get("container-title") == source.outlet
        assert item.get("URL") == source.url
        assert item["type"] in {"article-newspaper", "webpage", "document", "entry-encyclopedia"}
        assert item["custom"]["kind"] == source.kind


def test_csl_dates_carry_only_the_known_parts(make_project: MakeProject) -> None:
    items = {i["id"]: i for i in json.loads(generate(make_project()).files[SOURCES_JSON])}
    assert items["alpha-report"]["issued"] == {"date-parts": [[2024, 8, 15]]}
    assert items["beta-report"]["issued"] == {"date-parts": [[2024]]}
    assert items["beta-report"]["note"] == "Date: not printed; inferred from the events it reports"
    assert items["alpha-report"]["author"] == [{"literal": "A. Writer"}]
    assert items["alpha-report"]["custom"] == {"kind": "article", "archive_url": "https://archive.example.org/alpha"}


# --------------------------------------------------------------------------- feed.xml

def test_feed_parses_as_atom_with_every_dated_fact_newest_first(built_site: Path,
                                                                 briefing: Briefing) -> None:
    feed = feedparser.parse((built_site / FEED_XML).read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title == SETTINGS.title
    dated = list(reversed(briefing.dated_facts))
    facts = [e for e in feed.entries if e.tags[0].term not in {"correction", "judgment"}]
    assert [e.link for e in facts] == [f"{BASE}topics/{p.topic_id}/#{p.id}" for p in dated]
    assert len({e.id for e in feed.entries}) == len(feed.entries)
    assert all(e.id.startswith("urn:uuid:") for e in feed.entries)
    for entry, placed in zip(facts, dated, strict=True):
        assert entry.title.startswith(date_label(placed.fact.date) + ": ")
        assert entry.tags[0].term == placed.fact.shown_status
    assert feed.feed.updated == feed.entries[0].updated


def test_feed_link_is_in_every_page_head(built_site: Path) -> None:
    for path in ("", "topics/livestock-aid", "timeline"):
        link = soup_of(built_site, path).find("link", type="application/atom+xml")
        assert link is not None and link["href"].endswith("feed.xml"), path


def test_feed_carries_hostile_text_as_text(hostile_site: Path) -> None:
    feed = feedparser.parse((hostile_site / FEED_XML).read_bytes())
    assert not feed.bozo
    (entry,) = feed.entries
    assert entry.title == "August 2024: Alpha shipped goats to Beta " + HOSTILE
    assert HOSTILE in entry.summary


# --------------------------------------------------------------------------- JSON-LD

def jsonld_of(soup: BeautifulSoup) -> dict[str, Any]:
    scripts = soup.head.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


def test_each_topic_page_head_holds_claims_and_reviews(built_site: Path, briefing: Briefing) -> None:
    for topic_id, topic in briefing.topics.items():
        data = jsonld_of(soup_of(built_site, f"topics/{topic_id}"))
        assert data["@context"] == "https://schema.org"
        page, *nodes = data["@graph"]
        assert page["@type"] == "WebPage" and page["name"] == topic.title
        assert page["url"] == f"{BASE}topics/{topic_id}/"
        claims = [n for n in nodes if n["@type"] == "Claim"]
        reviews = {n["itemReviewed"]["@id"]: n for n in nodes if n["@type"] == "ClaimReview"}
        assert [c["url"] for c in claims] == [f"{BASE}topics/{topic_id}/#{f.id}" for f in topic.facts]
        assert page["hasPart"] == [{"@id": c["@id"]} for c in claims]
        for claim, fact in zip(claims, topic.facts, strict=True):
            cited = {briefing.sources[c.source].title for c in fact.cites}
            assert {a["headline"] for a in claim["appearance"]} == cited
            if fact.attributed_to:
                review = reviews[claim["@id"]]
                assert review["reviewRating"]["alternateName"] == STATUS_LABELS[fact.shown_status]
                assert {a["name"] for a in claim["author"]} == {
                    briefing.entities[e].name for e in fact.attributed_to}
            else:
                assert claim["@id"] not in reviews
    other = soup_of(built_site, "timeline")
    assert other.head.find("script", type="application/ld+json") is None


def test_jsonld_cannot_end_its_script_element(hostile_site: Path) -> None:
    html = (hostile_site / "topics/shipment/index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    data = jsonld_of(soup)
    page, claim = data["@graph"][0], data["@graph"][1]
    assert page["name"] == "The shipment " + HOSTILE
    assert claim["text"] == "Alpha shipped goats to Beta " + HOSTILE
    assert claim["appearance"][0]["headline"] == "Alpha report " + HOSTILE
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert raw is not None
    assert not re.search(r"[<>&']", raw.group(1))
    assert not any("alert(1)" in (s.string or "") and s.get("type") != "application/ld+json"
                   for s in soup.find_all("script"))


def test_jsonld_reaches_the_front_matter_as_yaml(make_project: MakeProject) -> None:
    root = make_project({"briefings/topics/shipment.yml": (CASES / "minimal/briefings/topics/shipment.yml")
                         .read_text().replace("the sources give different counts.",
                                              "it said: \\\"ok\\\" \u00e9\u6f22 \U0001f410.")})
    markdown = generate(root).files["topics/shipment.md"].decode()
    front = yaml.safe_load(markdown.split("---\n")[1])
    claim = front["jsonld"]["@graph"][1]
    assert claim["text"] == 'Alpha shipped goats to Beta; it said: "ok" \u00e9\u6f22 \U0001f410.'


# --------------------------------------------------------------------------- search

def test_every_fact_has_a_search_record_landing_on_it(built_site: Path, briefing: Briefing) -> None:
    records = {r["url"]: r for r in search_records(built_site)}
    for fact_id, placed in briefing.facts.items():
        record = records[f"topics/{placed.topic_id}/#{fact_id}"]
        assert record["meta"]["page"] == briefing.topics[placed.topic_id].title
    goats = [url for url, r in records.items() if "goats" in r["content"]]
    assert any(url.startswith("topics/livestock-aid/#") for url in goats)
    # each topic, source and entity page has a record of its own, found by its own words
    assert records["topics/livestock-aid/"]["meta"]["title"] == briefing.topics["livestock-aid"].title
    for source_id, source in briefing.sources.items():
        record = records[f"sources/{source_id}/"]
        assert record["meta"] == {"title": source.title, "page": "Sources"}
        assert source.title in record["content"] and (source.outlet or "") in record["content"]
    for entity_id, entity in briefing.entities.items():
        content = records[f"entities/{entity_id}/"]["content"]
        assert all(name in content for name in (entity.name, *entity.aliases))


def test_search_entries_find_facts_by_entity_names_and_sources_by_outlet(make_project: MakeProject) -> None:
    briefing = require_briefing(make_project())[0]
    entries = {(e.uri, e.anchor): e for e in search_entries(briefing)}
    denied = entries["topics/shipment.md", "beta-denies"]
    assert "Alpha" in denied.text and "Beta" in denied.text
    assert entries["sources/alpha-report.md", ""].text.startswith("Alpha report on the shipment. Alpha News.")
    assert {uri for uri, anchor in entries if anchor} == {"topics/shipment.md"}


def test_search_records_hold_plain_text(hostile_site: Path) -> None:
    """The records hold the text as written, not HTML: the search dialog escapes it
    (``templates/assets/search-worker.js``; ``tests/test_browser.py`` searches a hostile site)."""
    records = {r["url"]: r for r in search_records(hostile_site)}
    record = records["topics/shipment/#goat-count"]
    assert record["content"].startswith("Alpha shipped goats to Beta " + HOSTILE)
    assert records["sources/alpha-report/"]["meta"]["title"] == f"Alpha report {HOSTILE}"
    assert record["meta"]["page"] == "The shipment " + HOSTILE
    assert records["topics/shipment/"]["meta"]["title"] == "The shipment " + HOSTILE


def test_without_entity_pages_nothing_links_to_them(make_project: MakeProject) -> None:
    root = make_project({"site_config.yml": NO_BASE_URL + "features:\n  entities: false\n"})
    site = generate(root)
    data = json.loads(site.files[FACTS_JSON])
    assert {e["page"] for e in data["entities"].values()} == {None}
    assert "entities/" not in site.files["topics/shipment.md"].decode().split("---", 2)[2]
    front = yaml.safe_load(site.files["topics/shipment.md"].decode().split("---\n")[1])
    assert all("url" not in a for node in front["jsonld"]["@graph"] for a in node.get("about", []))
