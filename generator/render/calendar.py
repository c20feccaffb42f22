"""The open follow-ups as an iCalendar file, for `debrief followups --ics FILE`.

Each follow-up is an all-day VEVENT on the day it is due, not a VTODO: to-dos are what
a follow-up is, but Google Calendar ignores them on import and subscription, and other
calendars show them in a separate task list, if at all; an all-day event shows on the
day in every calendar. Its UID is the entry's slug and the kind of follow-up, so a
calendar that imports the file again (or refreshes a subscription) updates the event
instead of adding a second one; DTSTAMP is the day the file is made for, so running the
command twice on one day writes the same bytes.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import icalendar

from generator.aggregate import FollowUp, Insights

PRODUCT = "-//debrief-notebook//follow-ups//EN"
UID_DOMAIN = "debrief-notebook"
SUMMARIES = {
    "thank-you": "Send a thank-you note and ask for feedback",
    "reflection": "Reflect on the interview, talk it over",
    "feedback": "Chase the feedback you asked for",
}
DESCRIPTIONS = {
    "thank-you": "Send a thank-you note that also asks for honest feedback.",
    "reflection": "Reflect with a clear mind; talk it over with a mentor. "
    "Then fill lessons and reflected in the entry.",
    "feedback": "Ask again for the feedback you were promised. If none will come, "
    "write feedback: {none: true} in the entry.",
}


def follow_up_uid(item: FollowUp) -> str:
    """Stable across runs: the same follow-up of the same entry is the same event."""
    return f"{item.entry}-{item.kind}@{UID_DOMAIN}"


def follow_ups_calendar(insights: Insights) -> bytes:
    """An iCalendar (RFC 5545) file with one all-day event per open follow-up."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", "Interview follow-ups")
    stamp = datetime.combine(insights.today, time(0, 0), tzinfo=UTC)
    for item in insights.follow_ups:
        entry = insights.by_slug[item.entry]
        meta = entry.meta
        stage = insights.stage(entry) or "interview"
        event = icalendar.Event()
        event.add("uid", follow_up_uid(item))
        event.add("dtstamp", stamp)
        event.add("dtstart", item.due)
        event.add("dtend", item.due + timedelta(days=1))
        event.add("summary", f"{SUMMARIES[item.kind]}: {meta.company} {stage} ({entry.date})")
        event.add(
            "description",
            f"{DESCRIPTIONS[item.kind]}\n\n{meta.company} — {meta.role}, {entry.date}\n"
            f"Entry: {entry.path}",
        )
        event.add("categories", ["debrief", item.kind])
        event.add("transp", "TRANSPARENT")  # a reminder, not a busy slot
        calendar.add_component(event)
    return bytes(calendar.to_ical())
