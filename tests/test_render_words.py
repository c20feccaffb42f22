"""Counts read as a person writes them: `1 interview`, `2 interviews` (issue 13), on every
page and line that shows one, through the one helper in render/words.py."""

from __future__ import annotations

import re
from datetime import date

from generator.aggregate import aggregate
from generator.entry.read import Entry, entry_from_bytes
from generator.render.pages import render_pages
from generator.render.prep import prep_brief
from generator.render.words import noun, plural
from generator.settings import Settings

ONE = (
    "---\ncompany: Acme\nrole: SRE\ndate: 2026-03-01\nweak_spots: [sql]\n"
    "thank_you: {sent: 2026-03-01}\n---\n"
)


def one_entry() -> Entry:
    entry, problems = entry_from_bytes(
        ONE.encode(), "entries/2026-03-01-acme.md", "2026-03-01-acme"
    )
    assert entry is not None, problems
    return entry


def text(markdown: str) -> str:
    """What a reader sees: tags dropped, spaces collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", markdown).split())


def test_plural_and_noun() -> None:
    assert [plural(n, "interview") for n in (0, 1, 2)] == [
        "0 interviews",
        "1 interview",
        "2 interviews",
    ]
    assert plural(1, "entry", "entries") == "1 entry"
    assert plural(3, "entry", "entries") == "3 entries"
    assert (noun(1, "follow-up"), noun(2, "follow-up")) == ("follow-up", "follow-ups")


def test_a_notebook_of_one_says_so_in_the_singular() -> None:
    settings = Settings(
        recurring_after=1, thank_you_within_days=1, reflect_after_days=1, feedback_wait_days=1
    )
    insights = aggregate([one_entry()], settings, date(2026, 3, 20))
    pages = render_pages(insights, settings)
    home = text(pages["index.md"])
    assert "1 interview since" in home
    assert "1 follow-up open, 1 overdue" in home  # the reflection: no feedback was asked for
    assert "1 recurring weak spot" in home
    assert "0 offers" in home
    follow_ups = text(pages["follow-ups.md"])
    assert "thank-you notes to send within 1 day, reflections due 1 day after" in follow_ups
    assert 'feedback to chase 1 day after asking, given up as "no answer" after 21 days' in (
        follow_ups
    )
    assert "came up in 1 interview," in text(pages["weak-spots/index.md"])
    assert "Came up in 1 interview, first on" in text(pages["weak-spots/sql.md"])
    assert "- **sql**: 1 time, last on 2026-03-01" in prep_brief(insights)
    for page in pages.values():
        assert not re.search(r"\b1 (interview|day|follow-up|round|time|page|file)s\b", text(page))
