"""Indexing a generated page for mkdocs-material's search without reparsing our own HTML.

The theme's search plugin reads every page through Python's `HTMLParser`, a tag at a
time in pure Python; on an entry page most of the tags are the generated blocks', and
reading them was most of the index's time. Their HTML is ours: every value escaped,
every attribute double-quoted, no comment, script or style (the search copy has
removed them), so a regular expression tells its tags from its text. This module
hands the search plugin's own `Parser` the events `HTMLParser` would have given it for
those blocks (the same tag names, attributes and unescaped text, in the same order),
and lets `HTMLParser` read the rest of the page (the notes, whatever they hold). The
sections then go into the index through the plugin's own `create_entry_for_section`:
the index is the one the plugin would have written (tests/test_site_search_copy.py
compares them byte for byte).

Only for mkdocs-material's search plugin; with any other (MkDocs' own, ProperDocs'),
the page is shown the search copy and read as before.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from html import unescape
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

_TAG = re.compile(r"<(/?)([a-zA-Z][^\s/>]*)([^>]*)>")
_ATTRIBUTE = re.compile(r'([^\s="/]+)(?:="([^"]*)")?')


def feed_generated(parser: Any, html: str) -> None:
    """The events `HTMLParser` gives for `html` (a generated block), to `parser`."""
    position = 0
    for tag in _TAG.finditer(html):
        if tag.start() > position:
            parser.handle_data(unescape(html[position : tag.start()]))
        position = tag.end()
        name = tag.group(2).lower()
        if tag.group(1):
            parser.handle_endtag(name)
            continue
        rest = tag.group(3)
        attributes = [
            (key.lower(), None if value is None else unescape(value))
            for key, value in _ATTRIBUTE.findall(rest)
        ]
        parser.handle_starttag(name, attributes)
        if rest.endswith("/"):  # <br/>: HTMLParser's handle_startendtag
            parser.handle_endtag(name)
    if position < len(html):
        parser.handle_data(unescape(html[position:]))


class SearchFeeder:
    """mkdocs-material's search plugin of this build, fed generated pages directly."""

    def __init__(self, plugin: Any) -> None:
        self._plugin = plugin
        self._parser_class = sys.modules[type(plugin).__module__].Parser

    @classmethod
    def of(cls, config: MkDocsConfig) -> SearchFeeder | None:
        """The feeder of the build's search plugin, if it is mkdocs-material's."""
        for plugin in config.plugins.values():
            module = type(plugin).__module__
            if module == "material.plugins.search.plugin" and hasattr(plugin, "search_index"):
                return cls(plugin)
        return None

    def index(self, page: Page, pieces: Iterable[tuple[bool, str]]) -> None:
        """Index `page`, whose HTML is `pieces` one after the other, each generated
        (True) or not; as the search plugin's `add_entry_from_context` does."""
        if not self._plugin.config.enabled:
            return
        search = page.meta.get("search") or {}
        if search.get("exclude"):
            return
        parser = self._parser_class()
        for generated, html in pieces:
            # Text HTMLParser holds back (a tag or comment still open) must meet what
            # follows it as it would have: then the block goes through HTMLParser too.
            if generated and not parser.rawdata:
                feed_generated(parser, html)
            else:
                parser.feed(html)
        parser.close()
        index = self._plugin.search_index
        for section in parser.data:
            if not section.is_excluded():
                index.create_entry_for_section(section, page.toc, page.url, page)
