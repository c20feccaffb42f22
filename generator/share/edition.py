"""The share edition as a whole: its settings checked, its output folder, its leak check."""

from __future__ import annotations

import contextlib
import difflib
import functools
import json
import os
from pathlib import Path
from typing import Any

from generator.entry.models import FrontMatter
from generator.entry.names import Vocabulary
from generator.entry.read import Entry, chronological
from generator.settings import Settings
from generator.share.attachments import Scrubbed, scrub
from generator.share.leaks import (
    PROJECT_ASSETS,
    Leak,
    LookedFor,
    Shipped,
    Source,
    baseline_texts,
    find_leaks,
    looked_for,
    shared_texts,
)
from generator.share.needles import readable_needles
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


def hidden_for_attachments(
    settings: Settings, privacy: Privacy, theme_dirs: list[str]
) -> LookedFor:
    """What an attachment may not name: the same needles as the output check's."""
    vocabulary = Vocabulary(settings.aliases)
    found = privacy.needles()
    baseline = baseline_texts([settings.site_name], theme_dirs, "en")
    return looked_for(found, shared_texts(privacy.entries, vocabulary), baseline)


def share_attachments(
    settings: Settings, privacy: Privacy, pairs: list[tuple[Path, str]], theme_dirs: list[str]
) -> Scrubbed:
    """The share's attachments `pairs` (source, docs path) as the share copies them."""
    hidden = functools.cache(lambda: hidden_for_attachments(settings, privacy, theme_dirs))
    return scrub(pairs, hidden)


def check_output(
    settings: Settings,
    out: Path,
    *,
    privacy: Privacy,
    theme_dirs: list[str],
    theme: dict[str, Any],
    locked: bool,
) -> tuple[list[Leak], dict[str, Source]]:
    """Look in `out` for everything the owner's notebook keeps back.

    Returns the leaks and, to say where each leaked text is written, the notebook's
    shared sources (hand-written pages and shared entries, by path).
    """
    vocabulary = Vocabulary(settings.aliases)
    entries = privacy.owner
    shared = privacy.entries
    pages = handwritten_pages(settings)
    found = privacy.needles()  # what the share hid, decided once, on the source
    kept: list[Entry] = chronological(e for e in entries if not e.meta.private)
    if locked:
        docs = privacy.docs_folder + "/"
        shown = {
            path: privacy.page_text(text, path.removeprefix(docs)) for path, text in pages.items()
        }
        found += readable_needles(list(zip(kept, shared, strict=True)), vocabulary, shown)
    language = str(theme.get("language") or "en")
    baseline = baseline_texts(
        [settings.site_name, json.dumps(theme, default=str)], theme_dirs, language
    )
    wanted = looked_for(found, shared_texts(shared, vocabulary), baseline)
    leaks = find_leaks(out, wanted, Shipped([*theme_dirs, *PROJECT_ASSETS]))
    return leaks, (notebook_sources(settings, kept) if leaks else {})


def notebook_sources(settings: Settings, entries: list[Entry]) -> dict[str, Source]:
    """The notebook's files a share shows (the docs folder, the shared entries), by path,
    with the output paths each becomes: where a leak report looks for a leaked text."""
    sources: dict[str, Source] = {}
    docs = settings.root / settings.docs_dir
    for folder, dirs, names in os.walk(docs):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            path = Path(folder, name)
            try:
                data = path.read_bytes()
            except OSError:
                continue
            if b"\x00" in data:
                continue  # not text
            inside = path.relative_to(docs).as_posix()
            outputs: tuple[str, ...] = (inside,)
            if inside.endswith(".md"):
                page = inside[:-3]
                if page == "index" or page.endswith("/index"):
                    page = page[:-5]
                outputs = (f"{page}/index.html", f"{page}.html") if page else ("index.html",)
            text = data.decode("utf-8-sig", errors="replace")
            sources[path.relative_to(settings.root).as_posix()] = Source(text, outputs)
    for entry in entries:
        with contextlib.suppress(OSError):
            text = (settings.root / entry.path).read_text(encoding="utf-8-sig", errors="replace")
            sources[entry.path] = Source(text, (f"entries/{entry.slug}/", f"entries/{entry.slug}."))
    return sources
