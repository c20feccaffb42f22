"""Counting MkDocs' warnings during a build run by the CLI, and showing them.

Apart from cli/site.py so that `debrief --help` does not import `logging` (it is
imported when a build runs).
"""

from __future__ import annotations

import logging

import click


class WarningCounter(logging.Handler):
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

    @staticmethod
    def mkdocs_log() -> logging.Logger:
        return logging.getLogger("mkdocs")
