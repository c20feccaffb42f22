"""Generated blocks are indexed for mkdocs-material's search without HTMLParser
(generator/plugin/indexing.py): the sections must be exactly what its Parser makes of the
same HTML read tag by tag, for every block, and the shortcut must step aside where it
can't promise that."""

from __future__ import annotations

from typing import Any

import pytest
from material.plugins.search.plugin import Parser

from generator.plugin.indexing import add_generated, read_piece
from generator.plugin.search_copy import search_copy

HEADING = '<h2 id="questions">Questions<a class="headerlink" href="#questions">&para;</a></h2>'

BLOCKS = [
    '<ol>\n<li>\n<p><strong>Design a queue</strong> · system design · <span class="r" '
    'title="2 of 5" data-search-exclude>★★☆☆☆</span></p>\n<ul>\n<li><em>What I said:</em> '
    "A &amp; B, &lt;tags&gt;, &quot;quoted&quot; &#x27;single&#x27;</li>\n</ul>\n</li>\n</ol>",
    '<p class="debrief-chips"><span class="c"><span>date</span> 2026-01-01</span> </p>',
    "<ul>\n<li>Sub<sub>2</sub> and sup<sup>3</sup>, <code>x &lt; y</code></li>\n</ul>",
    "<p>line one\nline two</p>",
    "<p>&nbsp;</p>",  # empty once unescaped: the search drops it
    "<ul>\n<li></li>\n<li>kept</li>\n</ul>",  # an empty item
    "<p>a</p><p></p>",
    "<pre><code>  indented\n    code</code></pre>",  # white space that counts
    "<p>1 < 2 is text</p>",  # a stray "<"
    "<!-- a comment --><p>after</p>",
    "\n",
    "   ",
    "<p>x</p>\n\n\n<p>y</p>",
    "<table data-search-exclude><tr><td>out</td></tr></table><p>in</p>",
    "<div><p>nested in a div</p></div>",
]


def sections(parser: Any) -> list[tuple[Any, ...]]:
    """All a section is, and all the parser goes on from."""
    found = [(s.id, s.el.tag, s.el.attrs, s.depth, s.title, s.text) for s in parser.data]
    last = parser.data[-1] if parser.data else None
    return [*found, ([e.tag for e in parser.context], parser.section is last)]


def read_whole(before: str, block: str) -> Any:
    parser = Parser()
    parser.feed(before + block)
    parser.close()
    return parser


def read_shortcut(before: str, block: str) -> tuple[Any, str]:
    """`before` read by HTMLParser, then `block` as SearchFeeder.index reads a generated one."""
    parser = Parser()
    parser.feed(before)
    way = read_piece(parser, block, generated=True)
    parser.close()
    return parser, way


@pytest.mark.parametrize("block", BLOCKS)
@pytest.mark.parametrize(
    "before",
    ['<h1 id="t">T</h1>\n', '<h1 id="t">T</h1>\n' + HEADING, "<p>text </p>", ""],
)
def test_a_block_gives_the_sections_htmlparser_gives(before: str, block: str) -> None:
    copy = search_copy(block)
    whole = read_whole(before, copy)
    shortcut, _ = read_shortcut(before, copy)
    assert sections(shortcut) == sections(whole)


def test_the_shortcut_is_taken_for_ordinary_blocks_and_not_for_the_others() -> None:
    before = '<h1 id="t">T</h1>\n'
    ways = [read_shortcut(before, search_copy(block))[1] for block in BLOCKS]
    # Not for an entity alone, an empty element, `pre` (tag by tag); nor for a stray "<"
    # or a comment (HTMLParser).
    assert ways == [
        *["at once"] * 4,
        *["tag by tag"] * 4,
        *["HTMLParser"] * 2,
        *["at once"] * 5,
    ]
    # A heading too, from what it makes alone; not one the search leaves out.
    assert read_shortcut(before, HEADING)[1] == "at once"
    assert read_shortcut(before, HEADINGS[2])[1] == "tag by tag"


HEADINGS = [
    HEADING,
    '<h3 id="a-b">A &amp; <em>B</em> &lt;c&gt;<a class="headerlink" href="#a-b">§</a></h3>',
    '<h2 id="out" data-search-exclude>Out</h2>',
    '<h2 class="x">No id</h2>',
    '<h1 id="t2">Second title</h1>',
]


@pytest.mark.parametrize("heading", HEADINGS)
@pytest.mark.parametrize("before", ['<h1 id="t">T</h1>\n<p>x</p>', "", "<div>"])
@pytest.mark.parametrize("after", ["\n<p>text</p>", ""])
def test_a_heading_gives_the_sections_htmlparser_gives(
    before: str, heading: str, after: str
) -> None:
    whole = read_whole(before, heading + after)
    parser = Parser()
    parser.feed(before)
    read_piece(parser, heading, generated=True)
    parser.feed(after)
    parser.close()
    assert sections(parser) == sections(whole)
    # Not while the notes left an element open, nor before any section.
    parser = Parser()
    parser.feed('<h1 id="t">T</h1>\n<div>')
    assert add_generated(parser, "<p>x</p>") is False
    assert add_generated(Parser(), "<p>x</p>") is False


NOTES = """\
Before any heading, with **bold**, *em*, `code < x`, a [link](https://example.com "a > b")
and an image ![alt](x.png).

## Heading & more {: #custom }

| a | b |
|---|---|
| 1 | |

!!! note "Careful"
    An admonition with a list:

    - one
    - two

- [x] done
- [ ] not yet

Text with a footnote[^1].

```python
def f():
    return "<tag>"
```

<div markdown>
Inside a **div**.
</div>

<span title='single > quoted'>raw</span> and <b>unclosed

<!-- a comment -->

<script>var x = "<p>";</script>

### Deeper

<p></p>

Last line.

[^1]: The footnote.
"""


def notes_html(comment: bool) -> str:
    import markdown

    extensions = [
        "admonition",
        "attr_list",
        "md_in_html",
        "tables",
        "footnotes",
        "fenced_code",
        "toc",
        "pymdownx.tasklist",
    ]
    text = NOTES if comment else NOTES.replace("<!-- a comment -->\n\n", "")
    return str(markdown.markdown(text, extensions=extensions))


@pytest.mark.parametrize("comment", [True, False])
@pytest.mark.parametrize(
    "cut", [None, "<h2", "<table", '<div class="admonition', "<script", "<p>Last"]
)
def test_notes_give_the_sections_htmlparser_gives(cut: str | None, comment: bool) -> None:
    """The notes, whatever they hold, read as SearchFeeder.index reads them (after a title,
    or cut anywhere into a title and the rest) give HTMLParser's sections."""
    html = notes_html(comment)
    before, notes = '<h1 id="t">T</h1>\n', html
    if cut is not None:
        at = html.index(cut)
        before, notes = before + html[:at], html[at:]
    parser = Parser()
    parser.feed(before)
    way = read_piece(parser, notes, generated=False)
    parser.close()
    assert sections(parser) == sections(read_whole(before, notes))
    assert way  # (which way it went depends on the cut)


def test_plain_notes_are_read_at_once() -> None:
    html = '<p>Plain <em>notes</em>, <a href="x">a link</a>.</p>\n<ul>\n<li>one</li>\n</ul>'
    parser = Parser()
    parser.feed('<h1 id="t">T</h1>\n')
    assert read_piece(parser, html, generated=False) == "at once"
    with_heading = '<p>a</p>\n<h2 id="b">B</h2>\n<p>c</p>'
    assert read_piece(parser, with_heading, generated=False) == "HTMLParser and at once"


def test_a_toc_item_is_found_by_id_as_the_search_plugin_finds_it() -> None:
    """The feeder looks sections' items up in a table (`toc_items`); the search plugin
    walks the table of contents from its start: the same item for every id, duplicates,
    an id that is nowhere and no id at all included."""
    from material.plugins.search.plugin import SearchIndex
    from mkdocs.structure.toc import AnchorLink

    from generator.plugin.indexing import toc_items

    def link(id_: str, *children: AnchorLink) -> AnchorLink:
        item = AnchorLink(id_.upper(), id_, 2)
        item.children = list(children)
        return item

    toc = [
        link("a", link("b", link("dup"), link("c")), link("dup")),
        link("dup", link("d")),
        link("e"),
        link("c"),
    ]

    class Walker:  # the plugin's own walk, without the rest of its index
        _find_toc_by_id = SearchIndex._find_toc_by_id

    found = toc_items(toc)
    for id_ in ["a", "b", "c", "d", "e", "dup", "nowhere", None]:
        assert found.get(id_) is Walker()._find_toc_by_id(toc, id_), id_
    assert found["dup"] is toc[0].children[0].children[0]
