"""`debrief export --format anki`: the deck read back with sqlite3 from the .apkg zip."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli.main import cli
from tests.conftest import write_notebook
from tests.test_drill_cards import ACME, GLOBEX

PRIVATE = """---
company: Hooli Café & Co
role: Engineer
date: 2026-09-20
private: true
questions:
  - {question: What is our secret sauce?, rating: 1, better: Ask them.}
---
"""


@pytest.fixture
def notebook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = write_notebook(
        tmp_path / "nb",
        {
            "2026-09-01-acme.md": ACME,
            "2026-09-10-globex.md": GLOBEX,
            "2026-09-20-hooli.md": PRIVATE,
        },
    )
    monkeypatch.chdir(root)
    return root


def export(path: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["export", "--format", "anki", *args, str(path)])
    assert result.exit_code == 0, result.output
    return result.stderr


def deck(path: Path, tmp: Path) -> tuple[list[tuple[str, list[str], str]], list[str]]:
    """(guid, fields, tags) of every note, ordered by the question, and the deck names."""
    with zipfile.ZipFile(path) as archive:  # an .apkg is a zip around an SQLite file
        archive.extract("collection.anki2", tmp)
    with sqlite3.connect(tmp / "collection.anki2") as db:
        notes = db.execute("SELECT guid, flds, tags FROM notes").fetchall()
        decks = json.loads(db.execute("SELECT decks FROM col").fetchone()[0])
    rows = sorted(((g, f.split("\x1f"), t.strip()) for g, f, t in notes), key=lambda r: r[1][0])
    return rows, sorted(d["name"] for d in decks.values())


def test_one_note_per_card_with_its_fields_tags_and_deck(notebook: Path, tmp_path: Path) -> None:
    out = tmp_path / "cards.apkg"
    assert export(out) == "Wrote 6 cards to the deck 'Test notebook' in " + str(out) + "\n"
    notes, decks = deck(out, tmp_path / "x")
    assert decks == ["Default", "Test notebook"]
    assert [n[1][0] for n in notes] == [
        "A join question.",
        "Design a cache.",
        "Design a rate limiter.",
        "How many QPS?",
        "What is our secret sauce?",  # a private entry's card is in the owner's deck
        "Why us?",
    ]
    limiter = notes[2]
    # Question, Interview, Next time, I answered, Lessons, Card (the card's id).
    assert limiter[1][:5] == [
        "Design a rate limiter.",
        "Acme · 2026-09-01 · System Design",
        "Token bucket per key.",
        "Fixed window.",
        "<ul><li>Ask about scale first.</li></ul>",
    ]
    assert len(limiter[1][5]) == 12
    assert limiter[2] == "weak-spot::system-design topic::system-design company::acme"
    assert notes[1][2] == "topic::caching company::globex"  # caching is no weak spot
    assert notes[3][1][3] == "No idea."
    # Tags hold no spaces; the notebook's normal form keeps every letter and symbol.
    assert notes[4][2] == "company::hooli-café-&-co"
    assert notes[4][1][1] == "Hooli Café &amp; Co · 2026-09-20"  # fields are HTML


def test_guids_survive_reordering_and_edits_so_a_new_import_updates(
    notebook: Path, tmp_path: Path
) -> None:
    first = tmp_path / "first.apkg"
    export(first)
    before = {n[1][0]: n[0] for n in deck(first, tmp_path / "a")[0]}
    globex = notebook / "entries" / "2026-09-10-globex.md"
    text = globex.read_text()
    qps = "  - {question: How many QPS?, topic: estimation, rating: 3, answer: No idea.}\n"
    globex.write_text(
        text.replace(qps, "").replace(
            "questions:\n", "questions:\n" + qps.replace("No idea.", "Ten thousand.")
        )
    )
    acme = notebook / "entries" / "2026-09-01-acme.md"
    acme.write_text(acme.read_text().replace("role: Engineer", "role: Staff engineer"))
    second = tmp_path / "second.apkg"
    export(second)
    notes = deck(second, tmp_path / "b")[0]
    assert {n[1][0]: n[0] for n in notes} == before
    assert len(set(before.values())) == 6
    assert [n[1][3] for n in notes if n[1][0] == "How many QPS?"] == ["Ten thousand."]


def test_the_share_deck_leaves_private_entries_out(notebook: Path, tmp_path: Path) -> None:
    out = tmp_path / "share.apkg"
    assert export(out, "--audience", "share").startswith("Wrote 5 cards")
    questions = [n[1][0] for n in deck(out, tmp_path / "x")[0]]
    assert "What is our secret sauce?" not in questions
    # Not in any table either (the archive is compressed: read the database itself).
    assert b"Hooli" not in (tmp_path / "x" / "collection.anki2").read_bytes()


def test_anki_needs_a_file(notebook: Path, tmp_path: Path) -> None:
    for args in ([], [str(tmp_path)]):
        result = CliRunner().invoke(cli, ["export", "--format", "anki", *args])
        assert result.exit_code == 2
        assert result.stderr.endswith(
            "Error: --format anki needs a FILE.apkg to write the deck into\n"
        )
