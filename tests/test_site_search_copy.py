"""The search plugin reads a lighter copy of the generated blocks (generator/plugin/search_copy.py):
the built site and its search index must be the same, byte for byte, as without it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.plugin.run import RunOptions
from generator.plugin.search_copy import search_copy
from tests.conftest import build_with, copy_demo


def test_search_copy_keeps_the_text_and_the_tags_the_search_keeps() -> None:
    block = (
        '<p class="debrief-crumbs" data-search-exclude><a href="../">Timeline</a> › A</p>\n'
        '<p class="debrief-chips"><span class="debrief-chip"><span>date</span> 2026-01-01</span> </p>\n'
        '<table>\n<tbody>\n<tr><td><a href="x/">A &amp; B</a></td><td>2</td></tr>\n</tbody>\n</table>\n'
        '<ul class="task-list">\n<li class="task-list-item"><label><input type="checkbox" disabled/>'
        "<span></span></label> Notes <code>x</code></li>\n</ul>"
    )
    assert search_copy(block) == (
        '<p class="debrief-chips">date 2026-01-01 </p>'
        "\nA &amp; B2\n"
        '<ul class="task-list">\n<li class="task-list-item"> Notes <code>x</code></li>\n</ul>'
    )


def build_demo(root: Path, monkeypatch: pytest.MonkeyPatch, *, copies: bool) -> dict[str, bytes]:
    return build_with(copy_demo(root), monkeypatch, RunOptions(search_copies=copies))


def test_the_site_and_its_index_are_the_same_with_the_copies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    light = build_demo(tmp_path / "light", monkeypatch, copies=True)
    full = build_demo(tmp_path / "full", monkeypatch, copies=False)
    assert sorted(light) == sorted(full)
    assert [path for path in sorted(full) if light[path] != full[path]] == []
    index = json.loads(full["search/search_index.json"])
    # The demo's generated pages are in it, with their generated text.
    texts = "\n".join(doc["text"] for doc in index["docs"])
    assert "What I said:" in texts
    # ... but not the checklist every entry has, nor the overview pages' copies.
    assert "Notes captured while fresh" not in texts


def test_seen_before_callouts_stay_out_of_the_search(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A callout repeats lessons of earlier entries: searching for a lesson should find
    the entry that has it, not every later entry that recalls it."""
    site = build_demo(tmp_path / "demo", monkeypatch, copies=True)
    fernbank = site["entries/2026-11-12-fernbank-case/index.html"].decode()
    assert "Lessons I wrote down then:" in fernbank
    index = json.loads(site["search/search_index.json"])
    texts = [doc["text"] for doc in index["docs"]]
    assert [t for t in texts if "came up before in" in t or "Lessons I wrote down" in t] == []
    # The lessons themselves are still found, where they were written.
    recalled = re.findall(r"<li>([^<]+) \(<a href=", fernbank.split("Lessons I wrote down")[1])
    assert recalled
    for lesson in recalled:
        assert any(lesson in t for t in texts), lesson


def test_search_finds_a_question_where_it_was_asked_and_overviews_by_their_titles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The overview pages list copies of what entries hold; in the index they would
    bury the entry that has it under a page-long section of a table."""
    site = build_demo(tmp_path / "demo", monkeypatch, copies=True)
    docs = json.loads(site["search/search_index.json"])["docs"]
    question = "How big is the events table after a year?"
    assert [d["location"] for d in docs if question in d["text"]] == [
        "entries/2026-11-12-fernbank-case/#questions"
    ]
    titles = {d["location"]: d["title"] for d in docs}
    assert titles["questions/"] == "Questions"
    assert titles["weak-spots/system-design/"] == "system-design"
    assert titles["lessons/"] == "Lessons"
