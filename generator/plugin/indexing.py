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
from html import escape, unescape
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

_TAG = re.compile(r"<(/?)([a-zA-Z][^\s/>]*)([^>]*)>")
_ATTRIBUTE = re.compile(r'([^\s="/]+)(?:="([^"]*)")?')


_TOKEN = re.compile(r"<(/?)([a-z]+)[^>]*>|([^<]+)|(<)")
# An element with nothing in it but white space, or entities (`&nbsp;` is white space).
_EMPTY = re.compile(r"<([a-z]+)\b[^>]*>(?:\s|&#?\w+;)*</\1>")
# What only HTMLParser reads right: a comment or declaration, a "<" that opens no tag.
_UNUSUAL = re.compile(r"<(?![a-zA-Z/])|</(?![a-zA-Z])")
# What the search keeps of a block's tags (its Parser's `keep`): a copy holds no other.
_KEPT = frozenset(("p", "code", "li", "ol", "ul", "sub", "sup"))


def add_generated(parser: Any, html: str) -> bool:
    """The text the search plugin's `parser` would keep of `html`, a search copy of a
    generated block, added to its current section at once; False, and nothing added, when
    the block or the parser's state is one this does not know to be the same as reading
    it tag by tag (`feed_generated`).

    The same when: the parser is between top-level elements of a section of its own (the
    notes' HTML is all read, nothing in it still open); the block holds only tags the
    search keeps (`pre` aside, where white space counts), and no element that is empty,
    which the search drops under a rule that looks back at the whole section. Then every
    tag is kept as it is written, without its attributes, and each run of text as the
    parser keeps it: white space as one space unless the text before ends with some,
    line breaks as spaces, escaped again. (mkdocs-material's `Parser.handle_*`, read
    for the one case a generated block is.)
    """
    section = parser.section
    if parser.rawdata or parser.context or section is None or section.depth > 1:
        return False
    if _EMPTY.search(html) is not None:
        return False
    text: list[str] = section.text
    added: list[str] = []
    last_space = bool(text) and text[-1].isspace()
    for match in _TOKEN.finditer(html):
        if match.group(4):  # a "<" that opens no tag (a comment, a stray one): not ours
            return False
        name = match.group(2)
        if name is not None:
            if name not in _KEPT:
                return False
            added.append(f"</{name}>" if match.group(1) else f"<{name}>")
            last_space = False
            continue
        data = unescape(match.group(3))
        if data.isspace():
            if not last_space:
                added.append(" ")
                last_space = True
        else:
            added.append(escape(data.replace("\n", " "), quote=False))
            last_space = False
    text.extend(added)
    return True


def feed_generated(parser: Any, html: str) -> None:
    """The events `HTMLParser` gives for `html` (a generated block, with no comment and no
    "<" but the tags': `_UNUSUAL`), to `parser`."""
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
            (m.group(1).lower(), None if m.group(2) is None else unescape(m.group(2)))
            for m in _ATTRIBUTE.finditer(rest)
        ]
        parser.handle_starttag(name, attributes)
        if rest.endswith("/"):  # <br/>: HTMLParser's handle_startendtag
            parser.handle_endtag(name)
    if position < len(html):
        parser.handle_data(unescape(html[position:]))


_OPENS_HEADING = re.compile(r"<(h[1-6])\b")


def _read_alone(parser_class: type, html: str) -> tuple[str, dict[str, Any], list[str]] | None:
    """What a heading alone makes in a new `parser_class`: its tag, attributes and title;
    None unless it is one section's heading and nothing else."""
    parser = parser_class()
    parser.feed(html)
    parser.close()
    if not parser.data or parser.context or parser.skip != parser_class().skip:
        return None
    section = parser.data[-1]
    attributes = dict(section.el.attrs)
    if section.text or "id" not in attributes or "data-search-exclude" in attributes:
        return None
    return section.el.tag, attributes, list(section.title)


_ALONE: dict[tuple[type, str], tuple[str, dict[str, Any], list[str]] | None] = {}


def add_heading(parser: Any, html: str) -> bool:
    """A generated heading's section opened in `parser` as reading it tag by tag would, from
    what the heading makes alone (read once per build for each distinct heading); False,
    and nothing done, unless the parser is between top-level elements after a first section."""
    if parser.rawdata or parser.context or not parser.data or _OPENS_HEADING.match(html) is None:
        return False
    key = (type(parser), html)
    if key not in _ALONE:
        _ALONE[key] = _read_alone(type(parser), html)
    alone = _ALONE[key]
    if alone is None:
        return False
    tag, attributes, title = alone
    last = parser.data[-1]
    # As Parser.handle_starttag opens it: one element deep, named by its id.
    section = type(last)(type(last.el)(tag, dict(attributes)), 1)
    section.id = attributes["id"]
    section.title = list(title)
    parser.data.append(section)
    parser.section = section
    return True


def read_piece(parser: Any, html: str, *, generated: bool) -> str:
    """`html` read by the search plugin's `parser`, the quickest way that reads it right;
    says which way (for the tests)."""
    # Text HTMLParser holds back (a tag or comment still open) must meet what follows it
    # as it would have: then a block goes through HTMLParser too.
    if not generated or parser.rawdata or _UNUSUAL.search(html):
        parser.feed(html)
        return "HTMLParser"
    if add_generated(parser, html) or add_heading(parser, html):
        return "at once"
    feed_generated(parser, html)
    return "tag by tag"


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
            read_piece(parser, html, generated=generated)
        parser.close()
        index = self._plugin.search_index
        for section in parser.data:
            if not section.is_excluded():
                index.create_entry_for_section(section, page.toc, page.url, page)
