"""`debrief drill`: scripted sessions, the due list, and what they leave behind.

The notebook is tests/test_drill_cards.py's: Acme (2026-09-01) has two cards, the rate
limiter and "Why us?"; Globex (2026-09-10) three, QPS, the join and the cache. The
cool-off is 1 day, so on 2026-09-12 all five are due, Acme's first (due 09-02).
Due dates are worked by hand there and here from FSRS's default parameters.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from generator.cli.main import cli
from generator.drill import log as log_module
from generator.drill.cards import card_id
from tests.conftest import run_cli, write_notebook
from tests.test_drill_cards import ACME, GLOBEX

HINT = (
    '    hint: each line is one review, like {"card": "3f2a9c1b7d40", "grade": 3, '
    '"at": "2026-07-01T09:30:00+02:00"}; this line is skipped and left as it is\n'
)


@pytest.fixture
def notebook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = write_notebook(
        tmp_path / "nb", {"2026-09-01-acme.md": ACME, "2026-09-10-globex.md": GLOBEX}
    )
    monkeypatch.chdir(root)
    return root


def drill(*args: str, text: str = "") -> tuple[int, str, str]:
    result = run_cli("drill", *args, input=text)
    return result.exit_code, result.stdout, result.stderr


def due(day: str) -> list[tuple[str, str]]:
    code, out, _ = drill("--due", "--json", "--today", day)
    assert code == 0
    return [(item["question"], item["due"]) for item in json.loads(out)]


def test_a_scripted_session_word_for_word(notebook: Path) -> None:
    code, out, err = drill("--limit", "2", "--today", "2026-09-12", text="\n3\n\nx\n1\n")
    assert (code, err) == (0, "")
    assert out == (
        "\n"
        "[1/2] Design a rate limiter.\n"
        "      Acme · 2026-09-01 · System Design\n"
        "      Enter shows the answer; q stops. \n"
        "      Next time:  Token bucket per key.\n"
        "      I answered: Fixed window.\n"
        "      Lessons:    Ask about scale first.\n"
        "      Grade (1 again, 2 hard, 3 good, 4 easy; q stops): 3\n"
        "      good: next on 2026-09-14 (in 2 days)\n"
        "\n"
        "[2/2] Why us?\n"
        "      Acme · 2026-09-01\n"
        "      Enter shows the answer; q stops. \n"
        "      Next time:  Name the product.\n"
        "      I answered: not written down\n"
        "      Lessons:    Ask about scale first.\n"
        "      Grade (1 again, 2 hard, 3 good, 4 easy; q stops): x\n"
        "      Type 1, 2, 3 or 4, or q to stop.\n"
        "      Grade (1 again, 2 hard, 3 good, 4 easy; q stops): 1\n"
        "      again: next on 2026-09-13 (tomorrow)\n"
        "\n"
        "Reviewed 2 cards; 3 still due on 2026-09-12.\n"
    )


def test_due_dates_after_two_sessions(notebook: Path) -> None:
    entries = {p: p.read_bytes() for p in (notebook / "entries").iterdir()}
    # 09-12: limiter good (2 days: 09-14), Why us? again (1: 09-13), QPS easy (8: 09-20),
    # join hard (1: 09-13), then q at the cache's front: it stays new, due since 09-11.
    code, out, _ = drill("--today", "2026-09-12", text="\n3\n\n1\n\n4\n\n2\nq\n")
    assert code == 0
    assert out.endswith("\nReviewed 4 cards; 1 still due on 2026-09-12.\n")
    assert due("2026-09-14") == [
        ("Design a cache.", "2026-09-11"),
        ("Why us?", "2026-09-13"),
        ("A join question.", "2026-09-13"),
        ("Design a rate limiter.", "2026-09-14"),
    ]
    # 09-14, each "good", two days after the first grade (R by elapsed days):
    # - cache, new: w2 = 2.3065, 2 days: 09-16;
    # - Why us?, after again (S 0.212, D 6.4133): R = (1 + 0.98034*2/0.212)^-0.1542 = 0.69848,
    #   S' = 0.212 * (1 + 6.5026 * 4.5867 * 1.29489 * (e^(0.30152*0.796) - 1)) = 2.4329: 09-16;
    # - join, after hard (S 1.2931, D 6.4133 - e^0.8334 + 1 = 5.1122): R = 0.86737,
    #   S' = 1.2931 * (1 + 6.5026 * 5.8878 * 0.95808 * 0.11135) = 6.5748: 7 days, 09-21;
    # - limiter, after good (S 2.3065, D 2.1178): S' = 10.965, 11 days: 09-25.
    code, out, _ = drill("--today", "2026-09-14", text="\n3\n" * 4)
    assert out.endswith("\nReviewed 4 cards; nothing left for 2026-09-14.\n")
    assert due("2026-09-30") == [
        ("Why us?", "2026-09-16"),
        ("Design a cache.", "2026-09-16"),
        ("How many QPS?", "2026-09-20"),
        ("A join question.", "2026-09-21"),
        ("Design a rate limiter.", "2026-09-25"),
    ]
    lines = (notebook / "practice.jsonl").read_text().splitlines()
    assert [(json.loads(x)["grade"], json.loads(x)["at"][:10]) for x in lines] == [
        (3, "2026-09-12"),
        (1, "2026-09-12"),
        (4, "2026-09-12"),
        (2, "2026-09-12"),
        (3, "2026-09-14"),
        (3, "2026-09-14"),
        (3, "2026-09-14"),
        (3, "2026-09-14"),
    ]
    # Nothing is ever written into entries/.
    assert {p: p.read_bytes() for p in (notebook / "entries").iterdir()} == entries


def test_the_due_list_as_text_and_json(notebook: Path) -> None:
    code, out, _ = drill("--due", "--limit", "2", "--today", "2026-09-12")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("2026-09-02  ") and lines[0].endswith(
        "  Design a rate limiter. (Acme, 2026-09-01)"
    )
    assert lines[2] == "5 cards due on 2026-09-12"
    code, out, _ = drill("--due", "--json", "--today", "2026-09-12")
    first = json.loads(out)[0]
    assert set(first) >= {"card", "entry", "question", "due"}
    assert (first["entry"], first["question"], first["due"]) == (
        "2026-09-01-acme",
        "Design a rate limiter.",
        "2026-09-02",
    )
    assert len(first["card"]) == 12


def test_malformed_log_lines_are_reported_and_kept(notebook: Path) -> None:
    log = notebook / "practice.jsonl"
    log.write_text("oops\n")
    code, out, err = drill("--limit", "1", "--today", "2026-09-12", text="\n4\n")
    assert code == 0
    assert "easy: next on 2026-09-20" in out
    assert err == "practice.jsonl:1: warning: not JSON (Expecting value at column 1)\n" + HINT
    assert log.read_text().startswith("oops\n")
    assert len(log.read_text().splitlines()) == 2


def test_the_log_option_moves_the_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = write_notebook(
        tmp_path / "nb",
        {"2026-09-01-acme.md": ACME},
        plugin_options="drill:\n  log: reviews/mine.jsonl\n  retention: 0.8",
    )
    (root / "reviews").mkdir()
    monkeypatch.chdir(root)
    code, out, _ = drill("--limit", "1", "--today", "2026-09-12", text="\n3\n")
    assert code == 0
    # At retention 0.8, good on a new card: 2.3065 / 0.98034 * (0.8^-6.48508 - 1) = 7.6: 8 days.
    assert "      good: next on 2026-09-20 (in 8 days)\n" in out
    assert len((root / "reviews" / "mine.jsonl").read_text().splitlines()) == 1
    assert not (root / "practice.jsonl").exists()


def test_a_retention_out_of_range_is_misuse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_notebook(tmp_path / "nb", {}, plugin_options="drill:\n  retention: 1.5")
    monkeypatch.chdir(root)
    code, _, err = drill()
    assert code == 2
    assert err.endswith(
        "Error: mkdocs.yml: debrief plugin options: 'drill': Sub-option 'retention': expected a"
        " number between 0 and 1 (0.9: nine cards in ten recalled), got 1.5\n"
    )


def test_nothing_due_and_no_cards(
    notebook: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert drill("--today", "2026-09-01")[1] == (
        "Nothing due on 2026-09-01; the next card is due 2026-09-02.\n"
    )
    monkeypatch.chdir(write_notebook(tmp_path / "empty", {}))
    assert drill()[1] == (
        "No cards yet: a question becomes a card when it is rated 3 or less,"
        " or has a 'better' answer.\n"
    )


def test_json_without_due_is_misuse(notebook: Path) -> None:
    code, _, err = drill("--json")
    assert code == 2
    assert err.endswith("Error: --json goes with --due\n")


def test_end_of_input_ends_the_session(notebook: Path) -> None:
    code, out, _ = drill("--today", "2026-09-12", text="\n")
    assert code == 0
    assert out.endswith("\nReviewed 0 cards; 5 still due on 2026-09-12.\n")
    assert not (notebook / "practice.jsonl").exists()


def test_stats_counts_the_due_cards_and_followups_does_not_list_them(notebook: Path) -> None:
    result = CliRunner().invoke(cli, ["stats", "--today", "2026-09-12"])
    assert "Practice  5 of 5 cards due on 2026-09-12; run 'debrief drill'\n" in result.stdout
    followups = CliRunner().invoke(cli, ["followups", "--json", "--today", "2026-09-12"])
    kinds = {item["kind"] for item in json.loads(followups.stdout)}
    assert kinds <= {"thank-you", "reflection", "feedback"}
    assert "rate limiter" not in followups.stdout


def test_a_log_that_cannot_be_written_stops_with_an_error(notebook: Path) -> None:
    (notebook / "practice.jsonl").mkdir()
    code, out, err = drill("--limit", "1", "--today", "2026-09-12", text="\n3\n")
    assert code == 1
    assert "      Grade (1 again, 2 hard, 3 good, 4 easy; q stops): 3\n" in out
    assert err == (
        "practice.jsonl: warning: cannot read: Is a directory\n"
        "Error: practice.jsonl: cannot write the review log (Is a directory);"
        " this grade is not recorded\n"
    )


def test_ctrl_c_stops_like_q_and_keeps_the_grades(
    notebook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = log_module.append_review
    calls: list[int] = []

    def append_then_interrupt(path: Path, review: Any) -> None:
        calls.append(review.grade)
        if len(calls) == 2:
            raise KeyboardInterrupt  # Ctrl-C pressed while the second grade is typed
        real(path, review)

    monkeypatch.setattr(log_module, "append_review", append_then_interrupt)
    code, out, err = drill("--today", "2026-09-12", text="\n3\n\n4\n\n4\n")
    assert (code, err) == (0, "")
    assert out.endswith("      Grade (1 again, 2 hard, 3 good, 4 easy; q stops): 4\n\nStopped.\n")
    assert [
        json.loads(x)["grade"] for x in (notebook / "practice.jsonl").read_text().splitlines()
    ] == [3]


def test_the_site_schedules_from_the_log_and_a_share_never_reads_it(
    notebook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `share --today` sets DEBRIEF_TODAY in the process; let the monkeypatch undo it.
    monkeypatch.setenv("DEBRIEF_TODAY", "2026-09-12")
    limiter = card_id("2026-09-01-acme", "Design a rate limiter.")
    (notebook / "practice.jsonl").write_text(
        f'{{"card": "{limiter}", "grade": 4, "at": "2026-09-11T09:00:00+02:00"}}\nnot json\n'
    )
    built = CliRunner().invoke(cli, ["build", "--today", "2026-09-12"])
    assert built.exit_code == 0, built.output
    # The owner's build warns about the bad line, once, as PATH:LINE, and counts it.
    assert built.stderr.startswith(
        "practice.jsonl:2: warning: not JSON (Expecting value at column 1)\n" + HINT
    )
    assert ": 1 warning, " in built.stderr
    site = (notebook / "site" / "practice" / "index.html").read_text()
    # Graded easy on 09-11: due 09-19, under Later.
    assert site.index("Design a rate limiter.") > site.index('id="later"')
    shared = CliRunner().invoke(cli, ["share", "--today", "2026-09-12"])
    assert shared.exit_code == 0, shared.output
    assert "practice.jsonl" not in shared.stderr
    page = (notebook / "site-share" / "practice" / "index.html").read_text()
    assert 'id="later"' not in page
    assert "Design a rate limiter." in page


def test_stats_says_card_for_a_notebook_of_one_card(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    one = "---\ncompany: Hooli\nrole: SRE\ndate: 2026-09-01\nquestions:\n"
    one += "  - {question: Shard a table., rating: 2}\n---\n"
    monkeypatch.chdir(write_notebook(tmp_path / "nb", {"2026-09-01-hooli.md": one}))
    result = CliRunner().invoke(cli, ["stats", "--today", "2026-09-12"])
    assert "Practice  1 of 1 card due on 2026-09-12; run 'debrief drill'\n" in result.stdout
