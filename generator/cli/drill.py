"""`debrief drill`: practise the questions that went badly, a few minutes a day."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING

import click

from generator.cli.common import (
    config_option,
    read_checked,
    read_reviews,
    resolve_today,
    today_option,
)

if TYPE_CHECKING:
    from generator.drill.log import Review
    from generator.drill.schedule import Practice, Scheduled
    from generator.entry.read import Entry
    from generator.settings import Settings


@click.command()
@click.option("--due", "list_due", is_flag=True, help="List the due cards; no session.")
@click.option("--json", "as_json", is_flag=True, help="With --due: a JSON list.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many cards.")
@config_option
@today_option
def drill(
    list_due: bool,
    as_json: bool,
    limit: int | None,
    config_file: Path | None,
    today: datetime | None,
) -> None:
    """Practise the due cards: the questions rated 3 or less, or with a better answer.

    Each card shows its question; Enter shows the answer you would give next time,
    what you said, and the lessons; then grade it: 1 again, 2 hard, 3 good, 4 easy
    (q stops). Each grade is one line appended to the review log (practice.jsonl
    beside mkdocs.yml), and the next review is scheduled with FSRS. Without a
    terminal, the same lines are read from standard input.
    """
    # lazy: `debrief --help` imports none of this
    import json

    from generator.render import practice as text

    if as_json and not list_due:
        raise click.UsageError("--json goes with --due")
    day = resolve_today(today)
    settings, notebook = read_checked(config_file, day)
    reviews = read_reviews(settings)
    current = _practice(settings, notebook.entries, reviews, day)
    if list_due:
        if as_json:
            click.echo(json.dumps(text.due_json(current, limit), indent=2, ensure_ascii=False))
        else:
            click.echo(text.due_list(current, limit), nl=False)
        return
    if not current.due:
        click.echo(text.nothing_due(current), nl=False)
        return
    session = current.due[:limit]
    columns = shutil.get_terminal_size().columns if sys.stdout.isatty() else 80

    def grade(item: Scheduled, value: int) -> date:
        # lazy: as above
        from generator.drill.log import Review, append_review
        from generator.drill.schedule import schedule

        review = Review(item.card.id, value, _moment(day))
        try:
            append_review(settings.drill_log_path, review)
        except OSError as error:
            raise click.ClickException(
                f"{settings.drill.log}: cannot write the review log ({error.strerror});"
                " this grade is not recorded"
            ) from None
        reviews.append(review)
        return schedule([item.card], reviews, settings.drill.retention)[0].due

    try:
        done = run_session(session, sys.stdin, grade, day, columns, not sys.stdin.isatty())
    except KeyboardInterrupt:
        # Ctrl-C is a way to stop, like q: every grade given so far is in the log.
        click.echo("\nStopped.")
        return
    left = len(current.due) - done
    click.echo(
        f"\nReviewed {text.cards(done)}; {left} still due on {day.isoformat()}."
        if left
        else f"\nReviewed {text.cards(done)}; nothing left for {day.isoformat()}."
    )


def run_session(
    session: list[Scheduled],
    lines: IO[str],
    grade: Callable[[Scheduled, int], date],
    day: date,
    columns: int,
    echo_input: bool,
) -> int:
    """Show each card, reveal it on a line, record the grade on the next; the number of
    cards graded. Stops on q or at the end of input. `echo_input` writes each line read
    after its prompt, as a terminal would have shown it as it was typed."""
    from generator.render import practice as text  # lazy: `debrief --help` imports none

    done = 0
    for number, item in enumerate(session, start=1):
        click.echo(text.front(item, number, len(session)), nl=False)
        click.echo(text.INDENT + text.REVEAL_PROMPT, nl=False)
        answer = lines.readline()
        if echo_input:
            click.echo(answer.rstrip("\r\n"))
        if not answer or answer.strip().lower() == "q":
            return done
        click.echo(text.back(item, columns), nl=False)
        while True:
            click.echo(text.INDENT + text.GRADE_PROMPT, nl=False)
            answer = lines.readline()
            if echo_input:
                click.echo(answer.rstrip("\r\n"))
            choice = answer.strip().lower()
            if not answer or choice == "q":
                return done
            if choice in ("1", "2", "3", "4"):
                due = grade(item, int(choice))
                click.echo(text.next_due(int(choice), due, day), nl=False)
                done += 1
                break
            click.echo(f"{text.INDENT}Type 1, 2, 3 or 4, or q to stop.")
    return done


def _moment(day: date) -> datetime:
    """Now, in the local time zone, on `day` (the real today unless --today pins one)."""
    now = datetime.now().astimezone()
    return now.replace(year=day.year, month=day.month, day=day.day, microsecond=0)


def _practice(
    settings: Settings, entries: list[Entry], reviews: list[Review], day: date
) -> Practice:
    from generator.drill.schedule import practice_of  # lazy: `debrief --help` imports none

    return practice_of(entries, settings, reviews, day)
