"""Stage 1 of the pipeline: the bytes of one YAML file -> plain values with positions.

Safe and strict, nothing else: the file is decoded as UTF-8, parsed into events by
libyaml's C parser where available, and built into dicts, lists and scalars by this
module, so that anchors, aliases, tags, duplicate keys and nesting that is too deep are
refused with their line. The text as written of every plain scalar YAML reads as a number
or a boolean is kept (``validate`` refuses a number YAML would rewrite, such as ``010``),
and every key and value keeps its 1-based position for the checks that come later. Nothing
is ever constructed from a tag.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from generator.errors import BriefingError, Problem

MAX_FILE_BYTES = 1 << 20
MAX_DEPTH = 32

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: A path into a loaded document: mapping keys and list indexes, as pydantic reports them.
DataPath = tuple[str | int, ...]
Position = tuple[int, int]

_STR = "tag:yaml.org,2002:str"
_CONSTRUCTOR = SafeConstructor()
_RESOLVER = Resolver()
_CONSTRUCTED_TAGS = {
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:null",
}


@dataclass
class LoadedFile:
    """One YAML document as plain values, with where each key and value stands."""

    path: Path
    display: str
    data: Any = None
    #: the file's text as read, for placing a word inside a value (:meth:`word_position`)
    text: str = ""
    value_positions: dict[DataPath, Position] = field(default_factory=dict)
    key_positions: dict[DataPath, Position] = field(default_factory=dict)
    #: the text as written of plain scalars YAML turned into booleans, numbers or null
    raw_scalars: dict[DataPath, str] = field(default_factory=dict)

    def rewritten(self, at: DataPath) -> bool:
        """Whether YAML 1.1 read the number at ``at`` as something else than its text: `010`
        (octal, 8), `12:30` (base 60, 750), `1_000`, `10.70`, `1e3`. ``validate`` refuses such
        a number wherever the model takes it: a figure reaches the page as written."""
        raw = self.raw_scalars.get(at)
        value = self.value_at(at)
        if raw is None or isinstance(value, bool) or not isinstance(value, (int, float)):
            return False
        return (str(value) if isinstance(value, int) else repr(value)) != raw

    def value_at(self, at: DataPath) -> Any:
        current = self.data
        for part in at:
            current = current[part]
        return current

    def position(self, data_path: DataPath, *, key: bool = False) -> Position:
        """The position of a value (or of its key), or of its nearest enclosing node."""
        table = self.key_positions if key else self.value_positions
        probe = tuple(data_path)
        while probe:
            if probe in table:
                return table[probe]
            if not key and probe in self.key_positions:
                return self.key_positions[probe]
            probe = probe[:-1]
        return self.value_positions.get((), (1, 1))

    def word_position(self, data_path: DataPath, word: str, nth: int = 0) -> Position:
        """Where the ``nth`` occurrence (from 0) of ``word`` in the text value at ``data_path``
        stands as written, so a rule can point at the word it names; where the value starts
        when the written form does not hold the word whole (split over lines, escaped)."""
        line, column = self.position(data_path)
        lines = self.text.splitlines(keepends=True)
        starts = [0]
        for text in lines:
            starts.append(starts[-1] + len(text))

        def index(position: Position) -> int:
            return starts[min(position[0], len(starts)) - 1] + position[1] - 1

        start = index((line, column))
        after = [index(p) for p in (*self.key_positions.values(), *self.value_positions.values())
                 if p > (line, column)]
        end = min(after, default=len(self.text))  # the next key or value: the word is before it
        pattern = re.compile(r"\b" + re.escape(word) + r"\b")
        found = None
        for count, match in enumerate(pattern.finditer(self.text, start, end)):
            if count == nth:
                found = match.start()
                break
        if found is None:
            return line, column
        before = self.text[:found]
        return before.count("\n") + 1, found - (before.rfind("\n") + 1) + 1


class YamlProblem(BriefingError):
    """A file that cannot be loaded at all; carries the located problem."""

    kind = "unreadable YAML"

    @property
    def problem(self) -> Problem:
        return self.problems[0]


def load_file(path: Path, display: str | None = None) -> LoadedFile:
    """Read, decode and parse one YAML file; raise :class:`YamlProblem` when that is impossible."""
    shown = display or str(path)
    raw = path.read_bytes()
    return load_bytes(raw, path, shown)


def load_bytes(raw: bytes, path: Path, display: str) -> LoadedFile:
    """Load YAML from bytes already read (the fuzz harness and the tests enter here)."""
    if len(raw) > MAX_FILE_BYTES:
        _fail(display, 1, 1, f"file is {len(raw)} bytes, over the 1 MiB limit",
              "split the file, or move long text out of it")
    text = _decode(raw, display)
    loaded = LoadedFile(path=path, display=display, text=text)
    builder = _Builder(text, loaded)
    try:
        loaded.data = builder.document()
    except yaml.MarkedYAMLError as exc:
        quote = _open_quote(text, exc)
        if quote is not None:
            opened, runs_to = quote
            end = "the end of the file" if runs_to is None else f"line {runs_to + 1}"
            _fail(display, opened.line + 1, opened.column + 1, f"YAML syntax: the quoted text opened here is not "
                  f"closed on its line (it runs on to {end})",
                  "close the quote where the text ends; a quote mark inside the text is written \\\" (or put the "
                  "text in single quotes)")
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = " ".join(str(part) for part in (exc.context, exc.problem) if part)
        _fail(display, line, column, f"YAML syntax: {message}", _syntax_hint(text, line, column))
    except yaml.YAMLError as exc:
        _fail(display, 1, 1, f"YAML syntax: {exc}", "check the file's indentation and quoting")
    return loaded


def _open_quote(text: str, exc: yaml.MarkedYAMLError) -> tuple[yaml.Mark, int | None] | None:
    """Where a quote left open starts, and the line it runs on to (None: the end of the file),
    when that is the error: a quoted scalar still open at the end of the file, or one that
    closed lines later, at the next quote mark, just before the error."""
    if exc.context and "quoted scalar" in exc.context and "end of stream" in str(exc.problem) and exc.context_mark:
        return exc.context_mark, None
    if exc.problem_mark is None:
        return None
    before: yaml.Token | None = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.end_mark.index > exc.problem_mark.index:
                break
            before = token
    except yaml.YAMLError:
        pass
    if (isinstance(before, yaml.ScalarToken) and before.style in ('"', "'")
            and before.end_mark.line > before.start_mark.line):
        return before.start_mark, before.end_mark.line
    return None


def _decode(raw: bytes, display: str) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        _fail(display, line, column, f"file is not valid UTF-8 (byte 0x{raw[exc.start]:02x})",
              "save the file as UTF-8")
    return text.removeprefix("\ufeff")


def _syntax_hint(text: str, line: int, column: int) -> str:
    lines = text.splitlines()
    if 0 < line <= len(lines) and "\t" in lines[line - 1][: max(column, 1)]:
        return "indent with spaces, not tabs"
    return "check indentation, and quote text that contains ': ' or starts with a special character"


def _fail(display: str, line: int, column: int, message: str, hint: str) -> None:
    raise YamlProblem.at(display, message, hint, line=line, column=column)


class _Builder:
    """Walks libyaml's events and builds plain values, refusing what the format forbids."""

    def __init__(self, text: str, loaded: LoadedFile) -> None:
        self.loader = Loader(text)
        self.loaded = loaded

    def document(self) -> Any:
        loader = self.loader
        try:
            loader.get_event()  # StreamStart
            if loader.check_event(yaml.StreamEndEvent):
                return None
            loader.get_event()  # DocumentStart
            value = self.node((), 0)
            loader.get_event()  # DocumentEnd
            if not loader.check_event(yaml.StreamEndEvent):
                event = loader.peek_event()
                self.refuse(event, "a file holds one YAML document; found a second ('---')",
                            "remove the second document or move it to its own file")
            return value
        finally:
            loader.dispose()

    def refuse(self, event: yaml.Event, message: str, hint: str) -> None:
        mark = event.start_mark
        _fail(self.loaded.display, mark.line + 1, mark.column + 1, message, hint)

    def node(self, at: DataPath, depth: int) -> Any:
        event = self.loader.get_event()
        if isinstance(event, yaml.AliasEvent):
            self.refuse(event, f"YAML aliases are not allowed (*{event.anchor})",
                        "write the value out in full instead of referring to an anchor")
        if getattr(event, "anchor", None):
            self.refuse(event, f"YAML anchors are not allowed (&{event.anchor})",
                        "remove the anchor; write each value out in full")
        tag = getattr(event, "tag", None)
        if tag not in (None, "!"):
            self.refuse(event, f"YAML tags are not allowed ({tag})",
                        "remove the tag; quote the value if it must be text")
        if depth > MAX_DEPTH:
            self.refuse(event, f"nesting deeper than {MAX_DEPTH} levels",
                        "the format needs only a few levels of nesting")
        mark = event.start_mark
        self.loaded.value_positions[at] = (mark.line + 1, mark.column + 1)
        if isinstance(event, yaml.ScalarEvent):
            value = _scalar(event)
            if not isinstance(value, str):
                self.loaded.raw_scalars[at] = event.value
            return value
        if isinstance(event, yaml.SequenceStartEvent):
            items: list[Any] = []
            while not self.loader.check_event(yaml.SequenceEndEvent):
                items.append(self.node((*at, len(items)), depth + 1))
            self.loader.get_event()
            return items
        if isinstance(event, yaml.MappingStartEvent):
            return self.mapping(at, depth)
        self.refuse(event, "unexpected YAML structure", "check the file's indentation")
        return None

    def mapping(self, at: DataPath, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        while not self.loader.check_event(yaml.MappingEndEvent):
            key_event = self.loader.peek_event()
            if not isinstance(key_event, yaml.ScalarEvent):
                if isinstance(key_event, yaml.AliasEvent):
                    self.refuse(key_event, f"YAML aliases are not allowed (*{key_event.anchor})",
                                "write the key out in full")
                self.refuse(key_event, "a mapping key must be a plain name",
                            "write keys as `name: value`")
            self.loader.get_event()
            if key_event.anchor or key_event.tag not in (None, "!"):
                self.refuse(key_event, "anchors and tags are not allowed on keys", "remove them")
            key = key_event.value
            if key == "<<" and key_event.implicit[0]:
                self.refuse(key_event, "YAML merge keys (<<) are not allowed",
                            "write every field out in full")
            mark = key_event.start_mark
            position = (mark.line + 1, mark.column + 1)
            if key in result:
                first = self.loaded.key_positions[(*at, key)]
                self.refuse(key_event, f"duplicate key '{key}' (first at line {first[0]})",
                            "keep one of the two; YAML would silently use the last")
            self.loaded.key_positions[(*at, key)] = position
            result[key] = self.node((*at, key), depth + 1)
        self.loader.get_event()
        return result


def _scalar(event: yaml.ScalarEvent) -> Any:
    """Plain scalars resolve as YAML 1.1 would (so `NO` is a boolean the checks can refuse);
    quoted ones are always text; dates stay as the text written."""
    tag = _RESOLVER.resolve(ScalarNode, event.value, event.implicit) if event.implicit[0] else _STR
    if tag in _CONSTRUCTED_TAGS:
        construct = SafeConstructor.yaml_constructors[tag]
        return construct(_CONSTRUCTOR, ScalarNode(tag, event.value))
    return event.value
