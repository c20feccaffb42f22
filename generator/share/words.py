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
_TOKEN = re.compile(r"(?:[^\W_][\u0300-\u036f]*)+")
# What may join the words of one name: "Priya N.", "Alder & Finch", "O'Brien", "a_b"; never
# a line break, which may end a heading or a list item that the replacement must keep.
_JOINED = re.compile(r"[ \t]*[-'’.&_+][ \t]*|[ \t]+")
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
    """Finds and replaces the names of `hidden` in one pass over a text's words.

    A text is cut into words once; each word is folded (see `fold`, memoized) and
    looked up; only the words of a name, and the runs they make, cost more. A text
    with none of them is returned as it is.
    """

    def __init__(self, hidden: list[Hidden]) -> None:
        self.hidden = list(hidden)
        self._owners: dict[str, list[int]] = {}
        # A shown company's words are looked up too: "Blue Heron" stays whole when
        # Blue Heron Health is shown, even if a hidden "Blue Apron" has "Blue".
        for index, item in enumerate(self.hidden):
            for word in item.words:
                self._owners.setdefault(word, []).append(index)
        self._hiding = any(item.label is not None for item in self.hidden)
        self.counts: Counter[int] = Counter()  # replacements made, by index in `hidden`

    def replace(self, text: str, *, slug: bool = False, markdown: bool = False) -> str:
        """`text` with every hidden name replaced by its label (its slug in an address).

        In Markdown, a bracketed label right before `(` or `[` is escaped: "Priya(lead)"
        must not become the link `[interviewer](lead)`.
        """
        if not self._hiding or not text:
            return text
        owners = self._owners
        present = frozenset(w for w in set(_TOKEN.findall(text)) if fold(w) in owners)
        if not present:
            return text
        runs: list[list[tuple[int, int, str]]] = []
        for match in _these_words(present).finditer(text):
            token = (match.start(), match.end(), fold(match.group()))
            if runs and _JOINED.fullmatch(text, runs[-1][-1][1], token[0]):
                runs[-1].append(token)
            else:
                runs.append([token])
        out: list[str] = []
        position = 0
        for run in runs:
            for start, end, index in self._groups(run):
                if index is None:
                    continue
                self.counts[index] += 1
                label = self.hidden[index].label or ""
                if slug:
                    label = _slug(label)
                elif markdown and label.startswith("[") and text[end : end + 1] in ("(", "["):
                    label = "\\[" + label[1:-1] + "\\]"
                out += [text[position:start], label]
                position = end
        out.append(text[position:])
        return "".join(out)

    def finds(self, text: str) -> bool:
        """Whether `text` holds a hidden name."""
        counts = Counter(self.counts)
        found = self.replace(text) != text
        self.counts = counts  # a question, not a replacement: nothing to count
        return found

    def _groups(self, run: list[tuple[int, int, str]]) -> list[tuple[int, int, int | None]]:
        """A run of words cut into the names it holds: (start, end, index in `hidden`, or
        None to keep the words as they are). Consecutive words go together while one name
        has them all."""
        groups: list[tuple[int, int, int | None]] = []
        group: list[tuple[int, int, str]] = []
        owners: set[int] = set()
        for token in [*run, None]:
            mine = set(self._owners[token[2]]) if token is not None else set()
            if group and owners & mine:
                owners &= mine
                group.append(token)  # type: ignore[arg-type]
                continue
            if group:
                chosen = self._chosen(owners, [key for _s, _e, key in group])
                groups.append((group[0][0], group[-1][1], chosen))
            if token is not None:
                group, owners = [token], mine
        return groups

    def _chosen(self, owners: set[int], folded: list[str]) -> int | None:
        """The first hidden name the group of words can be, if it has a distinctive word."""
        for index in sorted(owners):
            item = self.hidden[index]
            if any(word in item.distinctive for word in folded):
                return index if item.label is not None else None
        return None


@lru_cache(maxsize=512)
def _these_words(present: frozenset[str]) -> re.Pattern[str]:
    """The words `present` as written in a text, found whole (as `_TOKEN` cuts words)."""
    alternatives = "|".join(re.escape(w) for w in sorted(present, key=lambda w: (-len(w), w)))
    mark = "[\u0300-\u036f]"
    return re.compile(rf"(?<![^\W_])(?<!{mark})(?:{alternatives})(?![^\W_]|{mark})")


def _slug(label: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", _base(label)).strip("-")
