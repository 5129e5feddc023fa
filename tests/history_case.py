"""The case briefing tests/cases/exports-truth as a git repository with four dated commits, for
the tests of what the history shows (dates on the pages, the page of changes, the feed,
facts.json and the JSON-LD).

The history, whose last commit is the case exactly:

1. 20 November 2026, 09:00 UTC: the briefing first published, with ``port-founded`` saying
   1993 (as one report had it), ``goats-were-sheep`` not yet withdrawn, and the judgment
   ``goats-were-aid`` at roughly even chance;
2. 1 December 2026, 10:00 UTC: ``goats-were-sheep`` withdrawn, with its correction;
3. 2 December 2026, 11:30 at +01:00: ``port-founded`` corrected to 1991 (claim and date);
4. 3 December 2026, 08:00 UTC: ``goats-were-aid`` raised to likely, with its history entry.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.conftest import CASES
from tests.gitrepo import JUDGMENTS, TOPIC, commit, edit, git

FIRST = "2026-11-20T09:00:00+00:00"
WITHDRAWN = "2026-12-01T10:00:00+00:00"
CORRECTED = "2026-12-02T11:30:00+01:00"
REVISED = "2026-12-03T08:00:00+00:00"

#: (file, text as the case has it, text as first published), for each commit after the first.
STEPS = [
    (WITHDRAWN, [(TOPIC, '    retired: "Withdrawn: every source says goats; the fact misread a photo caption."\n'
                         '    corrections:\n      - date: "2026-12-01"\n'
                         '        note: "Withdrawn: the animals were goats."\n', "")]),
    (CORRECTED, [(TOPIC, '"The port of Rason was opened to foreign ships in 1991."\n    date: "1991"',
                  '"The port of Rason was opened to foreign ships in 1993."\n    date: "1993"'),
                 (TOPIC, '    corrections:\n      - date: "2026-12-02"\n        note: "The year was 1991, not 1993 '
                         'as this fact first said; one report got it wrong."\n', "")]),
    (REVISED, [(JUDGMENTS, "  likelihood: likely\n", "  likelihood: roughly-even-chance\n"),
               (JUDGMENTS, '    - date: "2026-12-03"\n      change: "Likelihood raised from roughly even chance: the '
                           'count is confirmed by two reports."\n', "")]),
]


def history_case(root: Path, briefings: Path = CASES / "exports-truth" / "briefings") -> Path:
    """The case at ``root`` (a new folder), its ``briefings/`` committed state by state: each
    commit holds the case with the changes of the later commits undone."""
    shutil.copytree(briefings, root / "briefings")
    originals = {path: (root / path).read_text(encoding="utf-8") for path in (TOPIC, JUDGMENTS)}
    git(root, "init", "-q", "-b", "main")
    for index, date in enumerate([FIRST, *(date for date, _ in STEPS)]):
        for path, text in originals.items():
            for _, changes in STEPS[index:]:
                for where, now, before in changes:
                    if where == path:
                        assert now in text, now
                        text = text.replace(now, before, 1)
            (root / path).write_text(text, encoding="utf-8")
        commit(root, f"The briefing on {date[:10]}", date)
    return root


def markup_in_history(root: Path, markup: str) -> Path:
    """The history case with two more commits: ``port-founded``'s claim changed to "Port A
    <markup>" (4 December 2026), then to "Port B <markup>" (5 December 2026), so text that
    only the history holds reaches the pages and the feed."""
    history_case(root)
    claim = '"The port of Rason was opened to foreign ships in 1991."'
    edit(root, TOPIC, claim, json.dumps(f"Port A {markup}"))
    commit(root, "A claim with markup", "2026-12-04T09:00:00+00:00")
    edit(root, TOPIC, json.dumps(f"Port A {markup}"), json.dumps(f"Port B {markup}"))
    commit(root, "Another claim with markup", "2026-12-05T09:00:00+00:00")
    return root
