"""The generated pages of one build, from rendering to writing.

Each page is packed when it is rendered (`on_files`), its Markdown handed to MkDocs
when MkDocs reads it, and its HTML blocks filled back into the HTML MkDocs made of it:
for the search plugin first a lighter copy (`search_copy`), then, once the page is
indexed, the real blocks. A page whose headings were lifted out of its Markdown gets
them made once its Markdown is converted (`lift_headings`, plugin/headings.py). A page
is let go as soon as it no longer needs holding.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from generator.plugin.headings import Headings
from generator.plugin.indexing import SearchFeeder
from generator.plugin.packed import Held, Packed
from generator.plugin.search_copy import search_copy
from generator.render.placeholders import MissingBlocks, Part, Source, fill_parts, filled_pieces
from generator.render.words import plural

T = TypeVar("T")

# What mkdocs-material's search plugin removes from a page once it has read it.
_SEARCH_ATTRIBUTES = re.compile(r'\s?data-search-\w+="[^"]+"')


class PageStore:
    def __init__(self) -> None:
        self.pages: dict[str, Packed | Held] = {}  # rendered, not yet filled in, by docs path
        self.generated: set[str] = set()  # this build's generated pages, by docs path
        self._unfilled: str | None = None  # the page the search plugin is reading
        self._parts: tuple[str, ...] = ()
        # The lifted headings made, by page and place among its parts.
        self._made: dict[str, dict[int, str]] = {}

    def clear(self) -> None:
        """Start a build: MkDocs keeps one plugin for every build of a process (that is
        how `serve` remembers), and a failed build may have left a page half-done."""
        self.pages, self.generated, self._made = {}, set(), {}
        self._unfilled, self._parts = None, ()

    def add(self, path: str, source: Source, *, pack: bool = True) -> None:
        self.pages[path] = Packed(source) if pack else Held(source)
        self.generated.add(path)

    def source_of(self, page: Page) -> Packed | Held | None:
        """The generated page behind `page`, until it is filled in (a hand-written page
        may hide a generated one: then there is none)."""
        return self.pages.get(page.file.src_uri) if page.file.generated_by else None

    def is_generated(self, page: Page) -> bool:
        return page.file.generated_by is not None and page.file.src_uri in self.generated

    def markdown_of(self, page: Page) -> str | None:
        """The Markdown MkDocs reads for `page`; None for a page that is not ours."""
        source = self.source_of(page)
        return source.take_markdown() if source is not None else None

    def lift_headings(self, page: Page, html: str, headings: Headings) -> None:
        """Once MkDocs converted `page`'s Markdown to `html`: the headings lifted out of it
        made, and the page's table of contents and anchors made whole. Only the headings
        are held until the page is indexed; its blocks stay packed."""
        source = self.source_of(page)
        if source is None or not source.headings:
            return
        lifted = headings.lift(source.headings, html, page.toc)
        self._made[page.file.src_uri] = lifted.headings
        page.toc = lifted.toc
        page.present_anchor_ids = (page.present_anchor_ids or set()) | lifted.ids

    def show_search_a_copy(
        self, page: Page, copies: bool, feeder: SearchFeeder | None = None
    ) -> None:
        """Before the search plugin reads `page`: its blocks as a lighter copy; or, with
        mkdocs-material's search (`feeder`), the page indexed and nothing left to read."""
        source = self.source_of(page)
        if source is None or page.content is None:
            return
        path = page.file.src_uri
        made = self._made.pop(path, {})
        self._parts = _with_headings(source.parts, made)
        self._unfilled = page.content
        del self.pages[path]  # this build has no more use for it
        parts = self._parts
        if copies:  # a heading is what the search plugin cuts the page at: kept as it is
            parts = tuple(p if n in made else search_copy(p) for n, p in enumerate(parts))
        if copies and feeder is not None:
            feeder.index(page, _checked(filled_pieces, page.content, parts, page))
            page.content = ""
        else:
            page.content = _filled(page.content, parts, page)

    def fill_indexed(self, page: Page, relink: Callable[[str], str] | None = None) -> None:
        """After the search plugin read `page`: the real blocks in place of the copy, each
        through `relink` (the locked share's random addresses)."""
        if self._unfilled is not None:
            # What the search plugin did to the copy (it drops data-search-* attributes).
            content = self._unfilled
            if "data-search-" in content:
                content = _SEARCH_ATTRIBUTES.sub("", content)
            parts = self._parts if relink is None else tuple(map(relink, self._parts))
            page.content = _filled(content, parts, page)
        self._unfilled, self._parts = None, ()


def _with_headings(parts: tuple[Part, ...], made: dict[int, str]) -> tuple[str, ...]:
    """A page's parts, its lifted headings made (`lift_headings`)."""
    done: list[str] = []
    for number, part in enumerate(parts):
        if not isinstance(part, str):
            if number not in made:
                raise PluginError("debrief: a page's headings were not made before it was read")
            part = made[number]
        done.append(part)
    return tuple(done)


def _filled(html: str, parts: tuple[str, ...], page: Page) -> str:
    return _checked(fill_parts, html, parts, page)


def _checked(
    fill: Callable[[str, tuple[str, ...]], T], html: str, parts: tuple[str, ...], page: Page
) -> T:
    try:
        return fill(html, parts)
    except MissingBlocks as missing:
        raise PluginError(
            f"debrief: {page.file.src_uri}: {plural(missing.count, 'generated block')} did not"
            f" come through Python-Markdown (no paragraph {missing.first} in the HTML it made)."
            " A Markdown extension in mkdocs.yml rewrites paragraphs: remove it, or report which"
            " one."
        ) from None
