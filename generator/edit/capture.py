"""Step 1 of the method: write everything down while it is fresh.

`debrief new` starts an entry from a template whose comments ask for each part of
the debrief: the questions asked, what I answered, how the interviewer reacted,
what I would do differently. Every field is present but empty, so the file is a
valid entry before a word is written and `debrief check` stays quiet.

The entry is written with `generator.edit.atomic.create_new`, which never overwrites one.
"""

from __future__ import annotations

from datetime import date

from generator.edit.retag import yaml_scalar
from generator.entry.names import slugify

_COLUMN = 27  # where the comments of the template start


def entry_stem(day: date, company: str, stage: str | None = None) -> str:
    """`2026-11-01-acme-onsite`: the date first so that files sort by date."""
    parts = [day.isoformat(), slugify(company) or "interview"]
    if stage and slugify(stage):
        parts.append(slugify(stage))
    return "-".join(parts)


def _field(key: str, value: str, comment: str | None = None) -> str:
    line = f"{key}: {value}" if value else f"{key}:"
    if comment:
        line = f"{line:<{_COLUMN - 1}} # {comment}"
    return line


def entry_template(
    company: str,
    role: str,
    day: date,
    stage: str | None = None,
    interview_format: str | None = None,
) -> str:
    """The text of a new entry: the given fields filled in, the others empty with a prompt."""
    front = [
        "---",
        "# Write it all down now, while it is fresh; fill what you can, leave the rest empty.",
        "# `debrief check` says what is wrong, `debrief schema` lists every field.",
        _field("company", yaml_scalar(company)),
        _field("role", yaml_scalar(role)),
        _field("date", day.isoformat(), "the day of the interview"),
        _field(
            "stage",
            yaml_scalar(stage) if stage else "",
            "recruiter-screen, phone-screen, technical, onsite, final...",
        ),
        _field(
            "format",
            yaml_scalar(interview_format) if interview_format else "",
            "video, phone, in-person, take-home",
        ),
        _field("outcome", "pending", "pending, advanced, offer, rejected, withdrew, no-response"),
        _field("feeling", "", "gut feeling right now: 1 = went badly, 5 = went very well"),
        _field("interviewers", "[]", "who you met; left out of a share"),
        "# The questions asked, as close to their words as you remember, one item each:",
        "#   - question: Design a rate limiter for a public API.",
        "#     topic: system design",
        "#     rating: 2           # how well you answered: 1 = could not, 5 = very well",
        "#     answer: what you answered",
        "#     better: what you would answer next time",
        _field("questions", "[]"),
        _field("signals", "[]", "how the interviewer reacted: nods, pushback, the clock"),
        _field("weak_spots", "[]", "what went wrong, in short names: estimation, sql"),
        _field("strengths", "[]", "what went well"),
        _field("do_differently", "[]", "what you would do differently"),
        "# Later, after a night's sleep: reflect with a clear mind, talk it over with a mentor.",
        "# Lessons to carry into the next process, each text, or naming the weak spots",
        "# it is about (with several weak spots, plain text belongs to the interview):",
        "#   - lesson: Ask about scale before drawing anything.",
        "#     about: system design",
        _field("lessons", "[]"),
        _field("reflected", "", "the day you reflected, YYYY-MM-DD"),
        _field("discussed_with", "[]", "mentor, coach, friends; left out of a share"),
        "# Send a thank-you note that also asks for honest feedback.",
        "thank_you:",
        _field("  sent", "", "the day the note went out"),
        _field("  asked_feedback", "false", "did it ask for honest feedback?"),
        "feedback:",
        _field("  received", "", "the day feedback came back"),
        _field("  summary", "", "what it said"),
        _field("  none", "false", "true: none will come; stop chasing"),
        _field("private", "false", "true: never part of a share"),
        _field("tags", "[]"),
        "---",
    ]
    # Prompts, not headings: an entry page already has sections for the questions,
    # reactions and what to do differently (from the fields above), and a comment shows
    # nowhere, so an untouched body leaves the page as it was.
    body = [
        "",
        "<!-- The story, in your own words; the fields above hold the short version. -->",
        "",
        "<!-- The questions asked, in their words, and what came after each. -->",
        "",
        "<!-- What you answered, including what you got wrong or left out. -->",
        "",
        "<!-- How the interviewer reacted: nods, follow-ups, pushback, silence, the clock. -->",
        "",
        "<!-- What you would do differently, concretely. -->",
        "",
    ]
    return "\n".join(front + body)
