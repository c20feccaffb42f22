"""The aggregates the notebook exists for, as pure functions of the entries.

Nothing here reads files or knows about MkDocs: the site, the export, the share
and the terminal reports all call `aggregate` and show what it returns.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Literal

from generator.entry.models import Question
from generator.entry.names import Vocabulary, question_key
from generator.entry.read import Entry, chronological
from generator.settings import Settings

FollowUpKind = Literal["thank-you", "reflection", "feedback"]
# Where a request for feedback stands; "no answer" once feedback_give_up_days have passed.
FeedbackStatus = Literal["not asked", "waiting", "received", "none", "no answer"]
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
    about: tuple[str, ...]  # canonical names; () when it belongs to the interview as a whole


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
    about: tuple[str, ...] = ()  # the canonical name it is filed under, if any

    @property
    def struggled(self) -> bool:
        return self.rating is not None and self.rating <= 2


@dataclass(frozen=True)
class FollowUp:
    entry: str
    kind: FollowUpKind
    due: date
    overdue: bool


@dataclass(frozen=True)
class FeedbackRate:
    """How often asking for feedback got an answer: `answers` of `requests`."""

    requests: int  # thank-you notes sent that asked for feedback
    answers: int  # of those, the ones whose feedback came back
    waiting: int  # of those, still waiting (neither answered nor given up)

    @property
    def percent(self) -> int | None:
        return round(100 * self.answers / self.requests) if self.requests else None


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
    feedback: FeedbackRate = field(default_factory=lambda: FeedbackRate(0, 0, 0))

    def names(self, entry: Entry, field_name: str) -> list[str]:
        """An entry's weak spots, strengths or tags as canonical names."""
        return self.vocabulary.canonical_list(getattr(entry.meta, field_name))

    def stage(self, entry: Entry) -> str | None:
        return self.vocabulary.canonical(entry.meta.stage) if entry.meta.stage else None


# -- what belongs to a weak spot ----------------------------------------------------------
# The one rule, used by every page, report and export that files lessons or questions
# under a weak spot:
# - a lesson written as `{lesson: ..., about: [names]}` is about those names;
# - a question is about its `topic`;
# - a plain lesson, or a question without a topic, is about the entry's weak spot when
#   the entry has exactly one; with none or several, it belongs to the interview as a
#   whole (`other_lessons`), never to a weak spot it may not be about.
# Names are compared canonically: normalized, then the notebook's aliases.


def _only_weak_spot(entry: Entry, vocabulary: Vocabulary) -> tuple[str, ...]:
    names = vocabulary.canonical_list(entry.meta.weak_spots)
    return (names[0],) if len(names) == 1 else ()


def lesson_subjects(entry: Entry, vocabulary: Vocabulary | None = None) -> list[tuple[str, ...]]:
    """For each of the entry's lessons, in order, the canonical names it is about."""
    vocabulary = vocabulary or Vocabulary()
    implied = _only_weak_spot(entry, vocabulary)
    return [
        tuple(vocabulary.canonical_list(note.about)) if note.about else implied
        for note in entry.meta.lessons
    ]


def question_subjects(entry: Entry, vocabulary: Vocabulary | None = None) -> list[tuple[str, ...]]:
    """For each of the entry's questions, in order, the canonical name it is filed under."""
    vocabulary = vocabulary or Vocabulary()
    implied = _only_weak_spot(entry, vocabulary)
    return [
        tuple(vocabulary.canonical_list([q.topic])) if q.topic else implied
        for q in entry.meta.questions
    ]


def lessons_about(entry: Entry, name: str, vocabulary: Vocabulary | None = None) -> list[str]:
    """The texts of the entry's lessons that are about weak spot (or strength) `name`."""
    vocabulary = vocabulary or Vocabulary()
    wanted = vocabulary.canonical(name)
    return [
        note.lesson
        for note, about in zip(entry.meta.lessons, lesson_subjects(entry, vocabulary), strict=True)
        if wanted in about
    ]


def questions_about(
    entry: Entry, name: str, vocabulary: Vocabulary | None = None
) -> list[Question]:
    """The entry's questions filed under weak spot (or strength) `name`."""
    vocabulary = vocabulary or Vocabulary()
    wanted = vocabulary.canonical(name)
    return [
        q
        for q, about in zip(entry.meta.questions, question_subjects(entry, vocabulary), strict=True)
        if wanted in about
    ]


def other_lessons(entry: Entry, vocabulary: Vocabulary | None = None) -> list[str]:
    """The texts of the entry's lessons about none of its weak spots: they belong to the
    interview as a whole. With `lessons_about` over the entry's weak spots, every lesson
    is found at least once."""
    vocabulary = vocabulary or Vocabulary()
    spots = set(vocabulary.canonical_list(entry.meta.weak_spots))
    return [
        note.lesson
        for note, about in zip(entry.meta.lessons, lesson_subjects(entry, vocabulary), strict=True)
        if not spots.intersection(about)
    ]


# The functions below take entries oldest first (`chronological`), as `aggregate` gives them.


def aggregate_weak_spots(
    ordered: list[Entry], vocabulary: Vocabulary, recurring_after: int
) -> list[WeakSpot]:
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
        subjects = question_subjects(entry, vocabulary)
        for question, about in zip(entry.meta.questions, subjects, strict=True):
            if question.rating is not None and question.rating >= 4:
                shown.update(name for name in about if name in names)
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


def collect_lessons(ordered: list[Entry], vocabulary: Vocabulary) -> list[Lesson]:
    return [
        Lesson(note.lesson, entry.slug, entry.date, about)
        for entry in ordered
        for note, about in zip(entry.meta.lessons, lesson_subjects(entry, vocabulary), strict=True)
    ]


def collect_questions(
    ordered: list[Entry], vocabulary: Vocabulary | None = None
) -> list[QuestionRecord]:
    vocabulary = vocabulary or Vocabulary()
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
            about=about,
        )
        for entry in ordered
        for q, about in zip(entry.meta.questions, question_subjects(entry, vocabulary), strict=True)
    ]


def feedback_status(entry: Entry, settings: Settings, today: date) -> FeedbackStatus:
    """Where the entry's request for feedback stands, as of `today`.

    Feedback received wins; `feedback: {none: true}` says none will come; a request
    unanswered `feedback_give_up_days` after the thank-you note is "no answer", so that
    its follow-up ends instead of staying open forever.
    """
    meta = entry.meta
    if meta.feedback.received is not None:
        return "received"
    sent = meta.thank_you.sent
    if not meta.thank_you.asked_feedback or sent is None:
        return "not asked"
    if meta.feedback.none:
        return "none"
    if today >= sent + timedelta(settings.feedback_give_up_days):
        return "no answer"
    return "waiting"


def feedback_rate(entries: list[Entry], settings: Settings, today: date) -> FeedbackRate:
    """Answers of requests: every thank-you note sent that asked for feedback is a request.
    Feedback that came without being asked for is not counted: there was no request."""
    statuses = [feedback_status(e, settings, today) for e in entries]
    asked = [
        s
        for s, e in zip(statuses, entries, strict=True)
        if e.meta.thank_you.asked_feedback and e.meta.thank_you.sent is not None
    ]
    return FeedbackRate(
        requests=len(asked),
        answers=asked.count("received"),
        waiting=asked.count("waiting"),
    )


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
        if meta.thank_you.sent is not None and feedback_status(entry, settings, today) == "waiting":
            # (waiting implies a note was sent; the test also tells the type checker)
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


def aggregate(
    entries: list[Entry], settings: Settings, today: date, last: LastAggregate | None = None
) -> Insights:
    """All aggregates of `entries`, which are already filtered for the audience.

    `last` (`debrief serve`): the aggregates read no entry's notes, so while every entry's
    front matter, the settings and the day are what they were, the last ones are given
    back, holding the entries just read."""
    ordered = chronological(entries)
    key = (
        (settings, today, [(e.slug, e.path, e.meta) for e in ordered]) if last is not None else None
    )
    if last is not None and last.insights is not None and last.key == key:
        last.insights = replace(last.insights, entries=ordered, by_slug=_by_slug(ordered))
        return last.insights
    vocabulary = Vocabulary(settings.aliases)
    insights = Insights(
        entries=ordered,
        weak_spots=aggregate_weak_spots(ordered, vocabulary, settings.recurring_after),
        lessons=collect_lessons(ordered, vocabulary),
        questions=collect_questions(ordered, vocabulary),
        follow_ups=follow_ups(ordered, settings, today),
        today=today,
        vocabulary=vocabulary,
        by_slug=_by_slug(ordered),
        feedback=feedback_rate(ordered, settings, today),
    )
    if last is not None:
        last.key, last.insights = key, insights
    return insights


@dataclass
class LastAggregate:
    """What `aggregate` made last, and of what: one per `debrief serve`."""

    key: object = None
    insights: Insights | None = None


def _by_slug(ordered: list[Entry]) -> dict[str, Entry]:
    return {e.slug: e for e in ordered}
