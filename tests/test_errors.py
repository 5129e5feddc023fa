"""The one family of problems: how a problem reads, the order problems come in, the summary by kind."""

from __future__ import annotations

from generator.errors import BriefingError, Problem, Severity, in_order, plural, summary


def problem(path: str, line: int, severity: Severity, kind: str) -> Problem:
    return Problem(path, line, 1, severity, f"{kind} here", "fix it", kind=kind)


def test_counts_say_one_in_the_singular() -> None:
    assert (plural(0, "fact"), plural(1, "fact"), plural(2, "fact")) == ("0 facts", "1 fact", "2 facts")
    assert plural(1, "entity", "entities") + ", " + plural(3, "entity", "entities") == "1 entity, 3 entities"


def test_errors_come_first_and_the_summary_counts_each_kind() -> None:
    problems = [problem("b.yml", 3, Severity.WARNING, "no archive_url"),
                problem("b.yml", 9, Severity.ERROR, "unknown source"),
                problem("a.yml", 5, Severity.ERROR, "bad date"),
                problem("a.yml", 2, Severity.ERROR, "unknown source"),
                problem("a.yml", 1, Severity.WARNING, "no archive_url")]
    assert [(p.path, p.line) for p in in_order(problems)] == [
        ("a.yml", 2), ("a.yml", 5), ("b.yml", 9), ("a.yml", 1), ("b.yml", 3)]
    assert summary(problems) == "3 errors: 2 unknown source, 1 bad date; 2 warnings: 2 no archive_url"
    assert summary([]) == "0 errors; 0 warnings"
    assert summary(problems[:2]) == "1 error: 1 unknown source; 1 warning: 1 no archive_url"


def test_a_briefing_error_reports_every_problem_then_the_summary() -> None:
    error = BriefingError([problem("a.yml", 2, Severity.WARNING, "unused source"),
                           problem("a.yml", 7, Severity.ERROR, "bad date")])
    assert error.report() == ("a.yml:7:1: error: bad date here\n    hint: fix it\n"
                              "a.yml:2:1: warning: unused source here\n    hint: fix it\n"
                              "1 error: 1 bad date; 1 warning: 1 unused source")


def test_a_problem_with_no_line_is_located_at_its_file_or_option_alone() -> None:
    missing = Problem("mkdocs.yml", 0, 0, Severity.ERROR, "no such file", "pass --root", kind="no mkdocs.yml")
    assert missing.format() == "mkdocs.yml: error: no such file\n    hint: pass --root"
    assert missing.github_annotation() == "::error file=mkdocs.yml::no such file (hint: pass --root)"
    assert Problem("", 0, 0, Severity.ERROR, "stopped", kind="site not built").format() == "error: stopped"


def test_every_error_the_generator_raises_reads_as_located_problems() -> None:
    from generator.history.git import GitError
    from generator.load import YamlProblem
    from generator.mkdocs_adapter.build import SiteBuildError
    from generator.mkdocs_adapter.serve import PreviewError
    from generator.pagefind_service import SearchIndexError

    for family in (YamlProblem, GitError, SiteBuildError, PreviewError, SearchIndexError):
        error = family.at("f.yml", "it broke", "mend it", line=3, column=4)
        assert isinstance(error, BriefingError)
        assert error.located() == "f.yml:3:4: error: it broke\n    hint: mend it"
        assert error.report().endswith(f"\n1 error: 1 {family.kind}; 0 warnings")
