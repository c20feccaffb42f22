"""Looking for many phrases at once, as whole words, in one pass over a text.

The share's second line of defence (`leaks`) and its attachment check look for
hundreds of private phrases in every file of a share. Searching for each phrase
in each file costs phrases x files; this costs one pass per text: the text's
words are collected into a set (in C, a chunk at a time so that a 50 MB text
never becomes 8 million objects at once) and intersected, as hash sets do it,
with one word of each phrase; the text is walked only where such a word is met
(see `Matcher`). The cost follows the size of the text, not the number of phrases.

Matching ignores case and accents ("Zoë", "ZOE" and "zoe" are one word), and a
word is a run of letters or digits: `dana-scully`, `Dana_Scully` and
`Dana\\nScully` all hold the phrase "dana scully".
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Container, Iterable, Iterator, Mapping

Phrase = tuple[str, ...]

_WORD = re.compile(r"[^\W_]+")
_NOT_WORD = re.compile(r"[\W_]")
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# Letters NFKD leaves whole: folded to what a person would type on an English keyboard.
_LETTERS = str.maketrans(
    {"æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "ł": "l", "þ": "th", "ı": "i"}
)
_SPECIAL = re.compile("[æœøđðłþı]")
# The German way of writing umlauts without them: Müller is also Mueller.
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "å": "aa"})
CHUNK = 1 << 20


def fold(text: str) -> str:
    """Lower case, accents taken off: what two spellings of one word have in common."""
    text = text.casefold()
    if text.isascii():
        return text
    text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    return text.translate(_LETTERS) if _SPECIAL.search(text) else text


def words(text: str) -> Phrase:
    return tuple(_WORD.findall(fold(text)))


def spellings(text: str) -> list[Phrase]:
    """The phrase of `text` and its other common spellings (Müller: muller, mueller)."""
    found = [words(text)]
    lowered = text.casefold()
    if lowered.translate(_UMLAUTS) != lowered:
        found.append(words(lowered.translate(_UMLAUTS)))
    return [phrase for phrase in dict.fromkeys(found) if phrase]


def count_words(texts: Iterable[str]) -> Counter[str]:
    """How often each word occurs in `texts`."""
    counts: Counter[str] = Counter()
    for text in texts:
        for chunk in word_chunks(text):
            counts.update(chunk)
    return counts


class Matcher:
    """Which of `phrases` (tuples of folded words) occur in a text, as whole words.

    A phrase of one word is its own key. A longer one is keyed on its anchor: of its
    words, the one the searched texts use least (by `counts`; else its longest). The
    words of a text are made into a set, in C, and met with the keys; only where an
    anchor is met is the text walked, stopping only at that anchor's places, where only
    the phrases whose next (or, at a phrase's end, previous) word matches too are
    compared. The cost follows the size of the text, not the number of phrases.
    """

    def __init__(self, phrases: Iterable[Phrase], counts: Mapping[str, int] | None = None) -> None:
        """`counts`: how often words occur in texts like the ones to search."""
        self.phrases: list[Phrase] = list(dict.fromkeys(p for p in phrases if p))
        often = counts or {}
        self._single: dict[str, list[int]] = {}
        # (anchor, the word after it) or (the word before it, anchor) -> phrases, anchor's place
        self._after: dict[tuple[str, str], list[tuple[int, Phrase, int]]] = {}
        self._before: dict[tuple[str, str], list[tuple[int, Phrase, int]]] = {}
        self._anchors: set[str] = set()
        self._keep = 0  # how many words a phrase reaches back over the start of a chunk
        for i, phrase in enumerate(self.phrases):
            if len(phrase) == 1:
                self._single.setdefault(phrase[0], []).append(i)
                continue
            # The least used word, the longest of those, the first of those.
            anchor = min(phrase, key=lambda word: (often.get(word, 0), -len(word)))
            at = phrase.index(anchor)
            self._anchors.add(anchor)
            self._keep = max(self._keep, len(phrase) - 1)
            if at + 1 < len(phrase):
                self._after.setdefault((anchor, phrase[at + 1]), []).append((i, phrase, at))
            else:
                self._before.setdefault((phrase[at - 1], anchor), []).append((i, phrase, at))

    def __bool__(self) -> bool:
        return bool(self.phrases)

    def search(self, text: str, known: Container[int] = ()) -> set[int]:
        """The indexes (in `phrases`) of the phrases `text` holds; those in `known` (found
        in an earlier text) may be left out."""
        if not self.phrases or not text:
            return set()
        found: set[int] = set()
        carry: list[str] = []
        for chunk in word_chunks(text):
            tokens = carry + chunk if carry else chunk
            present = set(tokens)
            for word in self._single.keys() & present:
                found.update(self._single[word])
            met = self._anchors & present
            if met:
                self._confirm(tokens, met, found, known)
            carry = tokens[-self._keep :] if self._keep else []
        return found

    def search_all(self, texts: Iterable[str]) -> set[int]:
        found: set[int] = set()
        for text in texts:
            found |= self.search(text, found)
        return found

    def _confirm(
        self, tokens: list[str], met: set[str], found: set[int], known: Container[int]
    ) -> None:
        """Add to `found` the phrases whose words stand in `tokens` in order, around the
        places of the anchors `met`."""
        last = len(tokens) - 1
        after, before = self._after, self._before
        for at in [n for n, word in enumerate(tokens) if word in met]:
            word = tokens[at]
            near = after.get((word, tokens[at + 1]), ()) if at < last else ()
            if at > 0:
                near = [*near, *before.get((tokens[at - 1], word), ())]
            for i, phrase, offset in near:
                if i in found or i in known:
                    continue
                start = at - offset
                if start >= 0 and tuple(tokens[start : start + len(phrase)]) == phrase:
                    found.add(i)


def word_chunks(text: str) -> Iterator[list[str]]:
    """The folded words of `text` (`words`), a chunk at a time, cut between words."""
    if not text.isascii():
        # Dashes, quotes, dots and stars are what makes most pages not ASCII: they are
        # no part of a word, so a space in their place leaves the words as they were.
        for mark in _MARKS:
            if mark in text:
                text = text.replace(mark, " ")
    if not text.isascii():
        yield from _chunks(fold(text), _WORD.findall)
        return
    # Most of a site is ASCII: there one bytes.translate lowers the letters and blanks
    # what is not a letter or digit, and split() cuts, twice as fast as the regex.
    yield from _chunks(text, _ascii_words)


def _ascii_words(text: str, start: int, end: int) -> list[str]:
    return text[start:end].encode("ascii").translate(_ASCII_WORDS).decode("ascii").split()


_MARKS = "·—–‘’“”…›‹«»→←★☆•✓"
# A to Z lowered, a to z and 0 to 9 kept, every other byte a space.
_ASCII_WORDS = bytes(
    (c | 0x20 if chr(c).isalpha() else c) if chr(c).isascii() and chr(c).isalnum() else 32
    for c in range(256)
)


def _chunks(text: str, find: Callable[[str, int, int], list[str]]) -> Iterator[list[str]]:
    """`find`'s words of `text`, a chunk at a time, cut between words."""
    start = 0
    size = len(text)
    while start < size:
        end = start + CHUNK
        if end < size:
            cut = _NOT_WORD.search(text, end)
            end = cut.start() if cut else size
        yield find(text, start, end)
        start = end
