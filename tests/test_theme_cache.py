"""The theme's compiled templates are kept on disk between builds (plugin/theme_cache.py):
a second build compiles none of them, an edited template is compiled again, and a cache
folder that can't be used costs nothing but the compiling."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import jinja2
import pytest

from generator.plugin.theme_cache import disk_cache
from tests.conftest import copy_demo, run_cli


@pytest.fixture
def compiled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The names of the templates Jinja2 compiles, with a temporary folder of its own."""
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    disk_cache.cache_clear()
    names: list[str] = []
    compile_ = jinja2.Environment.compile

    def spy(self: jinja2.Environment, source: str, name: str | None = None, *a: object) -> object:
        names.append(name or "")
        return compile_(self, source, name, *a)  # type: ignore[arg-type]

    monkeypatch.setattr(jinja2.Environment, "compile", spy)
    yield names
    disk_cache.cache_clear()


def build(root: Path) -> None:
    result = run_cli("build", "-f", str(root / "mkdocs.yml"), "--today", "2026-12-01")
    assert result.exit_code == 0, result.output


def test_a_second_build_compiles_no_template(tmp_path: Path, compiled: list[str]) -> None:
    root = copy_demo(tmp_path / "demo")
    build(root)
    # (The pages' own templates may be compiled already: Jinja2 keeps them per process.)
    assert "main.html" in compiled
    cache = Path(tempfile.gettempdir()) / f"_jinja2-cache-{os.getuid()}"
    assert len(list(cache.glob("__jinja2_*.cache"))) >= len(set(compiled))
    assert (cache.stat().st_mode & 0o777) == 0o700
    compiled.clear()
    build(root)
    assert compiled == []


def test_an_edited_template_is_compiled_again(tmp_path: Path, compiled: list[str]) -> None:
    root = copy_demo(tmp_path / "demo")
    overrides = root / "overrides"
    overrides.mkdir()
    (overrides / "main.html").write_text(
        '{% extends "base.html" %}{% block content %}FIRST{{ super() }}{% endblock %}'
    )
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "  name: material\n", "  name: material\n  custom_dir: overrides\n", 1
        )
    )
    build(root)
    assert "FIRST" in (root / "site" / "index.html").read_text()
    (overrides / "main.html").write_text(
        '{% extends "base.html" %}{% block content %}SECOND{{ super() }}{% endblock %}'
    )
    compiled.clear()
    build(root)
    assert compiled == ["main.html"]
    assert "SECOND" in (root / "site" / "index.html").read_text()


def test_the_cache_folder_is_kept_private_and_one_that_is_no_folder_is_not_used(
    tmp_path: Path, compiled: list[str]
) -> None:
    cache = Path(tempfile.gettempdir()) / f"_jinja2-cache-{os.getuid()}"
    cache.mkdir()
    cache.chmod(0o777)  # Jinja2 takes it back to 0700 when the folder is ours ...
    build(copy_demo(tmp_path / "demo"))
    assert (cache.stat().st_mode & 0o777) == 0o700
    disk_cache.cache_clear()
    # ... and a file where the folder should be is no folder: compiled as before.
    other = tmp_path / "other"
    other.mkdir()
    (other / f"_jinja2-cache-{os.getuid()}").write_text("not a folder")
    tempfile.tempdir = str(other)
    compiled.clear()
    build(copy_demo(tmp_path / "demo2"))
    assert "main.html" in compiled


def test_the_theme_listing_is_walked_again_only_when_a_folder_changed(tmp_path: Path) -> None:
    from generator.plugin.theme_cache import ThemeListing

    theme = tmp_path / "theme"
    (theme / "a" / "b").mkdir(parents=True)
    (theme / "a" / "b" / "x.css").write_text("x")
    walks: list[int] = []

    def walk() -> list[str]:
        walks.append(1)
        return jinja2.FileSystemLoader([str(theme)]).list_templates()

    listing = ThemeListing()
    assert listing.names([str(theme)], walk) == ["a/b/x.css"]
    assert listing.names([str(theme)], walk) == ["a/b/x.css"]
    assert len(walks) == 1
    (theme / "a" / "b" / "x.css").write_text("edited")  # the same files: no new walk
    assert listing.filtered("k", listing.names([str(theme)], walk), bool) == ["a/b/x.css"]
    assert len(walks) == 1
    (theme / "a" / "b" / "y.css").write_text("y")  # deep inside
    assert listing.names([str(theme)], walk) == ["a/b/x.css", "a/b/y.css"]
    assert listing.filtered("k", listing.names([str(theme)], walk), bool) == [
        "a/b/x.css",
        "a/b/y.css",
    ]
    (theme / "a" / "b" / "x.css").unlink()
    assert listing.names([str(theme)], walk) == ["a/b/y.css"]
    assert listing.names([str(theme), str(tmp_path)], walk)  # other folders: walked again
    assert len(walks) == 4
