"""Under `debrief serve`, the page of an entry that does not read: its problems, where it
would be. A broken entry is left out of the notebook until it is fixed; without this page
its address, open in the browser while its file is edited, would answer a bare 404.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePosixPath

from generator.entry.diagnostics import Diagnostic, sort_key
from generator.render.addresses import entry_path
from generator.render.escape import md_inline
from generator.render.placeholders import Source

TITLE = "This entry has problems: fix them and save"


def broken_entry_pages(diagnostics: list[Diagnostic]) -> Iterator[tuple[str, Source]]:
    """A page (docs path, source) for each entry file with an error, listing every problem
    of that file at PATH:LINE with its hint; the page an entry would have, by its name."""
    by_file: dict[str, list[Diagnostic]] = {}
    for diagnostic in sorted(diagnostics, key=sort_key):
        by_file.setdefault(diagnostic.path, []).append(diagnostic)
    for path, found in by_file.items():
        name = PurePosixPath(path)
        if name.suffix != ".md" or not any(d.is_error for d in found):
            continue
        lines = [
            f"# {md_inline(name.name)}",
            "",
            f'!!! danger debrief-banner "{TITLE}"',
            "    It is left out of the notebook until it reads cleanly; then this page shows it"
            " again.",
            "",
        ]
        for diagnostic in found:
            first, *rest = diagnostic.format().splitlines()
            lines.append(f"    - {md_inline(first)}")
            lines += [f"      <br>{md_inline(line.strip())}" for line in rest]
        yield entry_path(name.stem), Source("\n".join(lines) + "\n")


def banner(diagnostics: list[Diagnostic]) -> str:
    """The callout on every page under `serve` while the notebook has errors."""
    lines = [
        '!!! danger debrief-banner "The notebook has problems: fix them and save"',
        "    The rest of the notebook still shows; a broken entry is left out until it is fixed.",
        "",
    ]
    lines += [f"    - {md_inline(d.format().splitlines()[0])}" for d in diagnostics[:20]]
    if len(diagnostics) > 20:
        lines.append(f"    - … and {len(diagnostics) - 20} more: see the terminal")
    return "\n".join(lines)
