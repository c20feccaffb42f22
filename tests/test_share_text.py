"""The share's pure text functions: cleaning, anonymizing, attachments, the leak finder."""

from __future__ import annotations

import gzip
import json
import random
from pathlib import Path

import pytest

from generator.entry.read import Entry, entry_from_bytes
from generator.settings import Settings, ShareSettings
from generator.share.attachments import shared_attachments
from generator.share.clean import Removed, clean_text, link_targets
from generator.share.hidden import Needle, sentences
from generator.share.leaks import LookedFor, Shipped, find_leaks, looked_for
from generator.share.matcher import Matcher, fold, words
from generator.share.privacy import Privacy
from generator.share.views import file_views
from tests.conftest import entry_from_text

# --- private blocks and comments ----------------------------------------------------------


def test_clean_removes_private_blocks_and_comments() -> None:
    text = "a\n<!-- private -->\nsecret\n<!-- /private -->\nb <!-- note --> c\n"
    cleaned = clean_text(text)
    assert cleaned.text == "a\n\nb  c\n"
    assert cleaned.removed == (
        Removed("private block", "\nsecret\n", 18),
        Removed("HTML comment", " note ", 50),
    )


def test_clean_accepts_any_spacing_and_case_in_the_markers() -> None:
    assert clean_text("x<!--PRIVATE-->y<!--  / Private  -->z").text == "xz"


def test_clean_removes_to_the_end_when_a_block_is_not_closed() -> None:
    assert clean_text("kept\n<!-- private -->\nsecret\n\nmore secret\n").text == "kept\n"
    assert clean_text("kept <!-- a comment that never ends\nsecret").text == "kept "


def test_clean_leaves_comments_in_code_alone() -> None:
    text = (
        "Write `<!-- a comment -->` to leave a note.\n"
        "\n"
        "```\n"
        "<!-- shown as code -->\n"
        "```\n"
        "``a ` <!-- still code --> ``\n"
        "<!-- gone -->\n"
    )
    cleaned = clean_text(text)
    assert cleaned.text == text.replace("<!-- gone -->", "")
    assert [r.text for r in cleaned.removed] == [" gone "]


def test_clean_backticks_do_not_pair_across_paragraphs() -> None:
    # The lone backtick is text: the comment after it is a real comment.
    assert clean_text("a ` b\n\n<!-- hidden --> c `").text == "a ` b\n\n c `"


def test_a_stray_closing_marker_is_dropped_quietly() -> None:
    cleaned = clean_text("a <!-- /private --> b")
    assert cleaned.text == "a  b"
    assert cleaned.removed == ()


def test_link_targets() -> None:
    text = '![a](x.png) [b](<y z.pdf>) <img src="c.svg"> [d]: e.png\n[ref]: f.png "t"\n'
    assert [text[s:e] for s, e in link_targets(text)] == ["x.png", "y", "c.svg", "f.png"]


# --- anonymizing (more in test_share_privacy.py) ----------------------------------------------


def entry_of(name: str, text: str) -> Entry:
    return entry_from_text(text, name)


ACME = "---\ncompany: Acme Robotics\nrole: SRE\ndate: 2026-03-01\ninterviewers: [Dana]\n---\n"
GLOBEX = "---\ncompany: Globex\nrole: SRE\ndate: 2026-03-03\n---\nUnlike Acme and Initech.\n"
INITECH = "---\ncompany: Initech\nrole: SRE\ndate: 2026-03-02\nprivate: true\n---\n"


def test_share_letters_shared_companies_first_and_hides_private_ones_too() -> None:
    entries = [
        entry_of("2026-03-01-acme-screen", ACME),
        entry_of("globex", GLOBEX),
        entry_of("initech", INITECH),
    ]
    settings = Settings(share=ShareSettings(anonymize=("company",)))
    privacy = Privacy.build(entries, settings)  # type: ignore[arg-type]
    assert [(e.slug, e.meta.company) for e in privacy.entries] == [
        ("2026-03-01-company-a", "Company A"),  # made of what the page shows
        ("2026-03-03-company-b", "Company B"),
    ]
    assert privacy.entries[1].body == "Unlike Company A and Company C.\n"
    assert privacy.anonymizer is not None
    assert privacy.anonymizer.forms == {
        "Acme Robotics": "Company A",
        "Acme": "Company A",
        "Globex": "Company B",
        "Initech": "Company C",
    }


def test_shared_attachments_are_the_ones_shared_entries_show(tmp_path: Path) -> None:
    body = (
        "---\ncompany: A\nrole: R\ndate: 2026-01-01\n---\n![s](sketch.png) [p](../notes%20v2.pdf)\n"
    )
    found, _ = entry_from_bytes(body.encode(), "journal/entries/2026/a.md", "a")
    assert found is not None
    pairs = [
        (tmp_path / "1", "entries/2026/sketch.png"),
        (tmp_path / "2", "entries/notes v2.pdf"),
        (tmp_path / "3", "entries/2026/other.png"),
    ]
    assert shared_attachments([found], pairs, "journal/entries/") == pairs[:2]


# --- the leak finder ------------------------------------------------------------------------


def test_sentences_with_their_lines() -> None:
    text = (
        "# Title here\n\nOne sentence. And a second\none on two lines.\n- an item\n| a cell | b |\n"
    )
    assert sentences(text, 10) == [
        (10, "Title here"),
        (12, "One sentence."),
        (12, "And a second one on two lines."),
        (14, "an item"),
        (15, "a cell"),  # 'b' is too short to look for
    ]


def found(data: bytes, phrase: str, name: str = "") -> bool:
    return bool(Matcher([words(phrase)]).search_all(file_views(data, name)))


def test_views_read_through_escapes_and_compression() -> None:
    secret = "Zqx & <friends>"
    html_bytes = b"<p>Zqx &amp; &lt;friends&gt;</p>"
    json_bytes = json.dumps({"text": secret}).encode()
    escaped = json.dumps("\u017dqx Malo\u0161", ensure_ascii=True).encode()  # "\u017eqx"
    gz = gzip.compress(b"<loc>Zqx &amp; &lt;friends&gt;</loc>")
    for data in (html_bytes, json_bytes, gz):
        assert found(data, "zqx friends")
    assert found(escaped, "Zqx Malos")  # JSON-escaped, accents folded
    assert found(b"a/zqx%20malos/b", "zqx malos")  # URL-encoded
    assert found(b"<b>Zqx</b> <i>Malos</i>", "zqx malos")  # split by tags
    # In an HTML file: text and tags read apart, an escaped < is text, cells stay apart.
    assert found(html_bytes, "zqx friends", "a.html")
    assert found(b"<p>Zqx <em>Malos</em></p>", "zqx malos", "a.html")
    assert found(b"<td>Zqx</td><td>Malos</td>", "zqx", "a.html")
    assert found(b'<img alt="x" src="zqx-malos.png">', "zqx malos", "a.html")
    assert not found(b"<td>Zqx</td><td>Malos</td>", "zqxmalos", "a.html")
    assert found("Met Zqx Malos".encode("utf-16"), "zqx malos")  # with a byte order mark
    assert found("Met Zqx Malos".encode("utf-16-be"), "zqx malos")  # without one
    assert found("Zoë Malo\u0161".encode("latin-1", "replace"), "zoe")  # not UTF-8
    assert found(b"", "zqx malos", "2026-zqx-malos.png")  # in a file name


def test_views_drop_long_base64_runs_but_not_words() -> None:
    """A run of 40 or more base64 letters mixing capitals and digits is random data (a
    sealed page, a data: URL), read as a space; shorter runs, and runs of words, are text."""
    run = "Q7xT" * 8 + "/dana+" + "K9"  # 40 letters, "dana" a word inside
    assert not found(f"x {run}== y".encode(), "dana")
    assert not found(f"<img src='data:image/png;base64,{run}'>".encode(), "dana", "a.html")
    assert found(f"x {run[1:]} y".encode(), "dana")  # 39 letters: text
    assert found(("Dana/" * 10).encode(), "dana")  # no digit, no capital but one: text
    assert found(f"{run}\\u00e9 Zo\\u00eb".encode(), "zoe")  # after a run, escapes undone
    assert found("Zoë —".encode() * 20 + f" {run} Dana".encode(), "dana")


@pytest.mark.parametrize("at", [0, 1, 20, 39, 40, 60])
def test_a_base64_run_across_two_slices_is_seen(monkeypatch: pytest.MonkeyPatch, at: int) -> None:
    """A long text is looked at a slice at a time; a run that starts `at` characters
    before a slice's end is still one run."""
    import generator.share.views as views

    monkeypatch.setattr(views, "SLICE", 64)
    run = "Q7xT" * 8 + "/dana+" + "K9"  # 40 letters
    text = "é" * (64 * 3 - at) + run + " after"
    assert views._may_hold_base64(text)
    assert not found(text.encode(), "dana")
    assert not views._may_hold_base64(text.replace("K9", "K "))  # 38 letters, then a space


def test_views_read_image_metadata_but_not_pixels() -> None:
    from tests.test_share import exif_jpeg, tagged_png

    assert found(tagged_png(), "zqxinterviewer smith")
    assert found(exif_jpeg(), "zqxinterviewer smith")
    png = tagged_png()
    assert png.count(b"ZQXINTERVIEWER Smith") == 1  # the tEXt chunk; zTXt and iTXt compressed


def test_matching_is_by_whole_words_in_any_case_and_accent() -> None:
    matcher = Matcher([words("designer"), words("Zoë Müller"), words("Zoe Mueller")])
    assert matcher.search("the DESIGNER was kind") == {0}
    assert matcher.search("system design") == set()
    assert matcher.search("zoe-muller and ZOË MUELLER") == {1, 2}
    assert matcher.search("zoemuller") == set()
    assert fold("Ærøskøbing Łódź straße") == "aeroskobing lodz strasse"


def test_needles_skip_short_theme_and_shared_texts() -> None:
    needles = [
        Needle("abc", "x.md", 1, "t", excusable=True),  # too short
        Needle("Search", "x.md", 2, "t", excusable=True),  # the theme says it
        Needle("system design", "x.md", 3, "t", excusable=True),  # a shared entry has it too
        Needle("system design", "x.md", 4, "redacted t"),
        Needle("talking around my NDA", "x.md", 5, "t", excusable=True),
        Needle("Bo", "x.md", 6, "redacted interviewers[1]", name=True),
    ]
    kept = looked_for(needles, ["System-design"], ["<label>Search</label>"])
    assert [n.line for n in kept.needles] == [4, 5, 6]


def test_find_leaks_looks_in_contents_and_names_but_not_shipped_files(tmp_path: Path) -> None:
    site = tmp_path / "site"
    theme = tmp_path / "theme"
    (site / "zqx-slug").mkdir(parents=True)
    (site / "zqx-slug" / "index.html").write_text("<p>nothing</p>")
    (site / "a.json").write_text(json.dumps({"t": "Marta Okafor"}))
    (site / "bundle.js").write_text("Marta Okafor")
    (site / "copy.js").write_text("Marta Okafor")  # the same bytes as a shipped file
    theme.mkdir()
    (theme / "bundle.js").write_text("Marta Okafor")  # the theme's own file: not the notebook
    needles = [Needle("Marta Okafor", "e.md", 3, "m"), Needle("zqx-slug", "p.md", None, "s")]
    leaks = find_leaks(site, LookedFor(needles), Shipped([theme]))
    assert [(leak.needle.line, leak.where, leak.in_name) for leak in leaks] == [
        (None, "zqx-slug/", True),
        (3, "a.json", False),
    ]


@pytest.mark.parametrize(
    ("url", "address"),
    [
        ("git@github.com:Alice/notebook.git", "https://alice.github.io/notebook/"),
        ("https://github.com/alice/notebook", "https://alice.github.io/notebook/"),
        ("https://x-token:abc@github.com/alice/notebook.git", "https://alice.github.io/notebook/"),
        ("ssh://git@github.com/alice/alice.github.io.git", "https://alice.github.io/"),
        ("git@gitlab.com:alice/notebook.git", None),
        ("/tmp/bare.git", None),
    ],
)
def test_pages_address(url: str, address: str | None) -> None:
    from generator.share.publish import pages_address

    assert pages_address(url) == address


def test_find_leaks_finds_what_asking_every_file_about_every_phrase_finds(
    tmp_path: Path,
) -> None:
    """The matcher is a shortcut: on random files and phrases of a small vocabulary (so
    that words and runs of words are shared between phrases; up to six words, so that
    long phrases are keyed on a run of three), the same leaks as the plain double loop."""
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
        texts[f"page{n:02}.html"] = "<p>" + " ".join(rng.choices(vocabulary, k=40)) + "</p>"
        (site / f"page{n:02}.html").write_text(texts[f"page{n:02}.html"])
    needles = [
        Needle(" ".join(rng.choices(vocabulary, k=rng.randint(2, 6))), "e.md", line, "t")
        for line in range(60)
    ]
    counts = {word: 1 for word in vocabulary}
    leaks = find_leaks(site, LookedFor(needles, counts), Shipped([]))
    expected = []
    for name, text in sorted(texts.items()):
        words = text[3:-4].split()
        for needle in needles:
            phrase = needle.text.split()
            if any(words[i : i + len(phrase)] == phrase for i in range(len(words))):
                expected.append((name, needle.line))
    assert sorted((leak.where, leak.needle.line) for leak in leaks) == expected
    assert 30 < len(expected) < 30 * 60  # some phrases found, not all


@pytest.mark.parametrize("chunk", [16, 37, 1 << 20])
@pytest.mark.parametrize("counts", [None, {"api": 9, "cache": 1}])
def test_matcher_finds_what_a_plain_search_finds(
    monkeypatch: pytest.MonkeyPatch, chunk: int, counts: dict[str, int] | None
) -> None:
    """Phrases of one to seven words, some repeated, some inside others, against texts
    read in chunks as small as a few words (so phrases span chunks), each phrase keyed
    on different words as `counts` change: the same as looking for each phrase."""
    import generator.share.matcher as matcher

    monkeypatch.setattr(matcher, "CHUNK", chunk)
    rng = random.Random(11)
    vocabulary = ["api", "cache", "token", "queue", "shard", "zoë"]
    phrases = [tuple(rng.choices(vocabulary, k=rng.randint(1, 7))) for _ in range(80)]
    phrases = [tuple(fold(w) for w in p) for p in phrases]
    search = Matcher(phrases, counts)
    for _ in range(40):
        words_ = rng.choices(vocabulary, k=rng.randint(0, 30))
        text = "".join(w + rng.choice([" ", "-", ", ", "\n", "__"]) for w in words_).upper()
        folded = [fold(w) for w in words_]
        expected = {
            i
            for i, phrase in enumerate(search.phrases)
            if any(tuple(folded[n : n + len(phrase)]) == phrase for n in range(len(folded)))
        }
        assert search.search(text) == expected, text


@pytest.mark.parametrize("chunk", [5, 1 << 20])
def test_the_words_of_an_ascii_text_are_the_regex_words_of_its_fold(
    monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    """ASCII texts are cut into words by a byte table, others by the regex: the same words
    (every ASCII character, in runs, in any case), in chunks cut between words."""
    import re

    import generator.share.matcher as matcher

    monkeypatch.setattr(matcher, "CHUNK", chunk)
    rng = random.Random(5)
    alphabet = [chr(c) for c in range(128)] + ["Ab", "Q7", "__", "x_y"] * 20
    for _ in range(300):
        text = "".join(rng.choices(alphabet, k=rng.randint(0, 60)))
        expected = re.findall(r"[^\W_]+", text.casefold())
        got = [word for chunk_ in matcher.word_chunks(text) for word in chunk_]
        assert got == expected, repr(text)
        assert [w for c in matcher.word_chunks(text + "é") for w in c] == re.findall(
            r"[^\W_]+", fold(text + "é")
        )


def test_the_marks_put_aside_before_cutting_words_are_no_part_of_a_word() -> None:
    import re
    import unicodedata

    import generator.share.matcher as matcher

    for mark in matcher._MARKS:
        assert not re.search(r"[^\W_]", unicodedata.normalize("NFKD", mark.casefold())), mark
    text = "Zoë’s “café” — Dana·Scully… ★★☆ l’été → x"
    assert [w for c in matcher.word_chunks(text) for w in c] == list(words(text))
    assert [w for c in matcher.word_chunks("Dana—Scully’s") for w in c] == ["dana", "scully", "s"]
