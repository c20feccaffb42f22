"""The share edition as a whole: its settings checked, its output folder, its leak check."""

from __future__ import annotations

import difflib
import json
import os
from pathlib import Path
from typing import Any

from generator.entry.models import FrontMatter
from generator.entry.names import Vocabulary
from generator.entry.read import Entry, chronological
from generator.settings import Settings
from generator.share.leaks import (
    Leak,
    baseline_corpus,
    find_leaks,
    needles,
    readable_secrets,
    secrets,
    shared_corpus,
)
from generator.share.privacy import Privacy

UNREDACTABLE = {
    "date": "every page and chart is placed by it",
    "private": "a private entry is left out whole",
}


def settings_problems(settings: Settings) -> list[str]:
    """What makes the share settings unusable, as `'share.key': problem` texts."""
    share = settings.share
    problems: list[str] = []
    fields = [name for name in FrontMatter.model_fields if name not in UNREDACTABLE]
    for name in share.redact:
        if name in UNREDACTABLE:
            problems.append(f"'share.redact': '{name}' cannot be redacted: {UNREDACTABLE[name]}")
        elif name not in FrontMatter.model_fields:
            close = difflib.get_close_matches(name, fields, n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"fields are: {', '.join(fields)}"
            problems.append(f"'share.redact': unknown field '{name}'; {hint}")
    for name in share.anonymize:
        if name != "company":
            problems.append(
                f"'share.anonymize': only 'company' can be anonymized, got '{name}' "
                "(list it under share.redact to leave it out)"
            )
    problem = site_dir_problem(settings)
    if problem:
        problems.append(f"'share.site_dir': {problem}")
    return problems


def share_dir(settings: Settings) -> Path:
    return (settings.root / settings.share.site_dir).resolve()


def site_dir_problem(settings: Settings) -> str | None:
    """The share is built into a folder of its own: never the owner's site, never the notebook.

    `debrief share` empties that folder and removes it when a leak is found.
    """
    out = share_dir(settings)
    name = settings.share.site_dir
    root = settings.root.resolve()
    owner = (settings.root / settings.site_dir).resolve()
    if out == owner:
        return (
            f"'{name}' is the folder of the owner's site; "
            "give the share its own folder, like site-share"
        )
    if out == root or out in root.parents:
        return f"'{name}' would hold the whole notebook; use a folder of its own, like site-share"
    for label, folder in (
        ("the owner's site folder", owner),
        ("the docs folder", (settings.root / settings.docs_dir).resolve()),
        ("the entries folder", settings.entries_path.resolve()),
    ):
        if out == folder or folder in out.parents or out in folder.parents:
            return f"'{name}' overlaps {label}; use a folder of its own, like site-share"
    return None


def handwritten_pages(settings: Settings) -> dict[str, str]:
    """The Markdown pages of the docs folder, by their path in the notebook (notebook/x.md)."""
    docs = settings.root / settings.docs_dir
    pages: dict[str, str] = {}
    if not docs.is_dir():
        return pages
    for folder, dirs, names in os.walk(docs):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if name.endswith(".md"):
                path = Path(folder, name)
                rel = path.relative_to(settings.root).as_posix()
                pages[rel] = path.read_text(encoding="utf-8-sig", errors="replace")
    return pages


def check_output(
    settings: Settings,
    out: Path,
    *,
    privacy: Privacy,
    theme_dirs: list[str],
    theme: dict[str, Any],
    locked: bool,
) -> list[Leak]:
    """Look in `out` for everything the owner's notebook keeps back, as `privacy` decided."""
    vocabulary = Vocabulary(settings.aliases)
    entries = privacy.owner
    anonymizer = privacy.anonymizer
    shared = privacy.entries
    pages = handwritten_pages(settings)
    found = secrets(entries, settings.share, vocabulary, pages, anonymizer)
    if locked:
        kept: list[Entry] = chronological(e for e in entries if not e.meta.private)
        docs = privacy.docs_folder + "/"
        shown = {
            path: privacy.page_text(text, path.removeprefix(docs)) for path, text in pages.items()
        }
        found += readable_secrets(list(zip(kept, shared, strict=True)), vocabulary, shown)
    language = str(theme.get("language") or "en")
    baseline = baseline_corpus(
        [settings.site_name, json.dumps(theme, default=str)], theme_dirs, language
    )
    return find_leaks(out, needles(found, shared_corpus(shared, vocabulary), baseline), theme_dirs)
