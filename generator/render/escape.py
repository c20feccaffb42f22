"""Escaping for values that come from entries, for where they land in generated Markdown."""

from __future__ import annotations

import re

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_LINE_START = re.compile(r"^(\s*)([#>+\-=]|\d+[.)])")


def md_inline(text: object) -> str:
    """Text that renders as itself inside a paragraph, list item, link text or table cell.

    A company called `A | B` stays in one table cell and `<script>` shows as text.
    """
    value = " ".join(str(text).split())
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    value = _INLINE_SPECIAL.sub(r"\\\1", value)
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), value)


def html_text(text: object) -> str:
    """Text inside a raw HTML block or attribute."""
    return (
        str(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
    )


def yaml_string(text: object) -> str:
    """A double-quoted YAML scalar, for page front matter."""
    escaped = str(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return f'"{escaped}"'
