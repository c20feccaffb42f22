"""Rename a weak spot or strength inside entry files, changing nothing but the name.

An entry is a person's notes: a rename must not reflow their YAML, drop their
comments, requote their values or turn CRLF into LF. So the file is never
dumped again. The front matter is composed (not loaded) with PyYAML to learn
where each name under `weak_spots` and `strengths` starts and ends, and only
those characters are replaced in the original text; the rest stays byte for
byte. The result is then read back and compared with what the rename should
give, so a file the splice would damage is refused instead of written.

Everything here is pure: bytes in, bytes out. The CLI reads and writes files.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import yaml

from generator.entry.frontmatter import (
    FastSafeLoader,
    FrontMatterError,
    FrontMatterLoader,
    parse,
    split,
)
from generator.entry.names import normalize_name

FIELDS = ("weak_spots", "strengths")
_BOM = b"\xef\xbb\xbf"
_BREAK = re.compile(r"\r\n|\r|\n")
_STR = "tag:yaml.org,2002:str"


class RetagError(FrontMatterError):
    """The file cannot be renamed safely; it must be left as it is."""


@dataclass(frozen=True)
class Change:
    """One place where a name was replaced: its file line and the source text before/after."""

    line: int
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class Retagged:
    data: bytes
    changes: tuple[Change, ...]
    found: int = 0  # names that match, including those already written as the new name

    @property
    def changed(self) -> bool:
        return bool(self.changes)


# -- writing one YAML scalar -------------------------------------------------------------


def _plain_ok(value: str, *, flow: bool) -> bool:
    """Whether `value` reads back as the same text when written without quotes."""
    if not value or value != value.strip() or _BREAK.search(value) or "\t" in value:
        return False
    probes: list[tuple[str, object]] = [(f"k: [{value}]", {"k": [value]})] if flow else []
    probes += [(f"k: {value}", {"k": value}), (f"- {value}", [value])]
    for text, expected in probes:
        try:
            if yaml.load(text, Loader=FastSafeLoader) != expected:
                return False
        except yaml.YAMLError:
            return False
    return True


def _printable(char: str) -> bool:
    # YAML's printable set, less what it reads as a line break, a tab or a BOM.
    code = ord(char)
    return (
        0x20 <= code <= 0x7E
        or 0xA0 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    ) and code not in (0x2028, 0x2029, 0xFEFF)


def double_quoted(value: str) -> str:
    out = []
    for char in value:
        if char in '"\\':
            out.append("\\" + char)
        elif _printable(char):
            out.append(char)
        elif ord(char) <= 0xFF:
            out.append(f"\\x{ord(char):02x}")
        elif ord(char) <= 0xFFFF:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(f"\\U{ord(char):08x}")
    return '"' + "".join(out) + '"'


def single_quoted(value: str) -> str:
    if not all(_printable(c) for c in value):
        return double_quoted(value)
    return "'" + value.replace("'", "''") + "'"


def yaml_scalar(value: str, *, flow: bool = False) -> str:
    """`value` as a YAML scalar: plain when that reads back the same, else double-quoted.

    `flow` is for an item inside `[...]`, where `,` and brackets also need quotes.
    """
    return value if _plain_ok(value, flow=flow) else double_quoted(value)


# -- finding the names -------------------------------------------------------------------


@dataclass(frozen=True)
class _Spot:
    field: str
    start: int  # character offsets in the decoded text (BOM removed, line breaks kept)
    end: int
    line: int
    value: str
    style: str  # '' plain, "'" single, '"' double, '|' or '>' block
    flow: bool
    alias: bool = False


def _front(text: str) -> tuple[int, int, int] | None:
    """(start, end, file line of its first line) of the front matter in `text`, whose
    line breaks are as in the file; None when the front matter is empty."""
    _, _, body_line = split(text.replace("\r\n", "\n").replace("\r", "\n"))
    closing = body_line - 2  # index of the closing '---' line
    starts = [0] + [m.end() for m in _BREAK.finditer(text)]
    ends = [m.start() for m in _BREAK.finditer(text)] + [len(text)]
    if closing < 2:
        return None
    return starts[1], ends[closing - 1], 2


def _spots(text: str) -> list[_Spot]:
    front = _front(text)
    if front is None:
        return []
    offset, end, first_line = front
    try:
        root = yaml.compose(text[offset:end], Loader=FrontMatterLoader)
    except yaml.YAMLError as error:  # parse() read it, so this is not expected
        raise RetagError(None, f"invalid YAML: {error}") from None
    if not isinstance(root, yaml.MappingNode):
        return []
    found: list[_Spot] = []
    for key, value in root.value:
        if not isinstance(key, yaml.ScalarNode) or key.value not in FIELDS:
            continue
        items: list[tuple[yaml.Node, bool]]
        if isinstance(value, yaml.SequenceNode):
            items = [(item, bool(value.flow_style)) for item in value.value]
        else:
            items = [(value, False)]
        for node, flow in items:
            if not isinstance(node, yaml.ScalarNode) or node.tag != _STR:
                continue
            # An alias (*name) gives the node written at its anchor, elsewhere in the file.
            alias = node.start_mark.index < key.end_mark.index
            found.append(
                _Spot(
                    field=key.value,
                    start=offset + node.start_mark.index,
                    end=offset + node.end_mark.index,
                    line=first_line + (key if alias else node).start_mark.line,
                    value=node.value,
                    style=node.style or "",
                    flow=flow,
                    alias=alias,
                )
            )
    return found


def _replacement(spot: _Spot, source: str, new: str) -> str:
    if spot.alias:
        raise RetagError(
            spot.line,
            f"'{spot.value}' in {spot.field} comes from a YAML alias (*name): rename it by hand",
        )
    if source.startswith(("&", "!")):
        raise RetagError(
            spot.line,
            f"'{spot.value}' in {spot.field} has a YAML anchor or tag: rename it by hand",
        )
    if spot.style == "'":
        return single_quoted(new)
    if spot.style == '"':
        return double_quoted(new)
    if spot.style in ("|", ">"):
        raise RetagError(
            spot.line,
            f"'{spot.value}' in {spot.field} is a block scalar (| or >): rename it by hand",
        )
    return yaml_scalar(new, flow=spot.flow)


def _renamed(data: dict[str, Any], matches: set[str], new: str) -> dict[str, Any]:
    """What the front matter data should be after the rename: the oracle for the check."""

    def one(value: Any) -> Any:
        if isinstance(value, str) and normalize_name(value) in matches:
            return new
        return value

    result = dict(data)
    for field in FIELDS:
        value = data.get(field)
        if isinstance(value, list):
            result[field] = [one(item) for item in value]
        elif field in data:
            result[field] = one(value)
    return result


def _document(raw: bytes) -> tuple[dict[str, Any], str]:
    try:
        document = parse(raw)
    except FrontMatterError as error:
        raise RetagError(error.line, error.message, error.hint) from None
    return document.data, document.body


def retag(raw: bytes, old_names: Iterable[str], new: str) -> Retagged:
    """Replace every name under weak_spots/strengths whose normal form is one of
    `old_names`' normal forms by `new`, keeping its quoting; nothing else changes.

    Raise RetagError (with the file line when known) for a file that cannot be read
    or that could not be rewritten safely; the caller then leaves it untouched.
    """
    matches = {normalize_name(name) for name in old_names}
    data, body = _document(raw)
    bom = _BOM if raw.startswith(_BOM) else b""
    text = raw.decode("utf-8-sig")  # parse() decoded it; line breaks kept as they are
    if text.encode("utf-8") != raw[len(bom) :]:  # pragma: no cover - UTF-8 round-trips
        raise RetagError(None, "cannot rewrite this file without changing its bytes")
    changes: list[Change] = []
    first = ""
    pieces: list[str] = []
    position = 0
    found = 0
    for spot in _spots(text):
        if normalize_name(spot.value) not in matches:
            continue
        found += 1
        source = text[spot.start : spot.end]
        replacement = _replacement(spot, source, new)
        if replacement == source:
            continue
        changes.append(Change(spot.line, spot.field, source, replacement))
        first = first or spot.value
        pieces += [text[position : spot.start], replacement]
        position = spot.end
    if not changes:
        return Retagged(raw, (), found)
    pieces.append(text[position:])
    result = bom + "".join(pieces).encode("utf-8")
    try:
        after, after_body = _document(result)
    except RetagError:
        after, after_body = {}, None
    if after != _renamed(data, matches, new) or after_body != body:
        raise RetagError(
            changes[0].line,
            f"cannot rename '{first}' without changing something else here",
            "rename it by hand",
        )
    return Retagged(result, tuple(changes), found)


def unified_diff(path: str, before: bytes, after: bytes) -> str:
    """A `diff -u` of one file, for --dry-run; line endings are shown as they are."""
    old = before.decode("utf-8-sig", "replace").splitlines(keepends=True)
    new = after.decode("utf-8-sig", "replace").splitlines(keepends=True)
    lines = difflib.unified_diff(old, new, f"a/{path}", f"b/{path}")
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n" for line in lines)
