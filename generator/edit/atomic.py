"""The one way this project writes files: all at once, and never over someone else's edit.

A rewritten entry goes to a temporary file in its own folder (flushed and fsynced), which
then takes the entry's name with `os.replace`: a rename on one file system, so a reader
sees the old file or the new one, never a mix. A new entry takes its name with a hard
link, which fails if the name exists: no entry is ever overwritten.

An entry may be open in an editor, or appended to by another program, while `debrief
tags rename` rewrites it. So the file is compared with what was read immediately before
the rename (bytes and identity); a file that changed is left as it is and reported. A
program that opened the file before the rename could still write to it after, into a file
without a name: on Linux a read lease held from the comparison to the rename says whether
one did (the file is then put back and reported); elsewhere the file read is looked at
again after the rename and what was appended is carried over. Nothing is lost.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
import tempfile
import time
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from generator.entry.files import open_problem

fcntl: ModuleType | None
try:
    import fcntl
except ImportError:  # pragma: no cover - not on Windows: no leases there
    fcntl = None


class WriteRefused(Exception):
    """The file was left as it is; `message` and `hint` say why and what to do."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


SETTLE = 0.01  # seconds: see Snapshot._keep_late_writes

CHANGED = WriteRefused(
    "changed by another program while it was being rewritten: left as it is",
    "save it in your editor (or wait for the other program), then run the command again",
)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _temporary(folder: Path, name: str, data: bytes, mode: int | None) -> str:
    """A hidden, fsynced copy of `data` in `folder`, with `mode` (else the umask's)."""
    descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, mode if mode is not None else 0o666 & ~_umask())
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    return temporary


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (a crash right after keeps the new name)."""
    with contextlib.suppress(OSError):  # some file systems cannot open a folder
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def replace_atomically(path: Path, data: bytes) -> None:
    """Replace (or create) `path` with `data` all at once, keeping an existing file's mode.

    For files the notebook owns (a prep brief); an entry is rewritten with `Snapshot`.
    """
    path = Path(os.path.realpath(path))  # through a symlink: replace the file, keep the link
    try:
        mode: int | None = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = None
    temporary = _temporary(path.parent, path.name, data, mode)
    try:
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    _sync_folder(path.parent)


def create_new(folder: Path, stem: str, data: bytes, taken: Collection[str] = ()) -> Path:
    """Write `data` to `folder/stem.md`, or `stem-2.md`, `stem-3.md`... whichever is free.

    Never overwrites: the temporary file is hard-linked to the final name (a link fails
    if the name exists, atomically), so no one ever sees a half-written entry. Where hard
    links are not supported, O_CREAT|O_EXCL does the same without the all-or-nothing
    content. `taken` are stems used elsewhere in the notebook (a page name must be unique).
    """
    folder.mkdir(parents=True, exist_ok=True)
    temporary = _temporary(folder, stem, data, None)
    try:
        number = 1
        while True:
            name = stem if number == 1 else f"{stem}-{number}"
            number += 1
            if name in taken:
                continue
            target = folder / f"{name}.md"
            try:
                os.link(temporary, target)
            except FileExistsError:
                continue
            except OSError:
                try:
                    _write_exclusive(target, data)
                except FileExistsError:
                    continue
            _sync_folder(folder)
            return target
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def _write_exclusive(path: Path, data: bytes) -> None:
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    with os.fdopen(descriptor, "wb") as file:
        file.write(data)


class _Lease:
    """A Linux read lease on the file read: the kernel grants it only while nobody has the
    file open for writing, and a program that opens it for writing meanwhile waits until
    the lease is let go, which shows as a broken lease. So a rename made under the lease
    either met no writer, or knows it met one and puts the file back: a write in flight
    cannot land in the old file after it lost its name. Elsewhere (another system, a
    network file system) there is no lease and `_keep_late_writes` does what it can.
    """

    def __init__(self, descriptor: int) -> None:
        self.descriptor = descriptor

    @classmethod
    def take(cls, descriptor: int) -> _Lease | None:
        """A held lease, or None where there are none; CHANGED while someone has the
        file open to write (an editor that keeps it open writes to it)."""
        if fcntl is None or not hasattr(fcntl, "F_SETLEASE"):
            return None
        try:
            # Told by SIGURG, which is ignored unless handled: the default, SIGIO, would
            # end the process.
            fcntl.fcntl(descriptor, fcntl.F_SETSIG, signal.SIGURG)
            fcntl.fcntl(descriptor, fcntl.F_SETLEASE, fcntl.F_RDLCK)
        except OSError as error:
            if error.errno == errno.EAGAIN:
                raise CHANGED from None
            return None
        return cls(descriptor)

    def broken(self) -> bool:
        assert fcntl is not None  # a lease exists only where fcntl does
        return bool(fcntl.fcntl(self.descriptor, fcntl.F_GETLEASE) != fcntl.F_RDLCK)

    def release(self) -> None:
        assert fcntl is not None
        with contextlib.suppress(OSError):
            fcntl.fcntl(self.descriptor, fcntl.F_SETLEASE, fcntl.F_UNLCK)


@dataclass
class Snapshot:
    """An entry as read, kept open until it is replaced: see the module's docstring."""

    path: Path  # the real file (a symlink is followed: the link stays)
    data: bytes
    descriptor: int

    def _now(self) -> bytes:
        """What the file read holds now (the same file, even once it lost its name)."""
        size = os.fstat(self.descriptor).st_size
        return os.pread(self.descriptor, size + 1, 0)

    def _same_file(self) -> bool:
        try:
            named = os.stat(self.path)
        except OSError:
            return False
        held = os.fstat(self.descriptor)
        return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)

    def replace(self, data: bytes) -> None:
        """Put `data` in place of the file, unless it changed since it was read or it is
        read-only; raise WriteRefused then, leaving it as it is."""
        mode = os.fstat(self.descriptor).st_mode
        # Checked on the bits themselves: root may write to any file, but a file
        # without a write bit was made read-only by its owner on purpose.
        if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
            raise WriteRefused(
                "read-only (no write permission): left as it is",
                f"to change it, make it writable (chmod u+w {self.path.name}) and run the"
                " command again",
            )
        temporary = _temporary(self.path.parent, self.path.name, data, stat.S_IMODE(mode))
        before = f"{temporary}.before"
        lease: _Lease | None = None
        try:
            lease = _Lease.take(self.descriptor)
            if not self._same_file() or self._now() != self.data:
                raise CHANGED
            if lease is not None:
                try:
                    os.link(self.path, before)  # a name for the file read, to put it back
                except OSError:  # no hard links here: as without a lease
                    lease.release()
                    lease = None
            if lease is None:
                os.replace(temporary, self.path)
            else:
                if lease.broken():
                    raise CHANGED
                os.replace(temporary, self.path)
                if lease.broken():  # a writer opened it as it lost its name: it waits for us
                    os.replace(before, self.path)
                    raise CHANGED
        finally:
            if lease is not None:
                lease.release()
            for leftover in (temporary, before):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(leftover)
        _sync_folder(self.path.parent)
        if lease is None:
            self._keep_late_writes(mode)

    def _keep_late_writes(self, mode: int) -> None:
        """Another program wrote to the old file after the comparison: a writer that opened
        it before the rename still writes there. Looked at right away, then once more after
        a moment (`SETTLE`, longer than such a write takes), so a write in flight lands."""
        seen = self.data
        for pause in (0.0, SETTLE):
            time.sleep(pause)
            late = self._now()
            if late.startswith(seen):
                if len(late) > len(seen):  # appended to: carry the new bytes over
                    with open(self.path, "ab") as file:
                        file.write(late[len(seen) :])
                        file.flush()
                        os.fsync(file.fileno())
                    seen = late
                continue
            # Rewritten: its version wins, as if it had saved just after us.
            mine = stat.S_IMODE(mode)
            os.replace(_temporary(self.path.parent, self.path.name, late, mine), self.path)
            raise CHANGED


@contextlib.contextmanager
def snapshot(path: Path) -> Iterator[Snapshot]:
    """Read `path` for an update; the file stays open (read-only) until the block ends."""
    real = Path(os.path.realpath(path))
    try:
        descriptor = os.open(real, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:
        problem = open_problem(path, error)
        raise WriteRefused(problem.message, problem.hint) from None
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise WriteRefused("not a regular file: left as it is")
        data = b"".join(iter(lambda: os.read(descriptor, 1 << 20), b""))
        yield Snapshot(real, data, descriptor)
    finally:
        os.close(descriptor)
