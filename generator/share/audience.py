"""Who is looking: the owner sees everything; a share loses private entries and redacted fields.

Filtering happens before aggregation, so a private entry leaves no count,
no chart point and no name behind. A shared entry's body loses its
`<!-- private -->` blocks and HTML comments, and with `anonymize: [company]`
every company name, in every field, body and address, becomes "Company A", ...
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

from generator.entry.models import FrontMatter
from generator.entry.names import normalize_name
from generator.entry.read import Entry, chronological
from generator.settings import ShareSettings
from generator.share.anonymize import Anonymizer, short_name
from generator.share.attachments import shared_attachments
from generator.share.clean import clean

Audience = Literal["owner", "share"]
REDACTED = "redacted"


@dataclass(frozen=True)
class Edition:
    """The notebook as one audience sees it: what the plugin and the Markdown export build from.

    Made once by `edition_for`; everything either of them shows of the notebook's own
    files (entries, hand-written pages, attachments) goes through it.
    """

    audience: Audience
    entries: list[Entry]  # what this audience sees, oldest first, ready to aggregate
    anonymizer: Anonymizer | None = None

    def text(self, markdown: str) -> str:
        """A hand-written page as this audience reads it."""
        return shown_text(markdown, self.anonymizer) if self.audience == "share" else markdown

    def attachments(
        self, found: list[tuple[Path, str]], entries_dir: str
    ) -> list[tuple[Path, str]]:
        """The files next to the entries this audience gets, as (source, docs path) pairs."""
        if self.audience == "owner":
            return found
        rename = self.anonymizer.path if self.anonymizer else (lambda path: path)
        return shared_attachments(self.entries, found, entries_dir, rename)


def edition_for(entries: list[Entry], audience: Audience, share: ShareSettings) -> Edition:
    """The one set-up of an audience, for the plugin and the export alike: `entries` are
    all the readable entries, private ones too (the anonymizer must know every company)."""
    if audience == "owner":
        return Edition("owner", chronological(entries))
    return Edition("share", for_audience(entries, "share", share), anonymizer_for(entries, share))


def shown_text(markdown: str, anonymizer: Anonymizer | None) -> str:
    """A hand-written page as the share shows it: no private blocks, comments or names."""
    text = clean(markdown)
    return anonymizer.markdown(text) if anonymizer else text


def redact_meta(meta: FrontMatter, fields: tuple[str, ...]) -> FrontMatter:
    update: dict[str, Any] = {}
    for name in fields:
        info = FrontMatter.model_fields.get(name)
        if info is None or name == "private":
            continue
        if info.is_required():
            update[name] = meta.date if name == "date" else REDACTED
        elif info.default_factory is not None:
            update[name] = info.default_factory()  # type: ignore[call-arg]
        else:
            update[name] = info.default
    return meta.model_copy(update=update)


def for_audience(entries: list[Entry], audience: Audience, share: ShareSettings) -> list[Entry]:
    if audience == "owner":
        return list(entries)
    kept = chronological(e for e in entries if not e.meta.private)
    anonymizer = anonymizer_for(entries, share)
    shared: list[Entry] = []
    for entry in kept:
        meta = redact_meta(entry.meta, share.redact)
        body = clean(entry.body)
        slug, path = entry.slug, entry.path
        if anonymizer is not None:
            meta = anonymizer.meta(meta)
            body = anonymizer.markdown(body)
            slug, path = anonymizer.path(slug), anonymizer.path(path)
        shared.append(replace(entry, meta=meta, body=body, slug=slug, path=path))
    return shared


def anonymizer_for(entries: list[Entry], share: ShareSettings) -> Anonymizer | None:
    """The renamer of companies when the share anonymizes them, else None.

    Shared companies are lettered in order of first appearance; companies only
    private entries name come after them, so that a mention of one in a shared
    text is hidden too, without a gap in the letters giving it away. The short
    name an entry's file uses (`northwind` for Northwind Logistics) is hidden too.
    """
    if "company" not in share.anonymize:
        return None

    ordered = sorted(entries, key=lambda e: (e.meta.private, e.date, e.path))
    letters = anonymous_names([e.meta.company for e in ordered])
    forms = dict(letters)
    for entry in ordered:
        short = short_name(entry.meta.company, entry.slug)
        if short is not None:
            forms.setdefault(short, letters[entry.meta.company])
    return Anonymizer(forms)


def anonymous_names(companies: list[str]) -> dict[str, str]:
    """'Company A', 'Company B', ... in order of first appearance (then AA, AB, ...)."""
    letters: dict[str, str] = {}
    by_normal: dict[str, str] = {}
    for company in companies:
        key = normalize_name(company)
        if key not in by_normal:
            by_normal[key] = f"Company {_letters(len(by_normal))}"
        letters[company] = by_normal[key]
    return letters


def _letters(index: int) -> str:
    text = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        text = chr(ord("A") + rest) + text
    return text
