"""`debrief serve` renders again only the pages an edit changes (render/reuse.py).

Each test renders a small notebook, edits it the way a save would (a new `Entry` for the
edited file, the very same objects for the others, as `EntryCache` gives them), and
checks two things: which pages were rendered again (counted by hand from what each page
shows), and that every page equals what a render from nothing gives.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from generator.aggregate import aggregate
from generator.entry.read import Entry
from generator.render.pages import render_sources
from generator.render.placeholders import Source
from generator.render.reuse import Reuse
from generator.settings import Settings
from tests.conftest import make_entry

TODAY = date(2026, 3, 15)
SETTINGS = Settings()


def notebook() -> list[Entry]:
    return [
        make_entry("a", "2026-01-05", "weak_spots: [system design]\nlessons: [Ask first.]\n"),
        make_entry("b", "2026-02-01", "weak_spots: [sql]\n", company="Globex"),
        make_entry("c", "2026-03-01", "weak_spots: [system-design]\n", company="Initech"),
    ]


def render(entries: list[Entry], reuse: Reuse | None, banner: str = "") -> dict[str, Source]:
    insights = aggregate(entries, SETTINGS, TODAY)
    return dict(render_sources(insights, SETTINGS, banner=banner, reuse=reuse))


def edited(entries: list[Entry], slug: str, **changes: object) -> list[Entry]:
    return [replace(e, **changes) if e.slug == slug else e for e in entries]  # type: ignore[arg-type]


def test_nothing_changed_renders_nothing_and_gives_the_same_pages() -> None:
    entries, reuse = notebook(), Reuse()
    first = render(entries, reuse)
    assert reuse.rendered == len(first)
    again = render(entries, reuse)
    assert reuse.rendered == 0
    assert again == first == render(entries, None)
    assert all(again[path] is first[path] for path in first)  # given back, not rendered


def test_an_edit_to_the_notes_renders_that_entry_only() -> None:
    entries, reuse = notebook(), Reuse()
    render(entries, reuse)
    # Entry a's notes change: c's "seen before" callout links a by company, role and date
    # only, and no overview page shows notes.
    changed = edited(entries, "a", body="New notes ZQX.\n")
    pages = render(changed, reuse)
    assert reuse.rendered == 1
    assert "ZQX" in pages["entries/a.md"].markdown
    assert pages == render(changed, None)


def test_a_notes_edit_looks_at_the_edited_entry_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """While no front matter changed, an unchanged entry's page is given back without
    working out what it shows (a tenth of every save at 1,000 entries)."""
    import generator.render.pages as pages_module

    entries, reuse = notebook(), Reuse()
    render(entries, reuse)
    looked_at: list[str] = []
    context = pages_module.entry_context

    def spy(entry: Entry, page: object) -> dict[str, object]:
        looked_at.append(entry.slug)
        return context(entry, page)  # type: ignore[arg-type]

    monkeypatch.setattr(pages_module, "entry_context", spy)
    changed = edited(entries, "b", body="Edited ZQX.\n")
    pages = render(changed, reuse)
    assert looked_at == ["b"]
    assert reuse.rendered == 1
    meta = changed[0].meta.model_copy(update={"lessons": []})
    render(edited(changed, "a", meta=meta), reuse)  # front matter: every entry looked at
    assert looked_at == ["b", "a", "b", "c"]
    assert pages == render(changed, None)


def test_a_render_stopped_halfway_leaves_no_stale_page_behind() -> None:
    """An error in one entry page stops the render; the next render must not take the
    pages of the render before for current (c's callout names a's company)."""
    entries, reuse = notebook(), Reuse()
    render(entries, reuse)
    meta = entries[0].meta.model_copy(update={"company": "Umbrella"})
    changed = edited(entries, "a", meta=meta)
    insights = aggregate(changed, SETTINGS, TODAY)
    pages = render_sources(insights, SETTINGS, reuse=reuse)
    for path, _source in pages:
        if path.startswith("entries/"):
            break  # the first entry page made, then the build fails
    pages.close()  # type: ignore[attr-defined]
    again = render(changed, reuse)
    assert "Umbrella" in shown(again["entries/c.md"])
    assert again == render(changed, None)


def test_a_renamed_weak_spot_renders_the_callouts_and_overviews_it_changes() -> None:
    entries, reuse = notebook(), Reuse()
    before = render(entries, reuse)
    a = entries[0]
    meta = a.meta.model_copy(update={"weak_spots": ["caching"]})
    changed = edited(entries, "a", meta=meta)
    pages = render(changed, reuse)
    overviews = [p for p in before if not p.startswith("entries/")]
    # a's page, c's page (its callout no longer lists a), and every overview page; b's
    # page shows neither a nor system design.
    assert reuse.rendered == 2 + len([p for p in pages if not p.startswith("entries/")])
    assert len(overviews) >= 7
    assert pages["entries/b.md"] is before["entries/b.md"]
    assert "Seen before" in shown(before["entries/c.md"])
    assert "Seen before" not in shown(pages["entries/c.md"])
    assert pages == render(changed, None)


def shown(source: Source) -> str:
    """All the text of a split page: its Markdown, blocks and lifted headings."""
    parts = (part if isinstance(part, str) else part.text for part in source.parts)
    return source.markdown + "".join(parts)


def test_a_banner_or_another_day_renders_every_page() -> None:
    entries, reuse = notebook(), Reuse()
    first = render(entries, reuse)
    with_banner = render(entries, reuse, banner='!!! danger "broken"')
    assert reuse.rendered == len(first)
    assert with_banner == render(entries, None, banner='!!! danger "broken"')


def test_a_removed_entry_is_gone_and_its_callouts_follow() -> None:
    entries, reuse = notebook(), Reuse()
    render(entries, reuse)
    rest = [e for e in entries if e.slug != "a"]
    pages = render(rest, reuse)
    assert "entries/a.md" not in pages
    assert "entries/a.md" not in reuse.entries
    assert pages == render(rest, None)


def test_a_review_renders_the_overviews_again_and_no_entry_page() -> None:
    from datetime import UTC, datetime

    from generator.drill.log import Review
    from generator.drill.schedule import cards_of
    from generator.entry.names import Vocabulary

    question = "questions:\n  - question: Design a cache?\n    answer: LRU.\n    rating: 2\n"
    entries, reuse = [*notebook(), make_entry("d", "2026-03-02", question)], Reuse()
    before = render(entries, reuse)
    cards = cards_of(entries, Vocabulary(), SETTINGS.reflect_after_days)
    assert len(cards) == 1, "entry d's question is a card"
    review = Review(cards[0].id, 3, datetime(2026, 3, 14, 9, 0, tzinfo=UTC))
    insights = aggregate(entries, SETTINGS, TODAY)
    pages = dict(render_sources(insights, SETTINGS, reviews=[review], reuse=reuse))
    assert reuse.rendered == len([p for p in pages if not p.startswith("entries/")])
    assert pages["practice.md"] != before["practice.md"]
    assert pages == dict(render_sources(insights, SETTINGS, reviews=[review]))
