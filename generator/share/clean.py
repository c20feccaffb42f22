"""What a share leaves out of a text: `<!-- private -->` blocks and every HTML comment.

Code is left alone: a comment written inside backticks or a fenced block is shown
as text on the page, so it is content, not a note to self.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

RemovedKind = Literal["private block", "HTML comment"]

_PRIVATE_OPEN = re.compile(r"<!--\s*private\s*-->", re.IGNORECASE)
_PRIVATE_CLOSE = re.compile(r"<!--\s*/\s*private\s*-->", re.IGNORECASE)
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
    """`text` without private blocks and HTML comments, and what was taken out.

    An unclosed `<!-- private -->` or `<!--` removes everything after it: a
    forgotten closing marker must hide too much, never too little.
    """
    code = code_spans(text)
    out: list[str] = []
    removed: list[Removed] = []
    position = 0
    search_from = 0
    while True:
        start = text.find("<!--", search_from)
        if start < 0:
            break
        inside = next(((a, b) for a, b in code if a <= start < b), None)
        if inside is not None:
            search_from = inside[1]
            continue
        out.append(text[position:start])
        opening = _PRIVATE_OPEN.match(text, start)
        if opening is not None:
            closing = _next_outside(_PRIVATE_CLOSE, text, opening.end(), code)
            inner_end = closing.start() if closing else len(text)
            removed.append(Removed("private block", text[opening.end() : inner_end], opening.end()))
            position = closing.end() if closing else len(text)
        else:
            end = text.find("-->", start + 4)
            inner_end = end if end >= 0 else len(text)
            inner = text[start + 4 : inner_end]
            if not _PRIVATE_CLOSE.fullmatch(f"<!--{inner}-->"):
                removed.append(Removed("HTML comment", inner, start + 4))
            position = end + 3 if end >= 0 else len(text)
        search_from = position
    out.append(text[position:])
    return Cleaned("".join(out), tuple(removed))


def _next_outside(
    pattern: re.Pattern[str], text: str, start: int, code: list[tuple[int, int]]
) -> re.Match[str] | None:
    for match in pattern.finditer(text, start):
        if not any(a <= match.start() < b for a, b in code):
            return match
    return None


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
