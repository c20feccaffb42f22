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
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from html import escape, unescape
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

_TAG = re.compile(r"<(/?)([a-zA-Z][^\s/>]*)([^>]*)>")
_ATTRIBUTE = re.compile(r'([^\s="/]+)(?:="([^"]*)")?')


# A tag as Python-Markdown and the templates write one (a name; attributes with a value in
# double quotes, or none), a run of text, or a "<" or ">" that is neither: not read here.
_TOKEN = re.compile(
    r'<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:="[^"<>]*")?)*)\s*(/?)>'
    r"|([^<>]+)|([<>])"
)
# What only HTMLParser reads right: a comment or declaration, a "<" that opens no tag.
_UNUSUAL = re.compile(r"<(?![a-zA-Z/])|</(?![a-zA-Z])")
# The tags the search keeps in its text (its Parser's `keep`; `pre`, where white space
# counts, is read tag by tag), those it skips with what they hold, and headings.
_KEPT = frozenset(("p", "code", "li", "ol", "ul", "sub", "sup"))
_NOT_HERE = frozenset(("pre", "script", "style", "object", "h1", "h2", "h3", "h4", "h5", "h6"))
_HEADINGS = re.compile(r"(<(h[1-6])\b[^>]*>.*?</\2>)", re.DOTALL)


def add_generated(parser: Any, html: str) -> bool:
    """The text the search plugin's `parser` would keep of `html` (a search copy of a
    generated block, or a stretch of HTML between headings), added to its current section
    at once; False, and nothing added, when the HTML or the parser's state is one this
    does not know to be the same as reading it tag by tag.

    The same when: the parser is between top-level elements of a section of its own (all
    HTML before is read, nothing in it still open); every tag is written plainly and
    closed in order; none is a heading, `pre`, or one the search skips with its content
    (`script`, `style`, `object`, or marked `data-search-exclude` or `linenodiv`); and no
    element the search keeps is left without text, which it drops under a rule that looks
    back at the whole section. Then the tags it keeps are kept without their attributes,
    the others dropped, and each run of text kept as it keeps it: white space as one
    space unless the text before ends with some, line breaks as spaces, escaped again.
    (mkdocs-material's `Parser.handle_*`, read for these cases.)
    """
    section = parser.section
    if parser.rawdata or parser.context or section is None or section.depth > 1:
        return False
    if "data-search-exclude" in html or "linenodiv" in html:
        return False
    void = _void(type(parser).__module__)
    text: list[str] = section.text
    added: list[str] = []
    open_: list[tuple[str, int]] = []  # each element still open, and where its text starts
    last_space = bool(text) and text[-1].isspace()
    for match in _TOKEN.finditer(html):
        if match.group(6):
            return False
        name = match.group(2)
        if name is None:
            data = unescape(match.group(5))
            if data.isspace():
                if not last_space:
                    added.append(" ")
                    last_space = True
            else:
                added.append(escape(data.replace("\n", " "), quote=False))
                last_space = False
            continue
        name = name.lower()
        if name in _NOT_HERE:
            return False
        if match.group(1):  # an end tag
            if name in void or not open_ or open_[-1][0] != name:
                return False
            _, start = open_.pop()
            if name in _KEPT:
                if all(item.isspace() for item in added[start:]):
                    return False  # an element without text: the search's own rule
                added.append(f"</{name}>")
                last_space = False
        elif name not in void:
            if match.group(4):  # <x/>: opened and closed, nothing in it
                if name in _KEPT:
                    return False
                continue
            open_.append((name, len(added) + 1))
            if name in _KEPT:
                added.append(f"<{name}>")
                last_space = False
    if open_:
        return False
    text.extend(added)
    return True


@cache
def _void(module: str) -> frozenset[str]:
    """The tags the search plugin's Parser (in `module`) takes as never closed: looked up
    once, not for every block."""
    return frozenset(getattr(sys.modules[module], "void", ()))


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
    if parser.rawdata or _UNUSUAL.search(html):
        parser.feed(html)
        return "HTMLParser"
    if not generated:
        return _read_written(parser, html)
    if add_generated(parser, html) or add_heading(parser, html):
        return "at once"
    feed_generated(parser, html)
    return "tag by tag"


def _read_written(parser: Any, html: str) -> str:
    """HTML the page's Markdown made (a title, an entry's notes): each stretch between
    headings at once where `add_generated` can, the rest (and headings, which open
    sections) through HTMLParser."""
    ways = set()
    for number, piece in enumerate(_HEADINGS.split(html)):
        if number % 3 == 2 or not piece:
            continue  # the heading's tag name, captured for the split
        if number % 3 == 0 and add_generated(parser, piece):
            ways.add("at once")
        else:
            parser.feed(piece)
            ways.add("HTMLParser")
    return " and ".join(sorted(ways)) or "at once"


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
        # The plugin finds each section's table-of-contents item by walking the whole
        # table from its start: a page of 8,000 headings took 29 s of 34. Looked up in a
        # table made once, the same item (the first met in the same walk) is found.
        found = toc_items(page.toc)
        with _looking_up(index, lambda _toc, id: found.get(id)):
            for section in parser.data:
                if not section.is_excluded():
                    index.create_entry_for_section(section, page.toc, page.url, page)


@contextmanager
def _looking_up(index: Any, find: Callable[[Any, Any], Any]) -> Iterator[None]:
    """`index` finding table-of-contents items with `find`, for the time of the block."""
    index._find_toc_by_id = find
    try:
        yield
    finally:
        del index._find_toc_by_id


def toc_items(toc: Iterable[Any]) -> dict[Any, Any]:
    """Every item of a table of contents by its id, the first in reading order (each item,
    then its children, then the next) when two share one."""
    found: dict[Any, Any] = {}
    waiting = list(toc)[::-1]
    while waiting:
        item = waiting.pop()
        found.setdefault(item.id, item)
        waiting.extend(list(item.children)[::-1])
    return found
