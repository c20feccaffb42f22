"""The theme's navigation drawn once for the pages outside it, not once per page.

mkdocs-material draws the whole navigation (the sidebar and the tabs) into every page.
An entry page is not in the navigation, and neither are most generated pages; for such a
page the navigation differs from another's only through its links, which are relative
to the page. So it is drawn once for each folder of such pages and copied into the rest:
at 1,000 entries that was a third of the theme's time. The same goes for the parts of
every page that read nothing of the page but its address: the search box, the palette
toggle, the footer (a page outside the navigation has no previous or next page), the
stylesheets and scripts, and the theme's settings for its scripts (the `config` block,
with its translations), together another quarter.

What the navigation's templates read of the page: whether it is in the navigation or
below a page there (then nothing is shared: it is drawn as MkDocs would), and its
address, through the `url` filter. Two pages in sibling folders (`entries/a/`,
`entries/b/`) get the same relative link to every page that is in neither folder, so
the copy is keyed by the parent folder, and only shared when no link of the navigation
points inside the page's own folder. Everything else the templates read (the
navigation, mkdocs.yml, the theme's features and language) is the same for every page
of one build, and the copies are made again for every build.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import jinja2
import material
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

# What reads nothing of the page but its address (through `url` and `base_url`), by
# template; for a partial, all of it, for `base.html`, its blocks named.
MATERIAL = (Path(material.__file__).parent / "templates").resolve()
PARTIALS = (
    "partials/nav.html",
    "partials/tabs.html",
    "partials/search.html",
    "partials/palette.html",
    "partials/top.html",
    # Its links to the previous and next page are a page's of the navigation only.
    "partials/footer.html",
)
BLOCKS = {"base.html": ("config", "styles", "scripts", "analytics")}


def _links(items: Iterable[Any]) -> Iterator[Any]:
    for item in items:
        if isinstance(item, Section):
            yield from _links(item.children)
        else:
            yield item


def _materials(env: jinja2.Environment, name: str) -> jinja2.Template | None:
    """The template `name` of `env` if it is mkdocs-material's own file."""
    try:
        template = env.get_template(name)
    except jinja2.TemplateNotFound:
        return None
    filename = Path(template.filename or "").resolve()
    return template if MATERIAL in filename.parents else None


class NavigationCache:
    """One build's copies of the navigation, by partial and folder."""

    def __init__(self, nav: Navigation) -> None:
        self._nav = nav
        self._links = [item for item in _links(nav.items) if isinstance(item, Page | Link)]
        self._urls = [str(item.url) for item in self._links]
        if nav.homepage is not None:
            self._urls.append(nav.homepage.url)
        self._drawn: dict[tuple[str, str], list[str]] = {}

    def install(self, env: jinja2.Environment) -> None:
        """Make `env`'s navigation partials (and the rest above) draw through this cache:
        mkdocs-material's own, read for this; not another theme's, nor one a `custom_dir`
        overrides, which may read anything of the page."""
        for name in PARTIALS:
            template = _materials(env, name)
            if template is not None:
                template.root_render_func = self._cached(name, template.root_render_func)
        for name, blocks in BLOCKS.items():
            template = _materials(env, name)
            if template is None:
                continue
            for block in blocks:
                if block in template.blocks:
                    draw = template.blocks[block]
                    template.blocks[block] = self._cached(f"{name}#{block}", draw)

    def folder_of(self, page: Any) -> str | None:
        """The key of `page`'s copy, or None when its navigation is its own."""
        if not isinstance(page, Page) or any(item is page or item.active for item in self._links):
            return None
        url = page.url
        base = (url if url.endswith("/") or not url else posixpath.dirname(url)).rstrip("/")
        if base and any(target.startswith(base + "/") for target in self._urls):
            return None  # a link into the page's own folder: relative to this page alone
        return posixpath.dirname(base) + ("/*" if base else "/")

    def _cached(
        self, name: str, draw: Callable[[Any], Iterator[str]]
    ) -> Callable[[Any], Iterator[str]]:
        def root_render_func(context: Any) -> Iterator[str]:
            folder = self.folder_of(context.get("page"))
            if folder is None:
                yield from draw(context)
                return
            drawn = self._drawn.get((name, folder))
            if drawn is None:
                drawn = self._drawn[(name, folder)] = list(draw(context))
            yield from drawn

        return root_render_func
