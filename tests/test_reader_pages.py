"""Pages for readers (issue 6): the timeline and its chart, entity pages and entity links in
claims, the tags index, the status legend and its filters, contradictions on the home page,
and the tags that make links travel (description, canonical, Open Graph, Twitter), the
sitemap and the 404 page. Read from the real site, built once, and from small hostile builds.
"""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup, Tag

from generator.briefing import Briefing
from generator.check import load_settings, require_briefing
from generator.inline import plain_text
from generator.vocabulary import STATUS_LABELS, date_label
from tests.conftest import CASES, REPO, MakeProject, copy_project_frame, run_briefing

pytestmark = pytest.mark.slow

SETTINGS = load_settings(REPO)
BASE = (SETTINGS.base_url or "").rstrip("/") + "/"
MARKUP = "<b>x</b> & \"q\" </script> {: onclick=z} [^1] *"


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def content(soup: BeautifulSoup) -> Tag:
    article = soup.select_one("article.md-content__inner")
    assert article is not None
    return article


@pytest.fixture(scope="module")
def briefing() -> Briefing:
    return require_briefing(REPO)[0]


@pytest.fixture(scope="module")
def timeline(built_site: Path) -> BeautifulSoup:
    return page(built_site, "timeline")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal case with markup in a topic title and summary and in an entity name that
    the claims mention, built once with MkDocs."""
    root = copy_project_frame(tmp_path_factory.mktemp("hostile-pages") / "project")
    shutil.copytree(CASES / "minimal" / "briefings", root / "briefings")
    entities = root / "briefings/entities.yml"
    entities.write_text(entities.read_text().replace('name: "Beta"', f"name: {json.dumps('Beta ' + MARKUP)}"))
    topic = root / "briefings/topics/shipment.yml"
    text = topic.read_text()
    text = text.replace('title: "The shipment"', f"title: {json.dumps('The shipment ' + MARKUP)}")
    text = text.replace('summary: "Alpha sent goats to *Beta*, the sources say."',
                        f"summary: {json.dumps('Alpha sent goats, ' + MARKUP)}")
    text = text.replace('claim: "Alpha shipped goats to Beta; the sources give different counts."',
                        f"claim: {json.dumps('Alpha shipped goats to Beta ' + MARKUP + '; Alpha again.')}")
    topic.write_text(text)
    out = root / "site"
    result = run_briefing("build", "--site", str(out), cwd=root)
    assert result.returncode == 0, result.stderr
    return out


# --------------------------------------------------------------------------- timeline

def test_timeline_lists_every_dated_fact_in_order_under_its_year_and_month(
        timeline: BeautifulSoup, briefing: Briefing) -> None:
    entries = content(timeline).select("div.bf-tl-fact")
    assert [e["id"] for e in entries] == [p.id for p in briefing.dated_facts]
    dates = [briefing.facts[e["id"]].fact.date or "" for e in entries]
    assert dates == sorted(dates)
    for entry in entries:
        value = briefing.facts[entry["id"]].fact.date or ""
        month, year = entry.find_previous("h3"), entry.find_previous("h2")
        assert year.get_text(strip=True).removesuffix("¶") == value[:4]
        expected = date_label(value[:7]) if len(value) >= 7 else f"{value[:4]}, month not known"
        assert month.get_text(strip=True).removesuffix("¶") == expected, entry["id"]


def test_timeline_shows_partial_dates_as_known_never_a_made_up_day(
        timeline: BeautifulSoup, briefing: Briefing) -> None:
    partial = [p for p in briefing.dated_facts if (p.fact.date or "").count("-") < 2]
    assert {len(p.fact.date or "") for p in partial} == {4, 7}, "the real briefing has both"
    for placed in briefing.dated_facts:
        shown = timeline.find(id=placed.id).select_one(".bf-tl-meta strong").get_text()
        assert shown == date_label(placed.fact.date)
        if placed in partial:
            assert not re.match(r"\d{1,2} ", shown), shown


def test_each_timeline_entry_gives_topic_status_and_sources(timeline: BeautifulSoup,
                                                           briefing: Briefing) -> None:
    for placed in briefing.dated_facts:
        entry = timeline.find(id=placed.id)
        fact = placed.fact
        badge = entry.select_one("a.bf-badge")
        assert badge.get_text() == STATUS_LABELS[fact.status]
        hrefs = [a["href"] for a in entry.find_all("a")]
        assert f"../topics/{placed.topic_id}/" in hrefs
        assert f"../topics/{placed.topic_id}/#{placed.id}" in hrefs
        cited = {a["href"] for a in entry.select(".bf-tl-sources a")}
        assert cited == {f"../sources/{c.source}/" for c in fact.cites}


def test_the_chart_marks_every_dated_fact_and_links_to_it(timeline: BeautifulSoup,
                                                          briefing: Briefing) -> None:
    figure = content(timeline).select_one("figure.bf-chart")
    assert figure is not None
    svg = figure.find("svg")
    assert figure.find_previous("h2") is None, "the chart stands above the list"
    title = svg.find("title", id="bf-chart-title")
    assert svg["aria-labelledby"] == "bf-chart-title"
    assert title.get_text().startswith(f"Timeline chart of {len(briefing.dated_facts)} dated facts")
    assert figure.find("figcaption").get_text().startswith(title.get_text())
    # one mark per dated fact; topic by topic, each topic's in date order (the keyboard's order)
    in_lanes = sorted(briefing.dated_facts, key=lambda p: briefing.topic_order.index(p.topic_id))
    marks = svg.find_all("a")
    assert [a["xlink:href"] for a in marks] == [f"#{p.id}" for p in in_lanes]
    for mark, placed in zip(marks, in_lanes, strict=True):
        assert timeline.find(id=placed.id) is not None
        status = placed.fact.status
        words = f"{date_label(placed.fact.date)}, {STATUS_LABELS[status].lower()}: "
        assert mark["aria-label"].startswith(words)
        assert mark.find("title").get_text() == mark["aria-label"]
        assert mark.select(f".bf-mark--{status}"), "the shape carries the status"
        partial = (placed.fact.date or "").count("-") < 2
        assert bool(mark.select("rect.bf-chart__bar")) == partial, placed.id


def test_the_chart_takes_its_colours_from_the_scheme(timeline: BeautifulSoup, repo_root: Path) -> None:
    svg = content(timeline).select_one("figure.bf-chart svg")
    assert svg.find("script") is None and svg.find("style") is None
    for element in svg.find_all(True):
        assert not [name for name in element.attrs if name.startswith("on")]
        assert "fill" not in element.attrs and "stroke" not in element.attrs, element.name
    css = (repo_root / "templates/assets/briefing.css").read_text()
    assert ".bf-chart text { fill: currentColor; }" in css
    for status in STATUS_LABELS:
        assert f".bf-mark--{status} {{ fill: var(--bf-{status}); }}" in css
    assert re.search(r'\[data-md-color-scheme="slate"\] \{[^}]*--bf-disputed', css)


def test_built_chart_shows_markup_as_text(hostile: Path) -> None:
    svg = content(page(hostile, "timeline")).select_one("figure.bf-chart svg")
    (mark,) = svg.find_all("a")
    assert mark["aria-label"] == f"August 2024, reported: Alpha shipped goats to Beta {MARKUP}; Alpha again."
    assert mark.find("title").get_text() == mark["aria-label"]
    assert svg.find("b") is None and svg.find("script") is None
    assert svg.find("text", string=re.compile("^The shipment ")).get_text() == f"The shipment {MARKUP}"


# --------------------------------------------------------------------------- entities

def fact_links(section: Tag) -> list[str]:
    return [a["href"].rsplit("#", 1)[1] for a in section.select("a.bf-factlink")]


def test_entity_pages_list_facts_about_asserted_and_denied(built_site: Path, briefing: Briefing) -> None:
    for entity_id in ("north-korea", "john-kirby", "human-rights-watch"):
        entity = briefing.entities[entity_id]
        soup = content(page(built_site, f"entities/{entity_id}"))
        assert soup.h1.get_text(strip=True).removesuffix("¶") == entity.name
        if entity.description:
            assert entity.description in soup.get_text()
        roles = briefing.facts_by_entity[entity_id]
        for role, heading in (("about", "Facts about"), ("asserts", "Facts asserted by"),
                              ("denies", "Facts denied by")):
            h2 = soup.find(lambda t, h=heading: t.name == "h2" and t.get_text().startswith(h + " "))
            if role not in roles:
                assert h2 is None
                continue
            items = h2.find_next_sibling("ul")
            assert fact_links(items) == [p.id for p in roles[role]], (entity_id, role)
    assert "denies" in briefing.facts_by_entity["north-korea"]


def test_entity_names_in_claims_link_to_their_pages_once(built_site: Path, briefing: Briefing) -> None:
    soup = page(built_site, "topics/food-for-arms")
    article = soup.find(id="food-for-arms-two-dozen-kinds-of-weapons")
    claim = article.find_all("p")[0]
    links = [a["href"] for a in claim.find_all("a") if "entities/" in a["href"]]
    assert links == ["../../entities/john-kirby/", "../../entities/russia/", "../../entities/north-korea/",
                     "../../entities/ashot-mkrtychev/"]
    assert claim.get_text().startswith(plain_text(
        briefing.facts["food-for-arms-two-dozen-kinds-of-weapons"].fact.claim))
    topics = {tid: page(built_site, f"topics/{tid}") for tid in briefing.topics}
    for placed in briefing.facts.values():
        # the claim: a withdrawn fact's follows the reason it was withdrawn
        paragraph = topics[placed.topic_id].find(id=placed.id).find_all("p")[1 if placed.fact.retired else 0]
        hrefs = [a["href"] for a in paragraph.find_all("a") if "entities/" in a["href"]]
        assert len(hrefs) == len(set(hrefs)), placed.id


def test_entity_links_keep_markup_in_names_as_text(hostile: Path) -> None:
    soup = page(hostile, "topics/shipment")
    claim = soup.find(id="goat-count").find_all("p")[0]
    assert claim.get_text().startswith(f"Alpha shipped goats to Beta {MARKUP}; Alpha again.")
    links = {a.get_text(): a["href"] for a in claim.find_all("a") if "entities/" in a["href"]}
    assert links == {"Alpha": "../../entities/alpha-country/",
                     f"Beta {MARKUP}": "../../entities/beta-country/"}
    assert claim.find("b") is None and claim.find("script") is None
    denied = soup.find(id="beta-denies").find_all("p")[0]
    assert [a["href"] for a in denied.find_all("a")[:1]] == ["../../entities/alpha-country/"]
    entity = content(page(hostile, "entities/beta-country"))
    assert entity.h1.get_text(strip=True).removesuffix("¶") == f"Beta {MARKUP}"


# --------------------------------------------------------------------------- tags, status, home

def test_tags_index_lists_every_tag_with_its_facts(built_site: Path, briefing: Briefing) -> None:
    soup = content(page(built_site, "tags"))
    tags: dict[str, list[str]] = {}
    for placed in briefing.current_facts:
        for tag in dict.fromkeys(placed.fact.tags):
            tags.setdefault(tag, []).append(placed.id)
    headings = soup.find_all("h2")
    assert [h["id"] for h in headings] == sorted(tags)
    for heading in headings:
        assert fact_links(heading.find_next_sibling("ul")) == tags[heading["id"]]
    topic = page(built_site, "topics/livestock-aid").find(id="goat-shipment-count")
    tag_links = [a["href"] for a in topic.select(".bf-about a") if "tags/" in a["href"]]
    assert tag_links == [f"../../tags/#{t}" for t in briefing.facts["goat-shipment-count"].fact.tags]


def test_status_legend_explains_each_status_and_filters_alleged_and_denied(
        built_site: Path, briefing: Briefing) -> None:
    soup = content(page(built_site, "status"))
    filters = [a["href"] for a in soup.select(".bf-filters a")]
    assert filters == ["#confirmed", "#reported", "#alleged", "#disputed", "#denied"]
    for status in ("confirmed", "reported", "alleged", "disputed"):
        section = soup.find("section", id=status)
        assert section.select_one("a.bf-badge").get_text() == STATUS_LABELS[status]
        expected = [p.id for p in briefing.current_facts if p.fact.status == status]
        assert fact_links(section) == expected, status
    denied = soup.find("section", id="denied")
    assert fact_links(denied) == [p.id for p in briefing.current_facts if p.fact.denied_by]
    assert "Denied by" in denied.get_text() and fact_links(denied)


def test_home_lists_every_contradiction_value_by_value(built_site: Path, briefing: Briefing) -> None:
    soup = content(page(built_site, ""))
    heading = soup.find(lambda t: t.name == "h2" and t.get_text().startswith("Where the sources contradict"))
    items = heading.find_next_sibling("ul").find_all("li", recursive=False)
    assert briefing.contradictions, "the real briefing has contradictions (the goats' destination, gift or payment)"
    assert [li.select_one("a.bf-factlink")["href"] for li in items] == [
        f"topics/{p.topic_id}/#{p.id}" for p in briefing.contradictions]
    for li, placed in zip(items, briefing.contradictions, strict=True):
        assert "The sources contradict each other." in li.get_text()
        values = li.find("ul").find_all("li", recursive=False)
        assert [v.strong.get_text() for v in values] == placed.fact.values
        for value, shown in zip(placed.fact.values, values, strict=True):
            sources = {c.source for c in placed.fact.cites if c.value is not None and str(c.value) == value}
            assert {a["href"] for a in shown.find_all("a")} == {f"sources/{s}/" for s in sources}
    exports = {a["href"] for a in soup.find_all("a", href=True)}
    assert {"facts.json", "sources.json", "feed.xml"} <= exports


def test_single_source_facts_are_marked(built_site: Path, briefing: Briefing) -> None:
    for topic_id, topic in briefing.topics.items():
        soup = page(built_site, f"topics/{topic_id}")
        for fact in (f for f in topic.facts if not f.retired):
            marked = soup.find(id=fact.id).select_one(".bf-single")
            assert (marked is not None) == (len({c.source for c in fact.cites}) == 1), fact.id


# --------------------------------------------------------------------------- links that travel

def head_tags(soup: BeautifulSoup) -> dict[str, str]:
    found: dict[str, str] = {}
    for meta in soup.head.find_all("meta"):
        key = meta.get("property") or meta.get("name")
        if key:
            assert key not in found, f"{key} twice"
            found[key] = meta.get("content", "")
    canonical = soup.head.find("link", rel="canonical")
    found["canonical"] = canonical["href"] if canonical else ""
    return found


@pytest.mark.parametrize("path", ["", "topics/livestock-aid", "timeline", "entities/north-korea",
                                  "sources/goats-shipped-to-north-korea", "status", "tags"])
def test_every_page_previews_with_its_title_and_summary(built_site: Path, briefing: Briefing,
                                                        path: str) -> None:
    soup = page(built_site, path)
    tags = head_tags(soup)
    url = BASE + (path + "/" if path else "")
    assert tags["canonical"] == url and tags["og:url"] == url
    title = SETTINGS.title if not path else soup.h1.get_text(strip=True).removesuffix("¶")
    assert tags["og:title"] == tags["twitter:title"] == title
    assert tags["og:description"] == tags["twitter:description"] == tags["description"] != ""
    assert tags["twitter:card"] == "summary"
    assert tags["og:type"] == ("website" if not path else "article")
    if path == "topics/livestock-aid":
        summary = plain_text(briefing.topics["livestock-aid"].summary)
        assert summary.startswith(tags["description"].removesuffix("…"))


def test_preview_tags_carry_markup_as_text(hostile: Path) -> None:
    soup = page(hostile, "topics/shipment")
    tags = head_tags(soup)
    assert tags["og:title"] == f"The shipment {MARKUP}"
    assert tags["og:description"] == f"Alpha sent goats, {MARKUP}"
    assert soup.head.find("b") is None
    assert [m.get("property") or m.get("name") for m in soup.head.find_all("meta")].count("og:title") == 1


def test_sitemap_lists_every_page_under_the_base_url(built_site: Path) -> None:
    root = ET.fromstring((built_site / "sitemap.xml").read_bytes())
    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locations = {loc.text for loc in root.iter(f"{namespace}loc")}
    pages = {BASE + p.parent.relative_to(built_site).as_posix().removeprefix(".") + "/"
             for p in built_site.rglob("index.html") if "search" not in p.parts}
    pages = {p.replace(BASE + "/", BASE) for p in pages}
    assert locations == pages
    assert {BASE + "timeline/", BASE + "tags/", BASE + "topics/livestock-aid/"} <= locations


def test_a_404_page_offers_the_ways_in(built_site: Path) -> None:
    soup = BeautifulSoup((built_site / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert content(soup).h1.get_text() == "Page not found"
    hrefs = {a["href"].removesuffix(".") for a in content(soup).find_all("a")}
    root = urlsplit(BASE).path
    assert {root, root + "timeline/"} <= hrefs


def test_a_site_without_entity_pages_builds_without_broken_links(make_project: MakeProject) -> None:
    root = make_project({"site_config.yml": 'title: "B"\nfeatures:\n  entities: false\n'})
    result = run_briefing("build", "--site", str(root / "site"), cwd=root)  # strict: a broken link fails
    assert result.returncode == 0, result.stderr
    topic = page(root / "site", "topics/shipment")
    assert not [a for a in topic.find_all("a") if "entities/" in a.get("href", "")]
    assert "Alpha" in topic.find(id="beta-denies").get_text()
