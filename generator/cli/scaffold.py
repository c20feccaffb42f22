from __future__ import annotations

from pathlib import Path

import click


@click.command()
@click.argument("path", type=click.Path(file_okay=False, path_type=Path))
def init(path: Path) -> None:
    """Create a new, empty notebook in PATH, with an example entry to copy.

    The example is entries/_example.md: a file whose name starts with `_` (or `.`)
    is not an entry, so it never counts as an interview, in the site, stats or a share.
    """
    # lazy: `debrief --help` imports none of this
    from importlib.resources import files

    if path.exists() and any(path.iterdir()):
        raise click.UsageError(f"{path} is not empty; give a new or empty folder")
    scaffold = files("generator") / "scaffold"
    targets = {
        "mkdocs.yml": "mkdocs.yml",
        "notebook/index.md": "notebook/index.md",
        "entries/_example.md": "entries/_example.md",
        "gitignore": ".gitignore",
    }
    for source, target in targets.items():
        destination = path / target
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes(scaffold.joinpath(source).read_bytes())
    click.echo(f"Created a notebook in {path}")
    click.echo(f"Next: cd {path} && debrief new, then debrief serve")
