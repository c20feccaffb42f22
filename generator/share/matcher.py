"""Looking for many phrases at once, as whole words, in one pass over a text.

The share's second line of defence (`leaks`) and its attachment check look for
hundreds of private phrases in every file of a share. Searching for each phrase
in each file costs phrases x files; this costs one pass per text: the text's
words are collected into a set (C speed, in chunks so that a 50 MB text does not
become 8 million string objects at once) and intersected, as hash sets do it, with
the set of every phrase's rarest-looking word. Only the phrases whose words are
all there are narrowed by their pairs of neighbouring words, then confirmed in
one more pass over the text's words that stops only at those phrases' anchor
words. The cost follows the size of the text, never the number of phrases.

Matching ignores case and accents ("Zoë", "ZOE" and "zoe" are one word), and a
word is a run of letters or digits: `dana-scully`, `Dana_Scully` and
`Dana\\nScully` all hold the phrase "dana scully".
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping

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
        for chunk in _token_chunks(fold(text)):
            counts.update(chunk)
    return counts


def word_set(folded: str) -> set[str]:
    """The words of a folded text, read in chunks cut between words."""
    found: set[str] = set()
    for chunk in _token_chunks(folded):
        found.update(chunk)
    return found


class Matcher:
    """Which of `phrases` (tuples of folded words) occur in a text, as whole words."""

    def __init__(self, phrases: Iterable[Phrase], counts: Mapping[str, int] | None = None) -> None:
        """`counts`: how often words occur in texts like the ones to search; a phrase is
        anchored on its rarest word (by default its longest)."""
        self.phrases: list[Phrase] = list(dict.fromkeys(p for p in phrases if p))
        often = counts or {}
        self._single: dict[str, int] = {}
        self._anchored: dict[str, list[int]] = {}
        self._anchor: dict[int, tuple[str, int]] = {}  # phrase -> (anchor word, its place)
        self._pairs: dict[int, frozenset[tuple[str, str]]] = {}
        for i, phrase in enumerate(self.phrases):
            if len(phrase) == 1:
                self._single[phrase[0]] = i
                continue
            anchor = min(phrase, key=lambda w: (often.get(w, 0), -len(w)))
            self._anchored.setdefault(anchor, []).append(i)
            self._anchor[i] = (anchor, phrase.index(anchor))
            self._pairs[i] = frozenset(itertools.pairwise(phrase))
        self._keys = set(self._single) | set(self._anchored)

    def __bool__(self) -> bool:
        return bool(self.phrases)

    def search(self, text: str) -> set[int]:
        """The indexes (in `phrases`) of the phrases `text` holds."""
        if not self._keys or not text:
            return set()
        folded = fold(text)
        if len(folded) <= CHUNK:
            tokens: list[str] | None = _WORD.findall(folded)
            present = set(tokens or ())
        else:
            tokens, present = None, word_set(folded)
        hits = present & self._keys
        found = {self._single[w] for w in hits if w in self._single}
        candidates = [
            i
            for w in hits
            for i in self._anchored.get(w, ())
            if present.issuperset(self.phrases[i])
        ]
        if not candidates:
            return found
        # Narrowed by their pairs of neighbouring words (made in C: zip and set), which
        # leaves only the phrases that are, or nearly are, in the text.
        if tokens is not None:
            pairs = set(itertools.pairwise(tokens))
        else:
            wanted = {w for i in candidates for w in self.phrases[i]}
            pairs = word_pairs(folded, wanted)
        candidates = [i for i in candidates if self._pairs[i] <= pairs]
        if candidates:
            chunks = [tokens] if tokens is not None else _token_chunks(folded)
            found |= self._in_order(chunks, candidates)
        return found

    def search_all(self, texts: Iterable[str]) -> set[int]:
        found: set[int] = set()
        for text in texts:
            found |= self.search(text)
        return found

    def _in_order(self, chunks: Iterable[list[str]], candidates: list[int]) -> set[int]:
        """The candidates whose words stand next to each other, in order: one pass over
        the words, stopping only at the candidates' anchor words, where only the phrases
        whose next (or, at a phrase's end, previous) word also matches are compared."""
        after: dict[tuple[str, str], list[tuple[int, Phrase, int]]] = {}
        before: dict[tuple[str, str], list[tuple[int, Phrase, int]]] = {}
        for i in candidates:
            anchor, offset = self._anchor[i]
            phrase = self.phrases[i]
            if offset + 1 < len(phrase):
                after.setdefault((anchor, phrase[offset + 1]), []).append((i, phrase, offset))
            else:
                before.setdefault((phrase[offset - 1], anchor), []).append((i, phrase, offset))
        anchors = {key[0] for key in after} | {key[1] for key in before}
        keep = max(len(self.phrases[i]) for i in candidates) - 1
        found: set[int] = set()
        carry: list[str] = []
        for chunk in chunks:
            tokens = carry + chunk if carry else chunk
            last = len(tokens) - 1
            for at in [n for n, word in enumerate(tokens) if word in anchors]:
                word = tokens[at]
                near = after.get((word, tokens[at + 1]), []) if at < last else []
                if at > 0:
                    near = near + before.get((tokens[at - 1], word), [])
                for i, phrase, offset in near:
                    start = at - offset
                    if start >= 0 and tuple(tokens[start : start + len(phrase)]) == phrase:
                        found.add(i)
            carry = tokens[-keep:] if keep else []
        return found


def word_pairs(folded: str, wanted: set[str]) -> set[tuple[str, str]]:
    """The pairs of neighbouring words of a big folded text where both are in `wanted`
    (a chunk at a time: all its pairs would be millions of tuples)."""
    found: set[tuple[str, str]] = set()
    previous: list[str] = []
    for chunk in _token_chunks(folded):
        tokens = previous + chunk
        found.update(
            pair for pair in itertools.pairwise(tokens) if pair[0] in wanted and pair[1] in wanted
        )
        previous = tokens[-1:]
    return found


def _token_chunks(folded: str) -> Iterator[list[str]]:
    """The words of a folded text, a chunk at a time, cut between words."""
    start = 0
    size = len(folded)
    while start < size:
        end = start + CHUNK
        if end < size:
            cut = _NOT_WORD.search(folded, end)
            end = cut.start() if cut else size
        yield _WORD.findall(folded, start, end)
        start = end
