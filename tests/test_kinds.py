"""The one registry of problem kinds: a problem of a kind it lacks cannot be made, every kind the
code spells is registered with the severity it is emitted at, and FORMAT.md lists them all."""

from __future__ import annotations

import ast

import pytest

from generator.errors import Problem, Severity
from generator.kinds import KINDS, RULE_SECTIONS
from tests.conftest import REPO

#: the callables whose last positional argument is the kind (``Located.problem``, the check's
#: ``file_problem``, the archive check's ``problem``), when they have at least four
KIND_LAST = ("problem", "file_problem")


def spelled_kinds() -> list[tuple[str, str, int]]:
    """Every kind the package's code spells: (kind, module, line), from ``kind=`` keywords (a
    text, or a module's constant holding one), the last argument of the calls of
    :data:`KIND_LAST`, and the ``kind`` an error class reports by itself."""
    found = []
    for path in sorted((REPO / "generator").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants = {target.id: node.value.value for node in tree.body if isinstance(node, ast.Assign)
                     and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
                     for target in node.targets if isinstance(target, ast.Name)}
        spelled: list[ast.expr] = []
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
                spelled += [k.value for k in node.keywords if k.arg == "kind"]
                if name in KIND_LAST and len(node.args) >= 4:
                    spelled.append(node.args[-1])
            elif isinstance(node, ast.ClassDef):
                spelled += [item.value for item in node.body if isinstance(item, ast.Assign | ast.AnnAssign)
                            and item.value is not None and any(getattr(t, "id", "") == "kind" for t in (
                                item.targets if isinstance(item, ast.Assign) else [item.target]))]
        for arg in spelled:
            value = constants.get(arg.id) if isinstance(arg, ast.Name) else getattr(arg, "value", None)
            if isinstance(value, str) and value:
                found.append((value, str(path.relative_to(REPO)), arg.lineno))
    return found


def test_every_kind_the_code_spells_is_registered() -> None:
    spelled = spelled_kinds()
    assert len({kind for kind, _, _ in spelled}) > 40  # the scan finds the kinds the rules emit
    missing = [f"{module}:{line}: {kind!r}" for kind, module, line in spelled if kind not in KINDS]
    assert missing == [], "kinds emitted but not registered in generator/kinds.py"


def test_every_problem_names_its_kind_by_keyword() -> None:
    """``Problem``'s seventh positional argument is the data path: a kind given there would be lost."""
    misplaced = []
    for path in sorted((REPO / "generator").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Problem" and len(node.args) > 6:
                misplaced.append(f"{path.relative_to(REPO)}:{node.lineno}")
    assert misplaced == []


def test_a_problem_of_an_unregistered_kind_or_another_severity_cannot_be_made() -> None:
    with pytest.raises(ValueError, match="problem kind 'no such kind' is not registered"):
        Problem("a.yml", 1, 1, Severity.ERROR, "message", "hint", kind="no such kind")
    with pytest.raises(ValueError, match="problem kind 'unknown source' is an error, not a warning"):
        Problem("a.yml", 1, 1, Severity.WARNING, "message", "hint", kind="unknown source")
    with pytest.raises(ValueError):
        Problem("a.yml", 1, 1, Severity.ERROR, "message")  # every problem names its kind


def test_every_kind_has_a_rule_a_fix_and_its_section_in_format_md() -> None:
    reference = (REPO / "FORMAT.md").read_text(encoding="utf-8")
    for kind in KINDS.values():
        assert kind.severity in ("error", "warning") and kind.section in RULE_SECTIONS
        assert kind.rule.endswith(".") and kind.fix, kind.name
        row = next(line for line in reference.splitlines() if line.startswith(f"| {kind.name} | {kind.severity} |"))
        section = reference[:reference.index(row)].rsplit("\n### ", 1)[1].split("\n", 1)[0]
        assert section == RULE_SECTIONS[kind.section], kind.name


def test_the_scan_reads_the_kind_where_each_call_gives_it() -> None:
    assert ("unknown source", "generator/rules.py") in {(kind, module) for kind, module, _ in spelled_kinds()}
    assert ("no archived text", "generator/quotes.py") in {(kind, module) for kind, module, _ in spelled_kinds()}
    assert ("no mkdocs.yml", "generator/mkdocs_adapter/build.py") in {(k, m) for k, m, _ in spelled_kinds()}
    assert ("search index not written", "generator/pagefind_service.py") in {(k, m) for k, m, _ in spelled_kinds()}
