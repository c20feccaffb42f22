"""Rebuild only what changed under `debrief serve`, and keep the rest of the site right.

MkDocs' dirty builds skip a page whose `File.is_modified()` is false. A generated page
has no source file to compare, so it would always be rebuilt; here it is rebuilt when
its Markdown differs from the last build's. Two things MkDocs leaves stale are mended:
the search index holds only the pages rebuilt (each skipped page's entries are kept from
the build that made it), and the output of a page that is gone would still be served.
"""

from __future__ import annotations

import os
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from generator.render.placeholders import Source


class ChangedOnly(File):
    """A page whose HTML is rebuilt only when `changed` (or when its output is missing)."""

    changed = True

    def is_modified(self) -> bool:
        return self.changed or not os.path.isfile(self.abs_dest_path)


def search_index_of(config: MkDocsConfig) -> list[Any] | None:
    """The entries list of Material's search plugin, or None when there is none to mend."""
    for plugin in config.plugins.values():
        index = getattr(plugin, "search_index", None)
        entries = getattr(index, "entries", None)
        if isinstance(entries, list):
            return entries
    return None


class Incremental:
    def __init__(self) -> None:
        self.pages: dict[str, Source] = {}
        self.search: dict[str, list[Any]] = {}
        self.outputs: set[str] = set()
        self.fingerprint: tuple[Any, ...] | None = None
        self._seen = 0

    def prepare(self, files: Files, config: MkDocsConfig, pages: dict[str, Source]) -> None:
        """Mark which pages changed since the last build; every page when the site's frame
        (configuration, navigation, stylesheet) did. A page given back unrendered is the
        very `Source` of the last build, so comparing it costs nothing."""
        path = config.config_file_path
        fingerprint = (
            repr(config.nav),
            os.stat(path).st_mtime_ns if path and os.path.exists(path) else None,
        )
        everything = fingerprint != self.fingerprint
        self.fingerprint = fingerprint
        for file in list(files.documentation_pages()):
            if isinstance(file, ChangedOnly):
                source = pages.get(file.src_uri)
                file.changed = (
                    everything or source is None or (self.pages.get(file.src_uri) != source)
                )
            else:
                # A hand-written page: always read, so the navigation keeps its title.
                files.remove(file)
                copy = ChangedOnly(
                    file.src_path,
                    file.src_dir,
                    file.dest_dir,
                    file.use_directory_urls,
                    inclusion=file.inclusion,
                )
                files.append(copy)
        self.pages = dict(pages)
        self._seen = 0

    def page_indexed(self, config: MkDocsConfig, src_uri: str) -> None:
        """Called after the search plugin indexed a page: keep that page's entries."""
        entries = search_index_of(config)
        if entries is None:
            return
        self.search[src_uri] = entries[self._seen :]
        self._seen = len(entries)

    def finish(self, files: Files, config: MkDocsConfig) -> None:
        """Before the search plugin writes its index: every page's entries, none stale;
        then remove the output of pages and files that are gone."""
        pages = [f.src_uri for f in files.documentation_pages()]
        entries = search_index_of(config)
        if entries is not None:
            self.search = {uri: self.search.get(uri, []) for uri in pages}
            entries[:] = [entry for uri in pages for entry in self.search[uri]]
            for plugin in config.plugins.values():
                if hasattr(plugin, "search_index_prev"):
                    plugin.search_index_prev = None  # its own dirty-build merge would repeat pages
        outputs: set[str] = {f.abs_dest_path for f in files}
        for gone in self.outputs - outputs:
            if os.path.isfile(gone):
                os.remove(gone)
        self.outputs = outputs
