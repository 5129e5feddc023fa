"""The format reference, FORMAT.md: every field, value and rule of the checker, written from its models."""

from __future__ import annotations

from generator.reference import render_reference
from tests.conftest import REPO


def test_the_reference_documents_every_field_value_and_rule() -> None:
    from generator.kinds import KINDS
    from generator.model import Citation, Fact, Judgment, Source

    reference = (REPO / "FORMAT.md").read_text(encoding="utf-8")
    for model in (Source, Fact, Citation, Judgment):
        for name in model.model_fields:
            assert f"| `{name}` |" in reference, f"{model.__name__}.{name} is not in FORMAT.md"
    for value in ("contradiction", "detail", "reference", "statement", "roughly-even-chance", "almost-certain"):
        assert f"`{value}`" in reference
    for kind in KINDS.values():
        assert f"| {kind.name} | {kind.severity} |" in reference, kind.name
    for kind in ("no briefings folder", "no topics", "missing file", "bad value", "no history", "not a list",
                 "not a mapping", "not a number", "date in the future", "empty text"):
        assert f"| {kind} | error |" in reference, f"{kind} is not in FORMAT.md"
    assert "| `roughly-even-chance` | roughly even chance | 45–55 % |" in reference


def test_readme_and_contributing_link_the_reference() -> None:
    for doc in ("README.md", "CONTRIBUTING.md"):
        assert "(FORMAT.md)" in (REPO / doc).read_text(encoding="utf-8"), f"{doc} does not link FORMAT.md"


def test_the_reference_says_what_each_field_holds() -> None:
    reference = render_reference()
    assert "| `published` | yes | YYYY-MM-DD, YYYY-MM or YYYY |" in reference
    assert "| `claim` | yes | inline Markdown |" in reference
    assert "| `kind` | no | `article`, `reference`, `statement` |" in reference
    assert "| `reviewed` | yes | YYYY-MM-DD |" in reference
    assert reference.index("## Source") < reference.index("## Fact") < reference.index("## Key judgment")
