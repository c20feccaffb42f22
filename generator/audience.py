"""Who is looking: the owner sees everything; a share loses private entries and redacted fields.

Filtering happens before aggregation, so a private entry leaves no count,
no chart point and no name behind.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Literal

from .entries import Entry
from .models import FrontMatter
from .settings import ShareSettings

Audience = Literal["owner", "share"]
REDACTED = "redacted"


def redact_meta(meta: FrontMatter, fields: tuple[str, ...]) -> FrontMatter:
    update: dict[str, Any] = {}
    for name in fields:
        info = FrontMatter.model_fields.get(name)
        if info is None or name == "private":
            continue
        if info.is_required():
            update[name] = meta.date if name == "date" else REDACTED
        elif info.default_factory is not None:
            update[name] = info.default_factory()  # type: ignore[call-arg]
        else:
            update[name] = info.default
    return meta.model_copy(update=update)


def for_audience(entries: list[Entry], audience: Audience, share: ShareSettings) -> list[Entry]:
    if audience == "owner":
        return list(entries)
    kept = [e for e in entries if not e.meta.private]
    kept.sort(key=lambda e: (e.date, e.path))
    letters = (
        anonymous_names([e.meta.company for e in kept]) if "company" in share.anonymize else {}
    )
    shared: list[Entry] = []
    for entry in kept:
        meta = redact_meta(entry.meta, share.redact)
        if letters:
            meta = meta.model_copy(update={"company": letters[entry.meta.company]})
        shared.append(replace(entry, meta=meta))
    return shared


def anonymous_names(companies: list[str]) -> dict[str, str]:
    """'Company A', 'Company B', ... in order of first appearance (then AA, AB, ...)."""
    from .names import normalize_name

    letters: dict[str, str] = {}
    by_normal: dict[str, str] = {}
    for company in companies:
        key = normalize_name(company)
        if key not in by_normal:
            by_normal[key] = f"Company {_letters(len(by_normal))}"
        letters[company] = by_normal[key]
    return letters


def _letters(index: int) -> str:
    text = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        text = chr(ord("A") + rest) + text
    return text
