"""Read a file of the notebook only when it is one: a link may be broken or loop, a name
may be a folder or a named pipe, and a file may be unreadable or gone a moment later.

Each case is a `PATH: error|warning:` for a person, never a traceback, and never a hang:
a named pipe is opened without waiting for a writer and refused, as a read would block
for ever.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from generator.entry.diagnostics import Diagnostic, Severity

_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
)


class Unreadable(Exception):
    """Why a path cannot be read as a file, worded for a person."""

    def __init__(self, severity: Severity, message: str, hint: str | None) -> None:
        super().__init__(message)
        self.severity: Severity = severity
        self.message = message
        self.hint = hint

    def diagnostic(self, rel: str) -> Diagnostic:
        return Diagnostic(rel, None, self.severity, self.message, self.hint)


def open_problem(path: Path, error: OSError) -> Unreadable:
    """Why `path` could not be opened, worded for a person."""
    if error.errno == errno.ELOOP:
        return Unreadable(
            "error",
            "symbolic link loop: following the link leads back to it",
            "remove the link, or point it at a file",
        )
    if error.errno == errno.ENOENT and path.is_symlink():
        try:
            target = os.readlink(path)
        except OSError:  # pragma: no cover - removed while we looked
            target = "?"
        return Unreadable(
            "error",
            f"broken symbolic link: its target {target} does not exist",
            "restore the file it points to, or remove the link",
        )
    if error.errno in (errno.EACCES, errno.EPERM):
        return Unreadable(
            "error",
            "cannot read file: permission denied",
            f"give yourself read permission: chmod u+r {path.name}",
        )
    return Unreadable("error", f"cannot read file: {error.strerror or error}", None)


def _refuse_kind(mode: int) -> Unreadable | None:
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return Unreadable(
            "warning",
            "a folder named like an entry: it is not read as one",
            "an entry is a file; rename the folder without '.md' (the files in it are read)",
        )
    kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
    return Unreadable("error", f"not a file but {kind}", "remove it, or replace it with a file")


def read_regular(path: Path) -> bytes:
    """The bytes of `path`; raise Unreadable when it is not a readable regular file."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:
        raise open_problem(path, error) from None
    problem = _refuse_kind(os.fstat(fd).st_mode)
    if problem is not None:
        os.close(fd)
        raise problem
    with os.fdopen(fd, "rb") as file:
        try:
            return file.read()
        except OSError as error:
            raise Unreadable("error", f"cannot read file: {error.strerror}", None) from None


def readable_problem(path: Path) -> Unreadable | None:
    """Why `path` cannot be copied as a file, or None: opened and closed, not read."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:
        return open_problem(path, error)
    try:
        return _refuse_kind(os.fstat(fd).st_mode)
    finally:
        os.close(fd)


def relative(path: Path, root: Path) -> str:
    """How messages name a file: from the notebook's folder, with '/'."""
    # Cut as text when the root's text and a separator start the path's (every entry, by
    # the thousand): pathlib's relative_to parses both paths again, twice with the test.
    text, start = str(path), str(root)
    if text.startswith(start) and text[len(start) : len(start) + 1] == os.sep:
        return text[len(start) + 1 :].replace(os.sep, "/")
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
