"""Inputs that must not hurt: each ends in a clear message or a result, bounded in time and
memory, without a traceback, and nothing written is lost (issue 13)."""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

import pytest

from generator.entry.diagnostics import Diagnostic
from generator.entry.read import entry_from_bytes
from tests.conftest import write_notebook

PATH = "entries/x.md"
HEAD = "---\ncompany: Acme\nrole: SRE\ndate: 2026-03-14\n"


def lines(diagnostics: list[Diagnostic]) -> list[str]:
    return [d.format() for d in diagnostics]


# --- YAML aliases ------------------------------------------------------------------------------

# Nine levels of nine: 9**9 = 387,420,489 values once expanded, in 13 lines of text.
BOMB = (
    HEAD
    + 'a: &a ["x","x","x","x","x","x","x","x","x"]\n'
    + "".join(
        f"{name}: &{name} [{','.join(['*' + previous] * 9)}]\n"
        for previous, name in zip("abcdefgh", "bcdefghi", strict=True)
    )
    + "weak_spots: *i\n---\nnotes\n"
)


def _limit_memory() -> None:
    one_gigabyte = 1 << 30
    resource.setrlimit(resource.RLIMIT_AS, (one_gigabyte, one_gigabyte))


def test_alias_bomb_is_refused_at_its_line_in_bounded_time_and_memory(tmp_path: Path) -> None:
    root = write_notebook(tmp_path / "nb", {"2026-03-14-acme.md": BOMB})
    done = subprocess.run(
        [str(Path(sys.executable).with_name("debrief")), "check"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=60,  # the whole check; reading the bomb took minutes, then ran out of memory
        preexec_fn=_limit_memory,
    )
    assert (done.stdout, done.stderr) == (
        "entries/2026-03-14-acme.md:6: error: YAML alias '*a' in front matter:"
        " an entry's values are written out in full\n"
        "    hint: replace '*a' with the value it stands for (defined with '&a' on line 5)\n"
        "1 entry checked: 1 error, 0 warnings\n",
        "",
    )
    assert done.returncode == 1


@pytest.mark.parametrize(
    ("fields", "line", "alias", "defined"),
    [
        # a merge key is an alias too
        ("base: &base {rating: 2}\nquestions:\n  - {<<: *base, question: Why?}\n", 7, "base", 5),
        # on a line of its own in a block list
        ("strengths: &s [sql]\nweak_spots:\n  - *s\n", 7, "s", 5),
        # an alias whose anchor is not defined is reported by name, without a line
        ("weak_spots: [*nowhere, &w sql]\n", 5, "nowhere", None),
    ],
)
def test_every_alias_is_refused(fields: str, line: int, alias: str, defined: int | None) -> None:
    entry, problems = entry_from_bytes((HEAD + fields + "---\n").encode(), PATH, "x")
    where = f" (defined with '&{alias}' on line {defined})" if defined else ""
    assert entry is None
    assert lines(problems) == [
        f"entries/x.md:{line}: error: YAML alias '*{alias}' in front matter:"
        " an entry's values are written out in full\n"
        f"    hint: replace '*{alias}' with the value it stands for{where}"
    ]


def test_an_anchor_alone_and_an_ampersand_in_text_are_fine() -> None:
    text = "---\ncompany: &c Alder & Finch\nrole: R&D\ndate: 2026-03-14\n---\n"
    entry, problems = entry_from_bytes(text.encode(), PATH, "x")
    assert problems == []
    assert entry is not None and entry.meta.company == "Alder & Finch"
