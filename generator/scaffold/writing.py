"""Writing new entries into YAML files without touching a byte already there.

A source or topic is a new file (never overwriting one); a fact, an entity or a judgment
is text inserted after the last item of a block list or mapping, in the file's own
indentation and line endings, so comments, key order and quoting stay exactly as the
contributor left them. Every text is written as a YAML double-quoted scalar that reads back
as exactly that text, and the result is loaded back and compared with what was meant
before anything touches the disk.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.errors import ScaffoldError
from generator.load import LoadedFile, YamlProblem, load_bytes
from generator.schemas import SCHEMA_DIR

_NOT_PRINTABLE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


def _quote(text: str) -> str:
    """A YAML double-quoted scalar that reads back as exactly ``text``."""
    return _NOT_PRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text, ensure_ascii=False))


def _scalar(value: Any) -> str:
    if isinstance(value, str):
        return _quote(value)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"cannot write {value!r}")
    return repr(value)


def mapping_lines(data: dict[str, Any], indent: int) -> list[str]:
    return item_lines(data, None, indent)


def item_lines(data: dict[str, Any], dash: int | None, content: int | None = None) -> list[str]:
    """A mapping as block YAML; with ``dash`` it is a list item (``- `` at that column)."""
    if content is None:
        content = (dash or 0) + 2
    lines = []
    for number, (key, value) in enumerate(data.items()):
        first = number == 0 and dash is not None
        prefix = " " * (dash or 0) + "-" + " " * (content - (dash or 0) - 1) if first else " " * content
        if isinstance(value, list) and value and isinstance(value[0], dict):
            lines.append(f"{prefix}{key}:")
            for item in value:
                lines.extend(item_lines(item, content + 2))
        elif isinstance(value, dict):
            lines.append(f"{prefix}{key}: {{{', '.join(f'{k}: {_scalar(v)}' for k, v in value.items())}}}")
        elif isinstance(value, list):
            lines.append(f"{prefix}{key}: [{', '.join(_scalar(v) for v in value)}]")
        else:
            lines.append(f"{prefix}{key}: {_scalar(value)}")
    return lines


def _schema_comment(path: Path, root: Path, kind: str) -> str:
    schema = root / SCHEMA_DIR / f"{kind}.schema.json"
    return f"# yaml-language-server: $schema={Path(os.path.relpath(schema, path.parent)).as_posix()}"


@dataclass
class Scaffolded:
    """What was written: the file (shown relative to the project) and the new entry's id."""

    path: Path
    display: str
    id: str
    appended: bool
    #: the line where the new entry starts
    line: int = 1


#: Called with the file's new bytes and the lines the new entry spans, before anything is written:
#: raises to refuse the entry.
Verify = Callable[[Path, bytes, int, int], None]


def create(root: Path, path: Path, display: str, kind: str, new_id: str, body: list[str],
           verify: Verify) -> Scaffolded:
    text = "\n".join([_schema_comment(path, root, kind), *body]) + "\n"
    load_new(text.encode("utf-8"), path, display)
    verify(path, text.encode("utf-8"), 1, text.count("\n"))
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8", newline="\n") as handle:  # never overwrite
        handle.write(text)
    return Scaffolded(path, display, new_id, appended=False, line=2)


def insert(path: Path, display: str, raw: bytes, lines: list[str], at_line: int, new_lines: list[str],
           separated: bool, expected: Any, new_id: str, verify: Verify) -> Scaffolded:
    """Insert ``new_lines`` before line index ``at_line``, keeping every existing byte."""
    newline = "\r\n" if "\r\n" in (lines[0] if lines else "") else "\n"
    before = "".join(lines[:at_line])
    block = newline.join(new_lines) + newline
    if separated:
        block = newline + block
    if before and not before.endswith(("\n", "\r")):
        block = newline + block
    offset = len(before.encode("utf-8")) + (3 if raw.startswith(b"\xef\xbb\xbf") else 0)
    new_raw = raw[:offset] + block.encode("utf-8") + raw[offset:]
    loaded = load_new(new_raw, path, display)
    if loaded.data != expected:  # the text must read back as exactly what was meant
        raise RuntimeError(f"appending to {path} would not give the intended data; nothing written")
    leading = block[: len(block) - len(block.lstrip("\r\n"))]
    line = before.count("\n") + leading.count("\n") + 1
    verify(path, new_raw, line, line + len(new_lines) - 1)
    temp = path.with_name(f".{path.name}.new")
    temp.write_bytes(new_raw)
    temp.replace(path)
    return Scaffolded(path, display, new_id, appended=True, line=line)


def load_new(raw: bytes, path: Path, display: str) -> LoadedFile:
    try:
        return load_bytes(raw, path, display)
    except YamlProblem as exc:  # a bug of this module, not the contributor's
        raise RuntimeError(f"scaffolded text does not load: {exc}") from None


def load_existing(raw: bytes, path: Path, display: str) -> LoadedFile:
    try:
        return load_bytes(raw, path, display)
    except YamlProblem as exc:
        problem = exc.problem
        raise ScaffoldError([("", f"{problem.path}:{problem.line}:{problem.column}: {problem.message}",
                              "fix the file first; nothing was written")]) from None


def top_level_value(text: str, key: str) -> yaml.Node | None:
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if isinstance(root, yaml.MappingNode):
        for key_node, value_node in root.value:
            if key_node.value == key:
                return value_node
    return None


def block_mapping(text: str) -> bool:
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    return isinstance(root, yaml.MappingNode) and not root.flow_style


def _content_end(node: yaml.Node) -> yaml.Mark:
    """Where a node's own text ends (block collections end where the next token starts)."""
    if isinstance(node, yaml.MappingNode) and not node.flow_style and node.value:
        return _content_end(node.value[-1][1])
    if isinstance(node, yaml.SequenceNode) and not node.flow_style and node.value:
        return _content_end(node.value[-1])
    return node.end_mark


def line_after(lines: list[str], sequence: yaml.SequenceNode) -> int:
    """The index of the line where text after the sequence's last item can go."""
    end = _content_end(sequence)
    after = end.line if end.column == 0 else end.line + 1
    rest = lines[after:]
    if all(not line.strip() or line.lstrip().startswith("#") for line in rest):
        return len(lines)  # the list ends the file: append after any trailing comments
    return after


def item_columns(lines: list[str], first_item: yaml.Node) -> tuple[int, int]:
    """The columns of an existing item's ``-`` and of its content."""
    mark = first_item.start_mark
    text = lines[mark.line][: mark.column]
    dash = text.rfind("-")
    return (dash if dash >= 0 else max(mark.column - 2, 0)), mark.column


def blank_between_items(lines: list[str], sequence: yaml.SequenceNode) -> bool:
    if len(sequence.value) < 2:
        return False
    line = sequence.value[1].start_mark.line
    return line > 0 and not lines[line - 1].strip()


def split_lines(text: str) -> list[str]:
    """The text's lines, each with its ``\n`` (only ``\n`` ends a line here, as in the file)."""
    return re.findall(r"[^\n]*\n|[^\n]+\Z", text)
