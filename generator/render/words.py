"""Words the product says in more than one place: counts with their plurals, and what to do
about each follow-up (the site's follow-ups page and `debrief followups` say the same)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the CLI imports this module for `--help`: nothing but the standard library
    from generator.entry.diagnostics import Diagnostic

FOLLOW_UP_ACTIONS = {
    "thank-you": "Send a thank-you note, and ask for honest feedback",
    "reflection": "Reflect with a clear mind; talk it over with a mentor",
    "feedback": "Chase the feedback you asked for",
}


def noun(count: int, word: str, words: str | None = None) -> str:
    """`entry` for 1, `entries` otherwise: the word a person would write after the count
    (`words` when the plural is not the word and an s). For a count shown apart from it."""
    return word if count == 1 else (words or word + "s")


def plural(count: int, word: str, words: str | None = None) -> str:
    """`1 entry`, `2 entries`: the count and the word a person would write after it."""
    return f"{count} {noun(count, word, words)}"


def summary(diagnostics: list[Diagnostic], files: int) -> str:
    """The last line of `debrief check`: counts, with plurals a person would write."""
    errors = sum(1 for d in diagnostics if d.is_error)
    warnings = len(diagnostics) - errors
    checked = plural(files, "entry", "entries") + " checked"
    if not diagnostics:
        return f"{checked}, no problems"
    return f"{checked}: {plural(errors, 'error')}, {plural(warnings, 'warning')}"
