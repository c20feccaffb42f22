"""Which of many phrases a text holds, without asking the text about every one.

The leak check looks for many thousand phrases (a locked share: dozens per entry, the
same role or weak spot once per entry that has it) in every file of the share (one
per entry). Asking every file about every phrase grew with the square of the
notebook: 140 s of the 152 s of a locked share of 300 entries.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence

_ALONE = ""  # the second key of a one-word phrase: every text has it

Phrase = tuple[str, frozenset[str], list[int]]  # the phrase, its words, its items


class PhraseIndex:
    """Each distinct phrase filed once, under its two rarest words. A phrase can be in a
    text only if all its words are, so a text is asked only about the phrases filed under
    two of its words, and only about those whose other words it has too.

    One word is not enough: a common name such as `index.html` has a word that is the
    rarest of a thousand phrases made of common words."""

    def __init__(self, groups: Sequence[Sequence[str]], words: Callable[[str], list[str]]) -> None:
        """`groups[i]` are the phrases of item i; `words` splits a phrase as the texts' words
        are split. A phrase without words is never found."""
        items: dict[str, list[int]] = {}
        for item, group in enumerate(groups):
            for phrase in group:
                items.setdefault(phrase, []).append(item)
        split = {phrase: frozenset(words(phrase)) for phrase in items}
        counts = Counter(word for each in split.values() for word in each)
        self._by_words: dict[str, dict[str, list[Phrase]]] = {}
        for phrase, each in split.items():
            if each:
                rarest = sorted(each, key=lambda word: (counts[word], -len(word), word))
                second = rarest[1] if len(rarest) > 1 else _ALONE
                bucket = self._by_words.setdefault(rarest[0], {})
                bucket.setdefault(second, []).append((phrase, each, items[phrase]))

    def found(self, words: set[str], contains: Callable[[str], bool]) -> set[int]:
        """The items with a phrase that a text of these `words` `contains`."""
        hits: set[int] = set()
        for word in words & self._by_words.keys():
            for phrase, each, items in _candidates(self._by_words[word], words):
                if each <= words and contains(phrase):
                    hits.update(items)
        return hits


def _candidates(bucket: dict[str, list[Phrase]], words: set[str]) -> Iterable[Phrase]:
    """The phrases of `bucket` filed under one of `words` (or under no second word),
    looking through whichever of the two is smaller."""
    seconds = (
        [key for key in bucket if key == _ALONE or key in words]
        if len(bucket) <= len(words)
        else [key for key in (_ALONE, *words) if key in bucket]
    )
    return (phrase for key in seconds for phrase in bucket[key])
