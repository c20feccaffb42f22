"""The notebook's settings as plain data: what the core needs from mkdocs.yml, and no more."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

DEFAULT_REDACT = ("interviewers", "discussed_with")


@dataclass(frozen=True)
class ShareSettings:
    site_dir: str = "site-share"
    redact: tuple[str, ...] = DEFAULT_REDACT
    anonymize: tuple[str, ...] = ()


@dataclass(frozen=True)
class DrillSettings:
    """Where the review log lives (beside mkdocs.yml) and the recall the schedule aims at."""

    log: str = "practice.jsonl"
    retention: float = 0.9


@dataclass(frozen=True)
class Settings:
    root: Path = Path(".")
    entries_dir: str = "entries"
    docs_dir: str = "notebook"
    site_dir: str = "site"
    site_name: str = "Interview notebook"
    # MkDocs' use_directory_urls: the generated HTML parts link to pages' final addresses.
    directory_urls: bool = True
    aliases: dict[str, str] = field(default_factory=dict)
    recurring_after: int = 2
    thank_you_within_days: int = 1
    reflect_after_days: int = 1
    feedback_wait_days: int = 7
    # After this many days from the thank-you note, an unanswered request is "no answer".
    feedback_give_up_days: int = 21
    share: ShareSettings = field(default_factory=ShareSettings)
    drill: DrillSettings = field(default_factory=DrillSettings)

    @property
    def entries_path(self) -> Path:
        return self.root / self.entries_dir

    @property
    def drill_log_path(self) -> Path:
        return self.root / self.drill.log


def today() -> date:
    """`DEBRIEF_TODAY=YYYY-MM-DD` pins the day (reproducible builds and tests), else today.

    Raises ValueError, naming the variable, when it holds no such date.
    """
    value = os.environ.get("DEBRIEF_TODAY")
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"DEBRIEF_TODAY={value!r} is not a date YYYY-MM-DD") from None
