"""Options and helpers shared by the commands. Imports nothing heavy at module level."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from generator.drill.log import Review
    from generator.entry.diagnostics import Diagnostic
    from generator.entry.read import Notebook
    from generator.settings import Settings

F = TypeVar("F", bound=Callable[..., Any])


def config_option(func: F) -> F:
    return click.option(
        "-f",
        "--config",
        "config_file",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="The notebook's mkdocs.yml (default: ./mkdocs.yml).",
    )(func)


def today_option(func: F) -> F:
    return click.option(
        "--today",
        type=click.DateTime(formats=["%Y-%m-%d"]),
        default=None,
        help="Take this day (YYYY-MM-DD) as today.",
    )(func)


def resolve_today(value: datetime | None) -> date:
    """--today, else DEBRIEF_TODAY (as the plugin reads it), else the real today."""
    # lazy: `debrief --help` imports none of this
    from generator.settings import today

    if value is not None:
        return value.date()
    try:
        return today()
    except ValueError as error:
        raise click.UsageError(str(error)) from None


def use_color(stream: Any = None) -> bool:
    """Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    stream = stream or sys.stdout
    return bool(getattr(stream, "isatty", lambda: False)())


def terminal_columns(stream: Any = None) -> int | None:
    """The width to fit text to: COLUMNS when set, else the terminal's; None for a pipe or
    a file, which get whole lines (a script reads them, nothing wraps them)."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    stream = stream or sys.stdout
    if not getattr(stream, "isatty", lambda: False)():
        return None
    return shutil.get_terminal_size().columns


def load_settings(config_file: Path | None) -> Settings:
    """The notebook's settings; a missing or broken mkdocs.yml is misuse (exit 2)."""
    # lazy: `debrief --help` imports none of this
    from generator.config import ConfigError
    from generator.config import load_settings as load

    try:
        return load(config_file or Path("mkdocs.yml"))
    except ConfigError as error:
        raise click.UsageError(str(error)) from None


def read(settings: Settings, today: date | None = None) -> Notebook:
    # lazy: `debrief --help` imports none of this
    from generator.entry.names import Vocabulary
    from generator.entry.read import read_notebook

    entries_dir = settings.entries_path
    if not entries_dir.is_dir():
        raise click.UsageError(
            f"no entries folder: {entries_dir} (set 'entries_dir' under the debrief plugin)"
        )
    return read_notebook(
        entries_dir, settings.root, vocabulary=Vocabulary(settings.aliases), today=today
    )


def report(diagnostics: list[Diagnostic], *, err: bool = False) -> None:
    # lazy: `debrief --help` imports none of this
    from generator.entry.diagnostics import sort_key

    color = use_color(sys.stderr if err else sys.stdout)
    for diagnostic in sorted(diagnostics, key=sort_key):
        text = diagnostic.format()
        if color:
            word = f"{diagnostic.severity}:"
            shade = "red" if diagnostic.is_error else "yellow"
            text = text.replace(word, click.style(word, fg=shade, bold=True), 1)
        click.echo(text, err=err, color=color)


def read_checked(
    config_file: Path | None, today: date | None, *, strict: bool = False
) -> tuple[Settings, Notebook]:
    """Settings and entries; print every problem on stderr and fail (exit 1) on errors."""
    settings = load_settings(config_file)
    notebook = read(settings, today)
    if notebook.diagnostics:
        report(notebook.diagnostics, err=True)
    errors = len(notebook.errors)
    warnings = len(notebook.diagnostics) - errors
    if errors or (strict and warnings):
        # lazy: `debrief --help` imports none of this
        from generator.render.words import summary

        raise click.ClickException(summary(notebook.diagnostics, notebook.file_count))
    return settings, notebook


def read_reviews(settings: Settings) -> list[Review]:
    """The review log; each line that is not a review is a warning on stderr."""
    from generator.drill.log import read_log  # lazy: `debrief --help` imports none of this

    reviews, problems = read_log(settings.drill_log_path, settings.drill.log)
    if problems:
        report(problems, err=True)
    return reviews
