"""`briefing new source|topic|fact|entity`: valid entries from flags or prompts, suggested ids,
refused duplicates, and appends that never change a byte already in the file."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from generator.check import check_project
from generator.cli import main
from generator.load import load_file
from tests.conftest import MakeProject

SHIPMENT = "briefings/topics/shipment.yml"


def new(root: Path, *args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(main, ["new", *args, "--root", str(root)], input=input, catch_exceptions=False)


def errors_of(root: Path) -> list[str]:
    return [p.format() for p in check_project(root).errors]


def test_new_source_from_flags_writes_a_valid_file(make_project: MakeProject) -> None:
    root = make_project()
    result = new(root, "source", "--no-input", "--title", "Gamma: 450 goats reached Beta",
                 "--published", "2024-08-20", "--outlet", "Gamma Times", "--url", "https://gamma.example/a",
                 "--archive-url", "https://archive.example.org/gamma")
    assert result.exit_code == 0, result.output
    path = root / "briefings/sources/gamma-450-goats-reached-beta.yml"
    assert "created briefings/sources/gamma-450-goats-reached-beta.yml" in result.stderr
    assert path.read_text() == (
        "# yaml-language-server: $schema=../../schemas/source.schema.json\n"
        'title: "Gamma: 450 goats reached Beta"\n'
        'outlet: "Gamma Times"\n'
        'published: "2024-08-20"\n'
        'url: "https://gamma.example/a"\n'
        'archive_url: "https://archive.example.org/gamma"\n'
        "# optional: author, accessed (see CONTRIBUTING.md)\n")
    assert errors_of(root) == []


def test_new_source_from_prompts_re_asks_until_a_value_is_valid(make_project: MakeProject) -> None:
    root = make_project()
    answers = "\n".join(["Delta report", "2024-13", "2024-09",  # a date not printed in full: how it was found
                         "dated by its archived copy", "", "", "",  # kind (article), outlet, author
                         "ftp://x", "http://delta.example/", "https://web.archive.org/web/2024/http://delta.example/",
                         "2031-02-30", "2024-09-30", ""]) + "\n"
    result = new(root, "source", input=answers)
    assert result.exit_code == 0, result.output
    assert ("Error: '2024-13' is not a real date (month must be in 1..12) (hint: write YYYY-MM-DD"
            in result.output)
    assert "How the date was established (optional, Enter to skip):" in result.output
    assert "Kind (reference: what articles are checked against) (article, reference, statement) [article]:" \
        in result.output
    assert "Error: 'ftp://x' is not an absolute http/https URL" in result.output
    assert "Error: '2031-02-30' is not a real date" in result.output
    assert "Id [delta-report]:" in result.output
    assert load_file(root / "briefings/sources/delta-report.yml").data == {
        "title": "Delta report", "published": "2024-09", "published_note": "dated by its archived copy",
        "url": "http://delta.example/", "archive_url": "https://web.archive.org/web/2024/http://delta.example/",
        "accessed": "2024-09-30"}
    assert errors_of(root) == []


def test_a_reference_source_is_asked_for_its_url_and_the_day_it_was_read(make_project: MakeProject) -> None:
    root = make_project()
    answers = "\n".join(["Goat register", "2024-08-01", "reference", "Registry", "",
                         "", "https://register.example/goats",  # a reference needs its address
                         "", "", "2024-09-01", ""]) + "\n"
    result = new(root, "source", input=answers)
    assert result.exit_code == 0, result.output
    assert result.output.count("\nURL: ") == 2  # no URL: asked again
    assert result.output.count("Accessed (the day you read it, YYYY-MM-DD): ") == 2  # nor the day read
    assert load_file(root / "briefings/sources/goat-register.yml").data == {
        "title": "Goat register", "outlet": "Registry", "published": "2024-08-01", "url": "https://register.example/goats",
        "accessed": "2024-09-01", "kind": "reference"}


def test_new_source_refuses_an_existing_id_and_reports_every_bad_value(make_project: MakeProject) -> None:
    root = make_project()
    before = (root / "briefings/sources/alpha-report.yml").read_bytes()
    result = new(root, "source", "--no-input", "--id", "alpha-report", "--title", "X",
                 "--published", "someday", "--url", "javascript:alert(1)")
    assert result.exit_code == 1
    assert result.stderr == (
        "error: id: source 'alpha-report' already exists (briefings/sources/alpha-report.yml)\n"
        "    hint: choose another id, e.g. 'alpha-report-2'\n"
        "error: published: 'someday' is not a date: write YYYY-MM-DD, YYYY-MM or YYYY\n"
        "    hint: write YYYY-MM-DD, YYYY-MM or YYYY, only as precise as known\n"
        "error: url: 'javascript:alert(1)' is not an absolute http/https URL\n"
        "    hint: only absolute http:// or https:// links are allowed\n"
        "nothing was written\n")
    assert (root / "briefings/sources/alpha-report.yml").read_bytes() == before


TOPIC_WITH_QUIRKS = (
    "# yaml-language-server: $schema=../../schemas/topic.schema.json\n"
    "# A hand-written topic: comments, odd quoting and key order must survive.\n"
    "summary: 'Alpha sent goats to *Beta*.'   # single quotes\n"
    "title: The shipment\n"
    "facts:\n"
    "    -   id: goat-count   # four-space items\n"
    "        claim: >-\n"
    "          Alpha shipped goats\n"
    "          to Beta.\n"
    "        status: reported\n"
    "        cites:\n"
    "          - {source: alpha-report, value: 447, locator: p1}\n"
    "          - source: beta-report\n"
    "            value: \"nearly 450\"\n"
    "            locator: 'p 2'\n"
    "        difference: detail\n"
    "        reconciliation: 447 is the count.\n"
    "\n"
    "    -   id: beta-denies\n"
    "        claim: \"Alpha said Beta paid in arms; Beta denied it.\"\n"
    "        status: alleged\n"
    "        attributed_to: [alpha-country,\n"
    "                        beta-country]\n"
    "        cites: [{source: alpha-report, quote: Beta denied it}]\n"
    "    # a comment about the last fact\n"
    "order: 1\n"
    "# trailing comment\n"
)


def test_new_fact_is_inserted_at_the_end_of_the_list_without_touching_other_bytes(
        make_project: MakeProject) -> None:
    root = make_project({SHIPMENT: TOPIC_WITH_QUIRKS})
    before = (root / SHIPMENT).read_bytes()
    result = new(root, "fact", "--no-input", "--topic", "shipment",
                 "--claim", 'Beta said: "no arms" — #1 \\ NO', "--status", "reported",
                 "--source", "beta-report", "--locator", "paragraph 3", "--source", "alpha-report",
                 "--quote", "", "--quote", "a live shipment", "--date", "2024-09",
                 "--entity", "beta-country", "--tag", "arms")
    assert result.exit_code == 0, result.output
    after = (root / SHIPMENT).read_bytes()
    inserted = (
        b"\n"
        b'    -   id: "beta-said-no-arms-1-no"\n'
        b'        claim: "Beta said: \\"no arms\\" \xe2\x80\x94 #1 \\\\ NO"\n'
        b'        date: "2024-09"\n'
        b'        status: "reported"\n'
        b'        entities: ["beta-country"]\n'
        b'        tags: ["arms"]\n'
        b"        cites:\n"
        b'          - source: "beta-report"\n'
        b'            locator: "paragraph 3"\n'
        b'          - source: "alpha-report"\n'
        b'            quote: "a live shipment"\n')
    cut = before.index(b"    # a comment about the last fact")
    assert after == before[:cut] + inserted + before[cut:]
    assert "added fact 'beta-said-no-arms-1-no' to briefings/topics/shipment.yml at line 26" in result.stderr
    assert errors_of(root) == []
    facts = load_file(root / SHIPMENT).data["facts"]
    assert facts[-1]["claim"] == 'Beta said: "no arms" — #1 \\ NO'
    assert facts[-1]["cites"] == [{"source": "beta-report", "locator": "paragraph 3"},
                                  {"source": "alpha-report", "quote": "a live shipment"}]


@pytest.mark.parametrize(("newline", "final"), [("\n", ""), ("\r\n", "\r\n")])
def test_new_fact_appends_to_files_ending_in_the_list(make_project: MakeProject, newline: str,
                                                      final: str) -> None:
    text = newline.join(['title: "T"', 'summary: "S"', "facts:", "  - id: goat-count", '    claim: "C"',
                         "    status: reported", "    cites:", "      - source: alpha-report"]) + final
    root = make_project({SHIPMENT: text.encode()})
    result = new(root, "fact", "--no-input", "--topic", "shipment", "--claim", "More goats.",
                 "--status", "confirmed", "--source", "beta-report")
    assert result.exit_code == 0, result.output
    after = (root / SHIPMENT).read_bytes()
    added = newline.join(['  - id: "more-goats"', '    claim: "More goats."', '    status: "confirmed"',
                          "    cites:", '      - source: "beta-report"']) + newline
    assert after == text.encode() + (newline.encode() if not final else b"") + added.encode()
    assert [fact["id"] for fact in load_file(root / SHIPMENT).data["facts"]] == ["goat-count", "more-goats"]


def test_new_fact_refusals_name_the_field_and_the_fix(make_project: MakeProject) -> None:
    root = make_project()
    before = (root / SHIPMENT).read_bytes()
    result = new(root, "fact", "--no-input", "--topic", "shipment", "--id", "goat-count",
                 "--claim", "See [this](https://example.org/).", "--status", "alleged",
                 "--source", "alpha-reprt", "--locator", "p1", "--entity", "beta-contry")
    assert result.exit_code == 1
    assert result.stderr == (  # what a field holds is checked first
        "error: status: an alleged fact needs `attributed_to`: who asserts it?\n"
        "    hint: add `attributed_to: [entity-id]`, or choose another status\n"
        "nothing was written\n")
    result = new(root, "fact", "--no-input", "--topic", "shipment", "--id", "goat-count",
                 "--claim", "See [this](https://example.org/).", "--status", "alleged", "--attributed-to",
                 "alpha-country", "--source", "alpha-reprt", "--locator", "p1", "--entity", "beta-contry")
    assert result.exit_code == 1
    assert result.stderr == (  # then the entry as the check reads it, in the file as it would be
        "error: id: fact id 'goat-count' is already used (at briefings/topics/shipment.yml:5)\n"
        "    hint: give this new fact another id; a published id never changes, since readers' links point at it\n"
        "error: source: unknown source 'alpha-reprt'\n"
        "    hint: did you mean 'alpha-report' or 'beta-report'?\n"
        "error: entities: unknown entity 'beta-contry'\n"
        "    hint: did you mean 'beta-country' or 'alpha-country'?\n"
        "nothing was written\n")
    assert (root / SHIPMENT).read_bytes() == before
    result = new(root, "fact", "--no-input", "--topic", "shipmnt", "--claim", "x", "--status", "reported",
                 "--source", "alpha-report")
    assert result.exit_code == 1
    assert "error: --topic: unknown topic 'shipmnt'\n    hint: did you mean 'shipment'?" in result.stderr


def test_new_fact_from_prompts_asks_for_everything_a_cited_fact_needs(make_project: MakeProject) -> None:
    root = make_project()
    answers = "\n".join([
        "shipment", "Alpha says Beta paid in grain.",
        "alpha-reprt", "alpha-report, beta-report",            # sources: a typo, then both
        "paragraph 4", "Beta paid in grain", "grain",          # citation 1: locator, quote, value
        "headline", "", "wheat",                               # citation 2: no quote
        "detail", "Wheat is the grain named.",                 # the values differ: how they relate
        "alleged",                                             # the status
        "2024", "dated by the report",                         # date and how it was established
        "alpha-contry", "alpha-country", "", "beta-country",   # asserted by (a typo), denied by, about
        "grain",                                               # tags
        "",                                                    # the suggested id
    ]) + "\n"
    result = new(root, "fact", input=answers)
    assert result.exit_code == 0, result.output
    assert "Known: alpha-report, beta-report" in result.output
    assert "Known: alpha-country, beta-country" in result.output
    assert "Citation 2: beta-report" in result.output
    assert "The sources give different values (grain, wheat): contradiction" in result.output
    assert "Error: unknown source 'alpha-reprt' (hint: did you mean 'alpha-report' or 'beta-report'?)" \
        in result.output
    assert "Error: unknown entity 'alpha-contry' (hint: did you mean 'alpha-country'" in result.output
    assert "Fact id [alpha-says-beta-paid-in-grain]:" in result.output
    fact = load_file(root / SHIPMENT).data["facts"][-1]
    assert fact == {"id": "alpha-says-beta-paid-in-grain", "claim": "Alpha says Beta paid in grain.",
                    "date": "2024", "date_note": "dated by the report", "status": "alleged",
                    "attributed_to": ["alpha-country"], "entities": ["beta-country"], "tags": ["grain"],
                    "cites": [{"source": "alpha-report", "locator": "paragraph 4", "quote": "Beta paid in grain",
                               "value": "grain"},
                              {"source": "beta-report", "locator": "headline", "value": "wheat"}],
                    "difference": "detail", "reconciliation": "Wheat is the grain named."}
    assert errors_of(root) == []


def test_contradicting_values_make_disputed_the_status_offered_and_required(make_project: MakeProject) -> None:
    root = make_project()
    answers = "\n".join(["shipment", "Beta says it paid nothing.", "alpha-report, beta-report",
                         "p1", "", "paid", "p2", "", "nothing",
                         "contradiction",
                         "reported", "",                      # refused: the default, disputed, is taken
                         "", "", "", "", "", ""]) + "\n"
    result = new(root, "fact", input=answers)
    assert result.exit_code == 0, result.output
    assert "Status (confirmed, reported, alleged, disputed) [disputed]: reported\n" \
           "Error: the sources contradict each other, so the fact is disputed (hint: choose disputed" in result.output
    fact = load_file(root / SHIPMENT).data["facts"][-1]
    assert (fact["status"], fact["difference"]) == ("disputed", "contradiction")
    assert errors_of(root) == []


def test_more_quotes_than_sources_are_refused_and_nothing_is_written(make_project: MakeProject) -> None:
    root = make_project()
    before = (root / SHIPMENT).read_bytes()
    result = new(root, "fact", "--no-input", "--topic", "shipment", "--claim", "More goats.", "--status",
                 "reported", "--source", "alpha-report", "--quote", "a live shipment", "--quote", "of 447 goats",
                 "--locator", "p1", "--locator", "p2", "--locator", "p3")
    assert result.exit_code == 1
    assert result.stderr == (
        "error: --locator: given 3 times for 1 --source\n"
        "    hint: give at most one --locator per --source, in the same order ('' skips one)\n"
        "error: --quote: given 2 times for 1 --source\n"
        "    hint: give at most one --quote per --source, in the same order ('' skips one)\n"
        "nothing was written\n")
    assert (root / SHIPMENT).read_bytes() == before


def test_new_fact_takes_a_date_note_and_the_same_id_flag_as_every_command(make_project: MakeProject) -> None:
    root = make_project()
    result = new(root, "fact", "--no-input", "--topic", "shipment", "--id", "gamma-goats", "--claim",
                 "Gamma counted goats.", "--status", "reported", "--source", "alpha-report", "--locator", "p 9",
                 "--date", "2024-08", "--date-note", "dated by the report's own words")
    assert result.exit_code == 0, result.output
    fact = load_file(root / SHIPMENT).data["facts"][-1]
    assert (fact["id"], fact["date_note"]) == ("gamma-goats", "dated by the report's own words")


def test_an_entry_the_check_would_refuse_is_not_written(make_project: MakeProject) -> None:
    root = make_project()
    before = (root / SHIPMENT).read_bytes()
    result = new(root, "fact", "--no-input", "--topic", "shipment", "--claim", "More goats.", "--status", "reported",
                 "--source", "alpha-report", "--locator", "p1", "--value", "12", "--source", "beta-report",
                 "--locator", "p2", "--value", "15")
    assert result.exit_code == 1
    assert result.stderr == (
        "error: value: the citations give different values ('12', '15') but the fact does not say how they relate\n"
        "    hint: add `difference: contradiction` (they cannot all be true) or `difference: detail` with a "
        "`reconciliation` (rounding, precision, wording)\n"
        "nothing was written\n")
    assert (root / SHIPMENT).read_bytes() == before
    result = new(root, "fact", "--no-input", "--topic", "shipment", "--claim", "More goats.", "--status", "disputed",
                 "--source", "alpha-report", "--locator", "p1")
    assert "error: status: a disputed fact needs sources that contradict each other or a party that denies it" \
        in result.stderr


def test_new_judgment_appends_a_checked_judgment(make_project: MakeProject) -> None:
    root = make_project()
    args = ["judgment", "--no-input", "--question", "Were the goats aid?", "--judgment", "Alpha sent them as aid.",
            "--likelihood", "likely", "--confidence", "low", "--basis", "One report.", "--supports", "goat-count",
            "--topic", "shipment", "--gap", "Who paid for the transport.", "--reviewed", "2024-09-01"]
    result = new(root, *args)
    assert result.exit_code == 0, result.output
    assert "added judgment 'were-the-goats-aid' to briefings/judgments.yml" in result.stderr
    assert load_file(root / "briefings/judgments.yml").data == [{
        "id": "were-the-goats-aid", "question": "Were the goats aid?", "judgment": "Alpha sent them as aid.",
        "likelihood": "likely", "confidence": "low", "basis": "One report.", "supports": ["goat-count"],
        "topics": ["shipment"], "gaps": ["Who paid for the transport."], "reviewed": "2024-09-01",
        "history": [{"date": "2024-09-01", "change": "First made."}]}]
    assert errors_of(root) == []
    second = new(root, *[a if a != "Were the goats aid?" else "Was it payment?" for a in args])
    assert second.exit_code == 0, second.output
    assert [j["id"] for j in load_file(root / "briefings/judgments.yml").data] == [
        "were-the-goats-aid", "was-it-payment"]
    refused = new(root, "judgment", "--no-input", "--question", "Q?", "--judgment", "J.", "--likelihood",
                  "likely", "--confidence", "low", "--basis", "B.", "--supports", "goat-cont")
    assert refused.exit_code == 1
    assert "error: supports: unknown fact 'goat-cont'\n    hint: did you mean 'goat-count'?" in refused.stderr
    wordy = new(root, "judgment", "--no-input", "--question", "Q?", "--judgment", "Alpha very likely sent aid.",
                "--likelihood", "likely", "--confidence", "low", "--basis", "B.", "--supports", "goat-count")
    assert "error: judgment: the judgment says 'very likely', but its likelihood is 'likely'" in wordy.stderr


def test_new_topic_writes_a_file_with_its_first_fact(make_project: MakeProject) -> None:
    root = make_project()
    result = new(root, "topic", "--no-input", "--title", "Payment in arms", "--summary",
                 "Who says *what* about the payment.", "--claim", "Alpha said Beta paid in arms.",
                 "--status", "alleged", "--attributed-to", "alpha-country", "--denied-by", "beta-country",
                 "--source", "alpha-report", "--source", "beta-report")
    assert result.exit_code == 0, result.output
    assert (root / "briefings/topics/payment-in-arms.yml").read_text() == (
        "# yaml-language-server: $schema=../../schemas/topic.schema.json\n"
        'title: "Payment in arms"\n'
        'summary: "Who says *what* about the payment."\n'
        "order: 2\n"
        "facts:\n"
        '  - id: "alpha-said-beta-paid-in-arms"\n'
        '    claim: "Alpha said Beta paid in arms."\n'
        '    status: "alleged"\n'
        '    attributed_to: ["alpha-country"]\n'
        '    denied_by: ["beta-country"]\n'
        "    cites:\n"
        '      - source: "alpha-report"\n'
        '      - source: "beta-report"\n')
    assert "next: add facts with `briefing new fact --topic payment-in-arms`" in result.stderr
    assert errors_of(root) == []
    again = new(root, "topic", "--no-input", "--id", "shipment", "--title", "T", "--summary", "S",
                "--claim", "C", "--status", "reported", "--source", "alpha-report")
    assert again.exit_code == 1
    assert "error: id: topic 'shipment' already exists (briefings/topics/shipment.yml)" in again.stderr


def test_new_entity_is_appended_to_entities_yml(make_project: MakeProject) -> None:
    root = make_project()
    before = (root / "briefings/entities.yml").read_bytes()
    result = new(root, "entity", "--no-input", "--name", "Gamma Shipping Co.", "--kind", "organization",
                 "--description", "Carried the goats")
    assert result.exit_code == 0, result.output
    assert (root / "briefings/entities.yml").read_bytes() == before + (
        b'gamma-shipping-co:\n  name: "Gamma Shipping Co."\n  kind: "organization"\n'
        b'  description: "Carried the goats"\n')
    assert errors_of(root) == []
    again = new(root, "entity", "--no-input", "--name", "Alpha", "--kind", "country", "--id", "alpha-country")
    assert again.exit_code == 1
    assert "error: id: entity 'alpha-country' already exists" in again.stderr


def test_new_fact_refuses_unsafe_links_and_bad_dates(make_project: MakeProject) -> None:
    result = new(make_project(), "fact", "--no-input", "--topic", "shipment", "--status", "reported",
                 "--claim", "See [this](javascript:alert(1)).", "--date", "2024-02-30",
                 "--source", "alpha-report")
    assert result.exit_code == 1
    assert result.stderr == (
        "error: claim: link target 'javascript:alert(1)' is not an absolute http/https URL\n"
        "    hint: only absolute http:// or https:// links are allowed\n"
        "error: date: '2024-02-30' is not a real date (day is out of range for month)\n"
        "    hint: write YYYY-MM-DD, YYYY-MM or YYYY, only as precise as known\n"
        "nothing was written\n")


def test_no_input_names_the_missing_flag(make_project: MakeProject) -> None:
    result = new(make_project(), "source", "--no-input", "--published", "2024")
    assert result.exit_code == 2
    assert "missing --title (there are no prompts under --no-input)" in result.stderr


def test_new_judgment_asks_for_topics_gaps_indicators_and_its_first_history(make_project: MakeProject) -> None:
    root = make_project()
    answers = "\n".join(["Were the goats aid?", "Alpha sent them as aid.", "", "", "One report.",
                         "goat-count", "", "shiptment", "shipment",   # topics: a typo, then the topic
                         "Who paid for the transport.", "Whether more were sent.", "",   # two gaps
                         "A second shipment.", "",                    # one indicator
                         "2024-09-01", "", ""]) + "\n"
    result = new(root, "judgment", input=answers)
    assert result.exit_code == 0, result.output
    assert "Error: unknown topic 'shiptment' (hint: did you mean 'shipment'?)" in result.output
    assert "What we do not know that would matter: gap 2 (optional, Enter to skip):" in result.output
    assert "First history entry [First made.]:" in result.output
    assert load_file(root / "briefings/judgments.yml").data == [{
        "id": "were-the-goats-aid", "question": "Were the goats aid?", "judgment": "Alpha sent them as aid.",
        "likelihood": "likely", "confidence": "moderate", "basis": "One report.", "supports": ["goat-count"],
        "topics": ["shipment"], "gaps": ["Who paid for the transport.", "Whether more were sent."],
        "indicators": ["A second shipment."], "reviewed": "2024-09-01",
        "history": [{"date": "2024-09-01", "change": "First made."}]}]
    assert errors_of(root) == []


def test_a_refused_entry_keeps_every_answer_as_a_command_line(make_project: MakeProject) -> None:
    root = make_project()
    answers = "\n".join(["Was it paid for?", "Beta paid in arms.", "", "high", "Alpha's word.",
                         "beta-denies", "", "", "", "", "2024-09-01", "", ""]) + "\n"
    result = new(root, "judgment", input=answers)
    assert result.exit_code == 1
    assert result.stderr.endswith(
        "nothing was written\n"
        "your answers are kept: correct the one refused in this command and run it\n"
        "  briefing new judgment --no-input --question 'Was it paid for?' --judgment 'Beta paid in arms.' "
        "--likelihood likely --confidence high --basis 'Alpha'\"'\"'s word.' --supports beta-denies "
        "--reviewed 2024-09-01 --history 'First made.' --id was-it-paid\n")
    assert "error: confidence: high confidence needs at least one supporting fact" in result.stderr
    command = shlex.split(result.stderr.splitlines()[-1])[3:]
    rerun = new(root, "judgment", *["moderate" if part == "high" else part for part in command])
    assert rerun.exit_code == 0, rerun.output
    assert load_file(root / "briefings/judgments.yml").data[0]["confidence"] == "moderate"


def test_the_likelihood_a_judgment_says_is_offered_and_no_other_accepted(make_project: MakeProject) -> None:
    root = make_project()
    answers = "\n".join(["Were the goats aid?", "Alpha very likely sent them as aid.", "likely", "",
                         "", "Two reports.", "goat-count", "", "", "", "", "2024-09-01", "", ""]) + "\n"
    result = new(root, "judgment", input=answers)
    assert result.exit_code == 0, result.output
    assert ("[very-likely]: likely\nError: the judgment says 'very likely', but this likelihood is 'likely' (hint: "
            "choose the likelihood the judgment's words say") in result.output
    assert load_file(root / "briefings/judgments.yml").data[0]["likelihood"] == "very-likely"
