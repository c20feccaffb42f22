"""Who is looking: the owner sees everything; a share sees what `privacy.Privacy` leaves.

Filtering happens before aggregation, so a private entry leaves no count,
no chart point and no name behind.
"""

from __future__ import annotations

from typing import Any, Literal

from generator.entry.models import FrontMatter

Audience = Literal["owner", "share"]
REDACTED = "redacted"


def redact_meta(meta: FrontMatter, fields: tuple[str, ...]) -> FrontMatter:
    """`meta` with `fields` emptied (a required one holds "redacted"; the date stays)."""
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
