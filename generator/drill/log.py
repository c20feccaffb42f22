"""The review log: one JSON object a line, appended to, never rewritten.

Reviews are history, not state: the schedule is recomputed from the log each time,
so two machines' logs merge with git as two sets of lines. A line that cannot be
read is reported at `PATH:LINE` and skipped; it stays in the file for a person to mend.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from generator.entry.diagnostics import Diagnostic

GRADES = {1: "again", 2: "hard", 3: "good", 4: "easy"}
EXAMPLE = '{"card": "3f2a9c1b7d40", "grade": 3, "at": "2026-07-01T09:30:00+02:00"}'
HINT = f"each line is one review, like {EXAMPLE}; this line is skipped and left as it is"


@dataclass(frozen=True)
class Review:
    card: str
    grade: int  # 1 again, 2 hard, 3 good, 4 easy
    at: datetime  # with the reviewer's UTC offset

    @property
    def day(self) -> date:
        """The day the reviewer lived it: the date in their own time zone."""
        return self.at.date()

    def line(self) -> str:
        return json.dumps(
            {"card": self.card, "grade": self.grade, "at": self.at.isoformat()},
            ensure_ascii=False,
        )


def read_log(path: Path, shown: str) -> tuple[list[Review], list[Diagnostic]]:
    """Every readable review in the log at `path`, in file order, and a warning (at
    `shown`:LINE) for each line that is not one. No file is an empty log."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return [], []
    except OSError as error:
        return [], [Diagnostic(shown, None, "warning", f"cannot read: {error.strerror}")]
    reviews: list[Review] = []
    problems: list[Diagnostic] = []
    for number, data in enumerate(raw.split(b"\n"), start=1):
        if not data.strip():
            continue
        review, problem = _review(data)
        if review is not None:
            reviews.append(review)
        else:
            problems.append(Diagnostic(shown, number, "warning", problem, HINT))
    return reviews, problems


def _review(data: bytes) -> tuple[Review | None, str]:
    try:
        value: Any = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        return None, "not UTF-8 text"
    except json.JSONDecodeError as error:
        return None, f"not JSON ({error.msg} at column {error.colno})"
    if not isinstance(value, dict):
        return None, "not a review: expected an object with card, grade and at"
    missing = [key for key in ("card", "grade", "at") if key not in value]
    if missing:
        return None, f"not a review: no {', '.join(missing)}"
    card, grade, at = value["card"], value["grade"], value["at"]
    if not isinstance(card, str) or not card:
        return None, f"'card' must be a card's id, got {card!r}"
    if isinstance(grade, bool) or grade not in GRADES:
        return None, f"'grade' must be 1, 2, 3 or 4, got {grade!r}"
    try:
        when = datetime.fromisoformat(at) if isinstance(at, str) else None
    except ValueError:
        when = None
    if when is None or when.tzinfo is None:
        return None, f"'at' must be a time with its UTC offset, got {at!r}"
    return Review(card, int(grade), when), ""


def append_review(path: Path, review: Review) -> None:
    """Add one line to the log, in one write: appends from two processes never interleave
    within a line. A file whose last line lacks its newline gets one first."""
    data = (review.line() + "\n").encode()
    fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        size = os.fstat(fd).st_size
        if size and os.pread(fd, 1, size - 1) != b"\n":
            data = b"\n" + data
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
