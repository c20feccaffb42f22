"""The `debrief` group. Each command module imports only Click at import time."""

from __future__ import annotations

import click

from generator import __version__
from generator.cli import (
    build,
    check,
    drill,
    export,
    followups,
    new,
    prep,
    scaffold,
    share,
    stats,
    tags,
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="debrief")
def cli() -> None:
    """Interview debriefs in, a browsable notebook out.

    Run the commands in a notebook folder (one with mkdocs.yml and entries/),
    or pass --config.
    """


for command in (
    scaffold.init,
    new.new,
    check.check,
    check.schema,
    build.build,
    build.serve,
    followups.followups,
    prep.prep,
    drill.drill,
    stats.stats,
    tags.tags,
    export.export,
    share.share,
    share.publish,
):
    cli.add_command(command)
