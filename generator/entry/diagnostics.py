"""One shape for every problem found in a user's files: `PATH:LINE: error: message`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str
    line: int | None
    severity: Severity
    message: str
    hint: str | None = None

    def format(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        text = f"{where}: {self.severity}: {self.message}"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


def sort_key(diagnostic: Diagnostic) -> tuple[str, int, str]:
    return (diagnostic.path, diagnostic.line or 0, diagnostic.message)


def summary(diagnostics: list[Diagnostic], files: int) -> str:
    """The last line of `debrief check`: counts, with plurals a person would write."""
    errors = sum(1 for d in diagnostics if d.is_error)
    warnings = len(diagnostics) - errors

    def plural(n: int, word: str) -> str:
        return f"{n} {word}" if n == 1 else f"{n} {word}s"

    if not diagnostics:
        return f"{_entries(files)} checked, no problems"
    return f"{_entries(files)} checked: {plural(errors, 'error')}, {plural(warnings, 'warning')}"


def _entries(n: int) -> str:
    return "1 entry" if n == 1 else f"{n} entries"
