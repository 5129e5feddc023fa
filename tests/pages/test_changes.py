"""What the history shows on the pages (generator/pages/changes.py, the dates in views and topics,
templates/changes.md.j2, corrections.md.j2): each fact's record, a topic's last update, "What's
new" by day and the corrections page. Read from tests/cases/exports-truth built from a git
repository of four dated commits (tests/history_case.py), and from cases without history."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from generator.generate import generate
from tests.conftest import copy_project_frame
from tests.exports.conftest import HOSTILE
from tests.gitrepo import commit, git
from tests.history_case import FIRST, markup_in_history
from tests.pages.conftest import Site, make_site
from tests.pages.shapes import shape_files

TOPIC = "topics/shipment.md"
CHANGES = "changes.md"
CORRECTIONS = "corrections.md"


def record(site: Site, fact_id: str) -> str | None:
    article = site.page(TOPIC).find("article", id=fact_id)
    assert article is not None
    line = article.select_one("p.bf-record")
    return line.get_text() if line else None


def items(soup: BeautifulSoup | Tag) -> list[Tag]:
    return [li for ul in soup.find_all("ul", recursive=False) for li in ul.find_all("li", recursive=False)]


def days(soup: BeautifulSoup) -> dict[str, list[Tag]]:
    """Each day's heading text -> the changes listed under it."""
    found: dict[str, list[Tag]] = {}
    for heading in soup.find_all("h2"):
        listed = heading.find_next_sibling()
        assert listed is not None and listed.name == "ul", heading
        found[heading.get_text().rstrip("¶")] = listed.find_all("li", recursive=False)
    return found


def said(item: Tag) -> tuple[str, list[str]]:
    """A change as a reader reads it: its first line (what, to which fact or judgment) and what
    changed beneath it."""
    nested = item.find("ul")
    details = [li.get_text() for li in nested.find_all("li")] if nested else []
    if nested:
        nested.extract()
    return " ".join(item.get_text().split()), details


# --------------------------------------------------------------------------- each record's dates

def test_each_fact_says_when_it_was_added_and_last_updated(history: Site) -> None:
    assert record(history, "goat-count") == "Added 20 November 2026"
    assert record(history, "port-founded") == "Added 20 November 2026 · Updated 2 December 2026"
    assert record(history, "goats-were-sheep") == "Added 20 November 2026 · Withdrawn 1 December 2026"


def test_the_topic_page_says_when_it_last_changed(history: Site) -> None:
    """The newest change of its facts (2 December) or of the judgment it opens with (3 December)."""
    (line,) = history.page(TOPIC).select("p.bf-updated")
    assert line.get_text() == "Last updated 3 December 2026"


def test_the_judgments_page_says_when_each_was_added_and_revised(history: Site) -> None:
    lines = [p.get_text(" ", strip=True) for p in history.page("judgments.md").select("p.bf-reviewed")]
    assert lines == ["Reviewed 3 December 2026. Added 20 November 2026. Revised 3 December 2026. On the home page",
                     "Reviewed 25 November 2026. Added 20 November 2026. On the home page"]


@pytest.mark.parametrize("fixture", ["case", "minimal"])
def test_without_history_no_date_of_change_shows(fixture: str, request: pytest.FixtureRequest) -> None:
    site: Site = request.getfixturevalue(fixture)
    for uri in [u for u in site.generated.pages if u.startswith("topics/")] + ["judgments.md"]:
        if uri not in site.generated.files:
            continue
        soup = site.page(uri)
        assert soup.select(".bf-record, .bf-updated") == [], uri
        assert "Added " not in soup.get_text() and "Last updated" not in soup.get_text(), uri


# --------------------------------------------------------------------------- What's new

def test_whats_new_lists_the_changes_by_day_newest_first(history: Site) -> None:
    listed = {day: [said(item)[0] for item in changes] for day, changes in days(history.page(CHANGES)).items()}
    assert list(listed) == ["3 December 2026", "2 December 2026", "1 December 2026", "20 November 2026"]
    assert listed["3 December 2026"] == ["Key judgment revised: Were the goats aid rather than payment?"]
    assert listed["2 December 2026"] == [
        "Fact changed: The port of Rason was opened to foreign ships in 1991. View fact",
        "Correction, 2 December 2026: The year was 1991, not 1993 as this fact first said; one report got it "
        "wrong. View fact"]
    assert listed["1 December 2026"] == [
        "Fact withdrawn: Withdrawn: every source says goats; the fact misread a photo caption. View fact",
        "Correction, 1 December 2026: Withdrawn: the animals were goats. View fact"]
    assert listed["20 November 2026"] == [
        "Key judgment added: Were the goats aid rather than payment?",
        "Key judgment added: Will more livestock follow?",
        "Fact added: Reported Alpha shipped 447 goats to Beta. View fact",
        "Fact added: Disputed The goats were unloaded at a Beta port; the reports name different ports. View fact",
        "Fact added: Reported Beta built 010 pens for the goats at the port. View fact",
        "Fact added: Confirmed The port of Rason was opened to foreign ships in 1991. View fact",
        "Fact added: The animals shipped were sheep. View fact",  # since withdrawn: no status
        "Fact added: Alleged Alpha said Beta paid in arms; Beta denied it. View fact"]


def test_a_change_says_what_changed_before_and_after(history: Site) -> None:
    listed = days(history.page(CHANGES))
    assert said(listed["2 December 2026"][0])[1] == [
        "claim: The port of Rason was opened to foreign ships in 1993. → The port of Rason was opened to foreign "
        "ships in 1991.", "date: 1993 → 1991"]
    assert said(listed["3 December 2026"][0])[1] == ["likelihood: roughly even chance → likely"]
    assert said(listed["1 December 2026"][0])[1] == ["The withdrawn text read: The animals shipped were sheep."]


def test_every_change_links_to_its_fact_or_judgment(history: Site) -> None:
    targets = []
    for changes in days(history.page(CHANGES)).values():
        for item in changes:
            link = item.select_one("a.bf-factlink") or item.find("a", href=lambda h: "judgments.md#" in h)
            uri, element = history.target(CHANGES, link["href"])
            targets.append((uri, element.get("id")))
    assert targets[:5] == [("judgments.md", "goats-were-aid"), (TOPIC, "port-founded"), (TOPIC, "port-founded"),
                           (TOPIC, "goats-were-sheep"), (TOPIC, "goats-were-sheep")]
    assert len(targets) == 13


def test_whats_new_is_in_the_navigation_and_linked_from_home(history: Site, minimal: Site) -> None:
    labels = [next(iter(entry)) for entry in history.generated.nav]
    assert labels[:3] == ["Home", "Key judgments", "What's new"]
    assert [next(iter(entry)) for entry in minimal.generated.nav][:2] == ["Home", "What's new"]
    section = history.page("index.md").find("h2", id="reuse_briefing").find_next_sibling("ul")
    links = {a.get_text(): history.target("index.md", a["href"])[0] for a in section.find_all("a")
             if a["href"].endswith(".md")}
    assert (links["What's new"], links["Corrections"]) == (CHANGES, CORRECTIONS)
    assert "an Atom feed of the briefing's changes" in section.get_text()
    assert "the dated facts, corrections and key judgments" in minimal.page("index.md").get_text()


def test_without_history_whats_new_lists_the_corrections_and_says_why(case: Site, minimal: Site) -> None:
    soup = case.page(CHANGES)
    assert "built without its history" in soup.select_one("p.bf-lede").get_text()
    listed = {day: [said(item)[0] for item in changes] for day, changes in days(soup).items()}
    assert listed == {"2 September 2024": [
        "Correction, 2 September 2024: The opening year now follows the port authority, not the report. View fact"]}
    assert minimal.page(CHANGES).select_one("p.bf-empty").get_text() == "No change to tell yet."


def test_text_from_the_history_shows_as_text(tmp_path: Path) -> None:
    site = make_site(markup_in_history(tmp_path / "project", HOSTILE))
    item = days(site.page(CHANGES))["5 December 2026"][0]
    first, details = said(item)
    assert details == [f"claim: Port A {HOSTILE} → Port B {HOSTILE}"]
    assert first == f"Fact changed: Port B {HOSTILE} View fact"
    assert item.find(["script", "b"]) is None and not item.find(attrs={"onclick": True})


# --------------------------------------------------------------------------- corrections

def test_the_corrections_page_lists_every_correction_newest_first(history: Site) -> None:
    soup = history.page(CORRECTIONS)
    listed = [said(item) for item in items(soup)]
    assert listed == [
        ("Correction, 2 December 2026: The year was 1991, not 1993 as this fact first said; one report got it wrong. "
         "View fact", ["The fact now reads: The port of Rason was opened to foreign ships in 1991."]),
        ("Correction, 1 December 2026: Withdrawn: the animals were goats. View fact",
         ["The withdrawn text read: The animals shipped were sheep."])]
    links = [history.target(CORRECTIONS, a["href"]) for a in soup.select("li a.bf-factlink")]
    assert [(uri, element["id"]) for uri, element in links] == [(TOPIC, "port-founded"), (TOPIC, "goats-were-sheep")]


def test_a_briefing_without_corrections_says_so(minimal: Site) -> None:
    assert minimal.page(CORRECTIONS).select_one("p.bf-empty").get_text() == "No fact has been corrected."


# --------------------------------------------------------------------------- long lists

@pytest.fixture(scope="module")
def split_history(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """Two topics of four facts, published in one commit, every list split at three."""
    root = copy_project_frame(tmp_path_factory.mktemp("split-history") / "project")
    for rel, text in shape_files(topics=2, facts=4, list_page_facts=3).items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    commit(root, "The briefing first published", FIRST)
    return Site(root, generate(root))


def test_a_long_list_of_changes_goes_on_over_numbered_pages(split_history: Site) -> None:
    uris = [CHANGES, "changes_page-2.md", "changes_page-3.md"]
    assert [u for u in split_history.generated.pages if u.startswith("changes")] == uris
    listed = []
    for uri in uris:
        soup = split_history.page(uri)
        assert soup.h1.get_text().startswith(f"What's new (page {uris.index(uri) + 1} of 3)")
        pager = soup.select_one("p.bf-pager")
        assert [split_history.target(uri, a["href"])[0] for a in pager.find_all("a")] == [u for u in uris if u != uri]
        (changes,) = days(soup).values()  # one day, its heading on every page
        assert len(changes) <= 3
        listed += [item.select_one("a.bf-factlink")["href"].rpartition("#")[2] for item in changes]
    assert listed == [f"t{topic}-f{number}" for topic in range(2) for number in range(4)]
