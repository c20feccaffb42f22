"""Inputs that must not hurt: each ends in a clear message or a result, bounded in time and
memory, without a traceback, and nothing written is lost (issue 13)."""

from __future__ import annotations

import difflib
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator.cli.main import cli
from generator.entry.diagnostics import Diagnostic
from generator.entry.frontmatter import Document
from generator.entry.read import entry_from_bytes
from tests.conftest import run_cli, write_notebook

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


# --- links, folders and pipes in entries/ --------------------------------------------------

GOOD = "---\ncompany: Acme\nrole: SRE\ndate: 2026-03-14\n---\n![sketch](sketch.png)\n"

ODD_FILES = [
    "entries/2026-03-15-gone.md: error: broken symbolic link: its target /nowhere/x.md"
    " does not exist",
    "    hint: restore the file it points to, or remove the link",
    "entries/2026-03-16-folder.md: warning: a folder named like an entry: it is not read as one",
    "    hint: an entry is a file; rename the folder without '.md' (the files in it are read)",
    "entries/2026-03-17-loop.md: error: symbolic link loop: following the link leads back to it",
    "    hint: remove the link, or point it at a file",
    "entries/2026-03-18-pipe.md: error: not a file but a named pipe",
    "    hint: remove it, or replace it with a file",
    "entries/scan.pdf: warning: attachment left out of the site: broken symbolic link:"
    " its target /nowhere/scan.pdf does not exist",
    "    hint: restore the file it points to, or remove the link",
    "entries/sketch.png: warning: attachment left out of the site: not a file but a named pipe",
    "    hint: remove it, or replace it with a file",
]


def odd_notebook(root: Path) -> Path:
    """One good entry and every kind of name that is not a readable file."""
    write_notebook(root, {"2026-03-14-acme.md": GOOD})
    entries = root / "entries"
    (entries / "2026-03-15-gone.md").symlink_to("/nowhere/x.md")
    (entries / "2026-03-16-folder.md").mkdir()
    (entries / "2026-03-17-loop.md").symlink_to("2026-03-17-loop.md")
    os.mkfifo(entries / "2026-03-18-pipe.md")  # a read would wait for a writer for ever
    (entries / "scan.pdf").symlink_to("/nowhere/scan.pdf")
    os.mkfifo(entries / "sketch.png")
    return root


@pytest.mark.parametrize("command", ["check", "build", "share"])
def test_links_folders_and_pipes_are_reported_by_every_command(
    tmp_path: Path, command: str
) -> None:
    root = odd_notebook(tmp_path / "nb")
    done = subprocess.run(
        [str(Path(sys.executable).with_name("debrief")), command],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "NO_COLOR": "1", "NO_MKDOCS_2_WARNING": "1"},
    )
    output = done.stdout + done.stderr
    assert "Traceback" not in output
    summary = "5 entries checked: 3 errors, 3 warnings"
    if command == "check":
        assert done.stdout.splitlines() == [*ODD_FILES, summary]
    else:
        assert done.stderr.splitlines() == [*ODD_FILES, f"Error: {summary}"]
    assert done.returncode == 1


def test_an_attachment_removed_while_the_site_is_built_is_reported(tmp_path: Path) -> None:
    """A real race: a MkDocs hook, run after debrief listed the files, removes the sketch
    before MkDocs copies it (as a sync tool or an editor might)."""
    root = write_notebook(tmp_path / "nb", {"2026-03-14-acme.md": GOOD})
    (root / "entries" / "sketch.png").write_bytes(b"\x89PNG")
    (root / "hook.py").write_text(
        "import os\n\n\ndef on_files(files, config):\n"
        "    os.remove(os.path.join(os.path.dirname(config.config_file_path),"
        " 'entries', 'sketch.png'))\n",
        encoding="utf-8",
    )
    with open(root / "mkdocs.yml", "a", encoding="utf-8") as config:
        config.write("hooks: [hook.py]\n")
    done = subprocess.run(
        [str(Path(sys.executable).with_name("debrief")), "build"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "NO_COLOR": "1", "NO_MKDOCS_2_WARNING": "1"},
    )
    assert "Traceback" not in done.stderr
    assert done.stderr.splitlines()[:2] == [
        "entries/sketch.png: warning: attachment left out of the site: it could not be copied"
        " (No such file or directory)",
        "    hint: it changed while the site was built: build again",
    ]
    assert done.returncode == 0
    assert (root / "site" / "entries" / "2026-03-14-acme" / "index.html").is_file()
    assert not (root / "site" / "entries" / "sketch.png").exists()


AS_NOBODY = ("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups")


@pytest.mark.skipif(
    os.geteuid() != 0 or shutil.which("setpriv") is None,
    reason="needs root to run the build as another user (root reads any file)",
)
@pytest.mark.parametrize("command", ["check", "build", "share"])
def test_files_without_read_permission_are_reported(command: str) -> None:
    """chmod 000 for real: the build runs as user nobody, for whom the bits hold."""
    base = Path(tempfile.mkdtemp(prefix="debrief-unreadable-"))
    try:
        root = write_notebook(base / "nb", {"2026-03-14-acme.md": GOOD, "2026-03-15-b.md": GOOD})
        (root / "entries" / "sketch.png").write_bytes(b"\x89PNG")
        for folder, dirs, files in os.walk(base):
            for name in [*dirs, *files]:
                os.chmod(Path(folder, name), 0o777)
        base.chmod(0o777)
        (root / "entries" / "sketch.png").chmod(0)
        (root / "entries" / "2026-03-15-b.md").chmod(0)
        done = subprocess.run(
            [*AS_NOBODY, str(Path(sys.executable).with_name("debrief")), command],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "HOME": str(base), "NO_COLOR": "1", "NO_MKDOCS_2_WARNING": "1"},
        )
    finally:
        shutil.rmtree(base)
    output = (done.stdout if command == "check" else done.stderr).splitlines()
    assert "Traceback" not in done.stderr
    assert output[:4] == [
        "entries/2026-03-15-b.md: error: cannot read file: permission denied",
        "    hint: give yourself read permission: chmod u+r 2026-03-15-b.md",
        "entries/sketch.png: warning: attachment left out of the site:"
        " cannot read file: permission denied",
        "    hint: give yourself read permission: chmod u+r sketch.png",
    ]
    assert done.returncode == 1


# --- tags rename while another program writes ------------------------------------------------

ENTRY = b"---\ncompany: Acme\nrole: SRE\ndate: 2026-03-14\nweak_spots: [sql]\n---\nNotes.\n"
CHANGED = (
    "entries/2026-03-14-acme.md: error: changed by another program while it was being"
    " rewritten: left as it is\n"
    "    hint: save it in your editor (or wait for the other program), then run the command"
    " again\n"
)


def test_rename_while_another_program_appends_loses_no_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A thread appends numbered lines (open, write, close: as `echo >> file`), in bursts, while the
    name goes back and forth 200 times; every line must be there once, in order."""
    root = write_notebook(tmp_path / "nb", {})
    entry = root / "entries" / "2026-03-14-acme.md"
    entry.write_bytes(ENTRY)
    monkeypatch.chdir(root)
    stop = threading.Event()
    appended: list[int] = []

    def append() -> None:
        number = 0
        while not stop.is_set():
            with open(entry, "ab") as file:
                file.write(f"line {number}\n".encode())
            appended.append(number)
            number += 1
            if number % 10 == 0:
                time.sleep(0.01)  # in bursts, so that some renames find it quiet

    writer = threading.Thread(target=append)
    writer.start()
    outcomes: list[int] = []
    try:
        turns, deadline = 0, time.monotonic() + 60
        # 200 renames at least, and until the writer has appended enough alongside them
        # (on a fast machine 200 renames can end before it has written 500 lines).
        while (turns < 200 or len(appended) <= 500) and time.monotonic() < deadline:
            turns += 1
            now = b"[sql]" in entry.read_bytes()
            old, new = ("sql", "databases") if now else ("databases", "sql")
            result = CliRunner().invoke(cli, ["tags", "rename", old, new])
            outcomes.append(result.exit_code)
            if result.exit_code:  # refused: the file changed under it, and it said so
                assert (
                    result.stderr
                    == CHANGED + "Error: 1 file left untouched: see the errors above\n"
                )
    finally:
        stop.set()
        writer.join()
    text = entry.read_bytes().decode()
    body = text.split("---\n", 2)[2]
    expected = "Notes.\n" + "".join(f"line {n}\n" for n in appended)
    if body != expected:  # say which lines, not only that the texts differ
        print(
            "".join(
                list(difflib.unified_diff(expected.splitlines(True), body.splitlines(True)))[:40]
            )
        )
    assert body == expected
    assert len(appended) > 500  # the writer did run alongside
    assert outcomes.count(0) > 0, outcomes  # and some renames went through
    print(f"{len(appended)} lines, {outcomes.count(0)} of 200 renames done, the rest refused")
    assert text.startswith("---\ncompany: Acme\nrole: SRE\ndate: 2026-03-14\nweak_spots: [")


def test_a_read_only_entry_is_reported_not_rewritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_notebook(tmp_path / "nb", {})
    entry = root / "entries" / "2026-03-14-acme.md"
    entry.write_bytes(ENTRY)
    entry.chmod(0o444)  # root could write it all the same: the bits say no
    monkeypatch.chdir(root)
    result = CliRunner().invoke(cli, ["tags", "rename", "sql", "databases"])
    assert result.stderr == (
        "entries/2026-03-14-acme.md: error: read-only (no write permission): left as it is\n"
        "    hint: to change it, make it writable (chmod u+w 2026-03-14-acme.md) and run the"
        " command again\n"
        "Error: 1 file left untouched: see the errors above\n"
    )
    assert result.exit_code == 1
    assert entry.read_bytes() == ENTRY
    assert entry.stat().st_mode & 0o777 == 0o444


# --- a wrong plugin option, a control character ----------------------------------------------

OPTION = "Error: mkdocs.yml: debrief plugin options: 'recurring_after': must be a whole number, got text 'two'\n"


@pytest.mark.parametrize("command", ["check", "build", "share", "serve", "stats"])
def test_a_wrong_plugin_option_is_misuse_with_one_message_everywhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    root = write_notebook(tmp_path / "nb", {"2026-03-14-acme.md": GOOD}, "recurring_after: two")
    monkeypatch.chdir(root)
    result = CliRunner().invoke(cli, [command])
    assert result.stderr.splitlines()[-1] + "\n" == OPTION
    assert result.exit_code == 2
    assert not (root / "site").exists()


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("company: Ac\x00me", "U+0000 (NUL) in column 12"),
        ('company: "Ac\x00me"', "U+0000 (NUL) in column 13"),
        ("company: Acme\x1b", "U+001B (ESC) in column 14"),
    ],
)
def test_a_control_character_is_named_at_its_line_and_column(line: str, message: str) -> None:
    raw = f"---\nrole: SRE\n{line}\ndate: 2026-03-14\n---\n".encode()
    entry, problems = entry_from_bytes(raw, PATH, "x")
    assert entry is None
    assert lines(problems) == [
        f"entries/x.md:3: error: invisible control character {message}: YAML does not allow it\n"
        "    hint: delete it: a copy and paste may have brought it in, unseen"
    ]


def test_the_table_of_lines_walks_a_shared_node_once() -> None:
    """parse() refuses aliases; a node tree made another way may still share nodes (9**9
    paths through fewer than a hundred nodes): `compact` walks each collection once, in well under a
    second, and its table of lines stays as small as the text."""
    front = BOMB.split("---\n")[1]
    node = yaml.compose(front, Loader=yaml.SafeLoader)
    document = Document(data={}, node=node, body="", body_line=16)
    started = time.perf_counter()
    document.compact()
    assert time.perf_counter() - started < 1.0
    assert document.lines is not None and len(document.lines) < 200
    assert document.line_of(("weak_spots",), key=True) == 14


def test_an_attachment_that_cannot_be_copied_into_an_export_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A hand-written file in the docs takes the name of the attachment's folder in the
    export: the copy fails for real, and the export says so and goes on."""
    root = write_notebook(tmp_path / "nb", {"2026/2026-03-14-acme.md": GOOD})
    (root / "entries" / "2026" / "sketch.png").write_bytes(b"\x89PNG")
    (root / "notebook" / "entries").mkdir()
    (root / "notebook" / "entries" / "2026").write_text("a file, not a folder\n")
    monkeypatch.chdir(root)
    result = run_cli("export", "--format", "markdown", str(tmp_path / "out"))
    assert result.exit_code == 0
    assert result.stderr.splitlines()[:2] == [
        "entries/2026/sketch.png: warning: attachment left out of the export: it could not be"
        " copied (File exists)",
        "    hint: check that it is still there and readable, then export again",
    ]
    assert (tmp_path / "out" / "docs" / "entries" / "2026-03-14-acme.md").is_file()


def test_a_misspelt_option_beside_a_wrong_one_is_named_in_the_same_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_notebook(
        tmp_path / "nb",
        {"2026-03-14-acme.md": GOOD},
        "recurring_after: two\nrecurring_afterr: 3",
    )
    monkeypatch.chdir(root)
    result = CliRunner().invoke(cli, ["check"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "Error: mkdocs.yml: debrief plugin options: 'recurring_after': must be a whole number,"
        " got text 'two'; 'recurring_afterr': Unrecognised configuration name: recurring_afterr"
    )
