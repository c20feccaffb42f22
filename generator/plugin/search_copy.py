"""A lighter copy of the generated HTML blocks, for the search plugin to read.

mkdocs-material's search plugin reads every page through Python's HTMLParser and
keeps only text and a few tags (p, li, ol, ul, code, pre, sub, sup); its cost
follows the number of tags. The generated blocks are dense with tags it throws
away (table cells, links, dates, chips, checkboxes), and at 1,000 entries reading
them took most of the index's time. The plugin shows the search plugin this copy
of each block instead, then puts the real blocks back: the index holds the same
text (tests/test_site_build.py compares the two indexes byte for byte).

Only for the generated blocks: their HTML is ours, every value in it escaped, so
tags can be told from text by a regular expression. Bodies are never touched.
"""

from __future__ import annotations

import re

_EXCLUDED = re.compile(r"<(\w+)\b[^>]*\sdata-search-exclude\b[^>]*>")
_SKIPPED = re.compile(r"<(script|style|object)\b.*?</\1>", re.DOTALL | re.IGNORECASE)
_DROPPED = re.compile(r"</?(?!(?:p|li|ol|ul|code|pre|sub|sup)\b)[a-zA-Z][^>]*>")
# Between two dropped tags, line breaks come together that the search would have read
# as separate runs of white space, and kept one space of: keep one line break.
_BREAKS = re.compile(r"\n{2,}")


def without_excluded(block: str) -> str:
    """The block without its elements marked `data-search-exclude`, and what they hold."""
    kept: list[str] = []
    position = 0
    while (start := _EXCLUDED.search(block, position)) is not None:
        kept.append(block[position : start.start()])
        name = start.group(1)
        tags = re.compile(rf"<(/?){name}\b[^>]*>", re.IGNORECASE)
        depth, position = 1, len(block)
        for tag in tags.finditer(block, start.end()):
            depth += -1 if tag.group(1) else 1
            if depth == 0:
                position = tag.end()
                break
    kept.append(block[position:])
    return "".join(kept)


def search_copy(block: str) -> str:
    """The block with only what the search plugin keeps: the same text, fewer tags."""
    if "data-search-exclude" in block:
        block = without_excluded(block)
    if "<s" in block or "<o" in block or "<S" in block or "<O" in block:
        block = _SKIPPED.sub("", block)
    text = _BREAKS.sub("\n", _DROPPED.sub("", block))
    # The block stands between two line breaks of the page: they are the white space.
    return text.strip("\n")
