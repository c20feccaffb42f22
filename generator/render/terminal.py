"""Short terminal reports: `debrief stats` and the `debrief followups` table.

Pure text from `Insights`. Colour is a parameter, decided by the command
(common.use_color): these functions never look at a terminal or the environment.
"""

from __future__ import annotations

import textwrap
import unicodedata
from collections import Counter
from collections.abc import Iterable
from typing import Any

import click

from generator.aggregate import FollowUp, Insights
from generator.drill.schedule import Practice
from generator.entry.models import OUTCOMES
from generator.render.words import FOLLOW_UP_ACTIONS, plural

SPARK = "▁▂▃▄▅"  # feeling 1 to 5
_OUTCOME_COLOR = {"offer": "green", "advanced": "cyan", "rejected": "red"}
_STATUS_COLOR = {"recurring": "red", "one-off": "yellow", "resolved": "green"}


def width(text: str) -> int:
    """Columns `text` takes in a terminal: wide (CJK) characters take two, accents none."""
    total = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        total += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return total


def pad(text: str, columns: int) -> str:
    return text + " " * max(0, columns - width(text))


NAME_COLUMN = 32  # the widest a column of names grows: past it, a name overflows its row


def name_column(names: Iterable[str]) -> int:
    """The width of a column of names: the widest name up to NAME_COLUMN columns.

    One long weak spot must not push every row of a list past the terminal's edge,
    where each would wrap; it overflows its own row and the others stay aligned.
    """
    return max((w for w in map(width, names) if w <= NAME_COLUMN), default=0)


def _style(text: str, color: bool, **styles: Any) -> str:
    return click.style(text, **styles) if color else text


def feedback_line(insights: Insights) -> str:
    """`2 of 4 requests answered (50%), 1 waiting`: the feedback response rate."""
    rate = insights.feedback
    if not rate.requests:
        return "not asked for yet"
    text = f"{rate.answers} of {plural(rate.requests, 'request')} answered ({rate.percent}%)"
    return text + (f", {rate.waiting} waiting" if rate.waiting else "")


def sparkline(feelings: list[int]) -> str:
    return "".join(SPARK[min(max(f, 1), 5) - 1] for f in feelings)


def format_stats(
    insights: Insights,
    *,
    color: bool = False,
    last: int = 10,
    top: int = 5,
    practice: Practice | None = None,
) -> str:
    """Entries by outcome and by stage, the feeling of the last entries, the cards due
    today (when there are cards), the top weak spots."""
    entries = insights.entries
    if not entries:
        return "No entries yet: write the first with 'debrief new'.\n"
    count = len(entries)
    lines = [
        f"Entries   {count}, from {entries[0].date} to {entries[-1].date}",
    ]
    outcomes: Counter[str] = Counter(e.meta.outcome for e in entries)
    lines.append(
        "Outcome   "
        + ", ".join(
            f"{_style(name, color, fg=_OUTCOME_COLOR.get(name))} {outcomes[name]}"
            for name in OUTCOMES
            if outcomes[name]
        )
    )
    stages = Counter(insights.stage(e) or "no stage" for e in entries)
    lines.append(
        "Stage     "
        + ", ".join(
            f"{name} {n}"
            for name, n in sorted(stages.items(), key=lambda item: (-item[1], item[0]))
        )
    )
    feelings = [e.meta.feeling for e in entries if e.meta.feeling is not None][-last:]
    if feelings:
        average = sum(feelings) / len(feelings)
        lines.append(
            f"Feeling   {sparkline(feelings)}  {' '.join(map(str, feelings))}"
            f"  (last {len(feelings)}, average {average:.1f})"
        )
    else:
        lines.append("Feeling   not recorded yet")
    lines.append("Feedback  " + feedback_line(insights))
    if practice is not None and practice.cards:
        due = len(practice.due)
        lines.append(
            f"Practice  {due} of {plural(practice.cards, 'card')} due on {practice.today}"
            + ("; run 'debrief drill'" if due else "")
        )
    spots = insights.weak_spots
    lines.append("")
    if not spots:
        lines.append("Weak spots: none written down yet")
        return "\n".join(lines) + "\n"
    shown = spots[:top]
    more = f" (top {len(shown)} of {len(spots)})" if len(spots) > len(shown) else ""
    lines.append(f"Weak spots{more}")
    name_width = name_column(s.name for s in shown)
    count_width = max(len(str(s.count)) for s in shown)
    for spot in shown:
        status = _style(spot.status, color, fg=_STATUS_COLOR[spot.status])
        lines.append(f"  {pad(spot.name, name_width)}  {spot.count:>{count_width}}  {status}")
    return "\n".join(lines) + "\n"


# -- follow-ups --------------------------------------------------------------------------


def _when(item: FollowUp, insights: Insights) -> str:
    if item.overdue:
        return "OVERDUE"
    return "TODAY" if item.due == insights.today else "due"


def _lowered(sentence: str) -> str:
    """A sentence of the site's, inside the terminal's parentheses."""
    return sentence[:1].lower() + sentence[1:]


def format_followups(insights: Insights, *, color: bool = False, columns: int | None = None) -> str:
    """One aligned row per open follow-up, overdue first (the order of aggregate.follow_ups):

    OVERDUE  2026-11-02  thank-you   2026-11-01-acme-onsite  Acme — Backend engineer  (send ...)

    Within `columns` (a terminal's width) when given: a row too wide keeps its first
    columns on one line and puts the interview and what to do below it, wrapped; a file
    name is never cut (it moves to a line of its own if it must).
    """
    items = insights.follow_ups
    if not items:
        return "Nothing to follow up\n"
    rows = []
    for item in items:
        entry = insights.by_slug.get(item.entry)
        title = entry.title if entry is not None else ""
        rows.append((_when(item, insights), item.due.isoformat(), item.kind, item.entry, title))
    widths = [max(width(row[column]) for row in rows) for column in range(5)]
    widths[0] = max(widths[0], len("OVERDUE"))
    widths[2] = max(widths[2], len("reflection"))
    lines = []
    for row, item in zip(rows, items, strict=True):
        cells = [pad(cell, widths[column]) for column, cell in enumerate(row)]
        action = f"({_lowered(FOLLOW_UP_ACTIONS[item.kind])})"
        styled = cells[0]
        if row[0] != "due":
            styled = _style(cells[0], color, fg="red" if item.overdue else "yellow", bold=True)
        line = "  ".join(cells) + "  " + action
        if columns is None or width(line) <= columns:
            lines.append("  ".join([styled, *cells[1:]]) + "  " + action)
            continue
        indent = " " * (widths[0] + 2)
        head = "  ".join([styled, *cells[1:3]])
        slug_fits = width("  ".join([*cells[:3], row[3]])) <= columns
        lines.append(f"{head}  {row[3]}" if slug_fits else head.rstrip())
        if not slug_fits:
            lines.append(indent + row[3])  # a file name is never cut: it is opened next
        about = f"{row[4]}: {action[1:-1]}" if row[4] else action[1:-1]
        lines += textwrap.wrap(
            about,
            width=max(columns, len(indent) + 20),
            initial_indent=indent,
            subsequent_indent=indent,
        )
    return "\n".join(lines) + "\n"


def followups_json(insights: Insights) -> list[dict[str, object]]:
    return [
        {
            "entry": item.entry,
            "kind": item.kind,
            "due": item.due.isoformat(),
            "overdue": item.overdue,
        }
        for item in insights.follow_ups
    ]
