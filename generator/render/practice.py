"""Practice as text: a card's front and back in the terminal, the due list, and what
the Practice page groups.

Pure: the command decides colour and width, and reads and writes the log.
"""

from __future__ import annotations

import textwrap
from datetime import date
from typing import Any

from generator.aggregate import WeakSpot
from generator.drill.log import GRADES
from generator.drill.schedule import Practice, Scheduled
from generator.render.words import plural

INDENT = "      "
GRADE_PROMPT = "Grade (1 again, 2 hard, 3 good, 4 easy; q stops): "
REVEAL_PROMPT = "Enter shows the answer; q stops. "


def front(item: Scheduled, number: int, total: int) -> str:
    card = item.card
    about = " · ".join(
        part for part in (card.company, card.interview_date.isoformat(), card.topic) if part
    )
    head = f"[{number}/{total}] "
    return f"\n{head}{card.question}\n{' ' * len(head)}{about}\n"


def back(item: Scheduled, columns: int = 80) -> str:
    card = item.card
    rows = [
        ("Next time", [card.better or "not written yet"]),
        ("I answered", [card.answer or "not written down"]),
    ]
    if card.lessons:
        rows.append(("Lessons", list(card.lessons)))
    lines: list[str] = []
    label_width = max(len(label) for label, _ in rows) + 2
    for label, texts in rows:
        for index, text in enumerate(texts):
            lead = INDENT + (f"{label}:".ljust(label_width) if index == 0 else " " * label_width)
            wrapped = textwrap.wrap(
                text,
                width=max(columns - len(lead), 20),
                break_on_hyphens=False,
            ) or [""]
            lines.append(lead + wrapped[0])
            lines.extend(" " * len(lead) + rest for rest in wrapped[1:])
    return "\n".join(lines) + "\n"


def next_due(grade: int, due: date, today: date) -> str:
    days = (due - today).days
    when = "tomorrow" if days == 1 else f"in {days} days"
    return f"{INDENT}{GRADES[grade]}: next on {due.isoformat()} ({when})\n"


def due_list(practice: Practice, limit: int | None = None) -> str:
    """`debrief drill --due`: one card a line, the oldest due first."""
    if not practice.due:
        return nothing_due(practice)
    shown = practice.due[:limit]
    lines = [
        f"{s.due.isoformat()}  {s.card.id}  {s.card.question}"
        f" ({s.card.company}, {s.card.interview_date.isoformat()})"
        for s in shown
    ]
    lines.append(f"{cards(len(practice.due))} due on {practice.today.isoformat()}")
    return "\n".join(lines) + "\n"


def due_json(practice: Practice, limit: int | None = None) -> list[dict[str, Any]]:
    return [
        {
            "card": s.card.id,
            "entry": s.card.entry,
            "question": s.card.question,
            "due": s.due.isoformat(),
            "company": s.card.company,
            "date": s.card.interview_date.isoformat(),
            "topic": s.card.topic,
            "weak_spots": list(s.card.weak_spots),
            "reviews": s.reviews,
        }
        for s in practice.due[:limit]
    ]


def cards(n: int) -> str:
    return plural(n, "card")


def nothing_due(practice: Practice) -> str:
    if not practice.cards:
        return (
            "No cards yet: a question becomes a card when it is rated 3 or less,"
            " or has a 'better' answer.\n"
        )
    first = min(s.due for s in practice.later)
    return (
        f"Nothing due on {practice.today.isoformat()}; the next card is due {first.isoformat()}.\n"
    )


def by_weak_spot(
    items: list[Scheduled], spots: list[WeakSpot]
) -> list[tuple[WeakSpot | None, list[Scheduled]]]:
    """Cards grouped by the weak spot they are filed under: recurring weak spots first
    (in the weak spots' own order), then the others, then cards under none."""
    order = sorted(spots, key=lambda s: not s.recurring)
    groups: dict[str | None, list[Scheduled]] = {s.name: [] for s in order}
    groups[None] = []
    for item in items:
        name = next((n for n in item.card.weak_spots if n in groups), None)
        groups[name].append(item)
    found = {s.name: s for s in order}
    return [(found.get(name) if name else None, group) for name, group in groups.items() if group]
