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

Words run together are found too: the consecutive words of a name written as
one ("Annemarie" for Anne-Marie, "OBrien", a handle "priyanatarajan", a domain
"northwindlogistics"), one word written in two ("Anne Marie" for Annemarie,
"North-Wind"), and a word cut by what a reader does not see (`**Pri**ya`,
`Pr&#105;ya`, a soft hyphen or a zero-width space). Kana and Han end a word,
as Japanese and Chinese put no space between words ("田中さん"), and a name
written in them is found inside a run.

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

import html
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
# Kana and Han: Japanese and Chinese write no space between words ("田中さんは"), so a
# name next to them is a whole word, and one written in them is found inside a run.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAS_CJK = re.compile(f"[{_CJK}]")
_NOT_CJK_TOKEN = re.compile(rf"(?:[^\W_{_CJK}][\u0300-\u036f]*)+")
# A word cut by what a reader does not see: emphasis (`**Pri**ya`, `Du*pont*`), a soft
# hyphen or zero-width character, an HTML entity (`Pr&#105;ya`, `Pri&shy;ya`).
_ENTITY = r"(?:&#[0-9]{1,7};|&#[xX][0-9a-fA-F]{1,6};|&[A-Za-z][A-Za-z0-9]{1,31};)"
_UNSEEN = rf"(?:\*+|_+|~~|{_ENTITY}|[\u00ad\u200b-\u200d\u2060\ufeff])"
_RUN = r"(?:[^\W_][\u0300-\u036f]*)+"
_CUT_WORD = re.compile(
    rf"(?P<lead>\*+|_+)?(?:{_ENTITY}+{_RUN}(?:{_UNSEEN}+{_RUN})*{_ENTITY}*"
    rf"|{_RUN}(?:{_UNSEEN}+{_RUN})+{_ENTITY}*|{_RUN}{_ENTITY}+)(?P<tail>\*+|_+)?"
)
# Where one may be: what a reader does not see, then a letter; whitespace ends the search.
_CUT_AT = re.compile(rf"(?:[*_~\u00ad\u200b-\u200d\u2060\ufeff]|{_ENTITY})+(?=[^\W_]|&)")
_SPACE = re.compile(r"\s")
_MARKUP = re.compile(r"[*_~\u00ad\u200b-\u200d\u2060\ufeff]")


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


def squashed(folded: list[str], counts: frozenset[str] | None = None) -> set[str]:
    """Consecutive words of a name written as one, as handles, addresses and careless
    hands write them: 'Anne-Marie Dupont' -> 'annemarie', 'mariedupont',
    'annemariedupont'; "O'Brien" -> 'obrien'. With `counts`, only the runs holding one
    of those words ('northwindlogistics', never 'logisticsinc')."""
    found: set[str] = set()
    # Also without initials and particles of one letter: "Yolanda O'Brien" -> "yolandabrien".
    for names in (folded, [word for word in folded if len(word) > 1]):
        for start in range(len(names)):
            for end in range(start + 2, len(names) + 1):
                run = names[start:end]
                if counts is None or counts.intersection(run):
                    found.add("".join(run))
    return found


def person(name: str, kind: str) -> Hidden | None:
    """A redacted person as the share hides them, labelled "[kind]": every word but
    initials, and the words run together ("Anne-Marie" as "Annemarie", "O'Brien" as
    "OBrien", a handle "priyanatarajan" or "pnatarajan"). None for a name without a word."""
    folded = [fold(word) for word in words(name)]
    if not folded:
        return None
    joined = squashed(folded)
    if len(folded) > 1 and len(folded[-1]) > 2:  # the usual handle: initial and surname
        joined.add(folded[0][0] + folded[-1])
    distinctive = frozenset({*(w for w in folded if len(w) > 1), *joined})
    return Hidden(name, kind, f"[{kind}]", frozenset({*folded, *joined}), distinctive)


def _seen(text: str) -> str:
    """What a reader sees of a word cut by markup: '**Pri**ya' -> 'Priya'."""
    return _MARKUP.sub("", html.unescape(text))


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
        self._cjk = [word for word in self._owners if _HAS_CJK.search(word)]
        # A hidden word written in two ("Anne Marie" for Annemarie, "North-Wind"): the
        # beginnings (two letters or more) a first part may be.
        self._heads = frozenset(
            word[:cut]
            for item in self.hidden
            if item.label is not None
            for word in item.distinctive
            if len(word) >= 5 and not _HAS_CJK.search(word)
            for cut in range(2, len(word) - 1)
        )
        self.counts: Counter[int] = Counter()  # replacements made, by index in `hidden`

    def replace(self, text: str, *, slug: bool = False, markdown: bool = False) -> str:
        """`text` with every hidden name replaced by its label (its slug in an address).

        In Markdown, a bracketed label right before `(` or `[` is escaped: "Priya(lead)"
        must not become the link `[interviewer](lead)`.
        """
        if not self._hiding or not text:
            return text
        owners = self._owners
        if not slug:
            text = self._joined_up(text)
        tokens = set(_NOT_CJK_TOKEN.findall(text))
        heads = frozenset(w for w in tokens if fold(w) in self._heads)
        if heads and not slug:
            text, joined = self._split_up(text, heads)
            tokens |= joined
        present = frozenset(
            {w for w in tokens if fold(w) in owners} | {w for w in self._cjk if w in text}
        )
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

    def _joined_up(self, text: str) -> str:
        """`text` with each word that markup cuts (`**Pri**ya`, `Pr&#105;ya`) written
        whole when a reader would see a hidden word in it, so that it is replaced too."""

        def whole(match: re.Match[str]) -> str:
            lead, tail = match.group("lead") or "", match.group("tail") or ""
            cut = match.group()[len(lead) : len(match.group()) - len(tail)]
            seen = _seen(cut)
            if not any(fold(word) in self._owners for word in _TOKEN.findall(seen)):
                return match.group()
            # "**Pri**ya", "Du*pont*": emphasis that opens or closes inside the word goes
            # with it; around the whole word ("**Pr&#105;ya**") it stays.
            lead = "" if lead and lead in cut else lead
            tail = "" if tail and tail in cut else tail
            return lead + seen + tail

        out: list[str] = []
        position = 0
        for cut in _CUT_AT.finditer(text):  # only the few places that may hold one
            if cut.start() < position:
                continue
            start = cut.start()
            while start > 0 and not text[start - 1].isspace():
                start -= 1
            after = _SPACE.search(text, cut.end())
            end = after.start() if after else len(text)
            out += [text[position:start], _CUT_WORD.sub(whole, text[start:end])]
            position = end
        out.append(text[position:])
        return "".join(out)

    def _split_up(self, text: str, heads: frozenset[str]) -> tuple[str, set[str]]:
        """`text` with a hidden word written in two parts ("Anne Marie", "North-Wind")
        written as one, so that it is replaced too, and the words so made; `heads` are
        the first parts the text has."""
        made: set[str] = set()

        def whole(match: re.Match[str]) -> str:
            joined = match.group(1) + match.group(3)
            index = self._owners.get(fold(joined))
            if index and any(self.hidden[i].label is not None for i in index):
                made.add(joined)
                return joined
            return match.group()

        return _pairs(heads).sub(whole, text), made

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
        """The first hidden name the group of words can be, if it has a distinctive word;
        None when it is a shown company's whole name ("Acme" is shown when Acme is, even
        if a private "Acme Robotics" is hidden)."""
        for index in owners:
            item = self.hidden[index]
            if item.label is None:
                needed = item.distinctive.intersection(fold(w) for w in words(item.name))
                if needed and needed.issubset(folded):
                    return None
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
    letter = f"[^\\W_{_CJK}]"  # a CJK character is a word's edge too
    return re.compile(rf"(?<!{letter})(?<!{mark})(?:{alternatives})(?!{letter}|{mark})")


@lru_cache(maxsize=512)
def _pairs(heads: frozenset[str]) -> re.Pattern[str]:
    """A word of `heads` and the word after it, apart by spaces or one hyphen."""
    alternatives = "|".join(re.escape(w) for w in sorted(heads, key=lambda w: (-len(w), w)))
    letter = f"[^\\W_{_CJK}]"
    return re.compile(
        rf"(?<!{letter})({alternatives})([ \t]*[-\u2010][ \t]*|[ \t]+)({letter}+)(?!{letter})"
    )


def _slug(label: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", _base(label)).strip("-")
