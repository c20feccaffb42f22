"""Looking for many phrases at once, as whole words, in one pass over a text.

The share's second line of defence (`leaks`) and its attachment check look for
hundreds of private phrases in every file of a share. Searching for each phrase
in each file costs phrases x files; this costs one pass per text: the text's
words, and its runs of two and three words, are collected into sets (in C, a
chunk at a time so that a 50 MB text never becomes 8 million objects at once) and
intersected, as hash sets do it, with the phrases' keys (see `Matcher`). The cost
follows the size of the text, never the number of phrases.

Matching ignores case and accents ("Zoë", "ZOE" and "zoe" are one word), and a
word is a run of letters or digits: `dana-scully`, `Dana_Scully` and
`Dana\\nScully` all hold the phrase "dana scully".
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Container, Iterable, Iterator, Mapping

Phrase = tuple[str, ...]
Gram = tuple[str, ...]  # one, two or three neighbouring words

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


def triples_among(texts: Iterable[str], wanted: set[Gram]) -> set[Gram]:
    """Which of the runs of three words `wanted` occur in `texts`."""
    found: set[Gram] = set()
    for text in texts:
        carry: list[str] = []
        for chunk in _token_chunks(fold(text)):
            tokens = carry + chunk if carry else chunk
            found |= wanted.intersection(zip(tokens, tokens[1:], tokens[2:], strict=False))
            carry = tokens[-2:]
    return found


def word_set(folded: str) -> set[str]:
    """The words of a folded text, read in chunks cut between words."""
    found: set[str] = set()
    for chunk in _token_chunks(folded):
        found.update(chunk)
    return found


class Matcher:
    """Which of `phrases` (tuples of folded words) occur in a text, as whole words.

    Each phrase is keyed by one word or a run of up to three of its words: by a word
    the searched texts never use when it has one (a name, mostly), else a phrase of
    one to three words by itself and a longer one by its three neighbouring words
    that are the rarest in `counts`. Three random words in a row are almost never in
    a text by chance, so a text's words and runs (made in C: zip and set) meet few
    keys; a phrase keyed on a part of it is confirmed by one more pass when its key
    is met.
    """

    def __init__(
        self,
        phrases: Iterable[Phrase],
        counts: Mapping[str, int] | None = None,
        common: Container[Gram] = (),
    ) -> None:
        """`counts`: how often words occur in texts like the ones to search (a phrase
        with a word they never use is keyed on that word); `common`: runs of three words
        those texts hold (a long phrase is keyed on another run)."""
        self.phrases: list[Phrase] = list(dict.fromkeys(p for p in phrases if p))
        often = counts or {}
        self._single: dict[str, list[int]] = {}
        self._keyed: list[dict[Gram, list[int]]] = [{}, {}, {}]  # by the key's length
        # A phrase to confirm once its key is met -> (a word of its key, that word's place).
        self._anchor: dict[int, tuple[str, int]] = {}
        for i, phrase in enumerate(self.phrases):
            if len(phrase) == 1:
                self._single.setdefault(phrase[0], []).append(i)
                continue
            unseen = [w for w in phrase if often and w not in often]
            if unseen:
                # A word the searched texts never use: keyed on it alone, confirmed after.
                word = max(unseen, key=len)
                self._single.setdefault(word, []).append(i)
                self._anchor[i] = (word, phrase.index(word))
                continue
            if len(phrase) <= 3:
                self._keyed[len(phrase) - 1].setdefault(phrase, []).append(i)
                continue
            start = min(
                range(len(phrase) - 2),
                key=lambda n: (
                    phrase[n : n + 3] in common,
                    sum(often.get(w, 0) for w in phrase[n : n + 3]),
                    n,
                ),
            )
            self._keyed[2].setdefault(phrase[start : start + 3], []).append(i)
            self._anchor[i] = (phrase[start], start)

    def __bool__(self) -> bool:
        return bool(self.phrases)

    def search(self, text: str, known: Container[int] = ()) -> set[int]:
        """The indexes (in `phrases`) of the phrases `text` holds; those in `known` (found
        in an earlier text) are not confirmed again."""
        if not self.phrases or not text:
            return set()
        folded = fold(text)
        _unused, pairs, triples = self._keyed
        met: set[int] = set()
        carry: list[str] = []
        for chunk in _token_chunks(folded):
            tokens = carry + chunk if carry else chunk
            if self._single:
                for word in self._single.keys() & set(tokens):
                    met.update(self._single[word])
            for keyed, grams in (
                (pairs, itertools.pairwise(tokens) if pairs else ()),
                (triples, zip(tokens, tokens[1:], tokens[2:], strict=False) if triples else ()),
            ):
                if keyed:
                    for gram in keyed.keys() & set(grams):
                        met.update(keyed[gram])
            carry = tokens[-2:]
        long = [i for i in met if i in self._anchor and i not in known]
        if not long:
            return met
        return (met - set(long)) | self._in_order(_token_chunks(folded), long)

    def search_all(self, texts: Iterable[str]) -> set[int]:
        found: set[int] = set()
        for text in texts:
            found |= self.search(text, found)
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
