"""The notebook outlives its engines (issue 12).

mkdocs-material announces its end of life for 2027 and MkDocs 2.0 drops plugins. Two
ways out are built here from the demo notebook, and each must give the very pages
`debrief build` gives:

- ProperDocs, the maintained fork of MkDocs 1.x, runs the `debrief` plugin unchanged.
  No adapter: ProperDocs reads plugins from the `mkdocs.plugins` entry points too, and
  maps every `import mkdocs...` to its own modules (properdocs/replacement.py), so the
  plugin's `BasePlugin`, `File` and events are ProperDocs' own.
- Zensical, mkdocs-material's successor, runs no third-party plugin; it builds the
  output of `debrief export --format markdown` from the mkdocs.yml the export writes.
  No adapter either: it reads that mkdocs.yml as it is.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import copy_demo, run_cli

TODAY = "2026-11-30"
# What each engine leaves of a generated block it did not fill in (render/placeholders.py).
PLACEHOLDER = "debrief-part-"


def pages(site: Path) -> set[str]:
    """The pages of a built site, by their path in it (`entries/x/index.html`)."""
    return {path.relative_to(site).as_posix() for path in site.rglob("*.html")}


def engine(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """An engine's command line, run from the Python of the tests (its test extra)."""
    return subprocess.run(
        [sys.executable, "-m", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "DEBRIEF_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
        timeout=300,
    )


def debrief(*args: str, cwd: Path) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(cwd)
        patch.setenv("DEBRIEF_TODAY", TODAY)
        result = run_cli(*args)
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def debrief_pages(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    root = copy_demo(tmp_path_factory.mktemp("debrief"))
    debrief("build", cwd=root)
    return pages(root / "site")


def test_the_demo_has_the_pages_this_test_compares(debrief_pages: set[str]) -> None:
    # 13 entries, 9 weak spots, 8 companies, 8 overview pages (Practice among them), the
    # hand-written method page and MkDocs' 404: a comparison of two empty sets would
    # prove nothing.
    assert len(debrief_pages) == 13 + 9 + 8 + 8 + 1 + 1
    assert {"index.html", "404.html", "entries/2026-11-12-fernbank-case/index.html"} <= (
        debrief_pages
    )


def test_properdocs_runs_the_plugin_unchanged(tmp_path: Path, debrief_pages: set[str]) -> None:
    root = copy_demo(tmp_path / "demo")
    built = engine("properdocs", "build", "-f", "mkdocs.yml", cwd=root)
    assert built.returncode == 0, built.stderr
    assert pages(root / "site") == debrief_pages
    unfilled = [
        path
        for path in pages(root / "site")
        if PLACEHOLDER in (root / "site" / path).read_text(encoding="utf-8")
    ]
    assert unfilled == []
    fernbank = (root / "site" / "entries" / "2026-11-12-fernbank-case" / "index.html").read_text(
        encoding="utf-8"
    )
    assert '<p class="debrief-crumbs"' in fernbank  # a generated block, filled in


def test_zensical_builds_the_markdown_export(tmp_path: Path, debrief_pages: set[str]) -> None:
    root = copy_demo(tmp_path / "demo")
    out = tmp_path / "exported"
    debrief("export", "--format", "markdown", str(out), "--today", TODAY, cwd=root)
    built = engine("zensical", "build", "-f", "mkdocs.yml", cwd=out)
    assert built.returncode == 0, built.stdout + built.stderr
    assert pages(out / "site") == debrief_pages
