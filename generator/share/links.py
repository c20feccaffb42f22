"""Links in a shared text: each kept, pointed at the share's own address, or made plain text.

`relink` hands every link and image target of Markdown text to a function that
says where it goes in the share, or None: then the link becomes its text
(`[the onsite](2026-03-05-acme-final.md)` -> `the onsite`), an image its alt
text, an autolink its address as text, a reference definition disappears and an
HTML `href`/`src` attribute is dropped. A link's text is kept: it is the
writer's sentence; what it names is hidden with the rest of the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_TEXT = r"(?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.)*\])*"  # one level of nested brackets
_DESTINATION = r"<[^<>\n]*>|[^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*"
_TITLE = r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?"
_INLINE = re.compile(
    rf"(?P<bang>!?)\[(?P<text>{_TEXT})\]\(\s*(?P<target>{_DESTINATION})(?P<title>{_TITLE})\s*\)"
)
_DEFINITION = re.compile(
    r"^ {0,3}\[(?P<label>[^\]\n]+)\]:[ \t]*(?P<target><[^<>\n]*>|\S+)(?P<rest>.*)(?:\n|$)",
    re.MULTILINE,
)
_AUTOLINK = re.compile(r"<(?P<target>[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>")
_ATTRIBUTE = re.compile(
    r"\s(?:href|src|srcset|poster|data|action)\s*=\s*(?P<quoted>\"(?P<a>[^\"]*)\"|'(?P<b>[^']*)')",
    re.IGNORECASE,
)

Resolve = Callable[[str], "str | None"]


def relink(text: str, resolve: Resolve) -> tuple[str, list[str]]:
    """`text` with each target replaced by `resolve(target)`; the targets dropped."""
    dropped: list[str] = []

    def target_of(raw: str) -> str | None:
        plain = raw[1:-1] if raw.startswith("<") and raw.endswith(">") else raw
        new = resolve(plain)
        if new is None:
            dropped.append(plain)
        return new

    def inline(match: re.Match[str]) -> str:
        new = target_of(match.group("target"))
        if new is None:
            return match.group("text")
        bang, title = match.group("bang"), match.group("title")
        return f"{bang}[{match.group('text')}]({_destination(new)}{title})"

    def definition(match: re.Match[str]) -> str:
        new = target_of(match.group("target"))
        if new is None:
            return ""
        return match.group().replace(match.group("target"), _destination(new), 1)

    def autolink(match: re.Match[str]) -> str:
        new = target_of(match.group("target"))
        return match.group("target") if new is None else f"<{new}>"

    def attribute(match: re.Match[str]) -> str:
        value = match.group("a") if match.group("a") is not None else match.group("b")
        new = target_of(value or "")
        if new is None:
            return ""
        return match.group().replace(match.group("quoted"), '"' + new.replace('"', "%22") + '"')

    text = _INLINE.sub(inline, text)
    text = _DEFINITION.sub(definition, text)
    text = _AUTOLINK.sub(autolink, text)
    text = _ATTRIBUTE.sub(attribute, text)
    return text, dropped


def _destination(target: str) -> str:
    return f"<{target}>" if re.search(r"[\s()<>]", target) else target
