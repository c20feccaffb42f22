"""Company names become 'Company A', 'Company B', ... in every text and address of a share."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from generator.entry.models import FrontMatter
from generator.entry.names import slugify
from generator.share.clean import link_targets

_NOT_WORD = re.compile(r"[\W_]+")


class Anonymizer:
    """Replaces each form of a company's name, case-insensitively and as a whole word.

    `forms` maps each name to its letter name: the names written in the entries, and
    the short names the entries' file names use (`northwind` for Northwind Logistics).
    In text, the words of a name may be joined by spaces, punctuation or nothing; in
    a path, the name's slug is replaced by the letter name's slug, so
    `2026-06-03-northwind-screen` becomes `2026-06-03-company-a-screen` and links keep
    working.
    """

    def __init__(self, forms: dict[str, str]) -> None:
        self.forms = dict(forms)
        self._letters = {_key(name): letter for name, letter in forms.items() if _key(name)}
        self._text = _alternatives(
            [r"[\W_]*".join(map(re.escape, _words(name))) for name in _longest_first(forms)],
            r"\w",
        )
        self._slugs = {slugify(name): slugify(letter) for name, letter in forms.items()}
        self._slugs.pop("", None)
        self._by_squashed = {slug.replace("-", ""): letter for slug, letter in self._slugs.items()}
        self._path = _alternatives(
            [r"[-_]?".join(map(re.escape, s.split("-"))) for s in _longest_first(self._slugs)],
            r"[a-z0-9]",
        )

    def company(self, name: str) -> str:
        return self._letters.get(_key(name), name)

    def text(self, value: str) -> str:
        if self._text is None:
            return value
        return self._text.sub(lambda m: self._letters[_key(m.group())], value)

    def path(self, value: str) -> str:
        if self._path is None:
            return value
        return self._path.sub(
            lambda m: self._by_squashed[re.sub(r"[-_]", "", m.group().lower())], value
        )

    def markdown(self, text: str) -> str:
        """Names replaced in the text, slugs in the link targets."""
        out: list[str] = []
        position = 0
        for start, end in link_targets(text):
            out.append(self.text(text[position:start]))
            out.append(self.path(text[start:end]))
            position = end
        out.append(self.text(text[position:]))
        return "".join(out)

    def meta(self, meta: FrontMatter) -> FrontMatter:
        data = _map_strings(meta.model_dump(), self.text)
        data["company"] = self.company(meta.company)
        return FrontMatter.model_validate(data)


def short_name(company: str, slug: str) -> str | None:
    """The leading words of `company` that the file name `slug` uses, when not all of them:
    'Northwind' for 'Northwind Logistics' in 2026-06-03-northwind-screen."""
    words = _words(company)
    slugs = [slugify(word) for word in words]
    for count in range(len(words), 0, -1):
        part = "-".join(s for s in slugs[:count] if s)
        if part and re.search(rf"(?<![a-z0-9]){re.escape(part)}(?![a-z0-9])", slug):
            return " ".join(words[:count]) if count < len(words) else None
    return None


def _words(name: str) -> list[str]:
    return [word for word in _NOT_WORD.split(name) if word]


def _key(name: str) -> str:
    return _NOT_WORD.sub("", name).lower()


def _longest_first(names: Any) -> list[str]:
    return sorted(names, key=lambda name: (-len(name), name))


def _alternatives(patterns: list[str], word: str) -> re.Pattern[str] | None:
    patterns = [p for p in patterns if p]
    if not patterns:
        return None
    return re.compile(rf"(?<!{word})(?:{'|'.join(patterns)})(?!{word})", re.IGNORECASE)


def _map_strings(value: Any, change: Callable[[str], str]) -> Any:
    if isinstance(value, str):
        return change(value)
    if isinstance(value, list):
        return [_map_strings(item, change) for item in value]
    if isinstance(value, dict):
        return {key: _map_strings(item, change) for key, item in value.items()}
    return value
