"""What `debrief serve` keeps of the last render, to render again only what an edit changed.

A save changes one entry; rendering every page again made each save cost as much as
the whole notebook. A page is a function of what its template reads, so each page is
kept with a key of those inputs, and given back unrendered while its key is the same:

- an entry page: the entry itself, the names and links it shows, its "seen before"
  callouts (the earlier entries they link and the lessons they list), its steps;
- the overview pages (home, timeline, weak spots, lessons, questions, follow-ups, prep):
  every entry's slug, path and front matter, never its body, which none of them shows;
- all pages: the settings, the day, the banner and the hand-written home text.

Keys hold the entries themselves. A tuple compares its items by identity first, and
an unchanged file gives back the very object the last read made (`EntryCache`), so an
unchanged key costs a pointer comparison; an edited entry is compared by value.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Any

from generator.aggregate import LastAggregate
from generator.render.placeholders import Source


@dataclass
class Reuse:
    """The last render's pages with their keys; one per `debrief serve`."""

    overview_key: Any = None
    overview: list[tuple[str, Source]] = field(default_factory=list)
    entries: dict[str, tuple[Hashable, Source]] = field(default_factory=dict)
    entries_key: Any = None  # the overview key every one of `entries` was made under
    rendered: int = 0  # pages rendered by the last render (the rest were given back)
    aggregate: LastAggregate = field(default_factory=LastAggregate)

    def entry(self, path: str, key: Hashable) -> Source | None:
        kept = self.entries.get(path)
        return kept[1] if kept is not None and kept[0] == key else None
