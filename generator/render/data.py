"""The notebook as data: JSON for scripts, CSV for a spreadsheet."""

from __future__ import annotations

import csv
import io
from dataclasses import asdict
from datetime import date
from typing import Any

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
        "lessons": list(meta.lessons),
        "private": meta.private,
    }


def to_json(insights: Insights) -> dict[str, Any]:
    return {
        "entries": [entry_record(e, insights) for e in insights.entries],
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
