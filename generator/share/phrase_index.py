"""Which of many phrases a text may hold, without asking the text about every one.

The leak check looks for thousands of phrases (a locked share: dozens per entry) in
every file of the share (one per entry). Asking every file about every phrase grew
with the square of the notebook: 140 s of the 152 s of a locked share of 300 entries.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence


class PhraseIndex:
    """Each phrase filed under its rarest word. A phrase can be in a text only if all its
    words are, so a text is asked only about the phrases filed under one of its words."""

    def __init__(self, groups: Sequence[Sequence[str]], words: Callable[[str], list[str]]) -> None:
        """`groups[i]` are the phrases of item i; `words` splits a phrase as the texts' words
        are split. A phrase without words is never a candidate."""
        split = [[(phrase, words(phrase)) for phrase in group] for group in groups]
        counts = Counter(w for group in split for _phrase, each in group for w in set(each))
        self._by_word: dict[str, list[tuple[int, str]]] = {}
        for item, group in enumerate(split):
            for phrase, each in group:
                if each:
                    rarest = min(each, key=lambda word: (counts[word], -len(word)))
                    self._by_word.setdefault(rarest, []).append((item, phrase))

    def candidates(self, words: Iterable[str]) -> Iterator[tuple[int, str]]:
        """(item, phrase) for every phrase filed under one of `words`."""
        for word in set(words) & self._by_word.keys():
            yield from self._by_word[word]
