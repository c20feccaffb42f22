"""The leak check's phrase index: a text is asked only about phrases it may hold."""

from __future__ import annotations

import random
import re
from pathlib import Path

from generator.share.leaks import Corpus, Secret, find_leaks, needles
from generator.share.phrase_index import PhraseIndex

_WORDS = re.compile(r"\w+").findall


class Text:
    """A text that records which phrases it was asked about."""

    def __init__(self, text: str) -> None:
        self.text, self.words, self.asked = f" {text} ", set(_WORDS(text)), []

    def contains(self, phrase: str) -> bool:
        self.asked.append(phrase)
        return f" {phrase} " in self.text


def test_a_text_is_asked_only_about_phrases_whose_words_it_has() -> None:
    # "system" is in three phrases, "design" and "test" in one each.
    index = PhraseIndex([["system design"], ["system test", "system"], ["design system"]], _WORDS)
    text = Text("a system test")
    assert index.found(text.words, text.contains) == {1}
    assert sorted(text.asked) == ["system", "system test"]
    text = Text("design a system")  # has both words of two phrases, in neither order
    assert index.found(text.words, text.contains) == {1}
    assert sorted(text.asked) == ["design system", "system", "system design"]
    text = Text("nothing here")
    assert index.found(text.words, text.contains) == set()
    assert text.asked == []


def test_a_phrase_shared_by_many_items_is_asked_once() -> None:
    index = PhraseIndex([["backend engineer"]] * 50 + [["-- --"]], _WORDS)
    text = Text("a backend engineer -- --")
    assert index.found(text.words, text.contains) == set(range(50))
    assert text.asked == ["backend engineer"]  # and the phrase without words never


def test_find_leaks_finds_what_asking_every_file_about_every_phrase_finds(
    tmp_path: Path,
) -> None:
    """The index is a shortcut: on random files and phrases of a small vocabulary (so
    that words are shared between phrases), the same leaks as the plain double loop."""
    rng = random.Random(7)
    vocabulary = [
        "api",
        "scale",
        "cache",
        "token",
        "bucket",
        "design",
        "lesson",
        "queue",
        "index",
        "shard",
    ]
    site = tmp_path / "site"
    site.mkdir()
    texts: dict[str, str] = {}
    for n in range(30):
        texts[f"page{n:02}.html"] = "<p>" + " ".join(rng.choices(vocabulary, k=12)) + "</p>"
        (site / f"page{n:02}.html").write_text(texts[f"page{n:02}.html"])
    found = [
        Secret(" ".join(rng.choices(vocabulary, k=rng.randint(1, 3))), "e.md", line, "t")
        for line in range(60)
    ]
    kept = needles(found, Corpus([]), Corpus([]))
    leaks = [(leak.where, leak.secret.line) for leak in find_leaks(site, kept)]
    expected = []
    for name, text in sorted(texts.items()):
        words = text[3:-4].split()
        for needle in kept:
            phrase = needle.secret.text.split()
            if any(words[i : i + len(phrase)] == phrase for i in range(len(words))):
                expected.append((name, needle.secret.line))
    assert leaks == expected
    assert 30 < len(expected) < 30 * 60  # some phrases found, not all
