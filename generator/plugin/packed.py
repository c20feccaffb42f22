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
from typing import Any

from generator.render.placeholders import Heading, Part, Source


def _encode(part: Part) -> str | list[object]:
    return part if isinstance(part, str) else [part.level, part.text]


def _decode(item: str | list[Any]) -> Part:
    return item if isinstance(item, str) else Heading(item[0], item[1])


def headings_of(parts: tuple[Part, ...]) -> dict[int, Heading]:
    return {n: part for n, part in enumerate(parts) if isinstance(part, Heading)}


class Packed:
    """A page packed; its lifted headings (a few short ones) kept apart, unpacked: the
    plugin makes them as soon as the page's Markdown is converted."""

    __slots__ = ("_markdown", "_parts", "headings")

    def __init__(self, source: Source) -> None:
        self._markdown = zlib.compress(source.markdown.encode("utf-8"), 1)
        parts = [_encode(part) for part in source.parts]
        self._parts = zlib.compress(json.dumps(parts).encode("utf-8"), 1)
        self.headings = headings_of(source.parts)

    def take_markdown(self) -> str:
        """The Markdown, kept no longer: MkDocs reads a page once."""
        packed, self._markdown = self._markdown, b""
        return zlib.decompress(packed).decode("utf-8")

    @property
    def parts(self) -> tuple[Part, ...]:
        return tuple(_decode(item) for item in json.loads(zlib.decompress(self._parts)))


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
