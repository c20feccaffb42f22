"""Which files next to the entries a share copies: only those a shared entry shows."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote

from generator.entry.read import Entry
from generator.share.clean import link_targets

_NOT_A_FILE = re.compile(r"^([a-z][a-z0-9+.-]*:|/|#)", re.IGNORECASE)


def referenced(entry: Entry, entries_dir: str) -> set[str]:
    """The docs paths (entries/...) of the files an entry's body links to or shows."""
    prefix = posixpath.normpath(entries_dir) + "/"
    inside = entry.path[len(prefix) :] if entry.path.startswith(prefix) else entry.path
    folder = posixpath.dirname(inside)
    found: set[str] = set()
    for start, end in link_targets(entry.body):
        target = entry.body[start:end]
        if _NOT_A_FILE.match(target):
            continue
        path = unquote(target.split("#", 1)[0].split("?", 1)[0])
        if path:
            found.add(posixpath.normpath(posixpath.join("entries", folder, path)))
    return found


def shared_attachments(
    entries: list[Entry],
    found: list[tuple[Path, str]],
    entries_dir: str,
    rename: Callable[[str], str] = lambda path: path,
) -> list[tuple[Path, str]]:
    """The (source, docs path) pairs of `found` that a shared entry refers to, renamed
    as the share names them (anonymized company names leave file names too)."""
    wanted: set[str] = set()
    for entry in entries:
        wanted |= referenced(entry, entries_dir)
    renamed = [(source, rename(target)) for source, target in found]
    return [(source, target) for source, target in renamed if target in wanted]
