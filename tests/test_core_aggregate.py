"""Aggregation: weak spots, lessons, questions, follow-ups and the share audience.

Each fixture is a handful of entries written inline; the expected values are worked
out by hand in the comments next to them.
"""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from generator.aggregate import (
    FollowUp,
    Insights,
    aggregate,
    aggregate_weak_spots,
    collect_lessons,
    collect_questions,
    follow_ups,
)
from generator.entry.names import Vocabulary
from generator.entry.read import Entry, chronological
from generator.settings import Settings, ShareSettings
from generator.share.audience import for_audience
from tests.conftest import make_entry

D = date.fromisoformat


# --- weak spots ----------------------------------------------------------------------------


def weak_spot_entries() -> list[Entry]:
    # Given out of date order on purpose: aggregation must sort by (date, path) itself.
    return [
        make_entry(
            "umbrella",
            "2026-03-05",
            "weak_spots: [Behavioural]\nstrengths: [system design]\n",
        ),
        make_entry(
            "acme",
            "2026-01-10",
            "weak_spots: [System Design, estimation]\nstrengths: [communication]\n"
            "lessons: [Ask about scale first.]\n",
        ),
        make_entry(
            "initech",
            "2026-02-20",
            # 'system design' twice in one entry still counts that entry once
            "weak_spots: [sql-joins, behavioural, system design, System Design]\n"
            "lessons: [Practice joins., Name the trade-offs.]\n",
        ),
        make_entry(
            "globex",
            "2026-02-03",
            "weak_spots: [system_design, SQL Joins]\nstrengths: [Estimation]\n",
        ),
        make_entry(
            "hooli", "2026-03-05", "weak_spots: [testing, naming]\nstrengths: [behavioural]\n"
        ),
    ]


def test_weak_spots_counts_dates_entries_and_order() -> None:
    spots = aggregate_weak_spots(
        chronological(weak_spot_entries()), Vocabulary(), recurring_after=2
    )
    table = [
        (s.name, s.count, s.first_seen, s.last_seen, s.entries, s.recurring, s.resolved)
        for s in spots
    ]
    assert table == [
        # system-design: acme 01-10, globex 02-03, initech 02-20 -> 3; strength in umbrella
        # 03-05, after its last 02-20 -> resolved
        ("system-design", 3, D("2026-01-10"), D("2026-02-20"),
         ("acme", "globex", "initech"), True, True),
        # count 2, last seen 03-05 beats sql-joins' 02-20. hooli lists behavioural as a
        # strength on 03-05, the same day it was last a weak spot: not after -> not resolved
        ("behavioural", 2, D("2026-02-20"), D("2026-03-05"),
         ("initech", "umbrella"), True, False),
        # sql-joins: globex 02-03, initech 02-20
        ("sql-joins", 2, D("2026-02-03"), D("2026-02-20"),
         ("globex", "initech"), True, False),
        # count 1, last seen 03-05 (both hooli): tie broken by name, naming < testing
        ("naming", 1, D("2026-03-05"), D("2026-03-05"), ("hooli",), False, False),
        ("testing", 1, D("2026-03-05"), D("2026-03-05"), ("hooli",), False, False),
        # estimation: acme 01-10 only; globex lists it as a strength on 02-03 -> resolved
        ("estimation", 1, D("2026-01-10"), D("2026-01-10"), ("acme",), False, True),
    ]  # fmt: skip
    by_name = {s.name: s for s in spots}
    assert by_name["estimation"].resolved_by == "globex"
    assert by_name["system-design"].resolved_by == "umbrella"
    assert by_name["behavioural"].resolved_by is None
    assert [s.status for s in spots] == [
        "resolved", "recurring", "recurring", "one-off", "one-off", "resolved",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("recurring_after", "recurring"),
    [
        (1, {"system-design", "behavioural", "sql-joins", "naming", "testing", "estimation"}),
        (2, {"system-design", "behavioural", "sql-joins"}),
        (3, {"system-design"}),
        (4, set()),
    ],
)
def test_recurring_threshold_comes_from_settings(recurring_after: int, recurring: set[str]) -> None:
    settings = Settings(recurring_after=recurring_after)
    insights = aggregate(weak_spot_entries(), settings, D("2026-04-01"))
    assert {s.name for s in insights.weak_spots if s.recurring} == recurring


def test_same_day_entries_are_ordered_by_path() -> None:
    # hooli.md and umbrella.md share 2026-03-05: 'entries/hooli.md' < 'entries/umbrella.md'
    entries = [
        make_entry("umbrella", "2026-03-05", "weak_spots: [sql]\n"),
        make_entry("hooli", "2026-03-05", "weak_spots: [sql]\n"),
    ]
    spots = aggregate_weak_spots(chronological(entries), Vocabulary(), 2)
    assert spots[0].entries == ("hooli", "umbrella")


def test_aliases_merge_spellings() -> None:
    entries = [
        make_entry("a", "2026-01-01", "weak_spots: [Sys Design]\n"),
        make_entry("b", "2026-01-02", "weak_spots: [system_design, joins]\n"),
        make_entry("c", "2026-01-03", "weak_spots: [SYSTEM DESIGN, SQL]\n"),
        make_entry("d", "2026-01-04", "weak_spots: [sql joins]\n"),
    ]
    # aliases: sys-design -> system-design; joins -> sql-joins -> sql (a chain)
    settings = Settings(aliases={"sys_design": "System Design", "Joins": "sql joins",
                                 "SQL-Joins": "sql"})  # fmt: skip
    insights = aggregate(entries, settings, D("2026-02-01"))
    # system-design: a, b, c -> 3, last seen 01-03
    # sql: b (joins -> sql-joins -> sql), c (SQL), d (sql joins) -> 3, last seen 01-04
    # equal counts: the later last_seen comes first
    assert [(s.name, s.count, s.entries) for s in insights.weak_spots] == [
        ("sql", 3, ("b", "c", "d")),
        ("system-design", 3, ("a", "b", "c")),
    ]
    # an alias that merges two names of one entry counts that entry once
    merged = aggregate(
        [make_entry("e", "2026-01-05", "weak_spots: [joins, SQL]\n")], settings, D("2026-02-01")
    )
    assert [(s.name, s.count) for s in merged.weak_spots] == [("sql", 1)]


def test_resolved_needs_a_strength_after_the_last_weak_spot() -> None:
    entries = [
        make_entry("a", "2026-01-01", "weak_spots: [estimation]\n"),
        make_entry("b", "2026-01-05", "strengths: [Estimation]\n"),  # resolves, for now
        make_entry("c", "2026-01-09", "weak_spots: [estimation]\n"),  # back again: last seen 01-09
    ]
    spots = aggregate_weak_spots(chronological(entries), Vocabulary(), 2)
    assert [(s.name, s.count, s.last_seen, s.resolved) for s in spots] == [
        ("estimation", 2, D("2026-01-09"), False)
    ]
    later = [*entries, make_entry("d", "2026-01-20", "strengths: estimation\n")]
    spots = aggregate_weak_spots(chronological(later), Vocabulary(), 2)
    assert (spots[0].resolved, spots[0].resolved_by) == (True, "d")


def test_a_strength_never_listed_as_weak_spot_is_no_weak_spot() -> None:
    entries = [make_entry("a", "2026-01-01", "strengths: [communication]\n")]
    assert aggregate_weak_spots(chronological(entries), Vocabulary(), 2) == []


# --- lessons -------------------------------------------------------------------------------


def test_plain_lessons_of_entries_with_several_weak_spots_are_about_none() -> None:
    lessons = collect_lessons(chronological(weak_spot_entries()), Vocabulary())
    assert [(x.text, x.entry, x.date, x.about) for x in lessons] == [
        # oldest entry first; within an entry, in the order written. acme lists two weak
        # spots and initech three: a plain lesson there belongs to the interview
        ("Ask about scale first.", "acme", D("2026-01-10"), ()),
        ("Practice joins.", "initech", D("2026-02-20"), ()),
        ("Name the trade-offs.", "initech", D("2026-02-20"), ()),
    ]  # fmt: skip


def test_lessons_use_aliases() -> None:
    entries = [make_entry("a", "2026-01-01", "weak_spots: [Sys Design]\nlessons: Draw first.\n")]
    lessons = collect_lessons(chronological(entries), Vocabulary({"sys design": "system design"}))
    # one weak spot: the plain lesson is about it, by its aliased name
    assert [(x.text, x.about) for x in lessons] == [("Draw first.", ("system-design",))]


# --- questions -----------------------------------------------------------------------------


def question_entries() -> list[Entry]:
    return [
        make_entry(
            "c",
            "2026-04-09",
            "questions:\n  - question: Tell me about a conflict.\n    rating: 3\n",
        ),
        make_entry(
            "a",
            "2026-04-01",
            "questions:\n"
            "  - Design a rate limiter.\n"
            "  - question: Tell me about a conflict\n"
            "    topic: behavioural\n"
            "    rating: 2\n",
        ),
        make_entry(
            "b",
            "2026-04-08",
            "questions:\n"
            "  - question: design a RATE-limiter\n"
            "    topic: system design\n"
            "    rating: 4\n"
            "    answer: Token bucket.\n"
            "    better: Ask the scale.\n"
            "  - question: What is a B-tree?\n"
            "    rating: 1\n"
            "  - question: what is a b tree\n"
            "    rating: 3\n",
        ),
    ]


def test_questions_struggled_and_asked_again() -> None:
    records = collect_questions(chronological(question_entries()))
    assert [
        (q.question, q.entry, q.date, q.topic, q.rating, q.struggled, q.asked_again)
        for q in records
    ] == [
        # rate limiter: in a and b -> asked again; rating None is not 'struggled'
        ("Design a rate limiter.", "a", D("2026-04-01"), None, None, False, True),
        # conflict: in a and c -> asked again; rating 2 <= 2 -> struggled
        ("Tell me about a conflict", "a", D("2026-04-01"), "behavioural", 2, True, True),
        ("design a RATE-limiter", "b", D("2026-04-08"), "system design", 4, False, True),
        # B-tree twice, but both in b: one entry is not 'asked again'; rating 1 -> struggled
        ("What is a B-tree?", "b", D("2026-04-08"), None, 1, True, False),
        ("what is a b tree", "b", D("2026-04-08"), None, 3, False, False),
        ("Tell me about a conflict.", "c", D("2026-04-09"), None, 3, False, True),
    ]
    assert (records[2].answer, records[2].better) == ("Token bucket.", "Ask the scale.")


def test_struggled_boundary() -> None:
    entries = [
        make_entry(
            "a",
            "2026-04-01",
            "questions:\n" + "".join(f"  - question: Q{r}\n    rating: {r}\n" for r in range(1, 6)),
        )
    ]
    assert [q.struggled for q in collect_questions(chronological(entries))] == [
        True,
        True,
        False,
        False,
        False,
    ]


# --- follow-ups ----------------------------------------------------------------------------

TODAY = D("2026-05-10")
FOLLOW_UP_SETTINGS = Settings(thank_you_within_days=2, reflect_after_days=3, feedback_wait_days=7)


def follow_up_entries() -> list[Entry]:
    return [
        # nothing done: thank-you due 05-01+2 = 05-03, reflection 05-01+3 = 05-04; both overdue
        make_entry("alpha", "2026-05-01"),
        # withdrew: no thank-you; not reflected: reflection due 05-08+3 = 05-11, not overdue
        make_entry("bravo", "2026-05-08", "outcome: withdrew\n"),
        # asked for feedback when thanking on 05-02, none yet: due 05-02+7 = 05-09 < 05-10
        make_entry(
            "charlie",
            "2026-05-02",
            "reflected: 2026-05-03\nthank_you:\n  sent: 2026-05-02\n  asked_feedback: true\n",
        ),
        # all done, feedback received: nothing
        make_entry(
            "delta",
            "2026-04-20",
            "reflected: 2026-04-22\nthank_you:\n  sent: 2026-04-21\n  asked_feedback: true\n"
            "feedback:\n  received: 2026-05-01\n",
        ),
        # thanked without asking for feedback; not reflected: reflection 05-08+3 = 05-11
        make_entry("echo", "2026-05-08", "thank_you:\n  sent: 2026-05-08\n"),
        # reflected, not thanked: thank-you due 05-07+2 = 05-09, overdue
        make_entry("foxtrot", "2026-05-07", "reflected: 2026-05-07\n"),
        # reflected, not thanked: thank-you due 05-08+2 = 05-10 = today: due, not overdue
        make_entry("golf", "2026-05-08", "reflected: 2026-05-08\n"),
    ]


def test_follow_ups_due_dates_overdue_and_order() -> None:
    items = follow_ups(follow_up_entries(), FOLLOW_UP_SETTINGS, TODAY)
    assert items == [
        FollowUp("alpha", "thank-you", D("2026-05-03"), True),
        FollowUp("alpha", "reflection", D("2026-05-04"), True),
        FollowUp("charlie", "feedback", D("2026-05-09"), True),  # same due: charlie < foxtrot
        FollowUp("foxtrot", "thank-you", D("2026-05-09"), True),
        FollowUp("golf", "thank-you", D("2026-05-10"), False),
        FollowUp("bravo", "reflection", D("2026-05-11"), False),
        FollowUp("echo", "reflection", D("2026-05-11"), False),
    ]


def test_follow_ups_overdue_come_first() -> None:
    items = follow_ups(follow_up_entries(), FOLLOW_UP_SETTINGS, TODAY)
    flags = [f.overdue for f in items]
    assert flags == sorted(flags, reverse=True)
    assert all(f.overdue == (f.due < TODAY) for f in items)


def test_withdrew_needs_no_thank_you_but_still_a_reflection() -> None:
    items = follow_ups(
        [make_entry("bravo", "2026-05-08", "outcome: withdrew\n")], Settings(), TODAY
    )
    assert [(f.kind, f.due) for f in items] == [("reflection", D("2026-05-09"))]  # 05-08+1


def test_follow_ups_with_default_settings() -> None:
    # defaults: thank-you 1 day, reflection 1 day, feedback 7 days
    items = follow_ups(follow_up_entries(), Settings(), TODAY)
    assert {(f.entry, f.kind, f.due) for f in items} == {
        ("alpha", "thank-you", D("2026-05-02")),
        ("alpha", "reflection", D("2026-05-02")),
        ("bravo", "reflection", D("2026-05-09")),
        ("charlie", "feedback", D("2026-05-09")),
        ("echo", "reflection", D("2026-05-09")),
        ("foxtrot", "thank-you", D("2026-05-08")),
        ("golf", "thank-you", D("2026-05-09")),
    }
    assert all(f.overdue for f in items)  # every due date is before 05-10


def test_asked_feedback_without_a_sent_date_is_only_a_thank_you() -> None:
    e = make_entry("a", "2026-05-01", "reflected: 2026-05-01\nthank_you:\n  asked_feedback: true\n")
    assert [(f.kind, f.due) for f in follow_ups([e], Settings(), TODAY)] == [
        ("thank-you", D("2026-05-02"))
    ]


def test_nothing_open_when_all_done() -> None:
    e = make_entry("a", "2026-05-01", "reflected: 2026-05-02\nthank_you:\n  sent: 2026-05-01\n")
    assert follow_ups([e], Settings(), TODAY) == []


# --- audiences -----------------------------------------------------------------------------


def audience_entries() -> list[Entry]:
    return [
        make_entry(
            "acme",
            "2026-02-01",
            "interviewers: [Dana Smith]\ndiscussed_with: [mentor]\n"
            "weak_spots: [estimation]\nlessons: [Say numbers out loud.]\n"
            "questions: [Why us?]\nreflected: 2026-02-01\nthank_you:\n  sent: 2026-02-01\n",
        ),
        make_entry(
            "secret",
            "2026-02-10",
            "private: true\ninterviewers: Lee\n"
            "weak_spots: [estimation, salary negotiation]\nlessons: [Know my number.]\n"
            "questions: [What do you earn now?]\n",
            company="Initech",
        ),
        make_entry(
            "globex",
            "2026-02-20",
            "interviewers: [Ana, Bo]\nweak_spots: [Estimation]\nstrengths: [sql]\n",
            company="Globex",
        ),
    ]


def test_owner_sees_everything() -> None:
    entries = for_audience(audience_entries(), "owner", ShareSettings())
    insights = aggregate(entries, Settings(), D("2026-03-01"))
    assert [e.slug for e in insights.entries] == ["acme", "secret", "globex"]
    # estimation: acme, secret, globex -> 3; salary-negotiation: secret -> 1
    assert [(s.name, s.count, s.entries) for s in insights.weak_spots] == [
        ("estimation", 3, ("acme", "secret", "globex")),
        ("salary-negotiation", 1, ("secret",)),
    ]
    assert [x.text for x in insights.lessons] == ["Say numbers out loud.", "Know my number."]
    assert insights.by_slug["secret"].meta.interviewers == ["Lee"]
    assert insights.by_slug["acme"].meta.discussed_with == ["mentor"]


def test_share_drops_private_entries_before_counting() -> None:
    entries = for_audience(audience_entries(), "share", ShareSettings())
    insights = aggregate(entries, Settings(), D("2026-03-01"))
    # A shared entry's address is made of what it shows: its date and company.
    acme, globex = "2026-02-01-acme", "2026-02-20-globex"
    assert [e.slug for e in insights.entries] == [acme, globex]
    # estimation: acme, globex -> 2 (not 3), still recurring with the default threshold 2;
    # salary-negotiation was only in the private entry: gone
    table = [(s.name, s.count, s.first_seen, s.last_seen, s.entries) for s in insights.weak_spots]
    assert table == [("estimation", 2, D("2026-02-01"), D("2026-02-20"), (acme, globex))]
    assert [x.text for x in insights.lessons] == ["Say numbers out loud."]
    assert [q.question for q in insights.questions] == ["Why us?"]
    # the private entry's open follow-ups (thank-you, reflection) are gone too; globex's stay
    assert {f.entry for f in insights.follow_ups} == {globex}
    assert "secret" not in insights.by_slug


def test_share_empties_interviewers_and_discussed_with_only() -> None:
    shared = for_audience(audience_entries(), "share", ShareSettings())
    for e in shared:
        assert e.meta.interviewers == []
        assert e.meta.discussed_with == []
    acme = next(e for e in shared if e.slug == "2026-02-01-acme")
    assert acme.meta.company == "Acme"
    assert acme.meta.weak_spots == ["estimation"]
    assert [note.lesson for note in acme.meta.lessons] == ["Say numbers out loud."]
    assert acme.meta.thank_you.sent == D("2026-02-01")


def test_share_leaves_the_owners_entries_untouched() -> None:
    original = audience_entries()
    for_audience(original, "share", ShareSettings())
    assert original[0].meta.interviewers == ["Dana Smith"]
    assert original[0].meta.discussed_with == ["mentor"]


def test_share_with_more_fields_redacted() -> None:
    share = ShareSettings(redact=("interviewers", "discussed_with", "lessons"))
    shared = for_audience(audience_entries(), "share", share)
    insights = aggregate(shared, Settings(), D("2026-03-01"))
    assert insights.lessons == []
    assert [s.count for s in insights.weak_spots] == [2]


# --- feedback that never comes ---------------------------------------------------------------


def test_the_feedback_follow_up_closes_as_no_answer_after_the_give_up_days() -> None:
    from generator.aggregate import feedback_status

    asked = make_entry("a", "2026-03-01", "thank_you: {sent: 2026-03-01, asked_feedback: true}\n")
    settings = Settings(feedback_wait_days=7, feedback_give_up_days=21)
    # due 03-01 + 7 = 03-08; given up on 03-01 + 21 = 03-22
    assert follow_ups([asked], settings, D("2026-03-21")) == [
        FollowUp("a", "reflection", D("2026-03-02"), True),
        FollowUp("a", "feedback", D("2026-03-08"), True),
    ]
    assert feedback_status(asked, settings, D("2026-03-21")) == "waiting"
    assert [f.kind for f in follow_ups([asked], settings, D("2026-03-22"))] == ["reflection"]
    assert feedback_status(asked, settings, D("2026-03-22")) == "no answer"


def test_feedback_none_closes_the_follow_up_at_once() -> None:
    from generator.aggregate import feedback_status

    said = make_entry(
        "a",
        "2026-03-01",
        "reflected: 2026-03-02\nthank_you: {sent: 2026-03-01, asked_feedback: true}\n"
        "feedback: {none: true}\n",
    )
    assert follow_ups([said], Settings(), D("2026-03-10")) == []
    assert feedback_status(said, Settings(), D("2026-03-10")) == "none"
    not_asked = make_entry("b", "2026-03-01", "thank_you: {sent: 2026-03-01}\n")
    assert feedback_status(not_asked, Settings(), D("2026-03-10")) == "not asked"


# --- serve: the last aggregates given back ---------------------------------------------------


def test_serve_gives_back_the_last_aggregates_while_no_front_matter_changed() -> None:
    from dataclasses import replace

    from generator.aggregate import LastAggregate

    settings, today = Settings(), D("2026-03-15")
    entries = weak_spot_entries()
    last = LastAggregate()
    first = aggregate(entries, settings, today, last)
    # New notes in one entry (a new object, as a save makes): the aggregates are the last
    # ones, holding the new entry.
    edited = [replace(e, body="New notes.\n") if e.slug == "umbrella" else e for e in entries]
    again = aggregate(edited, settings, today, last)
    assert again.weak_spots is first.weak_spots
    assert again.by_slug["umbrella"].body == "New notes.\n"
    assert [e.body for e in again.entries] == [e.body for e in chronological(edited)]
    assert shown(again) == shown(aggregate(edited, settings, today))
    # Front matter, settings or the day changed: made again.
    meta = edited[0].meta.model_copy(update={"weak_spots": ["sql"]})
    changed = [replace(edited[0], meta=meta), *edited[1:]]
    for args in ((changed, settings, today), (edited, Settings(recurring_after=1), today)):
        made = aggregate(*args, last)  # type: ignore[arg-type]
        assert made.weak_spots is not first.weak_spots
        assert shown(made) == shown(aggregate(*args))  # type: ignore[arg-type]
    later = aggregate(edited, settings, D("2026-09-01"), last)
    assert later.follow_ups == aggregate(edited, settings, D("2026-09-01")).follow_ups
    assert later.today == D("2026-09-01")


def shown(insights: Insights) -> tuple[object, ...]:
    """What the pages show of the aggregates (the vocabulary is a tool, not a value)."""
    return tuple(
        getattr(insights, f.name) for f in dataclasses.fields(insights) if f.name != "vocabulary"
    )
