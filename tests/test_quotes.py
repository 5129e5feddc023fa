"""Quote verification and own-words checks: `briefing check --archive DIR` (generator/quotes.py).

Every archive here is written by the test itself; the one test that reads the real
articles in ../shared/articles skips when that folder is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.quotes import (
    SHARED_RUN_WORDS,
    closest_passage,
    html_text,
    markdown_text,
    normalise,
    quote_found,
    shared_run,
)
from tests.conftest import ARTICLES

ARTICLE = (
    "Russia has sent 447 goats to North Korea \u2014 the first of several deliveries, officials said. "
    "\u201cThis is a gift of friendship,\u201d the ambassador\u2019s office said in a statement on Tuesday, "
    "adding that the animals came from the Leningrad region.\n\n"
    "The shipment follows the treaty signed in June, which covers agriculture, education and tourism."
)

TOPIC = """\
title: "The shipment"
summary: "Goats went north, the sources say."
facts:
  - id: goat-count
    claim: "Russia sent goats to North Korea."
    status: reported
    cites:
      - source: alpha-report
        quote: {quote}
      - source: beta-report
"""
QUOTE_AT = "briefings/topics/shipment.yml:9:16"
CLAIM_AT = "briefings/topics/shipment.yml:5:12"
SUMMARY_AT = "briefings/topics/shipment.yml:2:10"


def check(root: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", "--root", str(root), *args], catch_exceptions=False)
    return result.exit_code, result.stderr


@pytest.fixture
def project(make_project):
    def build(quote: str = '"447 goats to North Korea"', claim: str | None = None,
             summary: str | None = None) -> Path:
        topic = TOPIC.format(quote=quote)
        if claim is not None:
            topic = topic.replace('"Russia sent goats to North Korea."', claim)
        if summary is not None:
            topic = topic.replace('"Goats went north, the sources say."', summary)
        return make_project({"briefings/topics/shipment.yml": topic})
    return build


def archive(tmp_path: Path, texts: dict[str, str]) -> Path:
    folder = tmp_path / "archive"
    folder.mkdir(exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


# -- what counts as the same words --------------------------------------------------

@pytest.mark.parametrize("quote", [
    "447 goats to North Korea",
    "447   goats\nto North\tKorea",                                   # whitespace
    "North Korea - the first of several",                              # em dash as a hyphen
    "North Korea--the first".replace("--", "\u2013"),                  # en dash, no spaces
    '"This is a gift of friendship," the ambassador\'s office said',   # straight for curly
    "the ambassador\u2018s office",                                    # another curly apostrophe
    "The shipment follows the treaty",                                 # across a paragraph break
])
def test_quotes_match_despite_whitespace_quote_marks_and_dashes(quote: str) -> None:
    assert quote_found(quote, ARTICLE)


@pytest.mark.parametrize("quote", [
    "447 Goats to North Korea",                 # case
    "447 goats to north Korea",
    "450 goats to North Korea",                 # a figure
    "447 goats to North Korea, the first",      # punctuation that is not there
    "goats to North Korea the first",           # punctuation that is there, dropped
    "447 goats \u2026 the first",               # an elision
    "447 goats to Korea",                       # a word left out
    "a gift of friendship,\u201d the ambassadors office",  # an apostrophe dropped
])
def test_quotes_must_otherwise_match_exactly(quote: str) -> None:
    assert not quote_found(quote, ARTICLE)


def test_normalise_changes_only_whitespace_quote_marks_and_dashes() -> None:
    assert normalise("  a\u00a0\u2018b\u2019 \u201cc\u201d  d \u2014 e\u2212f\n") == "a 'b' \"c\" d-e-f"
    assert normalise("Ünïcödé, «guillemets» and … stay") == "Ünïcödé, «guillemets» and … stay"


def test_the_closest_passage_is_the_run_of_words_most_like_the_quote() -> None:
    assert closest_passage("sent 446 goats to North Korea", ARTICLE) == "sent 447 goats to North Korea"
    assert closest_passage("signed in July", ARTICLE) == "signed in June,"
    assert closest_passage("anything", "") == ""


def test_html_archives_are_read_as_the_text_a_reader_sees() -> None:
    page = ("<html><head><title>T</title><style>p{}</style><script>var secret = 'hidden words';</script>"
            "</head><body><p>A <b>live</b> shipment&nbsp;of 447&#x20;goats</p><p>Next</p>"
            "<p>it&rsquo;s here<br>now</p></body></html>")
    text = html_text(page)
    assert quote_found("A live shipment of 447 goats", text)
    assert quote_found("it's here now", text)
    assert not quote_found("hidden words", text)
    assert not quote_found("goats Next", text.replace("\n", ""))  # blocks stay apart
    assert not quote_found("p{}", text)


def test_an_html_archive_without_its_optional_end_tags_is_still_read() -> None:
    text = html_text("<html><head><title>T</title><meta charset=utf-8><body><p>First<p>Second &amp; third")
    assert quote_found("First", text) and quote_found("Second & third", text)
    assert not quote_found("FirstSecond", text)


def test_markdown_archives_are_read_without_their_markup() -> None:
    text = markdown_text("# Headline\n\nA **live** shipment of [447 goats](https://x.org).\n\n- item one\n")
    assert quote_found("A live shipment of 447 goats.", text)
    assert quote_found("Headline", text)
    assert not quote_found("**live**", text)


def test_shared_runs_count_words_and_ignore_case_and_punctuation() -> None:
    source = " ".join(f"w{i}" for i in range(30))
    eleven = " ".join(f"W{i}," for i in range(5, 16))
    twelve = " ".join(f"w{i}" for i in range(5, 17))
    assert shared_run(eleven, source) == []
    assert shared_run(f"Mine: {twelve}, and more.", source) == [f"w{i}" for i in range(5, 17)]
    longest = shared_run(f"{twelve} x {' '.join(f'w{i}' for i in range(0, 15))}", source)
    assert longest == [f"w{i}" for i in range(0, 15)]
    assert SHARED_RUN_WORDS == 12


# -- the command --------------------------------------------------------------------

def test_without_archive_check_says_quotes_were_not_verified(project) -> None:
    code, err = check(project())
    assert code == 0
    assert "quotes were not verified (pass --archive DIR to check them against the sources)" in err


def test_every_quote_found_in_its_archived_text_passes(project, tmp_path: Path) -> None:
    folder = archive(tmp_path, {"alpha-report.txt": ARTICLE})
    code, err = check(project(), "--archive", str(folder))
    assert code == 0, err
    assert "quotes: 1 verified, 0 not found in their source, 0 not checked (no archived text)" in err
    assert ": error: " not in err


def test_a_quote_not_in_the_source_is_an_error_at_its_line_with_the_closest_passage(
        project, tmp_path: Path) -> None:
    folder = archive(tmp_path, {"alpha-report.txt": ARTICLE})
    code, err = check(project('"Russia has sent 450 goats to North Korea"'), "--archive", str(folder))
    assert code == 1
    assert (f"{QUOTE_AT}: error: quote not found in the archived text of 'alpha-report' (alpha-report.txt)\n"
            "    hint: the closest passage is “Russia has sent 447 goats to North Korea”; copy the quote "
            "exactly (only whitespace, curly quotes and dashes may differ)") in err
    assert "quotes: 0 verified, 1 not found in their source" in err


@pytest.mark.parametrize("suffix, body", [
    (".md", "# Goats\n\nRussia has sent **447 goats** to North Korea.\n"),
    (".html", "<article><h1>Goats</h1><p>Russia has sent <em>447 goats</em> to North&nbsp;Korea.</p>"
              "<script>x()</script></article>"),
])
def test_markdown_and_html_archives_are_verified_too(project, tmp_path: Path, suffix: str, body: str) -> None:
    folder = archive(tmp_path, {f"alpha-report{suffix}": body})
    code, err = check(project(), "--archive", str(folder))
    assert code == 0, err
    assert "quotes: 1 verified" in err
    code, err = check(project('"447 goats to South Korea"'), "--archive", str(folder))
    assert code == 1
    assert (f"{QUOTE_AT}: error: quote not found in the archived text of 'alpha-report' "
            f"(alpha-report{suffix})") in err
    assert "the closest passage is “447 goats to North Korea.”" in err


def test_a_source_without_archived_text_is_a_located_warning(project, tmp_path: Path) -> None:
    folder = archive(tmp_path, {"beta-report.txt": "Unrelated."})
    code, err = check(project(), "--archive", str(folder))
    assert code == 0
    assert (f"{QUOTE_AT}: warning: 1 quote from 'alpha-report' not verified: no archived text\n"
            f"    hint: save the source's text as {folder}/alpha-report.txt (or .md, .html); see CONTRIBUTING.md, "
            "\"Archived texts\"\n") in err
    assert "quotes: 0 verified, 0 not found in their source, 1 not checked (no archived text)" in err
    code, _ = check(project(), "--archive", str(folder), "--strict")
    assert code == 1


def test_a_source_without_archived_text_is_summarised_in_one_line(project, tmp_path: Path) -> None:
    root = project()
    more = TOPIC.format(quote='"447 goats"').replace("goat-count", "more-goats").replace(
        "      - source: beta-report\n", '      - source: alpha-report\n        quote: "North Korea"\n')
    (root / "briefings/topics/more.yml").write_text(more)
    code, err = check(root, "--archive", str(archive(tmp_path, {"beta-report.txt": "Unrelated."})))
    assert code == 0, err
    warnings = [line for line in err.splitlines() if "not verified" in line]
    assert warnings == ["briefings/topics/more.yml:9:16: warning: 3 quotes from 'alpha-report' not verified: no "
                        "archived text"]  # three citations in two topics: one line, at the first


def test_an_archive_where_no_file_matches_a_source_is_an_error(project, tmp_path: Path) -> None:
    folder = archive(tmp_path, {"Alpha Report.txt": ARTICLE, "notes.md": "x"})
    code, err = check(project(), "--archive", str(folder))
    assert code == 1
    assert (f"{folder}:1:1: error: no file in the archive folder matches a source (it holds Alpha Report.txt, "
            "notes.md…)\n    hint: name each archived text after its source's id: <source-id>.txt, .md or .html "
            "(e.g. alpha-report.txt)") in err
    assert "quotes: 0 verified, 0 not found in their source, 1 not checked (no archived text)" in err


def test_a_missing_archive_folder_is_a_usage_error(project, tmp_path: Path) -> None:
    code, err = check(project(), "--archive", str(tmp_path / "nowhere"))
    assert code == 2
    assert "does not exist" in err


def test_a_briefing_with_errors_is_not_verified(project, tmp_path: Path) -> None:
    folder = archive(tmp_path, {"alpha-report.txt": ARTICLE})
    code, err = check(project("yes"), "--archive", str(folder))
    assert code == 1
    assert f"{QUOTE_AT}: error: expected text, but YAML reads 'yes' as a boolean" in err
    assert "quotes were not verified: fix the errors above first" in err


COPIED = "the first of several deliveries, officials said. This is a gift of friendship"  # 13 words
ELEVEN = "the first of several deliveries, officials said. This is a gift"  # 11 words


def test_a_claim_copied_from_its_source_is_a_warning_at_the_claim(project, tmp_path: Path) -> None:
    folder = archive(tmp_path, {"alpha-report.txt": ARTICLE})
    code, err = check(project(claim=f'"It was {COPIED}."'), "--archive", str(folder))
    assert code == 0
    assert (f"{CLAIM_AT}: warning: claim shares 13 words in a row with 'alpha-report': "
            "“the first of several deliveries officials said this is a gift of friendship”\n"
            "    hint: write the claim in the project's own words; put copied words in a citation's `quote`"
            ) in err
    code, _ = check(project(claim=f'"It was {COPIED}."'), "--archive", str(folder), "--strict")
    assert code == 1


def test_eleven_shared_words_are_the_projects_own_words(project, tmp_path: Path) -> None:
    folder = archive(tmp_path, {"alpha-report.txt": ARTICLE})
    code, err = check(project(claim=f'"It was {ELEVEN}, we read."'), "--archive", str(folder))
    assert code == 0
    assert "shares" not in err


def test_a_copied_summary_is_a_warning_at_the_summary(project, tmp_path: Path) -> None:
    folder = archive(tmp_path, {"beta-report.txt": ARTICLE, "alpha-report.txt": "447 goats to North Korea"})
    summary = ('"The shipment follows the treaty signed in June, which covers agriculture, education '
               'and more."')
    code, err = check(project(summary=summary), "--archive", str(folder))
    assert (f"{SUMMARY_AT}: warning: summary shares 13 words in a row with 'beta-report': "
            "“the shipment follows the treaty signed in june which covers agriculture education and”") in err
    assert code == 0


def test_copying_from_a_source_the_fact_does_not_cite_is_not_reported(project, tmp_path: Path) -> None:
    folder = archive(tmp_path, {"alpha-report.txt": "447 goats to North Korea"})
    (folder / "unrelated.txt").write_text(ARTICLE, encoding="utf-8")
    code, err = check(project(claim=f'"It was {COPIED}."'), "--archive", str(folder))
    assert code == 0
    assert "shares" not in err


@pytest.mark.skipif(not ARTICLES.is_dir(), reason=f"the shared articles folder {ARTICLES} is absent")
def test_real_articles_verify_a_copied_quote_and_flag_a_copied_claim(project, tmp_path: Path) -> None:
    article = sorted(ARTICLES.glob("*.txt"))[0].read_text(encoding="utf-8")
    words = article.split()
    quote = " ".join(words[40:60]).replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    claim = " ".join(words[80:96])
    folder = archive(tmp_path, {"alpha-report.txt": article})
    topic_quote = '"' + quote.replace("\\", "\\\\").replace('"', '\\"') + '"'
    topic_claim = '"' + claim.replace("\\", "\\\\").replace('"', '\\"') + '"'
    code, err = check(project(topic_quote, claim=topic_claim), "--archive", str(folder))
    assert "quotes: 1 verified, 0 not found" in err, err
    assert f"{CLAIM_AT}: warning: claim shares" in err
    code, err = check(project('"' + quote.replace('"', "") + ' and more"'), "--archive", str(folder))
    assert code == 1
    assert f"{QUOTE_AT}: error: quote not found" in err
