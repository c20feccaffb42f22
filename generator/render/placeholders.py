"""Placeholders that keep a page's HTML blocks out of Python-Markdown.

Everything a page shows that the notebook generates is an HTML block. Python-Markdown
passes such blocks through unchanged but still scans them, and at 1,000 entries that
scanning was most of the build. So the plugin gets each page as Markdown with a
placeholder paragraph where each block goes (a `Source`), and the blocks apart, to put
back into the HTML that MkDocs made (`fill_parts`). The export writes blocks inline.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass

# A placeholder is a paragraph of its own, a word no one types and no Markdown extension
# changes (an HTML comment was: pymdownx.striphtml removes them). The token is new in
# every process, so a page's text can't hold one by chance, yet stays the same across
# the rebuilds of one `debrief serve`, which compares pages by their Markdown.
_TOKEN = secrets.token_hex(6)
PART = "debrief-part-" + _TOKEN + "-{}"
_PLACED = re.compile(rf"<p>debrief-part-{_TOKEN}-(\d+)</p>")


@dataclass(frozen=True)
class Source:
    """A generated page in two pieces: Markdown with a placeholder for each HTML block."""

    markdown: str
    parts: tuple[str, ...] = ()


class MissingBlocks(ValueError):
    """Placeholders that did not come through Python-Markdown as they went in."""

    def __init__(self, count: int, first: str) -> None:
        super().__init__(count, first)
        self.count, self.first = count, first


def fill_parts(html: str, parts: tuple[str, ...]) -> str:
    """The HTML Python-Markdown made of a `Source`'s Markdown, with its blocks put back.

    Raises MissingBlocks, naming them, when a placeholder did not come through (a
    Markdown extension that rewrites paragraphs): a page silently short of its tables
    would be worse than a failed build.
    """
    pending = set(range(len(parts)))

    def put(match: re.Match[str]) -> str:
        number = int(match.group(1))
        if number not in pending:
            return match.group(0)
        pending.discard(number)
        return parts[number]

    # One pass: a page of many blocks is copied once, not once per block.
    filled = _PLACED.sub(put, html)
    if pending:
        raise MissingBlocks(len(pending), PART.format(min(pending)))
    return filled


class Parts:
    """The `{% call page.part() %}` of the templates: an HTML block, kept apart or inline."""

    def __init__(self, split: bool) -> None:
        self.split = split
        self.items: list[str] = []

    def __call__(self, caller: Callable[[], str]) -> str:
        # No blank line inside: CommonMark ends an HTML block at the first one.
        html = "\n".join(line for line in caller().splitlines() if line.strip())
        if not html:
            return ""
        if not self.split:
            return f"\n{html}\n"
        self.items.append(html)
        # Blank lines around it: a paragraph of its own whatever comes before and after.
        return f"\n\n{PART.format(len(self.items) - 1)}\n\n"
