"""What a share hid, as `Privacy.needles()` hands it to the output check.

A needle is a text the share hid, what it was, and where the owner wrote it, so
that a leak is reported at `PATH:LINE` of the text itself. Long texts are cut
into sentences, as a page shows them: a private block of three paragraphs is
looked for sentence by sentence, not as one string no page holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from generator.entry.names import slugify
from generator.entry.read import Entry
from generator.settings import ShareSettings
from generator.share.clean import clean_text
from generator.share.fields import PEOPLE, KeyPath, describe, field_strings
from generator.share.words import Hidden, fold, words

MIN_LENGTH = 4  # shorter texts (but names) are ordinary words: not worth a false alarm

_BLOCK_START = re.compile(r"^\s*(?:[-*+]\s+|\d+[.)]\s+|#{1,6}\s+|>\s?|!!!|\?\?\?)")
_MARKER = re.compile(r"^\s*(?:[-*+]\s+(?:\[[ xX]\]\s+)?|\d+[.)]\s+|#{1,6}\s+|>\s?)")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKS = re.compile(r"[*_`~]+|\\(?=\S)|<[^>\n]*>")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Needle:
    """A text the share must not show: look for it, and its variants, as a whole word or
    phrase, case- and accent-insensitively. Every needle is secret as it is: what the
    share shows on purpose was dropped already (`Shown`)."""

    text: str
    source: str  # the owner's file it comes from, relative to the notebook
    line: int | None  # where in that file, when known
    what: str  # e.g. "the name of a redacted interviewer"
    variants: tuple[str, ...] = ()  # other spellings: 'jurgen', 'juergen' for 'Jürgen'
    name: bool = False  # a person's or company's name: looked for however short
    # Fine when shared data shows the same text: only the locked share's readability
    # needles (share/needles.py) are; what the share hid never is.
    excusable: bool = False
    # A front-matter value's line found from its key only when a leak is reported
    # (finding it reads the file again).
    key: KeyPath | None = None
    document: Any = field(default=None, compare=False, hash=False, repr=False)

    @property
    def number(self) -> int | None:
        """The line of the owner's file the needle comes from, when it has one."""
        if self.key is not None and self.document is not None:
            line: int | None = self.document.line_of(self.key)
            return line
        return self.line


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


# --- what a share hid -------------------------------------------------------------


def needles_of(
    owner: list[Entry],
    hidden: list[Hidden],
    shown_texts: list[str],
    share: ShareSettings,
    pages: dict[str, str],
) -> list[Needle]:
    """What a share hid (see `privacy.Privacy`): `owner` are all the owner's entries,
    `hidden` the names it replaced, `shown_texts` what it shows on purpose, `pages`
    the hand-written pages it showed, as written, by their file."""
    found: list[Needle] = []
    mentions = _first_mentions(owner)
    # The share prints its labels: a mentor called "Mentor" is not looked for.
    labels = {fold(word) for item in hidden for word in words(item.label or "")}
    for item in hidden:
        if item.label is None:
            continue
        source, key, document = mentions.get(item.name, ("", None, None))
        why = _why(item)
        forms = [item.name, *(w for w in words(item.name) if fold(w) in item.distinctive)]
        if item.kind == "company" and len(words(item.name)) > 1:
            forms.append("".join(words(item.name)))  # as a domain writes it
        for form in dict.fromkeys(f for f in forms if fold(f) not in labels):
            spelled = _spellings(form)
            found.append(Needle(form, source, None, why, spelled, True, key=key, document=document))
    shown = Shown(shown_texts)
    for entry in owner:
        if entry.meta.private:
            found += shown.secret(_private_entry(entry))
        else:
            found += shown.secret(_private_blocks(entry.body, entry.path, entry.body_line))
            for key, value in field_strings(entry.meta):
                if "!--" in value:  # `<!--`: may hold a private block (where: read only then)
                    line = entry.document.line_of(key) or 0
                    found += shown.secret(_private_blocks(value, entry.path, line))
            found += shown.secret(_redacted(entry, share))
    for path, text in pages.items():
        found += shown.secret(_private_blocks(text, path, 1))
    once: dict[tuple[str, str, int | None, KeyPath | None], Needle] = {}
    for needle in found:  # a private entry's company is a name first
        place = (needle.source, needle.line, needle.key)
        once.setdefault((needle.text.casefold(), *place), needle)
    return list(once.values())


def _first_mentions(owner: list[Entry]) -> dict[str, tuple[str, KeyPath, Any]]:
    """Where each person and company is first written: {name: (file, key, document)}; the
    line is read from the document only if a leak of it is reported."""
    found: dict[str, tuple[str, KeyPath, Any]] = {}
    for entry in owner:
        found.setdefault(entry.meta.company, (entry.path, ("company",), entry.document))
        for name in PEOPLE:
            for index, value in enumerate(getattr(entry.meta, name)):
                found.setdefault(value, (entry.path, (name, index), entry.document))
    return found


def _private_entry(entry: Entry) -> list[Needle]:
    """A private entry's texts, each excusable: the same sentence written in a shared
    entry was shared there on purpose ("Nudge on Monday." in both), and is no leak.
    Private blocks and hidden names never are (`excusable` stays False for them)."""
    found = [
        Needle(
            value,
            entry.path,
            None,
            f"{describe(key)} of a private entry",
            excusable=True,
            key=key,
            document=entry.document,
        )
        for key, value in field_strings(entry.meta)
        if key[0] not in ("outcome", "private")
    ]
    found.append(
        Needle(entry.slug, entry.path, None, "the file name of a private entry", excusable=True)
    )
    for line, sentence in sentences(entry.body, entry.body_line):
        found.append(
            Needle(sentence, entry.path, line, "the notes of a private entry", excusable=True)
        )
    return found


def _private_blocks(text: str, path: str, first_line: int) -> list[Needle]:
    found: list[Needle] = []
    for removed in clean_text(text).private_blocks:
        start = first_line + text.count("\n", 0, removed.offset)
        for line, sentence in sentences(removed.text, start):
            found.append(Needle(sentence, path, line, "a private block"))
    return found


def _redacted(entry: Entry, share: ShareSettings) -> list[Needle]:
    return [
        Needle(
            value, entry.path, None, f"redacted {describe(key)}", key=key, document=entry.document
        )
        for key, value in field_strings(entry.meta)
        if key[0] in share.redact and key[0] not in PEOPLE
    ]


def _why(item: Hidden) -> str:
    if item.kind == "company":
        if item.label and item.label.startswith("Company"):
            return "the company name, which the share anonymizes,"
        return "company of a private entry"
    return f"the name of a redacted {item.kind}"


_TRANSLITERATED = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ẞ": "SS",
     "æ": "ae", "Æ": "Ae", "ø": "oe", "Ø": "Oe", "œ": "oe", "Œ": "Oe", "å": "aa", "Å": "Aa"}
)  # fmt: skip


def _spellings(text: str) -> tuple[str, ...]:
    """How `text` is written without its accents, when it has some:
    'Jürgen' -> ('jurgen', 'juergen')."""
    plain = slugify(text).replace("-", " ")
    spelled: list[str] = []
    if plain and plain != re.sub(r"[^a-z0-9]+", " ", text.lower()).strip():
        spelled.append(plain)
        transliterated = slugify(text.translate(_TRANSLITERATED)).replace("-", " ")
        if transliterated and transliterated != plain:
            spelled.append(transliterated)
    return tuple(spelled)
