"""`debrief new`: start an entry right after the interview, while it is fresh."""

from __future__ import annotations

import os
import sys
from datetime import date, datetime
from pathlib import Path

import click

from generator.cli.common import config_option, load_settings


def _terminal() -> tuple[bool, bool]:
    """Whether (stdin, stdout) are terminals: prompts need the first, an editor both."""
    return sys.stdin.isatty(), sys.stdout.isatty()


def _text(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if "\n" in value or "\r" in value:
        raise click.UsageError(f"{option} must be one line of text")
    return value or None


@click.command()
@click.option("--company", help="The company interviewed with.")
@click.option("--role", help="The role applied for.")
@click.option(
    "--date",
    "day",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="The day of the interview, YYYY-MM-DD (default: today).",
)
@click.option("--stage", help="recruiter-screen, technical, onsite, ...")
@click.option("--format", "interview_format", help="video, phone, in-person, take-home, ...")
@click.option("--no-edit", is_flag=True, help="Do not open $VISUAL / $EDITOR on the new entry.")
@config_option
def new(
    company: str | None,
    role: str | None,
    day: datetime | None,
    stage: str | None,
    interview_format: str | None,
    no_edit: bool,
    config_file: Path | None,
) -> None:
    """Create an entry whose comments ask for each part of the debrief.

    Step 1 of the method: write down the questions asked, what you answered,
    how the interviewer reacted and what you would do differently, while it is
    fresh. Without --company and --role, asks for them in a terminal. Opens
    $VISUAL or $EDITOR when both stdin and stdout are a terminal, and prints
    the path of the new file. Never overwrites: a second entry for the same
    day, company and stage gets '-2', a third '-3'.
    """
    # lazy: `debrief --help` imports none of this
    from generator.edit.atomic import create_new
    from generator.edit.capture import entry_stem, entry_template
    from generator.entry.read import entry_files

    company = _text(company, "--company")
    role = _text(role, "--role")
    stage = _text(stage, "--stage")
    interview_format = _text(interview_format, "--format")
    settings = load_settings(config_file)
    stdin_tty, stdout_tty = _terminal()
    interview_day: date = day.date() if day is not None else date.today()
    if company is None or role is None:
        if not stdin_tty:
            raise click.UsageError("--company and --role are required when not in a terminal")
        company = company or _ask("Company")
        role = role or _ask("Role")
        if day is None:
            interview_day = click.prompt(
                "Date",
                default=interview_day.isoformat(),
                type=click.DateTime(["%Y-%m-%d"]),
                err=True,
            ).date()
        stage = stage or _ask_optional("Stage (empty: none)")
        interview_format = interview_format or _ask_optional("Format (empty: none)")
    if interview_day > date.today():
        click.echo(
            f"warning: {interview_day} is in the future; a debrief is written after the interview",
            err=True,
        )
    folder = settings.entries_path
    taken = {path.stem for path in entry_files(folder)} if folder.is_dir() else set()
    text = entry_template(company, role, interview_day, stage, interview_format)
    try:
        path = create_new(folder, entry_stem(interview_day, company, stage), text.encode(), taken)
    except OSError as error:
        raise click.ClickException(f"{folder}: cannot create the entry: {error.strerror}") from None
    shown = _shown(path)
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if editor and not no_edit and stdin_tty and stdout_tty:
        try:
            click.edit(filename=str(path), editor=editor)
        except click.ClickException as error:
            raise click.ClickException(f"{error.message}; the entry is at {shown}") from None
    click.echo(shown)


# Prompts go to stderr, so that `$EDITOR "$(debrief new)"` gets nothing but the path.


def _ask(label: str) -> str:
    while True:
        value = _ask_optional(label)
        if value:
            return value
        click.echo(f"{label} is required.", err=True)


def _ask_optional(label: str) -> str | None:
    return _text(click.prompt(label, default="", show_default=False, err=True), label)


def _shown(path: Path) -> str:
    """The path relative to the current folder when it is below it, so it can be pasted."""
    try:
        return path.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)
