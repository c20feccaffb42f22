"""Who is looking: the owner sees everything; a share sees what `privacy.Privacy` leaves.

Filtering happens before aggregation, so a private entry leaves no count,
no chart point and no name behind.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.entry.read import Entry, chronological
from generator.render.addresses import HOME
from generator.settings import Settings, ShareSettings
from generator.share.fields import REDACTED, redact_meta
from generator.share.privacy import Audience, Privacy

__all__ = ["REDACTED", "Audience", "Edition", "edition_for", "for_audience", "redact_meta"]


@dataclass(frozen=True)
class Edition:
    """The notebook as one audience sees it: what the plugin and the Markdown export build from.

    Made once by `edition_for`; everything either of them shows of the notebook's own
    files (entries, hand-written pages, attachments) goes through it, and for a share
    through its one `Privacy` decision.
    """

    audience: Audience
    entries: list[Entry]  # what this audience sees, oldest first, ready to aggregate
    privacy: Privacy | None = None  # a share's decision on what is private

    def text(self, markdown: str, path: str = HOME) -> str:
        """The hand-written page at docs path `path` as this audience reads it."""
        return self.privacy.page_text(markdown, path) if self.privacy else markdown

    def attachments(
        self, found: list[tuple[Path, str]], entries_dir: str
    ) -> list[tuple[Path, str]]:
        """The files next to the entries this audience gets, as (source, docs path) pairs."""
        return self.privacy.attachments if self.privacy else found


def edition_for(
    entries: list[Entry],
    audience: Audience,
    settings: Settings,
    attachments: list[tuple[Path, str]] | None = None,
    docs_files: list[str] | None = None,
) -> Edition:
    """The one set-up of an audience, for the plugin and the export alike: `entries` are
    all the readable entries, private ones too (the share must know every name to hide).
    `attachments` and `docs_files` are read from the notebook when not given."""
    if audience == "owner":
        return Edition("owner", chronological(entries))
    privacy = Privacy.build(entries, settings, attachments, docs_files)
    return Edition("share", privacy.entries, privacy)


def for_audience(
    entries: list[Entry], audience: Audience, settings: Settings | ShareSettings
) -> list[Entry]:
    """The entries `audience` sees (settings alone: a share of a notebook at '.')."""
    if isinstance(settings, ShareSettings):
        settings = Settings(share=settings)
    return edition_for(entries, audience, settings, [], []).entries
