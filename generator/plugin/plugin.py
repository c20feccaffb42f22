"""The MkDocs plugin `debrief`: glue between MkDocs' events and the core.

It reads the entries, aggregates them and adds the pages that `render_sources`
yields to the build. It never writes into entries/ or the docs folder. What the CLI
asks of a build comes in as `options` (plugin/run.py); what it found goes out as
`report`; the pages themselves live in a `PageStore` (plugin/store.py).

A generated page's life in a build: rendered and packed in `on_files`; its Markdown
handed to MkDocs in `on_page_read_source`; converted by MkDocs with a placeholder
paragraph for each HTML block; the blocks filled in at `on_page_context`, the search
plugin first shown a lighter copy of them; its text let go in `on_post_page`. A
plugin that reads `page.content` in `on_page_content` sees the placeholders.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from itertools import chain
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
from generator.drill.log import Review, read_log
from generator.entry.files import relative
from generator.entry.read import Notebook, attachments
from generator.plugin.attachment import Attachment
from generator.plugin.headings import Headings
from generator.plugin.incremental import ChangedOnly, Incremental
from generator.plugin.indexing import SearchFeeder
from generator.plugin.memory import give_back_freed_memory
from generator.plugin.nav_cache import NavigationCache
from generator.plugin.reading import EntryCache, read_for_build
from generator.plugin.run import BuildReport, RunOptions
from generator.plugin.search_index import StreamedSearchIndex
from generator.plugin.store import PageStore
from generator.plugin.theme_cache import (
    MemoryBytecodeCache,
    ThemeListing,
    disk_cache,
    share_compiled_templates,
)
from generator.plugin.watching import watch_without_polling
from generator.render.addresses import CSS, HOME, NAV, default_nav
from generator.render.broken import banner, broken_entry_pages
from generator.render.pages import render_sources
from generator.render.placeholders import Source, unlift
from generator.render.reuse import Reuse
from generator.render.view import environment
from generator.render.words import summary
from generator.settings import Settings
from generator.settings import today as settings_today
from generator.share.audience import Edition, edition_for
from generator.share.edition import share_attachments
from generator.share.locked import LockedSite

if TYPE_CHECKING:
    # Only for a type: importing it starts watchdog and an HTTP server's modules (4 MB),
    # which a build does not need.
    from mkdocs.livereload import LiveReloadServer

log = logging.getLogger("mkdocs.plugins.debrief")

ASSETS = Path(__file__).parent.parent / "render" / "assets"

ABORTED = "debrief: the notebook has errors: "

# The generated pages use these; a notebook's mkdocs.yml may not list them.
REQUIRED_EXTENSIONS = ("admonition", "attr_list", "md_in_html", "tables", "pymdownx.tasklist")


def today_from_environment() -> date:
    try:
        return settings_today()
    except ValueError as error:
        raise PluginError(f"debrief: {error}") from None


class DebriefPlugin(BasePlugin[PluginConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.options = RunOptions()  # set by the CLI before a build
        self.report = BuildReport()  # read by the CLI after it
        self.settings = Settings()
        self.store = PageStore()
        self.edition = Edition("owner", [])
        self.is_serve = False
        self.cache: EntryCache | None = None  # serve only: re-read only the files edited
        self.incremental: Incremental | None = None  # a dirty build: `debrief serve`
        self.reuse: Reuse | None = None  # serve: the last render, to render only what changed
        self.compiled = MemoryBytecodeCache()  # serve: the theme's templates, compiled once
        self.listing = ThemeListing()  # serve: the theme's files, listed once
        self.locked: LockedSite | None = None  # the passphrase-locked share
        self.files: Files | None = None
        self.headings: Headings | None = None  # the lifted headings' maker, per build
        self.feeder: SearchFeeder | None = None  # mkdocs-material's search, fed directly
        self.nav: Navigation | None = None
        self.search_index = StreamedSearchIndex()
        self._rendered = 0

    # -- the build's frame ---------------------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.is_serve = command == "serve"
        self.cache = EntryCache() if self.is_serve else None
        self.incremental = Incremental() if dirty else None
        self.reuse = Reuse() if self.is_serve else None

    @event_priority(100)  # before the search plugin asks the theme for its translations
    def _compile_templates_once(self, config: MkDocsConfig) -> MkDocsConfig:
        # Per serve in memory, else on disk between builds (theme_cache.py).
        compiled = self.compiled if self.is_serve else disk_cache()
        share_compiled_templates(config.theme, compiled, self.listing if self.is_serve else None)
        environment().bytecode_cache = compiled  # the pages' own templates too
        return config

    def _configure(self, config: MkDocsConfig) -> MkDocsConfig:
        self.store.clear()
        self.headings = None  # made again: mkdocs.yml's Markdown extensions may have changed
        self.report = BuildReport()
        root = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        self.settings = settings_from(self.config, root, dict(config))
        if CSS not in config.extra_css:
            config.extra_css.append(CSS)
        for extension in REQUIRED_EXTENSIONS:
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        lock = self.options.lock if self.options.audience == "share" else None
        self.locked = LockedSite(lock) if lock is not None else None
        if self.locked is not None:
            self.locked.configure(config)
        return config

    on_config = CombinedEvent(_compile_templates_once, _configure)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        notebook = self._read()
        if not self.is_serve:  # what reading freed stays resident otherwise (plugin/memory.py)
            give_back_freed_memory()
        self.edition = self._choose_entries(notebook, files, config)
        pages = self._add_pages(files, config, banner=self._banner(notebook))
        self._add_attachments(files, config)
        # Everything the pages need is packed: let the entries go (hand-written pages still
        # go through the edition's text, which needs the anonymizer only).
        self.edition = replace(self.edition, entries=[])
        self._set_navigation(files, config)
        self.report.page_count = len(files.documentation_pages())
        self._rendered = 0
        if self.incremental is not None:
            self.incremental.prepare(files, config, pages)
        self.files = files
        if self.locked is not None:
            self.locked.hide_addresses(files, config)
        return files

    # -- on_files, step by step ----------------------------------------------------------

    def _today(self) -> date:
        return self.options.today or today_from_environment()

    def _read(self) -> Notebook:
        """Read every entry and log every problem; stop a build (not `serve`) on errors,
        or on warnings under --strict."""
        notebook = read_for_build(self.settings, self._today(), self.cache)
        self.report.diagnostics = notebook.diagnostics
        self.report.file_count = notebook.file_count
        for diagnostic in notebook.diagnostics:
            error = diagnostic.is_error and not self.is_serve
            # Marked, so that `debrief build` can show it as PATH:LINE once, not twice.
            log.log(
                logging.ERROR if error else logging.WARNING,
                diagnostic.format(),
                extra={"debrief_diagnostic": True},
            )
        failing = notebook.errors or (self.options.strict and notebook.diagnostics)
        if failing and not self.is_serve:
            raise PluginError(ABORTED + summary(notebook.diagnostics, notebook.file_count))
        return notebook

    def _choose_entries(self, notebook: Notebook, files: Files, config: MkDocsConfig) -> Edition:
        """The entries this audience sees; a broken entry is left out (under `serve`).
        A share's hand-written pages and files get addresses without hidden names, and
        mkdocs.yml's texts lose them too."""
        broken = {d.path for d in notebook.errors}
        readable = [e for e in notebook.entries if e.path not in broken]
        docs = [f.src_uri for f in files]
        edition = edition_for(readable, self.options.audience, self.settings, docs_files=docs)
        self.report.entry_count = len(edition.entries)
        self.report.privacy = edition.privacy
        if edition.privacy is not None:
            edition.privacy.site_settings(config)
            if self.locked is not None:  # the name the passphrase form shows, too
                self.locked.site_name = config.site_name
            docs_dir = Path(config.docs_dir).resolve()
            for file in list(files):
                address = edition.privacy.docs_address(file.src_uri)
                source = Path(file.abs_src_path or "")
                if file.is_documentation_page() or docs_dir not in source.parents:
                    _move(files, file, address)
                    continue
                try:
                    data = source.read_bytes()
                except OSError:  # MkDocs says so when it copies the file
                    _move(files, file, address)
                    continue
                shown = edition.privacy.file_bytes(data, file.src_uri)
                _move(files, file, address)
                if shown is not data:  # a text file that names someone: its shared text
                    file.content_bytes = shown  # still the docs folder's (a locked share seals it)
        return edition

    def _reviews(self) -> list[Review]:
        """The review log, the owner's practice history: a share never reads it. Each line
        that is not a review is a warning, shown as PATH:LINE like an entry's."""
        if self.edition.audience != "owner":
            return []
        reviews, problems = read_log(self.settings.drill_log_path, self.settings.drill.log)
        for problem in problems:
            log.warning(problem.format(), extra={"debrief_diagnostic": True})
        self.report.diagnostics = self.report.diagnostics + problems
        return reviews

    def _banner(self, notebook: Notebook) -> str:
        # Under serve, errors get a banner on every page; warnings stay in the terminal.
        return banner(notebook.errors) if self.is_serve and notebook.errors else ""

    def _add_pages(self, files: Files, config: MkDocsConfig, *, banner: str) -> dict[str, Source]:
        """Render every generated page into the store, and give MkDocs an empty file for each
        (the Markdown is handed over when MkDocs reads the page: `on_page_read_source`).
        Under `serve`, only the pages whose inputs changed are rendered again, and every
        page is returned, to rebuild only the pages that changed."""
        last = self.reuse.aggregate if self.reuse is not None else None
        settings = self.edition.settings(self.settings)
        insights = aggregate(self.edition.entries, settings, self._today(), last)
        intro = ""
        home = files.get_file_from_path(HOME)
        if home is not None:
            intro = self.edition.text(home.content_string)
            files.remove(home)
        pages: dict[str, Source] = {}
        sources = render_sources(
            insights,
            self.settings,
            home_intro=intro,
            banner=banner,
            reviews=self._reviews(),
            reuse=self.reuse,
        )
        if self.is_serve:  # a broken entry's page shows its problems until it is fixed
            sources = chain(sources, broken_entry_pages(self.report.diagnostics))
        for path, source in sources:
            if path in self.store.generated:
                continue  # a broken file named like a good entry: the entry keeps its page
            if files.get_file_from_path(path) is not None:
                log.warning(f"{path} in the docs folder hides the page debrief generates there")
                continue
            if not self.options.lift_headings:
                source = unlift(source)
            self.store.add(path, source, pack=self.reuse is None)
            if self.incremental is not None:
                pages[path] = source
            in_nav = path == HOME or any(path == target for _, target in NAV)
            inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
            files.append(ChangedOnly.generated(config, path, content="", inclusion=inclusion))
        files.append(File.generated(config, CSS, content=(ASSETS / "debrief.css").read_bytes()))
        return pages

    def _add_attachments(self, files: Files, config: MkDocsConfig) -> None:
        """The files next to the entries (images, PDFs) this audience gets."""
        found = attachments(self.settings.entries_path)
        problems = self.report.diagnostics  # a copy that fails is reported with them
        pairs = [
            (original, target)
            for original, target in self.edition.attachments(found, self.settings.entries_dir)
            if files.get_file_from_path(target) is None
        ]
        privacy = self.edition.privacy
        if privacy is None:
            for original, target in pairs:
                rel = relative(original, self.settings.root)
                files.append(Attachment.of(config, target, str(original), rel, problems))
            return
        # A share's: images re-encoded, text files checked, other kinds left out.
        dirs = list(config.theme.dirs)
        scrubbed = share_attachments(self.settings, privacy, pairs, dirs)
        self.report.dropped = scrubbed.dropped
        for target, data in scrubbed.kept:
            files.append(File.generated(config, target, content=data))
        for _source, target, _why in scrubbed.dropped:
            # Known but excluded: a link to it is not a broken link, and nothing is written.
            excluded = InclusionLevel.EXCLUDED
            files.append(File.generated(config, target, content=b"", inclusion=excluded))

    def _set_navigation(self, files: Files, config: MkDocsConfig) -> None:
        """Unless mkdocs.yml gives a `nav`: Home, the overview pages, the hand-written pages.
        (A share's `nav` points at the pages' share addresses.)"""
        if config.nav is not None:
            if self.edition.privacy is not None:
                config.nav = self.edition.privacy.nav_config(config.nav)
            return
        generated = {HOME, CSS, *self.store.generated}
        config.nav = default_nav(
            [
                f.src_uri
                for f in files.documentation_pages()
                if f.src_uri not in generated and f.generated_by is None
            ]
        )

    # -- each page -----------------------------------------------------------------------

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav = nav
        if not self.is_serve:  # the entries on_files let go of (plugin/memory.py)
            give_back_freed_memory(collect=True)
        if self.edition.privacy is not None:  # the titles and links mkdocs.yml gives
            nav.items = self.edition.privacy.nav_items(nav.items)
        if self.locked is not None:
            self.locked.hide_navigation(nav)
        return nav

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if page.file.generated_by is not None:
            return markdown
        if self.edition.privacy is not None:  # the title and description the theme shows
            page.title = self.edition.privacy.title(page.title or "")
            page.meta = self.edition.privacy.page_meta(page.meta)
        return self.edition.text(markdown, page.file.src_uri)

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        return self.store.markdown_of(page)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.store.source_of(page) is not None:
            if self.headings is None:
                self.headings = Headings(config)
            self.store.lift_headings(page, html, self.headings)
            # Rendered: MkDocs has no more use for it (None would lose the page's title).
            page.markdown = ""
        # The blocks wait for on_page_context: until then a page holds little.
        return html

    @event_priority(50)  # before the search plugin reads the page
    def _show_search_a_copy(
        self, context: Any, *, page: Page, config: MkDocsConfig, nav: Any
    ) -> Any:
        copies = self.options.search_copies
        self.store.show_search_a_copy(page, copies=copies, feeder=self.feeder)
        return context

    @event_priority(-100)  # after the search plugin has indexed the page
    def _fill_and_count(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        locked = self.locked
        if locked is None:
            self.store.fill_indexed(page)
        else:
            self.store.fill_indexed(page, relink=lambda part: locked.relink(part, page))
            locked.seal_page(page)  # the search plugin has read it
        if self.incremental is not None:
            self.incremental.page_indexed(config, page.file.src_uri)
        self._rendered += 1
        if self.options.progress is not None:
            self.options.progress(self._rendered, self.report.page_count)
        return context

    on_page_context = CombinedEvent(_show_search_a_copy, _fill_and_count)

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        self.feeder = SearchFeeder.of(config)  # before the first page is indexed
        if not self.is_serve:  # what converting every page freed (plugin/memory.py)
            give_back_freed_memory()
        if self.options.cache_navigation and self.nav is not None:
            NavigationCache(self.nav).install(env)
        if self.locked is not None:
            self.locked.remember_titles(files)
        return env

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if self.store.is_generated(page):
            # Written, and in the search index: a thousand pages add up.
            page.content, page.toc = "", TableOfContents([])
        return self.locked.finish_page(output, page) if self.locked is not None else output

    # -- the end of the build ------------------------------------------------------------

    @event_priority(100)  # before the search plugin writes its index
    def _mend_incremental_build(self, *, config: MkDocsConfig) -> None:
        if self.incremental is not None and self.files is not None:
            self.incremental.finish(self.files, config)

    @event_priority(100)  # before the search plugin writes its index
    def _make_room_for_the_index(self, *, config: MkDocsConfig) -> None:
        # Writing the index is the build's peak of memory (plugin/memory.py).
        give_back_freed_memory()

    @event_priority(50)  # after making room, before the search plugin (0) would write it
    def _write_the_search_index(self, *, config: MkDocsConfig) -> None:
        if self.options.stream_search_index and not self.is_serve and self.incremental is None:
            self.search_index.write(config)  # plugin/search_index.py

    @event_priority(-100)  # after the search plugin has written its index
    def _seal_search_drop_sitemap(self, *, config: MkDocsConfig) -> None:
        self.search_index.hand_back()
        if self.locked is not None:
            self.locked.finish_build(config.site_dir)

    on_post_build = CombinedEvent(
        _mend_incremental_build,
        _make_room_for_the_index,
        _write_the_search_index,
        _seal_search_drop_sitemap,
    )

    def on_build_error(self, *, error: Exception) -> None:
        self.search_index.hand_back()  # MkDocs may build again with the same search plugin

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> LiveReloadServer:
        server.watch(str(self.settings.entries_path))
        if self.settings.drill_log_path.exists():
            server.watch(str(self.settings.drill_log_path))
        watch_without_polling(server)
        return server


def _move(files: Files, file: File, address: str) -> None:
    """Give `file` the docs path `address` in the build; it is still read where it is."""
    if address != file.src_uri:
        files.remove(file)
        file.abs_src_path = file.abs_src_path
        file.src_uri = address
        for derived in ("dest_uri", "url", "name", "abs_dest_path"):
            file.__dict__.pop(derived, None)
        files.append(file)
