"""An entry's front matter as text: every value with its key, emptied, or changed.

The share changes front matter field by field (private blocks out, names
replaced, redacted fields emptied); these are the walks it uses.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from pydantic import BaseModel

from generator.entry.frontmatter import KeyPath, describe
from generator.entry.models import FrontMatter

__all__ = [
    "PEOPLE",
    "REDACTED",
    "KeyPath",
    "describe",
    "field_strings",
    "map_strings",
    "redact_meta",
    "shown_fields",
]

REDACTED = "redacted"
# Fields that hold people: when redacted, their words are hidden everywhere, as these.
PEOPLE = {"interviewers": "interviewer", "discussed_with": "mentor"}


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
    if {"weak_spots", "strengths"} & set(fields) and "lessons" not in update:
        # A lesson's `about` names weak spots and strengths: redacted with them.
        update["lessons"] = [note.model_copy(update={"about": []}) for note in meta.lessons]
    return meta.model_copy(update=update)


def shown_fields(meta: FrontMatter, change: Callable[[str, KeyPath], str]) -> dict[str, Any]:
    """The front matter as data, each text changed; what a change empties is left out."""

    def walk(value: Any, key: KeyPath) -> Any:
        if isinstance(value, str):
            return change(value, key)
        if isinstance(value, list):
            items = [walk(item, (*key, index)) for index, item in enumerate(value)]
            return [item for item in items if item not in ("", None)]
        if isinstance(value, dict):
            data = {name: walk(item, (*key, name)) for name, item in value.items()}
            if any(name in data and not data[name] for name in ("question", "lesson")):
                return None  # a question or lesson a private block emptied
            return {name: (None if item == "" else item) for name, item in data.items()}
        return value

    data: dict[str, Any] = walk(meta.model_dump(), ())
    for name in ("company", "role"):
        data[name] = data[name] or "private"
    return data


def map_strings(value: Any, change: Callable[[str], str]) -> Any:
    if isinstance(value, str):
        return change(value)
    if isinstance(value, list):
        return [map_strings(item, change) for item in value]
    if isinstance(value, dict):
        return {key: map_strings(item, change) for key, item in value.items()}
    return value


def field_strings(meta: FrontMatter) -> Iterable[tuple[KeyPath, str]]:
    """Every text value of the front matter, with its key path: ('questions', 0, 'answer')."""

    def walk(value: Any, key: KeyPath) -> Iterable[tuple[KeyPath, str]]:
        if isinstance(value, str):
            yield key, value
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield from walk(item, (*key, index))
        elif isinstance(value, BaseModel):
            for name in type(value).model_fields:
                yield from walk(getattr(value, name), (*key, name))

    yield from walk(meta, ())
