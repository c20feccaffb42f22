"""Generated pages kept compressed while MkDocs builds the site.

The plugin renders every page in `on_files`, but MkDocs asks for a page's Markdown
only when it reads that page, and the plugin fills in the page's HTML blocks only
when it is about to be written. In between, at 4,000 entries, the pages as text
held more memory than the rest of the build together. Packed with zlib's fastest
level they take about a tenth, for a few milliseconds per thousand pages.
"""

from __future__ import annotations

import json
import zlib

from generator.render.placeholders import Heading, Part, Source

# The blocks are packed joined by a character no entry can hold (a NUL byte is refused
# when entries are read); should one ever hold it, as JSON.
_SEP = "\x00"
_SEP_BYTES = _SEP.encode()
_JSON = "\x01json:"


def headings_of(parts: tuple[Part, ...]) -> dict[int, Heading]:
    return {n: part for n, part in enumerate(parts) if isinstance(part, Heading)}


class Packed:
    """A page packed; its lifted headings (a few short ones) kept apart, unpacked: the
    plugin makes them as soon as the page's Markdown is converted."""

    __slots__ = ("_markdown", "_parts", "headings")

    def __init__(self, source: Source) -> None:
        self._markdown = zlib.compress(source.markdown.encode("utf-8"), 1)
        blocks = [part if isinstance(part, str) else "" for part in source.parts]
        if any(_SEP in block for block in blocks) or (blocks and blocks[0].startswith(_JSON)):
            blocks = [_JSON + json.dumps(blocks)]  # a block holding the separator
        # Block by block: the page joined and encoded whole, next to its blocks, was the
        # peak of a build (a Practice page of 15,000 cards: 10 MB, held three times).
        packer = zlib.compressobj(1)
        packed: list[bytes] = []
        for block in blocks:
            packed += (packer.compress(block.encode("utf-8")), packer.compress(_SEP_BYTES))
        packed.append(packer.flush())
        self._parts = b"".join(packed)
        self.headings = headings_of(source.parts)

    def take_markdown(self) -> str:
        """The Markdown, kept no longer: MkDocs reads a page once."""
        packed, self._markdown = self._markdown, b""
        return zlib.decompress(packed).decode("utf-8")

    @property
    def parts(self) -> tuple[Part, ...]:
        joined = zlib.decompress(self._parts).decode("utf-8")  # each block ends in _SEP
        if joined.startswith(_JSON):
            blocks: list[str] = json.loads(joined[len(_JSON) : -1])
        else:
            blocks = joined[:-1].split(_SEP) if joined else []
        return tuple(self.headings.get(n, block) for n, block in enumerate(blocks))


class Held:
    """A page as it was rendered, unpacked: under `debrief serve` the last render is kept
    anyway (render/reuse.py), and packing every page on every save cost more than the
    rest of a save."""

    __slots__ = ("_source", "headings")

    def __init__(self, source: Source) -> None:
        self._source = source
        self.headings = headings_of(source.parts)

    def take_markdown(self) -> str:
        return self._source.markdown

    @property
    def parts(self) -> tuple[Part, ...]:
        return self._source.parts
