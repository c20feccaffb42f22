"""The Practice page and the home page's count, rendered from hand-worked entries."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

from generator.aggregate import aggregate
from generator.drill.cards import card_id
from generator.drill.log import Review
from generator.render.pages import render_pages
from generator.settings import Settings
from generator.share.audience import for_audience
from tests.conftest import entry_from_text
from tests.test_drill_cards import ACME, GLOBEX

INITECH = """---
company: Initech
role: Engineer
date: 2026-09-05
private: true
weak_spots: [System Design]
questions:
  - {question: Design a feed., topic: system design, rating: 2}
---
"""
TODAY = date(2026, 9, 12)
# The rate limiter graded easy on 09-11: due 8 days later, 09-19, after today.
EASY = Review(
    card_id("2026-09-01-acme", "Design a rate limiter."),
    4,
    datetime(2026, 9, 11, 8, tzinfo=timezone(timedelta(hours=2))),
)


def pages(audience: str = "owner", reviews: tuple[Review, ...] = (EASY,)) -> dict[str, str]:
    entries = [
        entry_from_text(ACME, "2026-09-01-acme"),
        entry_from_text(INITECH, "2026-09-05-initech"),
        entry_from_text(GLOBEX, "2026-09-10-globex"),
    ]
    settings = Settings()
    shown = for_audience(entries, audience, settings.share)  # type: ignore[arg-type]
    insights = aggregate(shown, settings, TODAY)
    return render_pages(insights, settings, reviews=reviews)


def outline(page: str) -> list[str]:
    """Headings and the question of every card, in page order."""
    found = re.findall(r"^(#{1,3} .*)$|<summary>(.*?)<br>", page, re.MULTILINE)
    return [heading or f"  {summary}" for heading, summary in found]


def test_due_cards_by_weak_spot_recurring_first_then_the_later_ones() -> None:
    # system-design came up twice (Acme, Initech): recurring, first. Then estimation and
    # sql (once each, same day: by name), then the cache, filed under no weak spot.
    # The rate limiter was graded easy, so it waits under Later.
    assert outline(pages()["practice.md"]) == [
        "# Practice",
        "## Due on 2026-09-12",
        "### system-design",
        "  Why us?",
        "  Design a feed.",
        "### estimation",
        "  How many QPS?",
        "### sql",
        "  A join question.",
        "### Other questions",
        "  Design a cache.",
        "## Later",
        "  Design a rate limiter.",
    ]


def test_a_card_is_a_collapsed_details_block_with_its_back() -> None:
    page = pages()["practice.md"]
    block = page.split('<details class="question"><summary>Why us?', 1)[1].split("</details>")[0]
    assert block == (
        '<br><small class="debrief-practice__about">Acme · <time datetime="2026-09-01">2026-09-01</time></small></summary>\n'
        "<ul>\n"
        "<li><em>Next time:</em> Name the product.</li>\n"
        "<li><em>What I said:</em> not written down</li>\n"
        "</ul>\n"
        "<p><em>Lesson:</em></p>\n"
        "<ul>\n"
        "<li>Ask about scale first.</li>\n"
        "</ul>\n"
        '<p>From <a href="../entries/2026-09-01-acme/">Acme &mdash; Engineer</a> (<time datetime="2026-09-01">2026-09-01</time>).</p>\n'
    )
    assert "<details open" not in page  # every back starts closed
    later = page.split("## Later", 1)[1]
    assert (
        'Design a rate limiter.<br><small class="debrief-practice__about">Acme · '
        '<time datetime="2026-09-01">2026-09-01</time> · System Design · due '
        '<time datetime="2026-09-19">2026-09-19</time></small>'
    ) in later
    assert "practised 1 time." in later


def test_the_home_page_counts_the_due_cards_and_links_the_page() -> None:
    home = pages()["index.md"]
    assert (
        '<div class="debrief-card"><span class="debrief-card__number">5</span>'
        '<span class="debrief-card__label">cards to practise</span></div>'
    ) in home
    # The link is in a generated block: the cards row is Markdown's, and a locked share
    # gives pages new addresses only in the blocks.
    assert '<a href="practice/">Practice</a>' in home


def test_a_share_shows_only_shared_cards() -> None:
    page = pages("share", reviews=())["practice.md"]
    # Initech is private: its card and its count are gone, and system-design came up
    # once in what is shared, so it is not recurring: estimation, sql, system-design by
    # the weak spots' own order (one each; Globex's are the latest). A share is given no
    # reviews (tests/test_cli_drill.py builds one from a log): every card past its
    # cool-off is due, the rate limiter too.
    assert "Design a feed." not in page and "Initech" not in page
    assert outline(page) == [
        "# Practice",
        "## Due on 2026-09-12",
        "### estimation",
        "  How many QPS?",
        "### sql",
        "  A join question.",
        "### system-design",
        "  Design a rate limiter.",
        "  Why us?",
        "### Other questions",
        "  Design a cache.",
    ]


def test_no_cards_says_how_a_question_becomes_one() -> None:
    settings = Settings()
    insights = aggregate(
        [entry_from_text(INITECH.replace("rating: 2", "rating: 5"), "2026-09-05-initech")],
        settings,
        TODAY,
    )
    page = render_pages(insights, settings)["practice.md"]
    assert page.endswith(
        "No cards yet: a question becomes a card when it is rated 3 or less, or has a `better` answer.\n"
    )
