"""What a contributor reads for each validation failure: pydantic's error -> message and hint.

``validate`` hands every failure of a model here. The message and hint are chosen by the
error's *type* (pydantic's own, such as ``missing`` or ``literal_error``, and the custom
types the validators of ``model`` raise, such as ``not_a_date``), never by the wording of
its message. The hint says how to fix it, inferring the fix where it can (``March 2023`` ->
``2023-03``).
"""

from __future__ import annotations

import datetime
import difflib
import re
import types
import typing
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from generator.load import DataPath, LoadedFile
from generator.vocabulary import MONTHS

#: A month's name and the first three letters of it (``aug``), lowercase -> its number
_MONTHS = {name: number for number, month in enumerate(MONTHS, start=1)
           for name in (month.lower(), month.lower()[:3])}


def field_name(at: tuple[str | int, ...]) -> str:
    """The field a data path ends in, as a flag or prompt names it (``source``, ``status``)."""
    return next((str(part) for part in reversed(at) if isinstance(part, str)), "")


@dataclass(frozen=True)
class Failure:
    """One pydantic failure, placed in the file: what the checks need to word it."""

    model: type[BaseModel]
    loaded: LoadedFile
    kind: str
    message: str
    value: Any
    context: dict[str, Any]
    at: DataPath
    """Where the failure is, as far as the file holds it."""
    rest: tuple[Any, ...]
    """What pydantic's location says beyond that (a missing field's name, ``[key]``)."""

    @property
    def field(self) -> str:
        return field_name(self.at)

    @property
    def raw(self) -> str | None:
        """The text as written of a plain scalar YAML read as a boolean, number or null."""
        return self.loaded.raw_scalars.get(self.at)


@dataclass(frozen=True)
class Wording:
    """A failure as the contributor reads it, and where it points."""

    message: str
    hint: str
    at: DataPath
    on_key: bool = False


def closest(wrong: str, known: Iterable[str], where: str) -> str:
    """A hint naming the known ids closest to a wrong one, or where to add it."""
    matches = difflib.get_close_matches(wrong, list(known), n=3, cutoff=0.5)
    if matches:
        return "did you mean " + " or ".join(f"'{m}'" for m in matches) + "?"
    return f"add it to {where}, or fix the id"


def describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing (an empty value)"
    return f"{type(value).__name__} {value!r}"


def date_hint(text: Any) -> str:
    """How to write a date, with the fix when the text says a date another way."""
    general = "write YYYY-MM-DD, YYYY-MM or YYYY, only as precise as known"
    if not isinstance(text, str):
        return general
    words = re.findall(r"[A-Za-z]+|\d+", text)
    months = [_MONTHS[w.lower()] for w in words if w.lower() in _MONTHS]
    years = [w for w in words if len(w) == 4 and w.isdigit()]
    if months and len(years) == 1:
        month = months[0]
        days = [w for w in words if w.isdigit() and len(w) <= 2 and 1 <= int(w) <= 31]
        if len(days) == 1:
            return f"write `{years[0]}-{month:02d}-{int(days[0]):02d}`"
        return f"write `{years[0]}-{month:02d}`"
    slashed = re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})", text.strip())
    if slashed:
        first, second, year = int(slashed[1]), int(slashed[2]), int(slashed[3])
        readings = list(dict.fromkeys(f"{year}-{month:02d}-{day:02d}" for day, month in ((first, second),
                                                                                        (second, first))
                                      if _real_date(year, month, day)))
        if len(readings) == 1:
            return f"write `{readings[0]}`"
        if readings:
            return f"{general} (is it {readings[0]} or {readings[1]}?)"
    return general


def _real_date(year: int, month: int, day: int) -> bool:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def _extra(f: Failure) -> Wording:
    known = fields_at(f.model, f.at[:-1])
    close = difflib.get_close_matches(str(f.at[-1]), known, n=1, cutoff=0.5)
    return Wording(f"unknown field '{f.at[-1]}'",
                   (f"did you mean '{close[0]}'? " if close else "") + "known fields: " + ", ".join(known),
                   f.at, on_key=True)


def _missing(f: Failure) -> Wording:
    name = f.rest[0] if f.rest else f.field
    return Wording(f"missing required field '{name}'", f"add `{name}:` here", f.at)


def _not_text(f: Failure) -> Wording:
    if f.raw is not None:
        what = {bool: "a boolean", int: "a number", float: "a number", type(None): "empty (null)"}.get(
            type(f.value), "not text")
        hint = f"put it in quotes: '{f.raw}'" if f.raw else "write a value, or remove the field"
        return Wording(f"expected text, but YAML reads {f.raw!r} as {what}", hint, f.at)
    return Wording(f"expected text, got {describe(f.value)}", "write the value as quoted text", f.at)


def _pattern(f: Failure) -> Wording:
    if f.field == "tags":
        return Wording(f"{f.value!r} is not a valid tag",
                       "tags are lowercase words or hyphenated phrases, e.g. `food-aid`", f.at)
    if f.field == "language":
        return Wording(f"{f.value!r} is not a BCP 47 language tag", "e.g. `en`, `ko`, `ru`, `en-GB`", f.at)
    return Wording(f"{f.value!r} is not a valid id",
                   "ids use lowercase letters, digits and hyphens, start with a letter or digit, at most 80",
                   f.at)


def _literal(f: Failure) -> Wording:
    expected = str(f.context.get("expected", ""))
    close = difflib.get_close_matches(str(f.value), re.findall(r"'([^']+)'", expected), n=1)
    return Wording(f"{f.value!r} is not allowed here; expected {expected}",
                   f"did you mean '{close[0]}'?" if close else f"use one of {expected}", f.at)


def _alleged(f: Failure) -> Wording:
    at = (*f.at, "status") if isinstance(f.loaded.data, dict) or f.at else f.at
    return Wording(f.message, "add `attributed_to: [entity-id]`, or choose another status", at)


def _fixed(hint: str) -> Callable[[Failure], Wording]:
    return lambda f: Wording(f.message, hint, f.at)


#: A coordinate's field -> what it runs across, for a hint when it is out of range.
_COORDINATES = {"lat": ("latitude", "-90 (south) to 90 (north)"), "lon": ("longitude", "-180 (west) to 180 (east)")}


def _not_number(f: Failure) -> Wording:
    """A number field given text (a coordinate in degrees and minutes, a quoted number)."""
    if f.field in _COORDINATES and not isinstance(f.value, bool):
        return Wording(f"expected decimal degrees, got {describe(f.value)}",
                       "write the number without quotes, e.g. 39.01944; degrees, minutes and seconds convert "
                       "as degrees + minutes/60 + seconds/3600 (39°1′10″N is 39.01944, south and west are "
                       "negative)", f.at)
    return _not_text(f)


def _out_of_range(bound: str, word: str) -> Callable[[Failure], Wording]:
    def wording(f: Failure) -> Wording:
        limit = f.context.get(bound)
        if f.field in _COORDINATES:
            what, span = _COORDINATES[f.field]
            return Wording(f"{f.value!r} is not a {what}: it runs from {span}",
                           "write decimal degrees as the reference page gives them (a minus sign for south or "
                           "west; 39°1′10″N is 39.01944); are `lat` and `lon` swapped?", f.at)
        return Wording(f"{f.value!r} is too {word}: at {'least' if bound == 'ge' else 'most'} {limit}",
                       f"write a number of {limit} or {'more' if bound == 'ge' else 'less'}", f.at)
    return wording


def _too_short(f: Failure) -> Wording:
    example = {"cites": "a citation with `source:`", "supports": "a fact id", "facts": "a fact"}.get(
        f.field, "an item")
    return Wording(f"'{f.field}' needs at least one item", f"add an item, e.g. {example}", f.at)


#: error type -> how it is worded
WORDINGS: dict[str, Callable[[Failure], Wording]] = {
    "extra_forbidden": _extra,
    "missing": _missing,
    "string_type": _not_text,
    "int_type": _not_number,
    "float_type": _not_number,
    "string_pattern_mismatch": _pattern,
    "literal_error": _literal,
    "dict_type": lambda f: Wording(f"expected a mapping of fields, got {describe(f.value)}",
                                   "write `field: value` lines, indented under their parent", f.at),
    "model_type": lambda f: WORDINGS["dict_type"](f),
    "model_attributes_type": lambda f: WORDINGS["dict_type"](f),
    "list_type": lambda f: Wording(f"expected a list, got {describe(f.value)}",
                                   "write one `- item` per line, or `[a, b]`", f.at),
    "too_short": _too_short,
    "alleged_without_attribution": _alleged,
    "not_a_date": lambda f: Wording(f.message, date_hint(f.value), f.at),
    "not_a_real_date": lambda f: Wording(f.message, date_hint(f.value), f.at),
    "not_a_full_date": lambda f: Wording(f.message, "write the day too: YYYY-MM-DD", f.at),
    "bool_type": lambda f: Wording(f"expected true or false, got {describe(f.value)}",
                                   "write `true` or `false`, without quotes", f.at),
    "greater_than_equal": _out_of_range("ge", "small"),
    "less_than_equal": _out_of_range("le", "large"),
    "location_not_place": lambda f: Wording(f.message, "remove `location`, or set `kind: place` if it is a "
                                            "place", (*f.at, "location"), on_key=True),
    "not_http_url": _fixed("only absolute http:// or https:// links are allowed"),
    "unsafe_link": _fixed("only absolute http:// or https:// links are allowed"),
    "newline": _fixed("keep this field on one line"),
    "control_characters": _fixed("remove the invisible characters"),
    "empty_text": _fixed("write the text, or remove the field"),
    "no_value": lambda f: Wording(f"`{f.field}` has no value (YAML reads {repr(f.raw) if f.raw else 'nothing'} "
                                  "as null)", "write its value, or remove the field", f.at),
}


def word(failure: Failure) -> Wording:
    """The message and hint for one failure (by its type; pydantic's own words otherwise)."""
    wording = WORDINGS.get(failure.kind)
    if wording is None:
        return Wording(failure.message, "see FORMAT.md for what this field holds", failure.at)
    return wording(failure)


def union_rank(kind: str) -> int:
    """Of a union's failures at one place, the one that says what is wrong beats "not text",
    which beats "not a number"."""
    return 2 if kind.endswith("_type") and kind != "string_type" else 1 if kind == "string_type" else 0


def fields_at(model: type[BaseModel], at: DataPath) -> list[str]:
    """The field names the model allows at a path of the data (for 'did you mean')."""
    current: Any = model
    for part in at:
        current = _unwrap(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            if "root" in current.model_fields:  # a mapping of ids or a list: the item's model
                args = typing.get_args(_unwrap(current.model_fields["root"].annotation))
                current = args[-1] if args else None
                continue
            info = current.model_fields.get(str(part))
            current = info.annotation if info else None
        elif isinstance(part, int):
            args = typing.get_args(current)
            current = args[0] if args else None
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel) and "root" not in current.model_fields:
        return sorted(current.model_fields)
    return []


def _unwrap(annotation: Any) -> Any:
    """Strip Optional/Annotated wrappers down to a model class or a list type."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0]
        else:
            return annotation
