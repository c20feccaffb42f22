"""Shared fixtures and helpers: the demo copy, a small notebook, the CLI runner, the entry
builder. Helpers for one area live in that area's test module."""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from generator.cli.main import cli
from generator.entry.read import Entry, entry_from_bytes
from generator.plugin.run import RunOptions

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def demo_notebook(tmp_path: Path) -> Path:
    """A copy of the demo notebook (mkdocs.yml, notebook/, entries/) in a temporary folder."""
    return copy_demo(tmp_path / "demo")


def copy_demo(target: Path) -> Path:
    """The demo notebook copied into `target` (made if missing); returns `target`."""
    target.mkdir(parents=True, exist_ok=True)
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


def site_files(site: Path) -> dict[str, bytes]:
    """Every file of a built site, by its path in the site."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def build_with(
    root: Path, monkeypatch: pytest.MonkeyPatch, options: RunOptions
) -> dict[str, bytes]:
    """`root` built by MkDocs in this process with the plugin's `options` (the tests that
    turn a shortcut off to show it changes nothing), on 2026-12-01; the site's files."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    monkeypatch.chdir(root)
    monkeypatch.setenv("DEBRIEF_TODAY", "2026-12-01")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(root / "mkdocs.yml"))
    config.plugins["debrief"].options = options  # type: ignore[attr-defined]
    build(config)
    return site_files(root / "site")


def run_cli(
    *args: str, input: str | None = None, env: Mapping[str, str | None] | None = None
) -> Result:
    """`debrief ARGS` in this process through Click's CliRunner; an unexpected exception
    is raised, not kept in the result, so that a traceback fails the test."""
    return CliRunner().invoke(cli, list(args), input=input, env=env, catch_exceptions=False)


def entry_from_text(text: str, slug: str = "x", *, path: str | None = None) -> Entry:
    """The entry a file holding `text` makes; it must be readable, with no problem at all."""
    made, problems = entry_from_bytes(text.encode(), path or f"entries/{slug}.md", slug)
    assert problems == [], [p.format() for p in problems]
    assert made is not None
    return made


def make_entry(
    slug: str,
    day: str,
    extra: str = "",
    *,
    company: str = "Acme",
    role: str = "Engineer",
    folder: str = "",
) -> Entry:
    """An entry of `company`, `role` and `day`, with `extra` front matter lines."""
    text = f"---\ncompany: {company}\nrole: {role}\ndate: {day}\n{extra}---\n"
    return entry_from_text(text, slug, path=f"entries/{folder}{slug}.md")
