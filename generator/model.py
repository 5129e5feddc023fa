"""Stage 2 of the pipeline: typed models of the briefing format (``FORMAT.md`` tells it).

Each kind of file is a pydantic model; validation is the schema library's, and the same
models produce the JSON Schemas editors use and the format reference. The models only say
what one file may hold; rules that look across files (references, uniqueness, unused
sources) live in ``rules``. Text is validated, never altered: escaping happens once, when
pages are rendered. Every failure a validator here raises has an error type of its own
(``messages`` gives each its hint), and every constraint a validator function enforces is
also stated for JSON Schema beside it (:class:`SchemaRule`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    RootModel,
    StrictFloat,
    StrictInt,
    StrictStr,
    field_validator,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from generator.inline import control_characters, is_http_url, links_in

ID_PATTERN = r"^[a-z0-9][a-z0-9-]{0,79}$"
TAG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
LANGUAGE_PATTERN = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
PARTIAL_DATE_PATTERN = r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$"
FULL_DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
_PARTIAL_DATE = re.compile(PARTIAL_DATE_PATTERN)

Status = Literal["confirmed", "reported", "alleged", "disputed"]
EntityKind = Literal["person", "organization", "country", "place", "agreement", "event"]
SourceKind = Literal["article", "reference", "statement"]
Difference = Literal["contradiction", "detail"]
Likelihood = Literal["almost-no-chance", "very-unlikely", "unlikely", "roughly-even-chance", "likely",
                     "very-likely", "almost-certain"]
Confidence = Literal["low", "moderate", "high"]
STATUSES: tuple[str, ...] = ("confirmed", "reported", "alleged", "disputed")


@dataclass(frozen=True)
class SchemaRule:
    """What a validator function enforces, said in JSON Schema for editors: merged into the
    schema of the type it annotates (``allOf`` where a keyword is already there), or, with
    ``alternative``, offered beside it (``anyOf``). Never stricter than the function."""

    keywords: dict[str, Any] = field(default_factory=dict)
    alternative: dict[str, Any] | None = None
    #: what the type holds, in words, for the format reference (``FORMAT.md``)
    label: str = ""

    def __get_pydantic_json_schema__(self, schema: core_schema.CoreSchema,
                                     handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        result = handler(schema)
        if self.alternative is not None:
            return {"anyOf": [result, dict(self.alternative)]}
        if any(key in result for key in self.keywords):
            return {"allOf": [result, dict(self.keywords)]}
        return {**result, **self.keywords}

    def __hash__(self) -> int:
        return hash(repr(self))


def _fail(kind: str, message: str, **context: Any) -> PydanticCustomError:
    return PydanticCustomError(kind, message, context)


def _no_control(text: str) -> str:
    bad = control_characters(text)
    if bad:
        raise _fail("control_characters", "control characters are not allowed ({found})",
                    found=", ".join(bad))
    if not text.strip():
        raise _fail("empty_text", "text is empty")
    return text


def _one_line(text: str) -> str:
    if "\n" in text.rstrip("\n") or "\r" in text:
        raise _fail("newline", "a newline is not allowed in a one-line field")
    return _no_control(text)


def _safe_links(text: str) -> str:
    for link in links_in(text):
        if not link.is_safe:
            raise _fail("unsafe_link", "link target '{href}' is not an absolute http/https URL",
                        href=link.href)
    return text


def _http_url(text: str) -> str:
    if not is_http_url(text) or text != text.strip():
        raise _fail("not_http_url", "'{text}' is not an absolute http/https URL", text=text)
    return text


def _year_as_text(value: object) -> object:
    """`published: 2024` is a year, not a number: accept it as the text "2024"."""
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return str(value)
    return value


def _partial_date(text: str) -> str:
    match = _PARTIAL_DATE.match(text)
    if not match:
        raise _fail("not_a_date", "'{text}' is not a date: write YYYY-MM-DD, YYYY-MM or YYYY", text=text)
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        date(year or 1, month or 1, day or 1)
    except ValueError as exc:
        raise _fail("not_a_real_date", "'{text}' is not a real date ({why})",
                    text=text, why=str(exc)) from None
    return text


def first_day(value: str) -> date:
    """The first day a partial date covers: ``2024-08`` -> 1 August 2024."""
    parts = [int(part) for part in value.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])


def last_day(value: str) -> date:
    """The last day a partial date covers: ``2024-08`` -> 31 August 2024."""
    start = first_day(value)
    following = {0: lambda: date(start.year + 1, 1, 1),
                 1: lambda: date(start.year + start.month // 12, start.month % 12 + 1, 1),
                 2: lambda: start + timedelta(days=1)}[value.count("-")]()
    return following - timedelta(days=1)


def newest_date(values: Iterable[str | None]) -> str | None:
    """The newest of some partial dates, as written (None when there are none). Dates are
    ordered by the first day they cover, a more precise date after a less precise one that
    starts the same day (``2024-08-01`` is newer than ``2024-08``)."""
    return max((v for v in values if v), key=lambda v: (first_day(v), v.count("-")), default=None)


def _full_date(text: str) -> str:
    _partial_date(text)
    if text.count("-") != 2:
        raise _fail("not_a_full_date", "'{text}' is not a full date: write YYYY-MM-DD", text=text)
    return text


OneLine = Annotated[StrictStr, AfterValidator(_one_line),
                    SchemaRule({"minLength": 1, "pattern": "^[^\\r\\n]*\\n*$"}, label="one line of text")]
Text = Annotated[StrictStr, AfterValidator(_no_control), SchemaRule({"minLength": 1}, label="text")]
InlineMarkdown = Annotated[StrictStr, AfterValidator(_no_control), AfterValidator(_safe_links),
                           SchemaRule({"minLength": 1}, label="inline Markdown")]
Url = Annotated[StrictStr, AfterValidator(_http_url),
                SchemaRule({"pattern": "^[Hh][Tt][Tt][Pp][Ss]?://[^/?#\\s]"}, label="http/https URL")]
PartialDate = Annotated[StrictStr, AfterValidator(_partial_date),
                        SchemaRule({"pattern": PARTIAL_DATE_PATTERN}, label="YYYY-MM-DD, YYYY-MM or YYYY"),
                        BeforeValidator(_year_as_text),
                        SchemaRule(alternative={"type": "integer", "minimum": 1000, "maximum": 9999})]
FullDate = Annotated[StrictStr, AfterValidator(_full_date),
                     SchemaRule({"pattern": FULL_DATE_PATTERN}, label="YYYY-MM-DD")]
Id = Annotated[StrictStr, Field(pattern=ID_PATTERN)]
Tag = Annotated[StrictStr, Field(pattern=TAG_PATTERN)]
#: A cited figure or short answer. YAML numbers are accepted only where they read back as
#: written (the loader refuses `010`, `1_000`, `10.70`), so ``str(value)`` is the text written.
Value = StrictInt | StrictFloat | OneLine


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    @field_validator("*", mode="before")
    @classmethod
    def _has_a_value(cls, value: object) -> object:
        """A field written is a field with a value: `locator:` with nothing, `~` or `null` are
        refused (an optional field is left out instead)."""
        if value is None:
            raise _fail("no_value", "the field has no value")
        return value


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
        "article", examples=["reference"],
        description="`article` (a news report), `reference` (an encyclopedia entry, an official record: "
                    "what articles are checked against; needs `url` and `accessed`) or `statement` "
                    "(a primary statement: a government release, a transcript).")
    restates: list[Id] = Field(
        default_factory=list, examples=[["russia-tightens-bond-goats"]],
        description="Source ids this source repeats rather than reports on its own (wire copy, a write-up of "
                    "another outlet's report, an embedded post): corroboration counts origins, not articles.")


Latitude = Annotated[StrictFloat | StrictInt, Field(ge=-90, le=90)]
Longitude = Annotated[StrictFloat | StrictInt, Field(ge=-180, le=180)]


class Location(_Record):
    """Where a place is: decimal degrees (WGS 84), and the reference source read for them."""

    lat: Latitude = Field(description="Latitude in decimal degrees, -90 (south) to 90 (north).",
                          examples=[39.01944])
    lon: Longitude = Field(description="Longitude in decimal degrees, -180 (west) to 180 (east).",
                           examples=[125.73806])
    source: Id = Field(description="The id of the `reference` source (a gazetteer or encyclopedia page) "
                                   "the coordinates were read from.")


class Entity(_Record):
    """A person, organisation, country, place, agreement or event named by facts."""

    model_config = ConfigDict(json_schema_extra={
        "if": {"required": ["location"]}, "then": {"properties": {"kind": {"const": "place"}}}})

    name: OneLine = Field(description="The name readers know.")
    kind: EntityKind = Field(description="What sort of thing the entity is.")
    description: OneLine | None = Field(None, description="One short line in the project's own words.")
    aliases: list[OneLine] = Field(default_factory=list, description="Other names the sources use.")
    location: Location | None = Field(
        None, description="Places only: `{lat, lon, source}` in decimal degrees and the id of the `reference` "
                          "source read for them; a region is located at a representative point and its "
                          "description says so.")

    @model_validator(mode="after")
    def _location_of_a_place(self) -> Entity:
        if self.location is not None and self.kind != "place":
            raise _fail("location_not_place", "only a place has a `location`, and this entity's kind is "
                        "'{entity_kind}'", entity_kind=self.kind)
        return self


class Citation(_Record):
    """Where one source supports a fact."""

    source: Id = Field(description="A source id (the stem of a file in briefings/sources/).")
    locator: OneLine | None = Field(None, description="Where in the source: `paragraph 4`, `headline`.")
    quote: Text | None = Field(None, description="A short excerpt copied exactly from the source.")
    value: Value | None = Field(
        None, description="The figure or short answer this source gives for the fact, as the source gives it."
    )
    error: Text | None = Field(
        None, description="Editors' note in the project's own words: this source is wrong on a checkable "
                          "point (what it says, what the record shows). The fact also cites a `reference`.",
        examples=["The article says the monument honours Soviet soldiers who died in the 1950–53 war. The record "
                  "shows it was built in 1947 to honour the Soviet soldiers who liberated Korea in 1945."])

    @property
    def shown_value(self) -> str | None:
        """The value as written in the file (numbers are only accepted where that is the same)."""
        return None if self.value is None else str(self.value)


class Correction(_Record):
    """One substantive change to a published fact, told to readers."""

    date: FullDate = Field(description="When the correction was made (YYYY-MM-DD).")
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
                          "be true) or `detail` (compatible: rounding, precision, wording).",
        examples=["detail", "contradiction"])
    reconciliation: Text | None = Field(
        None, description="With `difference: detail`: one sentence saying how the values fit together.",
        examples=["447 is the count; nearly 450 and 450 round it."])
    corrections: list[Correction] = Field(
        default_factory=list, description="Each substantive change to the published fact, shown to readers.")
    retired: Text | None = Field(
        None, description="The fact is withdrawn: why, in the project's own words (its anchor stays).")

    @model_validator(mode="after")
    def _alleged_needs_attribution(self) -> Fact:
        if self.status == "alleged" and not self.attributed_to:
            raise _fail("alleged_without_attribution",
                        "an alleged fact needs `attributed_to`: who asserts it?")
        return self

    @cached_property  # asked for by every page that shows the fact
    def values(self) -> list[str]:
        """The distinct values its citations give, as written, in citation order."""
        return list(dict.fromkeys(c.shown_value for c in self.cites if c.shown_value is not None))

    @cached_property
    def sources(self) -> list[str]:
        """The distinct sources it cites, in the order first cited."""
        return list(dict.fromkeys(c.source for c in self.cites))

    @property
    def single_source(self) -> bool:
        """Whether one source alone supports it (readers see a mark; no edit can change it)."""
        return len(self.sources) == 1

    @property
    def values_differ(self) -> bool:
        return len(self.values) > 1

    @property
    def contradicted(self) -> bool:
        """Whether its sources contradict each other (not merely differ in detail)."""
        return self.values_differ and self.difference == "contradiction"

    def sources_giving(self, value: str) -> list[str]:
        """The sources whose citations give ``value``, in citation order."""
        return list(dict.fromkeys(c.source for c in self.cites if c.shown_value == value))


class Topic(_Record):
    """One topic page: ``briefings/topics/<topic-id>.yml``."""

    title: OneLine = Field(description="Page title.")
    summary: InlineMarkdown = Field(description="One paragraph in the project's own words.")
    order: StrictInt | None = Field(None, description="Position in navigation.")
    facts: list[Fact] = Field(min_length=1, description="At least one fact.")


class Entities(RootModel[dict[Id, Entity]]):
    """``briefings/entities.yml``: a mapping of entity id to entity."""

    model_config = ConfigDict(strict=True, frozen=True)


class Alternative(_Record):
    """Another explanation the judgment considered, with its own likelihood."""

    text: Text = Field(description="The alternative, in the project's own words.")
    likelihood: Likelihood = Field(description="Its likelihood on the same estimative scale.")


class HistoryEntry(_Record):
    """One change of a judgment, and why."""

    date: FullDate = Field(description="When the judgment changed (YYYY-MM-DD).")
    change: Text = Field(description="What changed and why, in the project's own words.")


class Judgment(_Record):
    """One key judgment: the briefing's bottom line on one question."""

    id: Id = Field(description="Unique among judgments; the judgment's permalink anchor.")
    question: OneLine = Field(description="The question a reader wants answered, in one line.")
    judgment: InlineMarkdown = Field(description="One or two sentences in the project's own words.")
    likelihood: Likelihood = Field(description="The estimative term of the US ICD 203 scale.")
    confidence: Confidence = Field(description="How well the evidence supports the judgment: low, "
                                               "moderate or high (told apart from its likelihood).")
    basis: Text = Field(description="Why that confidence: the sources' quality and independence, what rests "
                                    "on assumption, what is missing.")
    supports: list[Id] = Field(min_length=1, description="Fact ids the judgment rests on.")
    cuts_against: list[Id] = Field(default_factory=list, description="Fact ids that weigh against it.")
    topics: list[Id] = Field(default_factory=list, description="Topic ids whose pages open with it.")
    assumptions: list[Text] = Field(default_factory=list, description="Short sentences.")
    alternatives: list[Alternative] = Field(default_factory=list,
                                            description="Other explanations considered.")
    gaps: list[Text] = Field(default_factory=list, description="What we do not know that would matter.")
    indicators: list[Text] = Field(default_factory=list,
                                   description="What to watch; what would change the judgment.")
    reviewed: FullDate = Field(description="When the judgment was last reviewed against the facts.")
    history: list[HistoryEntry] = Field(default_factory=list,
                                        description="How the judgment changed, oldest first, and why.")


class Judgments(RootModel[list[Judgment]]):
    """``briefings/judgments.yml``: the key judgments, most important first."""

    model_config = ConfigDict(strict=True, frozen=True)
