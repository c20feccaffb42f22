"""What a share leaves out of a text: `<!-- private -->` blocks and HTML comments.

Private markers are read before anything else and without regard to Markdown: a
marker hides its content wherever it stands, in code or not (after a fence that
is never closed, inside a fence, under a list item, between escaped backticks),
because a reader of the source sees a private block there and the writer meant
one. They are matched loosely (`<!--PRIVATE-->`, `<!--- private --->`,
`<!-- / private -->`), they nest (what follows an inner close stays hidden until
the outer one), a stray closing marker is dropped, and an unclosed one hides
everything after it: a forgotten marker must hide too much, never too little.

HTML comments outside private blocks are removed too, except inside code: there
a comment is shown as text on the page, so it is content, not a note to self.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Literal

RemovedKind = Literal["private block", "HTML comment"]

# `<!--`, any spacing, an optional `/` (closing), `private`, then `-->`; extra dashes allowed.
_MARKER = re.compile(r"<!-{2,}\s*(/)?\s*private\s*-{2,}\s*>", re.IGNORECASE)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_BACKTICKS = re.compile(r"`+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class Removed:
    kind: RemovedKind
    text: str  # what was between the markers
    offset: int  # where that text starts in the original


@dataclass(frozen=True)
class Cleaned:
    text: str
    removed: tuple[Removed, ...]

    @property
    def private_blocks(self) -> tuple[Removed, ...]:
        return tuple(r for r in self.removed if r.kind == "private block")


def code_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of fenced code blocks and inline code spans, in order."""
    spans: list[tuple[int, int]] = []
    offset = 0
    fence: tuple[str, int, int] | None = None  # (character, length, start)
    for line in text.splitlines(keepends=True):
        match = _FENCE.match(line)
        if fence is None and match:
            fence = (match.group(1)[0], len(match.group(1)), offset)
        elif fence is not None and match:
            run = match.group(1)
            if run[0] == fence[0] and len(run) >= fence[1] and not line[match.end() :].strip():
                spans.append((fence[2], offset + len(line)))
                fence = None
        offset += len(line)
    if fence is not None:
        spans.append((fence[2], len(text)))
    inline: list[tuple[int, int]] = []
    position = 0
    for start, end in [*spans, (len(text), len(text))]:
        inline.extend(_inline_code(text, position, start))
        position = end
    return sorted(spans + inline)


def _inline_code(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    position = start
    while True:
        opening = _BACKTICKS.search(text, position, end)
        if opening is None:
            return spans
        size = len(opening.group())
        search_from = opening.end()
        closing = None
        while True:
            candidate = _BACKTICKS.search(text, search_from, end)
            if candidate is None:
                break
            if _BLANK_LINE.search(text, opening.end(), candidate.start()):
                break  # a code span never crosses a paragraph
            if len(candidate.group()) == size:
                closing = candidate
                break
            search_from = candidate.end()
        if closing is None:
            position = opening.end()
        else:
            spans.append((opening.start(), closing.end()))
            position = closing.end()


def clean_text(text: str) -> Cleaned:
    """`text` without private blocks and HTML comments, and what was taken out (with
    offsets in `text`), private blocks first."""
    kept, removed = _without_private_blocks(text)
    joined = "".join(text[a:b] for a, b in kept)
    starts: list[int] = []  # where each kept piece starts in `joined`
    position = 0
    for a, b in kept:
        starts.append(position)
        position += b - a

    def original(offset: int) -> int:
        index = max(bisect.bisect_right(starts, offset) - 1, 0)
        return kept[index][0] + offset - starts[index] if kept else offset

    shown, comments = _without_comments(joined)
    removed += [Removed("HTML comment", inner, original(at)) for inner, at in comments]
    return Cleaned(shown, tuple(removed))


def _without_private_blocks(text: str) -> tuple[list[tuple[int, int]], list[Removed]]:
    """The (start, end) pieces of `text` outside private blocks, and the blocks."""
    kept: list[tuple[int, int]] = []
    removed: list[Removed] = []
    position = 0
    depth = 0
    inner = 0
    for marker in _MARKER.finditer(text):
        closing = marker.group(1) is not None
        if depth == 0:
            kept.append((position, marker.start()))
            position = marker.end()
            if closing:
                continue  # a stray closing marker: dropped quietly
            inner = marker.end()
        depth += -1 if closing else 1
        if depth == 0:
            removed.append(Removed("private block", text[inner : marker.start()], inner))
            position = marker.end()
    if depth > 0:
        removed.append(Removed("private block", text[inner:], inner))
        position = len(text)
    kept.append((position, len(text)))
    return [(a, b) for a, b in kept if b > a], removed


def _without_comments(text: str) -> tuple[str, list[tuple[str, int]]]:
    """`text` without the HTML comments outside code; each comment's inner text and offset.

    An unclosed `<!--` removes everything after it, as a private marker does.
    """
    code = code_spans(text)
    starts = [a for a, _b in code]
    out: list[str] = []
    removed: list[tuple[str, int]] = []
    position = 0
    search_from = 0
    while True:
        start = text.find("<!--", search_from)
        if start < 0:
            break
        index = bisect.bisect_right(starts, start) - 1  # the code span starting before it
        if index >= 0 and start < code[index][1]:
            search_from = code[index][1]
            continue
        out.append(text[position:start])
        end = text.find("-->", start + 4)
        inner_end = end if end >= 0 else len(text)
        removed.append((text[start + 4 : inner_end], start + 4))
        position = end + 3 if end >= 0 else len(text)
        search_from = position
    out.append(text[position:])
    return "".join(out), removed


def clean(text: str) -> str:
    return clean_text(text).text


_LINK_TARGETS = (
    re.compile(r"\]\(\s*<?(?P<target>[^)\s>]+)"),  # [text](target) and ![alt](target)
    re.compile(r"\b(?:src|href)\s*=\s*[\"'](?P<target>[^\"']+)", re.IGNORECASE),
    re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(?P<target>[^\s>]+)", re.MULTILINE),  # [id]: target
)


def link_targets(text: str) -> list[tuple[int, int]]:
    """(start, end) of every link or image target in Markdown text, in order."""
    spans = {m.span("target") for pattern in _LINK_TARGETS for m in pattern.finditer(text)}
    return sorted(spans)
