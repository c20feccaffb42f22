"""The share's text rules, one at a time: private markers, hidden names, links."""

from __future__ import annotations

import pytest

from generator.share.anonymize import company_names, company_words
from generator.share.clean import Removed, clean_text
from generator.share.links import relink
from generator.share.words import Hidden, HiddenWords, fold, words

# --- private markers: wherever they stand ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        # after a fence that is never closed: Markdown shows the rest as code
        ("a\n```\ncode\n<!-- private -->S<!-- /private -->\nmore\n", "a\n```\ncode\n\nmore\n"),
        # inside a closed fence
        ("```\n<!-- private -->\nS\n<!-- /private -->\n```\n", "```\n\n```\n"),
        # in a fence indented under a list item
        ("- item\n\n    ```\n    <!-- private -->S<!-- /private -->\n    ```\n", None),
        # four backticks closed by five
        ("````\n<!-- private -->S<!-- /private -->\n`````\nafter\n", "````\n\n`````\nafter\n"),
        # between backslash-escaped backticks
        ("\\`<!-- private -->S<!-- /private -->\\` end", "\\`\\` end"),
        # in an inline code span
        ("`<!-- private -->S<!-- /private -->` end", "`` end"),
        # three dashes, capitals, odd spacing
        ("a<!--- private --->S<!--- /private --->b", "ab"),
        ("a<!--PRIVATE-->S<!--   /   Private   -->b", "ab"),
        ("a<!-- private ---->S<!----/private-->b", "ab"),
    ],
)
def test_a_private_marker_hides_wherever_it_stands(text: str, shown: str | None) -> None:
    cleaned = clean_text(text)
    assert "S" not in cleaned.text
    if shown is not None:
        assert cleaned.text == shown
    assert [r.kind for r in cleaned.removed] == ["private block"]


def test_private_markers_nest() -> None:
    text = "a <!-- private -->x <!-- private -->y<!-- /private --> z<!-- /private --> b"
    cleaned = clean_text(text)
    assert cleaned.text == "a  b"
    assert cleaned.removed == (
        Removed("private block", "x <!-- private -->y<!-- /private --> z", 18),
    )


def test_an_unclosed_marker_hides_to_the_end_and_a_stray_close_is_dropped() -> None:
    assert clean_text("a <!-- private -->\nx\n\ny\n").text == "a "
    assert clean_text("a <!-- private --> x <!-- private --> y <!-- /private -->").text == "a "
    stray = clean_text("a <!-- /private --> b")
    assert stray.text == "a  b"
    assert stray.removed == ()


def test_comments_outside_markers_are_removed_with_offsets_in_the_original() -> None:
    text = "<!-- private -->12345<!-- /private -->a <!-- note --> b"
    cleaned = clean_text(text)
    assert cleaned.text == "a  b"
    assert cleaned.removed == (
        Removed("private block", "12345", 16),
        Removed("HTML comment", " note ", 44),
    )
    assert text[44:50] == " note "


# --- names: every word, whole, any case, any accent -----------------------------------------


def person(name: str, kind: str = "interviewer") -> Hidden:
    folded = [fold(word) for word in words(name)]
    return Hidden(
        name, kind, f"[{kind}]", frozenset(folded), frozenset(w for w in folded if len(w) > 1)
    )


PEOPLE = HiddenWords(
    [
        person("Priya N."),
        person("Jürgen Müller", "mentor"),
        person("Søren Ødegaard"),
        person("Bo"),
        person("Ana Straße"),
    ]
)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Priya N. asked.", "[interviewer]. asked."),
        (
            "Priya's idea, PRIYA agreed, priya.",
            "[interviewer]'s idea, [interviewer] agreed, [interviewer].",
        ),
        ("N. Priya and Priya N and Priya-N", "[interviewer] and [interviewer] and [interviewer]"),
        # an initial alone names no one, and "n" is a word
        ("Plan N. was the n-th try.", "Plan N. was the n-th try."),
        # a run never crosses a line break: headings and list items stay apart
        (
            "# On Priya\n\nPriya N.\n- Priya\n",
            "# On [interviewer]\n\n[interviewer].\n- [interviewer]\n",
        ),
        # whole words only
        ("Priyanka and Bob and Boa", "Priyanka and Bob and Boa"),
        # names of three letters or fewer
        (
            "Bo said so; BO's turn; bo.",
            "[interviewer] said so; [interviewer]'s turn; [interviewer].",
        ),
        # accents and transliterations
        (
            "Jurgen, Juergen, JÜRGEN, Muller, Mueller",
            "[mentor], [mentor], [mentor], [mentor], [mentor]",
        ),
        ("Soren Odegaard; soeren; ØDEGAARD", "[interviewer]; [interviewer]; [interviewer]"),
        ("Ana Strasse, STRASSE", "[interviewer], [interviewer]"),
        # decomposed accents (NFD)
        ("Ju\u0308rgen left", "[mentor] left"),
        # in an address
        ("notes-priya-n.png and priya_n.pdf", "notes-[interviewer].png and [interviewer].pdf"),
    ],
)
def test_names_are_replaced_by_their_label(text: str, shown: str) -> None:
    assert PEOPLE.replace(text) == shown


def test_a_label_never_makes_a_markdown_link() -> None:
    text = "Priya(the lead) and Priya[1] and Priya (x)"
    assert PEOPLE.replace(text, markdown=True) == (
        "\\[interviewer\\](the lead) and \\[interviewer\\][1] and [interviewer] (x)"
    )
    assert (
        PEOPLE.replace(text) == "[interviewer](the lead) and [interviewer][1] and [interviewer] (x)"
    )


def test_names_in_an_address_become_their_label_slug() -> None:
    assert PEOPLE.replace("2026-priya-notes.md", slug=True) == "2026-interviewer-notes.md"


def test_replacements_are_counted_by_name() -> None:
    hidden = HiddenWords([person("Priya N."), person("Marta", "mentor")])
    hidden.replace("Priya and Marta; N. Priya.")
    assert hidden.counts == {0: 2, 1: 1}


# --- companies: distinctive words -----------------------------------------------------------


def test_a_company_is_hidden_by_its_distinctive_words() -> None:
    letters, hidden = company_names(
        ["Northwind Logistics", "Alder & Finch", "Öresund Data AB"], ["Initech"], anonymize=True
    )
    assert letters == {
        "Northwind Logistics": "Company A",
        "Alder & Finch": "Company B",
        "Öresund Data AB": "Company C",
        "Initech": "Company D",
    }
    found = HiddenWords(hidden)
    assert found.replace("Northwind's logistics; NORTHWIND LOGISTICS Inc; logistics") == (
        "Company A's logistics; Company A Inc; logistics"
    )
    # one run of the name's words is one name
    assert found.replace("Alder, finch & alder & finch") == "Company B, Company B"
    assert found.replace("Oresund, Oeresund, öresund data; data") == (
        "Company C, Company C, Company C; data"
    )
    assert (
        found.replace("https://careers.northwindlogistics.com") == "https://careers.Company A.com"
    )
    assert found.replace("weak spot initech-culture", slug=True) == "weak spot company-d-culture"


def test_without_anonymize_only_a_private_entrys_company_is_hidden() -> None:
    letters, hidden = company_names(["Blue Heron Health"], ["Blue Apron"], anonymize=False)
    assert letters == {"Blue Heron Health": "Blue Heron Health", "Blue Apron": "[company]"}
    found = HiddenWords(hidden)
    # "Blue Heron" is the shown company's; "Blue" alone may be either: hidden.
    assert found.replace("Blue Heron Health, Blue Heron, Blue Apron, blue") == (
        "Blue Heron Health, Blue Heron, [company], [company]"
    )


# --- links ------------------------------------------------------------------------------------


def test_relink_keeps_text_and_drops_what_resolve_refuses() -> None:
    text = (
        '[kept](a.md) [gone](b.md "title") ![alt text](c.png) <https://b.example/x>\n'
        '<a href="b.html">html</a> <img src="c.png" alt="i">\n'
        "[ref]: b.pdf\n"
        "[[nested] text](a.md#part)\n"
    )
    keep = {"a.md": "A.md", "a.md#part": "A.md#part"}
    shown, dropped = relink(text, keep.get)
    assert shown == (
        "[kept](A.md) gone alt text https://b.example/x\n"
        '<a>html</a> <img alt="i">\n'
        "[[nested] text](A.md#part)\n"
    )
    assert dropped == ["b.md", "c.png", "b.pdf", "https://b.example/x", "b.html", "c.png"]


@pytest.mark.parametrize(
    ("name", "every", "distinctive"),
    [
        ("Northwind Logistics Inc.", {"northwind", "logistics", "inc", "northwindlogisticsinc"},
         {"northwind", "northwindlogisticsinc"}),
        ("The Company", {"the", "company", "thecompany"}, {"the", "company", "thecompany"}),
        ("X Corp", {"x", "corp", "xcorp"}, {"x", "xcorp"}),
        ("Ümlaut Straße", {"umlaut", "strasse", "umlautstrasse"},
         {"umlaut", "strasse", "umlautstrasse"}),
    ],
)  # fmt: skip
def test_a_companys_distinctive_words(name: str, every: set[str], distinctive: set[str]) -> None:
    assert company_words(name) == (frozenset(every), frozenset(distinctive))
