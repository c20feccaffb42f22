"""When each card is due: FSRS (the `fsrs` package) replayed over the review log.

Nothing is stored but the log: every run replays each card's reviews through a
scheduler with FSRS's default parameters and the notebook's desired retention. A day
is the unit of practice, so the scheduler has no minute-long learning steps (a new
card's first grade schedules it in days, "again" for tomorrow) and no random fuzz
(the same log must give the same dates on every run and every machine).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime

import fsrs

from generator.drill.cards import Card, cards_of
from generator.drill.log import Review
from generator.entry.names import Vocabulary
from generator.entry.read import Entry
from generator.settings import Settings


@dataclass(frozen=True)
class Scheduled:
    card: Card
    due: date
    reviews: int  # how many times it was graded
    last_grade: int | None


@dataclass(frozen=True)
class Practice:
    """The cards on one day: those due (the oldest due first), then the others."""

    today: date
    due: list[Scheduled]
    later: list[Scheduled]

    @property
    def cards(self) -> int:
        return len(self.due) + len(self.later)


def scheduler(retention: float) -> fsrs.Scheduler:
    return fsrs.Scheduler(
        desired_retention=retention,
        learning_steps=(),
        relearning_steps=(),
        enable_fuzzing=False,
    )


def schedule(cards: Iterable[Card], reviews: Iterable[Review], retention: float) -> list[Scheduled]:
    """Each card with its due day after replaying its reviews in the order they were
    made. A review of a card no entry has any more (the question was edited or
    removed) is history without a card: it is kept in the log, and counts for nothing."""
    by_card: dict[str, list[Review]] = defaultdict(list)
    for review in reviews:
        by_card[review.card].append(review)
    planner = scheduler(retention)
    scheduled: list[Scheduled] = []
    for card in cards:
        history = sorted(by_card.get(card.id, []), key=lambda r: r.at)
        state = fsrs.Card(card_id=int(card.id, 16))
        for review in history:
            day = review.day
            moment = datetime(day.year, day.month, day.day, tzinfo=UTC)
            state, _ = planner.review_card(state, fsrs.Rating(review.grade), moment)
        due = state.due.date() if history else card.first_due
        last = history[-1].grade if history else None
        scheduled.append(Scheduled(card, due, len(history), last))
    return scheduled


def practice(
    cards: Iterable[Card], reviews: Iterable[Review], retention: float, today: date
) -> Practice:
    """The cards due on `today` (due on or before it) and the others, each by due day,
    then by interview."""
    ordered = sorted(
        schedule(cards, reviews, retention),
        key=lambda s: (s.due, s.card.interview_date, s.card.entry),
    )
    return Practice(
        today=today,
        due=[s for s in ordered if s.due <= today],
        later=[s for s in ordered if s.due > today],
    )


def practice_of(
    entries: list[Entry], settings: Settings, reviews: Iterable[Review], today: date
) -> Practice:
    """The practice of a notebook's entries (already filtered for the audience)."""
    cards = cards_of(entries, Vocabulary(settings.aliases), settings.reflect_after_days)
    return practice(cards, reviews, settings.drill.retention, today)
