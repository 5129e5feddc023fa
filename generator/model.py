"""Stage 2 of the pipeline: typed models of the briefing format (``shared/format.md``).

Each kind of file is a pydantic model; validation is the schema library's, and the same
models produce the JSON Schemas editors use. The models only say what one file may hold;
rules that look across files (references, uniqueness, unused sources) live in ``check``.
Text is validated, never altered: escaping happens once, when pages are rendered.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cached_property
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    RootModel,
    StrictFloat,
    StrictInt,
    StrictStr,
    model_validator,
)

from generator.inline import control_characters, is_http_url, links_in

ID_PATTERN = r"^[a-z0-9][a-z0-9-]{0,79}$"
TAG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
LANGUAGE_PATTERN = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

Status = Literal["confirmed", "reported", "alleged", "disputed"]
EntityKind = Literal["person", "organization", "country", "place", "agreement", "event"]
SourceKind = Literal["article", "reference", "statement"]
Difference = Literal["contradiction", "detail"]
STATUSES: tuple[str, ...] = ("confirmed", "reported", "alleged", "disputed")


def _no_control(text: str) -> str:
    bad = control_characters(text)
    if bad:
        raise ValueError(f"control characters are not allowed ({', '.join(bad)})")
    if not text.strip():
        raise ValueError("text is empty")
    return text


def _one_line(text: str) -> str:
    if "\n" in text.rstrip("\n") or "\r" in text:
        raise ValueError("a newline is not allowed in a one-line field")
    return _no_control(text)


def _safe_links(text: str) -> str:
    for link in links_in(text):
        if not link.is_safe:
            raise ValueError(f"link target {link.href!r} is not an absolute http/https URL")
    return text


def _http_url(text: str) -> str:
    if not is_http_url(text) or text != text.strip():
        raise ValueError(f"{text!r} is not an absolute http/https URL")
    return text


def _year_as_text(value: object) -> object:
    """`published: 2024` is a year, not a number: accept it as the text "2024"."""
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return str(value)
    return value


def _partial_date(text: str) -> str:
    match = _PARTIAL_DATE.match(text)
    if not match:
        raise ValueError(f"{text!r} is not a date: write YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        date(year or 1, month or 1, day or 1)
    except ValueError as exc:
        raise ValueError(f"{text!r} is not a real date ({exc})") from None
    return text


OneLine = Annotated[StrictStr, AfterValidator(_one_line)]
Text = Annotated[StrictStr, AfterValidator(_no_control)]
InlineMarkdown = Annotated[StrictStr, AfterValidator(_no_control), AfterValidator(_safe_links)]
Url = Annotated[StrictStr, AfterValidator(_http_url)]
PartialDate = Annotated[StrictStr, BeforeValidator(_year_as_text), AfterValidator(_partial_date)]
Id = Annotated[StrictStr, Field(pattern=ID_PATTERN)]
Tag = Annotated[StrictStr, Field(pattern=TAG_PATTERN)]
Value = StrictInt | StrictFloat | OneLine


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Source(_Record):
    """One article or document: ``briefings/sources/<source-id>.yml``."""

    title: OneLine = Field(description="The headline as published; `[Report on …]` where none is printed.")
    outlet: OneLine | None = Field(None, description="Publisher; absent when the text does not say.")
    author: OneLine | None = Field(None, description="Byline.")
    published: PartialDate = Field(description="YYYY-MM-DD, YYYY-MM or YYYY: only as precise as known.")
    published_note: OneLine | None = Field(
        None, description="How the date was established when it is not printed on the article."
    )
    url: Url | None = Field(None, description="Where the article is published (http/https).")
    archive_url: Url | None = Field(None, description="An archived copy (http/https).")
    accessed: PartialDate | None = Field(None, description="When the source was read.")
    language: Annotated[StrictStr, Field(pattern=LANGUAGE_PATTERN)] = Field(
        "en", description="BCP 47 language tag."
    )
    kind: SourceKind = Field(
        "article",
        description="`article` (a news report), `reference` (an encyclopedia entry, an official record: "
                    "what articles are checked against; needs `url` and `accessed`) or `statement` "
                    "(a primary statement: a government release, a transcript).")


class Entity(_Record):
    """A person, organisation, country, place, agreement or event named by facts."""

    name: OneLine = Field(description="The name readers know.")
    kind: EntityKind = Field(description="What sort of thing the entity is.")
    description: OneLine | None = Field(None, description="One short line in the project's own words.")
    aliases: list[OneLine] = Field(default_factory=list, description="Other names the sources use.")


class Citation(_Record):
    """Where one source supports a fact."""

    source: Id = Field(description="A source id (the stem of a file in briefings/sources/).")
    locator: OneLine | None = Field(None, description="Where in the source: `paragraph 4`, `headline`.")
    quote: Text | None = Field(None, description="A short excerpt copied exactly from the source.")
    value: Value | None = Field(
        None, description="The figure or short answer this source gives for the fact."
    )
    error: Text | None = Field(
        None, description="Editors' note in the project's own words: this source is wrong on a checkable "
                          "point (what it says, what the record shows). The fact also cites a `reference`.")


class Correction(_Record):
    """One substantive change to a published fact, told to readers."""

    date: PartialDate = Field(description="When the correction was made (YYYY-MM-DD).")
    note: Text = Field(description="What changed and why, in the project's own words.")


class Fact(_Record):
    """One claim, with its status, who stands behind it and where it comes from."""

    id: Id = Field(description="Unique across all topics; the fact's permalink anchor.")
    claim: InlineMarkdown = Field(description="One or two sentences in the project's own words.")
    date: PartialDate | None = Field(None, description="When it happened or was said.")
    date_note: OneLine | None = Field(None, description="How the date was established, when derived.")
    status: Status = Field(description="confirmed, reported, alleged or disputed.")
    attributed_to: list[Id] = Field(default_factory=list, description="Entity ids of who asserts it.")
    denied_by: list[Id] = Field(default_factory=list, description="Entity ids that publicly denied it.")
    entities: list[Id] = Field(default_factory=list, description="Entity ids the fact is about.")
    tags: list[Tag] = Field(default_factory=list, description="Lowercase words or hyphenated phrases.")
    cites: list[Citation] = Field(min_length=1, description="At least one citation.")
    difference: Difference | None = Field(
        None, description="How the citations' different values relate: `contradiction` (they cannot all "
                          "be true) or `detail` (compatible: rounding, precision, wording).")
    reconciliation: Text | None = Field(
        None, description="With `difference: detail`: one sentence saying how the values fit together.")
    corrections: list[Correction] = Field(
        default_factory=list, description="Each substantive change to the published fact, shown to readers.")
    retired: Text | None = Field(
        None, description="The fact is withdrawn: why, in the project's own words (its anchor stays).")

    @model_validator(mode="after")
    def _alleged_needs_attribution(self) -> Fact:
        if self.status == "alleged" and not self.attributed_to:
            raise ValueError("an alleged fact needs `attributed_to`: who asserts it?")
        return self

    @cached_property  # asked for by every page that shows the fact
    def values(self) -> list[str]:
        """The distinct values its citations give, in citation order."""
        seen: list[str] = []
        for cite in self.cites:
            if cite.value is not None and str(cite.value) not in seen:
                seen.append(str(cite.value))
        return seen

    @cached_property
    def sources_disagree(self) -> bool:
        return len(self.values) > 1

    @cached_property
    def shown_status(self) -> str:
        """The status a reader sees: different values make a fact disputed."""
        return "disputed" if self.sources_disagree else self.status


class Topic(_Record):
    """One topic page: ``briefings/topics/<topic-id>.yml``."""

    title: OneLine = Field(description="Page title.")
    summary: InlineMarkdown = Field(description="One paragraph in the project's own words.")
    order: StrictInt | None = Field(None, description="Position in navigation.")
    facts: list[Fact] = Field(min_length=1, description="At least one fact.")


class Entities(RootModel[dict[Id, Entity]]):
    """``briefings/entities.yml``: a mapping of entity id to entity."""

    model_config = ConfigDict(strict=True, frozen=True)
