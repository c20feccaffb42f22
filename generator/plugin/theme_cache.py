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

import os
from collections.abc import Callable, Hashable
from contextlib import suppress
from functools import cache
from typing import Any

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


class ThemeListing:
    """The theme's files, as MkDocs lists them to copy its assets, kept between the builds
    of one `serve`: listing mkdocs-material's 14,000 files (its icons) and matching each
    against MkDocs' fifteen patterns cost a tenth of every save. A file added to or
    removed from a folder of the theme changes that folder's time, and the next build
    lists again."""

    def __init__(self) -> None:
        self._dirs: tuple[str, ...] = ()
        self._folders: dict[str, int] = {}
        self._names: list[str] = []
        self._filtered: dict[Hashable, list[str]] = {}

    def names(self, dirs: list[str], walk: Callable[[], list[str]]) -> list[str]:
        """What `walk` (a loader's `list_templates`) gives for `dirs`, listed again only
        when a folder of theirs changed."""
        if tuple(dirs) != self._dirs or any(
            _modified(folder) != time for folder, time in self._folders.items()
        ):
            self._folders = _folder_times(dirs)  # first: a change while listing shows next time
            self._dirs = tuple(dirs)
            self._names = walk()
            self._filtered = {}
        return self._names

    def filtered(self, key: Hashable, names: list[str], keep: Callable[[str], bool]) -> list[str]:
        if key not in self._filtered:
            self._filtered[key] = [name for name in names if keep(name)]
        return self._filtered[key]


def _modified(folder: str) -> int | None:
    try:
        return os.stat(folder).st_mtime_ns
    except OSError:
        return None


def _folder_times(dirs: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for top in dirs:
        for folder, _dirs, _names in os.walk(top):  # as Jinja2 walks: links not followed
            time = _modified(folder)
            if time is not None:
                found[folder] = time
    return found


def share_compiled_templates(
    theme: Theme, cache: jinja2.BytecodeCache | None, listing: ThemeListing | None = None
) -> None:
    """Make every environment `theme` makes from now on use `cache`, and `listing`."""
    if cache is None and listing is None:
        return
    make: Callable[[], jinja2.Environment] = theme.get_env

    def get_env() -> jinja2.Environment:
        env = make()
        if cache is not None:
            env.bytecode_cache = cache
        if listing is not None and isinstance(env.loader, jinja2.FileSystemLoader):
            _keep_listing(env, env.loader, theme, listing)
        return env

    setattr(theme, "get_env", get_env)  # noqa: B010 (an instance's method, for this theme only)


def _keep_listing(
    env: jinja2.Environment, loader: jinja2.FileSystemLoader, theme: Theme, listing: ThemeListing
) -> None:
    list_all = env.list_templates

    def list_templates(
        extensions: Any = None, filter_func: Callable[[str], bool] | None = None
    ) -> list[str]:
        if extensions is not None or filter_func is None:
            return list_all(extensions, filter_func)
        names = listing.names(theme.dirs, loader.list_templates)
        # MkDocs' filter: its patterns are its own and the theme's static templates.
        key = (filter_func.__code__, tuple(theme.static_templates))
        return listing.filtered(key, names, filter_func)

    setattr(env, "list_templates", list_templates)  # noqa: B010 (this environment only)
