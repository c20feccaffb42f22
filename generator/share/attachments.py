"""Which files next to the entries a share copies, and what of them.

Only the files a shared entry shows go along. An image is re-encoded from its
pixels (its metadata, where cameras and editors write names, stays behind); a text
file goes along only when no reading of it names anything the share hides; any
other kind (PDF, office documents, archives) is left out, as the share cannot read
everything such a file holds. What is left out is listed, with the reason.
"""

from __future__ import annotations

import io
import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol
from urllib.parse import unquote

from PIL import Image, ImageOps, UnidentifiedImageError

from generator.entry.read import Entry
from generator.share.clean import link_targets
from generator.share.views import file_views

_NOT_A_FILE = re.compile(r"^([a-z][a-z0-9+.-]*:|/|#)", re.IGNORECASE)


def referenced(entry: Entry, entries_dir: str) -> set[str]:
    """The docs paths (entries/...) of the files an entry's body links to or shows."""
    prefix = posixpath.normpath(entries_dir) + "/"
    inside = entry.path[len(prefix) :] if entry.path.startswith(prefix) else entry.path
    folder = posixpath.dirname(inside)
    found: set[str] = set()
    for start, end in link_targets(entry.body):
        target = entry.body[start:end]
        if _NOT_A_FILE.match(target):
            continue
        path = unquote(target.split("#", 1)[0].split("?", 1)[0])
        if path:
            found.add(posixpath.normpath(posixpath.join("entries", folder, path)))
    return found


def shared_attachments(
    entries: list[Entry],
    found: list[tuple[Path, str]],
    entries_dir: str,
    rename: Callable[[str], str] = lambda path: path,
) -> list[tuple[Path, str]]:
    """The (source, docs path) pairs of `found` that a shared entry refers to, renamed
    as the share names them (anonymized company names leave file names too)."""
    wanted: set[str] = set()
    for entry in entries:
        wanted |= referenced(entry, entries_dir)
    renamed = [(source, rename(target)) for source, target in found]
    return [(source, target) for source, target in renamed if target in wanted]


# --- what of an attachment is shared -----------------------------------------------------------

# Shown by every browser; re-encoded from their pixels, so no metadata goes along.
IMAGE_FORMATS = {"PNG": "PNG", "JPEG": "JPEG", "GIF": "GIF", "WEBP": "WEBP"}
# Read as text: shared when no reading of them holds anything the share hides.
TEXT_SUFFIXES = (".txt", ".csv", ".json", ".svg", ".xml", ".yml", ".yaml")
KINDS = "only images (PNG, JPEG, GIF, WebP) and text files (.txt, .csv, .json, .svg) are shared"


class Finder(Protocol):
    """What the share hides, as `leaks.LookedFor` holds it: the needles found in texts."""

    def search(self, texts: Iterable[str]) -> set[int]: ...


@dataclass(frozen=True)
class Scrubbed:
    kept: list[tuple[str, bytes]]  # (docs path, content as shared)
    dropped: list[tuple[Path, str, str]]  # (the owner's file, its docs path, why)


def scrub(pairs: list[tuple[Path, str]], wanted: Callable[[], Finder]) -> Scrubbed:
    """The shared attachments as the share copies them: images re-encoded from their
    pixels, text files only when they name nothing hidden, nothing else."""
    kept: list[tuple[str, bytes]] = []
    dropped: list[tuple[Path, str, str]] = []
    for source, target in pairs:
        shown = source
        if wanted().search(file_views(b"", target.rsplit("/", 1)[-1])):
            dropped.append((shown, target, "its name holds something the share hides"))
            continue
        try:
            data = source.read_bytes()
        except OSError as error:
            dropped.append((shown, target, f"it cannot be read ({error.strerror})"))
            continue
        image = pixels_only(data)
        if image is not None:
            kept.append((target, image))
        elif source.suffix.lower() not in TEXT_SUFFIXES:
            dropped.append((shown, target, KINDS))
        elif source.suffix.lower() == ".svg" and b"base64" in data:
            dropped.append(
                (shown, target, "an SVG that carries another file inside cannot be checked")
            )
        elif wanted().search(file_views(data, "")):
            dropped.append((shown, target, "its text holds something the share hides"))
        else:
            kept.append((target, data))
    return Scrubbed(kept, dropped)


def pixels_only(data: bytes) -> bytes | None:
    """The image re-encoded from its pixels alone (turned upright first, as its EXIF
    orientation says): no text chunk, EXIF, XMP, ICC profile or comment survives.
    None when `data` is not an image of a shared kind. An animation keeps its first frame."""
    try:
        with Image.open(io.BytesIO(data)) as opened:
            kind = IMAGE_FORMATS.get(opened.format or "")
            if kind is None:
                return None
            opened.seek(0)
            upright = ImageOps.exif_transpose(opened)
            transparency = upright.info.get("transparency")
            fresh = Image.frombytes(upright.mode, upright.size, upright.tobytes())
            if upright.mode in ("P", "PA"):
                palette = upright.getpalette()
                if palette is not None:
                    fresh.putpalette(palette)
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return None
    options: dict[str, object] = {}
    if isinstance(transparency, (int, bytes)) and kind in ("PNG", "GIF"):
        options["transparency"] = transparency
    if kind == "JPEG":
        options["quality"] = 95
        if fresh.mode not in ("RGB", "L", "CMYK"):
            fresh = fresh.convert("RGB")
    if kind == "WEBP":
        options["lossless"] = True
    out = io.BytesIO()
    try:
        fresh.save(out, kind, **options)
    except (OSError, ValueError):
        return None
    return out.getvalue()
