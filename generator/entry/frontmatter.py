"""Split an entry file into YAML front matter and body, and find the line of any value.

MkDocs swallows YAML errors in front matter; a notebook must say where a problem
is, so the front matter is parsed here, with PyYAML's C loader when it is
available. Lines are found from the composed node tree, but only when a problem
asks for one: a valid entry, the usual case, never pays for the table of its lines.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml

from generator.entry.yamlload import SEP as _SEP
from generator.entry.yamlload import FrontMatterLoader, values

_FENCE = re.compile(r"---[ \t]*")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)  # a whole line

KeyPath = tuple[str | int, ...]  # where a value sits in the front matter: ("questions", 1)


def describe(key: KeyPath) -> str:
    """('questions', 1, 'answer') -> 'questions[2].answer': counted from 1, as a person counts."""
    text = ""
    for part in key:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


class FrontMatterError(Exception):
    """A problem that stops the front matter from being read at all."""

    def __init__(self, line: int | None, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.hint = hint


@dataclass
class Document:
    """An entry file, split. Lines are 1-based lines of the file.

    The line of a value is asked for only when something is wrong with it, so the table
    of lines is made on the first `line_of` (`compact`): from the node tree until the
    entry is validated, else from the front matter's text, else from the file read again.
    A validated entry keeps neither tree nor table (`validated`): thousands of node trees
    would stay alive, and Python's cycle collector would scan them over and over while
    the rest of the notebook is read.
    """

    data: dict[str, Any]
    node: yaml.Node | None
    body: str
    body_line: int
    front_line: int = 2  # the file line of the front matter's first line
    lines: dict[str, int] | None = None  # key path -> line, after compact()
    # Where to read the file again, to find a line once the table was let go (forget_lines).
    reload: Callable[[], bytes] | None = None
    front: str | None = None  # the front matter's text, to make the table from if asked
    repeats_keys: bool = True  # whether a mapping may repeat a key (FrontMatterLoader)

    def repeated_keys(self) -> list[tuple[str, int, int]]:
        """Each key written twice in one mapping, as (key, ignored line, winning line).

        Only an entry whose loader noted a repeated key pays for the table of lines here.
        """
        return self.compact() if self.repeats_keys else []

    def validated(self) -> None:
        """Let the data and the node tree go: the model holds the values now, and a line,
        if one is ever asked for, comes from the front matter's text."""
        self.data = {}
        self.node = None

    def forget_lines(self, reload: Callable[[], bytes]) -> None:
        """Let the table of lines and the text go; `line_of` reads the file again if it is
        ever needed.

        A validated entry rarely needs a line again (only for a problem found across
        entries), and at 4,000 entries the tables held a third of their memory.
        """
        self.lines = None
        self.node = None
        self.front = None
        self.reload = reload

    def line_of(self, path: KeyPath, *, key: bool = False) -> int:
        """The line of the value at `path` (or of its key), else of its nearest parent."""
        lines = self.lines if self.lines is not None else self._make_lines()
        if lines is None:
            return 1  # changed or gone since it was read: no better answer
        for end in range(len(path), 0, -1):
            joined = _SEP.join(str(part) for part in path[:end])
            if key and end == len(path) and joined + "#" in lines:
                return lines[joined + "#"]
            if joined in lines:
                return lines[joined]
        return 1

    def _make_lines(self) -> dict[str, int] | None:
        if self.node is None:
            try:
                if self.front is not None:
                    self.node = _load(self.front)[0]
                elif self.reload is not None:
                    self.node = parse(self.reload()).node
            except (OSError, FrontMatterError):
                return None
        self.compact()
        return self.lines

    def compact(self) -> list[tuple[str, int, int]]:
        """Keep the line of every key and value; let the node tree go.

        Returns the duplicate keys met on the way, as (key, ignored line, winning line):
        YAML lets a later key silently win, and one walk serves both needs.
        """
        lines: dict[str, int] = {}
        duplicates: list[tuple[str, int, int]] = []
        stack: list[tuple[str, yaml.Node]] = [("", self.node)] if self.node is not None else []
        offset = self.front_line
        # parse() refuses aliases, so no node is met twice; if one ever were (a Document
        # made another way), it is walked once, not once per path that reaches it.
        walked: set[int] = set()
        while stack:
            prefix, node = stack.pop()
            if isinstance(node, yaml.CollectionNode):
                if id(node) in walked:
                    continue
                walked.add(id(node))
            if isinstance(node, yaml.MappingNode):
                for k, v in node.value:
                    if isinstance(k, yaml.ScalarNode):
                        path = f"{prefix}{_SEP}{k.value}" if prefix else str(k.value)
                        if path + "#" in lines:
                            seen = lines[path + "#"]
                            duplicates.append((k.value, seen, k.start_mark.line + offset))
                        lines[path + "#"] = k.start_mark.line + offset
                        lines[path] = v.start_mark.line + offset
                        stack.append((path, v))
            elif isinstance(node, yaml.SequenceNode):
                for index, item in enumerate(node.value):
                    path = f"{prefix}{_SEP}{index}"
                    lines[path] = item.start_mark.line + offset
                    stack.append((path, item))
        self.lines = lines
        self.node = None
        return duplicates


def decode(raw: bytes) -> str:
    """UTF-8 with or without a BOM; CRLF and CR become LF."""
    body = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        line = body[: error.start].count(b"\n") + 1
        raise FrontMatterError(
            line,
            f"not UTF-8 text (byte 0x{body[error.start]:02x} cannot be decoded)",
            "save the file as UTF-8 in your editor",
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split(text: str) -> tuple[str, str, int]:
    """Return (front matter text, body, line where the body starts)."""
    if not text or text.isspace():
        raise FrontMatterError(
            1, "empty file", "start the entry with front matter: company, role and date"
        )
    first_end = text.find("\n")
    if not _FENCE.fullmatch(text if first_end < 0 else text[:first_end]):
        raise FrontMatterError(
            1,
            "no front matter: the file must start with a line '---'",
            "put company, role and date between two '---' lines at the top of the file",
        )
    # Searched for, not found by splitting every line: the body can be long.
    closing = _CLOSING.search(text, first_end + 1) if first_end >= 0 else None
    if closing is None:
        raise FrontMatterError(
            1,
            "unclosed front matter: no closing '---' line",
            "add a line '---' after the last field",
        )
    start = closing.start()
    front = text[first_end + 1 : max(start - 1, first_end + 1)]
    return front, text[closing.end() + 1 :], text.count("\n", 0, start) + 2


_OPENED_AT = ("while scanning a simple key", "while scanning a quoted", "while parsing a flow")
_YAML_HINTS = (
    ("tab character", "indent with spaces, not tabs"),
    ("expected ':'", "write one 'field: value' per line; a line that goes on must be indented"),
    (
        "expected ',' or ']'",
        "close the '[' with ']' on the same line, or write one '- item' per line",
    ),
    ("expected ',' or '}'", "close the '{' with '}' on the same line"),
    ("end of stream", "close the quote that opens on this line"),
    ("cannot read", "to keep it as text, put it in quotes, without a '!!' tag in front"),
)


def _yaml_hint(problem: str) -> str:
    for clue, hint in _YAML_HINTS:
        if clue in problem:
            return hint
    return "a value that contains ': ' or starts with a quote, '[' or '{' must be put in quotes"


def _tab_at(front: str, line: int, column: int) -> bool:
    """Whether the parser stopped on a tab: libyaml's message does not name the character
    ("found character that cannot start any token"), and the quoting hint would mislead."""
    lines = front.split("\n")
    return 0 <= line < len(lines) and lines[line][column : column + 1] == "\t"


def _refuse_aliases(front: str) -> None:
    """Raise FrontMatterError at the first YAML alias (`*name`) of the front matter.

    An alias repeats the value anchored elsewhere (`&name`); a few nested ones expand to
    billions of values ("billion laughs"), which validation, the table of lines and every
    page would walk. A hand-written entry gains nothing from them, a value reached through
    one lives on two lines at once (which line is the problem? which one does `tags
    rename` rewrite?), so every alias is refused, whatever it would expand to: no size
    limit to pick, and nothing downstream ever meets a shared value. An anchor alone is
    harmless. Without a '&' in the text there can be no anchor, hence no alias: the
    events are read only then.
    """
    if "&" not in front:
        return
    loader = FrontMatterLoader(front)
    anchors: dict[str, int] = {}
    try:
        while loader.check_event():
            event = loader.get_event()
            anchor = getattr(event, "anchor", None)
            line = event.start_mark.line + 2 if event.start_mark is not None else None
            if isinstance(event, yaml.AliasEvent):
                defined = anchors.get(str(anchor))
                where = f" (defined with '&{anchor}' on line {defined})" if defined else ""
                raise FrontMatterError(
                    line,
                    f"YAML alias '*{anchor}' in front matter: an entry's values are written"
                    " out in full",
                    f"replace '*{anchor}' with the value it stands for{where}",
                )
            if anchor is not None and line is not None:
                anchors.setdefault(str(anchor), line)
    except yaml.YAMLError:
        return  # a syntax error: the parse that follows reports it, with its line
    finally:
        loader.dispose()


_CONTROL_NAMES = {0: "NUL", 0x1B: "ESC", 0x7F: "DEL"}


def _control_character(front: str, error: yaml.reader.ReaderError) -> FrontMatterError:
    """A character YAML refuses (NUL, ESC...), at its line and column: the reader's own
    message counts characters from the front matter's start ("position 11")."""
    before = front[: error.position]
    line = before.count("\n") + 2
    column = error.position - (before.rfind("\n") + 1) + 1
    code = error.character if isinstance(error.character, int) else ord(error.character)
    name = _CONTROL_NAMES.get(code, "")
    return FrontMatterError(
        line,
        f"invisible control character U+{code:04X}{f' ({name})' if name else ''}"
        f" in column {column}: YAML does not allow it",
        "delete it: a copy and paste may have brought it in, unseen",
    )


def parse(raw: bytes) -> Document:
    """Decode, split and parse one entry file; raise FrontMatterError when it can't be read."""
    front, body, body_line = split(decode(raw))
    _refuse_aliases(front)
    node, data, repeats_keys = _load(front)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise FrontMatterError(
            node.start_mark.line + 2 if node is not None else 2,
            f"front matter must be a mapping of fields, got {type_name(data)}",
            "write one 'field: value' per line, such as 'company: Acme'",
        )
    return Document(
        data=data,
        node=node,
        body=body,
        body_line=body_line,
        front=front,
        repeats_keys=repeats_keys,
    )


def _load(front: str) -> tuple[yaml.Node | None, Any, bool]:
    """The node tree, the values and whether a mapping may repeat a key; FrontMatterError
    at the line of a YAML error."""
    loader = FrontMatterLoader(front)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, None, False
        data, repeats_keys = values(loader, node)
        return node, data, repeats_keys
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        problem = error.problem or "syntax error"
        context = error.context or ""
        tab = mark is not None and _tab_at(front, mark.line, mark.column)
        if error.context_mark is not None and (
            mark is None or "end of stream" in problem or context.startswith(_OPENED_AT)
        ):
            # An unclosed quote or bracket, a line without ':': point where it started,
            # not where the parser gave up.
            mark = error.context_mark
        line = mark.line + 2 if mark is not None else None
        if error.context:
            problem = f"{error.context}: {problem}"
        hint = _yaml_hint("tab character" if tab else problem)
        raise FrontMatterError(line, f"invalid YAML: {problem}", hint) from None
    except yaml.reader.ReaderError as error:
        raise _control_character(front, error) from None
    except yaml.YAMLError as error:
        raise FrontMatterError(2, f"invalid YAML: {error}") from None
    finally:
        loader.dispose()


def shown(value: object) -> str:
    """A value as the user wrote it in YAML, not as Python spells it."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, list | dict):
        return type_name(value)
    return str(value)


def type_name(value: object) -> str:
    """How a YAML value is named in messages."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__
