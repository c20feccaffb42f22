"""Field validation: every error and warning `debrief check` gives, with its exact line and text.

The fixtures start with the same three lines, so line numbers can be counted by eye:

    1 ---
    2 company: Acme
    3 role: Backend engineer
    4 date: 2026-03-14
    5 ... the lines under test
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generator.entry.diagnostics import Diagnostic, sort_key
from generator.entry.names import Vocabulary
from generator.entry.read import entry_from_bytes, read_notebook

BOM = b"\xef\xbb\xbf"
VARIANTS = ["lf", "crlf", "bom"]
HEAD = "---\ncompany: Acme\nrole: Backend engineer\ndate: 2026-03-14\n"
OUTCOMES = "pending, advanced, offer, rejected, withdrew, no-response"
FEELING_SCALE = "1 = went badly, 5 = went very well"
RATING_SCALE = "1 = could not answer, 5 = answered very well"


def encode(text: str, variant: str) -> bytes:
    if "crlf" in variant:
        text = text.replace("\n", "\r\n")
    raw = text.encode("utf-8")
    return BOM + raw if variant.startswith("bom") else raw


def formatted(diagnostics: list[Diagnostic]) -> list[str]:
    """Each diagnostic as `debrief check` prints it (hint included), in check's order."""
    return [d.format() for d in sorted(diagnostics, key=sort_key)]


def check_text(text: str, variant: str = "lf") -> list[str]:
    _, problems = entry_from_bytes(encode(text, variant), "entries/x.md", "x")
    return formatted(problems)


def error(line: int, message: str, hint: str | None = None) -> str:
    text = f"entries/x.md:{line}: error: {message}"
    return text + (f"\n    hint: {hint}" if hint else "")


def warning(line: int, message: str, hint: str | None = None, path: str = "entries/x.md") -> str:
    text = f"{path}:{line}: warning: {message}"
    return text + (f"\n    hint: {hint}" if hint else "")


# --- errors, one at a time -----------------------------------------------------------------

ERROR_CASES = {
    "missing-company": (
        "---\nrole: Backend engineer\ndate: 2026-03-14\n---\n",
        [error(1, "missing required field 'company'", "add a line 'company: Acme'")],
    ),
    "missing-role": (
        "---\ncompany: Acme\ndate: 2026-03-14\n---\n",
        [error(1, "missing required field 'role'", "add a line 'role: Backend engineer'")],
    ),
    "missing-date": (
        "---\ncompany: Acme\nrole: SRE\n---\n",
        [error(1, "missing required field 'date'", "add a line 'date: 2026-03-14'")],
    ),
    "feeling-word": (
        HEAD + "feeling: terrible\n---\n",
        [error(5, "'feeling' must be a whole number from 1 to 5, got 'terrible'", FEELING_SCALE)],
    ),
    "feeling-fraction": (
        HEAD + "feeling: 3.5\n---\n",
        [error(5, "'feeling' must be a whole number from 1 to 5, got 3.5", FEELING_SCALE)],
    ),
    "feeling-too-high": (
        HEAD + "feeling: 6\n---\n",
        [error(5, "'feeling' must be from 1 to 5, got 6", FEELING_SCALE)],
    ),
    "feeling-zero": (
        HEAD + "feeling: 0\n---\n",
        [error(5, "'feeling' must be from 1 to 5, got 0", FEELING_SCALE)],
    ),
    "date-impossible": (
        "---\ncompany: Acme\nrole: SRE\ndate: 2026-02-30\n---\n",
        [error(4, "'date' is not a real date: 2026-02-30", "check the month and the day")],
    ),
    "date-month-13": (
        "---\ncompany: Acme\nrole: SRE\ndate: 2026-13-01\n---\n",
        [error(4, "'date' is not a real date: 2026-13-01", "check the month and the day")],
    ),
    "date-other-format": (
        "---\ncompany: Acme\nrole: SRE\ndate: 14/03/2026\n---\n",
        [error(4, "'date' must be a date written YYYY-MM-DD, got '14/03/2026'")],
    ),
    "reflected-impossible": (
        HEAD + "reflected: 2026-04-31\n---\n",
        [error(5, "'reflected' is not a real date: 2026-04-31", "check the month and the day")],
    ),
    "thank-you-sent-impossible": (
        HEAD + "thank_you:\n  sent: 2026-02-29\n---\n",  # 2026 is not a leap year
        [
            error(
                6, "'thank_you.sent' is not a real date: 2026-02-29", "check the month and the day"
            )
        ],
    ),
    "feedback-received-word": (
        HEAD + "feedback:\n  received: yesterday\n---\n",
        [error(6, "'feedback.received' must be a date written YYYY-MM-DD, got 'yesterday'")],
    ),
    "rating-too-high": (
        HEAD + "questions:\n  - Why us?\n  - question: Design a cache.\n    rating: 7\n---\n",
        [error(8, "'questions[2].rating' must be from 1 to 5, got 7", RATING_SCALE)],
    ),
    "rating-zero": (
        HEAD + "questions:\n  - question: Design a cache.\n    rating: 0\n---\n",
        [error(7, "'questions[1].rating' must be from 1 to 5, got 0", RATING_SCALE)],
    ),
    "rating-word": (
        HEAD + "questions:\n  - question: Design a cache.\n    rating: good\n---\n",
        [
            error(
                7,
                "'questions[1].rating' must be a whole number from 1 to 5, got 'good'",
                RATING_SCALE,
            )
        ],
    ),
    "question-missing": (
        HEAD + "questions:\n  - topic: sql\n    rating: 2\n---\n",
        [error(6, "missing required field 'questions[1].question'", "add a line 'question: ...'")],
    ),
    "outcome-unknown": (
        HEAD + "outcome: won\n---\n",
        [error(5, "unknown outcome 'won'", f"use one of: {OUTCOMES}")],
    ),
    "outcome-close": (
        HEAD + "outcome: offered\n---\n",
        [error(5, "unknown outcome 'offered'", f"did you mean 'offer'? use one of: {OUTCOMES}")],
    ),
    "private-word": (
        HEAD + "private: maybe\n---\n",
        [error(5, "'private' must be true or false, got 'maybe'")],
    ),
    "asked-feedback-word": (
        HEAD + "thank_you:\n  sent: 2026-03-14\n  asked_feedback: sure\n---\n",
        [error(7, "'thank_you.asked_feedback' must be true or false, got 'sure'")],
    ),
    "list-is-mapping": (
        HEAD + "weak_spots:\n  sql: 2\n---\n",
        [
            error(
                6,
                "'weak_spots' must be a list, got a mapping",
                "write one '- item' per line below the key, or a single value",
            )
        ],
    ),
    "list-item-is-mapping": (
        HEAD + "interviewers:\n  - Lee\n  - name: Dana\n---\n",
        [error(7, "'interviewers[2]' must be text, got a mapping")],
    ),
    "thank-you-not-mapping": (
        HEAD + "thank_you: yes\n---\n",
        [
            error(
                5,
                "'thank_you' must be a mapping, got true/false",
                "with keys: sent, asked_feedback",
            )
        ],
    ),
}


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("case", ERROR_CASES)
def test_error(case: str, variant: str) -> None:
    text, expected = ERROR_CASES[case]
    entry, problems = entry_from_bytes(encode(text, variant), "entries/x.md", "x")
    assert entry is None  # an entry with an error is left out of every aggregate
    got = formatted(problems)
    assert [g.split("\n")[0] for g in got] == [e.split("\n")[0] for e in expected]
    for g, e in zip(got, expected, strict=True):
        if "\n" in e:  # a hint the spec's message needs; cases without one leave hints free
            assert g == e


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '---\ncompany: ""\nrole: SRE\ndate: 2026-03-14\n---\n',
            error(2, "'company' must not be empty"),
        ),
        (
            '---\ncompany: Acme\nrole: "   "\ndate: 2026-03-14\n---\n',
            error(3, "'role' must not be empty"),
        ),
        (
            HEAD + 'questions:\n  - question: ""\n    rating: 2\n---\n',
            error(6, "'questions[1].question' must not be empty"),
        ),
    ],
    ids=["company", "role", "question"],
)
@pytest.mark.parametrize("variant", VARIANTS)
def test_empty_required_text(text: str, expected: str, variant: str) -> None:
    # Regression: pydantic's 'too_short' fell through to its own text, "'company': Value
    # should have at least 1 item after validation, not 0".
    assert [p.split("\n")[0] for p in check_text(text, variant)] == [expected]


def test_every_problem_in_one_file_is_reported_in_one_run() -> None:
    text = (
        "---\n"  # 1
        "company: Acme\n"  # 2
        "date: 2026-02-30\n"  # 3  impossible date
        "feeling: terrible\n"  # 4  not a number
        "weakspots: [sql]\n"  # 5  unknown key (warning)
        "outcome: won\n"  # 6  unknown outcome
        "questions:\n"  # 7
        "  - question: Why us?\n"  # 8
        "    rating: 9\n"  # 9  out of range
        "---\n"
    )
    assert check_text(text) == [
        # role is missing (line 1)
        error(1, "missing required field 'role'", "add a line 'role: Backend engineer'"),
        error(3, "'date' is not a real date: 2026-02-30", "check the month and the day"),
        error(4, "'feeling' must be a whole number from 1 to 5, got 'terrible'", FEELING_SCALE),
        warning(5, "unknown key 'weakspots': its value is ignored", "did you mean 'weak_spots'?"),
        error(6, "unknown outcome 'won'", f"use one of: {OUTCOMES}"),
        error(9, "'questions[1].rating' must be from 1 to 5, got 9", RATING_SCALE),
    ]


# --- warnings in one file ----------------------------------------------------------------------


@pytest.mark.parametrize("variant", VARIANTS)
def test_unknown_key_suggests_the_known_one(variant: str) -> None:
    entry, problems = entry_from_bytes(
        encode(HEAD + "weakspots: [estimation]\n---\n", variant), "entries/x.md", "x"
    )
    # a warning alone does not stop the entry; the unknown key's value is dropped
    assert entry is not None
    assert entry.meta.weak_spots == []
    assert formatted(problems) == [
        warning(5, "unknown key 'weakspots': its value is ignored", "did you mean 'weak_spots'?")
    ]


@pytest.mark.parametrize("variant", VARIANTS)
def test_unknown_key_without_a_close_match_lists_the_known_keys(variant: str) -> None:
    problems = check_text(HEAD + "salary: 100k\n---\n", variant)
    assert len(problems) == 1
    first, hint = problems[0].split("\n")
    assert first == "entries/x.md:5: warning: unknown key 'salary': its value is ignored"
    assert hint.startswith("    hint: known keys are: company, role, date, ")
    assert hint.endswith(", private, tags")


@pytest.mark.parametrize("variant", VARIANTS)
def test_unknown_key_inside_thank_you(variant: str) -> None:
    text = HEAD + "thank_you:\n  sent: 2026-03-14\n  asked_fedback: true\n---\n"
    assert check_text(text, variant) == [
        warning(
            7,
            "unknown key 'asked_fedback' in thank_you: its value is ignored",
            "did you mean 'asked_feedback'?",
        )
    ]


@pytest.mark.parametrize("variant", VARIANTS)
def test_unknown_key_inside_a_question(variant: str) -> None:
    text = HEAD + "questions:\n  - Why us?\n  - question: Design a cache.\n    ratng: 2\n---\n"
    assert check_text(text, variant) == [
        warning(
            8, "unknown key 'ratng' in questions[2]: its value is ignored", "did you mean 'rating'?"
        )
    ]


@pytest.mark.parametrize("variant", VARIANTS)
def test_unknown_numeric_key_points_at_its_line(variant: str) -> None:
    # Regression: YAML reads '2026:' as a number; line_of compared it with the node's text
    # and fell back to line 1.
    problems = check_text(HEAD + "2026: a good year\n---\n", variant)
    assert [p.split("\n")[0] for p in problems] == [
        "entries/x.md:5: warning: unknown key '2026': its value is ignored"
    ]


# --- whole-notebook checks: look-alikes, future dates, several files ----------------------------


def write(root: Path, files: dict[str, str | bytes]) -> Path:
    entries = root / "entries"
    for name, content in files.items():
        path = entries / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return entries


def notebook_problems(
    root: Path, *, aliases: dict[str, str] | None = None, today: date | None = None
) -> list[str]:
    notebook = read_notebook(
        root / "entries", root, vocabulary=Vocabulary(aliases or {}), today=today
    )
    return formatted(notebook.diagnostics)


def entry_text(day: str, weak_spots: str = "", strengths: str = "") -> str:
    text = f"---\ncompany: Acme\nrole: SRE\ndate: {day}\n"  # lines 1-4
    if weak_spots:
        text += f"weak_spots: {weak_spots}\n"  # line 5
    if strengths:
        text += f"strengths: {strengths}\n"
    return text + "---\n"


LOOK_ALIKE_HINT = "if they are one, add to the debrief plugin in mkdocs.yml: aliases: {{{}: {}}}"


@pytest.mark.parametrize("variant", VARIANTS)
def test_look_alike_weak_spots_suggest_an_alias(tmp_path: Path, variant: str) -> None:
    # 'estimation' is in two entries, 'estimations' in one: the rarer spelling is flagged,
    # at its first use: b.md, line 7 (the second item of the block list under weak_spots)
    files = {
        "a.md": entry_text("2026-03-01", "[estimation]"),
        "b.md": "---\ncompany: Acme\nrole: SRE\ndate: 2026-03-02\nweak_spots:\n"
        "  - sql\n  - Estimations\n---\n",
        "c.md": entry_text("2026-03-03", "[Estimation, sql]"),
    }
    write(tmp_path, {name: encode(text, variant) for name, text in files.items()})
    assert notebook_problems(tmp_path) == [
        warning(
            7,
            "weak spot 'estimations' looks like 'estimation'",
            LOOK_ALIKE_HINT.format("estimations", "estimation"),
            path="entries/b.md",
        )
    ]


def test_look_alike_is_gone_once_aliased(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "a.md": entry_text("2026-03-01", "[estimation]"),
            "b.md": entry_text("2026-03-02", "[estimations]"),
            "c.md": entry_text("2026-03-03", "[estimation]"),
        },
    )
    assert notebook_problems(tmp_path, aliases={"Estimations": "estimation"}) == []


def test_look_alike_of_a_typo(tmp_path: Path) -> None:
    # communication: 2 entries (a weak spot in a, a strength in c); comunication: 1 entry
    write(
        tmp_path,
        {
            "a.md": entry_text("2026-03-01", "[communication]"),
            "b.md": entry_text("2026-03-02", "[comunication]"),
            "c.md": entry_text("2026-03-03", strengths="[communication]"),
        },
    )
    assert notebook_problems(tmp_path) == [
        warning(
            5,
            "weak spot 'comunication' looks like 'communication'",
            LOOK_ALIKE_HINT.format("comunication", "communication"),
            path="entries/b.md",
        )
    ]


def test_look_alike_first_used_as_a_strength_says_strength(tmp_path: Path) -> None:
    # communication: a weak spot in a and b -> 2; comunication: a strength in c -> 1
    write(
        tmp_path,
        {
            "a.md": entry_text("2026-03-01", "[communication]"),
            "b.md": entry_text("2026-03-02", "[communication]"),
            "c.md": entry_text("2026-03-03", strengths="[comunication]"),  # line 5
        },
    )
    assert notebook_problems(tmp_path) == [
        warning(
            5,
            "strength 'comunication' looks like 'communication'",
            LOOK_ALIKE_HINT.format("comunication", "communication"),
            path="entries/c.md",
        )
    ]


def test_different_spellings_of_one_name_are_not_look_alikes(tmp_path: Path) -> None:
    # 'System Design' and 'system_design' normalize to one name: nothing to warn about
    write(
        tmp_path,
        {
            "a.md": entry_text("2026-03-01", "[System Design]"),
            "b.md": entry_text("2026-03-02", "[system_design, java]"),
            "c.md": entry_text("2026-03-03", "[lava]"),
        },
    )
    assert notebook_problems(tmp_path) == []


@pytest.mark.parametrize("variant", VARIANTS)
def test_future_date_is_a_warning(tmp_path: Path, variant: str) -> None:
    write(
        tmp_path,
        {
            "past.md": encode(entry_text("2026-03-31"), variant),
            "today.md": encode(entry_text("2026-04-01"), variant),
            "later.md": encode(entry_text("2026-04-02"), variant),
        },
    )
    assert notebook_problems(tmp_path, today=date(2026, 4, 1)) == [
        warning(
            4,
            "date 2026-04-02 is in the future",
            "a debrief is written after the interview: check the year and month",
            path="entries/later.md",
        )
    ]
    # the same files a day later: nothing in the future
    assert notebook_problems(tmp_path, today=date(2026, 4, 2)) == []


def test_every_problem_in_every_file_is_reported(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "good.md": entry_text("2026-03-01", "[estimation]"),
            "2026/bad.md": "---\ncompany: Acme\nrole: SRE\ndate: 2026-02-30\nfeeling: 9\n---\n",
            "empty-fm.md": "---\n---\n",
            "notes.md": "just some notes\n",
            "typo.md": "---\ncompany: Acme\nrole: SRE\ndate: 2026-03-02\nweakspots: sql\n---\n",
            ".hidden.md": "not an entry, never read\n",
            "readme.txt": "not an entry either\n",
        },
    )
    notebook = read_notebook(tmp_path / "entries", tmp_path, today=date(2026, 3, 10))
    assert formatted(notebook.diagnostics) == [
        "entries/2026/bad.md:4: error: 'date' is not a real date: 2026-02-30\n"
        "    hint: check the month and the day",
        "entries/2026/bad.md:5: error: 'feeling' must be from 1 to 5, got 9\n"
        f"    hint: {FEELING_SCALE}",
        "entries/empty-fm.md:1: error: missing required field 'company'\n"
        "    hint: add a line 'company: Acme'",
        "entries/empty-fm.md:1: error: missing required field 'date'\n"
        "    hint: add a line 'date: 2026-03-14'",
        "entries/empty-fm.md:1: error: missing required field 'role'\n"
        "    hint: add a line 'role: Backend engineer'",
        "entries/notes.md:1: error: no front matter: the file must start with a line '---'\n"
        "    hint: put company, role and date between two '---' lines at the top of the file",
        "entries/typo.md:5: warning: unknown key 'weakspots': its value is ignored\n"
        "    hint: did you mean 'weak_spots'?",
    ]
    # 5 entry files (.md, not hidden); only good.md and typo.md can be read
    assert notebook.file_count == 5
    assert [e.slug for e in notebook.entries] == ["good", "typo"]
    assert len(notebook.errors) == 6


def test_two_files_with_one_slug_is_an_error(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "2025/acme.md": entry_text("2025-12-01"),
            "2026/acme.md": entry_text("2026-01-05"),
        },
    )
    problems = notebook_problems(tmp_path)
    assert len(problems) == 1
    first = problems[0].split("\n")[0]
    assert first.startswith("entries/2026/acme.md")
    assert first.endswith(
        " error: two entries would have the same page 'acme': this one and entries/2025/acme.md"
    )


@pytest.mark.parametrize("variant", VARIANTS)
def test_follow_through_dates_in_the_future_or_before_the_interview(
    tmp_path: Path, variant: str
) -> None:
    text = (
        "---\ncompany: Acme\nrole: SRE\ndate: 2026-03-10\n"  # lines 1-4
        "reflected: 2026-04-02\n"  # line 5: after today (2026-04-01)
        "thank_you:\n  sent: 2026-03-09\n"  # line 7: the day before the interview
        "feedback: {received: 2026-04-01, summary: fine}\n"  # line 8: today is fine
        "---\n"
    )
    write(tmp_path, {"x.md": encode(text, variant), "ok.md": entry_text("2026-03-01")})
    assert notebook_problems(tmp_path, today=date(2026, 4, 1)) == [
        warning(
            5,
            "reflected 2026-04-02 is in the future",
            "a step is dated once it is done: check the year, or leave it empty until then",
        ),
        warning(
            7,
            "thank_you.sent 2026-03-09 is before the interview (2026-03-10)",
            "check the year and month",
        ),
    ]
    # The next day, the reflection has happened.
    assert len(notebook_problems(tmp_path, today=date(2026, 4, 2))) == 1
