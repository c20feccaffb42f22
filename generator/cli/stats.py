"""`debrief stats`: the notebook in a few lines of terminal."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from generator.cli.common import (
    config_option,
    read_checked,
    read_reviews,
    resolve_today,
    today_option,
    use_color,
)


@click.command()
@click.option(
    "--last",
    type=click.IntRange(min=1),
    default=10,
    show_default=True,
    help="How many of the latest feelings to draw.",
)
@config_option
@today_option
def stats(last: int, config_file: Path | None, today: datetime | None) -> None:
    """Entries by outcome and stage, how interviews felt, the cards due, the top weak spots."""
    # lazy: `debrief --help` imports none of this
    from generator.aggregate import aggregate
    from generator.drill.schedule import practice_of
    from generator.render.terminal import format_stats

    day = resolve_today(today)
    settings, notebook = read_checked(config_file, day)
    insights = aggregate(notebook.entries, settings, day)
    practice = practice_of(notebook.entries, settings, read_reviews(settings), day)
    color = use_color()
    text = format_stats(insights, color=color, last=last, practice=practice)
    click.echo(text, nl=False, color=color)
