"""`debrief tags list|rename|merge` on small notebooks; expected files written by hand."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import run_cli, write_notebook

BOM = b"\xef\xbb\xbf"
OLD_TIME = 1_600_000_000_000_000_000  # ns: an mtime a rewrite would change

ACME = (
    BOM + b"---\r\n"
    b"company: Acme  # the big one\r\n"
    b"role: Backend engineer\r\n"
    b"date: 2026-03-01\r\n"
    b'weak_spots: [System Design, "estimation"]   # flow\r\n'
    b"strengths: ['system_design']\r\n"
    b"---\r\n"
    b"Body: system design, untouched.\r\n"
)
ACME_RENAMED = (
    BOM + b"---\r\n"
    b"company: Acme  # the big one\r\n"
    b"role: Backend engineer\r\n"
    b"date: 2026-03-01\r\n"
    b'weak_spots: [architecture, "estimation"]   # flow\r\n'
    b"strengths: ['architecture']\r\n"
    b"---\r\n"
    b"Body: system design, untouched.\r\n"
)
GLOBEX = (
    b"---\n"
    b"company: Globex\n"
    b"role: SRE\n"
    b"date: 2026-03-02\n"
    b"weak_spots:\n"
    b"  # the usual\n"
    b"  - sql\n"
    b"  - system-design   # again\n"
    b"strengths: System Design\n"
    b"tags: [system design]\n"
    b"---\n"
)
GLOBEX_RENAMED = (
    b"---\n"
    b"company: Globex\n"
    b"role: SRE\n"
    b"date: 2026-03-02\n"
    b"weak_spots:\n"
    b"  # the usual\n"
    b"  - sql\n"
    b"  - architecture   # again\n"
    b"strengths: architecture\n"
    b"tags: [system design]\n"
    b"---\n"
)
INITECH = b"---\ncompany: Initech\nrole: SRE\ndate: 2026-03-03\nweak_spots: [sql, SQL]\n---\n"
BAD = b"---\ncompany: Bad\nrole: a: b\nweak_spots: [system design]\n---\n"


@pytest.fixture
def notebook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = write_notebook(tmp_path / "nb", {})
    for name, raw in (
        ("2026-03-01-acme.md", ACME),
        ("2026-03-02-globex.md", GLOBEX),
        ("2026-03-03-initech.md", INITECH),
    ):
        path = root / "entries" / name
        path.write_bytes(raw)
        os.utime(path, ns=(OLD_TIME, OLD_TIME))
    monkeypatch.chdir(root)
    return root


def entry(root: Path, name: str) -> bytes:
    return (root / "entries" / name).read_bytes()


def mtime(root: Path, name: str) -> int:
    return (root / "entries" / name).stat().st_mtime_ns


def test_rename_changes_only_the_names(notebook: Path) -> None:
    result = run_cli("tags", "rename", "system design", "architecture")
    assert result.exit_code == 0, result.output
    assert result.stdout == "Renamed 'system design' to 'architecture' in 2 entries (4 places)\n"
    assert entry(notebook, "2026-03-01-acme.md") == ACME_RENAMED
    assert entry(notebook, "2026-03-02-globex.md") == GLOBEX_RENAMED
    assert entry(notebook, "2026-03-03-initech.md") == INITECH
    assert mtime(notebook, "2026-03-03-initech.md") == OLD_TIME
    assert sorted(os.listdir(notebook / "entries")) == [
        "2026-03-01-acme.md",
        "2026-03-02-globex.md",
        "2026-03-03-initech.md",
    ]


def test_an_unreadable_file_is_reported_and_left_as_it_is(notebook: Path) -> None:
    (notebook / "entries" / "2026-03-04-bad.md").write_bytes(BAD)
    result = run_cli("tags", "rename", "system-design", "architecture")
    assert result.exit_code == 1
    assert result.stdout == "Renamed 'system-design' to 'architecture' in 2 entries (4 places)\n"
    errors = result.stderr.splitlines()
    assert errors[0].startswith("entries/2026-03-04-bad.md:3: error: invalid YAML: ")
    assert errors[-1] == "Error: 1 file left untouched: see the errors above"
    assert entry(notebook, "2026-03-04-bad.md") == BAD
    assert entry(notebook, "2026-03-01-acme.md") == ACME_RENAMED


def test_rename_keeps_the_file_mode(notebook: Path) -> None:
    (notebook / "entries" / "2026-03-02-globex.md").chmod(0o640)
    result = run_cli("tags", "rename", "sql", "databases")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "entries/2026-03-03-initech.md:5: weak_spots would list 'databases' twice: took out SQL\n"
        "Renamed 'sql' to 'databases' in 2 entries (3 places)\n"
    )
    assert (notebook / "entries" / "2026-03-02-globex.md").stat().st_mode & 0o777 == 0o640
    assert entry(notebook, "2026-03-03-initech.md") == (
        b"---\ncompany: Initech\nrole: SRE\ndate: 2026-03-03\nweak_spots: [databases]\n---\n"
    )


def test_a_symlinked_entry_stays_a_symlink(notebook: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.md"
    elsewhere.write_bytes(b"---\nweak_spots: [sql]\n---\n")
    link = notebook / "entries" / "2026-03-05-linked.md"
    link.symlink_to(elsewhere)
    result = run_cli("tags", "rename", "sql", "databases")
    assert result.exit_code == 0, result.output
    assert link.is_symlink()
    assert elsewhere.read_bytes() == b"---\nweak_spots: [databases]\n---\n"


def test_dry_run_prints_a_diff_and_writes_nothing(notebook: Path) -> None:
    result = run_cli("tags", "rename", "SQL", "databases", "--dry-run")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "--- a/entries/2026-03-02-globex.md\n"
        "+++ b/entries/2026-03-02-globex.md\n"
        "@@ -4,7 +4,7 @@\n"
        " date: 2026-03-02\n"
        " weak_spots:\n"
        "   # the usual\n"
        "-  - sql\n"
        "+  - databases\n"
        "   - system-design   # again\n"
        " strengths: System Design\n"
        " tags: [system design]\n"
        "--- a/entries/2026-03-03-initech.md\n"
        "+++ b/entries/2026-03-03-initech.md\n"
        "@@ -2,5 +2,5 @@\n"
        " company: Initech\n"
        " role: SRE\n"
        " date: 2026-03-03\n"
        "-weak_spots: [sql, SQL]\n"
        "+weak_spots: [databases]\n"
        " ---\n"
        "entries/2026-03-03-initech.md:5: weak_spots would list 'databases' twice: "
        "would take out SQL\n"
        "Would rename 'SQL' to 'databases' in 2 entries (3 places); nothing written\n"
    )
    for name, raw in (("2026-03-02-globex.md", GLOBEX), ("2026-03-03-initech.md", INITECH)):
        assert entry(notebook, name) == raw
        assert mtime(notebook, name) == OLD_TIME


def test_merge_several_names_into_the_last(notebook: Path) -> None:
    result = run_cli("tags", "merge", "sql", "estimation", "data")
    assert result.exit_code == 0, result.output
    # initech's [sql, SQL] would list data twice: the second goes, and the command says so
    assert result.stdout == (
        "entries/2026-03-03-initech.md:5: weak_spots would list 'data' twice: took out SQL\n"
        "Merged 'sql', 'estimation' into 'data' in 3 entries (4 places)\n"
    )
    assert entry(notebook, "2026-03-01-acme.md") == ACME.replace(b'"estimation"', b'"data"')
    assert entry(notebook, "2026-03-02-globex.md") == GLOBEX.replace(b"- sql", b"- data")
    assert entry(notebook, "2026-03-03-initech.md") == INITECH.replace(b"[sql, SQL]", b"[data]")


def test_merge_never_leaves_a_name_twice_and_rewrites_about(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = (
        b"---\ncompany: Hooli\nrole: SRE\ndate: 2026-03-04\n"
        b"weak_spots:\n  - system design   # the big one\n  - sys design\n  - sql\n"
        b"lessons:\n  - lesson: Scale first.\n    about: [sys design, system-design]\n"
        b"  - Plain, untouched, sys design.\n---\nsys design in the body\n"
    )
    root = write_notebook(tmp_path / "nb", {})
    (root / "entries" / "hooli.md").write_bytes(raw)
    monkeypatch.chdir(root)
    result = run_cli("tags", "merge", "sys design", "system-design")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "entries/hooli.md:7: weak_spots would list 'system-design' twice: took out sys design\n"
        "entries/hooli.md:11: lessons[1].about would list 'system-design' twice: "
        "took out sys design\n"
        "Merged 'sys design' into 'system-design' in 1 entry (2 places)\n"
    )
    assert (root / "entries" / "hooli.md").read_bytes() == (
        b"---\ncompany: Hooli\nrole: SRE\ndate: 2026-03-04\n"
        b"weak_spots:\n  - system design   # the big one\n  - sql\n"
        b"lessons:\n  - lesson: Scale first.\n    about: [system-design]\n"
        b"  - Plain, untouched, sys design.\n---\nsys design in the body\n"
    )
    check = run_cli("check")
    assert check.output == "1 entry checked, no problems\n"


def test_the_readme_merge_files_a_question_under_the_merged_weak_spot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = (
        b"---\ncompany: Acme\nrole: SRE\ndate: 2026-03-04\n"
        b"questions:\n  - question: Design a rate limiter.\n    topic: sys design\n"
        b"    rating: 2\nweak_spots: [sys design, system_design]\n---\n"
    )
    root = write_notebook(tmp_path / "nb", {})
    (root / "entries" / "acme.md").write_bytes(raw)
    monkeypatch.chdir(root)
    result = run_cli("tags", "merge", "sys design", "system_design", "system-design")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "entries/acme.md:9: weak_spots would list 'system-design' twice: took out system_design\n"
        "Merged 'sys design', 'system_design' into 'system-design' in 1 entry (3 places)\n"
    )
    assert (root / "entries" / "acme.md").read_bytes() == raw.replace(
        b"topic: sys design", b"topic: system-design"
    ).replace(b"[sys design, system_design]", b"[system-design]")
    exported = json.loads(run_cli("export", "--format", "json").stdout)
    assert [q["about"] for q in exported["questions"]] == [["system-design"]]


def test_a_name_no_entry_uses_fails(notebook: Path) -> None:
    result = run_cli("tags", "rename", "kubernetes", "k8s")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: no entry lists 'kubernetes' under weak_spots, strengths, a lesson's about or "
        "a question's topic (see 'debrief tags list')\n"
    )


def test_renaming_to_the_same_spelling_changes_nothing(notebook: Path) -> None:
    result = run_cli("tags", "rename", "estimation", "estimation")
    assert result.exit_code == 0, result.output
    assert result.stdout == "Nothing to change: every entry already writes it as 'estimation'\n"
    assert mtime(notebook, "2026-03-01-acme.md") == OLD_TIME


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["merge", "sql"], "give the names to merge, then the name to merge them into"),
        (["rename", "sql", "  "], "the new name must be one line of text, got ''"),
        (["rename", "sql", "a\nb"], "the new name must be one line of text, got 'a\\nb'"),
        (["rename", "--", "-", "b"], "not a name: '-'"),
    ],
)
def test_misuse_exits_2(notebook: Path, args: list[str], message: str) -> None:
    result = run_cli("tags", *args)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == f"Error: {message}"


def test_list_groups_spellings_by_name(notebook: Path) -> None:
    result = run_cli("tags", "list")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "Weak spots\n"
        "  sql            2  sql (2), SQL (1)\n"
        "  system-design  2  System Design (1), system-design (1)\n"
        "  estimation     1  estimation\n"
        "\n"
        "Strengths\n"
        "  system-design  2  System Design (1), system_design (1)\n"
    )


def test_list_applies_the_aliases(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = write_notebook(
        tmp_path / "nb",
        {"a.md": "---\ncompany: A\nrole: B\ndate: 2026-03-01\nweak_spots: [sysdesign, sql]\n---\n"},
        "aliases: {sysdesign: system design}",
    )
    monkeypatch.chdir(root)
    result = run_cli("tags", "list")
    assert result.exit_code == 0, result.output
    assert result.stdout == "Weak spots\n  sql            1  sql\n  system-design  1  sysdesign\n"


def test_list_fails_on_entry_errors(notebook: Path) -> None:
    (notebook / "entries" / "2026-03-04-bad.md").write_bytes(BAD)
    result = run_cli("tags", "list")
    assert result.exit_code == 1
    assert result.stderr.startswith("entries/2026-03-04-bad.md:3: error: invalid YAML")
