"""Looking for many phrases at once, as whole words, in one pass over a text.

The share's second line of defence (`leaks`) and its attachment check look for
hundreds of private phrases in every file of a share. Searching for each phrase
in each file costs phrases x files; this costs one pass per text: the text's
words are collected into a set (C speed, in chunks so that a 50 MB text does not
become 8 million string objects at once), the set is intersected with each
phrase's rarest-looking word, and only the few phrases whose words are all there
are confirmed, together, with one regular expression.

Matching ignores case and accents ("Zoë", "ZOE" and "zoe" are one word), and a
word is a run of letters or digits: `dana-scully`, `Dana_Scully` and
`Dana\\nScully` all hold the phrase "dana scully".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

Phrase = tuple[str, ...]

_WORD = re.compile(r"[^\W_]+")
_NOT_WORD = re.compile(r"[\W_]")
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# Letters NFKD leaves whole: folded to what a person would type on an English keyboard.
_LETTERS = str.maketrans(
    {"æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "ł": "l", "þ": "th", "ı": "i"}
)
# The German way of writing umlauts without them: Müller is also Mueller.
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "å": "aa"})
CHUNK = 1 << 20


def fold(text: str) -> str:
    """Lower case, accents taken off: what two spellings of one word have in common."""
    text = text.casefold()
    if text.isascii():
        return text
    text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    return text.translate(_LETTERS)


def words(text: str) -> Phrase:
    return tuple(_WORD.findall(fold(text)))


def spellings(text: str) -> list[Phrase]:
    """The phrase of `text` and its other common spellings (Müller: muller, mueller)."""
    found = [words(text)]
    lowered = text.casefold()
    if lowered.translate(_UMLAUTS) != lowered:
        found.append(words(lowered.translate(_UMLAUTS)))
    return [phrase for phrase in dict.fromkeys(found) if phrase]


def word_set(folded: str) -> set[str]:
    """The words of a folded text, read in chunks cut between words."""
    found: set[str] = set()
    start = 0
    size = len(folded)
    while start < size:
        end = start + CHUNK
        if end < size:
            cut = _NOT_WORD.search(folded, end)
            end = cut.start() if cut else size
        found.update(_WORD.findall(folded, start, end))
        start = end
    return found


class Matcher:
    """Which of `phrases` (tuples of folded words) occur in a text, as whole words."""

    def __init__(self, phrases: Iterable[Phrase]) -> None:
        self.phrases: list[Phrase] = list(dict.fromkeys(p for p in phrases if p))
        self._index = {phrase: i for i, phrase in enumerate(self.phrases)}
        self._single: dict[str, int] = {}
        self._anchored: dict[str, list[int]] = {}
        for i, phrase in enumerate(self.phrases):
            if len(phrase) == 1:
                self._single[phrase[0]] = i
            else:
                # The longest word is, most often, the rarest: the fewest phrases to confirm.
                self._anchored.setdefault(max(phrase, key=len), []).append(i)
        self._keys = set(self._single) | set(self._anchored)

    def __bool__(self) -> bool:
        return bool(self.phrases)

    def search(self, text: str) -> set[int]:
        """The indexes (in `phrases`) of the phrases `text` holds."""
        if not self._keys:
            return set()
        folded = fold(text)
        present = word_set(folded)
        hits = present & self._keys
        found = {self._single[w] for w in hits if w in self._single}
        candidates = [
            self.phrases[i]
            for w in hits
            for i in self._anchored.get(w, ())
            if present.issuperset(self.phrases[i])
        ]
        if candidates:
            found |= self._confirm(folded, candidates)
        return found

    def search_all(self, texts: Iterable[str]) -> set[int]:
        found: set[int] = set()
        for text in texts:
            found |= self.search(text)
        return found

    def _confirm(self, folded: str, candidates: list[Phrase]) -> set[int]:
        """The candidates whose words stand next to each other, with one expression."""
        ordered = sorted(set(candidates), key=lambda p: (-len(p), p))
        alternatives = "|".join(r"[\W_]+".join(map(re.escape, p)) for p in ordered)
        # A lookahead, so that overlapping phrases ("a b", "b c" in "a b c") are all seen.
        pattern = re.compile(rf"(?<![^\W_])(?=((?:{alternatives}))(?![^\W_]))")
        found: set[int] = set()
        for match in pattern.finditer(folded):
            seen = tuple(_WORD.findall(match.group(1)))
            for phrase in ordered:
                if seen[: len(phrase)] == phrase:
                    found.add(self._index[phrase])
        return found
