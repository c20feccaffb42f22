"""The `debrief` group. Each command module imports only Click at import time."""

from __future__ import annotations

import click

from .. import __version__
from . import check, export, scaffold


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="debrief")
def cli() -> None:
    """Interview debriefs in, a browsable notebook out.

    Run the commands in a notebook folder (one with mkdocs.yml and entries/),
    or pass --config.
    """


cli.add_command(scaffold.init)
cli.add_command(check.check)
cli.add_command(check.schema)
cli.add_command(export.export)
