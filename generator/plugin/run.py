"""What passes between the CLI and the plugin: the options in, the report out.

MkDocs builds the plugin itself from mkdocs.yml, so the CLI cannot hand it arguments.
It sets `plugin.options` before the build and reads `plugin.report` after; it never
writes into anything else the plugin holds. A plain `mkdocs build` leaves the defaults:
the owner's site, today from DEBRIEF_TODAY or the clock.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator.entry.diagnostics import Diagnostic
from generator.share.audience import Audience
from generator.share.lock import Lock
from generator.share.privacy import Privacy


@dataclass(frozen=True)
class RunOptions:
    """The options the CLI sets for one build."""

    audience: Audience = "owner"
    strict: bool = False  # warnings in entries fail the build too
    today: date | None = None  # `--today`; else DEBRIEF_TODAY, else the clock
    progress: Callable[[int, int], None] | None = None  # called with (pages done, pages)
    lock: Lock | None = None  # the share's key: in memory, never in mkdocs.yml
    search_copies: bool = True  # off only in the test that shows they change nothing
    lift_headings: bool = True  # the same (render/placeholders.py `lift`)
    cache_navigation: bool = True  # the same (plugin/nav_cache.py)
    stream_search_index: bool = True  # the same (plugin/search_index.py)


@dataclass
class BuildReport:
    """What the last build found, for the CLI's closing line."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    entry_count: int = 0  # entries on the site (for a share: the shared ones)
    file_count: int = 0  # entry files read, broken ones included
    page_count: int = 0  # pages MkDocs builds, hand-written ones included
    warnings: int = 0  # MkDocs' warnings: counted by whoever listens to its log
    privacy: Privacy | None = None  # a share's decision: for its output check and --report
    # A share's attachments left out: (the owner's file, its docs path, why).
    dropped: list[tuple[Path, str, str]] = field(default_factory=list)
