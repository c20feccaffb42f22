"""Reading an entry file: encodings, line endings, the front matter fences, YAML errors, types.

Each problem is asserted as the full `PATH:LINE: severity: message` line that
`debrief check` prints, with the line counted by hand in the fixture text.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generator.entry.diagnostics import Diagnostic
from generator.entry.models import LessonNote, Question
from generator.entry.read import Entry, entry_from_bytes, read_entry

PATH = "entries/x.md"
BOM = b"\xef\xbb\xbf"

VARIANTS = ["lf", "crlf", "bom", "bom-crlf"]


def encode(text: str, variant: str) -> bytes:
    """The same text as a file saved with LF or CRLF, with or without a UTF-8 BOM."""
    if "crlf" in variant:
        text = text.replace("\n", "\r\n")
    raw = text.encode("utf-8")
    return BOM + raw if variant.startswith("bom") else raw


def read(raw: bytes) -> tuple[Entry | None, list[Diagnostic]]:
    return entry_from_bytes(raw, PATH, "x")


def lines(diagnostics: list[Diagnostic]) -> list[str]:
    """The first line of each formatted diagnostic: PATH:LINE: severity: message."""
    return [d.format().splitlines()[0] for d in diagnostics]


def hints(diagnostics: list[Diagnostic]) -> list[str | None]:
    return [d.hint for d in diagnostics]


# --- a file that can't be read at all ---------------------------------------------------------


@pytest.mark.parametrize("variant", VARIANTS)
def test_no_front_matter(variant: str) -> None:
    text = "# Acme, onsite\n\ncompany: Acme\nrole: SRE\ndate: 2026-03-14\n"
    entry, problems = read(encode(text, variant))
    assert entry is None
    assert lines(problems) == [
        "entries/x.md:1: error: no front matter: the file must start with a line '---'"
    ]
    assert hints(problems) == [
        "put company, role and date between two '---' lines at the top of the file"
    ]


@pytest.mark.parametrize("variant", VARIANTS)
def test_blank_line_before_fence_is_no_front_matter(variant: str) -> None:
    text = "\n---\ncompany: Acme\nrole: SRE\ndate: 2026-03-14\n---\n"
    entry, problems = read(encode(text, variant))
    assert entry is None
    assert lines(problems) == [
        "entries/x.md:1: error: no front matter: the file must start with a line '---'"
    ]


@pytest.mark.parametrize("variant", VARIANTS)
def test_unclosed_front_matter(variant: str) -> None:
    text = "---\ncompany: Acme\nrole: SRE\ndate: 2026-03-14\n\nWent well.\n"
    entry, problems = read(encode(text, variant))
    assert entry is None
    assert lines(problems) == [
        "entries/x.md:1: error: unclosed front matter: no closing '---' line"
    ]
    assert hints(problems) == ["add a line '---' after the last field"]


@pytest.mark.parametrize(
    "raw",
    [b"", b"\n\n", b"   \n\t\n", b"\r\n\r\n", BOM, BOM + b"\r\n"],
    ids=["empty", "newlines", "blank-lines", "crlf", "bom-only", "bom-crlf"],
)
def test_empty_file(raw: bytes) -> None:
    # Regression: an empty file used to have no LINE ('entries/x.md: error: empty file').
    entry, problems = read(raw)
    assert entry is None
    assert lines(problems) == ["entries/x.md:1: error: empty file"]
    assert hints(problems) == ["start the entry with front matter: company, role and date"]


NOT_UTF8 = "---\ncompany: Acme\nrole: Caf@ manager\ndate: 2026-03-14\n---\n"


@pytest.mark.parametrize("variant", VARIANTS)
def test_not_utf8_names_the_line_and_the_byte(variant: str) -> None:
    # line 3 holds 'Café' saved as Latin-1: the byte 0xe9 is not UTF-8.
    # Regression: with a BOM the codec's offset (counted after the BOM) was used on the raw
    # bytes, naming byte 0x43 ('C') instead of 0xe9.
    raw = encode(NOT_UTF8, variant).replace(b"@", b"\xe9")
    entry, problems = read(raw)
    assert entry is None
    assert lines(problems) == [
        "entries/x.md:3: error: not UTF-8 text (byte 0xe9 cannot be decoded)"
    ]
    assert hints(problems) == ["save the file as UTF-8 in your editor"]


@pytest.mark.parametrize("variant", VARIANTS)
def test_not_utf8_at_the_start_of_a_line(variant: str) -> None:
    # Regression: with a BOM, a bad byte first on line 3 was reported on line 2 (the
    # BOM-relative offset stopped before the newline ending line 2).
    raw = encode("---\ncompany: Acme\n@role: SRE\ndate: 2026-03-14\n---\n", variant)
    _, problems = read(raw.replace(b"@", b"\xff"))
    assert lines(problems) == [
        "entries/x.md:3: error: not UTF-8 text (byte 0xff cannot be decoded)"
    ]


# --- YAML errors --------------------------------------------------------------------------------

YAML_HINT = "a value that contains ': ' or starts with a quote, '[' or '{' must be put in quotes"


@pytest.mark.parametrize("variant", VARIANTS)
def test_yaml_colon_in_plain_value(variant: str) -> None:
    # line 1 ---, line 2 company, line 3 the role with a second ': '
    text = "---\ncompany: Acme\nrole: Engineer: backend\ndate: 2026-03-14\n---\n"
    entry, problems = read(encode(text, variant))
    assert entry is None
    assert len(problems) == 1
    # libyaml says 'in this context', pure-Python PyYAML says 'here'.
    assert lines(problems)[0].startswith(
        "entries/x.md:3: error: invalid YAML: mapping values are not allowed "
    )
    assert hints(problems) == [YAML_HINT]


@pytest.mark.parametrize("variant", VARIANTS)
def test_yaml_unclosed_quote_points_where_it_opened(variant: str) -> None:
    # the quote opens on line 3 and is never closed
    text = '---\ncompany: Acme\nrole: "Backend engineer\ndate: 2026-03-14\n---\n'
    entry, problems = read(encode(text, variant))
    assert entry is None
    assert lines(problems) == [
        "entries/x.md:3: error: invalid YAML: while scanning a quoted scalar: "
        "found unexpected end of stream"
    ]
    assert hints(problems) == ["close the quote that opens on this line"]


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize(
    "text",
    [
        # the '[' opens on line 2, followed by more fields
        "---\nweak_spots: [sql, estimation\nrole: SRE\ncompany: Acme\ndate: 2026-03-14\n---\n",
        # the '[' opens on line 2, the last field; line 3 is the closing ---
        "---\nweak_spots: [sql, estimation\n---\n",
    ],
    ids=["middle", "last"],
)
def test_yaml_unclosed_bracket_points_where_it_opened(text: str, variant: str) -> None:
    # Regression: reported on the next field's line, or on the closing '---'.
    _, problems = read(encode(text, variant))
    assert len(problems) == 1
    assert lines(problems)[0].startswith("entries/x.md:2: error: invalid YAML: ")
    assert "']'" in (problems[0].hint or "")


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("---\ncompany: Acme\nwent well\nrole: SRE\ndate: 2026-03-14\n---\n", 3),
        ("---\ncompany: Acme\nrole: SRE\ndate: 2026-03-14\nwent well\n---\n", 5),
    ],
    ids=["middle", "last"],
)
def test_yaml_line_without_colon_is_reported_on_its_line(
    text: str, line: int, variant: str
) -> None:
    # Regression: reported on the line after 'went well' (the closing '---' when last).
    _, problems = read(encode(text, variant))
    assert len(problems) == 1
    assert lines(problems)[0].startswith(f"entries/x.md:{line}: error: invalid YAML: ")
    assert hints(problems) == [
        "write one 'field: value' per line; a line that goes on must be indented"
    ]


@pytest.mark.parametrize("variant", VARIANTS)
def test_yaml_tab_indentation(variant: str) -> None:
    # line 4 is indented with a tab
    text = "---\ncompany: Acme\nrole: SRE\n\tdate: 2026-03-14\n---\n"
    entry, problems = read(encode(text, variant))
    assert entry is None
    assert len(problems) == 1
    assert lines(problems)[0].startswith("entries/x.md:4: error: invalid YAML: ")
    assert hints(problems) == ["indent with spaces, not tabs"]


@pytest.mark.parametrize("variant", VARIANTS)
def test_yaml_tab_before_a_list_item_gets_the_tab_hint(variant: str) -> None:
    # libyaml says "found character that cannot start any token", without naming the tab:
    # the hint about quoting sent people the wrong way.
    text = "---\ncompany: Acme\nrole: SRE\ndate: 2026-03-14\nweak_spots:\n\t- oncall\n---\n"
    entry, problems = read(encode(text, variant))
    assert entry is None
    assert lines(problems) == [
        "entries/x.md:6: error: invalid YAML: while scanning for the next token:"
        " found character that cannot start any token"
    ]
    assert hints(problems) == ["indent with spaces, not tabs"]


@pytest.mark.parametrize("variant", VARIANTS)
def test_an_unclosed_quote_keeps_its_hint_when_a_later_line_has_a_tab(variant: str) -> None:
    text = '---\ncompany: "Acme\nrole: SRE\n\tdate: 2026-03-14\n---\n'
    _, problems = read(encode(text, variant))
    assert lines(problems) == [
        "entries/x.md:2: error: invalid YAML: while scanning a quoted scalar:"
        " found unexpected end of stream"
    ]
    assert hints(problems) == ["close the quote that opens on this line"]


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize(
    ("front", "kind"),
    [
        ("- company: Acme\n- role: SRE", "a list"),
        ("Acme, SRE, 2026-03-14", "text"),
        ("42", "a number"),
    ],
)
def test_front_matter_not_a_mapping(variant: str, front: str, kind: str) -> None:
    entry, problems = read(encode(f"---\n{front}\n---\nbody\n", variant))
    assert entry is None
    assert lines(problems) == [
        f"entries/x.md:2: error: front matter must be a mapping of fields, got {kind}"
    ]
    assert hints(problems) == ["write one 'field: value' per line, such as 'company: Acme'"]


@pytest.mark.parametrize("variant", VARIANTS)
def test_front_matter_not_a_mapping_after_a_comment(variant: str) -> None:
    # Regression: always said line 2; the list starts on line 3, after a comment.
    _, problems = read(encode("---\n# my notes\n- company: Acme\n---\n", variant))
    assert lines(problems) == [
        "entries/x.md:3: error: front matter must be a mapping of fields, got a list"
    ]


@pytest.mark.parametrize("variant", VARIANTS)
def test_empty_front_matter_reports_each_required_field(variant: str) -> None:
    entry, problems = read(encode("---\n---\nJust notes.\n", variant))
    assert entry is None
    assert sorted(lines(problems)) == [
        "entries/x.md:1: error: missing required field 'company'",
        "entries/x.md:1: error: missing required field 'date'",
        "entries/x.md:1: error: missing required field 'role'",
    ]


# --- a readable file: types, body, line endings -------------------------------------------------

FULL = """\
---
company: Acme Corp
role: Backend engineer
date: 2026-03-14
stage: Technical Screen
format: video
interviewers: [Dana Smith, Lee Wong]
outcome: rejected
feeling: 2
questions:
  - Tell me about a conflict.
  - question: Design a rate limiter.
    topic: system design
    rating: 2
    answer: A fixed window.
    better: A token bucket per key.
weak_spots: [system design, estimation]
strengths: communication
lessons:
  - Ask about scale first.
signals: [The interviewer checked the clock.]
do_differently: [Numbers out loud.]
reflected: 2026-03-15
discussed_with: [mentor]
thank_you:
  sent: 2026-03-14
  asked_feedback: true
feedback:
  received: 2026-03-20
  summary: Strong coding, weak design.
private: true
tags: [backend, remote]
---

# Notes

It went badly in the design part.
"""


@pytest.mark.parametrize("variant", VARIANTS)
def test_every_field_parsed_into_its_type(variant: str) -> None:
    entry, problems = read(encode(FULL, variant))
    assert problems == []
    assert entry is not None
    meta = entry.meta
    assert meta.company == "Acme Corp"
    assert meta.role == "Backend engineer"
    assert meta.date == date(2026, 3, 14)
    assert meta.stage == "Technical Screen"
    assert meta.format == "video"
    assert meta.interviewers == ["Dana Smith", "Lee Wong"]
    assert meta.outcome == "rejected"
    assert meta.feeling == 2
    assert meta.questions == [
        Question(question="Tell me about a conflict."),
        Question(
            question="Design a rate limiter.",
            topic="system design",
            rating=2,
            answer="A fixed window.",
            better="A token bucket per key.",
        ),
    ]
    assert meta.weak_spots == ["system design", "estimation"]
    assert meta.strengths == ["communication"]
    assert meta.lessons == [LessonNote(lesson="Ask about scale first.")]
    assert meta.signals == ["The interviewer checked the clock."]
    assert meta.do_differently == ["Numbers out loud."]
    assert meta.reflected == date(2026, 3, 15)
    assert meta.discussed_with == ["mentor"]
    assert meta.thank_you.sent == date(2026, 3, 14)
    assert meta.thank_you.asked_feedback is True
    assert meta.feedback.received == date(2026, 3, 20)
    assert meta.feedback.summary == "Strong coding, weak design."
    assert meta.private is True
    assert meta.tags == ["backend", "remote"]
    # the closing '---' is line 33, so the body starts on line 34; CRLF became LF
    assert entry.body_line == 34
    assert entry.body == "\n# Notes\n\nIt went badly in the design part.\n"
    assert entry.slug == "x"
    assert entry.path == PATH
    assert entry.title == "Acme Corp — Backend engineer"


def test_defaults_of_optional_fields() -> None:
    entry, problems = read(b"---\ncompany: Acme\nrole: SRE\ndate: 2026-03-14\n---\n")
    assert problems == []
    assert entry is not None
    meta = entry.meta
    assert (meta.stage, meta.format, meta.feeling, meta.reflected) == (None, None, None, None)
    assert meta.outcome == "pending"
    assert meta.private is False
    for name in (
        "interviewers", "questions", "weak_spots", "strengths", "lessons", "signals",
        "do_differently", "discussed_with", "tags",
    ):  # fmt: skip
        assert getattr(meta, name) == [], name
    assert meta.thank_you.sent is None
    assert meta.thank_you.asked_feedback is False
    assert meta.feedback.received is None
    assert meta.feedback.summary is None
    assert entry.body == ""


def test_empty_values_mean_defaults() -> None:
    # 'key:' with nothing after it is YAML null: the scaffolded example relies on it
    text = (
        "---\ncompany: Acme\nrole: SRE\ndate: 2026-03-14\noutcome:\nreflected:\n"
        "weak_spots:\nthank_you:\n  sent:\n  asked_feedback:\nfeedback:\nprivate:\n---\n"
    )
    entry, problems = read(text.encode())
    assert problems == []
    assert entry is not None
    assert entry.meta.outcome == "pending"
    assert entry.meta.reflected is None
    assert entry.meta.weak_spots == []
    assert entry.meta.thank_you.sent is None
    assert entry.meta.thank_you.asked_feedback is False
    assert entry.meta.feedback.received is None
    assert entry.meta.private is False


@pytest.mark.parametrize(
    "field",
    ["interviewers", "weak_spots", "strengths", "lessons", "signals", "do_differently",
     "discussed_with", "tags"],
)  # fmt: skip
@pytest.mark.parametrize("variant", VARIANTS)
def test_list_field_accepts_a_single_string(field: str, variant: str) -> None:
    text = f"---\ncompany: Acme\nrole: SRE\ndate: 2026-03-14\n{field}: system design\n---\n"
    entry, problems = read(encode(text, variant))
    assert problems == []
    assert entry is not None
    expected = [LessonNote(lesson="system design")] if field == "lessons" else ["system design"]
    assert getattr(entry.meta, field) == expected


def test_questions_accepts_a_single_string() -> None:
    text = "---\ncompany: Acme\nrole: SRE\ndate: 2026-03-14\nquestions: Why us?\n---\n"
    entry, problems = read(text.encode())
    assert problems == []
    assert entry is not None
    assert entry.meta.questions == [Question(question="Why us?")]


def test_numbers_are_text_where_text_is_expected() -> None:
    # `company: 1984` and `role: 10` are read by YAML as numbers; they are still names
    text = "---\ncompany: 1984\nrole: 10\ndate: 2026-03-14\ntags: 2026\n---\n"
    entry, problems = read(text.encode())
    assert problems == []
    assert entry is not None
    assert (entry.meta.company, entry.meta.role, entry.meta.tags) == ("1984", "10", ["2026"])


def test_quoted_date_is_a_date() -> None:
    text = "---\ncompany: Acme\nrole: SRE\ndate: \"2026-03-14\"\nreflected: '2026-03-16'\n---\n"
    entry, problems = read(text.encode())
    assert problems == []
    assert entry is not None
    assert entry.meta.date == date(2026, 3, 14)
    assert entry.meta.reflected == date(2026, 3, 16)


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize(
    "value", ["2026-03-14 10:30", "2026-03-14T10:30:00", "2026-03-14 10:30:00+01:00"]
)
def test_datetime_looking_date_is_not_a_date(variant: str, value: str) -> None:
    # YAML would read these as timestamps; an entry's date is a day, YYYY-MM-DD (line 4)
    text = f"---\ncompany: Acme\nrole: SRE\ndate: {value}\n---\n"
    entry, problems = read(encode(text, variant))
    assert entry is None
    assert lines(problems) == [
        f"entries/x.md:4: error: 'date' must be a date written YYYY-MM-DD, got '{value}'"
    ]


@pytest.mark.parametrize("variant", VARIANTS)
def test_closing_fence_may_have_trailing_spaces_or_be_dots(variant: str) -> None:
    for closing in ("---  ", "...", "---\t"):
        text = f"---\ncompany: Acme\nrole: SRE\ndate: 2026-03-14\n{closing}\nbody\n"
        entry, problems = read(encode(text, variant))
        assert problems == [], closing
        assert entry is not None
        assert entry.body == "body\n"
        assert entry.body_line == 6


@pytest.mark.parametrize("variant", VARIANTS)
def test_line_of_counts_file_lines(variant: str) -> None:
    entry, _ = read(encode(FULL, variant))
    assert entry is not None
    doc = entry.document
    assert doc.line_of(("company",)) == 2
    assert doc.line_of(("questions", 1, "rating")) == 14
    assert doc.line_of(("questions", 0)) == 11
    assert doc.line_of(("thank_you", "asked_feedback")) == 27
    assert doc.line_of(("thank_you", "asked_feedback"), key=True) == 27
    # a missing key falls back to its nearest parent: thank_you's value starts on line 26
    assert doc.line_of(("thank_you", "nope")) == 26
    assert doc.line_of(("nope",)) == 1


def test_a_forgotten_line_table_is_read_again_from_the_file(tmp_path: Path) -> None:
    path = tmp_path / "entries" / "x.md"
    path.parent.mkdir()
    path.write_text("---\ncompany: Acme\nrole: Dev\n\ndate: 2026-01-02\nlessons:\n  - one\n---\n")
    entry, problems = read_entry(path, tmp_path)
    assert problems == [] and entry is not None
    assert entry.document.lines is None  # let go once validated
    assert entry.document.line_of(("date",)) == 5
    assert entry.document.line_of(("lessons", 0)) == 7
    path.unlink()  # gone before a problem needs its line: line 1, no traceback
    entry.document.lines = None
    assert entry.document.line_of(("date",)) == 1
