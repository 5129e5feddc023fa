"""`briefing check` as a contributor meets it: one broken input per rule of the format, each
reported at its exact file, line and column with a hint saying how to fix it; errors first, then
warnings, then a summary by kind; exit codes for errors, warnings and --strict; --errors-only;
the project found from a subfolder; GitHub workflow annotations under GitHub Actions."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from generator.cli import main
from tests.conftest import MakeProject

TOPIC = "briefings/topics/extra.yml"
SOURCE = "briefings/sources/gamma-report.yml"
HEAD = 'title: "Extra"\nsummary: "More goats."\nfacts:\n'
FACT = """  - id: extra-fact
    claim: "Beta received goats."
    status: reported
    cites:
      - source: alpha-report
        locator: "headline"
      - source: beta-report
        locator: "paragraph 3"
"""
VALUES = """  - id: extra-fact
    claim: "Beta received goats."
    status: reported
    cites:
      - source: alpha-report
        locator: "headline"
        value: "447"
      - source: beta-report
        locator: "paragraph 3"
        value: "450"
"""
REFERENCE = ('title: "Goat register"\npublished: "2024"\nkind: reference\nurl: "https://register.example/goats"\n'
             'archive_url: "https://archive.example.org/register"\naccessed: "2024-09-01"\n')


def run_check(root: Path, *args: str, env: dict[str, str] | None = None) -> Result:
    environment = {"GITHUB_ACTIONS": "false", **(env or {})}
    return CliRunner().invoke(main, ["check", "--root", str(root), *args], env=environment,
                              catch_exceptions=False)


def reported(result: Result) -> str:
    return result.stderr


# Each case: the files written over the minimal valid briefing, the exact line a
# contributor sees, and the exact hint under it.
CASES = {
    "unknown field names the nearest": (
        {TOPIC: HEAD + FACT.replace("    cites:", "    cite:")},
        f"{TOPIC}:7:5: error: unknown field 'cite'",
        "did you mean 'cites'? known fields: attributed_to, cites, claim, corrections, date, date_note, "
        "denied_by, difference, entities, id, reconciliation, retired, status, tags"),
    "NO is not text": (
        {SOURCE: 'title: "Gamma"\noutlet: NO\npublished: "2024"\n'},
        f"{SOURCE}:2:9: error: expected text, but YAML reads 'NO' as a boolean",
        "put it in quotes: 'NO'"),
    "yes is not text": (
        {TOPIC: 'title: yes\nsummary: "More goats."\nfacts:\n' + FACT},
        f"{TOPIC}:1:8: error: expected text, but YAML reads 'yes' as a boolean",
        "put it in quotes: 'yes'"),
    "010 is not text": (
        {TOPIC: HEAD + FACT.replace('locator: "paragraph 3"', "locator: 010")},
        f"{TOPIC}:11:18: error: expected text, but YAML reads '010' as a number",
        "put it in quotes: '010'"),
    "impossible date": (
        {TOPIC: HEAD + FACT.replace("    status:", "    date: 2024-13-45\n    status:")},
        f"{TOPIC}:6:11: error: '2024-13-45' is not a real date (month must be in 1..12)",
        "write YYYY-MM-DD, YYYY-MM or YYYY, only as precise as known"),
    "date that is not a date": (
        {SOURCE: 'title: "Gamma"\npublished: someday\n'},
        f"{SOURCE}:2:12: error: 'someday' is not a date: write YYYY-MM-DD, YYYY-MM or YYYY",
        "write YYYY-MM-DD, YYYY-MM or YYYY, only as precise as known"),
    "duplicate key": (
        {TOPIC: HEAD + FACT.replace("    status:", '    claim: "Again."\n    status:')},
        f"{TOPIC}:6:5: error: duplicate key 'claim' (first at line 5)",
        "keep one of the two; YAML would silently use the last"),
    "anchor": (
        {TOPIC: 'title: &t "Extra"\nsummary: "More goats."\nfacts:\n' + FACT},
        f"{TOPIC}:1:8: error: YAML anchors are not allowed (&t)",
        "remove the anchor; write each value out in full"),
    "alias": (
        {TOPIC: 'title: "Extra"\nsummary: *t\nfacts:\n' + FACT},
        f"{TOPIC}:2:10: error: YAML aliases are not allowed (*t)",
        "write the value out in full instead of referring to an anchor"),
    "python tag": (
        {TOPIC: 'title: !!python/object/apply:os.system ["id"]\n'},
        f"{TOPIC}:1:8: error: YAML tags are not allowed (tag:yaml.org,2002:python/object/apply:os.system)",
        "remove the tag; quote the value if it must be text"),
    "tab indentation": (
        {TOPIC: HEAD + "\t- id: extra-fact\n"},
        f"{TOPIC}:4:1: error: YAML syntax: while scanning for the next token found character that "
        "cannot start any token",
        "indent with spaces, not tabs"),
    "not UTF-8": (
        {TOPIC: b'title: "caf\xe9"\n'},
        f"{TOPIC}:1:12: error: file is not valid UTF-8 (byte 0xe9)",
        "save the file as UTF-8"),
    "over 1 MiB": (
        {TOPIC: 'title: "' + "a" * (1 << 20) + '"\n'},
        f"{TOPIC}:1:1: error: file is 1048586 bytes, over the 1 MiB limit",
        "split the file, or move long text out of it"),
    "file name that is not an id": (
        {"briefings/sources/Gamma_Report.yml": 'title: "Gamma"\npublished: "2024"\n'},
        "briefings/sources/Gamma_Report.yml:1:1: error: 'Gamma_Report' is not a valid id "
        "(the file name is the id)",
        "use lowercase letters, digits and hyphens, at most 80 characters"),
    "file name ending in a line break (a regex's $ would let it through)": (
        {"briefings/sources/gamma\n.yml": 'title: "Gamma"\npublished: "2024"\n'},
        "briefings/sources/gamma\n.yml:1:1: error: 'gamma\n' is not a valid id (the file name is the id)",
        "use lowercase letters, digits and hyphens, at most 80 characters"),
    "fact id that is not an id": (
        {TOPIC: HEAD + FACT.replace("id: extra-fact", "id: Extra_Fact")},
        f"{TOPIC}:4:9: error: 'Extra_Fact' is not a valid id",
        "ids use lowercase letters, digits and hyphens, start with a letter or digit, at most 80"),
    "entity key that is not an id": (
        {"briefings/entities.yml": 'alpha-country:\n  name: "Alpha"\n  kind: country\n'
                                   'beta-country:\n  name: "Beta"\n  kind: country\n'
                                   '../x:\n  name: "X"\n  kind: place\n'},
        "briefings/entities.yml:7:1: error: '../x' is not a valid id",
        "ids use lowercase letters, digits and hyphens, start with a letter or digit, at most 80"),
    "newline in a one-line field": (
        {TOPIC: HEAD + FACT.replace('locator: "paragraph 3"', 'locator: "a\\nb"')},
        f"{TOPIC}:11:18: error: a newline is not allowed in a one-line field",
        "keep this field on one line"),
    "javascript: link": (
        {TOPIC: HEAD + FACT.replace('"Beta received goats."', '"Beta [got](javascript:alert(1)) goats."')},
        f"{TOPIC}:5:12: error: link target 'javascript:alert(1)' is not an absolute http/https URL",
        "only absolute http:// or https:// links are allowed"),
    "data: link": (
        {TOPIC: 'title: "Extra"\nsummary: "[x](data:text/html,hi)"\nfacts:\n' + FACT},
        f"{TOPIC}:2:10: error: link target 'data:text/html,hi' is not an absolute http/https URL",
        "only absolute http:// or https:// links are allowed"),
    "non-http url": (
        {SOURCE: 'title: "Gamma"\npublished: "2024"\nurl: "file:///etc/passwd"\n'},
        f"{SOURCE}:3:6: error: 'file:///etc/passwd' is not an absolute http/https URL",
        "only absolute http:// or https:// links are allowed"),
    "alleged without attributed_to": (
        {TOPIC: HEAD + FACT.replace("status: reported", "status: alleged")},
        f"{TOPIC}:6:13: error: an alleged fact needs `attributed_to`: who asserts it?",
        "add `attributed_to: [entity-id]`, or choose another status"),
    "mistyped status": (
        {TOPIC: HEAD + FACT.replace("status: reported", "status: reportd")},
        f"{TOPIC}:6:13: error: 'reportd' is not allowed here; expected 'confirmed', 'reported', "
        "'alleged' or 'disputed'",
        "did you mean 'reported'?"),
    "missing required field": (
        {SOURCE: 'title: "Gamma"\n'},
        f"{SOURCE}:1:1: error: missing required field 'published'",
        "add `published:` here"),
    "empty cites": (
        {TOPIC: HEAD + FACT.split("    cites:")[0] + "    cites: []\n"},
        f"{TOPIC}:7:12: error: 'cites' needs at least one item",
        "add an item, e.g. a citation with `source:`"),
    "unknown kind of entity": (
        {"briefings/entities.yml": 'alpha-country:\n  name: "Alpha"\n  kind: country\n'
                                   'beta-country:\n  name: "Beta"\n  kind: contry\n'},
        "briefings/entities.yml:6:9: error: 'contry' is not allowed here; expected 'person', "
        "'organization', 'country', 'place', 'agreement' or 'event'",
        "did you mean 'country'?"),
    ".yaml extension": (
        {"briefings/sources/gamma-report.yaml": 'title: "Gamma"\npublished: "2024"\n'},
        "briefings/sources/gamma-report.yaml:1:1: error: 'gamma-report.yaml' is not read: "
        "briefing files end in .yml",
        "rename it to gamma-report.yml"),
    "date hint infers the fix": (
        {SOURCE: 'title: "Gamma"\npublished: "March 2023"\n'},
        f"{SOURCE}:2:12: error: 'March 2023' is not a date: write YYYY-MM-DD, YYYY-MM or YYYY",
        "write `2023-03`"),
    "date hint infers the day": (
        {SOURCE: 'title: "Gamma"\npublished: "15 August 2024"\n'},
        f"{SOURCE}:2:12: error: '15 August 2024' is not a date: write YYYY-MM-DD, YYYY-MM or YYYY",
        "write `2024-08-15`"),
    # a figure must reach the page as written: what YAML 1.1 would rewrite is refused
    "value 010 (octal)": (
        {TOPIC: HEAD + VALUES.replace('value: "447"', "value: 010")},
        f"{TOPIC}:10:16: error: YAML reads '010' as 8, not as written", "put it in quotes: '010'"),
    "value 12:30 (base 60)": (
        {TOPIC: HEAD + VALUES.replace('value: "447"', "value: 12:30")},
        f"{TOPIC}:10:16: error: YAML reads '12:30' as 750, not as written", "put it in quotes: '12:30'"),
    "value 1_000": (
        {TOPIC: HEAD + VALUES.replace('value: "447"', "value: 1_000")},
        f"{TOPIC}:10:16: error: YAML reads '1_000' as 1000, not as written", "put it in quotes: '1_000'"),
    "value 10.70": (
        {TOPIC: HEAD + VALUES.replace('value: "447"', "value: 10.70")},
        f"{TOPIC}:10:16: error: YAML reads '10.70' as 10.7, not as written", "put it in quotes: '10.70'"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_each_rule_reports_file_line_column_and_hint(make_project: MakeProject, name: str) -> None:
    files, line, hint = CASES[name]
    result = run_check(make_project(files))
    assert result.exit_code == 1
    assert f"{line}\n    hint: {hint}\n" in reported(result), reported(result)


def test_every_missing_field_is_reported_not_only_the_first(make_project: MakeProject) -> None:
    root = make_project({TOPIC: HEAD + "  - id: bare-fact\n    cites:\n      - source: alpha-report\n"})
    out = reported(run_check(root))
    assert f"{TOPIC}:4:5: error: missing required field 'claim'\n    hint: add `claim:` here" in out
    assert f"{TOPIC}:4:5: error: missing required field 'status'\n    hint: add `status:` here" in out


def test_all_problems_of_all_files_come_in_one_run_in_file_order(make_project: MakeProject) -> None:
    broken = HEAD + FACT.replace("source: beta-report", "source: alpha-reprt") + FACT.replace(
        "extra-fact", "other-fact").replace("    cites:", "    cite:")
    root = make_project({TOPIC: broken, SOURCE: 'title: "Gamma"\noutlet: NO\npublished: "2024"\n'})
    result = run_check(root)
    assert result.exit_code == 1
    located = [line for line in reported(result).splitlines() if ": error: " in line]
    assert located == [
        f"{SOURCE}:2:9: error: expected text, but YAML reads 'NO' as a boolean",
        f"{TOPIC}:10:17: error: unknown source 'alpha-reprt'",  # in the valid fact of a broken topic
        f"{TOPIC}:12:5: error: missing required field 'cites'",
        f"{TOPIC}:15:5: error: unknown field 'cite'",
    ]
    assert reported(result).splitlines()[-1] == (
        "checked 6 files: 4 errors: 1 missing field, 1 not text, 1 unknown field, 1 unknown source; 0 warnings")


def test_a_broken_source_does_not_make_its_citations_unknown(make_project: MakeProject) -> None:
    root = make_project({"briefings/sources/alpha-report.yml": 'title: "Alpha"\npublished: soon\n'})
    out = reported(run_check(root))
    assert "briefings/sources/alpha-report.yml:2:12: error: 'soon' is not a date" in out
    assert "unknown source" not in out


# ---- warnings and --strict ---------------------------------------------------------------

CLEAN: dict[str, str | bytes] = {}  # the minimal case is clean as it is


def test_a_clean_briefing_passes_even_under_strict(make_project: MakeProject) -> None:
    root = make_project(CLEAN)
    for args in ((), ("--strict",)):
        result = run_check(root, *args)
        assert result.exit_code == 0, reported(result)
        assert reported(result).splitlines()[-2:] == [
            "2 facts, 1 resting on a single source (readers see it marked)",
            "checked 4 files: 0 errors; 0 warnings"]




# ---- GitHub Actions ----------------------------------------------------------------------

def test_github_actions_get_workflow_annotations_on_stdout(make_project: MakeProject) -> None:
    root = make_project({TOPIC: HEAD + FACT.replace("    cites:", "    cite:")})
    result = run_check(root, env={"GITHUB_ACTIONS": "true"})
    assert result.exit_code == 1
    annotations = result.stdout.splitlines()
    assert (f"::error file={TOPIC},line=7,col=5::unknown field 'cite' (hint: did you mean 'cites'? "
            "known fields: attributed_to, cites, claim, corrections, date, date_note, denied_by, difference, "
            "entities, id, reconciliation, retired, status, tags)") in annotations
    assert all(line.startswith(("::error ", "::warning ")) for line in annotations)
    # the readable lines still go to the log
    assert f"{TOPIC}:7:5: error: unknown field 'cite'" in reported(result)


def test_annotations_escape_what_would_end_the_command(make_project: MakeProject) -> None:
    root = make_project({TOPIC: HEAD + FACT.replace("    cites:", '    "50%\\r": 1\n    cites:')})
    result = run_check(root, "--format", "github")
    assert f"::error file={TOPIC},line=7,col=5::unknown field '50%25%0D' (hint:" in result.stdout


def test_no_annotations_outside_github_actions_or_with_text_format(make_project: MakeProject) -> None:
    root = make_project({TOPIC: HEAD + FACT.replace("    cites:", "    cite:")})
    assert run_check(root).stdout == ""
    assert run_check(root, "--format", "text", env={"GITHUB_ACTIONS": "true"}).stdout == ""


def test_github_annotations_carry_warnings_too(make_project: MakeProject) -> None:
    root = make_project({TOPIC: HEAD + FACT.replace('        locator: "paragraph 3"\n', "")})
    result = run_check(root, env={"GITHUB_ACTIONS": "true"})
    assert (f"::warning file={TOPIC},line=10,col=9::the citation of 'beta-report' has neither a locator nor a "
            "quote (hint: add `locator:` (where in the source) or `quote:` (its exact words), so a reader can "
            "find the passage)") in result.stdout.splitlines()


# ---- output to act on ----------------------------------------------------------------------

MIXED = {TOPIC: HEAD + FACT.replace('        locator: "paragraph 3"\n', "").replace("alpha-report", "alpha-reprt"),
         SOURCE: 'title: "Gamma"\npublished: "March 2023"\n'}


def test_errors_come_first_then_warnings_then_a_summary_by_kind(make_project: MakeProject) -> None:
    lines = reported(run_check(make_project(MIXED))).splitlines()
    located = [line for line in lines if not line.startswith("    ")]
    assert located == [
        f"{SOURCE}:2:12: error: 'March 2023' is not a date: write YYYY-MM-DD, YYYY-MM or YYYY",
        f"{TOPIC}:8:17: error: unknown source 'alpha-reprt'",
        f"{TOPIC}:10:9: warning: the citation of 'beta-report' has neither a locator nor a quote",
        "checked without a base (published facts were not compared): the project is not in a git checkout",
        "quotes were not verified (pass --archive DIR to check them against the sources)",
        "checked 6 files: 2 errors: 1 bad date, 1 unknown source; 1 warning: 1 unplaced citation",
    ]


def test_errors_only_leaves_out_warnings_but_counts_them(make_project: MakeProject) -> None:
    result = run_check(make_project(MIXED), "--errors-only")
    assert result.exit_code == 1
    assert ": warning: " not in reported(result)
    assert reported(result).splitlines()[-1].endswith("; 1 warning: 1 unplaced citation")


def test_one_of_a_kind_is_counted_in_the_singular(make_project: MakeProject) -> None:
    result = run_check(make_project({SOURCE: 'title: "Gamma"\npublished: "2024"\n',
                                     TOPIC: HEAD + FACT.replace("source: beta-report", "source: gamma-report")}))
    assert reported(result).splitlines()[-2:] == [
        "3 facts, 1 resting on a single source (readers see it marked)",
        "checked 6 files: 0 errors; 0 warnings"]
    broken = run_check(make_project({SOURCE: 'title: "Gamma"\npublished: "soon"\n'}))
    assert reported(broken).splitlines()[-1] == "checked 5 files: 1 error: 1 bad date; 0 warnings"


def test_the_project_is_found_from_a_subfolder(make_project: MakeProject, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_project({TOPIC: HEAD + FACT.replace("source: beta-report", "source: zzz")})
    monkeypatch.chdir(root / "briefings" / "topics")
    result = CliRunner().invoke(main, ["check"], env={"GITHUB_ACTIONS": "false"})
    assert f"{TOPIC}:10:17: error: unknown source 'zzz'" in result.stderr


def test_outside_any_project_the_check_says_where_to_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 2
    assert ("no site_config.yml here or in any folder above: run the command from the project's folder, "
            "or pass --root") in result.stderr


def test_a_root_without_briefings_names_the_way_out(tmp_path: Path) -> None:
    (tmp_path / "site_config.yml").write_text("title: \"T\"\n")
    result = run_check(tmp_path)
    assert result.exit_code == 1
    assert "briefings:1:1: error: the briefings folder does not exist" in reported(result)
    assert "run the command from the project's folder (the one holding site_config.yml) or pass --root" \
        in reported(result)


# ---- FORMAT.md's promises: no field written without a value -------------------------------

NO_VALUE = {
    "a locator with nothing after it": (
        {TOPIC: HEAD + FACT.replace('locator: "headline"', "locator:")},
        f"{TOPIC}:9:17: error: `locator` has no value (YAML reads nothing as null)"),
    "a locator of ~": (
        {TOPIC: HEAD + FACT.replace('locator: "headline"', "locator: ~")},
        f"{TOPIC}:9:18: error: `locator` has no value (YAML reads '~' as null)"),
    "an empty outlet": (
        {SOURCE: 'title: "Gamma"\noutlet:\npublished: "2024"\n'},
        f"{SOURCE}:2:8: error: `outlet` has no value (YAML reads nothing as null)"),
    "a date of null": (
        {TOPIC: HEAD + FACT.replace("    status:", "    date: null\n    status:")},
        f"{TOPIC}:6:11: error: `date` has no value (YAML reads 'null' as null)"),
}


@pytest.mark.parametrize("name", list(NO_VALUE))
def test_a_field_written_without_a_value_is_refused(make_project: MakeProject, name: str) -> None:
    files, line = NO_VALUE[name]
    result = run_check(make_project(files))
    assert result.exit_code == 1
    assert f"{line}\n    hint: write its value, or remove the field\n" in reported(result), reported(result)
    assert "1 error: 1 empty text" in reported(result)
