"""The MkDocs plugin `debrief`: glue between MkDocs' events and the core.

It reads the entries, aggregates them and adds the pages that `render_sources`
yields to the build. It never writes into entries/ or the docs folder.

A generated page's life in a build: rendered and packed in `on_files`; its Markdown
handed to MkDocs in `on_page_read_source`; converted by MkDocs with a placeholder
paragraph for each HTML block; the blocks filled in at `on_page_context`, the search
plugin first shown a lighter copy of them; its text let go in `on_post_page`. A
plugin that reads `page.content` in `on_page_content` sees the placeholders.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

from generator.aggregate import aggregate
from generator.config import PluginConfig, settings_from
from generator.entry.diagnostics import Diagnostic, sort_key, summary
from generator.entry.names import Vocabulary
from generator.entry.read import (
    Entry,
    attachments,
    cycle_collector_paused,
    entry_files,
    notebook_problems,
    read_entry,
)
from generator.plugin.incremental import ChangedOnly, Incremental
from generator.plugin.memory import give_back_freed_memory
from generator.plugin.packed import Packed
from generator.plugin.search_copy import search_copy
from generator.render.pages import (
    CSS,
    HOME,
    NAV,
    MissingBlocks,
    Source,
    default_nav,
    fill_parts,
    render_sources,
)
from generator.settings import Settings
from generator.settings import today as settings_today
from generator.share.anonymize import Anonymizer
from generator.share.attachments import scrub, shared_attachments
from generator.share.audience import Audience, anonymizer_for, for_audience
from generator.share.edition import hidden_for_attachments, shown_text
from generator.share.lock import Lock
from generator.share.locked import LockedSite

if TYPE_CHECKING:
    # Only for a type: importing it starts watchdog and an HTTP server's modules (4 MB),
    # which a build does not need.
    from mkdocs.livereload import LiveReloadServer

log = logging.getLogger("mkdocs.plugins.debrief")

ASSETS = Path(__file__).parent.parent / "render" / "assets"


ABORTED = "debrief: the notebook has errors: "

# What mkdocs-material's search plugin removes from a page once it has read it.
_SEARCH_ATTRIBUTES = re.compile(r'\s?data-search-\w+="[^"]+"')

# The generated pages use these; a notebook's mkdocs.yml may not list them.
REQUIRED_EXTENSIONS = ("admonition", "attr_list", "md_in_html", "tables", "pymdownx.tasklist")


def today_from_environment() -> date:
    try:
        return settings_today()
    except ValueError as error:
        raise PluginError(f"debrief: {error}") from None


class EntryCache:
    """Parsed entries keyed by path, modification time and size: `serve` re-reads only edits."""

    def __init__(self) -> None:
        self._cache: dict[Path, tuple[tuple[int, int], Entry | None, list[Diagnostic]]] = {}

    def read(self, path: Path, root: Path) -> tuple[Entry | None, list[Diagnostic]]:
        stat = path.stat()
        key = (stat.st_mtime_ns, stat.st_size)
        cached = self._cache.get(path)
        if cached is not None and cached[0] == key:
            return cached[1], cached[2]
        entry, problems = read_entry(path, root)
        self._cache[path] = (key, entry, problems)
        return entry, problems

    def forget_missing(self, present: set[Path]) -> None:
        for path in set(self._cache) - present:
            del self._cache[path]


class DebriefPlugin(BasePlugin[PluginConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.audience: Audience = "owner"
        self.is_serve = False
        self.cache = EntryCache()
        self.diagnostics: list[Diagnostic] = []
        self.entry_count = 0
        self.file_count = 0
        self.page_count = 0
        self.warnings = 0
        self.progress: Callable[[int, int], None] | None = None
        self.strict = False
        self.today: date | None = None  # set by `debrief build --today`; else DEBRIEF_TODAY
        self.settings = Settings()
        self.pages: dict[str, Packed] = {}
        self._rendered = 0
        self._unfilled: str | None = None
        self._parts: tuple[str, ...] = ()
        self.generated: set[str] = set()  # this build's generated pages, by docs path
        # Off only in the test that shows the copies change nothing in the index.
        self.search_copies = True
        self.incremental: Incremental | None = None  # a dirty build: `debrief serve`
        self.files: Files | None = None
        # The share edition: set by `debrief share` before the build, never read from mkdocs.yml.
        self.lock: Lock | None = None
        self.locked: LockedSite | None = None
        self.anonymizer: Anonymizer | None = None
        self.dropped: list[tuple[Path, str, str]] = []  # attachments a share left out, and why

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.is_serve = command == "serve"
        self.incremental = Incremental() if dirty else None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # MkDocs keeps one instance of the plugin for every build of a process (that is
        # how `serve` remembers): forget a page left half-done by a build that failed.
        self._unfilled, self._parts = None, ()
        root = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        self.settings = settings_from(self.config, root, dict(config))
        if CSS not in config.extra_css:
            config.extra_css.append(CSS)
        for extension in REQUIRED_EXTENSIONS:
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        self.locked = None
        if self.audience == "share" and self.lock is not None:
            self.locked = LockedSite(self.lock)
            self.locked.configure(config)
        return config

    def current_day(self) -> date:
        return self.today or today_from_environment()

    def read_entries(self) -> tuple[list[Entry], list[Diagnostic], int]:
        settings = self.settings
        entries_dir = settings.entries_path
        if not entries_dir.is_dir():
            raise PluginError(f"debrief: no entries folder at {entries_dir}")
        entries: list[Entry] = []
        diagnostics: list[Diagnostic] = []
        files = entry_files(entries_dir)
        with cycle_collector_paused():
            for path in files:
                entry, problems = self.cache.read(path, settings.root)
                diagnostics.extend(problems)
                if entry is not None:
                    entries.append(entry)
        self.cache.forget_missing(set(files))
        vocabulary = Vocabulary(settings.aliases)
        diagnostics.extend(notebook_problems(entries, vocabulary, self.current_day()))
        return entries, sorted(diagnostics, key=sort_key), len(files)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        entries, diagnostics, count = self.read_entries()
        self.diagnostics = diagnostics
        self.file_count = count
        errors = [d for d in diagnostics if d.is_error]
        failing = errors or (self.strict and diagnostics)
        for diagnostic in diagnostics:
            level = logging.ERROR if diagnostic.is_error and not self.is_serve else logging.WARNING
            # Marked, so that `debrief build` can show it as PATH:LINE once, not twice.
            log.log(level, diagnostic.format(), extra={"debrief_diagnostic": True})
        if failing and not self.is_serve:
            raise PluginError(ABORTED + summary(diagnostics, count))
        broken = {d.path for d in errors}
        entries = [e for e in entries if e.path not in broken]
        shared = for_audience(entries, self.audience, self.settings.share)
        share = self.audience == "share"
        self.anonymizer = anonymizer_for(entries, self.settings.share) if share else None
        insights = aggregate(shared, self.settings, self.current_day())
        self.entry_count = len(shared)

        intro = ""
        home = files.get_file_from_path(HOME)
        if home is not None:
            intro = self.shared_text(home.content_string)
            files.remove(home)
        # Under serve, errors get a banner on every page; warnings stay in the terminal.
        banner = _banner(errors) if self.is_serve and errors else ""
        self.pages, self.generated = {}, set()
        fingerprints: dict[str, str] = {}
        sources = render_sources(
            insights, self.settings, self.audience, home_intro=intro, banner=banner
        )
        for path, source in sources:
            existing = files.get_file_from_path(path)
            if existing is not None:
                log.warning(f"{path} in the docs folder hides the page debrief generates there")
                continue
            self.pages[path] = Packed(source)
            self.generated.add(path)
            if self.incremental is not None:
                fingerprints[path] = _fingerprint(source)
            in_nav = path == HOME or any(path == target for _, target in NAV)
            files.append(
                ChangedOnly.generated(
                    config,
                    path,
                    content="",  # given when MkDocs reads the page: on_page_read_source
                    inclusion=InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV,
                )
            )
        files.append(File.generated(config, CSS, content=(ASSETS / "debrief.css").read_bytes()))
        found = attachments(self.settings.entries_path)
        self.dropped = []
        if self.audience == "share":
            rename = self.anonymizer.path if self.anonymizer else (lambda path: path)
            found = shared_attachments(shared, found, self.settings.entries_dir, rename)
            dirs = list(config.theme.dirs)
            hidden = functools.cache(
                lambda: hidden_for_attachments(self.settings, entries, shared, dirs)
            )
            scrubbed = scrub([p for p in found if files.get_file_from_path(p[1]) is None], hidden)
            self.dropped = scrubbed.dropped
            for target, data in scrubbed.kept:
                files.append(File.generated(config, target, content=data))
            for _source, target, _why in scrubbed.dropped:
                # Known but excluded: a link to it is not a broken link, and nothing is written.
                excluded = InclusionLevel.EXCLUDED
                files.append(File.generated(config, target, content=b"", inclusion=excluded))
            found = []
        for original, target in found:
            if files.get_file_from_path(target) is None:
                files.append(File.generated(config, target, abs_src_path=str(original)))
        if config.nav is None:
            generated = {HOME, CSS, *self.generated}
            config.nav = default_nav(
                [
                    f.src_uri
                    for f in files.documentation_pages()
                    if f.src_uri not in generated and f.generated_by is None
                ]
            )
        self.page_count = len(files.documentation_pages())
        self._rendered = 0
        if self.incremental is not None:
            self.incremental.prepare(files, config, fingerprints)
        self.files = files
        if self.locked is not None:
            self.locked.hide_addresses(files, config)
        if not self.is_serve:
            # Everything the pages need is packed: let the entries go (serve keeps them,
            # to re-read only the files that change).
            self.cache = EntryCache()
        return files

    def shared_text(self, markdown: str) -> str:
        """A hand-written page as a share shows it: no private blocks, comments or names."""
        return shown_text(markdown, self.anonymizer) if self.audience == "share" else markdown

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        if self.locked is not None:
            self.locked.hide_navigation(nav)
        return nav

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if page.file.generated_by is None:
            return self.shared_text(markdown)
        return markdown

    def source_of(self, page: Page) -> Packed | None:
        """The generated page behind `page`, until it is written (a hand-written page may
        hide a generated one: then there is none)."""
        return self.pages.get(page.file.src_uri) if page.file.generated_by else None

    def is_generated(self, page: Page) -> bool:
        return page.file.generated_by is not None and page.file.src_uri in self.generated

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        source = self.source_of(page)
        return source.take_markdown() if source is not None else None

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        source = self.source_of(page)
        if source is not None:
            # Rendered: MkDocs has no more use for it (None would lose the page's title).
            page.markdown = ""
        if self.locked is not None:
            # The locked share seals every page before any is written: fill them now.
            if source is not None:
                parts = tuple(self.locked.relink(part, page) for part in source.parts)
                html = _filled(html, parts, page)
                del self.pages[page.file.src_uri]
            return self.locked.embed_files(html, page)
        # Otherwise the blocks wait for on_page_context: until then a page holds little.
        return html

    @event_priority(50)  # before the search plugin reads the page
    def _show_search_a_copy(
        self, context: Any, *, page: Page, config: MkDocsConfig, nav: Any
    ) -> Any:
        source = self.source_of(page)
        if source is not None and self.locked is None and page.content is not None:
            self._unfilled, self._parts = page.content, source.parts
            del self.pages[page.file.src_uri]  # this build has no more use for it
            parts = self._parts if not self.search_copies else map(search_copy, self._parts)
            page.content = _filled(page.content, tuple(parts), page)
        return context

    @event_priority(-100)  # after the search plugin has indexed the page
    def _fill_and_count(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        if self._unfilled is not None:
            # What the search plugin did to the copy (it drops data-search-* attributes).
            content = _SEARCH_ATTRIBUTES.sub("", self._unfilled)
            page.content = _filled(content, self._parts, page)
        self._unfilled, self._parts = None, ()
        if self.incremental is not None:
            self.incremental.page_indexed(config, page.file.src_uri)
        self._rendered += 1
        if self.progress is not None:
            self.progress(self._rendered, self.page_count)
        return context

    on_page_context = CombinedEvent(_show_search_a_copy, _fill_and_count)

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        if self.locked is not None:
            self.locked.seal_pages(files)
        return env

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if self.is_generated(page):
            # Written, and in the search index: a thousand pages add up.
            page.content, page.toc = "", TableOfContents([])
        return self.locked.finish_page(output) if self.locked is not None else output

    @event_priority(100)  # before the search plugin writes its index
    def _mend_incremental_build(self, *, config: MkDocsConfig) -> None:
        if self.incremental is not None and self.files is not None:
            self.incremental.finish(self.files, config)

    @event_priority(100)  # before the search plugin writes its index
    def _make_room_for_the_index(self, *, config: MkDocsConfig) -> None:
        # Writing the index is the build's peak of memory (generator/memory.py).
        give_back_freed_memory()

    @event_priority(-100)  # after the search plugin has written its index
    def _seal_search_and_sitemap(self, *, config: MkDocsConfig) -> None:
        if self.locked is not None:
            self.locked.finish_build(config.site_dir)

    on_post_build = CombinedEvent(
        _mend_incremental_build, _make_room_for_the_index, _seal_search_and_sitemap
    )

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> LiveReloadServer:
        server.watch(str(self.settings.entries_path))
        return server


def _filled(html: str, parts: tuple[str, ...], page: Page) -> str:
    try:
        return fill_parts(html, parts)
    except MissingBlocks as missing:
        blocks = "1 generated block" if missing.count == 1 else f"{missing.count} generated blocks"
        raise PluginError(
            f"debrief: {page.file.src_uri}: {blocks} did not come through Python-Markdown"
            f" (no paragraph {missing.first} in the HTML it made). A Markdown extension in"
            " mkdocs.yml rewrites paragraphs: remove it, or report which one."
        ) from None


def _fingerprint(source: Source) -> str:
    """What `serve` compares to tell whether a generated page changed since the last build."""
    return "\0".join((source.markdown, *source.parts))


def _banner(diagnostics: list[Diagnostic]) -> str:
    from generator.render.escape import md_inline

    lines = [
        '!!! danger debrief-banner "The notebook has problems: fix them and save"',
        "    The rest of the notebook still shows; a broken entry is left out until it is fixed.",
        "",
    ]
    lines += [f"    - {md_inline(d.format().splitlines()[0])}" for d in diagnostics[:20]]
    if len(diagnostics) > 20:
        lines.append(f"    - … and {len(diagnostics) - 20} more: see the terminal")
    return "\n".join(lines)
