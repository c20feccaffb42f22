"""`debrief export --format json` is a backup: the notebook is rebuilt from it, whole.

The demo notebook uses every field; the rebuilt entries must parse into the very same
models, bodies and paths. A share's export holds only what a share holds.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli.main import cli
from generator.entry.read import read_notebook
from generator.render.data import entry_file
from tests.conftest import write_notebook


def export(root: Path, *args: str) -> dict[str, object]:
    result = CliRunner().invoke(
        cli, ["export", "--config", str(root / "mkdocs.yml"), "--today", "2026-12-01", *args]
    )
    assert result.exit_code == 0, result.output
    data: dict[str, object] = json.loads(result.stdout)
    return data


def rebuild(data: dict[str, object], root: Path) -> Path:
    """A notebook written from the export alone."""
    target = write_notebook(root, {})
    for record in data["entries"]:  # type: ignore[attr-defined]
        path = target / record["path"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(entry_file(record))
    return target


def test_the_demo_notebook_is_rebuilt_whole(demo_notebook: Path, tmp_path: Path) -> None:
    original = read_notebook(demo_notebook / "entries", demo_notebook)
    assert original.diagnostics == []
    copy = rebuild(export(demo_notebook), tmp_path / "copy")
    rebuilt = read_notebook(copy / "entries", copy)
    assert rebuilt.diagnostics == []
    assert len(rebuilt.entries) == len(original.entries) == 13  # the private one too
    for before, after in zip(original.entries, rebuilt.entries, strict=True):
        assert (after.slug, after.path) == (before.slug, before.path)
        assert after.meta == before.meta, before.path
        assert after.body == before.body, before.path


def test_every_field_and_the_body_are_in_the_export(demo_notebook: Path) -> None:
    data = export(demo_notebook)
    [onsite] = [e for e in data["entries"] if e["slug"] == "2026-07-08-northwind-onsite"]  # type: ignore[attr-defined]
    front = onsite["front_matter"]
    # what the export used to leave out
    for key in (
        "interviewers", "signals", "do_differently", "reflected", "thank_you", "feedback",
        "tags", "discussed_with", "questions",
    ):  # fmt: skip
        assert front[key], key
    assert front["questions"][0]["answer"].startswith("Drivers' phones post positions")
    assert front["lessons"][0] == {
        "lesson": "A design answer needs a data model before it needs arrows.",
        "about": ["system design"],
    }
    assert front["feedback"]["received"] == "2026-07-20"
    assert onsite["path"] == "entries/2026-07-08-northwind-onsite.md"
    assert onsite["body"].strip()


def test_odd_text_survives_the_round_trip(tmp_path: Path) -> None:
    text = (
        "---\ncompany: 'Acme: \"the\" one'\nrole: '# not a comment'\ndate: 2026-03-01\n"
        "questions:\n  - question: |\n      Two\n      lines?\n    rating: 1\n"
        "lessons: [{lesson: 'yes', about: ['null', '123']}]\ntags: ['2026', 'true']\n"
        "---\n\n# Notes\n\n---\nA rule above, and tabs\there. Ünïcödé 日本語\n"
    )
    root = write_notebook(tmp_path / "nb", {"2026-03-01-acme.md": text})
    copy = rebuild(export(root), tmp_path / "copy")
    [before] = read_notebook(root / "entries", root).entries
    [after] = read_notebook(copy / "entries", copy).entries
    assert after.meta == before.meta
    assert after.body == before.body
    assert after.meta.tags == ["2026", "true"]


@pytest.mark.parametrize("audience", ["share"])
def test_the_share_export_holds_only_what_a_share_holds(demo_notebook: Path, audience: str) -> None:
    data = export(demo_notebook, "--audience", audience)
    slugs = [e["slug"] for e in data["entries"]]  # type: ignore[attr-defined]
    assert "2026-08-12-quillfeather-technical" not in slugs  # private
    assert len(slugs) == 12
    text = json.dumps(data, ensure_ascii=False)
    assert "Quillfeather" not in text
    for record in data["entries"]:  # type: ignore[attr-defined]
        assert record["front_matter"]["interviewers"] == []
        assert record["front_matter"]["discussed_with"] == []
        assert "<!--" not in record["body"]


def test_misuse_names_the_argument_as_the_usage_line_does(tmp_path: Path) -> None:
    # The usage line says `[OUT]`: the errors name OUT, not an OUT_DIR shown nowhere.
    cases = [
        (["--format", "markdown"], "Error: --format markdown needs a folder OUT to write into\n"),
        (["--format", "json", str(tmp_path)], "Error: --format json prints to stdout: no OUT\n"),
    ]
    for args, message in cases:
        result = CliRunner().invoke(cli, ["export", *args])
        assert result.exit_code == 2
        assert " export [OPTIONS] [OUT]\n" in result.stderr
        assert result.stderr.endswith(message)
