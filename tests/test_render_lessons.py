"""Lessons and questions on the pages go where they are about (aggregate.lessons_about).

The notebook is the one a new user complained about: a salary lesson showed under
system-design, and a behavioural question among the SQL questions.
"""

from __future__ import annotations

from tests.conftest import make_entry as entry
from tests.test_render_pages import callouts, pages_of


def notebook() -> dict[str, str]:
    return pages_of(
        [
            entry(
                "2026-01-01-a",
                "2026-01-01",
                "weak_spots: [system design, negotiation]\n"
                "lessons:\n"
                "  - Never name a number first.\n"
                "  - lesson: Ask about scale first.\n"
                "    about: System Design\n"
                "questions:\n"
                "  - Why do you want to leave your current job?\n"
                "  - question: Design a feed.\n"
                "    topic: system design\n",
            ),
            entry(
                "2026-02-01-b",
                "2026-02-01",
                "weak_spots: [sql, system design]\n"
                "questions:\n"
                "  - question: Write a left join.\n"
                "    topic: SQL\n",
                company="Globex",
            ),
            entry(
                "2026-03-01-c",
                "2026-03-01",
                "weak_spots: [sql]\nlessons: [Draw the tables before the join.]\n",
                company="Initech",
            ),
        ]
    )


def test_the_weak_spot_page_lists_only_what_is_about_it() -> None:
    pages = notebook()
    design = pages["weak-spots/system-design.md"]
    learned = design.split("## What I learned\n\n", 1)[1].split("\n## ", 1)[0]
    assert "Ask about scale first." in learned
    assert "Never name a number first." not in design
    assert "Design a feed." in design
    assert "Why do you want to leave" not in design
    sql = pages["weak-spots/sql.md"]
    # c lists sql alone: its plain lesson is about sql; b's question has the topic
    assert "Draw the tables before the join." in sql
    assert "Write a left join." in sql
    assert "Why do you want to leave" not in sql
    negotiation = pages["weak-spots/negotiation.md"]
    assert "<p>No lesson about it written yet.</p>" in negotiation
    assert "## Questions about it" not in negotiation


def test_the_lessons_page_puts_a_plain_lesson_of_several_weak_spots_in_other_lessons() -> None:
    lessons = notebook()["lessons.md"]
    headings = [line for line in lessons.splitlines() if line.startswith("## ")]
    # groups in the order of the weak spots (system-design and sql 2 times, the latest
    # last-seen first; negotiation has no lesson), then the other lessons
    assert headings == ["## sql", "## system-design", "## Other lessons"]
    other = lessons.split("## Other lessons\n", 1)[1]
    assert "<li>Never name a number first. — " in other
    design = lessons.split("## system-design\n", 1)[1].split("## ", 1)[0]
    assert "Never name a number first." not in design


def test_the_entry_page_shows_every_lesson_and_what_it_is_about() -> None:
    page = notebook()["entries/2026-01-01-a.md"]
    block = page.split("## Lessons\n\n", 1)[1].split("\n## ", 1)[0].strip()
    assert block.splitlines() == [
        "<ul>",
        "<li>Never name a number first.</li>",
        '<li>Ask about scale first. <span class="debrief-about">· '
        '<a href="../../weak-spots/system-design/">system-design</a></span></li>',
        "</ul>",
    ]


def test_seen_before_shows_only_the_earlier_lessons_about_that_weak_spot() -> None:
    pages = notebook()
    [design] = callouts(pages["entries/2026-02-01-b.md"])
    assert "<li>Ask about scale first. (" in design
    assert "Never name a number first." not in design
    [sql] = callouts(pages["entries/2026-03-01-c.md"])
    assert "Lessons I wrote down then" not in sql  # b wrote no lesson
