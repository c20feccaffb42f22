"""The one normalizer of names: weak spots, strengths, stages and tags.

Every place that compares or counts names goes through here, so that
`System Design`, `system_design` and `system-design` can never be counted
apart in one view and together in another.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache

_SEPARATORS = re.compile(r"[\s_\-]+")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_PUNCTUATION = re.compile(r"[^\w\s]+")


@lru_cache(maxsize=8192)  # a notebook has a few hundred names, compared thousands of times
def normalize_name(name: str) -> str:
    """NFKC, case-folded, trimmed; runs of whitespace, `_` and `-` become one `-`."""
    folded = unicodedata.normalize("NFKC", name).casefold().strip()
    return _SEPARATORS.sub("-", folded).strip("-")


class Vocabulary:
    """Normalizes names, then applies the notebook's aliases (themselves normalized)."""

    def __init__(self, aliases: Mapping[str, str] | None = None) -> None:
        self.aliases: dict[str, str] = {
            normalize_name(key): normalize_name(value) for key, value in (aliases or {}).items()
        }

    def canonical(self, name: str) -> str:
        normal = normalize_name(name)
        seen = {normal}
        while normal in self.aliases:
            normal = self.aliases[normal]
            if normal in seen:  # an alias cycle: stop rather than loop
                break
            seen.add(normal)
        return normal

    def canonical_list(self, names: Iterable[str]) -> list[str]:
        """Canonical names, first spelling first, each once."""
        result: list[str] = []
        for name in names:
            normal = self.canonical(name)
            if normal and normal not in result:
                result.append(normal)
        return result


def slugify(text: str) -> str:
    """ASCII slug for file and page names: `Acme Corp. (EU)` -> `acme-corp-eu`."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")


PAGE_SLUG_BYTES = 96  # a page name's limit in UTF-8 bytes: far below any file system's 255
# Names Windows keeps for devices, whatever the extension: never a page name of their own.
RESERVED_NAMES = frozenset(
    ["con", "prn", "aux", "nul"]
    + [f"{device}{n}" for device in ("com", "lpt") for n in range(1, 10)]
)


def page_slug(text: str) -> str:
    """A page name that keeps the letters of every script: `Системный дизайн` ->
    `системный-дизайн`, `システム設計` -> `システム設計`, `C++ & Go` -> `c-go`.

    As pymdownx.slugs does with case folding: NFKC, case-folded; letters, marks and
    digits of any script are kept, every run of anything else (spaces, punctuation,
    `_`, the characters file systems reserve: `<>:"/\\|?*`) becomes one `-`. Cut to
    PAGE_SLUG_BYTES of UTF-8 at a character boundary. Empty when nothing is left; the
    caller makes names unique and avoids RESERVED_NAMES.
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    kept = "".join(c if unicodedata.category(c)[0] in "LMN" else " " for c in folded)
    slug = "-".join(kept.split())
    while len(slug.encode("utf-8")) > PAGE_SLUG_BYTES:
        slug = slug[:-1]
    # A mark left first (its letter cut away) or a '-' at either end reads as a typo.
    return slug.strip("-")


def question_key(question: str) -> str:
    """Two questions are the same when they differ only in case, spacing and punctuation."""
    text = unicodedata.normalize("NFKC", question).casefold()
    return " ".join(_PUNCTUATION.sub(" ", text).split())


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Levenshtein distance, giving up (returning `limit`) once it is at least `limit`."""
    if abs(len(a) - len(b)) >= limit:
        return limit
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            )
        if min(current) >= limit:
            return limit
        previous = current
    return min(previous[-1], limit)


def _stems(name: str) -> set[str]:
    """The name and what it could be the plural of: caches -> cache, cach; queries -> query."""
    stems = {name}
    for suffix, replacement in (("ies", "y"), ("es", ""), ("s", "")):
        if name.endswith(suffix) and len(name) - len(suffix) + len(replacement) >= 3:
            stems.add(name[: -len(suffix)] + replacement)
    return stems


def look_alike(a: str, b: str) -> bool:
    """Two normalized names that are probably one: a plural, or a typo apart."""
    if a == b:
        return False
    if _stems(a) & _stems(b):
        return True
    shortest = min(len(a), len(b))
    # One edit on short words joins unrelated names (`java` / `lava`); ask for length.
    return shortest >= 6 and edit_distance(a, b, limit=2) <= 1
