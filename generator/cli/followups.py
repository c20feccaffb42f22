"""`debrief followups`: what is still open after each interview, overdue first."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from generator.cli.common import config_option, read_checked, resolve_today, today_option, use_color


@click.command()
@click.option("--json", "as_json", is_flag=True, help="A JSON list: entry, kind, due, overdue.")
@config_option
@today_option
def followups(as_json: bool, config_file: Path | None, today: datetime | None) -> None:
    """The open follow-ups: thank-you notes to send, reflections due, feedback to chase.

    A thank-you note (that also asks for honest feedback) is due the day after
    the interview, a reflection with a clear mind after the cool-off, and
    feedback a week after the note; the delays are set in mkdocs.yml. Exits 1
    when an entry has errors.
    """
    # lazy: `debrief --help` imports none of this
    import json

    from generator.aggregate import aggregate
    from generator.render.terminal import followups_json, format_followups

    day = resolve_today(today)
    settings, notebook = read_checked(config_file, day)
    insights = aggregate(notebook.entries, settings, day)
    if as_json:
        click.echo(json.dumps(followups_json(insights), indent=2))
    else:
        color = use_color()
        click.echo(format_followups(insights, color=color), nl=False, color=color)
