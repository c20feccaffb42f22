"""What the output check looks for, as `Privacy.needles()` hands it over.

A needle is a text the share hid, why, and where the owner wrote it, so that a
leak is reported at `PATH:LINE` of the text itself. Long texts are cut into
sentences, as a page shows them: a private block of three paragraphs is looked
for sentence by sentence, not as one string no page holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

MIN_LENGTH = 4  # shorter texts (but names) are ordinary words: not worth a false alarm

_BLOCK_START = re.compile(r"^\s*(?:[-*+]\s+|\d+[.)]\s+|#{1,6}\s+|>\s?|!!!|\?\?\?)")
_MARKER = re.compile(r"^\s*(?:[-*+]\s+(?:\[[ xX]\]\s+)?|\d+[.)]\s+|#{1,6}\s+|>\s?)")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKS = re.compile(r"[*_`~]+|\\(?=\S)|<[^>\n]*>")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Needle:
    """A text the share must not show: look for it as a whole word or phrase."""

    text: str
    why: str  # e.g. "the name of a redacted interviewer"
    source: str  # the owner's file it comes from, relative to the notebook
    line: int | None  # where in that file, when known


def plain(text: str) -> str:
    """Markdown inline markup taken off: what a reader sees of it."""
    return _MARKS.sub("", _LINK.sub(r"\1", text))


def sentences(text: str, first_line: int = 1) -> list[tuple[int, str]]:
    """(line, sentence) of Markdown text: paragraphs, list items, headings, table cells."""
    units: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] | None = None
    for number, line in enumerate(text.splitlines(), first_line):
        stripped = line.strip()
        if not stripped or re.fullmatch(r"[-|: ]+|```.*|~~~.*", stripped):
            current = None
            continue
        if stripped.startswith("|"):
            units.extend([(number, cell)] for cell in stripped.strip("|").split("|"))
            current = None
            continue
        if current is None or _BLOCK_START.match(line):
            current = []
            units.append(current)
        current.append((number, _MARKER.sub("", line)))
    found: list[tuple[int, str]] = []
    for unit in units:
        joined = ""
        starts: list[tuple[int, int]] = []
        for number, part in unit:
            starts.append((len(joined), number))
            joined += " ".join(plain(part).split()) + " "
        position = 0
        for piece in _SENTENCE_END.split(joined):
            at = next(n for offset, n in reversed(starts) if offset <= position)
            position += len(piece) + 1
            sentence = piece.strip()
            if len(sentence) >= MIN_LENGTH and _WORD.search(sentence):
                found.append((at, sentence))
    return found


def _normal(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


class Shown:
    """What the share shows on purpose: a private text it shows too is no secret.

    A private entry's weak spot "system design" that a shared entry also has, or
    its stage "onsite", would otherwise fail every share.
    """

    def __init__(self, texts: Iterable[str]) -> None:
        self._text = "\n".join(dict.fromkeys(_normal(text) for text in texts))
        self._words = set(self._text.split())

    def shows(self, text: str) -> bool:
        phrase = _normal(text)
        if not phrase or not self._words.issuperset(phrase.split()) or phrase not in self._text:
            return False
        return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", self._text) is not None

    def secret(self, needles: Iterable[Needle]) -> list[Needle]:
        """The needles worth looking for: long enough and not shown on purpose."""
        return [
            needle
            for needle in needles
            if len(needle.text.strip()) >= MIN_LENGTH and not self.shows(needle.text)
        ]
