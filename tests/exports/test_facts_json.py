"""generator/exports/facts_json.py: facts.json, checked as a reuser reads it: against its JSON
Schema (schemas/facts.schema.json), values as strings, how values relate, sources' errors,
corrections, retired facts, the key judgments, and each record's dates from git."""

from __future__ import annotations

import copy
import functools
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from bs4 import BeautifulSoup

from generator.briefing import Briefing
from generator.exports.facts_json import FACTS_JSON, FACTS_SCHEMA_VERSION, facts_document
from generator.exports.layout import json_bytes
from generator.history.record_dates import Revisions
from generator.settings import Features, Settings
from generator.urls import Urls
from generator.vocabulary import LIKELIHOODS
from tests.exports.conftest import BASE_URL, FACTS_SCHEMA, SETTINGS, URLS, load_json
from tests.history_case import CORRECTED, FIRST, REVISED, WITHDRAWN


def document(briefing: Briefing, settings: Settings = SETTINGS, urls: Urls = URLS,
             revisions: Revisions | None = None) -> dict[str, Any]:
    """facts.json as the file holds it (encoded and read back)."""
    return json.loads(json_bytes(facts_document(briefing, settings, urls, revisions)))


def by_id(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {record["id"]: record for record in records}


def schema_errors(data: Any) -> list[str]:
    schema = json.loads(FACTS_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return [f"{list(e.absolute_path)}: {e.message}" for e in jsonschema.Draft7Validator(schema).iter_errors(data)]


@pytest.fixture(scope="module")
def data(case: Briefing) -> dict[str, Any]:
    return document(case)


@pytest.fixture(scope="module")
def facts(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return by_id(data["facts"])


@pytest.fixture(scope="module")
def dated(history: tuple[Briefing, Revisions]) -> dict[str, Any]:
    """facts.json of the case built from its history."""
    briefing, revisions = history
    return document(briefing, revisions=revisions)


def test_the_case_matches_the_schema_of_its_version(data: dict[str, Any]) -> None:
    assert data["version"] == FACTS_SCHEMA_VERSION == 2
    assert schema_errors(data) == []


def test_the_schemas_worked_examples_are_what_the_case_exports(dated: dict[str, Any]) -> None:
    """The examples in schemas/facts.schema.json (a difference in detail; a source's error with a
    correction; a retired fact; a judgment) stay true: they are the case's own records, as
    built from its history."""
    assert schema_errors(dated) == []
    definitions = json.loads(FACTS_SCHEMA.read_text(encoding="utf-8"))["definitions"]
    facts = by_id(dated["facts"])
    assert definitions["fact"]["examples"] == [facts["goat-count"], facts["port-founded"], facts["goats-were-sheep"]]
    assert definitions["judgment"]["examples"] == dated["judgments"][:1]


def test_each_record_says_when_it_was_published_and_last_changed(dated: dict[str, Any]) -> None:
    facts = by_id(dated["facts"])
    assert {fid: (f["date_published"], f["date_modified"]) for fid, f in facts.items()} == {
        "goat-count": (FIRST, FIRST), "goat-port": (FIRST, FIRST), "pens-built": (FIRST, FIRST),
        "port-founded": (FIRST, CORRECTED),      # its claim and date corrected
        "goats-were-sheep": (FIRST, WITHDRAWN),  # withdrawing a fact changes it
        "beta-denies": (FIRST, FIRST)}
    assert [(j["id"], j["date_published"], j["date_modified"]) for j in dated["judgments"]] == [
        ("goats-were-aid", FIRST, REVISED), ("more-shipments", FIRST, FIRST)]
    assert {(s["date_published"], s["date_modified"]) for s in dated["sources"].values()} == {(FIRST, FIRST)}


def test_without_history_the_dates_are_null(data: dict[str, Any]) -> None:
    records = [*data["facts"], *data["judgments"], *data["sources"].values()]
    assert {(r["date_published"], r["date_modified"]) for r in records} == {(None, None)}


def test_a_file_written_before_the_dates_is_still_version_2(data: dict[str, Any]) -> None:
    older = copy.deepcopy(data)
    for record in [*older["facts"], *older["judgments"], *older["sources"].values()]:
        del record["date_published"], record["date_modified"]
    assert schema_errors(older) == []


@pytest.mark.parametrize(("where", "change"), [
    ("a version 1 field", lambda d: d["facts"][0].update(sources_disagree=False)),
    ("a value as a number", lambda d: d["facts"][0]["citations"][0].update(value=447)),
    ("a padded date", lambda d: d["facts"][0].update(date="2024-8")),
    ("a misspelt field", lambda d: d["facts"][0].update(sttaus="reported")),
    ("an unknown relation", lambda d: d["facts"][0].update(difference="rounding")),
    ("a judgment without its likelihood", lambda d: d["judgments"][0].pop("likelihood")),
    ("a day for a time of publication", lambda d: d["facts"][0].update(date_published="2026-12-02")),
    ("a time without its offset", lambda d: d["sources"]["alpha-report"].update(date_modified="2026-12-02T11:30:00")),
])
def test_the_schema_refuses_what_the_contract_forbids(data: dict[str, Any], where: str, change: Any) -> None:
    broken = copy.deepcopy(data)
    change(broken)
    assert schema_errors(broken), where


def test_values_are_strings_exactly_as_written(facts: dict[str, dict[str, Any]]) -> None:
    """447 (a YAML number) and "010" (quoted) both reach the file as the text written."""
    assert [c["value"] for c in facts["goat-count"]["citations"]] == ["447", "nearly 450"]
    assert facts["goat-count"]["values"] == [{"value": "447", "sources": ["alpha-report"]},
                                             {"value": "nearly 450", "sources": ["beta-report"]}]
    assert facts["pens-built"]["values"] == [{"value": "010", "sources": ["beta-report"]}]
    assert [c["value"] for c in facts["beta-denies"]["citations"]] == [None, None]


def test_partial_dates_stay_partial(facts: dict[str, dict[str, Any]]) -> None:
    assert [(facts[i]["date"], facts[i]["date_precision"], facts[i]["date_label"])
            for i in ("goat-port", "goat-count", "port-founded", "pens-built")] == [
        ("2024-08-14", "day", "14 August 2024"), ("2024-08", "month", "August 2024"), ("1991", "year", "1991"),
        (None, None, None)]


def test_each_fact_says_how_its_values_relate(facts: dict[str, dict[str, Any]]) -> None:
    assert (facts["goat-count"]["difference"], facts["goat-count"]["reconciliation"]) == (
        "detail", "447 is the count; the other report rounds it.")
    assert (facts["goat-port"]["difference"], facts["goat-port"]["reconciliation"]) == ("contradiction", None)
    assert [v["value"] for v in facts["goat-port"]["values"]] == ["Rason", "Nampo"]
    assert (facts["pens-built"]["difference"], facts["pens-built"]["reconciliation"]) == (None, None)
    assert [facts[i]["single_source"] for i in ("pens-built", "goat-count")] == [True, False]


def test_a_sources_error_is_on_its_citation_beside_the_reference(data: dict[str, Any],
                                                                  facts: dict[str, dict[str, Any]]) -> None:
    citations = facts["port-founded"]["citations"]
    assert [c["source"] for c in citations] == ["beta-report", "port-register"]
    assert citations[0]["error"] == ("The report gives 1993; the register shows the port opened to foreign "
                                     "ships in 1991.")
    assert citations[1]["error"] is None
    sources = data["sources"]
    assert {sid: s["kind"] for sid, s in sources.items()} == {
        "alpha-ministry-statement": "statement", "alpha-report": "article", "beta-report": "article",
        "encyclopedia-port": "reference", "port-register": "reference"}
    assert sources["port-register"]["accessed"] == "2026-12-02"
    assert data["source_kinds"]["reference"] == {"label": "Reference"}


def test_corrections_and_retired_facts_are_kept(facts: dict[str, dict[str, Any]]) -> None:
    assert facts["port-founded"]["corrections"] == [
        {"date": "2026-12-02", "note": "The year was 1991, not 1993 as this fact first said; one report got it wrong."}]
    retired = facts["goats-were-sheep"]
    assert retired["retired"] == "Withdrawn: every source says goats; the fact misread a photo caption."
    assert retired["corrections"] == [{"date": "2026-12-01", "note": "Withdrawn: the animals were goats."}]
    assert retired["url"] == f"{BASE_URL}topics/shipment/#goats-were-sheep"
    assert facts["goat-count"]["retired"] is None and facts["goat-count"]["corrections"] == []


def test_judgments_are_given_in_full_with_their_permalinks(data: dict[str, Any]) -> None:
    first, second = data["judgments"]
    assert first == {
        "id": "goats-were-aid",
        "url": f"{BASE_URL}judgments/#goats-were-aid",
        "question": "Were the goats aid rather than payment?",
        "judgment": "The goats were *aid* to Beta, not payment for arms.",
        "judgment_text": "The goats were aid to Beta, not payment for arms.",
        "likelihood": {"key": "likely", "term": "likely", "low": 55, "high": 80, "label": "likely, 55–80 %"},
        "confidence": {"key": "moderate", "label": "Moderate"},
        "basis": "Two reports agree on the shipment; only one party's statement speaks of payment.",
        "supports": ["goat-count", "goat-port"],
        "cuts_against": ["beta-denies"],
        "topics": ["shipment"],
        "assumptions": ["The reports describe one shipment."],
        "alternatives": [{"text": "The goats paid for arms.", "likelihood": {
            "key": "unlikely", "term": "unlikely", "low": 20, "high": 45, "label": "unlikely, 20–45 %"}}],
        "gaps": ["What Beta gave in return, if anything."],
        "indicators": ["A second shipment."],
        "reviewed": "2026-12-03",
        "evidence_until": "2024-08-14",  # goat-port's day, newer than goat-count's month (2024-08)
        "history": [{"date": "2026-11-20", "change": "First made."},
                    {"date": "2026-12-03", "change": "Likelihood raised from roughly even chance: the count is "
                                                     "confirmed by two reports."}],
        "date_published": None, "date_modified": None,  # built without history: see the dated case
    }
    assert (second["id"], second["cuts_against"], second["history"]) == ("more-shipments", [], [])
    assert second["evidence_until"] == "2024-08"  # its one fact's date, as that fact writes it
    assert list(data["likelihoods"]) == list(LIKELIHOODS)
    assert data["likelihoods"]["roughly-even-chance"] == {"term": "roughly even chance", "low": 45, "high": 55}
    assert list(data["confidences"]) == ["low", "moderate", "high"]


def test_each_fact_names_the_judgments_it_supports_or_cuts_against(facts: dict[str, dict[str, Any]]) -> None:
    assert facts["goat-count"]["judgments"] == {"supports": ["goats-were-aid", "more-shipments"],
                                                "cuts_against": []}
    assert facts["beta-denies"]["judgments"] == {"supports": [], "cuts_against": ["goats-were-aid"]}
    assert facts["pens-built"]["judgments"] == {"supports": [], "cuts_against": []}


def test_links_follow_the_sites_url_policy(case: Briefing) -> None:
    """Without directory URLs a page is x.html; without base_url every link is site-relative."""
    flat = document(case, urls=Urls(BASE_URL, directory_urls=False))
    assert by_id(flat["facts"])["goat-count"]["url"] == f"{BASE_URL}topics/shipment.html#goat-count"
    assert flat["judgments"][0]["url"] == f"{BASE_URL}judgments.html#goats-were-aid"
    assert flat["sources"]["alpha-report"]["page"] == f"{BASE_URL}sources/alpha-report.html"
    relative = document(case, SETTINGS.model_copy(update={"base_url": None}), Urls(None))
    assert relative["base_url"] is None
    assert by_id(relative["facts"])["goat-count"]["url"] == "topics/shipment/#goat-count"
    assert by_id(relative["facts"])["goat-count"]["topic"]["url"] == "topics/shipment/"
    assert relative["entities"]["alpha-country"]["page"] == "entities/alpha-country/"
    assert relative["judgments"][0]["url"] == "judgments/#goats-were-aid"


def test_without_entity_pages_no_entity_has_a_page(case: Briefing) -> None:
    settings = SETTINGS.model_copy(update={"features": Features(entities=False)})
    assert {e["page"] for e in document(case, settings)["entities"].values()} == {None}


# --------------------------------------------------------------------------- the real site

@pytest.fixture(scope="module")
def real_data(built_site: Path) -> dict[str, Any]:
    data = load_json(built_site / FACTS_JSON)
    assert isinstance(data, dict)
    return data


def test_the_real_facts_json_matches_its_schema(real_data: dict[str, Any], real: Briefing) -> None:
    assert schema_errors(real_data) == []
    # built from the repository's own history: every record is dated
    records = [*real_data["facts"], *real_data["judgments"], *real_data["sources"].values()]
    assert all(r["date_published"] and r["date_modified"] for r in records)
    assert [r["id"] for r in real_data["facts"]] == list(real.facts)
    assert [j["id"] for j in real_data["judgments"]] == [j.id for j in real.judgments]
    assert real_data["judgments"], "the real briefing has key judgments"


def test_each_real_judgment_gives_the_newest_date_of_its_evidence(real_data: dict[str, Any]) -> None:
    """`evidence_until` is the newest `date` among the facts a judgment rests on, written as those
    facts write it: a day for the treaty (its entry into force), a month for the goats (their arrival)."""
    facts = {f["id"]: f for f in real_data["facts"]}
    judgments = {j["id"]: j for j in real_data["judgments"]}
    for judgment in judgments.values():
        dates = [facts[f]["date"] for f in judgment["supports"] if facts[f]["date"]]
        assert judgment["evidence_until"] in dates, judgment["id"]
        assert all(d[:len(judgment["evidence_until"])] <= judgment["evidence_until"] for d in dates), judgment["id"]
    assert judgments["treaty-mutual-assistance"]["evidence_until"] == "2024-12-04"
    assert judgments["north-korea-delivered-arms-to-russia"]["evidence_until"] == "2023-03-30"
    assert judgments["goats-aid-not-arms-payment"]["evidence_until"] == "2024-08"


def test_the_real_facts_json_tells_contradictions_from_details(real_data: dict[str, Any], real: Briefing) -> None:
    contradicted = [r["id"] for r in real_data["facts"] if r["difference"] == "contradiction"]
    assert contradicted == [p.id for p in real.contradictions] != []
    details = [r for r in real_data["facts"] if r["difference"] == "detail"]
    assert details and all(r["reconciliation"] for r in details)
    values = [c["value"] for r in real_data["facts"] for c in r["citations"] if c["value"] is not None]
    assert values and all(isinstance(value, str) for value in values)
    assert any(c["error"] for r in real_data["facts"] for c in r["citations"])


@functools.cache
def ids_on(page: Path) -> frozenset[str]:
    """Every element id of a built page (none when there is no such page), each page parsed once."""
    if not page.is_file():
        return frozenset()
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return frozenset(str(tag["id"]) for tag in soup.find_all(id=True))


def lands(site: Path, base: str, url: str) -> bool:
    path, anchor = url.removeprefix(base).split("#")
    return anchor in ids_on(site / path / "index.html")


def test_every_facts_permalink_lands_on_its_anchor(real_data: dict[str, Any], built_site: Path) -> None:
    base = real_data["base_url"].rstrip("/") + "/"
    assert [r["url"] for r in real_data["facts"] if not lands(built_site, base, r["url"])] == []


def test_every_judgments_permalink_lands_on_it_on_the_judgments_page(real_data: dict[str, Any],
                                                                    built_site: Path) -> None:
    base = real_data["base_url"].rstrip("/") + "/"
    assert [r["url"] for r in real_data["judgments"] if not lands(built_site, base, r["url"])] == []


def test_a_reviewer_sees_one_line_per_changed_record(built_site: Path, real_data: dict[str, Any]) -> None:
    lines = (built_site / FACTS_JSON).read_text(encoding="utf-8").splitlines()
    records = [json.loads(line.strip().rstrip(",")) for line in lines if line.startswith('    {"id": ')]
    assert records == real_data["judgments"] + real_data["facts"]
    assert lines[0] == "{" and lines[-1] == "}"
