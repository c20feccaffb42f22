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
