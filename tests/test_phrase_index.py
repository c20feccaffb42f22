"""The leak check's phrase index: a text is asked only about phrases it may hold."""

from __future__ import annotations

import random
import re
from pathlib import Path

from generator.share.leaks import Corpus, Secret, find_leaks, needles
from generator.share.phrase_index import PhraseIndex

_WORDS = re.compile(r"\w+").findall


def test_each_phrase_is_filed_under_its_rarest_word() -> None:
    # "system" is in three phrases, "design" and "test" in one each.
    index = PhraseIndex([["system design"], ["system test", "system"]], _WORDS)
    assert sorted(index.candidates(["system"])) == [(1, "system")]
    assert sorted(index.candidates(["design"])) == [(0, "system design")]
    assert sorted(index.candidates(["system", "design", "test", "other"])) == [
        (0, "system design"),
        (1, "system"),
        (1, "system test"),
    ]
    assert list(index.candidates([])) == []


def test_a_tie_goes_to_the_longer_word_and_a_phrase_without_words_is_never_asked() -> None:
    index = PhraseIndex([["ask about scale", "-- --"]], _WORDS)
    assert list(index.candidates(["scale", "about"])) == [(0, "ask about scale")]
    assert list(index.candidates(["ask", "--"])) == []


def test_find_leaks_finds_what_asking_every_file_about_every_phrase_finds(
    tmp_path: Path,
) -> None:
    """The index is a shortcut: on random files and phrases of a small vocabulary (so
    that words are shared between phrases), the same leaks as the plain double loop."""
    rng = random.Random(7)
    vocabulary = "api scale cache token bucket design lesson queue index shard".split()
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
