"""Which of many phrases a text holds, without asking the text about every one.

The leak check looks for many thousand phrases (a locked share: dozens per entry, the
same role or weak spot once per entry that has it) in every file of the share (one
per entry). Asking every file about every phrase grew with the square of the
notebook: 140 s of the 152 s of a locked share of 300 entries.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence


class PhraseIndex:
    """Each distinct phrase filed once, under its rarest word. A phrase can be in a text
    only if all its words are, so a text is asked only about the phrases filed under
    one of its words, and only about those whose other words it has too."""

    def __init__(self, groups: Sequence[Sequence[str]], words: Callable[[str], list[str]]) -> None:
        """`groups[i]` are the phrases of item i; `words` splits a phrase as the texts' words
        are split. A phrase without words is never found."""
        items: dict[str, list[int]] = {}
        for item, group in enumerate(groups):
            for phrase in group:
                items.setdefault(phrase, []).append(item)
        split = {phrase: frozenset(words(phrase)) for phrase in items}
        counts = Counter(word for each in split.values() for word in each)
        self._by_word: dict[str, list[tuple[str, frozenset[str], list[int]]]] = {}
        for phrase, each in split.items():
            if each:
                rarest = min(each, key=lambda word: (counts[word], -len(word), word))
                self._by_word.setdefault(rarest, []).append((phrase, each, items[phrase]))

    def found(self, words: set[str], contains: Callable[[str], bool]) -> set[int]:
        """The items with a phrase that a text of these `words` `contains`."""
        hits: set[int] = set()
        for word in words & self._by_word.keys():
            for phrase, each, items in self._by_word[word]:
                if each <= words and contains(phrase):
                    hits.update(items)
        return hits
