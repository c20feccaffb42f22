"""Rename a weak spot or strength inside entry files, changing nothing but the name.

An entry is a person's notes: a rename must not reflow their YAML, drop their
comments, requote their values or turn CRLF into LF. So the file is never
dumped again. The front matter is composed (not loaded) with PyYAML to learn
where each name under `weak_spots`, `strengths`, a lesson's `about` and a
question's `topic` starts and ends, and only those characters are replaced in
the original text; the rest stays byte for byte. The result is then read back
and compared with what the rename should give, so a file the splice would
damage is refused instead of written.

Everything here is pure: bytes in, bytes out. The CLI reads and writes files.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import yaml

from generator.entry.frontmatter import FrontMatterError, parse, split
from generator.entry.names import normalize_name
from generator.entry.yamlload import FastSafeLoader, FrontMatterLoader

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
    removed: tuple[Change, ...] = ()  # items taken out: the list held the new name already

    @property
    def changed(self) -> bool:
        return bool(self.changes or self.removed)


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
    field: str  # where, as a person reads it: weak_spots, strengths, lessons[2].about
    start: int  # character offsets in the decoded text (BOM removed, line breaks kept)
    end: int
    line: int
    value: str
    style: str  # '' plain, "'" single, '"' double, '|' or '>' block
    flow: bool
    alias: bool = False
    position: int = 0  # its place in its list
    cut: tuple[int, int] | None = None  # what to delete to take it out of its list


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


_DASH = re.compile(r"[ \t]*-[ \t]+")
_LINE_END = re.compile(r"[ \t]*(#[^\r\n]*)?(\r\n|\r|\n|$)")


def _cut(text: str, items: list[yaml.Node], index: int, flow: bool) -> tuple[int, int] | None:
    """The characters to delete to take item `index` out of its list, the
    comments and layout of the others untouched; None when that cannot be done safely."""
    node = items[index]
    start, end = node.start_mark.index, node.end_mark.index
    if flow:
        # From the previous item's end (or to the next one's start, for the first): a
        # comma and spaces only, else a comment would go with the item.
        if index > 0:
            cut = (items[index - 1].end_mark.index, end)
        elif len(items) > 1:
            cut = (start, items[1].start_mark.index)
        else:
            return None
        between = text[cut[0] : start] + text[end : cut[1]]
        return cut if between.strip(" \t\r\n") == "," else None
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    if not _DASH.fullmatch(text[line_start:start]):
        return None
    tail = _LINE_END.match(text, end)
    if tail is None:
        return None
    if tail.group(2):  # its line break goes with it
        return (line_start, tail.end())
    # The front matter's last line (its break is outside `text`): the break before it goes.
    before = line_start - (2 if text[:line_start].endswith("\r\n") else 1)
    return (before, tail.end()) if line_start > 0 else None


# In a list item written as a mapping, the key that names weak spots: a lesson's `about`,
# and a question's `topic` (the weak spot the question is filed under).
_NAMING_KEYS = {"lessons": "about", "questions": "topic"}


def _lists(root: yaml.MappingNode) -> list[tuple[str, yaml.Node, yaml.Node, bool]]:
    """(where, key node, value node, inside `{...}`) of every list of names: weak_spots,
    strengths, the `about` of each lesson and the `topic` of each question written as a
    mapping."""
    found: list[tuple[str, yaml.Node, yaml.Node, bool]] = []
    for key, value in root.value:
        if not isinstance(key, yaml.ScalarNode):
            continue
        if key.value in FIELDS:
            found.append((key.value, key, value, False))
        elif key.value in _NAMING_KEYS and isinstance(value, yaml.SequenceNode):
            naming = _NAMING_KEYS[key.value]
            for index, item in enumerate(value.value):
                if not isinstance(item, yaml.MappingNode):
                    continue
                for inner_key, inner in item.value:
                    if isinstance(inner_key, yaml.ScalarNode) and inner_key.value == naming:
                        where = f"{key.value}[{index + 1}].{naming}"
                        found.append((where, inner_key, inner, bool(item.flow_style)))
    return found


def _spots(text: str) -> list[list[_Spot]]:
    """The names in each list of names, a list of spots per list."""
    front = _front(text)
    if front is None:
        return []
    offset, end, first_line = front
    chunk = text[offset:end]
    try:
        root = yaml.compose(chunk, Loader=FrontMatterLoader)
    except yaml.YAMLError as error:  # parse() read it, so this is not expected
        raise RetagError(None, f"invalid YAML: {error}") from None
    if not isinstance(root, yaml.MappingNode):
        return []
    groups: list[list[_Spot]] = []
    for where, key, value, in_flow in _lists(root):
        items: list[yaml.Node]
        if isinstance(value, yaml.SequenceNode):
            items, flow = list(value.value), in_flow or bool(value.flow_style)
        else:
            # One name: inside `{lesson: x, about: sql}`, `,` and braces need quotes too.
            items, flow = [value], in_flow
        found: list[_Spot] = []
        for position, node in enumerate(items):
            if not isinstance(node, yaml.ScalarNode) or node.tag != _STR:
                continue
            # An alias (*name) gives the node written at its anchor, elsewhere in the file.
            alias = node.start_mark.index < key.end_mark.index
            cut = None
            if not alias and isinstance(value, yaml.SequenceNode):
                cut = _cut(chunk, items, position, flow)
            found.append(
                _Spot(
                    field=where,
                    start=offset + node.start_mark.index,
                    end=offset + node.end_mark.index,
                    line=first_line + (key if alias else node).start_mark.line,
                    value=node.value,
                    style=node.style or "",
                    flow=flow,
                    alias=alias,
                    position=position,
                    cut=None if cut is None else (offset + cut[0], offset + cut[1]),
                )
            )
        groups.append(found)
    return groups


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
    target = normalize_name(new)

    def one(value: Any) -> Any:
        if isinstance(value, str) and normalize_name(value) in matches:
            return new
        return value

    def names(value: Any) -> Any:
        if not isinstance(value, list):
            return one(value)
        changed = any(
            isinstance(item, str) and normalize_name(item) in matches and item != new
            for item in value
        )
        if not changed:
            return [one(item) for item in value]
        # A list the rename changes ends with the new name once, where it was already
        # written as the new name, else where it was first renamed.
        named = [
            i
            for i, item in enumerate(value)
            if isinstance(item, str)
            and (normalize_name(item) in matches or normalize_name(item) == target)
        ]
        keep = next(
            (i for i in named if normalize_name(value[i]) not in matches or value[i] == new),
            named[0],
        )
        return [one(item) for i, item in enumerate(value) if i == keep or i not in named]

    result = dict(data)
    for field in FIELDS:
        if field in data:
            result[field] = names(data[field])
    for field, naming in _NAMING_KEYS.items():
        items = data.get(field)
        if isinstance(items, list):
            result[field] = [
                {**item, naming: names(item[naming])}
                if isinstance(item, dict) and naming in item
                else item
                for item in items
            ]
    return result


def _document(raw: bytes) -> tuple[dict[str, Any], str]:
    try:
        document = parse(raw)
    except FrontMatterError as error:
        raise RetagError(error.line, error.message, error.hint) from None
    return document.data, document.body


def retag(raw: bytes, old_names: Iterable[str], new: str) -> Retagged:
    """Replace every name under weak_spots, strengths, a lesson's `about` and a question's
    `topic` whose normal form is one of `old_names`' normal forms by `new`, keeping its
    quoting. A list that this changes and that then holds `new` twice loses the later
    ones (`removed`). Nothing else changes.

    Raise RetagError (with the file line when known) for a file that cannot be read
    or that could not be rewritten safely; the caller then leaves it untouched.
    """
    matches = {normalize_name(name) for name in old_names}
    target = normalize_name(new)
    data, body = _document(raw)
    bom = _BOM if raw.startswith(_BOM) else b""
    text = raw.decode("utf-8-sig")  # parse() decoded it; line breaks kept as they are
    if text.encode("utf-8") != raw[len(bom) :]:  # pragma: no cover - UTF-8 round-trips
        raise RetagError(None, "cannot rewrite this file without changing its bytes")
    changes: list[Change] = []
    removed: list[Change] = []
    edits: list[tuple[int, int, str]] = []
    first = ""
    found = 0
    for group in _spots(text):
        renamed: list[tuple[_Spot, str, str]] = []
        for spot in group:
            if normalize_name(spot.value) not in matches:
                continue
            found += 1
            source = text[spot.start : spot.end]
            renamed.append((spot, source, _replacement(spot, source, new)))
        if not any(source != replacement for _spot, source, replacement in renamed):
            continue
        # The list ends with the new name once: an item already written as it stays
        # (the duplicates are the ones this rename would create), else the first renamed.
        named = [
            (spot, next((r for r in renamed if r[0] is spot), None))
            for spot in group
            if normalize_name(spot.value) in matches or normalize_name(spot.value) == target
        ]
        keep = next((spot for spot, hit in named if hit is None or hit[1] == hit[2]), named[0][0])
        for spot, hit in named:
            source = text[spot.start : spot.end]
            if spot is not keep:
                if spot.cut is None:
                    raise RetagError(
                        spot.line,
                        f"'{spot.value}' in {spot.field} would list '{new}' twice, and "
                        "cannot be taken out safely",
                        "rename it by hand",
                    )
                removed.append(Change(spot.line, spot.field, source, ""))
                edits.append((*spot.cut, ""))
                first = first or spot.value
            elif hit is not None and hit[2] != source:
                changes.append(Change(spot.line, spot.field, source, hit[2]))
                edits.append((spot.start, spot.end, hit[2]))
                first = first or spot.value
    if not edits:
        return Retagged(raw, (), found)
    pieces: list[str] = []
    position = 0
    for start, end, replacement in sorted(edits):
        pieces += [text[position:start], replacement]
        position = end
    pieces.append(text[position:])
    result = bom + "".join(pieces).encode("utf-8")
    try:
        after, after_body = _document(result)
    except RetagError:
        after, after_body = {}, None
    if after != _renamed(data, matches, new) or after_body != body:
        line = (changes or removed)[0].line
        raise RetagError(
            line,
            f"cannot rename '{first}' without changing something else here",
            "rename it by hand",
        )
    return Retagged(result, tuple(changes), found, tuple(removed))


def unified_diff(path: str, before: bytes, after: bytes) -> str:
    """A `diff -u` of one file, for --dry-run; line endings are shown as they are."""
    old = before.decode("utf-8-sig", "replace").splitlines(keepends=True)
    new = after.decode("utf-8-sig", "replace").splitlines(keepends=True)
    lines = difflib.unified_diff(old, new, f"a/{path}", f"b/{path}")
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n" for line in lines)
