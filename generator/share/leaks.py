"""The share's second line of defence: nothing it hid may be in any file it wrote.

The first line is the decision made on the source (`audience`, `clean`,
`anonymize`): the share is built only from what is left. This check reads the
output again and looks for the needles that decision names (`needles`), so that a
mistake in the first line fails the share instead of reaching a mentor.

It must find what matters and only that:
- every file is read through every view a reader has (`views`), and a needle is
  found as whole words, in any case and with or without accents;
- a file byte for byte identical to one the product ships (mkdocs-material's
  assets, the project's own CSS and JavaScript) is not the notebook's: it is
  skipped, so that a weak spot called "margin" is not a leak;
- a needle the product prints on its own (the theme's and the renderer's words),
  and an excusable one that shared data shows too, is not looked for;
- its cost is one pass per file for all needles together (`matcher`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.entry.diagnostics import Diagnostic, sort_key
from generator.entry.names import Vocabulary
from generator.entry.read import Entry
from generator.share.fields import field_strings
from generator.share.hidden import Needle, plain
from generator.share.matcher import Matcher, Phrase, count_words, spellings
from generator.share.views import MARKUP, file_views

MIN_LETTERS = 4  # a needle shorter than this is looked for only when it is a name
MIN_NAME_LETTERS = 2
SHARE_ROOT = Path(__file__).resolve().parent.parent
PROJECT_ASSETS = (SHARE_ROOT / "render" / "assets", SHARE_ROOT / "share" / "assets")


@dataclass(frozen=True)
class Leak:
    needle: Needle
    where: str  # path in the output folder, '/'-separated
    in_name: bool = False


class LookedFor:
    """The needles worth looking for, and one matcher for all their spellings."""

    def __init__(
        self,
        needles: list[Needle],
        counts: Mapping[str, int] | None = None,
        spelled: Mapping[Needle, list[Phrase]] | None = None,
    ) -> None:
        """`spelled`: `phrases_of` each needle, when already known."""
        self.needles = needles
        self._owners: dict[Phrase, list[int]] = {}
        for index, needle in enumerate(needles):
            for phrase in spelled[needle] if spelled is not None else phrases_of(needle):
                self._owners.setdefault(phrase, []).append(index)
        self.matcher = Matcher(self._owners, counts)

    def found(self, ids: Iterable[int]) -> set[int]:
        """The needles (by index) that the phrases `ids` of the matcher belong to."""
        owners: set[int] = set()
        for i in ids:
            owners.update(self._owners[self.matcher.phrases[i]])
        return owners

    def search(self, texts: Iterable[str]) -> set[int]:
        return self.found(self.matcher.search_all(texts))


def phrases_of(needle: Needle) -> list[Phrase]:
    """The spellings of a needle, as words; none when it is too short to mean anything."""
    least = MIN_NAME_LETTERS if needle.name else MIN_LETTERS
    found: list[Phrase] = []
    for text in dict.fromkeys((needle.text, plain(needle.text), *needle.variants)):
        for phrase in spellings(text):
            if sum(map(len, phrase)) >= least:
                found.append(phrase)
    return list(dict.fromkeys(found))


def looked_for(needles: list[Needle], shared: Iterable[str], baseline: Iterable[str]) -> LookedFor:
    """`needles` without those the product prints on its own (`baseline`) and, for
    excusable ones, those the shared entries show (`shared`).

    Every matcher but the first keys each phrase on the word the shared text uses
    least: the output is mostly that text, so such a word is met seldom."""
    spelled = {needle: phrases_of(needle) for needle in [*needles, _NOTHING]}
    printed = LookedFor(needles, None, spelled).search(batched(baseline))
    needles = [n for i, n in enumerate(needles) if i not in printed and spelled[n]]
    shared = list(shared)
    counts = count_words(batched(shared))
    excusable = [n if n.excusable else _NOTHING for n in needles]
    shown = LookedFor(excusable, counts, spelled).search(batched(shared))
    kept = [needle for index, needle in enumerate(needles) if index not in shown]
    return LookedFor(kept, counts, spelled)


_NOTHING = Needle("", "", None, "")
# Between two texts searched as one: a word no phrase holds, so none spans the two.
BOUNDARY = "\n debriefboundaryq7x \n"
BATCH = 1 << 20


def batched(texts: Iterable[str]) -> Iterator[str]:
    """Many small texts as a few big ones: one search each, not one per text."""
    batch: list[str] = []
    size = 0
    for text in texts:
        batch.append(text)
        size += len(text)
        if size >= BATCH:
            yield BOUNDARY.join(batch)
            batch, size = [], 0
    if batch:
        yield BOUNDARY.join(batch)


def shared_texts(entries: list[Entry], vocabulary: Vocabulary) -> Iterator[str]:
    """What the share shows legitimately: the shared entries, as the share has them."""
    for entry in entries:
        yield entry.slug
        yield entry.path
        yield entry.body
        for key, value in field_strings(entry.meta):
            yield value
            if key[0] in ("weak_spots", "strengths", "tags", "stage"):
                yield vocabulary.canonical(value)


def baseline_texts(texts: Iterable[str], theme_dirs: Iterable[str], language: str) -> Iterator[str]:
    """What the renderer and the theme print whatever the notebook holds, plus `texts`
    (the site name, the theme's settings)."""
    yield from texts
    render = SHARE_ROOT / "render"
    for path in sorted(render.rglob("*")):
        if path.suffix in (".j2", ".py"):
            yield path.read_text(encoding="utf-8")
    for theme in theme_dirs:
        for folder, dirs, names in os.walk(theme):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(names):
                path = Path(folder, name)
                if path.suffix not in (".html", ".xml"):
                    continue
                if path.parent.name == "languages" and path.stem != language:
                    continue
                yield path.read_text(encoding="utf-8", errors="replace")


class Shipped:
    """The files the product ships (theme and project assets), to know one when the share
    holds it unchanged. Only sizes are read up front; a file is read when a size matches."""

    def __init__(self, folders: Iterable[str | Path]) -> None:
        self._by_size: dict[int, list[Path]] = {}
        for top in folders:
            for folder, dirs, names in os.walk(top):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for name in names:
                    path = Path(folder, name)
                    try:
                        size = path.stat().st_size
                    except OSError:
                        continue
                    self._by_size.setdefault(size, []).append(path)

    def holds(self, data: bytes) -> bool:
        for path in self._by_size.get(len(data), ()):
            try:
                if path.read_bytes() == data:
                    return True
            except OSError:
                continue
        return False


def find_leaks(site: Path, wanted: LookedFor, shipped: Shipped) -> list[Leak]:
    """Every needle found in a file of `site` or in the name of a file or folder."""
    leaks: list[Leak] = []
    if not wanted.needles:
        return leaks
    for folder, dirs, files in os.walk(site):
        dirs.sort()
        for name in dirs:
            rel = Path(folder, name).relative_to(site).as_posix()
            leaks += [Leak(wanted.needles[i], rel + "/", True) for i in _in_name(name, wanted)]
        for name in sorted(files):
            path = Path(folder, name)
            rel = path.relative_to(site).as_posix()
            leaks += [Leak(wanted.needles[i], rel, True) for i in _in_name(name, wanted)]
            data = path.read_bytes()
            if shipped.holds(data):
                continue
            found = wanted.search(file_views(data, "", markup=name.lower().endswith(MARKUP)))
            del data
            leaks += [Leak(wanted.needles[i], rel) for i in sorted(found)]
    return leaks


def _in_name(name: str, wanted: LookedFor) -> set[int]:
    return wanted.search(file_views(b"", name))


# --- telling the owner ------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """A file of the notebook that the share shows, and the output paths it becomes."""

    text: str
    outputs: tuple[str, ...] = ()  # prefixes of the output paths made from it


def blame(
    grouped: dict[Needle, list[Leak]], sources: dict[str, Source]
) -> dict[Needle, tuple[str, int | None]]:
    """Where in the notebook each leaked text is written: the first line, other than the
    needle's own, of a source that holds it, preferring a source of a file it leaked into;
    else the needle's own place."""
    leaked = list(grouped)
    own = {needle: needle.number for needle in leaked}
    wanted = LookedFor(leaked)
    holders: dict[Needle, list[str]] = {}
    lines_of: dict[tuple[Needle, str], int] = {}
    for path in sorted(sources):
        text = sources[path].text
        found = wanted.search([text])
        if not found:
            continue
        lines = text.splitlines()
        for index in sorted(found):
            needle = leaked[index]
            one = LookedFor([needle])
            for number, line in enumerate(lines, 1):
                if (path, number) != (needle.source, own[needle]) and one.search([line]):
                    holders.setdefault(needle, []).append(path)
                    lines_of[(needle, path)] = number
                    break
    place: dict[Needle, tuple[str, int | None]] = {}
    for needle, leaks in grouped.items():
        candidates = holders.get(needle, [])
        made = [
            path
            for path in candidates
            if any(leak.where.startswith(sources[path].outputs) for leak in leaks)
        ]
        chosen = (made or candidates)[:1]
        place[needle] = (
            (chosen[0], lines_of[(needle, chosen[0])]) if chosen else (needle.source, own[needle])
        )
    return place


def leak_diagnostics(
    leaks: list[Leak], shown_site: str, sources: dict[str, Source] | None = None
) -> list[Diagnostic]:
    """One `PATH:LINE: error: leak: ...` per leaked text, at the line where it is written,
    naming the output files it is in."""
    grouped: dict[Needle, list[Leak]] = {}
    for leak in leaks:
        grouped.setdefault(leak.needle, []).append(leak)
    places_of = blame(grouped, sources or {})
    diagnostics: dict[tuple[str, int | None, str], Diagnostic] = {}
    for needle, found in grouped.items():
        places = [
            ("the name of " if leak.in_name else "") + shown_site + leak.where
            for leak in sorted(found, key=lambda leak: (leak.where, leak.in_name))
        ]
        places = list(dict.fromkeys(places))
        text = ", ".join(places[:3])
        if len(places) > 3:
            text += f" and {len(places) - 3} more"
        path, line = places_of[needle]
        hint = None
        number = needle.number
        if (path, line) != (needle.source, number):
            origin = needle.source if number is None else f"{needle.source}:{number}"
            hint = (
                f"{origin} keeps this text back; remove it here, "
                "or put it in a <!-- private --> block"
            )
        message = f"leak: {needle.what} found in {text}"
        diagnostic = Diagnostic(path, line, "error", message, hint)
        diagnostics.setdefault((path, line, diagnostic.message), diagnostic)
    return sorted(diagnostics.values(), key=sort_key)
