"""The aggregates the notebook exists for, as pure functions of the entries.

Nothing here reads files or knows about MkDocs: the site, the export, the share
and the terminal reports all call `aggregate` and show what it returns.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from generator.entry.models import Question
from generator.entry.names import Vocabulary, question_key
from generator.entry.read import Entry
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
    resolved_by: str | None = None  # the slug of the later entry that showed it handled
    # When it was listed again after an interview had shown it handled, and which one.
    came_back: date | None = None
    came_back_after: str | None = None
    rejected: int = 0  # how many of its interviews ended rejected

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


def aggregate_weak_spots(
    entries: list[Entry], vocabulary: Vocabulary, recurring_after: int
) -> list[WeakSpot]:
    ordered = sorted(entries, key=lambda e: (e.date, e.path))
    seen: dict[str, list[Entry]] = defaultdict(list)
    for entry in ordered:
        for name in vocabulary.canonical_list(entry.meta.weak_spots):
            seen[name].append(entry)
    handled = handled_in(ordered, vocabulary, set(seen))
    spots: list[WeakSpot] = []
    for name, listed in seen.items():
        shown = handled.get(name, [])
        last_seen = listed[-1].date
        later = next((e for e in shown if e.date > last_seen), None)
        came_back, after = _came_back(listed, shown)
        spots.append(
            WeakSpot(
                name=name,
                count=len(listed),
                first_seen=listed[0].date,
                last_seen=last_seen,
                entries=tuple(e.slug for e in listed),
                recurring=len(listed) >= recurring_after,
                resolved=later is not None,
                resolved_by=later.slug if later else None,
                came_back=came_back,
                came_back_after=after,
                rejected=sum(1 for e in listed if e.meta.outcome == "rejected"),
            )
        )
    spots.sort(key=lambda s: (-s.count, -s.last_seen.toordinal(), s.name))
    return spots


def handled_in(
    ordered: list[Entry], vocabulary: Vocabulary, names: set[str]
) -> dict[str, list[Entry]]:
    """The entries, oldest first, that show each weak spot handled: it is listed as a
    strength, or a question filed under it is rated 4 or 5."""
    handled: dict[str, list[Entry]] = defaultdict(list)
    for entry in ordered:
        shown = set(vocabulary.canonical_list(entry.meta.strengths)) & names
        for question in entry.meta.questions:
            if question.rating is not None and question.rating >= 4:
                shown.update(spots_of_question(entry, question, vocabulary, names))
        for name in sorted(shown):
            handled[name].append(entry)
    return handled


def _came_back(listed: list[Entry], handled: list[Entry]) -> tuple[date | None, str | None]:
    """The day a weak spot was listed again after the latest interview that had shown it
    handled, with that interview's slug; (None, None) when it never came back."""
    last = listed[-1].date
    before = [e for e in handled if e.date < last]
    if not before:
        return None, None
    after = before[-1]
    again = next(e for e in listed if e.date > after.date)
    return again.date, after.slug


def spots_of_question(
    entry: Entry, question: Question, vocabulary: Vocabulary, names: set[str]
) -> list[str]:
    """The weak spots (among `names`) a question is filed under: the one its topic names;
    with no topic, the entry's weak spot when it lists exactly one (issue 13's rule)."""
    if question.topic:
        topic = vocabulary.canonical(question.topic)
        return [topic] if topic in names else []
    listed = vocabulary.canonical_list(entry.meta.weak_spots)
    return listed if len(listed) == 1 else []


def lessons_about(entry: Entry, name: str, vocabulary: Vocabulary) -> list[str]:
    """An entry's lessons about weak spot `name`: with one weak spot listed, all of them;
    with several, a plain lesson belongs to the interview, not to each (issue 13's rule)."""
    listed = vocabulary.canonical_list(entry.meta.weak_spots)
    return list(entry.meta.lessons) if listed == [name] else []


def collect_lessons(entries: list[Entry], vocabulary: Vocabulary) -> list[Lesson]:
    return [
        Lesson(
            text, entry.slug, entry.date, tuple(vocabulary.canonical_list(entry.meta.weak_spots))
        )
        for entry in sorted(entries, key=lambda e: (e.date, e.path))
        for text in entry.meta.lessons
    ]


def collect_questions(entries: list[Entry]) -> list[QuestionRecord]:
    ordered = sorted(entries, key=lambda e: (e.date, e.path))
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
    ordered = sorted(entries, key=lambda e: (e.date, e.path))
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
