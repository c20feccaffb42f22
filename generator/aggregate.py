"""The aggregates the notebook exists for, as pure functions of the entries.

Nothing here reads files or knows about MkDocs: the site, the export, the share
and the terminal reports all call `aggregate` and show what it returns.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from generator.entry.names import Vocabulary, question_key
from generator.entry.read import Entry, chronological
from generator.settings import Settings

FollowUpKind = Literal["thank-you", "reflection", "feedback"]
_KIND_ORDER = {"thank-you": 0, "reflection": 1, "feedback": 2}


@dataclass(frozen=True)
class WeakSpot:
    name: str
    count: int
    first_seen: date
    last_seen: date
    entries: tuple[str, ...]  # slugs, oldest first
    recurring: bool
    resolved: bool
    resolved_by: str | None = None  # the slug of the later entry listing it as a strength

    @property
    def status(self) -> str:
        if self.resolved:
            return "resolved"
        return "recurring" if self.recurring else "one-off"


@dataclass(frozen=True)
class Lesson:
    text: str
    entry: str
    date: date
    weak_spots: tuple[str, ...]


@dataclass(frozen=True)
class QuestionRecord:
    question: str
    entry: str
    date: date
    topic: str | None
    rating: int | None
    answer: str | None
    better: str | None
    asked_again: bool = False

    @property
    def struggled(self) -> bool:
        return self.rating is not None and self.rating <= 2


@dataclass(frozen=True)
class FollowUp:
    entry: str
    kind: FollowUpKind
    due: date
    overdue: bool


@dataclass
class Insights:
    """Everything the pages and reports show, for one audience on one day."""

    entries: list[Entry]
    weak_spots: list[WeakSpot]
    lessons: list[Lesson]
    questions: list[QuestionRecord]
    follow_ups: list[FollowUp]
    today: date
    vocabulary: Vocabulary
    by_slug: dict[str, Entry] = field(default_factory=dict)

    def names(self, entry: Entry, field_name: str) -> list[str]:
        """An entry's weak spots, strengths or tags as canonical names."""
        return self.vocabulary.canonical_list(getattr(entry.meta, field_name))

    def stage(self, entry: Entry) -> str | None:
        return self.vocabulary.canonical(entry.meta.stage) if entry.meta.stage else None


# The functions below take entries oldest first (`chronological`), as `aggregate` gives them.


def aggregate_weak_spots(
    ordered: list[Entry], vocabulary: Vocabulary, recurring_after: int
) -> list[WeakSpot]:
    seen: dict[str, list[Entry]] = defaultdict(list)
    strengths: dict[str, list[Entry]] = defaultdict(list)
    for entry in ordered:
        for name in vocabulary.canonical_list(entry.meta.weak_spots):
            seen[name].append(entry)
        for name in vocabulary.canonical_list(entry.meta.strengths):
            strengths[name].append(entry)
    spots: list[WeakSpot] = []
    for name, listed in seen.items():
        last_seen = listed[-1].date
        later_strength = next((e for e in strengths.get(name, []) if e.date > last_seen), None)
        spots.append(
            WeakSpot(
                name=name,
                count=len(listed),
                first_seen=listed[0].date,
                last_seen=last_seen,
                entries=tuple(e.slug for e in listed),
                recurring=len(listed) >= recurring_after,
                resolved=later_strength is not None,
                resolved_by=later_strength.slug if later_strength else None,
            )
        )
    spots.sort(key=lambda s: (-s.count, -s.last_seen.toordinal(), s.name))
    return spots


def collect_lessons(ordered: list[Entry], vocabulary: Vocabulary) -> list[Lesson]:
    return [
        Lesson(
            text, entry.slug, entry.date, tuple(vocabulary.canonical_list(entry.meta.weak_spots))
        )
        for entry in ordered
        for text in entry.meta.lessons
    ]


def collect_questions(ordered: list[Entry]) -> list[QuestionRecord]:
    asked_in: dict[str, set[str]] = defaultdict(set)
    for entry in ordered:
        for q in entry.meta.questions:
            asked_in[question_key(q.question)].add(entry.slug)
    return [
        QuestionRecord(
            question=q.question,
            entry=entry.slug,
            date=entry.date,
            topic=q.topic,
            rating=q.rating,
            answer=q.answer,
            better=q.better,
            asked_again=len(asked_in[question_key(q.question)]) >= 2,
        )
        for entry in ordered
        for q in entry.meta.questions
    ]


def follow_ups(entries: list[Entry], settings: Settings, today: date) -> list[FollowUp]:
    """Open follow-ups, overdue first, then by due date."""
    found: list[tuple[str, FollowUpKind, date]] = []
    for entry in entries:
        meta = entry.meta
        if meta.thank_you.sent is None and meta.outcome != "withdrew":
            found.append(
                (entry.slug, "thank-you", meta.date + timedelta(settings.thank_you_within_days))
            )
        if meta.reflected is None:
            found.append(
                (entry.slug, "reflection", meta.date + timedelta(settings.reflect_after_days))
            )
        if (
            meta.thank_you.asked_feedback
            and meta.thank_you.sent is not None
            and meta.feedback.received is None
        ):
            found.append(
                (
                    entry.slug,
                    "feedback",
                    meta.thank_you.sent + timedelta(settings.feedback_wait_days),
                )
            )
    items = [FollowUp(slug, kind, due, due < today) for slug, kind, due in found]
    items.sort(key=lambda f: (not f.overdue, f.due, f.entry, _KIND_ORDER[f.kind]))
    return items


def aggregate(entries: list[Entry], settings: Settings, today: date) -> Insights:
    """All aggregates of `entries`, which are already filtered for the audience."""
    vocabulary = Vocabulary(settings.aliases)
    ordered = chronological(entries)
    return Insights(
        entries=ordered,
        weak_spots=aggregate_weak_spots(ordered, vocabulary, settings.recurring_after),
        lessons=collect_lessons(ordered, vocabulary),
        questions=collect_questions(ordered),
        follow_ups=follow_ups(ordered, settings, today),
        today=today,
        vocabulary=vocabulary,
        by_slug={e.slug: e for e in ordered},
    )
