"""The search index written piece by piece, not as one string: the build's peak of memory.

mkdocs-material's search plugin keeps a dict for every section of every page, and at the
end of a build writes `{"config": ..., "docs": [...]}` as one `json.dumps` string, then
encodes that string again as bytes: three copies of the index at once, on top of the rest
of the build. An entry page has more sections and more text than a plain note, so at
4,000 entries the index is 25 MB against the plain build's 14 MB, and that moment was the
build's peak (benchmarks/README.md, "Memory: what a build holds").

Under a build from scratch, the plugin writes the same document itself, one section at a
time, each section let go once it is written; the search plugin is then kept from writing
it a second time. The file is the same, byte for byte: each piece goes through the same
encoder with the same options, in the same order (tests/test_site_search_index.py compares
the two). A dirty build (`debrief serve`) is left to the search plugin: there it merges the
page just rebuilt into the index it kept from the build before, and keeps the result.
"""

from __future__ import annotations

import json
import os
from typing import Any

from material.plugins.search.plugin import SearchPlugin
from mkdocs.config.defaults import MkDocsConfig

INDEX = os.path.join("search", "search_index.json")
# What the search plugin puts under "config", in its order.
CONFIG_KEYS = ("lang", "separator", "pipeline", "fields")


def _search_plugin(config: MkDocsConfig) -> SearchPlugin | None:
    """mkdocs-material's search plugin, named `search` or `material/search` in mkdocs.yml,
    if it is on and has an index (made at its `on_config` when enabled); MkDocs' own search
    plugin writes another format: None."""
    for plugin in config.plugins.values():
        if isinstance(plugin, SearchPlugin) and plugin.config.enabled:
            return plugin if hasattr(plugin, "search_index") else None
    return None


class StreamedSearchIndex:
    """Writes the search plugin's index in its place, for one build."""

    def __init__(self) -> None:
        self._silenced: SearchPlugin | None = None

    def write(self, config: MkDocsConfig) -> None:
        """Write the index into the site and switch the search plugin off until
        `hand_back`; with no search plugin, or search switched off, do nothing."""
        plugin = _search_plugin(config)
        if plugin is None or plugin.search_index_prev is not None:
            return  # nothing to write, or an index to merge with: the plugin's to do
        index = plugin.search_index
        write_index(
            os.path.join(config.site_dir, INDEX),
            {key: index.config[key] for key in CONFIG_KEYS},
            index.entries,
        )
        plugin.config.enabled = False
        self._silenced = plugin

    def hand_back(self) -> None:
        """The search plugin as mkdocs.yml has it again, once its `on_post_build` is past."""
        if self._silenced is not None:
            self._silenced.config.enabled = True
            self._silenced = None


def write_index(path: str, config: dict[str, Any], entries: list[Any]) -> None:
    """Write `{"config": config, "docs": entries}` as the search plugin's `json.dumps` with
    `separators=(",", ":"), default=str` would, emptying `entries` as it goes."""
    encoder = json.JSONEncoder(separators=(",", ":"), default=str)  # what json.dumps makes
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as out:
        out.write(b'{"config":' + encoder.encode(config).encode() + b',"docs":[')
        for number, entry in enumerate(entries):
            if number:
                out.write(b",")
            out.write(encoder.encode(entry).encode("utf-8"))
            entries[number] = None  # written: the section's dict and text can go
        entries.clear()
        out.write(b"]}")
