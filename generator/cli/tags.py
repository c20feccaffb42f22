"""`debrief tags`: the names of weak spots and strengths, listed and renamed in place."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from generator.cli.common import config_option, load_settings, read_checked, report
from generator.render.words import plural

if TYPE_CHECKING:
    from generator.entry.diagnostics import Diagnostic


@click.group()
def tags() -> None:
    """List the weak spots and strengths, and rename or merge them in every entry."""


@tags.command("list")
@config_option
def list_names(config_file: Path | None) -> None:
    """Every weak spot and strength: in how many entries, and the spellings in use.

    Spellings are grouped by their normal form and the notebook's aliases, so
    'System Design' and 'system_design' show up as one name.
    """
    # lazy: `debrief --help` imports none of this
    from collections import Counter

    from generator.entry.names import Vocabulary
    from generator.render.terminal import name_column, pad

    settings, notebook = read_checked(config_file, None)
    vocabulary = Vocabulary(settings.aliases)
    sections = []
    for field, title in (("weak_spots", "Weak spots"), ("strengths", "Strengths")):
        entries: Counter[str] = Counter()
        spellings: dict[str, Counter[str]] = {}
        for entry in notebook.entries:
            raw_names = getattr(entry.meta, field)
            for raw in raw_names:
                name = vocabulary.canonical(raw)
                if name:
                    spellings.setdefault(name, Counter())[raw] += 1
            entries.update(vocabulary.canonical_list(raw_names))
        if not entries:
            continue
        rows = sorted(entries.items(), key=lambda item: (-item[1], item[0]))
        name_width = name_column(name for name, _ in rows)
        count_width = max(len(str(n)) for _, n in rows)
        lines = [title]
        for name, count in rows:
            used = sorted(spellings[name].items(), key=lambda item: (-item[1], item[0]))
            shown = ", ".join(
                spelling if len(used) == 1 else f"{spelling} ({n})" for spelling, n in used
            )
            lines.append(f"  {pad(name, name_width)}  {count:>{count_width}}  {shown}")
        sections.append("\n".join(lines))
    if not sections:
        click.echo("No weak spots or strengths written down yet.")
        return
    click.echo("\n\n".join(sections))


@tags.command()
@click.argument("old")
@click.argument("new")
@click.option("--dry-run", is_flag=True, help="Print the changes as a diff; write nothing.")
@config_option
def rename(old: str, new: str, dry_run: bool, config_file: Path | None) -> None:
    """Rename OLD to NEW in every entry.

    Under weak_spots and strengths, and in a lesson's about and a question's topic,
    which name weak spots too.

    Every spelling of OLD is matched ('System Design' matches 'system_design';
    aliases do not apply). Only the name changes: comments, quotes, list style,
    line endings and the body stay byte for byte. A list that would then hold NEW
    twice keeps it once, and the command says which item it took out.
    """
    _retag(config_file, [old], new, dry_run, verb="rename", what=f"'{old}' to")


@tags.command()
@click.argument("names", nargs=-1, required=True)
@click.option("--dry-run", is_flag=True, help="Print the changes as a diff; write nothing.")
@config_option
def merge(names: tuple[str, ...], dry_run: bool, config_file: Path | None) -> None:
    """Merge NAMES into the last one.

    \b
      debrief tags merge sql databases data-modeling

    Like rename, for several names at once. A list that had two of them keeps the
    target once: the command takes out the duplicate it would create, and says so.
    """
    if len(names) < 2:
        raise click.UsageError("give the names to merge, then the name to merge them into")
    *sources, target = names
    quoted = ", ".join(f"'{name}'" for name in sources)
    _retag(config_file, sources, target, dry_run, verb="merge", what=f"{quoted} into")


def _retag(
    config_file: Path | None,
    old_names: list[str],
    new: str,
    dry_run: bool,
    *,
    verb: str,
    what: str,
) -> None:
    # lazy: `debrief --help` imports none of this
    from generator.edit.atomic import WriteRefused, snapshot
    from generator.edit.retag import RetagError, retag, unified_diff
    from generator.entry.diagnostics import Diagnostic
    from generator.entry.names import normalize_name
    from generator.entry.read import entry_files

    new = new.strip()
    if "\n" in new or "\r" in new or not normalize_name(new):
        raise click.UsageError(f"the new name must be one line of text, got {new!r}")
    for old in old_names:
        if not normalize_name(old):
            raise click.UsageError(f"not a name: {old!r}")
    settings = load_settings(config_file)
    folder = settings.entries_path
    if not folder.is_dir():
        raise click.UsageError(f"no entries folder: {folder}")
    problems: list[Diagnostic] = []
    entries = places = found = 0
    for path in entry_files(folder):
        if path.is_dir():
            continue  # a folder named like an entry: `debrief check` says so
        rel = (
            path.relative_to(settings.root).as_posix()
            if path.is_relative_to(settings.root)
            else str(path)
        )
        try:
            with snapshot(path) as entry:
                result = retag(entry.data, old_names, new)
                found += result.found
                if not result.changed:
                    continue
                if dry_run:
                    click.echo(unified_diff(rel, entry.data, result.data), nl=False)
                else:
                    entry.replace(result.data)
        except OSError as error:
            problems.append(Diagnostic(rel, None, "error", f"cannot rewrite: {error.strerror}"))
            continue
        except RetagError as error:
            problems.append(Diagnostic(rel, error.line, "error", error.message, error.hint))
            continue
        except WriteRefused as refused:
            problems.append(Diagnostic(rel, None, "error", refused.message, refused.hint))
            continue
        for item in result.removed:
            click.echo(
                f"{rel}:{item.line}: {item.field} would list '{new}' twice: "
                f"{'would take' if dry_run else 'took'} out {item.old}"
            )
        entries += 1
        places += len(result.changes) + len(result.removed)
    report(problems, err=True)
    done = f"{what} '{new}' in {plural(entries, 'entry', 'entries')} ({plural(places, 'place')})"
    if dry_run:
        click.echo(f"Would {verb} {done}; nothing written")
    elif places:
        click.echo(f"{verb.capitalize()}d {done}")
    if problems:
        files = plural(len(problems), "file")
        raise click.ClickException(f"{files} left untouched: see the errors above")
    if not found:
        raise click.ClickException(
            f"no entry lists {' or '.join(repr(o) for o in old_names)} under weak_spots, "
            "strengths, a lesson's about or a question's topic (see 'debrief tags list')"
        )
    if not places and not dry_run:
        click.echo(f"Nothing to change: every entry already writes it as '{new}'")
