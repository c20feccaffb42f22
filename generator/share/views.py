"""Every way a reader could read a file of a share as text.

A name hidden in a file is still there if any reader shows it: a browser
unescapes `&amp;` and `\\u00e9`, decodes `%20`, decompresses `.gz`; a text editor
opens UTF-16; an image viewer shows a PNG's text chunks and a JPEG's EXIF. The
leak check and the attachment check read each file through these views, one
after the other, so that only one or two copies of a big file are in memory.
"""

from __future__ import annotations

import codecs
import contextlib
import html
import re
import struct
import zlib
from collections.abc import Iterator
from urllib.parse import unquote

_TAG = re.compile(r"<[^>]*>")
# The theme's and the renderer's style names: the product's words, the bulk of a page's tags.
_CLASS = re.compile(r"""\sclass=(?:"[^"]*"|'[^']*')""")
_JSON_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|[\"\\/bfnrt])")
# Long runs of base64 (a sealed page, a data: URL): random letters, which would now and
# then spell a short name by chance. Such a run must mix cases and digits.
_BASE64_RUN = re.compile(r"[A-Za-z0-9+/]{40,}={0,2}")
# Base64 letters as "a", anything else as " ": a page without 40 a's in a row has no run,
# which bytes.translate and a substring search tell at C speed (the regex costs 20 times more).
_BASE64_MASK = bytes(
    97 if chr(c).isascii() and (chr(c).isalnum() or chr(c) in "+/") else 32 for c in range(256)
)
_BASE64_SEEN = b"a" * 40
SLICE = 1 << 20
_DIGIT = re.compile(r"[0-9]")
_UPPER = re.compile(r"[A-Z]")
_PNG = b"\x89PNG\r\n\x1a\n"
_PNG_PIXELS = {b"IDAT", b"fdAT"}
GZIP_LIMIT = 1 << 30  # a decompressed .gz bigger than this is read up to here


def decodings(data: bytes) -> Iterator[str]:
    """The text of `data` in every common encoding it could be meant in."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16")):
        if data.startswith(bom):
            yield data.decode(codec, errors="replace")
            break
    else:
        if data.startswith(codecs.BOM_UTF16_BE):
            yield data.decode("utf-16", errors="replace")
    try:
        yield data.decode("utf-8")
    except UnicodeDecodeError:
        yield data.decode("utf-8", errors="replace")
        yield data.decode("latin-1")
    if b"\x00" in data:
        # UTF-16 without a byte order mark, read both ways round and from both offsets.
        for codec in ("utf-16-le", "utf-16-be"):
            yield data.decode(codec, errors="replace")
            yield data[1:].decode(codec, errors="replace")


def text_views(text: str, markup: bool = False) -> Iterator[str]:
    """`text` as a reader gets it once its escapes are undone (JSON, then URL, then HTML):
    for a markup file (HTML, XML, SVG), its text between tags, then its tags; for any
    other file, the whole text too (a `<` there may be text, or HTML inside JSON).

    The decoded text stands for the raw one: undoing an escape only turns a code into
    the character it stands for, and the word it belongs to reads the same or better
    (`Zo\\u00eb` is "Zoë" only once decoded)."""
    if _may_hold_base64(text):
        text = _BASE64_RUN.sub(_random_letters, text)
    if "\\" in text:
        text = _JSON_ESCAPE.sub(_json_char, text)
    if "%" in text:
        text = unquote(text)
    if "<" not in text or not markup:
        yield _unescape(text)
    if "<" not in text:
        return
    # The text between tags, the tags put aside (a phrase split by <em> reads whole),
    # then the tags themselves (attribute values: links, alt texts, titles). Tags are
    # found before `&lt;` is undone: an escaped `<` is text, not a tag.
    yield _unescape(_TAG.sub(" ", text))
    yield _unescape(_CLASS.sub("", "\n".join(_TAG.findall(text))))


def _may_hold_base64(text: str) -> bool:
    """Whether `text` has 40 base64 letters in a row: read a slice at a time (a text can
    be a gigabyte of a .gz), each with the 39 characters before it, so that a run across
    two slices is seen whole."""
    reach = len(_BASE64_SEEN) - 1
    for start in range(0, len(text), SLICE):
        piece = text[max(0, start - reach) : start + SLICE]
        if _BASE64_SEEN in piece.encode("utf-8", "replace").translate(_BASE64_MASK):
            return True
    return False


def _unescape(text: str) -> str:
    return html.unescape(text) if "&" in text else text


MARKUP = (".html", ".htm", ".xml", ".svg", ".xhtml")


def file_views(data: bytes, name: str, *, markup: bool | None = None) -> Iterator[str]:
    """Every text a reader could get out of a file: its name, its bytes in every
    encoding and escape, a .gz file decompressed, an image's metadata but not its pixels."""
    yield name
    yield unquote(name)
    if data.startswith(b"\x1f\x8b"):
        with contextlib.suppress(zlib.error):
            data = _gunzip(data)
    if markup is None:
        markup = name.lower().endswith(MARKUP)
    for text in decodings(image_metadata(data) or data):
        yield from text_views(text, markup)


def image_metadata(data: bytes) -> bytes | None:
    """A PNG's or JPEG's bytes without the compressed pixels (text chunks inflated),
    or None for any other file. Pixels are noise that may spell a short word by chance."""
    if data.startswith(_PNG):
        return _png_metadata(data)
    if data.startswith(b"\xff\xd8"):
        return _jpeg_metadata(data)
    return None


def _png_metadata(data: bytes) -> bytes:
    parts: list[bytes] = []
    position = len(_PNG)
    while position + 8 <= len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        position += 12 + length
        if kind in _PNG_PIXELS:
            continue
        parts += [kind, body]
        if kind in (b"zTXt", b"iTXt", b"iCCP"):
            parts.append(_inflate_after_keyword(kind, body))
    parts.append(data[position:])  # whatever follows the chunks
    return b"\n".join(parts)


def _inflate_after_keyword(kind: bytes, body: bytes) -> bytes:
    keyword_end = body.find(b"\x00")
    if keyword_end < 0:
        return b""
    rest = body[keyword_end + 1 :]
    if kind == b"iTXt":
        # compression flag, method, language tag \0, translated keyword \0, text
        if len(rest) < 2 or rest[0] != 1:
            return b""
        parts = rest[2:].split(b"\x00", 2)
        rest = b"\x00" + parts[2] if len(parts) == 3 else b""
    with contextlib.suppress(zlib.error):
        return zlib.decompressobj().decompress(rest[1:], GZIP_LIMIT)
    return b""


def _jpeg_metadata(data: bytes) -> bytes:
    parts: list[bytes] = []
    position = 2
    while position + 4 <= len(data) and data[position] == 0xFF:
        marker = data[position + 1]
        if marker == 0xDA:  # start of scan: pixels follow, then at most a trailer
            end = data.rfind(b"\xff\xd9")
            parts.append(data[end + 2 :] if end >= 0 else b"")
            return b"\n".join(parts)
        (length,) = struct.unpack(">H", data[position + 2 : position + 4])
        parts.append(data[position + 4 : position + 2 + length])
        position += 2 + length
    parts.append(data[position:])
    return b"\n".join(parts)


def _gunzip(data: bytes) -> bytes:
    return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data, GZIP_LIMIT)


def _random_letters(match: re.Match[str]) -> str:
    run = match.group()
    return " " if _DIGIT.search(run) and _UPPER.search(run) else run


def _json_char(match: re.Match[str]) -> str:
    code = match.group(1)
    if code.startswith("u"):
        return chr(int(code[1:], 16))
    return {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}.get(code, code)
