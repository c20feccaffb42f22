"""The questions that went badly, as cards to practise: pure functions of the entries.

A card is a question written as a mapping with `rating` 3 or less, or with a `better`
answer written down. Its id comes from the entry's slug and the question's text
(normalized), so that reordering questions, or editing any other field or entry,
keeps every review in the log attached to its card.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, timedelta

from generator.aggregate import lessons_about, question_subjects
from generator.entry.models import Question
from generator.entry.names import Vocabulary, question_key
from generator.entry.read import Entry

BAD_RATING = 3  # a rating at most this is a question that went badly


@dataclass(frozen=True)
class Card:
    id: str
    entry: str  # the entry's slug
    question: str
    company: str
    interview_date: date
    topic: str | None
    better: str | None
    answer: str | None
    rating: int | None
    weak_spots: tuple[str, ...]  # the weak spots the question is filed under
    lessons: tuple[str, ...]  # the entry's lessons about those weak spots
    first_due: date  # after the cool-off: let go first, then practise


def card_id(slug: str, question: str) -> str:
    """Twelve hex digits of SHA-256 over the slug and the normalized question: stable
    under edits that keep both, and a collision needs ~16 million cards to be likely."""
    key = f"{slug}\n{question_key(question)}".encode()
    return hashlib.sha256(key).hexdigest()[:12]


def is_card(question: Question) -> bool:
    """Whether a question went badly: rated 3 or less, or a better answer written down."""
    rated_badly = question.rating is not None and question.rating <= BAD_RATING
    return rated_badly or bool(question.better)


def cards_of(entries: list[Entry], vocabulary: Vocabulary, reflect_after_days: int) -> list[Card]:
    """Every card of `entries`, oldest interview first, in each the order of its questions.

    A question asked twice in one entry is one card (the first time it is written).
    """
    ordered = sorted(entries, key=lambda e: (e.date, e.path))
    names = {name for e in ordered for name in vocabulary.canonical_list(e.meta.weak_spots)}
    cards: list[Card] = []
    seen: set[str] = set()
    for entry in ordered:
        subjects = question_subjects(entry, vocabulary)
        for question, about in zip(entry.meta.questions, subjects, strict=True):
            if not is_card(question):
                continue
            identity = card_id(entry.slug, question.question)
            if identity in seen:
                continue
            seen.add(identity)
            # Filed under its topic, or the entry's one weak spot (aggregate's rule); a
            # topic that is no weak spot anywhere leaves the card under none.
            spots = tuple(name for name in about if name in names)
            cards.append(
                Card(
                    id=identity,
                    entry=entry.slug,
                    question=question.question,
                    company=entry.meta.company,
                    interview_date=entry.date,
                    topic=question.topic,
                    better=question.better,
                    answer=question.answer,
                    rating=question.rating,
                    weak_spots=spots,
                    lessons=back_lessons(entry, spots, vocabulary),
                    first_due=entry.date + timedelta(days=reflect_after_days),
                )
            )
    return cards


def back_lessons(entry: Entry, spots: tuple[str, ...], vocabulary: Vocabulary) -> tuple[str, ...]:
    """The lessons a card's back shows: its entry's lessons about its weak spots
    (aggregate's rule of what belongs to a weak spot)."""
    lessons: list[str] = []
    for name in spots:
        lessons.extend(t for t in lessons_about(entry, name, vocabulary) if t not in lessons)
    return tuple(lessons)
