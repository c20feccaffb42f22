"""`debrief build` and `debrief serve`: the owner's site, built once or served live."""

from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path

import click

from generator.cli.common import (
    config_option,
    load_settings,
    resolve_today,
    today_option,
    use_color,
)
from generator.cli.site import config_path, run_build, shown_folder
from generator.render.words import plural


@click.command()
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@config_option
@today_option
def build(strict: bool, config_file: Path | None, today: datetime | None) -> None:
    """Build the notebook's site into site/ (or the site_dir of mkdocs.yml)."""
    from generator.plugin.run import RunOptions  # lazy: `--help` imports no MkDocs

    options = RunOptions(strict=strict, today=resolve_today(today) if today else None)
    config, built, seconds = run_build(config_path(config_file), options)
    line = (
        f"Built {plural(built.entry_count, 'entry', 'entries')} "
        f"into {plural(built.page_count, 'page')} in {shown_folder(config.site_dir)}: "
        f"{plural(built.warnings, 'warning')}, {seconds:.1f} s"
    )
    click.echo(click.style(line, fg="green") if use_color(sys.stderr) else line, err=True)


@click.command()
@click.option(
    "-a",
    "--dev-addr",
    metavar="<IP:PORT>",
    default=None,
    help="IP address and port to serve on (default: localhost:8000).",
)
@click.option("--open", "open_in_browser", is_flag=True, help="Open the site in a browser.")
@config_option
@today_option
def serve(
    dev_addr: str | None, open_in_browser: bool, config_file: Path | None, today: datetime | None
) -> None:
    """Serve the notebook with live reload; a broken entry shows as a banner, not a crash."""
    path = config_path(config_file)
    if today is not None:
        os.environ["DEBRIEF_TODAY"] = resolve_today(today).isoformat()
    load_settings(path)  # a wrong plugin option: misuse, as in every command
    # lazy: `debrief --help` imports none of this
    import logging

    from mkdocs import exceptions
    from mkdocs.commands.serve import serve as mkdocs_serve

    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    # Rebuilds are incremental (see generator/plugin/incremental.py), which MkDocs warns about
    # on every save as if navigation could go stale; here it cannot.
    handler.addFilter(lambda record: "'dirty' build" not in record.getMessage())
    logging.getLogger("mkdocs").addHandler(handler)
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    try:
        mkdocs_serve(
            config_file=str(path),
            dev_addr=dev_addr,
            open_in_browser=open_in_browser,
            build_type="dirty",
        )
    except exceptions.ConfigurationError as error:
        raise click.UsageError(f"{path}: {error}") from None
    except exceptions.Abort as error:
        raise click.ClickException(str(error)) from None
