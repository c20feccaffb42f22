"""The headings lifted out of a generated page's Markdown, made into HTML apart from it.

`placeholders.lift` takes an entry page's headings out of its Markdown, so that
Python-Markdown converts the entry's notes alone, as plain MkDocs would convert the
note. Python-Markdown spent as long on an entry's seven headings as on its notes. Here
each heading is converted on its own, with the notebook's own Markdown extensions (so
the `toc` extension's ids, permalinks and depth are those mkdocs.yml sets), and only
once per build for each distinct heading: "Questions" is converted once for a thousand
entry pages. A page then gets its headings' HTML, ids unique on the page, and the table
of contents of everything it shows, in the page's order.

The notes keep the ids Python-Markdown gave them: a generated heading named like one of
the notes' headings takes the suffix (`questions_1`), so a link inside the notes to
`#questions` still goes to the notes' own heading.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import markdown
from markdown.extensions.toc import unique
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.toc import AnchorLink, TableOfContents, get_toc

from generator.render.placeholders import Heading, placed

_ID = re.compile(r'\A<h[1-6]\b[^>]*?\sid="([^"]*)"')
_ANY_ID = re.compile(r'\sid="([^"]*)"')


@dataclass(frozen=True)
class _Made:
    html: str
    id: str | None
    title: str | None  # as the table of contents shows it; None: not in it (toc_depth)


@dataclass(frozen=True)
class Lifted:
    """A page's headings made (by their place among its parts), its table of contents,
    and the ids of the headings made."""

    headings: dict[int, str]
    toc: TableOfContents
    ids: frozenset[str]


class Headings:
    """One build's converter of lifted headings (with their cache)."""

    def __init__(self, config: MkDocsConfig) -> None:
        self._md = markdown.Markdown(
            extensions=config.markdown_extensions,
            extension_configs=config.mdx_configs or {},
        )
        self._made: dict[Heading, _Made] = {}

    def _make(self, heading: Heading) -> _Made:
        made = self._made.get(heading)
        if made is None:
            self._md.reset()
            html = self._md.convert("#" * heading.level + " " + heading.text)
            tokens = getattr(self._md, "toc_tokens", [])
            found = _ID.match(html)
            title = tokens[0]["name"] if tokens else None
            made = self._made[heading] = _Made(html, found.group(1) if found else None, title)
        return made

    def lift(self, headings: Mapping[int, Heading], html: str, toc: TableOfContents) -> Lifted:
        """The HTML of a page's lifted `headings` (by their place among its parts), for the
        page whose converted Markdown is `html`, with the table of contents
        Python-Markdown made of that Markdown (`toc`)."""
        # Where each id stands, found in one pass: a heading's own search through the whole
        # page made a long entry with many headings quadratic.
        where: dict[str, int] = {}
        for found in _ANY_ID.finditer(html):
            where.setdefault(found.group(1), found.start())
        used = set(where)
        made: dict[int, str] = {}
        anchors: dict[int, AnchorLink] = {}
        ids: set[str] = set()
        for number, part in sorted(headings.items()):
            heading = self._make(part)
            text = heading.html
            if heading.id is not None:
                own = unique(heading.id, used)
                if own != heading.id:
                    text = text.replace(f'id="{heading.id}"', f'id="{own}"', 1)
                    text = text.replace(f'href="#{heading.id}"', f'href="#{own}"', 1)
                ids.add(own)
                if heading.title is not None:
                    anchors[number] = AnchorLink(heading.title, own, part.level)
            made[number] = text
        return Lifted(made, _merged(html, where, anchors, toc), frozenset(ids))


def _flat(links: Iterable[AnchorLink]) -> Iterable[AnchorLink]:
    for link in links:
        yield link
        yield from _flat(link.children)


def _merged(
    html: str, where: dict[str, int], lifted: dict[int, AnchorLink], toc: TableOfContents
) -> TableOfContents:
    """One table of contents of the notes' headings and the lifted ones, in page order."""
    ordered: list[tuple[int, int, AnchorLink]] = []
    for position, numbers in placed(html):
        ordered += [(position, n, lifted[n]) for n in numbers if n in lifted]
    for link in _flat(toc):
        ordered.append((where.get(link.id, -1), -1, link))
    ordered.sort(key=lambda item: item[:2])
    roots: list[AnchorLink] = []
    open_: list[AnchorLink] = []
    for _, _, link in ordered:
        link.children = []
        while open_ and open_[-1].level >= link.level:
            open_.pop()
        (open_[-1].children if open_ else roots).append(link)
        open_.append(link)
    # As MkDocs marks it (mkdocs.structure.toc.get_toc).
    return get_toc([]) if not roots else _first_active(TableOfContents(roots))


def _first_active(toc: TableOfContents) -> TableOfContents:
    toc.items[0].active = True  # type: ignore[attr-defined]
    return toc
