"""`debrief prep`: the one page to read before the next interview."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import click

from generator.cli.common import config_option, read_checked, resolve_today, today_option


@click.command()
@click.option("--company", help="Earlier interviews with this company.")
@click.option("--role", help="Earlier interviews for a role containing this text.")
@click.option("--stage", help="Earlier interviews at this stage.")
@click.option("--topic", help="Earlier questions on this topic (struggled ones too).")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    default=None,
    help="Write the brief to this file instead of printing it.",
)
@config_option
@today_option
def prep(
    company: str | None,
    role: str | None,
    stage: str | None,
    topic: str | None,
    out: Path | None,
    config_file: Path | None,
    today: datetime | None,
) -> None:
    """A Markdown brief: open recurring weak spots with their lessons, the questions
    you struggled with and the better answers, and the earlier interviews with the
    same company (or role, stage, topic).

    Step 5 of the method: carry the lessons into the next process.
    """
    # lazy: `debrief --help` imports none of this
    from generator.aggregate import aggregate
    from generator.edit.atomic import replace_atomically
    from generator.render.escape import plain_text
    from generator.render.prep import company_suggestion, prep_brief

    day = resolve_today(today)
    settings, notebook = read_checked(config_file, day)
    insights = aggregate(notebook.entries, settings, day)
    text = prep_brief(insights, company=company, role=role, stage=stage, topic=topic)
    suggestion = company_suggestion(insights, company) if company else None
    if suggestion is not None:
        click.echo(
            f"note: no earlier interview with '{company}'; did you mean '{suggestion}'?",
            err=True,
        )
    if out is None:
        if sys.stdout.isatty():  # a person reads it: no Markdown escapes (a pipe gets them)
            text = plain_text(text)
        click.echo(text, nl=False)
        return
    try:
        replace_atomically(out, text.encode("utf-8"))
    except OSError as error:
        raise click.ClickException(f"{out}: cannot write: {error.strerror}") from None
    click.echo(f"Wrote {out}", err=True)
