"""`debrief export --audience share` holds no more than `debrief share` does."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import run_cli
from tests.test_share import found_markers, notebook

__all__ = ["notebook"]  # the fixture, shared with the share tests


def test_markdown_export_for_a_share_has_no_private_place(notebook: Path, tmp_path: Path) -> None:
    out = tmp_path / "export"
    result = run_cli("export", "--format", "markdown", "--audience", "share", str(out))
    assert result.exit_code == 0, result.output
    assert found_markers(out) == []
    # The public entry's attachment came along, the private and unused ones did not.
    assert sorted(p.name for p in (out / "docs" / "entries").glob("*.png")) == [
        "2026-03-02-qqvacme-technical-1.png"
    ]
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(out / "mkdocs.yml")],
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    assert built.returncode == 0, built.stderr
    assert found_markers(out / "site") == []


def test_json_export_for_a_share_has_no_private_place(notebook: Path, tmp_path: Path) -> None:
    result = run_cli("export", "--format", "json", "--audience", "share")
    assert result.exit_code == 0, result.output
    assert "zqx" not in result.stdout.lower()
    assert "zqx" in run_cli("export", "--format", "json").stdout.lower()  # the owner sees them
