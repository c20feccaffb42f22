from __future__ import annotations

import click


@click.command()
def share() -> None:
    """Not written yet."""
    raise click.ClickException("not written yet")


@click.command()
def publish() -> None:
    """Not written yet."""
    raise click.ClickException("not written yet")
