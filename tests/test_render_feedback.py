"""Feedback that ends: the entry's follow-through line and the home page's response rate.

Today is 2026-03-15 (tests.test_render_pages.TODAY); the give-up delay is the default 21.
"""

from __future__ import annotations

from tests.conftest import make_entry as entry
from tests.test_render_pages import pages_of

ASKED = "thank_you: {sent: 2026-01-02, asked_feedback: true}\n"


def notebook() -> dict[str, str]:
    return pages_of(
        [
            # answered
            entry("a", "2026-01-01", ASKED + "feedback: {received: 2026-01-09}\n"),
            # they said none will come
            entry("b", "2026-01-01", ASKED + "feedback: {none: true}\n"),
            # asked 01-02, 72 days ago >= 21: given up
            entry("c", "2026-01-01", ASKED),
            # asked 03-10, 5 days ago: waiting
            entry("d", "2026-03-09", "thank_you: {sent: 2026-03-10, asked_feedback: true}\n"),
        ]
    )


def step(page: str, text: str) -> str:
    return next(line for line in page.splitlines() if text in line)


def test_the_follow_through_says_where_the_feedback_stands() -> None:
    pages = notebook()
    ticked = '<input type="checkbox" disabled checked/>'
    assert ticked in step(pages["entries/a.md"], "Feedback received on 2026-01-09")
    assert ticked in step(pages["entries/b.md"], "No feedback will come")
    assert ticked in step(
        pages["entries/c.md"], "No answer to the request for feedback after 21 days"
    )
    waiting = step(pages["entries/d.md"], "Feedback asked for on 2026-03-10: waiting")
    assert '<input type="checkbox" disabled/>' in waiting


def test_the_home_page_shows_the_response_rate() -> None:
    home = notebook()["index.md"]
    # 4 requests, 1 answer: 25%
    assert (
        '<div class="debrief-card"><span class="debrief-card__number">25%</span>'
        '<span class="debrief-card__label">feedback answered: 1 of 4 requests</span></div>'
    ) in home


def test_no_request_no_rate_card() -> None:
    home = pages_of([entry("a", "2026-01-01")])["index.md"]
    assert "feedback answered" not in home
