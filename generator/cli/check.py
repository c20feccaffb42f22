from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from generator.cli.common import (
    config_option,
    load_settings,
    read,
    report,
    resolve_today,
    today_option,
)


@click.command()
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@config_option
@today_option
def check(strict: bool, config_file: Path | None, today: datetime | None) -> None:
    """Check every entry and report each problem as PATH:LINE.

    Exits 0 when there are no errors, 1 with errors (or with warnings under
    --strict), 2 on misuse.
    """
    # lazy: `debrief --help` imports none of this
    import atexit
    import gc

    from generator.entry.read import cycle_collector_paused
    from generator.render.words import summary

    # One pass over acyclic data: the cycle collector would only scan the growing heap of
    # parsed entries again and again (a sixth of the time at 10,000 entries). Reading
    # pauses it; this keeps it paused for the whole-notebook checks after it too.
    with cycle_collector_paused():
        settings = load_settings(config_file)
        notebook = read(settings, resolve_today(today))
        # What was read lives until the process ends, yet re-enabling the collector would
        # scan all of it once more, and the interpreter's exit a last time: 0.3 s of CPU at
        # 10,000 entries. Frozen, it is left out of both; unfrozen after the report, so
        # that a caller in the same process (the tests) keeps its collector as it was.
        gc.freeze()
        atexit.unregister(gc.freeze)
        atexit.register(gc.freeze)
    try:
        report(notebook.diagnostics)
        warnings = len(notebook.diagnostics) - len(notebook.errors)
        line = summary(notebook.diagnostics, notebook.file_count)
        if strict and warnings and not notebook.errors:
            line += " (--strict: warnings fail)"
        click.echo(line)
    finally:
        gc.unfreeze()
    if notebook.errors or (strict and warnings):
        raise SystemExit(1)


@click.command()
def schema() -> None:
    """Print the JSON Schema of an entry's front matter, for editors."""
    # lazy: `debrief --help` imports none of this
    import json

    from generator.entry.models import json_schema

    click.echo(json.dumps(json_schema(), indent=2))
