"""generator/exports/jsonld.py: schema.org JSON-LD for topic pages, read back out of the built
page's ``<script type="application/ld+json">`` block as a search engine would."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from generator.briefing import Briefing
from generator.exports.jsonld import jsonld_script, topic_jsonld
from generator.history.changelog import RecordDates, instant
from generator.history.record_dates import Revisions
from generator.settings import Features
from generator.urls import Urls
from generator.vocabulary import DIFFERENCE_HEADINGS, STATUS_LABELS
from tests.exports.conftest import BASE_URL, HOSTILE, SETTINGS, URLS, page_html
from tests.history_case import CORRECTED, FIRST, REVISED


def jsonld_in(html: str) -> dict[str, Any]:
    """The page's one JSON-LD block, parsed."""
    scripts = BeautifulSoup(html, "html.parser").find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


def nodes(data: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [node for node in data["@graph"] if node["@type"] == kind]


@pytest.fixture(scope="module")
def data(case: Briefing) -> dict[str, Any]:
    return topic_jsonld(case, SETTINGS, URLS, "shipment")


def test_the_page_holds_a_claim_per_current_fact(data: dict[str, Any]) -> None:
    page = data["@graph"][0]
    assert (page["@type"], page["url"], page["name"]) == ("WebPage", f"{BASE_URL}topics/shipment/", "The shipment")
    assert page["description"] == "Alpha sent goats to Beta, the sources say."
    claims = nodes(data, "Claim")
    assert [c["url"] for c in claims] == [f"{BASE_URL}topics/shipment/#{fact_id}" for fact_id in
                                          ("goat-count", "goat-port", "pens-built", "port-founded", "beta-denies")]
    assert page["hasPart"] == [{"@id": c["@id"]} for c in claims]


def test_a_claim_says_how_its_values_relate(data: dict[str, Any]) -> None:
    claims = {c["url"].rpartition("#")[2]: c for c in nodes(data, "Claim")}
    assert claims["goat-count"]["description"].startswith(
        "The sources differ in detail: 447 is the count; the other report rounds it. Values: 447 (")
    assert claims["goat-port"]["description"].startswith("The sources contradict each other: Rason (")
    assert "description" not in claims["pens-built"]
    assert claims["goat-port"]["dateCreated"] == "2024-08-14"


def test_a_claim_carries_its_corrections(data: dict[str, Any]) -> None:
    claims = {c["url"].rpartition("#")[2]: c for c in nodes(data, "Claim")}
    assert claims["port-founded"]["correction"] == [{
        "@type": "CorrectionComment", "datePublished": "2026-12-02",
        "text": "The year was 1991, not 1993 as this fact first said; one report got it wrong."}]
    assert "correction" not in claims["goat-count"]


def test_claims_and_the_page_carry_their_dates_from_the_history(history: tuple[Briefing, Revisions]) -> None:
    briefing, revisions = history
    data = topic_jsonld(briefing, SETTINGS, URLS, "shipment", RecordDates(revisions))
    claims = {c["url"].rpartition("#")[2]: c for c in nodes(data, "Claim")}
    assert (claims["goat-count"]["datePublished"], claims["goat-count"]["dateModified"]) == (FIRST, FIRST)
    assert (claims["port-founded"]["datePublished"], claims["port-founded"]["dateModified"]) == (FIRST, CORRECTED)
    # the page opens with the judgment revised last
    assert data["@graph"][0]["dateModified"] == REVISED


def test_without_history_nothing_is_dated_but_the_facts(data: dict[str, Any]) -> None:
    assert "dateModified" not in data["@graph"][0]
    assert not any("datePublished" in c or "dateModified" in c for c in nodes(data, "Claim"))


def test_a_claim_a_named_party_asserts_is_reviewed_with_its_status(data: dict[str, Any]) -> None:
    (review,) = nodes(data, "ClaimReview")
    claim = next(c for c in nodes(data, "Claim") if c["url"].endswith("#beta-denies"))
    assert review["itemReviewed"] == {"@id": claim["@id"]}
    assert review["reviewRating"]["alternateName"] == STATUS_LABELS["alleged"]
    assert claim["author"] == [{"@type": "Country", "name": "Alpha", "description": "A country that ships goats",
                                "url": f"{BASE_URL}entities/alpha-country/"}]
    assert [a["@type"] for a in claim["appearance"]] == ["NewsArticle", "CreativeWork"]  # an article, a statement
    port = next(c for c in nodes(data, "Claim") if c["url"].endswith("#goat-port"))
    assert [a["@type"] for a in port["appearance"]] == ["NewsArticle", "CreativeWork", "WebPage"]  # a reference


def test_without_base_url_links_are_relative_to_the_page(case: Briefing) -> None:
    settings = SETTINGS.model_copy(update={"base_url": None})
    nested = topic_jsonld(case, settings, Urls(None), "shipment")
    claim = nodes(nested, "Claim")[0]
    assert (nested["@graph"][0]["url"], claim["url"]) == ("./", "#goat-count")
    assert claim["about"][0]["url"] == "../../entities/alpha-country/"
    flat = topic_jsonld(case, settings, Urls(None, directory_urls=False), "shipment")
    assert nodes(flat, "Claim")[0]["about"][0]["url"] == "../entities/alpha-country.html"


def test_without_entity_pages_no_entity_links_to_one(case: Briefing) -> None:
    settings = SETTINGS.model_copy(update={"features": Features(entities=False)})
    claims = nodes(topic_jsonld(case, settings, URLS, "shipment"), "Claim")
    assert all("url" not in entity for claim in claims for entity in claim.get("about", []))


def test_the_script_block_cannot_end_early_and_reads_back_the_same() -> None:
    data = {"text": "</script><!-- & \u2028 \u2029 line\nbreak 'q'", "n": 1}
    block = jsonld_script(data)
    inner = block.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert not re.search(r"[<>&\n\u2028\u2029]", inner)
    assert json.loads(inner) == data


# --------------------------------------------------------------------------- built pages

def test_each_built_topic_page_holds_its_claims(built_site: Path, real: Briefing) -> None:
    for topic_id, topic in real.topics.items():
        data = jsonld_in(page_html(built_site, f"topics/{topic_id}"))
        assert data["@context"] == "https://schema.org"
        page = data["@graph"][0]
        assert page["name"] == topic.title and page["url"].endswith(f"topics/{topic_id}/")
        claims = nodes(data, "Claim")
        current = [fact for fact in topic.facts if not fact.retired]
        assert [c["url"].rpartition("#")[2] for c in claims] == [fact.id for fact in current]
        for claim, fact in zip(claims, current, strict=True):
            assert {a["headline"] for a in claim["appearance"]} == {real.sources[s].title for s in fact.sources}
            if fact.difference:
                assert claim["description"].startswith(DIFFERENCE_HEADINGS[fact.difference].removesuffix(".") + ":")
        reviewed = {n["itemReviewed"]["@id"] for n in nodes(data, "ClaimReview")}
        assert reviewed == {c["@id"] for c, f in zip(claims, current, strict=True) if f.attributed_to}
        # built from the repository's history: the page and every claim are dated
        assert instant(page["dateModified"]) >= max(instant(c["dateModified"]) for c in claims)
        assert all(instant(c["datePublished"]) <= instant(c["dateModified"]) for c in claims)
    assert not BeautifulSoup(page_html(built_site, "timeline"), "html.parser").find_all(
        "script", type="application/ld+json")


def test_text_from_the_briefing_cannot_end_the_script_element(hostile_site: Path) -> None:
    html = page_html(hostile_site, "topics/shipment")
    data = jsonld_in(html)
    page, claim = data["@graph"][0], data["@graph"][1]
    assert page["name"] == "The shipment " + HOSTILE
    assert claim["text"] == "Alpha shipped 447 goats to Beta " + HOSTILE
    assert claim["description"].startswith(f"The sources differ in detail: 447 is the count {HOSTILE}.")
    assert claim["appearance"][0]["headline"] == "Alpha report " + HOSTILE
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert raw is not None and not re.search(r"[<>&]", raw.group(1))
    soup = BeautifulSoup(html, "html.parser")
    assert not any("alert(1)" in (s.string or "") for s in soup.find_all("script")
                   if s.get("type") != "application/ld+json")
