from __future__ import annotations

import click


@click.command()
def build() -> None:
    """Not written yet."""
    raise click.ClickException("not written yet")


@click.command()
def serve() -> None:
    """Not written yet."""
    raise click.ClickException("not written yet")
