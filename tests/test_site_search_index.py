"""The search index written piece by piece (generator/plugin/search_index.py): real builds
with the plugin's writer and with the search plugin's, the same file byte for byte."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator.plugin.run import RunOptions
from generator.plugin.search_index import write_index
from tests.conftest import copy_demo, site_files, write_notebook
from tests.test_drill_cards import ACME

INDEX = "search/search_index.json"

# A hand-written page with what the index writes in its own ways: tags (a number among
# them), a boost, text beyond ASCII and beyond the Basic Multilingual Plane, sections.
ODD_PAGE = """---
tags: [naïve, 42]
search:
  boost: 2.5
---
# Café — “notes”

Déjà vu 🎉 in a paragraph, and a tab\there.

## Second section

A <code>line</code> of "quoted" text \\ with a backslash.
"""


@pytest.fixture(autouse=True)
def _quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEBRIEF_TODAY", "2026-12-01")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")


def build_site(
    root: Path, monkeypatch: pytest.MonkeyPatch, *, stream: bool = True, dirty: bool = False
) -> tuple[dict[str, bytes], Any]:
    """Build `root` as `debrief build` does (`dirty`: as `debrief serve` does); return the
    site's files by path and the search plugin, if there is one. (MkDocs keeps one plugin
    object per process, as `serve` needs: the next build gives it a new index.)"""
    monkeypatch.chdir(root)
    config = load_config(str(root / "mkdocs.yml"))
    config.plugins["debrief"].options = RunOptions(stream_search_index=stream)  # type: ignore[attr-defined]
    config.plugins.on_startup(command="build", dirty=dirty)
    try:
        build(config, dirty=dirty)
    finally:
        config.plugins.on_shutdown()
    files = site_files(root / "site")
    search = next((p for name, p in config.plugins.items() if name.endswith("search")), None)
    return files, search


def demo_with_odd_page(root: Path, search_line: str = "  - search") -> Path:
    copy_demo(root)
    (root / "notebook" / "odd.md").write_text(ODD_PAGE, encoding="utf-8")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\n  - search\n" in text
    config.write_text(text.replace("\n  - search\n", f"\n{search_line}\n"), encoding="utf-8")
    return root


@pytest.mark.parametrize("name", ["search", "material/search"])
def test_the_streamed_index_is_the_search_plugins_byte_for_byte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    streamed, search = build_site(
        demo_with_odd_page(tmp_path / "streamed", f"  - {name}"), monkeypatch
    )
    # The writer wrote it, and let go of the sections; the search plugin is on again.
    assert search.search_index.entries == []
    assert search.config.enabled is True
    plugins, search = build_site(
        demo_with_odd_page(tmp_path / "plugin", f"  - {name}"), monkeypatch, stream=False
    )
    assert len(search.search_index.entries) > 100
    # The whole site is the same, the index included.
    assert sorted(streamed) == sorted(plugins)
    assert [path for path in sorted(plugins) if streamed[path] != plugins[path]] == []
    index = streamed[INDEX]
    assert index.startswith(b'{"config":{"lang":["en"],"separator":')
    assert index.endswith(b"}]}")
    # The odd page's sections as json.dumps writes them: ASCII, escapes, tags as text, the
    # boost (white space is the search plugin's: a tab read as a space).
    assert (
        b'{"location":"odd/","title":"Caf\\u00e9 \\u2014 \\u201cnotes\\u201d",'
        b'"text":"<p>D\\u00e9j\\u00e0 vu \\ud83c\\udf89 in a paragraph, and a tab here.</p>",'
        b'"tags":["na\\u00efve","42"],"boost":2.5},'
        b'{"location":"odd/#second-section","title":"Second section",'
        b'"text":"<p>A <code>line</code> of \\"quoted\\" text \\\\ with a backslash.</p>",'
        b'"tags":["na\\u00efve","42"],"boost":2.5}'
    ) in index


def test_a_notebook_without_the_search_plugin_has_no_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_notebook(tmp_path / "nb", {"2026-09-01-acme.md": ACME})
    config = root / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - search\n", ""), encoding="utf-8")
    files, search = build_site(root, monkeypatch)
    assert search is None
    assert "entries/2026-09-01-acme/index.html" in files
    assert [path for path in files if path.startswith("search/")] == []


def test_search_switched_off_writes_no_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_notebook(tmp_path / "nb", {"2026-09-01-acme.md": ACME})
    config = root / "mkdocs.yml"
    text = config.read_text().replace("  - search\n", "  - search:\n      enabled: false\n")
    config.write_text(text, encoding="utf-8")
    files, search = build_site(root, monkeypatch)
    assert search.config.enabled is False
    assert "entries/2026-09-01-acme/index.html" in files
    assert [path for path in files if path.startswith("search/")] == []


def test_a_dirty_build_leaves_the_index_to_the_search_plugin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It keeps its index to merge the next rebuild into (`debrief serve`): untouched."""
    root = write_notebook(tmp_path / "nb", {"2026-09-01-acme.md": ACME})
    files, search = build_site(root, monkeypatch, dirty=True)
    assert search.search_index_prev is search.search_index
    assert len(search.search_index.entries) > 3
    assert b'"location":"entries/2026-09-01-acme/"' in files[INDEX]


def test_write_index_writes_what_json_dumps_writes(tmp_path: Path) -> None:
    config = {"lang": ["en"], "separator": "[\\s\\-]+", "pipeline": [], "fields": {"title": {}}}
    entries: list[Any] = [
        {"location": "", "title": "Ünïcode", "text": "a\nb", "boost": 1e3},
        {"location": "x/", "title": "When", "text": "", "tags": [Path("p")]},
    ]
    whole = {"config": config, "docs": list(entries)}
    path = tmp_path / "site" / "search" / "search_index.json"  # the folder is made
    write_index(str(path), config, entries)
    assert path.read_bytes() == (
        b'{"config":{"lang":["en"],"separator":"[\\\\s\\\\-]+","pipeline":[],"fields":{"title":{}}},'
        b'"docs":[{"location":"","title":"\\u00dcn\\u00efcode","text":"a\\nb","boost":1000.0},'
        b'{"location":"x/","title":"When","text":"","tags":["p"]}]}'
    )
    assert path.read_bytes() == json.dumps(whole, separators=(",", ":"), default=str).encode()
    assert entries == []  # each let go once written
