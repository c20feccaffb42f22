"""What the share must not show: the needles its output check looks for.

`needles_for` is the one place they come from. Today it lists, from the owner's
data, every field and sentence of a private entry, the redacted values, private
blocks, HTML comments and, when anonymized, the company names; once the share's
text decision (which names and blocks it hid, and where) is one object, the
needles are that object's list, and only this function changes.

A needle is *excusable* when the share may show the same text for another reason
(a weak spot a shared entry has too): a private entry's words are, a redacted name
or an anonymized company is not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from generator.entry.frontmatter import KeyPath, describe
from generator.entry.models import FrontMatter
from generator.entry.names import Vocabulary, slugify
from generator.entry.read import Entry
from generator.settings import ShareSettings
from generator.share.anonymize import Anonymizer
from generator.share.audience import redact_meta
from generator.share.clean import clean_text

NAMED_FIELDS = ("weak_spots", "strengths", "tags", "stage")  # shown by canonical name


@dataclass(frozen=True)
class Needle:
    text: str
    source: str  # the notebook file it comes from
    line: int | None
    what: str  # e.g. "company of a private entry"
    excusable: bool = True  # fine when shared data shows the same text
    variants: tuple[str, ...] = ()  # other spellings the output may use
    name: bool = False  # a person's or company's name: looked for even when short
    # A front-matter value's line is found from its key only when a leak is reported
    # (finding it reads the file again).
    key: KeyPath | None = None
    document: Any = field(default=None, compare=False, hash=False, repr=False)

    @property
    def number(self) -> int | None:
        """The line of the notebook file the needle comes from, when it has one."""
        if self.key is not None and self.document is not None:
            line: int | None = self.document.line_of(self.key)
            return line
        return self.line


def needles_for(
    entries: list[Entry],
    share: ShareSettings,
    vocabulary: Vocabulary,
    pages: dict[str, str],
    anonymizer: Anonymizer | None = None,
) -> list[Needle]:
    """Everything the share must not show, from the owner's entries and hand-written pages."""
    found: list[Needle] = []
    for entry in entries:
        if entry.meta.private:
            found.extend(_private_entry(entry, share, vocabulary))
        else:
            found.extend(_removed(entry.body, entry.path, entry.body_line))
        found.extend(_redacted(entry, share))
    for path, text in pages.items():
        found.extend(_removed(text, path, 1))
    if anonymizer is not None:
        first: dict[str, Entry] = {}
        for entry in entries:
            first.setdefault(anonymizer.company(entry.meta.company), entry)
        for form, letter in anonymizer.forms.items():
            if letter in first:
                entry = first[letter]
                found.append(
                    Needle(
                        form,
                        entry.path,
                        None,
                        "the company name, which the share anonymizes,",
                        excusable=False,
                        variants=(slugify(form).replace("-", ""),),
                        name=True,
                        key=("company",),
                        document=entry.document,
                    )
                )
    return found


def readable_needles(
    shared: list[tuple[Entry, Entry]], vocabulary: Vocabulary, pages: dict[str, str]
) -> list[Needle]:
    """In a locked share, nothing of the notebook may be readable: (owner, shared) entries."""
    found: list[Needle] = []
    for owner, entry in shared:
        for key, value in field_strings(entry.meta):
            if key[0] in ("stage", "format", "outcome", "private"):
                continue  # a handful of common words: not worth a false alarm
            found.append(
                Needle(
                    value,
                    owner.path,
                    None,
                    f"{describe(key)}, readable without the passphrase,",
                    excusable=False,
                    variants=_name_variants(key, value, vocabulary),
                    key=key,
                    document=owner.document,
                )
            )
        found.append(Needle(entry.slug, owner.path, None, "the page name of an entry", False))
        for line, sentence in sentences(entry.body, owner.body_line):
            found.append(Needle(sentence, owner.path, line, "the notes of an entry", False))
    for path, text in pages.items():
        for line, sentence in sentences(text):
            found.append(Needle(sentence, path, line, "the text of a page", False))
    return found


def _private_entry(entry: Entry, share: ShareSettings, vocabulary: Vocabulary) -> Iterator[Needle]:
    for key, value in field_strings(entry.meta):
        if key[0] in share.redact or key[0] in ("outcome", "private"):
            continue  # an outcome is one of six words; redacted values: see _redacted
        yield Needle(
            value,
            entry.path,
            None,
            f"{describe(key)} of a private entry",
            variants=_name_variants(key, value, vocabulary),
            key=key,
            document=entry.document,
        )
    yield Needle(entry.slug, entry.path, None, "the file name of a private entry")
    for line, sentence in sentences(entry.body, entry.body_line):
        yield Needle(sentence, entry.path, line, "the notes of a private entry")


def _removed(text: str, path: str, first_line: int) -> Iterator[Needle]:
    for removed in clean_text(text).removed:
        start = first_line + text.count("\n", 0, removed.offset)
        what = "a private block" if removed.kind == "private block" else "an HTML comment"
        for line, sentence in sentences(removed.text, start):
            yield Needle(sentence, path, line, what)


def _redacted(entry: Entry, share: ShareSettings) -> Iterator[Needle]:
    if not share.redact:
        return
    placeholders = {value for _key, value in field_strings(redact_meta(entry.meta, share.redact))}
    for key, value in field_strings(entry.meta):
        if key[0] in share.redact and key[0] != "private" and value not in placeholders:
            yield Needle(
                value,
                entry.path,
                None,
                f"redacted {describe(key)}",
                excusable=False,
                name=key[0] in ("interviewers", "discussed_with"),
                key=key,
                document=entry.document,
            )


def _name_variants(key: KeyPath, value: str, vocabulary: Vocabulary) -> tuple[str, ...]:
    if key[0] in NAMED_FIELDS:
        return (vocabulary.canonical(value),)
    return ()


def field_strings(meta: FrontMatter) -> Iterator[tuple[KeyPath, str]]:
    """Every text value of the front matter, with its key path: ('questions', 0, 'answer')."""

    def walk(value: Any, key: KeyPath) -> Iterator[tuple[KeyPath, str]]:
        if isinstance(value, str):
            yield key, value
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield from walk(item, (*key, index))
        elif isinstance(value, BaseModel):
            for name in type(value).model_fields:
                yield from walk(getattr(value, name), (*key, name))

    yield from walk(meta, ())


# --- sentences of Markdown text -------------------------------------------------------------

MIN_LENGTH = 4
_BLOCK_START = re.compile(r"^\s*(?:[-*+]\s+|\d+[.)]\s+|#{1,6}\s+|>\s?|!!!|\?\?\?)")
_MARKER = re.compile(r"^\s*(?:[-*+]\s+(?:\[[ xX]\]\s+)?|\d+[.)]\s+|#{1,6}\s+|>\s?)")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


def plain(text: str) -> str:
    """Markdown links taken off, their text kept: what a reader sees of them."""
    return _LINK.sub(r"\1", text)


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
        pieces: list[str] = []
        starts: list[tuple[int, int]] = []
        length = 0
        for number, part in unit:
            starts.append((length, number))
            pieces.append(" ".join(part.split()) + " ")
            length += len(pieces[-1])
        joined = "".join(pieces)
        position = 0
        index = 0
        for piece in _SENTENCE_END.split(joined):
            while index + 1 < len(starts) and starts[index + 1][0] <= position:
                index += 1
            position += len(piece) + 1
            sentence = piece.strip()
            if len(sentence) >= MIN_LENGTH:
                found.append((starts[index][1], sentence))
    return found
