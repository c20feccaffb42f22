"""The share's own leak check: nothing the owner keeps back may be in any output file.

`secrets` lists what must not be shown, from the owner's data: every field and
sentence of a private entry, redacted values, private blocks, HTML comments and,
when anonymized, the real company names. `find_leaks` looks for each of them in
every file of the built share (as bytes, HTML-unescaped, JSON-unescaped, without
tags) and in every file and folder name.

To keep false alarms away, a secret shorter than 4 characters is not looked for,
nor one that the renderer or the theme print on their own, nor (for what a
private entry or a private block says) one that shared data shows as well: a weak
spot a shared entry has too is not a leak. Redacted values and anonymized names
are never excused that way: they must not appear at all.
"""

from __future__ import annotations

import contextlib
import gzip
import html
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from pydantic import BaseModel

from generator.entry.diagnostics import Diagnostic
from generator.entry.frontmatter import KeyPath, describe
from generator.entry.models import FrontMatter
from generator.entry.names import Vocabulary, slugify
from generator.entry.read import Entry
from generator.settings import ShareSettings
from generator.share.anonymize import Anonymizer
from generator.share.audience import redact_meta
from generator.share.clean import clean_text
from generator.share.phrase_index import PhraseIndex

MIN_LENGTH = 4
NAMED_FIELDS = ("weak_spots", "strengths", "tags", "stage")  # shown by canonical name


@dataclass(frozen=True)
class Secret:
    text: str
    source: str  # the notebook file it comes from
    line: int | None
    what: str  # e.g. "company of a private entry"
    excusable: bool = True  # fine when shared data shows the same text
    variants: tuple[str, ...] = ()  # other spellings the output may use


@dataclass(frozen=True)
class Leak:
    secret: Secret
    where: str  # path in the output folder, '/'-separated
    in_name: bool = False


# --- what must not be shown -----------------------------------------------------------------


def secrets(
    entries: list[Entry],
    share: ShareSettings,
    vocabulary: Vocabulary,
    pages: dict[str, str],
    anonymizer: Anonymizer | None = None,
) -> list[Secret]:
    """Everything the share must not show, from the owner's entries and hand-written pages."""
    found: list[Secret] = []
    for entry in entries:
        if entry.meta.private:
            found.extend(_private_entry(entry, share, vocabulary))
        else:
            found.extend(_removed(entry.body, entry.path, entry.body_line))
        found.extend(_redacted(entry, share))
    for path, text in pages.items():
        found.extend(_removed(text, path, 1))
    if anonymizer is not None:
        first: dict[str, Entry] = {}
        for entry in entries:
            first.setdefault(anonymizer.company(entry.meta.company), entry)
        for form, letter in anonymizer.forms.items():
            if letter in first:
                entry = first[letter]
                found.append(
                    Secret(
                        form,
                        entry.path,
                        entry.document.line_of(("company",)),
                        "the company name, which the share anonymizes,",
                        excusable=False,
                        variants=(slugify(form), slugify(form).replace("-", "")),
                    )
                )
    return found


def readable_secrets(
    shared: list[tuple[Entry, Entry]], vocabulary: Vocabulary, pages: dict[str, str]
) -> list[Secret]:
    """In a locked share, nothing of the notebook may be readable: (owner, shared) entries."""
    found: list[Secret] = []
    for owner, entry in shared:
        for key, value in field_strings(entry.meta):
            if key[0] in ("stage", "format", "outcome", "private"):
                continue  # a handful of common words: not worth a false alarm
            found.append(
                Secret(
                    value,
                    owner.path,
                    owner.document.line_of(key),
                    f"{describe(key)}, readable without the passphrase,",
                    excusable=False,
                    variants=_name_variants(key, value, vocabulary),
                )
            )
        found.append(Secret(entry.slug, owner.path, None, "the page name of an entry", False))
        for line, sentence in sentences(entry.body, owner.body_line):
            found.append(Secret(sentence, owner.path, line, "the notes of an entry", False))
    for path, text in pages.items():
        for line, sentence in sentences(text):
            found.append(Secret(sentence, path, line, "the text of a page", False))
    return found


def _private_entry(entry: Entry, share: ShareSettings, vocabulary: Vocabulary) -> Iterator[Secret]:
    for key, value in field_strings(entry.meta):
        if key[0] in share.redact or key[0] in ("outcome", "private"):
            continue  # an outcome is one of six words; redacted values: see _redacted
        yield Secret(
            value,
            entry.path,
            entry.document.line_of(key),
            f"{describe(key)} of a private entry",
            variants=_name_variants(key, value, vocabulary),
        )
    yield Secret(entry.slug, entry.path, None, "the file name of a private entry")
    for line, sentence in sentences(entry.body, entry.body_line):
        yield Secret(sentence, entry.path, line, "the notes of a private entry")


def _removed(text: str, path: str, first_line: int) -> Iterator[Secret]:
    for removed in clean_text(text).removed:
        start = first_line + text.count("\n", 0, removed.offset)
        what = "a private block" if removed.kind == "private block" else "an HTML comment"
        for line, sentence in sentences(removed.text, start):
            yield Secret(sentence, path, line, what)


def _redacted(entry: Entry, share: ShareSettings) -> Iterator[Secret]:
    if not share.redact:
        return
    placeholders = {value for _key, value in field_strings(redact_meta(entry.meta, share.redact))}
    for key, value in field_strings(entry.meta):
        if key[0] in share.redact and key[0] != "private" and value not in placeholders:
            yield Secret(
                value,
                entry.path,
                entry.document.line_of(key),
                f"redacted {describe(key)}",
                excusable=False,
            )


def _name_variants(key: KeyPath, value: str, vocabulary: Vocabulary) -> tuple[str, ...]:
    variants = [slugify(value)]
    if key[0] in NAMED_FIELDS:
        variants.append(vocabulary.canonical(value))
    return tuple(variants)


def field_strings(meta: FrontMatter) -> Iterator[tuple[KeyPath, str]]:
    """Every text value of the front matter, with its key path: ('questions', 0, 'answer')."""

    def walk(value: Any, key: KeyPath) -> Iterator[tuple[KeyPath, str]]:
        if isinstance(value, str):
            yield key, value
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield from walk(item, (*key, index))
        elif isinstance(value, BaseModel):
            for name in type(value).model_fields:
                yield from walk(getattr(value, name), (*key, name))

    yield from walk(meta, ())


# --- sentences of Markdown text -------------------------------------------------------------

_BLOCK_START = re.compile(r"^\s*(?:[-*+]\s+|\d+[.)]\s+|#{1,6}\s+|>\s?|!!!|\?\?\?)")
_MARKER = re.compile(r"^\s*(?:[-*+]\s+(?:\[[ xX]\]\s+)?|\d+[.)]\s+|#{1,6}\s+|>\s?)")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKS = re.compile(r"[*_`~]+|\\(?=\S)")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def plain(text: str) -> str:
    """Markdown inline markup taken off: what a reader sees of it."""
    return _MARKS.sub("", _LINK.sub(r"\1", text))


def sentences(text: str, first_line: int = 1) -> list[tuple[int, str]]:
    """(line, sentence) of Markdown text: paragraphs, list items, headings, table cells."""
    units: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] | None = None
    for number, line in enumerate(text.splitlines(), first_line):
        stripped = line.strip()
        if not stripped or re.fullmatch(r"[-|: ]+|```.*|~~~.*", stripped):
            current = None
            continue
        if stripped.startswith("|"):
            units.extend([(number, cell)] for cell in stripped.strip("|").split("|"))
            current = None
            continue
        if current is None or _BLOCK_START.match(line):
            current = []
            units.append(current)
        current.append((number, _MARKER.sub("", line)))
    found: list[tuple[int, str]] = []
    for unit in units:
        joined = ""
        starts: list[tuple[int, int]] = []
        for number, part in unit:
            starts.append((len(joined), number))
            joined += " ".join(part.split()) + " "
        position = 0
        for piece in _SENTENCE_END.split(joined):
            at = next(n for offset, n in reversed(starts) if offset <= position)
            position += len(piece) + 1
            sentence = piece.strip()
            if len(sentence) >= MIN_LENGTH:
                found.append((at, sentence))
    return found


# --- looking ------------------------------------------------------------------------------

_BASE64_RUN = re.compile(r"[A-Za-z0-9+/]{40,}={0,2}")
_TAG = re.compile(r"<[^>]*>")
_JSON_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|[\"\\/bfnrt])")
_WORD = re.compile(r"\w+")


def normalize(text: str) -> str:
    return " ".join(_BASE64_RUN.sub(" ", text).split()).casefold()


class Corpus:
    """Normalized text and its words, to ask quickly whether a phrase appears as a whole."""

    def __init__(self, texts: Iterable[str]) -> None:
        # Joined by newlines, which no normalized phrase contains: no match across texts.
        self.text = "\n".join(dict.fromkeys(normalize(text) for text in texts))
        self.words = set(_WORD.findall(self.text))

    def contains(self, phrase: str) -> bool:
        words = _WORD.findall(phrase)
        if not words or not self.words.issuperset(words) or phrase not in self.text:
            return False
        return _whole(phrase).search(self.text) is not None


def _whole(phrase: str) -> re.Pattern[str]:
    before = r"(?<!\w)" if re.match(r"\w", phrase) else ""
    after = r"(?!\w)" if re.search(r"\w$", phrase) else ""
    return re.compile(before + re.escape(phrase) + after)


@dataclass(frozen=True)
class Needle:
    secret: Secret
    phrases: tuple[str, ...]  # normalized


def needles(secrets: list[Secret], shared: Corpus, baseline: Corpus) -> list[Needle]:
    """The secrets worth looking for: long enough, and not shown legitimately elsewhere."""
    found: list[Needle] = []
    for secret in secrets:
        phrases = tuple(
            dict.fromkeys(
                p
                for p in (normalize(v) for v in (secret.text, plain(secret.text), *secret.variants))
                if len(p) >= MIN_LENGTH and _WORD.search(p)
            )
        )
        if not phrases:
            continue
        if any(baseline.contains(p) for p in phrases):
            continue
        if secret.excusable and any(shared.contains(p) for p in phrases):
            continue
        found.append(Needle(secret, phrases))
    return found


def shared_corpus(entries: list[Entry], vocabulary: Vocabulary) -> Corpus:
    """What the share shows legitimately: the shared entries, as the share has them."""
    texts: list[str] = []
    for entry in entries:
        texts += [entry.slug, entry.path, entry.body, plain(entry.body)]
        texts += [text for _line, text in sentences(entry.body)]
        for key, value in field_strings(entry.meta):
            texts += [value, plain(value), *_name_variants(key, value, vocabulary)]
    return Corpus(texts)


def baseline_corpus(texts: Iterable[str], theme_dirs: Iterable[str], language: str) -> Corpus:
    """What the renderer and the theme print whatever the notebook holds, plus `texts`
    (the site name, the theme's settings): a secret that reads the same is not looked for."""
    found = list(texts)
    render = Path(__file__).resolve().parent.parent / "render"
    for path in sorted(render.rglob("*")):
        if path.suffix in (".j2", ".py"):
            found.append(path.read_text(encoding="utf-8"))
    for theme in theme_dirs:
        for folder, dirs, names in os.walk(theme):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in names:
                path = Path(folder, name)
                if path.suffix != ".html":
                    continue
                if path.parent.name == "languages" and path.stem != language:
                    continue
                found.append(path.read_text(encoding="utf-8", errors="replace"))
    return Corpus(found)


def views(data: bytes, name: str) -> list[str]:
    """The ways a file can show text: as is, HTML- and JSON-unescaped, without tags, unquoted."""
    if name.endswith(".gz"):
        with contextlib.suppress(OSError, EOFError):
            data = gzip.decompress(data)
    # Long base64 runs (ciphertext, data: URLs) are dropped once here rather than from
    # each of the views below (`normalize` drops them there too: none of the views can
    # change such a run); in a locked share they are most of every page.
    text = _BASE64_RUN.sub(" ", data.decode("utf-8", errors="replace"))
    forms = [text, unquote(text)]
    if name.endswith(".json"):
        with contextlib.suppress(ValueError):
            forms.append("\n".join(_json_strings(json.loads(text))))
    forms.append(_JSON_ESCAPE.sub(_json_char, text))
    result: list[str] = []
    for form in forms:
        unescaped = html.unescape(form)
        result += [form, unescaped, _TAG.sub("", unescaped), _TAG.sub(" ", unescaped)]
    return result


def _json_char(match: re.Match[str]) -> str:
    code = match.group(1)
    if code.startswith("u"):
        return chr(int(code[1:], 16))
    return {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}.get(code, code)


def _json_strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _json_strings(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _json_strings(item)


def find_leaks(site: Path, needles: list[Needle], theme_dirs: Iterable[str] = ()) -> list[Leak]:
    """Every needle found in a file of `site` or in the name of a file or folder.

    A file identical to the theme's own file at the same place is the theme's, not
    the notebook's: its content is not searched (its name still is).
    """
    theme = [Path(d) for d in theme_dirs]
    index = PhraseIndex([n.phrases for n in needles], _WORD.findall)
    leaks: list[Leak] = []
    for folder, dirs, files in os.walk(site):
        dirs.sort()
        for name in sorted(dirs):
            rel = Path(folder, name).relative_to(site).as_posix() + "/"
            leaks += _in_name(rel, needles, index)
        for name in sorted(files):
            path = Path(folder, name)
            rel = path.relative_to(site).as_posix()
            leaks += _in_name(rel, needles, index)
            data = path.read_bytes()
            if any(_same_file(d / rel, data) for d in theme):
                continue
            leaks += [
                Leak(n.secret, rel) for n in _found(Corpus(views(data, name)), needles, index)
            ]
    return leaks


def _found(corpus: Corpus, needles: list[Needle], index: PhraseIndex) -> list[Needle]:
    """The needles with a phrase in `corpus`, in their order."""
    return [needles[item] for item in sorted(index.found(corpus.words, corpus.contains))]


def _in_name(rel: str, needles: list[Needle], index: PhraseIndex) -> list[Leak]:
    name = rel.rstrip("/").rsplit("/", 1)[-1]
    corpus = Corpus([name, unquote(name)])
    return [Leak(n.secret, rel, in_name=True) for n in _found(corpus, needles, index)]


def _same_file(candidate: Path, data: bytes) -> bool:
    try:
        return (
            candidate.is_file()
            and candidate.stat().st_size == len(data)
            and (candidate.read_bytes() == data)
        )
    except OSError:
        return False


def leak_diagnostics(leaks: list[Leak], shown_site: str) -> list[Diagnostic]:
    """One `PATH:LINE: error: leak: ...` per secret, naming the output files it is in."""
    grouped: dict[Secret, list[Leak]] = {}
    for leak in leaks:
        grouped.setdefault(leak.secret, []).append(leak)
    diagnostics: list[Diagnostic] = []
    for secret, found in grouped.items():
        places = [
            ("the name of " if leak.in_name else "") + shown_site + leak.where
            for leak in sorted(found, key=lambda leak: (leak.where, leak.in_name))
        ]
        places = list(dict.fromkeys(places))
        text = ", ".join(places[:3])
        if len(places) > 3:
            text += f" and {len(places) - 3} more"
        diagnostics.append(
            Diagnostic(secret.source, secret.line, "error", f"leak: {secret.what} found in {text}")
        )
    return sorted(set(diagnostics))
