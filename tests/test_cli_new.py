"""`debrief new`: a valid entry, never an overwrite, an editor only when asked and possible."""

from __future__ import annotations

import os
import stat
from datetime import date
from pathlib import Path

import pytest

from generator.cli import new as new_module
from generator.edit.atomic import create_new
from generator.edit.capture import entry_stem
from generator.entry.read import read_entry
from tests.conftest import run_cli, write_notebook

ACME = ["new", "--company", "Acme", "--role", "Backend engineer", "--date", "2026-11-01"]


@pytest.fixture
def notebook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = write_notebook(tmp_path / "nb", {})
    monkeypatch.chdir(root)
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    return root


@pytest.fixture
def editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """EDITOR is a script that writes the file it was given into a marker file."""
    marker = tmp_path / "editor-called"
    script = tmp_path / "editor.sh"
    script.write_text(f'#!/bin/sh\nprintf "%s" "$1" > "{marker}"\n', encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("EDITOR", str(script))
    return marker


def in_terminal(monkeypatch: pytest.MonkeyPatch, stdin: bool = True, stdout: bool = True) -> None:
    monkeypatch.setattr(new_module, "_terminal", lambda: (stdin, stdout))


def test_creates_a_valid_entry_and_prints_its_path(notebook: Path) -> None:
    result = run_cli(*ACME, "--stage", "On-site", "--format", "video")
    assert result.exit_code == 0, result.output
    assert result.stdout == "entries/2026-11-01-acme-on-site.md\n"
    path = notebook / "entries" / "2026-11-01-acme-on-site.md"
    entry, diagnostics = read_entry(path, notebook)
    assert diagnostics == []
    assert entry is not None
    meta = entry.meta
    assert (meta.company, meta.role, meta.date) == ("Acme", "Backend engineer", date(2026, 11, 1))
    assert (meta.stage, meta.format, meta.outcome) == ("On-site", "video", "pending")
    assert (meta.questions, meta.weak_spots, meta.reflected) == ([], [], None)
    text = path.read_text(encoding="utf-8")
    for prompt in (
        "\n<!-- The questions asked, in their words, and what came after each. -->\n",
        "\n<!-- What you answered, including what you got wrong or left out. -->\n",
        "\n<!-- How the interviewer reacted: nods, follow-ups, pushback, silence, the clock. -->\n",
        "\n<!-- What you would do differently, concretely. -->\n",
        "# The questions asked",
        "signals: []                # how the interviewer reacted",
        "do_differently: []         # what you would do differently",
    ):
        assert prompt in text


def test_the_created_file_passes_check(notebook: Path) -> None:
    run_cli(*ACME, "--stage", "onsite")
    run_cli("new", "--company", "Globex: EU", "--role", "1984", "--date", "2026-11-02")
    result = run_cli("check", "--today", "2026-11-02")
    assert result.exit_code == 0, result.output
    assert result.stdout == "2 entries checked, no problems\n"


def test_without_a_stage_the_name_is_date_and_company(notebook: Path) -> None:
    result = run_cli(
        "new", "--company", "Société Générale (EU)", "--role", "Dev", "--date", "2026-11-01"
    )
    assert result.stdout == "entries/2026-11-01-societe-generale-eu.md\n"


def test_never_overwrites_the_same_day_company_and_stage(notebook: Path) -> None:
    outputs = [run_cli(*ACME, "--stage", "onsite").stdout for _ in range(3)]
    assert outputs == [
        "entries/2026-11-01-acme-onsite.md\n",
        "entries/2026-11-01-acme-onsite-2.md\n",
        "entries/2026-11-01-acme-onsite-3.md\n",
    ]
    assert sorted(os.listdir(notebook / "entries")) == [
        "2026-11-01-acme-onsite-2.md",
        "2026-11-01-acme-onsite-3.md",
        "2026-11-01-acme-onsite.md",
    ]


def test_an_existing_file_keeps_its_content(notebook: Path) -> None:
    mine = notebook / "entries" / "2026-11-01-acme-onsite.md"
    mine.write_bytes(b"my notes")
    result = run_cli(*ACME, "--stage", "onsite")
    assert result.stdout == "entries/2026-11-01-acme-onsite-2.md\n"
    assert mine.read_bytes() == b"my notes"


def test_a_page_name_used_in_a_subfolder_is_skipped(notebook: Path) -> None:
    (notebook / "entries" / "2025").mkdir()
    (notebook / "entries" / "2025" / "2026-11-01-acme.md").write_bytes(b"---\n---\n")
    result = run_cli(*ACME)
    assert result.stdout == "entries/2026-11-01-acme-2.md\n"


def test_create_new_leaves_no_temporary_file(tmp_path: Path) -> None:
    first = create_new(tmp_path, "2026-11-01-acme", b"one")
    second = create_new(tmp_path, "2026-11-01-acme", b"two")
    assert (first.name, second.name) == ("2026-11-01-acme.md", "2026-11-01-acme-2.md")
    assert (first.read_bytes(), second.read_bytes()) == (b"one", b"two")
    assert sorted(os.listdir(tmp_path)) == ["2026-11-01-acme-2.md", "2026-11-01-acme.md"]


def test_entry_stem() -> None:
    assert entry_stem(date(2026, 1, 2), "Acme Corp.", "Final round!") == (
        "2026-01-02-acme-corp-final-round"
    )
    assert entry_stem(date(2026, 1, 2), "株式会社", "面接") == "2026-01-02-interview"


def test_without_options_and_without_a_terminal_is_misuse(notebook: Path) -> None:
    result = run_cli("new")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "Error: --company and --role are required when not in a terminal"
    )
    assert os.listdir(notebook / "entries") == []


def test_in_a_terminal_it_asks(notebook: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    in_terminal(monkeypatch, stdout=False)
    result = run_cli("new", input="\nAcme\nBackend engineer\n2026-11-01\nonsite\n\n")
    assert result.exit_code == 0, result.output
    assert result.stdout == "entries/2026-11-01-acme-onsite.md\n"  # prompts go to stderr
    assert result.stderr.startswith("Company: \nCompany is required.\nCompany: Acme\nRole: ")
    entry, diagnostics = read_entry(notebook / "entries" / "2026-11-01-acme-onsite.md", notebook)
    assert diagnostics == []
    assert entry is not None
    assert (entry.meta.company, entry.meta.stage, entry.meta.format) == ("Acme", "onsite", None)


def test_no_edit_does_not_open_the_editor(
    notebook: Path, editor: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    in_terminal(monkeypatch)
    result = run_cli(*ACME, "--no-edit")
    assert result.exit_code == 0, result.output
    assert not editor.exists()


def test_the_editor_opens_the_new_entry_in_a_terminal(
    notebook: Path, editor: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    in_terminal(monkeypatch)
    result = run_cli(*ACME)
    assert result.exit_code == 0, result.output
    assert editor.read_text(encoding="utf-8") == str(notebook / "entries" / "2026-11-01-acme.md")


def test_no_editor_when_output_is_not_a_terminal(
    notebook: Path, editor: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    in_terminal(monkeypatch, stdout=False)
    assert run_cli(*ACME).exit_code == 0
    assert not editor.exists()


def test_a_failing_editor_says_where_the_entry_is(
    notebook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    in_terminal(monkeypatch)
    monkeypatch.setenv("VISUAL", "false")
    result = run_cli(*ACME)
    assert result.exit_code == 1
    assert (
        result.stderr
        == "Error: false: Editing failed; the entry is at entries/2026-11-01-acme.md\n"
    )
    assert (notebook / "entries" / "2026-11-01-acme.md").exists()


def test_a_date_in_the_future_is_warned_about(notebook: Path) -> None:
    result = run_cli("new", "--company", "Acme", "--role", "Dev", "--date", "2999-01-01")
    assert result.exit_code == 0
    assert result.stderr == (
        "warning: 2999-01-01 is in the future; a debrief is written after the interview\n"
    )


def test_a_missing_notebook_is_misuse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_cli(*ACME)
    assert result.exit_code == 2
    assert "mkdocs.yml: no such file" in result.stderr
