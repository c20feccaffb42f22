"""Weak spots that close: resolved by a later interview that shows them handled, open
again when they come back; and how many of each one's interviews ended rejected."""

from __future__ import annotations

from datetime import date

from generator.aggregate import aggregate, aggregate_weak_spots
from generator.entry.names import Vocabulary
from generator.render.pages import render_pages
from generator.settings import Settings
from tests.conftest import make_entry as entry

D = date.fromisoformat


def spot(entries: list, name: str):  # type: ignore[no-untyped-def,type-arg]
    found = {s.name: s for s in aggregate_weak_spots(entries, Vocabulary(), 2)}
    return found[name]


A = entry("a", "2026-01-01", "outcome: rejected\nweak_spots: [sql]\n")
# A later question filed under sql (its topic) rated 5: handled.
B = entry("b", "2026-02-01", "questions:\n  - {question: Joins?, topic: SQL, rating: 5}\n")
C = entry("c", "2026-03-01", "outcome: rejected\nweak_spots: [sql]\n")
D_ = entry("d", "2026-04-01", "strengths: [sql]\n")


def test_a_later_question_under_it_rated_4_or_5_resolves_it() -> None:
    sql = spot([A, B], "sql")
    assert (sql.resolved, sql.resolved_by, sql.came_back) == (True, "b", None)
    assert sql.status == "resolved"


def test_a_later_question_rated_3_does_not() -> None:
    three = entry("b", "2026-02-01", "questions:\n  - {question: Joins?, topic: sql, rating: 3}\n")
    assert spot([A, three], "sql").resolved is False


def test_a_question_without_topic_counts_under_the_entrys_only_weak_spot() -> None:
    # E lists sql alone, so its topic-less question rated 4 is about sql; but E is the
    # interview where sql came up last: handled is only ever a later interview.
    same_day = entry(
        "e", "2026-02-01", "weak_spots: [sql]\nquestions:\n  - {question: Joins?, rating: 4}\n"
    )
    assert spot([A, same_day], "sql").resolved is False
    later = entry(
        "f", "2026-03-01", "weak_spots: [nerves]\nquestions:\n  - {question: Joins?, rating: 4}\n"
    )
    assert spot([A, later], "sql").resolved is False  # filed under nerves, not sql


def test_a_weak_spot_that_comes_back_is_open_again_and_says_when() -> None:
    sql = spot([A, B, C], "sql")
    assert (sql.resolved, sql.came_back, sql.came_back_after) == (False, D("2026-03-01"), "b")
    assert sql.status == "recurring"
    # Handled once more (a strength), it is resolved again; that it came back stays known.
    again = spot([A, B, C, D_], "sql")
    assert (again.resolved, again.resolved_by) == (True, "d")
    assert (again.came_back, again.came_back_after) == (D("2026-03-01"), "b")


def test_rejected_counts_per_weak_spot() -> None:
    assert spot([A, B, C, D_], "sql").rejected == 2


def test_the_pages_say_it_came_back_and_show_rejections_next_to_the_overall_rate() -> None:
    settings = Settings()
    insights = aggregate([A, B, C], settings, D("2026-05-01"))
    pages = render_pages(insights, settings)
    assert (
        'last on <time datetime="2026-03-01">2026-03-01</time>. It came back on '
        '<time datetime="2026-03-01">2026-03-01</time>, after <a href="../../entries/b/">'
        'Acme &mdash; Engineer</a> (<time datetime="2026-02-01">2026-02-01</time>) had shown it handled.</p>'
    ) in pages["weak-spots/sql.md"]
    overview = pages["weak-spots/index.md"]
    # 3 interviews, A and C rejected: 67%; sql came up in A and C, both rejected.
    assert (
        "<p>Over all 3 interviews, 2 ended rejected (67%); the Rejected column counts a weak spot's own.</p>"
    ) in overview
    assert '<td style="text-align: right;">2 of 2 (100%)</td>' in overview
