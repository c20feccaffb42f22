"""The passphrase-locked edition, as MkDocs build steps the plugin calls in order.

Without the passphrase a reader gets the site name, the theme's assets and, on
every page, a passphrase form: page addresses are random (`p/<id>/`), every title
is the site name, the navigation, the table of contents and the previous and next
links are gone, and what a page shows (its content, its title and a list of the
pages) is sealed with the build's key. So are the search index, which the theme's
own search reads once the page is open (assets/lock.js), and the sitemap. Files
such as images that pages show are not copied: they are put inside the sealed
content as data: URLs. Of mkdocs.yml, only the site name and the theme's look are
kept.
"""

from __future__ import annotations

import base64
import html
import json
import mimetypes
import posixpath
import re
import secrets
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents
from mkdocs.utils import get_relative_url

from generator.share.lock import Lock, sealed_json

ASSETS = Path(__file__).parent / "assets"
LOCK_JS = "assets/debrief-lock.js"
LOCK_CSS = "assets/debrief-lock.css"
HOME = "index.md"
SEARCH_INDEX = "search/search_index.json"
SITEMAP, SITEMAP_GZ = "sitemap.xml", "sitemap.xml.gz"
# Kept readable: they are the site's dressing, not the notebook.
READABLE = {"CNAME", ".nojekyll", "robots.txt"}
PUBLIC_SETTINGS = ("site_description", "site_author", "copyright", "repo_url", "repo_name")

_ATTRIBUTE = re.compile(r"""\b(src|href)=(["'])([^"']*)\2""", re.IGNORECASE)
_TITLE = re.compile(r"<title>.*?</title>", re.DOTALL)
_HEAD_END = re.compile(r"</head>", re.IGNORECASE)


class LockedSite:
    def __init__(self, lock: Lock) -> None:
        self.lock = lock
        self.site_name = ""
        self.embedded: dict[str, File] = {}  # url -> a file shown inside sealed pages
        self.nav: list[Any] = []
        self.moved: dict[str, str] = {}  # a page's address -> its random one
        self.natural: dict[str, str] = {}  # a page's docs path -> its address before
        self.titles: dict[str, str] = {}  # a page's docs path -> its title, before sealing

    def configure(self, config: MkDocsConfig) -> None:
        """Nothing readable in settings: `extra` holds what the theme shows in the footer
        (social links) or loads from other hosts (analytics), so it is emptied whole."""
        self.site_name = config.site_name
        for name in PUBLIC_SETTINGS:
            config[name] = None
        config.edit_uri = None
        for key in list(config.extra):
            del config.extra[key]
        if LOCK_CSS not in config.extra_css:
            config.extra_css.append(LOCK_CSS)

    def hide_addresses(self, files: Files, config: MkDocsConfig) -> None:
        """Random page addresses; the notebook's other files kept out, to be embedded."""
        keep = set(READABLE) | {str(path) for path in config.extra_css}
        keep |= {str(script) for script in config.extra_javascript}
        keep |= {str(config.theme.get(name)) for name in ("favicon", "logo")}
        taken: set[str] = set()
        for file in list(files):
            if file.is_documentation_page():
                if file.src_uri == HOME:
                    self.moved[file.url] = file.url  # links to it are recomputed all the same
                    continue
                name = _new_id(taken)
                natural = file.url
                if config.use_directory_urls:
                    file.dest_uri, file.url = f"p/{name}/index.html", f"p/{name}/"
                else:
                    file.dest_uri = file.url = f"p/{name}.html"
                file.__dict__.pop("abs_dest_path", None)
                self.moved[natural] = file.url
                self.natural[file.src_uri] = natural
            elif file.src_uri not in keep and _from_notebook(file, config):
                file.inclusion = InclusionLevel.EXCLUDED
                self.embedded[file.url] = file
        files.append(File.generated(config, LOCK_JS, content=(ASSETS / "lock.js").read_bytes()))
        files.append(File.generated(config, LOCK_CSS, content=(ASSETS / "lock.css").read_bytes()))

    def hide_navigation(self, nav: Navigation) -> None:
        """The theme shows no navigation, no previous and next page (`<link rel="prev">`,
        the footer): each sealed page carries its own list of pages."""
        self.nav = list(nav.items)
        nav.items = []
        for page in nav.pages:
            page.parent = page.previous_page = page.next_page = None

    def relink(self, content: str, page: Page) -> str:
        """Links written to pages' own addresses (the generated HTML blocks), made to
        point to the random ones. MkDocs does this itself for Markdown links."""
        base = "/" + self.natural.get(page.file.src_uri, page.url)

        def move(match: re.Match[str]) -> str:
            attribute, quote, value = match.groups()
            parts = urlsplit(html.unescape(value))
            if attribute.lower() != "href" or parts.scheme or parts.netloc or not parts.path:
                return match.group(0)
            # The home page's address is "./" to MkDocs; resolved, it is "".
            target = self.moved.get(urljoin(base, parts.path).lstrip("/") or "./")
            if target is None:
                return match.group(0)
            link = get_relative_url(target, page.url)
            link += f"#{parts.fragment}" if parts.fragment else ""
            return f"{attribute}={quote}{html.escape(link)}{quote}"

        return _ATTRIBUTE.sub(move, content)

    def embed_files(self, content: str, page: Page) -> str:
        """Links and images to the notebook's files, made data: URLs inside the page."""
        base = "/" + page.url

        def embed(match: re.Match[str]) -> str:
            attribute, quote, value = match.groups()
            target = unquote(urlsplit(urljoin(base, html.unescape(value))).path).lstrip("/")
            file = self.embedded.get(target)
            if file is None:
                return match.group(0)
            kind = mimetypes.guess_type(file.src_uri)[0] or "application/octet-stream"
            data = base64.b64encode(file.content_bytes).decode("ascii")
            replaced = f"{attribute}={quote}data:{kind};base64,{data}{quote}"
            if attribute.lower() == "href":
                name = html.escape(posixpath.basename(file.src_uri))
                replaced += f' download="{name}"'
            return replaced

        return _ATTRIBUTE.sub(embed, content)

    def remember_titles(self, files: Files) -> None:
        """Every page's title, for the page lists, before the first page is sealed."""
        self.titles = {
            f.src_uri: str(f.page.title or "")
            for f in files.documentation_pages()
            if f.page is not None
        }

    def seal_page(self, page: Page) -> None:
        """The page's content, title and page list sealed, once the search plugin has read
        them; what the theme then shows is the site name and the passphrase form."""
        title = self.titles.get(page.file.src_uri, "")
        shown = (
            self.site_name
            if page.is_homepage or not title
            else f"{_text(title)} - {self.site_name}"
        )
        content = self.embed_files(page.content or "", page)
        payload = {"title": shown, "html": self._page_list(page) + content}
        sealed = self.lock.seal(json.dumps(payload, ensure_ascii=False))
        page.content = lock_form(self.site_name, sealed_json(sealed))
        page.title = self.site_name
        page.meta = {}
        page.toc = TableOfContents([])

    def finish_page(self, output: str, page: Page) -> str:
        """The site name as title; the lock's script in <head>, so that it runs before the
        theme's bundle (at the end of <body>) asks for the search index and the sitemap."""
        script = html.escape(get_relative_url(LOCK_JS, page.url))
        output = _HEAD_END.sub(lambda _: f'<script src="{script}"></script></head>', output, 1)
        return _TITLE.sub(f"<title>{html.escape(self.site_name)}</title>", output, count=1)

    def finish_build(self, site_dir: str) -> None:
        """The search index and the sitemap (a list of every page, which instant navigation
        reads) sealed; the compressed sitemap removed."""
        Path(site_dir, SITEMAP_GZ).unlink(missing_ok=True)
        sitemap = Path(site_dir, SITEMAP)
        if sitemap.is_file():
            sealed = self.lock.seal(sitemap.read_text(encoding="utf-8"))
            sitemap.write_text(json.dumps({"sealed": sealed}, separators=(",", ":")))
        path = Path(site_dir, SEARCH_INDEX)
        if path.is_file():
            path.write_text(sealed_index(self.lock, path.read_text(encoding="utf-8")))

    def _page_list(self, page: Page) -> str:
        links: list[str] = []

        def add(items: list[Any]) -> None:
            for item in items:
                if isinstance(item, Section):
                    add(item.children)
                elif isinstance(item, Link):
                    links.append(f'<a href="{html.escape(item.url)}">{html.escape(item.title)}</a>')
                elif isinstance(item, Page):
                    href = html.escape(get_relative_url(item.url, page.url))
                    title = html.escape(self.titles.get(item.file.src_uri) or "")
                    current = ' aria-current="page"' if item is page else ""
                    links.append(f'<a href="{href}"{current}>{title}</a>')

        add(self.nav)
        items = "".join(f"<li>{link}</li>" for link in links)
        return f'<nav class="debrief-pages" aria-label="Pages"><ul>{items}</ul></nav>'


def sealed_index(lock: Lock, index: str) -> str:
    """The search index as the share publishes it: the theme's settings, no document, and
    the whole index sealed. The theme reads it as an empty index; lock.js, once the page
    is open, gives the theme the sealed one instead."""
    try:
        settings = json.loads(index).get("config", {})
    except (ValueError, AttributeError):
        settings = {}
    sealed = lock.seal(index)
    return json.dumps({"config": settings, "docs": [], "sealed": sealed}, separators=(",", ":"))


def lock_form(site_name: str, sealed: str) -> str:
    """What a locked page shows: the site name, a passphrase form and the sealed content."""
    name = html.escape(site_name)
    return (
        '<div class="debrief-lock" id="debrief-locked">'
        f"<h1>{name}</h1>"
        "<p>This notebook is locked. Enter the passphrase you were given to read it.</p>"
        '<form class="debrief-lock__form" id="debrief-lock-form" hidden>'
        '<label for="debrief-passphrase">Passphrase</label>'
        '<input type="password" id="debrief-passphrase" name="passphrase" '
        'autocomplete="current-password" required>'
        '<button type="submit" id="debrief-unlock" class="md-button md-button--primary">'
        "Unlock</button>"
        '<p class="debrief-lock__error" id="debrief-lock-error" role="alert" hidden></p>'
        "</form>"
        "<noscript><p>Turn on JavaScript to unlock this notebook: "
        "it is decrypted in your browser.</p></noscript>"
        # A <template>, not a <script>: instant navigation re-creates the scripts of the
        # page it swaps in, without their type and id.
        f'<template id="debrief-lock-data">{sealed}</template>'
        "</div>"
    )


def _from_notebook(file: File, config: MkDocsConfig) -> bool:
    """An attachment of an entry or a file of the docs folder; not the theme's or ours."""
    if file.generated_by is not None:
        return file.src_uri.startswith("entries/")
    return file.src_dir is not None and Path(file.src_dir) == Path(config.docs_dir)


def _new_id(taken: set[str]) -> str:
    while True:
        name = secrets.token_hex(6)
        if name not in taken:
            taken.add(name)
            return name


def _text(title: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", title))
