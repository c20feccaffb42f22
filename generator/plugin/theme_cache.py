"""The theme's templates compiled once, not once per build.

MkDocs makes a new Jinja2 environment for every build, so every build parsed and
compiled mkdocs-material's fifty templates again: a third of a second, half of the
build of a small notebook, and again on every save under `debrief serve`. Their
compiled code is kept instead, in a bytecode cache: in memory for the builds of one
`serve`, and on disk between builds, in Jinja2's own per-user cache folder (made by
Jinja2 with mode 0700, and refused if another user owns it: compiled code from there is
run). Jinja2 checks each template's source against a checksum before using its code,
so an edited template in a `custom_dir` is compiled again. Where the folder can't be
made or written, templates are compiled as before.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from functools import cache

import jinja2
from jinja2.bccache import Bucket, FileSystemBytecodeCache
from mkdocs.theme import Theme


class MemoryBytecodeCache(jinja2.BytecodeCache):
    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


class DiskBytecodeCache(FileSystemBytecodeCache):
    """Jinja2's cache on disk, where a failure to read or write means compiling."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, EOFError, ValueError, TypeError):  # a truncated or foreign file
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        with suppress(OSError):
            super().dump_bytecode(bucket)


@cache
def disk_cache() -> DiskBytecodeCache | None:
    """The cache on disk, or None where Jinja2 finds no safe folder for it."""
    try:
        return DiskBytecodeCache()
    except (OSError, RuntimeError):
        return None


def share_compiled_templates(theme: Theme, cache: jinja2.BytecodeCache | None) -> None:
    """Make every environment `theme` makes from now on use `cache`."""
    if cache is None:
        return
    make: Callable[[], jinja2.Environment] = theme.get_env

    def get_env() -> jinja2.Environment:
        env = make()
        env.bytecode_cache = cache
        return env

    setattr(theme, "get_env", get_env)  # noqa: B010 (an instance's method, for this theme only)
