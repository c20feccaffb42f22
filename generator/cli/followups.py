"""`debrief followups`: what is still open after each interview, overdue first."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from generator.cli.common import (
    config_option,
    read_checked,
    resolve_today,
    terminal_columns,
    today_option,
    use_color,
)
from generator.render.words import plural


@click.command()
@click.option("--json", "as_json", is_flag=True, help="A JSON list: entry, kind, due, overdue.")
@click.option(
    "--ics",
    "ics",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write them to this iCalendar file: an all-day event each, on its due day.",
)
@config_option
@today_option
def followups(
    as_json: bool, ics: Path | None, config_file: Path | None, today: datetime | None
) -> None:
    """The open follow-ups: thank-you notes to send, reflections due, feedback to chase.

    A thank-you note (that also asks for honest feedback) is due the day after
    the interview, a reflection with a clear mind after the cool-off, and
    feedback a week after the note, until feedback comes, `feedback: {none:
    true}` says none will, or 21 days pass ("no answer"); the delays are set in
    mkdocs.yml. Exits 1 when an entry has errors.

    --ics FILE writes the same follow-ups as a calendar to import or subscribe to;
    each keeps its identity across runs, so a calendar updates it in place.
    """
    # lazy: `debrief --help` imports none of this
    import json

    from generator.aggregate import aggregate
    from generator.edit.atomic import replace_atomically
    from generator.render.calendar import follow_ups_calendar
    from generator.render.terminal import followups_json, format_followups

    day = resolve_today(today)
    settings, notebook = read_checked(config_file, day)
    insights = aggregate(notebook.entries, settings, day)
    if ics is not None:
        try:
            replace_atomically(ics, follow_ups_calendar(insights))
        except OSError as error:
            raise click.ClickException(f"cannot write {ics}: {error.strerror}") from None
        count = plural(len(insights.follow_ups), "follow-up")
        click.echo(f"Wrote {count} to {ics}", err=True)
    if as_json:
        click.echo(json.dumps(followups_json(insights), indent=2))
    else:
        color = use_color()
        text = format_followups(insights, color=color, columns=terminal_columns())
        click.echo(text, nl=False, color=color)
