"""Cards, their ids, the review log and the FSRS schedule, on entries written inline.

FSRS figures are worked by hand from the package's documented defaults (fsrs 6,
`DEFAULT_PARAMETERS` w0..w20, decay w20 = 0.1542). With a desired retention of 0.9 the
interval is the stability itself, rounded to whole days, at least 1: a new card's first
grade gives w0..w3 = 0.212, 1.2931, 2.3065, 8.2956, so again 1 day, hard 1, good 2,
easy 8.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from generator.drill.cards import card_id, cards_of
from generator.drill.log import Review, append_review, read_log
from generator.drill.schedule import practice, schedule
from generator.entry.names import Vocabulary
from generator.entry.read import Entry
from tests.conftest import entry_from_text

D = date.fromisoformat
PARIS = timezone(timedelta(hours=2))

ACME = """---
company: Acme
role: Engineer
date: 2026-09-01
weak_spots: [system design]
lessons: [Ask about scale first.]
questions:
  - question: Design a rate limiter.
    topic: System Design
    rating: 2
    answer: Fixed window.
    better: Token bucket per key.
  - question: Tell me about yourself.
    rating: 4
  - question: Why us?
    rating: 5
    better: Name the product.
  - A question written as plain text.
---
"""
GLOBEX = """---
company: Globex
role: Engineer
date: 2026-09-10
weak_spots: [estimation, sql]
lessons:
  - {lesson: Round numbers out loud., about: estimation}
  - Sleep well.
questions:
  - {question: How many QPS?, topic: estimation, rating: 3, answer: No idea.}
  - {question: A join question., topic: sql, rating: 1}
  - {question: Design a cache., topic: caching, rating: 2}
---
"""


def notebook() -> list[Entry]:
    return [entry_from_text(GLOBEX, "2026-09-10-globex"), entry_from_text(ACME, "2026-09-01-acme")]


def test_a_card_is_a_question_rated_3_or_less_or_with_a_better_answer() -> None:
    cards = cards_of(notebook(), Vocabulary(), reflect_after_days=1)
    # Acme: the rate limiter (2) and "Why us?" (5, but a better answer); "Tell me about
    # yourself" (4, no better) and the plain question are not cards. Globex: all three.
    assert [(c.entry, c.question) for c in cards] == [
        ("2026-09-01-acme", "Design a rate limiter."),
        ("2026-09-01-acme", "Why us?"),
        ("2026-09-10-globex", "How many QPS?"),
        ("2026-09-10-globex", "A join question."),
        ("2026-09-10-globex", "Design a cache."),
    ]


def test_a_card_has_its_front_its_back_and_the_lessons_about_its_weak_spot() -> None:
    cards = {c.question: c for c in cards_of(notebook(), Vocabulary(), reflect_after_days=3)}
    limiter = cards["Design a rate limiter."]
    assert (limiter.company, limiter.interview_date, limiter.topic) == (
        "Acme",
        D("2026-09-01"),
        "System Design",
    )
    assert (limiter.better, limiter.answer, limiter.rating) == (
        "Token bucket per key.",
        "Fixed window.",
        2,
    )
    # Acme lists one weak spot: its plain lesson is about it.
    assert limiter.weak_spots == ("system-design",)
    assert limiter.lessons == ("Ask about scale first.",)
    # "Why us?" has no topic: in an entry with one weak spot it is filed under it.
    assert cards["Why us?"].weak_spots == ("system-design",)
    # Globex lists two: only the lesson that says it is about estimation goes with QPS;
    # "Sleep well." belongs to the interview. The sql card has no lesson about sql.
    assert cards["How many QPS?"].weak_spots == ("estimation",)
    assert cards["How many QPS?"].lessons == ("Round numbers out loud.",)
    assert cards["A join question."].lessons == ()
    # caching is a topic, not a weak spot of the notebook: the card is under none.
    assert cards["Design a cache."].weak_spots == ()
    # First due after the cool-off: 3 days after the interview.
    assert limiter.first_due == D("2026-09-04")
    assert cards["How many QPS?"].first_due == D("2026-09-13")


def test_the_id_is_twelve_hex_digits_of_sha256_of_slug_and_normalized_question() -> None:
    expected = hashlib.sha256(b"2026-09-01-acme\ndesign a rate limiter").hexdigest()[:12]
    assert card_id("2026-09-01-acme", "Design a rate limiter.") == expected
    # Case, spacing and punctuation do not count; the words and the entry do.
    assert card_id("2026-09-01-acme", "  design A  rate-limiter!") == expected  # - is punctuation
    assert card_id("2026-09-01-acme", "  DESIGN a  rate limiter?") == expected
    assert card_id("2026-09-01-acme", "Design a rate limiter for us.") != expected
    assert card_id("2026-09-02-acme", "Design a rate limiter.") != expected


def ids(entries: list[Entry]) -> dict[str, str]:
    return {c.question: c.id for c in cards_of(entries, Vocabulary(), reflect_after_days=1)}


def test_ids_stay_when_questions_are_reordered_and_other_fields_or_entries_change() -> None:
    before = ids(notebook())
    reordered = GLOBEX.replace(
        "  - {question: How many QPS?, topic: estimation, rating: 3, answer: No idea.}\n", ""
    ).replace(
        "  - {question: Design a cache., topic: caching, rating: 2}\n",
        "  - {question: Design a cache., topic: caching, rating: 2}\n"
        "  - {question: How many QPS?, topic: estimation, rating: 3, answer: No idea.}\n",
    )
    assert reordered != GLOBEX
    edited = (
        ACME.replace("rating: 2\n", "rating: 1\n")
        .replace("answer: Fixed window.", "answer: Sliding window.")
        .replace("weak_spots: [system design]", "weak_spots: [system design, nerves]")
        .replace("role: Engineer", "role: Staff engineer")
    )
    other = "---\ncompany: Initech\nrole: Dev\ndate: 2026-09-05\n---\n"
    after = ids(
        [
            entry_from_text(edited, "2026-09-01-acme"),
            entry_from_text(reordered, "2026-09-10-globex"),
            entry_from_text(other, "2026-09-05-initech"),
        ]
    )
    assert after == before
    assert len(set(before.values())) == 5


def test_a_question_written_twice_in_one_entry_is_one_card() -> None:
    text = ACME.replace(
        "  - question: Why us?",
        "  - question: design a RATE limiter\n    rating: 1\n  - question: Why us?",
    )
    cards = cards_of([entry_from_text(text, "2026-09-01-acme")], Vocabulary(), reflect_after_days=1)
    assert [c.question for c in cards] == ["Design a rate limiter.", "Why us?"]


# --- the schedule ----------------------------------------------------------------------


def one_card() -> list:  # type: ignore[type-arg]
    return cards_of([entry_from_text(ACME, "2026-09-01-acme")], Vocabulary(), reflect_after_days=1)[
        :1
    ]


def at(day: str, hour: int = 9) -> datetime:
    d = D(day)
    return datetime(d.year, d.month, d.day, hour, tzinfo=PARIS)


@pytest.mark.parametrize(
    ("grade", "due"),
    [(1, "2026-09-06"), (2, "2026-09-06"), (3, "2026-09-07"), (4, "2026-09-13")],
)
def test_a_new_card_first_graded_is_due_after_its_initial_stability(grade: int, due: str) -> None:
    card = one_card()[0]
    scheduled = schedule([card], [Review(card.id, grade, at("2026-09-05"))], 0.9)
    assert scheduled[0].due == D(due)
    assert (scheduled[0].reviews, scheduled[0].last_grade) == (1, grade)


def test_good_then_good_two_days_later_is_eleven_days() -> None:
    # After "good": S = w2 = 2.3065, D = w4 - e^(2*w5) + 1 = 6.4133 - 5.2955 + 1 = 2.1178.
    # Two days later R = (1 + 0.98034 * 2 / 2.3065)^-0.1542 = 0.90949, and "good" gives
    # S' = S * (1 + e^w8 * (11 - D) * S^-w9 * (e^((1 - R) * w10) - 1))
    #    = 2.3065 * (1 + 6.5026 * 8.8822 * 0.87002 * 0.074705) = 2.3065 * 4.7539 = 10.965,
    # so 11 days after 09-07: 09-18.
    card = one_card()[0]
    reviews = [Review(card.id, 3, at("2026-09-05")), Review(card.id, 3, at("2026-09-07"))]
    assert schedule([card], reviews, 0.9)[0].due == D("2026-09-18")


def test_the_review_day_is_the_reviewers_own_day_whatever_the_hour() -> None:
    # 23:30 in Paris is 21:30 UTC the same day; 00:30 in Paris is the evening before in UTC.
    card = one_card()[0]
    late = Review(card.id, 3, datetime(2026, 9, 5, 23, 30, tzinfo=PARIS))
    early = Review(card.id, 3, datetime(2026, 9, 5, 0, 30, tzinfo=PARIS))
    assert schedule([card], [late], 0.9)[0].due == D("2026-09-07")
    assert schedule([card], [early], 0.9)[0].due == D("2026-09-07")


def test_a_lower_desired_retention_spaces_reviews_further() -> None:
    # At retention 0.8 the interval is S / 0.98034 * (0.8^(-6.48508) - 1): for "good"
    # 2.3065 / 0.98034 * (4.2499 - 1) = 7.646, so 8 days.
    card = one_card()[0]
    scheduled = schedule([card], [Review(card.id, 3, at("2026-09-05"))], 0.8)
    assert scheduled[0].due == D("2026-09-13")


def test_reviews_are_replayed_in_time_order_whatever_the_order_of_the_log() -> None:
    card = one_card()[0]
    forward = [Review(card.id, 3, at("2026-09-05")), Review(card.id, 3, at("2026-09-07"))]
    assert schedule([card], list(reversed(forward)), 0.9)[0].due == D("2026-09-18")


def test_practice_splits_due_from_later_and_ignores_reviews_of_unknown_cards() -> None:
    cards = cards_of(notebook(), Vocabulary(), reflect_after_days=1)
    limiter = cards[0]
    reviews = [Review(limiter.id, 4, at("2026-09-11")), Review("000000000000", 1, at("2026-09-11"))]
    today = practice(cards, reviews, 0.9, D("2026-09-12"))
    # The rate limiter is due 09-19 (easy: 8 days); Why us? since 09-02; Globex's three
    # since 09-11 (the day after the interview).
    assert [(s.card.question, s.due) for s in today.due] == [
        ("Why us?", D("2026-09-02")),
        ("How many QPS?", D("2026-09-11")),
        ("A join question.", D("2026-09-11")),
        ("Design a cache.", D("2026-09-11")),
    ]
    assert [(s.card.question, s.due) for s in today.later] == [
        ("Design a rate limiter.", D("2026-09-19"))
    ]


# --- the log -----------------------------------------------------------------------------


def test_malformed_lines_are_reported_at_their_line_and_skipped(tmp_path: Path) -> None:
    log = tmp_path / "practice.jsonl"
    lines = [
        '{"card": "aaaaaaaaaaaa", "grade": 3, "at": "2026-09-05T09:00:00+02:00"}',
        "not json",
        "",
        "[1, 2]",
        '{"card": "aaaaaaaaaaaa", "grade": 7, "at": "2026-09-05T09:00:00+02:00"}',
        '{"card": "aaaaaaaaaaaa", "grade": true, "at": "2026-09-05T09:00:00+02:00"}',
        '{"card": "aaaaaaaaaaaa", "grade": 2, "at": "2026-09-05T09:00:00"}',
        '{"card": "aaaaaaaaaaaa", "grade": 2}',
        '{"card": 12, "grade": 2, "at": "2026-09-05T09:00:00+02:00"}',
        '{"card": "bbbbbbbbbbbb", "grade": 1, "at": "2026-09-06T08:00:00-05:00"}',
    ]
    log.write_bytes(("\n".join(lines) + "\n").encode() + b"\xff\xfe\n")
    reviews, problems = read_log(log, "practice.jsonl")
    assert reviews == [
        Review("aaaaaaaaaaaa", 3, datetime(2026, 9, 5, 9, tzinfo=PARIS)),
        Review("bbbbbbbbbbbb", 1, datetime(2026, 9, 6, 8, tzinfo=timezone(timedelta(hours=-5)))),
    ]
    assert [p.format().splitlines()[0] for p in problems] == [
        "practice.jsonl:2: warning: not JSON (Expecting value at column 1)",
        "practice.jsonl:4: warning: not a review: expected an object with card, grade and at",
        "practice.jsonl:5: warning: 'grade' must be 1, 2, 3 or 4, got 7",
        "practice.jsonl:6: warning: 'grade' must be 1, 2, 3 or 4, got True",
        "practice.jsonl:7: warning: 'at' must be a time with its UTC offset, got '2026-09-05T09:00:00'",
        "practice.jsonl:8: warning: not a review: no at",
        "practice.jsonl:9: warning: 'card' must be a card's id, got 12",
        "practice.jsonl:11: warning: not UTF-8 text",
    ]
    assert problems[0].hint == (
        'each line is one review, like {"card": "3f2a9c1b7d40", "grade": 3, '
        '"at": "2026-07-01T09:30:00+02:00"}; this line is skipped and left as it is'
    )


def test_no_log_is_an_empty_log(tmp_path: Path) -> None:
    assert read_log(tmp_path / "practice.jsonl", "practice.jsonl") == ([], [])


def test_appending_keeps_every_byte_before_and_mends_a_missing_newline(tmp_path: Path) -> None:
    log = tmp_path / "practice.jsonl"
    before = b'garbage line\n{"card": "x", "grade": 3, "at": "2026-09-05T09:00:00+00:00"}'
    log.write_bytes(before)
    append_review(log, Review("aaaaaaaaaaaa", 4, datetime(2026, 9, 6, 7, 5, tzinfo=PARIS)))
    assert log.read_bytes() == before + (
        b'\n{"card": "aaaaaaaaaaaa", "grade": 4, "at": "2026-09-06T07:05:00+02:00"}\n'
    )
    reviews, problems = read_log(log, "practice.jsonl")
    assert [r.card for r in reviews] == ["x", "aaaaaaaaaaaa"]
    assert [p.line for p in problems] == [1]


def test_a_new_log_is_created_on_the_first_grade(tmp_path: Path) -> None:
    log = tmp_path / "practice.jsonl"
    append_review(log, Review("aaaaaaaaaaaa", 1, datetime(2026, 9, 6, 7, 5, tzinfo=PARIS)))
    assert (
        log.read_text()
        == '{"card": "aaaaaaaaaaaa", "grade": 1, "at": "2026-09-06T07:05:00+02:00"}\n'
    )
