"""The one registry of problem kinds: every kind of problem any stage reports, with its severity,
the rule it belongs to and how to fix it.

A :class:`~generator.errors.Problem` names its kind (``unknown source``); it is refused when the
kind is not registered here or its severity is not the kind's, so no stage can report a kind
``FORMAT.md`` does not list. ``messages`` finds here the kind of each of pydantic's error types
(:func:`kind_of_error`), the check's summary counts problems by these names, and ``reference``
writes the table of ``FORMAT.md`` from :data:`KINDS`, section by section.
"""

from __future__ import annotations

from dataclasses import dataclass

#: The rules that compare with the published briefing say so.
PUBLISHED = "Against the published briefing (the merge base with `main`, or `--base`)"

#: The sections of FORMAT.md's table of rules: what a kind's rule belongs to.
RULE_SECTIONS = {
    "project": "The project and its files",
    "field": "Each field",
    "briefing": "Across records",
    "published": "Against the published briefing",
    "archive": "With `--archive`: quotes against the sources' archived texts",
    "command": "Commands",
}


@dataclass(frozen=True)
class Kind:
    """One kind of problem."""

    name: str
    #: "error" (fails every run) or "warning" (fails only under --strict)
    severity: str
    #: a key of :data:`RULE_SECTIONS`: what the rule belongs to
    section: str
    #: the rule, as FORMAT.md states it
    rule: str
    #: how to fix a problem of this kind, in general (each problem's own hint is more precise)
    fix: str
    #: pydantic's error types (and the models' own) worded as this kind
    errors: tuple[str, ...] = ()


def _kinds(*kinds: Kind) -> dict[str, Kind]:
    return {kind.name: kind for kind in kinds}


E, W = "error", "warning"

KINDS: dict[str, Kind] = _kinds(
    # the project and its files
    Kind("no briefings folder", E, "project", "The project holds a `briefings/` folder (where `site_config.yml` "
         "says).", "run the command from the project's folder, or pass `--root`"),
    Kind("no topics", E, "project", "The briefing has at least one topic.", "add `briefings/topics/<id>.yml`"),
    Kind("missing file", E, "project", "`briefings/entities.yml` exists (it may be `{}`).", "create it"),
    Kind("symbolic link", E, "project", "A briefing file is the file itself, not a symbolic link to one.",
         "replace the link with the file"),
    Kind("unreadable file", E, "project", "Every briefing file can be read.", "check the file's permissions"),
    Kind("unreadable YAML", E, "project", "Each file is UTF-8 YAML, one document, at most 1 MiB, indented with "
         "spaces; anchors, aliases, tags and merge keys are refused, so are duplicate keys.",
         "fix the syntax at the place shown"),
    Kind("bad file name", E, "project", "Briefing files end in `.yml` and are named by a valid id, unique "
         "without regard to case.", "rename the file"),
    Kind("stray file", E, "project", "Only `sources/`, `topics/`, `entities.yml` and `judgments.yml` are in "
         "`briefings/`.", "move the file out of `briefings/`"),
    Kind("no mkdocs.yml", E, "project", "A build finds `mkdocs.yml` in the project.",
         "run the command from the project's folder, or pass `--root`"),
    Kind("template error", E, "project", "The site's templates render.", "fix the template at the line shown"),
    Kind("site not built", E, "project", "MkDocs builds the site from the generated pages.",
         "fix what the message names; the previous site is untouched"),
    Kind("preview not started", E, "project", "The preview starts on a free port of 127.0.0.1.",
         "pass another `--port`, or fix what the message names"),
    Kind("search index not written", E, "project", "Pagefind writes the search index of the built site.",
         "install or repair Pagefind (`make site` sets it up), then build again"),
    # each field
    Kind("unknown field", E, "field", "Every field is one the format defines (a typo names the nearest).",
         "fix the field's name, or remove it", ("extra_forbidden",)),
    Kind("missing field", E, "field", "Required fields are present.", "add the field", ("missing",)),
    Kind("not text", E, "field", "Text fields hold text: `NO`, `yes` or `010` where text is expected are "
         "refused.", "put the value in quotes", ("string_type",)),
    Kind("not a number", E, "field", "Number fields hold a number.", "write the number without quotes",
         ("int_type", "float_type")),
    Kind("not a list", E, "field", "List fields hold a list (`- item` lines, or `[a, b]`).",
         "write one `- item` per line", ("list_type",)),
    Kind("not a mapping", E, "field", "A record is a mapping of `field: value` lines.",
         "write `field: value` lines, indented under their parent",
         ("dict_type", "model_type", "model_attributes_type")),
    Kind("number rewritten by YAML", E, "field", "A plain number YAML would read as something else than its "
         "text (`010`, `12:30`, `1_000`, `10.70`) is refused.", "put it in quotes"),
    Kind("bad date", E, "field", "Dates are real dates written `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, only as "
         "precise as known (corrections, history and `reviewed`: `YYYY-MM-DD`).", "write the date so",
         ("not_a_date", "not_a_real_date", "not_a_full_date")),
    Kind("bad URL", E, "field", "Addresses are absolute `http`/`https` URLs.", "write the full address",
         ("not_http_url",)),
    Kind("bad link", E, "field", "Links in a claim, summary or judgment go to absolute `http`/`https` URLs.",
         "link to the full address", ("unsafe_link",)),
    Kind("bad id or tag", E, "field", "Ids match `^[a-z0-9][a-z0-9-]{0,79}$`; tags are lowercase words or "
         "hyphenated phrases.", "use lowercase letters, digits and hyphens", ("string_pattern_mismatch",)),
    Kind("value not allowed", E, "field", "Fields with a fixed set of values take one of them.",
         "write one of the values FORMAT.md lists for the field", ("literal_error",)),
    Kind("newline in a one-line field", E, "field", "One-line fields (titles, names, locators) hold no "
         "newline.", "keep the field on one line", ("newline",)),
    Kind("control characters", E, "field", "No text holds control characters.",
         "remove the invisible characters", ("control_characters",)),
    Kind("empty text", E, "field", "No field is empty: `\"\"`, or a field written with nothing after it, `~` "
         "or `null`, is refused (an optional field is left out instead).", "write the value, or remove the field",
         ("empty_text", "no_value")),
    Kind("empty list", E, "field", "A topic has facts, a fact has citations, a judgment rests on facts.",
         "add an item", ("too_short",)),
    Kind("alleged without attribution", E, "field", "An `alleged` fact names who asserts it "
         "(`attributed_to`).", "add `attributed_to`, or choose another status", ("alleged_without_attribution",)),
    Kind("not true or false", E, "field", "A switch of the settings is `true` or `false`.",
         "write `true` or `false`", ("bool_type",)),
    Kind("number out of range", E, "field", "A number is within its range: a place's `lat` -90 to 90 and `lon` "
         "-180 to 180; of the settings, `list_page_facts` 2 to 5,000, `latest_facts` 0 to 50.",
         "write a number in the range", ("greater_than_equal", "less_than_equal")),
    Kind("location not on a place", E, "field", "Only an entity of kind `place` has a `location`.",
         "remove `location`, or set `kind: place`", ("location_not_place",)),
    Kind("invalid value", E, "field", "Any other value the format does not take.",
         "see the field's row in FORMAT.md"),
    # across records
    Kind("duplicate id", E, "briefing", "Fact ids are unique across topics, judgment ids among judgments; the "
         "new one is reported (a published id never changes).", "give the new record another id"),
    Kind("unknown source", E, "briefing", "Every cited source, and every source a source `restates`, exists.",
         "fix the id, or add the source"),
    Kind("restates itself", E, "briefing", "A source's `restates` names other sources, never the source itself.",
         "remove the source's own id from `restates`"),
    Kind("restates in a circle", E, "briefing", "Sources do not restate each other in a circle: a source restates "
         "what was reported before it.", "keep `restates` on the later source only"),
    Kind("location without reference", E, "briefing", "A place's `location` names the `reference` source its "
         "coordinates were read from.", "name a source with `kind: reference`, its `url` and `accessed`"),
    Kind("unknown entity", E, "briefing", "Every entity a fact names exists.", "fix the id, or add the entity"),
    Kind("unknown fact", E, "briefing", "Every fact a judgment names exists.", "fix the id"),
    Kind("unknown topic", E, "briefing", "Every topic a judgment names exists.", "fix the id"),
    Kind("values unrelated", E, "briefing", "When citations of one fact give different values, the fact says "
         "how they relate: `difference: contradiction` or `difference: detail`.", "add `difference`"),
    Kind("difference without values", E, "briefing", "`difference` is only set where the cited values differ.",
         "remove `difference`, or give each citation its `value`"),
    Kind("detail without reconciliation", E, "briefing", "A difference in detail has a `reconciliation` saying "
         "how the values fit together.", "add `reconciliation`"),
    Kind("reconciliation without detail", E, "briefing", "Only a difference in detail is reconciled.",
         "remove `reconciliation`, or set `difference: detail`"),
    Kind("disputed without dispute", E, "briefing", "A `disputed` fact has contradicting values or a "
         "`denied_by`.", "add the contradiction or the denial, or choose another status"),
    Kind("contradiction not disputed", E, "briefing", "A fact whose sources contradict each other is "
         "`disputed`.", "write `status: disputed`"),
    Kind("error without reference", E, "briefing", "A citation marked with `error` has a `reference` source "
         "cited beside it in the same fact.", "cite the reference in the fact"),
    Kind("error on a reference", E, "briefing", "A reference is what errors are checked against: it carries no "
         "`error`.", "move the `error` to the citation of the source that is wrong"),
    Kind("reference without url or accessed", E, "briefing", "A `reference` source has its `url` and the date "
         "it was read (`accessed`).", "add `url` and `accessed`"),
    Kind("retired fact", E, "briefing", "A judgment rests only on facts that are not retired.",
         "remove the fact, or name the one that replaced it"),
    Kind("mixed likelihood", E, "briefing", "A judgment's text uses no likelihood term of the scale but its "
         "own.", "reword, or change `likelihood`"),
    Kind("hedge in the judgment", E, "briefing", "A judgment's text states, and its `likelihood` carries the "
         "probability: no hedge (`may`, `might`, `could be`, `possibly`, `perhaps`; `May` beside a number is the "
         "month).", "reword without the hedge, or change `likelihood`"),
    Kind("alternatives over 100 %", E, "briefing", "A judgment's alternatives each exclude it, so its likelihood "
         "and theirs can sum to 100 %: the lower ends of their ranges add up to 100 % at most.",
         "lower a likelihood, or move a consideration to `assumptions` or `gaps`"),
    Kind("confidence in the judgment", E, "briefing", "A judgment's text leaves confidence to its own "
         "sentence.", "leave confidence words out of the judgment's text"),
    Kind("unsupported confidence", E, "briefing", "A `high` confidence judgment rests on at least one fact that "
         "is `confirmed` or cited from two or more independent origins (a source that `restates` another counts "
         "as the one it repeats).", "choose `moderate` or `low`, or add such a fact"),
    Kind("history out of order", E, "briefing", "A judgment's history is oldest first.",
         "order the entries by date"),
    Kind("date in the future", E, "briefing", "No correction, history entry, `reviewed` or `accessed` date is "
         "later than today (today anywhere on Earth).", "write the date it happened"),
    Kind("long quote", W, "briefing", "A quote is at most about 40 words.", "quote the part that supports the fact"),
    Kind("unplaced citation", W, "briefing", "A citation has a `locator` or a `quote`, so a reader can find the "
         "passage.", "add `locator` or `quote`"),
    Kind("denial not quoted", W, "briefing", "A fact with `denied_by` cites the passage that reports the "
         "denial.", "quote the denial, or remove `denied_by`"),
    Kind("no archive_url", W, "briefing", "A source with a `url` has an `archive_url` (an archived copy).",
         "add an archived copy's address"),
    Kind("duplicate source", W, "briefing", "Two source files with the same URL, or the same title and date, "
         "are one source.", "keep one file per source"),
    Kind("unused source", W, "briefing", "Every source is cited by a fact or a place's location.",
         "cite it, or remove the file"),
    Kind("unused entity", W, "briefing", "Every entity is named by a fact.", "name it in a fact, or remove it"),
    Kind("review due", W, "briefing", "A judgment is reviewed no earlier than the newest dated fact it rests "
         "on.", "review it, then update `reviewed`"),
    # against the published briefing
    Kind("change without correction", E, "published", f"{PUBLISHED}: a published fact whose claim, status, date "
         "or values changed has a new `corrections` entry.", "`briefing correct FACT --note \"…\"`"),
    Kind("revision without history", E, "published", f"{PUBLISHED}: a judgment whose likelihood or confidence "
         "changed has a new `history` entry.", "`briefing revise JUDGMENT --note \"…\"`"),
    Kind("published id removed", E, "published", f"{PUBLISHED}: a published fact or judgment is never deleted "
         "(a fact is retired instead).", "restore it; `briefing retire FACT --note \"…\"`"),
    Kind("no history", E, "published", "`--base REF` names a revision git can read, in a clone of the "
         "repository, and git answers.", "fetch the revision, or name another"),
    # with --archive
    Kind("quote not found", E, "archive", "Every quote occurs in its source's archived text (only whitespace, "
         "curly quotes and dashes may differ).", "copy the quote exactly"),
    Kind("not in own words", W, "archive", "A claim or summary shares no run of 12 words with its sources.",
         "say it in your own words"),
    Kind("archive matches nothing", E, "archive", "The folder holds a text for at least one source.",
         "name each text after its source's id"),
    Kind("no archived text", W, "archive", "Every source quoted has its archived text in the folder "
         "(one warning per source).", "save the source's text as `<source-id>.txt`"),
    # commands
    Kind("bad value", E, "command", "`briefing new`, `correct`, `retire` and `revise` write only what the check "
         "accepts.", "correct the value named, and run the command again"),
)

#: pydantic's error type -> the kind it is worded as
_BY_ERROR = {error: kind.name for kind in KINDS.values() for error in kind.errors}
#: the kind of a validation failure no wording knows
OTHER_VALUE = "invalid value"


def kind_of_error(error_type: str) -> str:
    """The kind a validation failure of this type is counted as."""
    return _BY_ERROR.get(error_type, OTHER_VALUE)


def registered(name: str, severity: str) -> None:
    """Refuse a kind the registry lacks, or a severity that is not the kind's."""
    kind = KINDS.get(name)
    if kind is None:
        raise ValueError(f"problem kind {name!r} is not registered in generator/kinds.py")
    if kind.severity != severity:
        raise ValueError(f"problem kind {name!r} is a{'n' if kind.severity == E else ''} {kind.severity}, "
                         f"not a{'n' if severity == E else ''} {severity}")
