"""Shared fixtures. Helpers for one area live in that area's test module."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def demo_notebook(tmp_path: Path) -> Path:
    """A copy of the demo notebook (mkdocs.yml, notebook/, entries/) in a temporary folder."""
    return copy_demo(tmp_path / "demo")


def copy_demo(target: Path) -> Path:
    target.mkdir(parents=True)
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(REPO / "notebook", target / "notebook")
    shutil.copytree(REPO / "entries", target / "entries")
    return target


def write_notebook(root: Path, entries: dict[str, str], plugin_options: str = "") -> Path:
    """A minimal notebook: mkdocs.yml, notebook/index.md and the given entry files."""
    root.mkdir(parents=True, exist_ok=True)
    options = "\n".join("      " + line for line in plugin_options.strip().splitlines())
    (root / "mkdocs.yml").write_text(
        "site_name: Test notebook\n"
        "docs_dir: notebook\n"
        "theme:\n  name: material\n  font: false\n"
        "plugins:\n  - search\n  - debrief" + (":\n" + options if options else "") + "\n",
        encoding="utf-8",
    )
    (root / "notebook").mkdir(exist_ok=True)
    (root / "notebook" / "index.md").write_text("# Test notebook\n", encoding="utf-8")
    (root / "entries").mkdir(exist_ok=True)
    for name, text in entries.items():
        path = root / "entries" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
    return root
