"""The words a share hides, people's and companies', found however they are written.

A name is hidden by its words: "Priya Natarajan" is also "Priya" alone,
"NATARAJAN", "Priya's" and "priya-natarajan" in an address. Words are compared
whole (never inside another word: "Al" is not hidden in "Alice"), without regard
to case or accents, and with the common transliterations of accented letters:
"Müller" is found as "Muller", "Mueller" and "MÜLLER"; "Søren" as "Soren" and
"Soeren"; "Straße" as "Strasse". A run of words of one name, joined by spaces,
hyphens, dots, apostrophes, `&` or `_` ("Priya N.", "Alder & Finch",
"northwind_logistics"), is replaced as one, so the sentence still reads:
"Priya N. said" becomes "[interviewer] said".

Single letters (initials) are the exception. "N." in "Priya N." names no one
on its own, while "n", "a" and "I" are ordinary words and labels ("plan B"),
so an initial is hidden only inside a run with another word of the same name
("Priya N.", "N. Priya"), never alone. A name that is only an initial is not
looked for in free text at all (its field is still redacted).

The rule is literal on purpose, and hides too much rather than too little: an
interviewer called "Will" or "Rose" makes every "will" and "rose" in the shared
text a label. `debrief share --report` counts every replacement, so that such a
case shows before the share is sent.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

# Letters that Unicode does not decompose, with the spelling people use without them.
_SPECIAL = {
    "ß": "ss",
    "ẞ": "ss",
    "æ": "ae",
    "Æ": "ae",
    "œ": "oe",
    "Œ": "oe",
    "ø": "oe",
    "Ø": "oe",
    "ł": "l",
    "Ł": "l",
    "đ": "d",
    "Đ": "d",
    "ð": "d",
    "Ð": "d",
    "þ": "th",
    "Þ": "th",
    "ı": "i",
}
_MARKS = "[\u0300-\u036f]*"  # combining accents, in text written decomposed (NFD)
_TOKEN = re.compile(r"(?:[^\W_][\u0300-\u036f]*)+")
# What may join the words of one name: "Priya N.", "Alder & Finch", "O'Brien", "a_b"; never
# a line break, which may end a heading or a list item that the replacement must keep.
_JOIN = r"(?:[ \t]*[-'’.&_+][ \t]*|[ \t]+)"
_UMLAUT_E = re.compile(r"(?<=[aou])e")


def _base(text: str) -> str:
    """Case-folded, accents off, special letters spelled out: 'Søren' -> 'soeren'."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(_SPECIAL.get(c, c) for c in decomposed if not unicodedata.combining(c))
    return plain.casefold()


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """The key two spellings of one name share: 'Müller', 'Mueller' and 'MULLER' -> 'muller'.

    An `e` after `a`, `o` or `u` is dropped, as the transliterations ä -> ae, ö -> oe,
    ü -> ue add it; so 'Rafael' folds to 'rafal' too, which only matters if a
    'Rafal' is in the same share (then both are hidden: too much, never too little).
    """
    return _UMLAUT_E.sub("", _base(word))


def words(name: str) -> list[str]:
    """The words of a name: 'Priya N.' -> ['Priya', 'N']; 'O'Brien-Li' -> ['O', 'Brien', 'Li']."""
    return _TOKEN.findall(name)


def _letter_table() -> dict[str, str]:
    """For each base letter, a character class of the letters that fold to it."""
    found: dict[str, set[str]] = {}
    for code in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        char = chr(code)
        base = _base(char)
        if len(base) == 1 and base.isascii() and base.isalpha():
            found.setdefault(base, {base}).update({char, char.lower(), char.upper()})
    return {base: "[" + "".join(sorted(chars)) + "]" for base, chars in found.items()}


_LETTERS = _letter_table()


def word_pattern(folded: str) -> str:
    """A regular expression for every spelling of a folded word (see `fold`)."""
    parts: list[str] = []
    index = 0
    while index < len(folded):
        pair = folded[index : index + 2]
        if pair == "ss":
            parts.append(f"(?:ss|ß|ẞ){_MARKS}")
            index += 2
            continue
        if pair == "th":
            parts.append(f"(?:th|þ){_MARKS}")
            index += 2
            continue
        char = folded[index]
        letter = _LETTERS.get(char, re.escape(char)) + _MARKS
        if char == "a":
            letter = f"(?:{letter}(?:e{_MARKS})?|æ)"
        elif char == "o":
            letter = f"(?:{letter}(?:e{_MARKS})?|œ|ø)"
        elif char == "u":
            letter = f"(?:{letter}(?:e{_MARKS})?)"
        elif char == "i":
            letter = f"(?:{letter}|ı)"
        elif char == "l":
            letter = f"(?:{letter}|ł)"
        elif char == "d":
            letter = f"(?:{letter}|đ|ð)"
        parts.append(letter)
        index += 1
    return "".join(parts)


@dataclass(frozen=True)
class Hidden:
    """One person or company a share hides, or (label None) a company it shows.

    `words` are the folded words of the name; `distinctive` those that name it on
    their own (a person's words but initials; a company's words but "Inc", "Labs"
    and the like). A run of words is replaced only when it holds a distinctive one.
    """

    name: str  # as the owner wrote it
    kind: str  # interviewer, mentor, company
    label: str | None  # what the share shows instead: "[interviewer]", "Company A"
    words: frozenset[str]
    distinctive: frozenset[str]


class HiddenWords:
    """Finds and replaces the names of `hidden`, with one regular expression for all."""

    def __init__(self, hidden: list[Hidden]) -> None:
        self.hidden = list(hidden)
        self._owners: dict[str, list[int]] = {}
        for index, item in enumerate(self.hidden):
            for word in item.words:
                self._owners.setdefault(word, []).append(index)
        # A shown company's words are looked for too: "Blue Heron" stays whole when
        # Blue Heron Health is shown, even if a hidden "Blue Apron" has "Blue".
        every = {w for item in self.hidden for w in item.words}
        patterns = sorted({word_pattern(w) for w in every if w}, key=lambda p: (-len(p), p))
        self._run: re.Pattern[str] | None = None
        if patterns and any(item.label is not None for item in self.hidden):
            token = "(?:" + "|".join(patterns) + ")"
            self._run = re.compile(
                rf"(?<![^\W_]){token}(?:{_JOIN}{token})*(?![^\W_])", re.IGNORECASE
            )
        self.counts: Counter[int] = Counter()  # replacements made, by index in `hidden`

    def replace(self, text: str, *, slug: bool = False) -> str:
        """`text` with every hidden name replaced by its label (its slug in an address)."""
        if self._run is None or not text:
            return text

        def change(match: re.Match[str]) -> str:
            return self._replace_run(match.group(), slug)

        return self._run.sub(change, text)

    def finds(self, text: str) -> bool:
        """Whether `text` holds a hidden name."""
        return self.replace(text) != text if self._run is not None else False

    def _replace_run(self, run: str, slug: bool) -> str:
        tokens = list(_TOKEN.finditer(run))
        out: list[str] = []
        position = 0
        group: list[re.Match[str]] = []
        owners: set[int] = set()

        def flush() -> None:
            nonlocal position
            if not group:
                return
            start, end = group[0].start(), group[-1].end()
            out.append(run[position:start])
            chosen = self._chosen(owners, [fold(t.group()) for t in group])
            if chosen is None:
                out.append(run[start:end])
            else:
                self.counts[chosen] += 1
                label = self.hidden[chosen].label or ""
                out.append(_slug(label) if slug else label)
            position = end

        for token in tokens:
            mine = set(self._owners.get(fold(token.group()), ()))
            if group and owners & mine:
                owners &= mine
                group.append(token)
                continue
            flush()
            group, owners = [token], mine
        flush()
        out.append(run[position:])
        return "".join(out)

    def _chosen(self, owners: set[int], folded: list[str]) -> int | None:
        """The first hidden name the group of words can be, if it has a distinctive word."""
        for index in sorted(owners):
            item = self.hidden[index]
            if any(word in item.distinctive for word in folded):
                return index if item.label is not None else None
        return None


def _slug(label: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", _base(label)).strip("-")
