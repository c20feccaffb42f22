"""Escaping for values that come from entries, for where they land in generated Markdown."""

from __future__ import annotations

import html
import re
from functools import lru_cache

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]|])")
_LINE_START = re.compile(r"^(\s*)(?:([#>+\-])|(\d+)([.)]))")


def md_inline(text: object) -> str:
    """Text that renders as itself inside a paragraph, list item, link text or table cell.

    A company called `A | B` stays in one table cell and `<script>` shows as text.
    """
    value = " ".join(str(text).split())
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    # attr_list would read a trailing `{...}` as attributes: `{onmouseover=...}`.
    value = value.replace("{", "&#123;").replace("}", "&#125;")
    value = _INLINE_SPECIAL.sub(r"\\\1", value)
    return _LINE_START.sub(_escape_line_start, value)


_ESCAPED = re.compile(r"\\([\\`*_\[\]|#>+\-.)])")


def plain_text(markdown: str) -> str:
    """Markdown made by this module's `md_inline`, as a person reads it in a terminal:
    `system\\_design` and `Alder &amp; Finch` shown as they were written. The marks of
    structure (`#`, `-`, `**`) stay: they read as they are."""
    return html.unescape(_ESCAPED.sub(r"\1", markdown))


def _escape_line_start(match: re.Match[str]) -> str:
    indent, marker, number, dot = match.groups()
    if marker:
        return f"{indent}\\{marker}"
    return f"{indent}{number}\\{dot}"


def html_text(text: object) -> str:
    """Text inside a raw HTML block or attribute."""
    return (
        str(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
    )


def html_inline(text: object) -> str:
    """Text inside a generated HTML block: escaped, on one line, as `md_inline` shows it."""
    return _html_inline(str(text))


# Nearly every value of every page comes through here, most of them many times over (a
# weak spot's name, a topic, a lesson shown on four pages): each is escaped once per
# render (`forget_escaped` when it ends: the build goes on without holding them). A
# text that needs no escaping is kept as itself, not copied.
@lru_cache(maxsize=1 << 15)
def _html_inline(text: str) -> str:
    value = (
        " ".join(text.split())
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
    )
    return text if value == text else value  # kept once in memory, not twice


def forget_escaped() -> None:
    """Let go of the texts `html_inline` remembers: a render has ended."""
    _html_inline.cache_clear()


def yaml_string(text: object) -> str:
    """A double-quoted YAML scalar, for page front matter."""
    escaped = str(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return f'"{escaped}"'
