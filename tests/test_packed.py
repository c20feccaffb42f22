"""A packed page gives back exactly the page that was packed (generator/plugin/packed.py),
whatever its blocks hold, the separator the packing uses included."""

from __future__ import annotations

import pytest

from generator.plugin.packed import Held, Packed
from generator.render.placeholders import Heading, Part, Source

PAGES: list[tuple[Part, ...]] = [
    (),
    ("<p>a</p>",),
    (Heading(2, "Questions"),),
    ("<p>a</p>", Heading(2, "Questions"), "<ol>\n<li>x</li>\n</ol>", Heading(3, "R & D")),
    ("a\x00b", "c"),  # the separator inside a block
    ("\x01json:not json", "y"),  # what marks the other way of packing
    (Heading(2, "A"), Heading(2, "B")),
    ("— ★ 日本語", "é"),
    ("",),  # one empty block
    ("", ""),
    ("\x00",),  # only the separator
    ("a", "\x01json:[]"),  # the mark in a later block: not the other way
    ("<p>" + "x" * 300_000 + "</p>", "", "★" * 70_000),  # packed block by block
]


@pytest.mark.parametrize("parts", PAGES)
def test_a_page_comes_back_as_it_was_packed(parts: tuple[Part, ...]) -> None:
    source = Source("---\ntitle: T\n---\n\n# T\n", parts)
    for kept in (Packed(source), Held(source)):
        assert kept.parts == parts
        assert kept.headings == {n: p for n, p in enumerate(parts) if isinstance(p, Heading)}
        assert kept.take_markdown() == source.markdown
