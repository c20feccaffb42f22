from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from generator.cli.common import config_option, read_checked, resolve_today, today_option


@click.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "csv", "markdown"]),
    default="json",
    show_default=True,
    help="json: everything; csv: the entries table; markdown: a docs tree for any engine.",
)
@click.option(
    "--audience",
    type=click.Choice(["owner", "share"]),
    default="owner",
    show_default=True,
    help="share: private entries and redacted fields left out.",
)
@click.argument("out_dir", required=False, type=click.Path(file_okay=False, path_type=Path))
@config_option
@today_option
def export(
    fmt: str,
    audience: str,
    out_dir: Path | None,
    config_file: Path | None,
    today: datetime | None,
) -> None:
    """Export the notebook: JSON or CSV on stdout, or Markdown into OUT_DIR."""
    # lazy: `debrief --help` imports none of this
    import json

    from generator.aggregate import aggregate
    from generator.render.data import to_csv, to_json
    from generator.share.audience import edition_for

    if fmt == "markdown" and out_dir is None:
        raise click.UsageError("--format markdown needs an OUT_DIR to write the docs tree into")
    if fmt != "markdown" and out_dir is not None:
        raise click.UsageError(f"--format {fmt} prints to stdout and takes no OUT_DIR")
    day = resolve_today(today)
    settings, notebook = read_checked(config_file, day)
    edition = edition_for(notebook.entries, audience, settings.share)  # type: ignore[arg-type]
    insights = aggregate(edition.entries, settings, day)
    if fmt == "json":
        click.echo(json.dumps(to_json(insights), indent=2, ensure_ascii=False))
    elif fmt == "csv":
        click.echo(to_csv(insights), nl=False)
    else:
        # lazy: `debrief --help` imports none of this
        from generator.export import ExportError, export_markdown

        assert out_dir is not None
        try:
            count = export_markdown(settings, edition, insights, out_dir, notebook.entries)
        except ExportError as error:
            raise click.UsageError(str(error)) from None
        click.echo(f"Wrote {count} pages and {out_dir / 'mkdocs.yml'}", err=True)
