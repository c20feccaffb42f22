from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from generator.cli.common import config_option, resolve_today, today_option, use_color


def _config_path(config_file: Path | None) -> Path:
    path = config_file or Path("mkdocs.yml")
    if not path.is_file():
        raise click.UsageError(
            f"{path}: no such file; run debrief in a notebook folder, pass --config, "
            "or create one with 'debrief init PATH'"
        )
    return path


class _Progress:
    """A one-line counter on stderr, shown only when a build takes more than a moment."""

    def __init__(self, after: float = 2.0) -> None:
        self.start = time.perf_counter()
        self.after = after
        self.shown = False
        self.live = sys.stderr.isatty()

    def __call__(self, done: int, total: int) -> None:
        if not self.live or time.perf_counter() - self.start < self.after:
            return
        if done % 25 == 0 or done == total:
            click.echo(f"\rRendering pages: {done}/{total}", nl=False, err=True)
            self.shown = True

    def clear(self) -> None:
        if self.shown:
            click.echo("\r" + " " * 40 + "\r", nl=False, err=True)


def run_build(
    config_file: Path,
    *,
    audience: str = "owner",
    site_dir: str | None = None,
    strict: bool = False,
    today: date | None = None,
    setup: Callable[[Any], None] | None = None,
) -> tuple[Any, Any, float]:
    """Build the site with MkDocs in this process; return (config, plugin, seconds).

    `setup` is called with the debrief plugin before the build (the share edition
    hands it the key of a locked share that way: in memory, never in mkdocs.yml).

    Entry problems are printed in the PATH:LINE form and end the command with exit 1.
    """
    from mkdocs import exceptions
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from generator.cli.common import load_settings, report
    from generator.entry.diagnostics import summary
    from generator.plugin.plugin import ABORTED

    # The plugin's options, read as every other command reads them: a wrong one is
    # misuse (exit 2) with the same message, not MkDocs' configuration abort (exit 1).
    load_settings(config_file)

    counter = _WarningCounter(ABORTED)
    mkdocs_log = logging.getLogger("mkdocs")
    saved = (mkdocs_log.level, mkdocs_log.propagate)
    mkdocs_log.addHandler(counter)
    mkdocs_log.setLevel(logging.WARNING)
    mkdocs_log.propagate = False
    started = time.perf_counter()
    progress = _Progress()
    try:
        try:
            config = load_config(config_file=str(config_file), strict=strict)
        except exceptions.ConfigurationError as error:
            raise click.UsageError(f"{config_file}: {error}") from None
        except exceptions.Abort:  # MkDocs has shown what is wrong with it
            raise click.UsageError(f"{config_file}: configuration error (see above)") from None
        if site_dir is not None:
            config.site_dir = site_dir
        plugin = config.plugins.get("debrief")
        if plugin is None:
            raise click.UsageError(
                f"{config_file}: the 'debrief' plugin is not listed under plugins"
            )
        plugin.audience = audience
        plugin.strict = strict
        plugin.progress = progress
        plugin.today = today
        if setup is not None:
            setup(plugin)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        except exceptions.Abort as error:
            progress.clear()
            if plugin.diagnostics:
                report(plugin.diagnostics, err=True)
                line = summary(plugin.diagnostics, plugin.file_count)
                if not any(d.is_error for d in plugin.diagnostics):
                    line += "; --strict makes warnings fail, so nothing was built"
                raise click.ClickException(line) from None
            raise click.ClickException(str(error).strip() or "build failed") from None
        finally:
            config.plugins.on_shutdown()
    finally:
        mkdocs_log.removeHandler(counter)
        mkdocs_log.setLevel(saved[0])
        mkdocs_log.propagate = saved[1]
    progress.clear()
    if plugin.diagnostics:
        report(plugin.diagnostics, err=True)
    plugin.warnings = counter.count
    return config, plugin, time.perf_counter() - started


class _WarningCounter(logging.Handler):
    """Counts MkDocs' warnings and shows them; entry problems are shown once, as PATH:LINE."""

    def __init__(self, aborted: str) -> None:
        super().__init__(logging.WARNING)
        self.aborted = aborted
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if message.startswith(self.aborted):
            return  # the plugin's own stop: the CLI ends with the summary instead
        self.count += 1
        if not getattr(record, "debrief_diagnostic", False):
            word = "error" if record.levelno >= logging.ERROR else "warning"
            click.echo(f"mkdocs: {word}: {message}", err=True)


@click.command()
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@config_option
@today_option
def build(strict: bool, config_file: Path | None, today: datetime | None) -> None:
    """Build the notebook's site into site/ (or the site_dir of mkdocs.yml)."""
    path = _config_path(config_file)
    config, plugin, seconds = run_build(
        path, strict=strict, today=resolve_today(today) if today else None
    )
    warnings = plugin.warnings
    line = (
        f"Built {plugin.entry_count} {'entry' if plugin.entry_count == 1 else 'entries'} "
        f"into {plugin.page_count} pages in {_shown(config.site_dir)}: "
        f"{warnings} {'warning' if warnings == 1 else 'warnings'}, {seconds:.1f} s"
    )
    click.echo(click.style(line, fg="green") if use_color(sys.stderr) else line, err=True)


def _shown(site_dir: str) -> str:
    try:
        return os.path.relpath(site_dir) + "/"
    except ValueError:
        return site_dir


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
    path = _config_path(config_file)
    if today is not None:
        os.environ["DEBRIEF_TODAY"] = resolve_today(today).isoformat()
    from generator.cli.common import load_settings

    load_settings(path)  # a wrong plugin option: misuse, as in every command
    from mkdocs import exceptions
    from mkdocs.commands.serve import serve as mkdocs_serve

    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    # Rebuilds are incremental (see generator/incremental.py), which MkDocs warns about
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
