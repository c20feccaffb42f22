"""The notebook as data: JSON for scripts and as a backup, CSV for a spreadsheet.

The JSON holds, for each entry, its derived view (canonical names, as the site shows
them) and everything needed to write the entry again: its path, every field of its
front matter as validated (`front_matter`) and its body. `entry_file` turns such a
record back into an entry file. For a share, the entries are the share's (private
ones gone, fields redacted, bodies cleaned), so the backup holds no more than a share.
"""

from __future__ import annotations

import csv
import io
from dataclasses import asdict
from datetime import date
from typing import Any

import yaml

from generator.aggregate import Insights
from generator.entry.read import Entry

CSV_COLUMNS = (
    "slug", "company", "role", "date", "stage", "format", "outcome", "feeling",
    "weak_spots", "strengths", "lessons", "private",
)  # fmt: skip


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def entry_record(entry: Entry, insights: Insights) -> dict[str, Any]:
    meta = entry.meta
    return {
        "slug": entry.slug,
        "company": meta.company,
        "role": meta.role,
        "date": meta.date.isoformat(),
        "stage": insights.stage(entry),
        "format": meta.format,
        "outcome": meta.outcome,
        "feeling": meta.feeling,
        "weak_spots": insights.names(entry, "weak_spots"),
        "strengths": insights.names(entry, "strengths"),
        "lessons": [note.lesson for note in meta.lessons],
        "private": meta.private,
    }


def entry_backup(entry: Entry, insights: Insights) -> dict[str, Any]:
    """`entry_record`, and what it takes to write the entry's file again."""
    return {
        **entry_record(entry, insights),
        "path": entry.path,
        "front_matter": entry.meta.model_dump(mode="json"),
        "body": entry.body,
    }


def entry_file(record: dict[str, Any]) -> bytes:
    """The text of an entry file made from a record of `to_json`: its front matter as
    YAML (every field, defaults included), then its body."""
    front = yaml.safe_dump(
        record["front_matter"], allow_unicode=True, sort_keys=False, width=1_000_000
    )
    return f"---\n{front}---\n{record['body']}".encode()


def to_json(insights: Insights) -> dict[str, Any]:
    return {
        "entries": [entry_backup(e, insights) for e in insights.entries],
        "weak_spots": [
            {
                "name": s.name,
                "count": s.count,
                "first_seen": s.first_seen.isoformat(),
                "last_seen": s.last_seen.isoformat(),
                "entries": list(s.entries),
                "recurring": s.recurring,
                "resolved": s.resolved,
            }
            for s in insights.weak_spots
        ],
        "lessons": [_plain(asdict(lesson)) for lesson in insights.lessons],
        "questions": [{**_plain(asdict(q)), "struggled": q.struggled} for q in insights.questions],
        "follow_ups": [_plain(asdict(f)) for f in insights.follow_ups],
    }


def to_csv(insights: Insights) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for entry in insights.entries:
        record = entry_record(entry, insights)
        for key in ("weak_spots", "strengths", "lessons"):
            record[key] = "; ".join(record[key])
        record["feeling"] = "" if record["feeling"] is None else record["feeling"]
        record["stage"] = record["stage"] or ""
        record["format"] = record["format"] or ""
        record["private"] = "true" if record["private"] else "false"
        writer.writerow(record)
    return out.getvalue()
