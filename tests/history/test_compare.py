"""What changed between two snapshots, in content terms, and its summary for a reviewer (Markdown for a pull
request)."""

from __future__ import annotations

from generator.history.at_revision import Snapshot
from generator.history.compare import changes_between, summary
from generator.model import Fact, Judgment, Source


def fact(**fields: object) -> Fact:
    data = {"id": "f", "claim": "Alpha sent goats.", "status": "reported", "cites": [{"source": "a", "locator": "p1"}]}
    return Fact.model_validate({**data, **fields})


JUDGMENT = Judgment(id="j", question="Aid?", judgment="Aid.", likelihood="likely", confidence="low", basis="b",
                    supports=["f"], reviewed="2024-09-01")


def test_only_substantive_changes_count() -> None:
    base = Snapshot(facts={"f": ("t", fact())}, judgments={"j": JUDGMENT})
    moved = Snapshot(facts={"f": ("other-topic", fact(tags=["goats"]))}, judgments={"j": JUDGMENT})
    assert changes_between(base, moved).empty  # a new tag, another topic: no change in content terms
    changed = Snapshot(facts={"f": ("t", fact(status="confirmed", cites=[{"source": "a", "locator": "p2"}]))},
                       judgments={"j": JUDGMENT.model_copy(update={"likelihood": "very-likely"})})
    result = changes_between(base, changed)
    assert [(c.field, c.before, c.after) for c in result.facts_changed["f"]] == [
        ("status", "reported", "confirmed"), ("citation 1 locator", "p1", "p2")]
    assert [(c.field, c.after) for c in result.judgments_revised["j"]] == [("likelihood", "very-likely")]


def test_the_summary_tells_added_changed_retired_and_removed_as_text() -> None:
    base = Snapshot(facts={"f": ("t", fact()), "gone": ("t", fact(id="gone"))})
    head = Snapshot(facts={"f": ("t", fact(retired="Wrong <b>count</b>.", claim="Alpha sent *47* goats.")),
                           "new": ("t", fact(id="new", claim="A `code` | pipe"))},
                    sources={"s": Source(title="S [1]", published="2024")})
    text = summary(changes_between(base, head), base, head, "main", "HEAD", markdown=True)
    assert text == (
        "## Briefing changes: main → HEAD\n\n"
        "### Facts added (1)\n\n- `new` (t): A \\`code\\` \\| pipe\n  - status: reported\n  - citation 1: a\n"
        "    - locator: p1\n\n"
        "### Facts retired (1)\n\n- `f`: Alpha sent \\*47\\* goats\\.\n  - retired: Wrong &lt;b\\>count&lt;\\/b\\>\\.\n"
        "  - status: reported\n  - claim: Alpha sent goats\\. → Alpha sent \\*47\\* goats\\.\n\n"
        "### Facts removed (ids must stay: retire them instead) (1)\n\n- `gone`: Alpha sent goats\\.\n\n"
        "### Sources added (1)\n\n- `s`: S \\[1\\]\n  - published: 2024\n")
    unchanged = summary(changes_between(base, base), base, base, "a", "b")
    assert unchanged.endswith("No change to the briefing's content.\n")
