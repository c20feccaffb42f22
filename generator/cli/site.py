"""Running MkDocs in this process for `debrief build` and `debrief share`.

Imports nothing heavy at module level: MkDocs and the plugin are imported when a
build runs, so that `debrief --help` stays instant.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import click

from generator.cli.common import load_settings, report

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

    from generator.plugin.run import BuildReport, RunOptions


def config_path(config_file: Path | None) -> Path:
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
    config_file: Path, options: RunOptions | None = None, *, site_dir: str | None = None
) -> tuple[MkDocsConfig, BuildReport, float]:
    """Build the site with MkDocs in this process; return (config, report, seconds).

    `options` go to the debrief plugin (the share edition hands it the key of a locked
    share that way: in memory, never in mkdocs.yml); its `strict` is MkDocs' too.

    Entry problems are printed in the PATH:LINE form and end the command with exit 1.
    """
    # lazy: `debrief --help` imports none of this
    from mkdocs import exceptions
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from generator.cli.warnings_count import WarningCounter
    from generator.plugin.plugin import ABORTED, DebriefPlugin
    from generator.plugin.run import RunOptions
    from generator.render.words import summary

    # The plugin's options, read as every other command reads them: a wrong one is
    # misuse (exit 2) with the same message, not MkDocs' configuration abort (exit 1).
    load_settings(config_file)
    counter = WarningCounter(ABORTED)
    mkdocs_log = counter.mkdocs_log()
    saved = (mkdocs_log.level, mkdocs_log.propagate)
    mkdocs_log.addHandler(counter)
    mkdocs_log.setLevel(counter.level)
    mkdocs_log.propagate = False
    started = time.perf_counter()
    progress = _Progress()
    options = replace(options or RunOptions(), progress=progress)
    try:
        try:
            config = load_config(config_file=str(config_file), strict=options.strict)
        except exceptions.ConfigurationError as error:
            raise click.UsageError(f"{config_file}: {error}") from None
        except exceptions.Abort:  # MkDocs has shown what is wrong with it
            raise click.UsageError(f"{config_file}: configuration error (see above)") from None
        if site_dir is not None:
            config.site_dir = site_dir
        plugin = config.plugins.get("debrief")
        if not isinstance(plugin, DebriefPlugin):
            raise click.UsageError(
                f"{config_file}: the 'debrief' plugin is not listed under plugins"
            )
        plugin.options = options
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        except exceptions.Abort as error:
            progress.clear()
            found = plugin.report
            if found.diagnostics:
                report(found.diagnostics, err=True)
                line = summary(found.diagnostics, found.file_count)
                if not any(d.is_error for d in found.diagnostics):
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
    if plugin.report.diagnostics:
        report(plugin.report.diagnostics, err=True)
    return config, replace(plugin.report, warnings=counter.count), time.perf_counter() - started


def shown_folder(path: str | Path) -> str:
    """A folder as the closing line names it: relative to the current one, with a slash."""
    try:
        return os.path.relpath(path) + "/"
    except ValueError:  # another drive, on Windows
        return str(path) + "/"
