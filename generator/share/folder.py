"""The share's output folder: never someone else's.

A share is built into a new temporary folder next to its target, checked there,
and only then swapped in. The target is replaced only when it is absent, empty,
or an earlier share: a folder holding the marker file `debrief share` leaves in
every share it makes. Any other folder (one the owner keeps files in, given as
`share.site_dir: ../keep` by mistake) is refused before anything is built, and
again just before the swap, so that nothing of it is ever deleted.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import tempfile
from pathlib import Path

MARKER = ".debrief-share"
MARKER_TEXT = (
    "This folder is a share made by `debrief share`. The next share replaces it whole:\n"
    "keep nothing of your own here.\n"
)


class FolderRefused(Exception):
    """The target is not a share's folder: the message says why and what to do."""


def folder_problem(out: Path, shown: str) -> str | None:
    """Why the share may not replace `out`, or None when it may."""
    if out.is_symlink():
        return (
            f"{shown} is a symbolic link; a share replaces its folder whole, "
            "so give share.site_dir a real folder of its own, like site-share"
        )
    if not out.exists():
        return None
    if not out.is_dir():
        return (
            f"{shown} is a file, not a folder; move it, "
            "or give share.site_dir a folder of its own, like site-share"
        )
    if (out / MARKER).is_file():
        return None
    try:
        empty = next(out.iterdir(), None) is None
    except OSError as error:
        return f"{shown} cannot be read ({error.strerror})"
    if empty:
        return None
    return (
        f"{shown} already holds files that no share made (it has no {MARKER} file), "
        "and a share replaces its folder whole; nothing was changed. Move those files "
        "elsewhere, or give share.site_dir a folder of its own, like site-share"
    )


def temporary_folder(out: Path) -> Path:
    """A new, empty folder next to `out` (same file system: the swap is a rename)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".building", dir=out.parent))


def mark(built: Path) -> None:
    """Leave the marker that lets the next share replace this folder."""
    (built / MARKER).write_text(MARKER_TEXT, encoding="utf-8")


def swap_in(built: Path, out: Path, shown: str) -> None:
    """Put the share `built` in the place of `out` (absent, empty or an earlier share)."""
    problem = folder_problem(out, shown)  # again: it may have changed during the build
    if problem is not None:
        raise FolderRefused(problem)
    if not out.exists():
        os.rename(built, out)
        return
    old = out.with_name(f".{out.name}.{secrets.token_hex(4)}.old")
    os.rename(out, old)
    try:
        os.rename(built, out)
    except OSError:
        os.rename(old, out)
        raise
    shutil.rmtree(old, ignore_errors=True)


def discard(built: Path) -> None:
    """Remove a temporary folder this share made."""
    with contextlib.suppress(FileNotFoundError):
        shutil.rmtree(built)


def remove_share(out: Path) -> bool:
    """Remove an earlier share at `out` (only one with the marker); True when removed."""
    if out.is_symlink() or not (out / MARKER).is_file():
        return False
    shutil.rmtree(out, ignore_errors=True)
    return True
