"""Read entry files into validated Entry objects, collecting every problem on the way."""

from __future__ import annotations

import difflib
import gc
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from generator.entry.dates import date_problems, raw_dates, steps_of
from generator.entry.diagnostics import Diagnostic
from generator.entry.files import Unreadable, read_regular, readable_problem, relative
from generator.entry.frontmatter import (
    Document,
    FrontMatterError,
    KeyPath,
    describe,
    parse,
    shown,
    type_name,
)
from generator.entry.models import FIELDS, OUTCOMES, FrontMatter
from generator.entry.names import Vocabulary, look_alike


@dataclass
class Entry:
    """One interview: its validated front matter, its body and where it came from."""

    slug: str
    path: str  # relative to the notebook root, with '/'
    meta: FrontMatter
    body: str
    body_line: int
    document: Document

    @property
    def date(self) -> date:
        return self.meta.date

    @property
    def title(self) -> str:
        return f"{self.meta.company} — {self.meta.role}"


def chronological(entries: Iterable[Entry]) -> list[Entry]:
    """Entries oldest first, and by path within a day: the one order every page and report
    lists them in."""
    return sorted(entries, key=lambda e: (e.date, e.path))


@dataclass
class Notebook:
    entries: list[Entry]
    diagnostics: list[Diagnostic]
    file_count: int  # the entry files read, broken ones included

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]


def is_entry_name(name: str) -> bool:
    """Whether a file name is an entry's: `.md`, and not starting with `_` or `.`.

    `_example.md` (written by `debrief init`), drafts and templates are kept next to
    the entries without counting as interviews anywhere: check, build, stats, a share.
    """
    return name.endswith(".md") and not name.startswith((".", "_"))


def entry_files(entries_dir: Path) -> list[Path]:
    """Every entry file under entries_dir, in a stable order; folders whose names start
    with `_` or `.` skipped, and files too (`is_entry_name`).

    A folder named like an entry is listed too (and walked into), so that reading it
    says what it is rather than leaving it out without a word.
    """
    found: list[Path] = []
    for folder, dirs, files in os.walk(entries_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")))
        found.extend(Path(folder, name) for name in (*files, *dirs) if is_entry_name(name))
    return sorted(found)


def _attachment_files(entries_dir: Path) -> Iterator[Path]:
    for folder, dirs, names in os.walk(entries_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")))
        for name in sorted(names):
            if not (name.endswith(".md") or name.startswith(".")):
                yield Path(folder, name)


def attachments(entries_dir: Path) -> list[tuple[Path, str]]:
    """Files kept next to the entries that are not entries (images, PDFs), with their
    path in the docs tree: entries/2026/sketch.png stays entries/2026/sketch.png.

    Only files that can be read: `attachment_problems` says why one is left out.
    """
    return [
        (source, f"entries/{source.relative_to(entries_dir).as_posix()}")
        for source in _attachment_files(entries_dir)
        if readable_problem(source) is None
    ]


def attachment_problems(entries_dir: Path, root: Path) -> list[Diagnostic]:
    """A warning for each file next to the entries that cannot be read (a broken link, a
    named pipe, no read permission): it is left out of the site, which is built all the same."""
    found: list[Diagnostic] = []
    for source in _attachment_files(entries_dir):
        problem = readable_problem(source)
        if problem is not None:
            found.append(
                Diagnostic(
                    relative(source, root),
                    None,
                    "warning",
                    f"attachment left out of the site: {problem.message}",
                    problem.hint,
                )
            )
    return found


def read_entry(
    path: Path, root: Path, today: date | None = None
) -> tuple[Entry | None, list[Diagnostic]]:
    rel = relative(path, root)
    try:
        raw = read_regular(path)
    except Unreadable as problem:
        return None, [problem.diagnostic(rel)]
    entry, problems = entry_from_bytes(raw, rel, path.stem, today)
    if entry is not None:
        entry.document.forget_lines(path.read_bytes)
    return entry, problems


def entry_from_bytes(
    raw: bytes, rel: str, slug: str, today: date | None = None
) -> tuple[Entry | None, list[Diagnostic]]:
    """An entry from a file's bytes, or None, with every problem of the file. `today`: the
    date warnings are given here too when the entry does not validate (for one that does,
    `notebook_problems` gives them), so that fixing an error reveals no new warning."""
    try:
        document = parse(raw)
    except FrontMatterError as error:
        return None, [Diagnostic(rel, error.line, "error", error.message, error.hint)]
    diagnostics = [
        Diagnostic(
            rel,
            ignored,
            "warning",
            f"duplicate key '{key}': this one is ignored, the one on line {winner} wins",
            "remove one of them",
        )
        for key, ignored, winner in document.repeated_keys()
    ]
    diagnostics += _unknown_keys(document, rel)
    try:
        meta = FrontMatter.model_validate(document.data)
    except ValidationError as error:
        diagnostics.extend(_explain(e, document, rel) for e in error.errors())
        interview, steps = raw_dates(document.data)
        diagnostics.extend(date_problems(rel, interview, steps, document.line_of, today))
        return None, diagnostics
    document.validated()
    return Entry(slug, rel, meta, document.body, document.body_line, document), diagnostics


_KNOWN = {fields: frozenset(fields) for fields in FIELDS.values()}


def _unknown_keys(document: Document, rel: str) -> list[Diagnostic]:
    found: list[Diagnostic] = []

    def check(mapping: dict[Any, Any], known: tuple[str, ...], path: KeyPath) -> None:
        if not mapping.keys() - _KNOWN[known]:
            return  # nearly always: one set difference instead of a test per key
        for key in list(mapping):
            if key in known:
                continue
            suggestion = difflib.get_close_matches(str(key), known, n=1, cutoff=0.6)
            where = "" if not path else f" in {describe(path)}"
            found.append(
                Diagnostic(
                    rel,
                    document.line_of((*path, key), key=True),
                    "warning",
                    f"unknown key '{key}'{where}: its value is ignored",
                    f"did you mean '{suggestion[0]}'?"
                    if suggestion
                    else f"known keys are: {', '.join(known)}",
                )
            )

    data = document.data
    check(data, FIELDS[""], ())
    for name in ("thank_you", "feedback"):
        if isinstance(data.get(name), dict):
            check(data[name], FIELDS[name], (name,))
    for name in ("questions", "lessons"):
        items = data.get(name)
        for index, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, dict):
                check(item, FIELDS[name], (name, index))
    return found


_EXAMPLES = {"company": "Acme", "role": "Backend engineer", "date": "2026-03-14", "question": "..."}
_SCALES = {
    "feeling": "1 = went badly, 5 = went very well",
    "rating": "1 = could not answer, 5 = answered very well",
}


def _explain(error: Any, document: Document, rel: str) -> Diagnostic:
    loc = tuple(error["loc"])
    kind = error["type"]
    name = describe(tuple(loc))
    field = next((p for p in reversed(loc) if isinstance(p, str)), "")
    value = error.get("input")
    line = document.line_of(loc)
    message: str
    hint: str | None = None
    if kind == "missing":
        message = f"missing required field '{name}'"
        hint = f"add a line '{field}: {_EXAMPLES.get(field, '...')}'"
        if loc[0] == "lessons":
            hint = (
                "a lesson is text, or a mapping with 'lesson:' and 'about:'; "
                "text that contains ': ' must be put in quotes"
            )
        if len(loc) == 1:
            line = 1
    elif kind == "date_format" and value is None:
        message = f"'{name}' is empty"
        hint = "write the day as YYYY-MM-DD, such as 2026-03-14"
    elif kind == "date_format":
        message = f"'{name}' must be a date written YYYY-MM-DD, got {shown(value)}"
    elif kind == "date_impossible":
        message = f"'{name}' is not a real date: {value}"
        hint = "check the month and the day"
    elif kind in ("int_type", "int_parsing", "int_from_float"):
        scale = _SCALES.get(field)
        message = f"'{name}' must be a whole number from 1 to 5, got {shown(value)}"
        hint = scale
    elif kind in ("greater_than_equal", "less_than_equal"):
        message = f"'{name}' must be from 1 to 5, got {shown(value)}"
        hint = _SCALES.get(field)
    elif kind == "literal_error":
        message = f"unknown {field} {shown(value)}"
        close = difflib.get_close_matches(str(value), OUTCOMES, n=1)
        hint = (
            (f"did you mean '{close[0]}'? " if close else "") + "use one of: " + ", ".join(OUTCOMES)
        )
    elif kind in ("string_too_short", "too_short"):
        message = f"'{name}' must not be empty"
    elif kind == "string_type":
        message = f"'{name}' must be text, got {type_name(value)}"
        if isinstance(value, dict):
            hint = "text that contains ': ' must be put in quotes: - \"Estimation: say it aloud\""
    elif kind == "list_type":
        message = f"'{name}' must be a list, got {type_name(value)}"
        hint = "write one '- item' per line below the key, or a single value"
    elif kind in ("bool_type", "bool_parsing"):
        message = f"'{name}' must be true or false, got {shown(value)}"
    elif kind in ("model_type", "dict_type", "model_attributes_type"):
        inner = FIELDS.get(field if field != "questions" else "questions", ())
        message = f"'{name}' must be a mapping, got {type_name(value)}"
        if inner:
            hint = "with keys: " + ", ".join(inner)
        if loc[0] == "lessons" and len(loc) == 2:
            message = f"'{name}' must be text or a mapping, got {type_name(value)}"
            hint = "a lesson is text, or a mapping with 'lesson:' and 'about:'"
    else:  # pragma: no cover - a pydantic error type not met in tests yet
        message = f"'{name}': {error['msg']}"
    return Diagnostic(rel, line, "error", message, hint)


@contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """Reading creates millions of short-lived, acyclic objects (YAML nodes, dicts): the
    cycle collector would scan the growing heap again and again for nothing."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def read_notebook(
    entries_dir: Path,
    root: Path,
    *,
    vocabulary: Vocabulary | None = None,
    today: date | None = None,
    read: Callable[[Path, Path, date | None], tuple[Entry | None, list[Diagnostic]]] = read_entry,
) -> Notebook:
    """Read every entry, oldest first; then the checks that need the whole notebook.

    `read` reads one file (`read_entry`; `debrief serve` passes one that remembers)."""
    entries: list[Entry] = []
    diagnostics: list[Diagnostic] = []
    files = entry_files(entries_dir)
    with cycle_collector_paused():
        for path in files:
            entry, problems = read(path, root, today)
            diagnostics.extend(problems)
            if entry is not None:
                entries.append(entry)
    diagnostics.extend(attachment_problems(entries_dir, root))
    diagnostics.extend(notebook_problems(entries, vocabulary or Vocabulary(), today))
    return Notebook(chronological(entries), diagnostics, len(files))


def notebook_problems(
    entries: list[Entry], vocabulary: Vocabulary, today: date | None
) -> Iterator[Diagnostic]:
    """Problems no single file shows: clashing slugs, look-alike names, future dates."""
    by_slug: dict[str, Entry] = {}
    for entry in sorted(entries, key=lambda e: e.path):
        if entry.slug in by_slug:
            yield Diagnostic(
                entry.path,
                None,
                "error",
                f"two entries would have the same page '{entry.slug}': "
                f"this one and {by_slug[entry.slug].path}",
                "rename one of the files",
            )
        else:
            by_slug[entry.slug] = entry
        meta, line_of = entry.meta, entry.document.line_of
        yield from date_problems(entry.path, meta.date, steps_of(meta), line_of, today)
        yield from _unknown_about(entry, vocabulary)
    yield from _look_alike_names(entries, vocabulary)


def _unknown_about(entry: Entry, vocabulary: Vocabulary) -> Iterator[Diagnostic]:
    """A lesson's `about` names the entry's own weak spots or strengths; another name is
    most often a typo, and the lesson would be filed under a page that is not there."""
    meta = entry.meta
    known = vocabulary.canonical_list([*meta.weak_spots, *meta.strengths])
    for index, note in enumerate(meta.lessons):
        for position, raw in enumerate(note.about):
            name = vocabulary.canonical(raw)
            if name in known:
                continue
            close = [other for other in known if look_alike(name, other)]
            close += difflib.get_close_matches(name, known, n=1, cutoff=0.6)
            if close:
                hint = f"did you mean '{close[0]}'?"
            elif known:
                hint = "this entry's weak spots and strengths are: " + ", ".join(known)
            else:
                hint = "list it under weak_spots or strengths first"
            yield Diagnostic(
                entry.path,
                entry.document.line_of(("lessons", index, "about", position)),
                "warning",
                f"lessons[{index + 1}].about: '{raw}' is not a weak spot or strength of this entry",
                hint,
            )


def _look_alike_names(entries: list[Entry], vocabulary: Vocabulary) -> Iterator[Diagnostic]:
    first_use: dict[str, tuple[Entry, KeyPath]] = {}
    counts: dict[str, int] = {}
    for entry in chronological(entries):
        for field in ("weak_spots", "strengths"):
            for index, raw in enumerate(getattr(entry.meta, field)):
                name = vocabulary.canonical(raw)
                counts[name] = counts.get(name, 0) + 1
                first_use.setdefault(name, (entry, (field, index)))
    names = sorted(counts)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            if not look_alike(a, b):
                continue
            # Point at the rarer spelling: it is the one to change or alias.
            rare, common = (a, b) if (counts[a], b) < (counts[b], a) else (b, a)
            entry, path = first_use[rare]
            kind = "weak spot" if path[0] == "weak_spots" else "strength"
            yield Diagnostic(
                entry.path,
                entry.document.line_of(path),
                "warning",
                f"{kind} '{rare}' looks like '{common}'",
                f"if they are one, add to the debrief plugin in mkdocs.yml: "
                f"aliases: {{{rare}: {common}}}",
            )
