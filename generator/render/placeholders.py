"""Placeholders that keep a page's HTML blocks, and its headings, out of Python-Markdown.

Everything a page shows that the notebook generates is an HTML block. Python-Markdown
passes such blocks through unchanged but still scans them, and at 1,000 entries that
scanning was most of the build. So the plugin gets each page as Markdown with a
placeholder paragraph where each block goes (a `Source`), and the blocks apart, to put
back into the HTML that MkDocs made (`fill_parts`). The export writes blocks inline.

A page whose templates wrote nothing of their own in Markdown but headings (an entry's:
only its notes are Markdown) goes further (`lift`): its headings become parts too, and
each run of parts between two pieces of hand-written Markdown stands behind one
placeholder. Python-Markdown then converts the notes alone, as plain MkDocs would; the
plugin makes each heading's HTML and its place in the table of contents
(plugin/headings.py), converting each distinct heading once per build.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass

# A placeholder is a paragraph of its own, a word no one types and no Markdown extension
# changes (an HTML comment was: pymdownx.striphtml removes them). The token is new in
# every process, so a page's text can't hold one by chance, yet stays the same across
# the rebuilds of one `debrief serve`, which compares pages by their Markdown.
_TOKEN = secrets.token_hex(6)
PART = "debrief-part-" + _TOKEN + "-{}"
RUN = PART + "-{}"  # parts first to last, one after the other
# A placeholder (`PART` or `RUN`): the first part it stands for, and the last of a run.
_NUMBERS = rf"debrief-part-{_TOKEN}-(\d+)(?:-(\d+))?"
_PLACED = re.compile(rf"<p>{_NUMBERS}</p>")  # as Python-Markdown gives it back
_LINE = re.compile(_NUMBERS)  # a line of the rendered Markdown
_PLACEHOLDER = re.compile(rf"^{_NUMBERS}$", re.MULTILINE)
# Hand-written Markdown (an entry's notes) in a page being split: `PageView.markdown`.
_MARKDOWN = "debrief-markdown-" + _TOKEN + "-{}"
_MARKED = re.compile(rf"debrief-markdown-{_TOKEN}-(\d+)")
_HEADING = re.compile(r"(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*")


@dataclass(frozen=True)
class Heading:
    """A heading a template wrote, lifted out of the Markdown: `text` is its Markdown."""

    level: int
    text: str


Part = str | Heading


@dataclass(frozen=True)
class Source:
    """A generated page in two pieces: Markdown with a placeholder for each HTML block."""

    markdown: str
    parts: tuple[Part, ...] = ()


class MissingBlocks(ValueError):
    """Placeholders that did not come through Python-Markdown as they went in."""

    def __init__(self, count: int, first: str) -> None:
        super().__init__(count, first)
        self.count, self.first = count, first


def _numbers(match: re.Match[str]) -> range:
    """The parts a placeholder stands for."""
    first = int(match.group(1))
    return range(first, int(match.group(2) or first) + 1)


def placed(html: str) -> list[tuple[int, range]]:
    """Where each placeholder stands in `html`, and the parts it stands for."""
    return [(m.start(), _numbers(m)) for m in _PLACED.finditer(html)]


def fill_parts(html: str, parts: Sequence[str]) -> str:
    """The HTML Python-Markdown made of a `Source`'s Markdown, with its blocks put back.

    Raises MissingBlocks, naming them, when a placeholder did not come through (a
    Markdown extension that rewrites paragraphs): a page silently short of its tables
    would be worse than a failed build.
    """
    return "".join(text for _, text in filled_pieces(html, parts))


def filled_pieces(html: str, parts: Sequence[str]) -> list[tuple[bool, str]]:
    """`fill_parts` in pieces, in order: each a block (True), the line break between two
    blocks of one placeholder (True), or the HTML between placeholders (False)."""
    pending = set(range(len(parts)))
    pieces: list[tuple[bool, str]] = []
    position = 0
    # One pass: a page of many blocks is copied once, not once per block.
    for match in _PLACED.finditer(html):
        numbers = _numbers(match)
        if not pending.issuperset(numbers):
            continue  # a placeholder twice (copied by an extension): the first one counts
        pending.difference_update(numbers)
        pieces.append((False, html[position : match.start()]))
        for n in numbers:  # one after the other, a line apart
            pieces += [(True, "\n"), (True, parts[n])] if n != numbers[0] else [(True, parts[n])]
        position = match.end()
    pieces.append((False, html[position:]))
    if pending:
        raise MissingBlocks(len(pending), PART.format(min(pending)))
    return pieces


def lift(markdown: str, parts: tuple[str, ...], written: Sequence[str]) -> Source:
    """A split page's `Source`: with its headings lifted out when the page allows.

    `markdown` is what the templates rendered, with a placeholder line per part and a
    marker line per piece of hand-written Markdown (`written`). Lifting needs every
    other line to be blank or a heading; otherwise the page is left as it was rendered,
    the hand-written Markdown put back in place of its markers. A page's title (`# `)
    stays in the Markdown: it differs from page to page, so converting it apart would
    cost more than it saves, and MkDocs takes the page's title from it.
    """
    front, rest = _front_matter(markdown)
    pieces: list[Part | int] = []  # a part, or the number of a piece of Markdown
    kept = list(written)
    for line in rest.split("\n"):
        if not line.strip():
            continue
        # Each pattern starts with a letter of its own: one pattern tried per line.
        lead = line[0]
        if lead == "d" and (number := _LINE.fullmatch(line)) is not None:
            pieces.append(parts[int(number.group(1))])
        elif lead == "d" and (mark := _MARKED.fullmatch(line)) is not None:
            pieces.append(int(mark.group(1)))
        elif lead == "#" and (heading := _HEADING.fullmatch(line)) is not None and heading.group(2):
            level = len(heading.group(1))
            if level == 1:
                kept.append(line)
                pieces.append(len(kept) - 1)
            else:
                pieces.append(Heading(level, heading.group(2)))
        else:
            return Source(_MARKED.sub(lambda m: written[int(m.group(1))], markdown), parts)
    lifted: list[Part] = []
    blocks: list[str] = [front] if front else []
    start = 0
    for piece in [*pieces, -1]:
        if isinstance(piece, int):
            if len(lifted) > start:
                end = len(lifted) - 1
                blocks.append(PART.format(start) if end == start else RUN.format(start, end))
            start = len(lifted)
            if piece >= 0:
                blocks.append(kept[piece])
        else:
            lifted.append(piece)
    return Source("\n\n".join(blocks) + "\n", tuple(lifted))


def unlift(source: Source) -> Source:
    """`source` with its lifted headings put back into its Markdown, each block behind a
    placeholder of its own: the page as it was before headings were lifted (the test that
    shows lifting changes nothing builds with both)."""
    blocks: list[str] = []

    def put_back(match: re.Match[str]) -> str:
        lines = []
        for part in (source.parts[n] for n in _numbers(match)):
            if isinstance(part, Heading):
                lines.append("#" * part.level + " " + part.text)
            else:
                blocks.append(part)
                lines.append(PART.format(len(blocks) - 1))
        return "\n\n".join(lines)

    markdown = _PLACEHOLDER.sub(put_back, source.markdown)
    return Source(markdown, tuple(blocks))


def _front_matter(markdown: str) -> tuple[str, str]:
    """The page's front matter block (`---` to `---`), and what follows it."""
    if markdown.startswith("---\n"):
        end = markdown.find("\n---\n", 3)
        if end >= 0:
            return markdown[: end + 4], markdown[end + 5 :]
    return "", markdown


class Parts:
    """The `{% filter part %}` of the templates: an HTML block, kept apart or inline;
    and `page.markdown(text)`: hand-written Markdown, marked when the page is split."""

    def __init__(self, split: bool) -> None:
        self.split = split
        self.items: list[str] = []
        self.written: list[str] = []

    def __call__(self, caller: Callable[[], str]) -> str:
        """A block given as a Jinja2 `caller` (`{% call parts() %}`), as `block` keeps it."""
        return self.block(caller())

    def block(self, rendered: str) -> str:
        """The HTML block a template rendered, kept apart (its placeholder is returned, a
        paragraph of its own) or, when the page is not split, inline."""
        # No blank line inside: CommonMark ends an HTML block at the first one.
        html = "\n".join([line for line in rendered.splitlines() if line.strip()])
        if not html:
            return ""
        if not self.split:
            return f"\n{html}\n"
        self.items.append(html)
        # Blank lines around it: a paragraph of its own whatever comes before and after.
        return f"\n\n{PART.format(len(self.items) - 1)}\n\n"

    def markdown(self, text: str) -> str:
        if not self.split or not text:
            return text
        self.written.append(text)
        return _MARKDOWN.format(len(self.written) - 1)

    def source(self, markdown: str) -> Source:
        if not self.split:
            return Source(markdown)
        return lift(markdown, tuple(self.items), self.written)
