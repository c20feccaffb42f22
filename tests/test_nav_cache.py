"""The navigation is drawn once per folder of pages outside it (plugin/nav_cache.py): every
page must be the same, byte for byte, as when it is drawn for each page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.plugin.run import RunOptions
from tests.conftest import build_with, copy_demo

ENTRY = "2026-06-03-northwind-recruiter-screen"


def build_site(root: Path, monkeypatch: pytest.MonkeyPatch, *, cache: bool) -> dict[str, bytes]:
    return build_with(root, monkeypatch, RunOptions(cache_navigation=cache))


def same_both_ways(root: Path, twin: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    cached = build_site(root, monkeypatch, cache=True)
    drawn = build_site(twin, monkeypatch, cache=False)
    assert sorted(cached) == sorted(drawn)
    assert [path for path in sorted(drawn) if cached[path] != drawn[path]] == []
    return cached


def test_the_demo_is_the_same_with_the_navigation_drawn_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = same_both_ways(copy_demo(tmp_path / "a"), copy_demo(tmp_path / "b"), monkeypatch)
    page = site[f"entries/{ENTRY}/index.html"].decode()
    # Not by chance: the entry page has the tabs and the sidebar, links relative to it.
    assert 'class="md-tabs"' in page and 'class="md-nav md-nav--primary' in page
    assert 'href="../../timeline/"' in page


def with_pages_in_an_entry_folder(root: Path) -> Path:
    """The demo with a hand-written page inside an entry's folder and one at the top, both
    in an explicit nav: links into the folder are relative to the entry page alone."""
    copy_demo(root)
    inside = root / "notebook" / "entries" / ENTRY
    inside.mkdir(parents=True)
    (inside / "sketch.md").write_text("# Sketch\n\nThe whiteboard.\n")
    (root / "notebook" / "extra.md").write_text("# Extra\n")
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text()
        + "nav:\n  - index.md\n  - Timeline: timeline.md\n  - Extra: extra.md\n"
        + f"  - Sketch: entries/{ENTRY}/sketch.md\n  - Method: method.md\n"
    )
    return root


def test_links_into_a_page_s_own_folder_are_drawn_for_that_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = same_both_ways(
        with_pages_in_an_entry_folder(tmp_path / "a"),
        with_pages_in_an_entry_folder(tmp_path / "b"),
        monkeypatch,
    )
    # From the entry page, the sketch is below it; from another entry page, beside it.
    links = re.compile(r'href="([^"]*sketch/)"')
    assert set(links.findall(site[f"entries/{ENTRY}/index.html"].decode())) == {"sketch/"}
    other = "entries/2026-06-10-blue-heron-phone-screen/index.html"
    assert set(links.findall(site[other].decode())) == {f"../{ENTRY}/sketch/"}
    # The sketch is in the navigation: its own page marks it active.
    sketch = site[f"entries/{ENTRY}/sketch/index.html"].decode()
    assert "md-nav__link--active" in sketch


def test_a_partial_a_custom_dir_overrides_is_drawn_for_every_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An override may read anything of the page: it is never copied from another."""
    root = copy_demo(tmp_path / "demo")
    partials = root / "overrides" / "partials"
    partials.mkdir(parents=True)
    (partials / "nav.html").write_text('<p class="which">{{ page.title }}</p>\n')
    config = root / "mkdocs.yml"
    text = config.read_text().replace(
        "  name: material\n", "  name: material\n  custom_dir: overrides\n", 1
    )
    config.write_text(text)
    site = build_site(root, monkeypatch, cache=True)
    titles = re.compile(r'<p class="which">([^<]*)</p>')
    first = titles.findall(site[f"entries/{ENTRY}/index.html"].decode())
    other = titles.findall(site["entries/2026-06-10-blue-heron-phone-screen/index.html"].decode())
    assert first == ["Northwind Logistics — Senior Backend Engineer"]
    assert other and other != first
