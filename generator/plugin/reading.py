"""Reading the notebook for a build, remembering parsed files across `debrief serve`'s rebuilds."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from mkdocs.exceptions import PluginError

from generator.entry.diagnostics import Diagnostic, sort_key
from generator.entry.names import Vocabulary
from generator.entry.read import Entry, Notebook, read_entry, read_notebook
from generator.settings import Settings


class EntryCache:
    """Parsed entries keyed by path, modification time and size: `serve` re-reads only edits."""

    def __init__(self) -> None:
        # The day is in the key: a broken entry's date warnings depend on it.
        self._cache: dict[Path, tuple[tuple[int, int, date | None], Entry | None, list[Diagnostic]]]
        self._cache = {}
        self._read: set[Path] = set()

    def read(
        self, path: Path, root: Path, today: date | None = None
    ) -> tuple[Entry | None, list[Diagnostic]]:
        self._read.add(path)
        try:
            stat = path.stat()
        except OSError:  # a broken link, a loop: read_entry says which
            return read_entry(path, root, today)
        key = (stat.st_mtime_ns, stat.st_size, today)
        cached = self._cache.get(path)
        if cached is not None and cached[0] == key:
            return cached[1], cached[2]
        entry, problems = read_entry(path, root, today)
        self._cache[path] = (key, entry, problems)
        return entry, problems

    def forget_unread(self) -> None:
        """Drop the files the last reading did not ask for (deleted since)."""
        for path in set(self._cache) - self._read:
            del self._cache[path]
        self._read = set()


def read_for_build(settings: Settings, today: date, cache: EntryCache | None) -> Notebook:
    """Every entry and every problem, sorted as `debrief check` shows them."""
    if not settings.entries_path.is_dir():
        raise PluginError(f"debrief: no entries folder at {settings.entries_path}")
    notebook = read_notebook(
        settings.entries_path,
        settings.root,
        vocabulary=Vocabulary(settings.aliases),
        today=today,
        read=cache.read if cache is not None else read_entry,
    )
    if cache is not None:
        cache.forget_unread()
    notebook.diagnostics.sort(key=sort_key)
    return notebook
