from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from generator.cli.common import (
    config_option,
    read_checked,
    read_reviews,
    report,
    resolve_today,
    today_option,
)
from generator.render.words import plural

if TYPE_CHECKING:
    from generator.entry.read import Entry
    from generator.settings import Settings


@click.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "csv", "markdown", "anki"]),
    default="json",
    show_default=True,
    help="json: everything, every entry whole (a backup); csv: the entries table; "
    "markdown: a docs tree for any engine; anki: the practice cards as an Anki deck.",
)
@click.option(
    "--audience",
    type=click.Choice(["owner", "share"]),
    default="owner",
    show_default=True,
    help="share: private entries and redacted fields left out.",
)
@click.argument("out", required=False, type=click.Path(path_type=Path))
@config_option
@today_option
def export(
    fmt: str,
    audience: str,
    out: Path | None,
    config_file: Path | None,
    today: datetime | None,
) -> None:
    """Export the notebook: JSON or CSV on stdout, Markdown into the folder OUT, or the
    practice cards as an Anki deck into the file OUT (FILE.apkg)."""
    # lazy: `debrief --help` imports none of this
    import json

    from generator.aggregate import aggregate
    from generator.render.data import to_csv, to_json
    from generator.share.audience import edition_for

    if fmt == "markdown" and out is None:
        raise click.UsageError("--format markdown needs a folder OUT to write into")
    if fmt == "anki" and (out is None or out.is_dir()):
        raise click.UsageError("--format anki needs a FILE.apkg to write the deck into")
    if fmt in ("json", "csv") and out is not None:
        raise click.UsageError(f"--format {fmt} prints to stdout: no OUT")
    if fmt == "markdown" and out is not None and out.exists() and not out.is_dir():
        raise click.UsageError(f"{out} is a file: --format markdown writes into a folder")
    day = resolve_today(today)
    settings, notebook = read_checked(config_file, day)
    edition = edition_for(notebook.entries, audience, settings)  # type: ignore[arg-type]
    if fmt == "anki":
        assert out is not None
        _write_anki(edition.entries, edition.settings(settings), out)
        return
    insights = aggregate(edition.entries, edition.settings(settings), day)
    if fmt == "json":
        click.echo(json.dumps(to_json(insights), indent=2, ensure_ascii=False))
    elif fmt == "csv":
        click.echo(to_csv(insights), nl=False)
    else:
        # lazy: `debrief --help` imports none of this
        from generator.entry.diagnostics import Diagnostic
        from generator.export import ExportError, export_markdown

        assert out is not None
        try:
            skipped: list[Diagnostic] = []
            count = export_markdown(
                settings,
                edition,
                insights,
                out,
                skipped,
                reviews=read_reviews(settings) if audience == "owner" else (),
            )
        except ExportError as error:
            raise click.UsageError(str(error)) from None
        report(skipped, err=True)
        click.echo(f"Wrote {plural(count, 'page')} and {out / 'mkdocs.yml'}", err=True)


def _write_anki(entries: list[Entry], settings: Settings, out: Path) -> None:
    # lazy: `debrief --help` imports none of this (genanki alone takes ~70 ms)
    from generator.drill.anki import write_deck
    from generator.drill.cards import cards_of
    from generator.entry.names import Vocabulary

    cards = cards_of(entries, Vocabulary(settings.aliases), settings.reflect_after_days)
    try:
        write_deck(cards, settings.site_name, out)
    except OSError as error:
        raise click.ClickException(f"{out}: cannot write the deck: {error.strerror}") from None
    count = plural(len(cards), "card")
    click.echo(f"Wrote {count} to the deck '{settings.site_name}' in {out}", err=True)
