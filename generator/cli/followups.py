from __future__ import annotations

import click


@click.command()
def followups() -> None:
    """Not written yet."""
    raise click.ClickException("not written yet")
