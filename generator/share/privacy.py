"""The one decision of a share: what is private, made once, on the owner's notebook.

`Privacy.build` reads the owner's entries and share settings once per share run
(`debrief share`, `debrief export --audience share`); everything the share shows
then comes out of it, and nothing else decides:

(a) `entries`: the shared entries. Private entries are gone; redacted fields are
    emptied; in every text field and body, private blocks and comments are
    removed (`clean`), links to what the share does not hold become plain text
    (`links`), and the names of redacted people and of hidden companies are
    replaced by a label ("[interviewer]", "[mentor]", "Company A", "[company]";
    `words`). An entry's address is made from what its page shows (date,
    company, stage), never from its file name.
(b) `page_text(markdown, path)`: a hand-written page as the share shows it, by
    the same rules.
(c) `attachments`: the files next to the entries that a shared entry shows, as
    (source, docs path); their names, too, come from the entry's address
    (`entries/2026-03-02-company-a-technical-1.png`), never from the file's name.
    What is in a file is decided where it is copied (`attachments`).
(d) `needles()`: what it hid, for the output check (the second line of defence)
    to look for, each a `hidden.Needle`: the text, the file and line it comes from,
    what it is, its other spellings, and whether it is a name. They are: the
    names of redacted people, whole and each word but initials, with and
    without accents; hidden companies' names and distinctive words, the same
    way; the sentences of private blocks (in entries and in hand-written
    pages); every text field, the sentences and the file name of a private
    entry; the values of other redacted fields. Names
    are never legitimately in a share; the other needles are dropped when the
    share shows the same words on purpose (a private entry's weak spot that a
    shared entry has too), so that the check raises no false alarm. Look for a
    needle as a whole word (or phrase), case-insensitively, in every view of
    every output file and in file and folder names.
(e) `reports`: per entry and page, what was left out or replaced, with counts,
    for `debrief share --report` (`report.format_report`).
"""

from __future__ import annotations

import os
import posixpath
import re
from collections import Counter
from collections.abc import Iterable, Mapping, MutableMapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal
from urllib.parse import unquote

from generator.entry.models import FrontMatter
from generator.entry.names import slugify
from generator.entry.read import Entry
from generator.entry.read import attachments as files_next_to_entries
from generator.render.addresses import HOME, NAV
from generator.settings import Settings
from generator.share.anonymize import Anonymizer, company_names
from generator.share.attachments import pixels_only
from generator.share.clean import clean_text
from generator.share.fields import (
    PEOPLE,
    KeyPath,
    field_strings,
    map_strings,
    redact_meta,
    shown_fields,
)
from generator.share.hidden import Needle, needles_of
from generator.share.links import relink
from generator.share.site_settings import shared_settings
from generator.share.words import Hidden, HiddenWords, person

Audience = Literal["owner", "share"]


_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,8}$")
_MARKUP_FILES = (".html", ".htm", ".xhtml", ".svg", ".xml", ".txt")


@dataclass
class TextReport:
    """What the share did to one entry or page."""

    source: str  # the owner's file: entries/x.md, notebook/y.md
    shared_as: str | None  # its docs path in the share; None when left out
    private_entry: bool = False
    private_blocks: list[int] = field(default_factory=list)  # the lines they start on
    comments: int = 0
    redacted: list[str] = field(default_factory=list)  # fields that had a value
    replaced: Counter[tuple[str, str]] = field(default_factory=Counter)  # (name, label)
    links: list[str] = field(default_factory=list)  # targets made plain text
    attachments: list[tuple[str, str]] = field(default_factory=list)  # (source, shared name)


class Privacy:
    """See the module's text. Build it with `Privacy.build`."""

    def __init__(
        self,
        entries: list[Entry],
        settings: Settings,
        attachments: Iterable[tuple[Path, str]] = (),
        docs_files: Iterable[str] = (),
    ) -> None:
        self.settings = settings
        share = settings.share
        self.owner = sorted(entries, key=lambda e: (e.meta.private, e.date, e.path))
        kept = sorted((e for e in entries if not e.meta.private), key=lambda e: (e.date, e.path))
        self._private = [e for e in self.owner if e.meta.private]
        self._files = {docs: source for source, docs in attachments}
        self._docs = set(docs_files)
        self._entries_dir = posixpath.normpath(settings.entries_dir.strip("/") or ".")
        docs = Path(settings.docs_dir)
        if docs.is_absolute():
            docs = Path(os.path.relpath(docs, settings.root.resolve()))
        self.docs_folder = docs.as_posix()
        self.letters, companies = company_names(
            [e.meta.company for e in kept],
            [e.meta.company for e in self._private],
            "company" in share.anonymize,
        )
        self.people = _people(self.owner, share.redact)
        self.hidden = HiddenWords(self.people + companies)
        self.anonymizer = (
            Anonymizer(self.letters, self.hidden) if "company" in share.anonymize else None
        )
        # mkdocs.yml's aliases name the weak spots the pages show: their words are hidden too.
        aliases = {
            self.hidden.replace(k): self.hidden.replace(v) for k, v in settings.aliases.items()
        }
        self.settings = replace(settings, aliases=aliases)
        self.reports: list[TextReport] = []
        self.attachments: list[tuple[Path, str]] = []
        self._pages: dict[str, str] = {}  # the hand-written pages shown, as written, by file
        self._original: dict[str, str] = {}  # a docs file's address in the share -> its path
        self._slugs: dict[str, str] = {}  # owner docs path (entries/2026/x.md) -> shared slug
        metas: list[tuple[Entry, FrontMatter, TextReport]] = []
        taken: set[str] = set()
        for entry in kept:
            report = TextReport(entry.path, None)
            meta = self._meta(entry, report)
            slug = _unique(_address(meta), taken)
            self._slugs[self._docs_path(entry)] = slug
            report.shared_as = f"entries/{slug}.md"
            metas.append((entry, meta, report))
        self.entries: list[Entry] = []
        for entry, meta, report in metas:
            slug = self._slugs[self._docs_path(entry)]
            body = self._body(entry, slug, report)
            path = posixpath.join(self._entries_dir, f"{slug}.md").removeprefix("./")
            self.entries.append(replace(entry, meta=meta, body=body, slug=slug, path=path))
            self.reports.append(report)
        for entry in self._private:
            self.reports.append(TextReport(entry.path, None, private_entry=True))
        self.reports.sort(key=lambda r: r.source)

    @classmethod
    def build(
        cls,
        entries: list[Entry],
        settings: Settings,
        attachments: Iterable[tuple[Path, str]] | None = None,
        docs: Iterable[str] | None = None,
    ) -> Privacy:
        """The decision for `entries` (all of the owner's, private ones too).

        `attachments` are the files next to the entries as (source, entries/...);
        `docs` the docs folder's files by docs path, the pages a hand-written page may
        link to. Both are read from the notebook's folders when not given.
        """
        if attachments is None:
            attachments = files_next_to_entries(settings.entries_path)
        if docs is None:
            docs = docs_files(settings)
        return cls(entries, settings, attachments, docs)

    # --- (a) entries ---------------------------------------------------------------------

    def _docs_path(self, entry: Entry) -> str:
        """The entry's file as a docs path: entries/2026/x.md."""
        prefix = self._entries_dir + "/"
        inside = entry.path[len(prefix) :] if entry.path.startswith(prefix) else entry.path
        return posixpath.normpath(f"entries/{inside}")

    def _meta(self, entry: Entry, report: TextReport) -> FrontMatter:
        share = self.settings.share
        report.redacted = [
            name for name in share.redact if name != "private" and getattr(entry.meta, name, None)
        ]
        meta = redact_meta(entry.meta, share.redact)
        before = Counter(self.hidden.counts)

        def shown(value: str, key: KeyPath) -> str:
            if "!--" in value:  # `<!--`, or HTML-escaped (`&lt;!--`)
                cleaned = clean_text(value)
                if cleaned.private_blocks:
                    line = entry.document.line_of(key) or 0
                    report.private_blocks += [line for _ in cleaned.private_blocks]
                report.comments += len(cleaned.removed) - len(cleaned.private_blocks)
                value = cleaned.text.strip()
            return self.hidden.replace(value)

        data = shown_fields(meta, shown)
        if meta.company in self.letters and self.letters[meta.company] != meta.company:
            data["company"] = self.letters[meta.company]
        self._count(before, report)
        return FrontMatter.model_validate(data)

    def _body(self, entry: Entry, slug: str, report: TextReport) -> str:
        cleaned = clean_text(entry.body)
        for removed in cleaned.private_blocks:
            line = entry.body_line + entry.body.count("\n", 0, removed.offset)
            report.private_blocks.append(line)
        report.comments += len(cleaned.removed) - len(cleaned.private_blocks)
        folder = posixpath.dirname(self._docs_path(entry))
        names: dict[str, str] = {}

        def resolve(target: str) -> str | None:
            if target.startswith("#"):
                return None if self.hidden.finds(unquote(target)) else target
            if _EXTERNAL.match(target):
                return None if self.hidden.finds(unquote(target)) else target
            path, _, anchor = unquote(target).partition("#")
            path = posixpath.normpath(posixpath.join(folder, path.split("?", 1)[0]))
            anchor = "" if not anchor or self.hidden.finds(anchor) else f"#{anchor}"
            if path.endswith(".md"):
                shared = self._entry_slug(path)
                if shared is not None:
                    return f"{shared}.md{anchor}"
                if path.startswith("entries/"):
                    return None
                page = posixpath.relpath(path, "entries")
                return f"../{page}" if page in self._docs and not page.startswith("..") else None
            if path not in self._files:
                return None
            if path not in names:
                suffix = _EXTENSION.search(path)
                names[path] = f"{slug}-{len(names) + 1}{suffix.group().lower() if suffix else ''}"
                self.attachments.append((self._files[path], f"entries/{names[path]}"))
                report.attachments.append((posixpath.basename(path), names[path]))
            return names[path]

        text, dropped = relink(cleaned.text, resolve)
        report.links += dropped
        before = Counter(self.hidden.counts)
        text = self.hidden.replace(text, markdown=True)
        self._count(before, report)
        return text

    def _entry_slug(self, docs_path: str) -> str | None:
        if docs_path in self._slugs:
            return self._slugs[docs_path]
        # The owner's site finds an entry by its file's name alone (render.shift_body_links).
        name = posixpath.basename(docs_path)
        found = [slug for path, slug in self._slugs.items() if posixpath.basename(path) == name]
        return found[0] if len(found) == 1 else None

    def _count(self, before: Counter[int], report: TextReport) -> None:
        for index, count in (self.hidden.counts - before).items():
            item = self.hidden.hidden[index]
            report.replaced[(item.name, item.label or "")] += count

    # --- (b) hand-written pages ------------------------------------------------------------

    def page_text(self, markdown: str, path: str) -> str:
        """The hand-written page at docs path `path` (`method.md`, or its share address)
        as the share shows it, its links made from its address in the share."""
        path = self._original.get(path, path)
        report = TextReport(posixpath.join(self.docs_folder, path), self.docs_address(path))
        cleaned = clean_text(markdown)
        for removed in cleaned.private_blocks:
            report.private_blocks.append(1 + markdown.count("\n", 0, removed.offset))
        report.comments = len(cleaned.removed) - len(cleaned.private_blocks)
        folder = posixpath.dirname(path)
        here = posixpath.dirname(self.docs_address(path)) or "."
        generated = {HOME, *(target for _title, target in NAV)}

        def resolve(target: str) -> str | None:
            if target.startswith("#") or _EXTERNAL.match(target):
                return None if self.hidden.finds(unquote(target)) else target
            where, _, anchor = unquote(target).partition("#")
            docs = posixpath.normpath(posixpath.join(folder, where.split("?", 1)[0]))
            anchor = "" if not anchor or self.hidden.finds(anchor) else f"#{anchor}"
            shared = self._slugs.get(docs)
            if shared is None and docs.startswith("entries/") and docs.endswith(".md"):
                shared = self._entry_slug(docs)
                if shared is None:
                    return None
            if shared is not None:
                docs = f"entries/{shared}.md"
            elif docs in self._docs:
                docs = self.docs_address(docs)
            elif docs not in generated and not (
                docs.startswith(("weak-spots/", "prep/"))
                and docs.endswith(".md")
                and not self.hidden.finds(docs)
            ):
                return None
            return posixpath.relpath(docs, here) + anchor

        text, report.links = relink(cleaned.text, resolve)
        before = Counter(self.hidden.counts)
        text = self.hidden.replace(text, markdown=True)
        self._count(before, report)
        self.reports = [r for r in self.reports if r.source != report.source] + [report]
        self._pages[report.source] = markdown
        return text

    def file_bytes(self, data: bytes, path: str) -> bytes:
        """A file of the docs folder that is not a page (`raw.html`, `people.txt`, a
        drawing's `.svg`) as the share holds it: when it is text, its private blocks and
        comments out (in HTML, SVG, XML and plain text) and hidden names replaced; an
        image re-encoded from its pixels, as an entry's (no text chunk, EXIF or XMP goes
        along). A file the share does not change is returned as it is (the same object)."""
        image = pixels_only(data)
        if image is not None:
            return image
        if b"\0" in data:
            return data
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return data
        shown = text
        if path.lower().endswith(_MARKUP_FILES):
            shown = clean_text(shown).text
        shown = self.hidden.replace(shown)
        return data if shown == text else shown.encode("utf-8")

    def docs_address(self, docs_path: str) -> str:
        """Where the docs folder's file at `docs_path` goes in the share: its path with
        hidden names replaced (`notes-on-priya.md` -> `notes-on-interviewer.md`)."""
        address = self.hidden.replace(docs_path, slug=True)
        if address != docs_path:
            self._original[address] = docs_path
        return address

    def title(self, text: str) -> str:
        """A page or section title as the share shows it."""
        return self.hidden.replace(clean_text(text).text).strip()

    def nav_config(self, nav: Any) -> Any:
        """mkdocs.yml's `nav` with each page at its share address (`docs_address`) and
        each title as the share shows it; a link to an address naming someone is left out."""
        if isinstance(nav, list):
            items = [self.nav_config(item) for item in nav]
            return [item for item in items if item is not None]
        if isinstance(nav, dict):
            kept = {self.title(str(k)): self.nav_config(v) for k, v in nav.items()}
            return {k: v for k, v in kept.items() if v is not None} or None
        if isinstance(nav, str):
            if _EXTERNAL.match(nav) or nav.startswith("/"):
                return None if self.hidden.finds(unquote(nav)) else nav
            return self.docs_address(nav)
        return nav

    def nav_items(self, items: list[Any]) -> list[Any]:
        """The navigation mkdocs.yml gives, as the share shows it (MkDocs' items, by their
        attributes): sections and links titled without hidden names, and no link to an
        address that names one. Pages get their titles as they are read (`title`)."""
        kept = []
        for item in items:
            if getattr(item, "is_link", False) and self.hidden.finds(unquote(item.url)):
                continue
            if not getattr(item, "is_page", False) and item.title:
                item.title = self.title(item.title)
            if getattr(item, "children", None):
                item.children = self.nav_items(item.children)
            kept.append(item)
        return kept

    def site_settings(self, config: MutableMapping[str, Any]) -> None:
        """mkdocs.yml's settings as the share shows them, changed in place (`site_settings`)."""
        shared_settings(config, self.title, self.hidden.finds, self.docs_address)

    def page_meta(self, meta: Mapping[str, Any]) -> dict[str, Any]:
        """A hand-written page's front matter (title, description: the theme shows them)."""
        return {key: map_strings(value, self.title) for key, value in meta.items()}

    # --- (d) what the output check looks for ---------------------------------------------

    def needles(self) -> list[Needle]:
        """What the share hid, for the output check: see the module's text."""
        return needles_of(
            self.owner, self.hidden.hidden, self._shown_texts(), self.settings.share, self._pages
        )

    def _shown_texts(self) -> list[str]:
        """What the share shows on purpose: the shared entries' names and fields.

        Not the free text of bodies and hand-written pages: a private entry's lesson
        copied into one of them is exactly what the output check is there to catch.
        """
        texts: list[str] = []
        for entry in self.entries:
            texts += [entry.slug, *(value for _key, value in field_strings(entry.meta))]
        return texts


def docs_files(settings: Settings) -> list[str]:
    """The files of the docs folder by docs path (`method.md`, `img/x.png`): what MkDocs
    builds besides the generated pages, and what a hand-written page may link to."""
    docs = settings.root / settings.docs_dir
    found: list[str] = []
    for folder, dirs, names in os.walk(docs):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += sorted(Path(folder, n).relative_to(docs).as_posix() for n in names)
    return found


def _people(entries: list[Entry], redact: tuple[str, ...]) -> list[Hidden]:
    """The redacted people of the notebook, each once, interviewers first."""
    found: dict[str, Hidden] = {}
    for name, kind in PEOPLE.items():
        if name not in redact:
            continue
        for entry in entries:
            for value in getattr(entry.meta, name):
                hidden = person(value, kind)
                if hidden is not None:
                    found.setdefault(" ".join(sorted(hidden.words)), hidden)
    return list(found.values())


def _address(meta: FrontMatter) -> str:
    """An entry's address in a share, from what its page shows: date, company, stage."""
    parts = [meta.date.isoformat(), slugify(meta.company), slugify(meta.stage or "")]
    return "-".join(part for part in parts if part)


def _unique(slug: str, taken: set[str]) -> str:
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        candidate = f"{slug}-{number}"
    taken.add(candidate)
    return candidate
