"""Dates that are slips of the keyboard: an interview or a step in the future, a step
before the interview. Warnings, checked on every entry that has dates to check, even one
whose other fields do not validate yet, so that every problem shows in one run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import Any

from pydantic import TypeAdapter, ValidationError

from generator.entry.diagnostics import Diagnostic
from generator.entry.frontmatter import KeyPath
from generator.entry.models import FrontMatter, IsoDate

STEPS: tuple[KeyPath, ...] = (("reflected",), ("thank_you", "sent"), ("feedback", "received"))

_ISO_DATE: TypeAdapter[date] = TypeAdapter(IsoDate)


def steps_of(meta: FrontMatter) -> list[tuple[KeyPath, date | None]]:
    return [
        (("reflected",), meta.reflected),
        (("thank_you", "sent"), meta.thank_you.sent),
        (("feedback", "received"), meta.feedback.received),
    ]


def _raw_date(data: dict[str, Any], path: KeyPath) -> date | None:
    value: Any = data
    for part in path:
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    if value is None:
        return None
    try:
        return _ISO_DATE.validate_python(value)
    except ValidationError:
        return None  # its own error says what is wrong with it


def raw_dates(data: dict[str, Any]) -> tuple[date | None, list[tuple[KeyPath, date | None]]]:
    """The interview's date and each step's, from front matter that did not validate as a
    whole: every one that is a date by itself."""
    return _raw_date(data, ("date",)), [(path, _raw_date(data, path)) for path in STEPS]


def date_problems(
    rel: str,
    interview: date | None,
    steps: Iterable[tuple[KeyPath, date | None]],
    line_of: Callable[[KeyPath], int],
    today: date | None,
) -> Iterator[Diagnostic]:
    """A step dated in the future or before the interview would tick the step on the site
    and drop its follow-up all the same; an interview in the future is a wrong year."""
    if today is not None and interview is not None and interview > today:
        yield Diagnostic(
            rel,
            line_of(("date",)),
            "warning",
            f"date {interview.isoformat()} is in the future",
            "a debrief is written after the interview: check the year and month",
        )
    for path, day in steps:
        name = ".".join(str(part) for part in path)
        if day is None:
            continue
        if today is not None and day > today:
            message = f"{name} {day.isoformat()} is in the future"
            hint = "a step is dated once it is done: check the year, or leave it empty until then"
        elif interview is not None and day < interview:
            message = f"{name} {day.isoformat()} is before the interview ({interview.isoformat()})"
            hint = "check the year and month"
        else:
            continue
        yield Diagnostic(rel, line_of(path), "warning", message, hint)
