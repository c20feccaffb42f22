"""`debrief stats`: counts, statuses and the feeling line, counted by hand from the fixture."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generator.aggregate import aggregate
from generator.cli import stats as stats_module
from generator.entry.read import read_notebook
from generator.render.terminal import format_stats, pad, sparkline, width
from generator.settings import Settings
from tests.conftest import run_cli, write_notebook

ENTRIES = {
    "2026-09-01-acme.md": (
        "---\ncompany: Acme\nrole: Dev\ndate: 2026-09-01\nstage: technical\noutcome: rejected\n"
        "feeling: 2\nweak_spots: [system design, estimation]\n---\n"
    ),
    "2026-09-15-globex.md": (
        "---\ncompany: Globex\nrole: Dev\ndate: 2026-09-15\nstage: onsite\noutcome: advanced\n"
        "feeling: 4\nweak_spots: [System_Design]\nstrengths: [communication]\n---\n"
    ),
    "2026-10-01-initech.md": (
        "---\ncompany: Initech\nrole: Dev\ndate: 2026-10-01\nstage: Technical\noutcome: offer\n"
        "feeling: 5\nweak_spots: [sql]\nstrengths: [estimation]\n---\n"
    ),
    "2026-10-20-hooli.md": (
        "---\ncompany: Hooli\nrole: Dev\ndate: 2026-10-20\nweak_spots: nerves\n---\n"
    ),
}
# system-design twice (recurring); estimation once, then a strength later (resolved);
# sql and nerves once (one-off), nerves seen last. Feelings 2, 4, 5: average 11/3.
EXPECTED = (
    "Entries   4, from 2026-09-01 to 2026-10-20\n"
    "Outcome   pending 1, advanced 1, offer 1, rejected 1\n"
    "Stage     technical 2, no stage 1, onsite 1\n"
    "Feeling   ▂▄▅  2 4 5  (last 3, average 3.7)\n"
    "Feedback  not asked for yet\n"
    "\n"
    "Weak spots\n"
    "  system-design  2  recurring\n"
    "  nerves         1  one-off\n"
    "  sql            1  one-off\n"
    "  estimation     1  resolved\n"
)


@pytest.fixture
def notebook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = write_notebook(tmp_path / "nb", ENTRIES)
    monkeypatch.chdir(root)
    return root


def test_stats(notebook: Path) -> None:
    result = run_cli("stats", "--today", "2026-11-01")
    assert result.exit_code == 0, result.output
    assert result.stdout == EXPECTED


def test_last_limits_the_feeling_line(notebook: Path) -> None:
    result = run_cli("stats", "--last", "2", "--today", "2026-11-01")
    assert result.stdout.splitlines()[3] == "Feeling   ▄▅  4 5  (last 2, average 4.5)"


def test_colour_only_when_asked(notebook: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert "\x1b[" not in run_cli("stats", "--today", "2026-11-01").stdout
    monkeypatch.setattr(stats_module, "use_color", lambda: True)
    coloured = run_cli("stats", "--today", "2026-11-01").stdout
    assert "\x1b[31mrecurring\x1b[0m" in coloured
    assert "\x1b[32mresolved\x1b[0m" in coloured


def test_top_and_pure_formatting(notebook: Path) -> None:
    entries = read_notebook(notebook / "entries", notebook).entries
    insights = aggregate(entries, Settings(root=notebook), date(2026, 11, 1))
    text = format_stats(insights, top=2)
    assert text.endswith(
        "Weak spots (top 2 of 4)\n  system-design  2  recurring\n  nerves         1  one-off\n"
    )


def test_an_empty_notebook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(write_notebook(tmp_path / "nb", {}))
    result = run_cli("stats")
    assert result.exit_code == 0
    assert result.stdout == "No entries yet: write the first with 'debrief new'.\n"


def test_no_feelings_and_no_weak_spots(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    entry = "---\ncompany: Acme\nrole: Dev\ndate: 2026-09-01\n---\n"
    monkeypatch.chdir(write_notebook(tmp_path / "nb", {"a.md": entry}))
    result = run_cli("stats", "--today", "2026-11-01")
    assert result.stdout == (
        "Entries   1, from 2026-09-01 to 2026-09-01\n"
        "Outcome   pending 1\n"
        "Stage     no stage 1\n"
        "Feeling   not recorded yet\n"
        "Feedback  not asked for yet\n"
        "\n"
        "Weak spots: none written down yet\n"
    )


def test_sparkline_and_widths() -> None:
    assert sparkline([1, 2, 3, 4, 5]) == "▁▂▃▄▅"
    assert (width("abc"), width("日本"), width("e\u0301")) == (3, 4, 1)
    assert pad("日本", 6) == "日本  "


def test_the_feedback_response_rate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    head = "---\ncompany: Acme\nrole: Dev\ndate: 2026-10-01\n"
    entries = {
        # asked, answered: a request and an answer
        "a.md": head + "thank_you: {sent: 2026-10-01, asked_feedback: true}\n"
        "feedback: {received: 2026-10-09}\n---\n",
        # asked, they said none will come: a request, no answer
        "b.md": head + "thank_you: {sent: 2026-10-01, asked_feedback: true}\n"
        "feedback: {none: true}\n---\n",
        # asked on 10-01, nothing by 11-01 (31 >= 21 days): given up, no answer
        "c.md": head + "thank_you: {sent: 2026-10-01, asked_feedback: true}\n---\n",
        # asked on 10-25: 7 days, still waiting
        "d.md": head + "thank_you: {sent: 2026-10-25, asked_feedback: true}\n---\n",
        # feedback that came without being asked for: no request
        "e.md": head + "thank_you: {sent: 2026-10-01}\nfeedback: {received: 2026-10-05}\n---\n",
    }
    monkeypatch.chdir(write_notebook(tmp_path / "nb", entries))
    result = run_cli("stats", "--today", "2026-11-01")
    assert result.exit_code == 0, result.output
    assert "Feedback  1 of 4 requests answered (25%), 1 waiting\n" in result.stdout


def test_a_long_weak_spot_overflows_its_own_row_not_every_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A 46-column name, past the 32-column cap: `sql` keeps a 3-column name column.
    long = "a very long weak spot name that goes on and on"
    entries = {
        "2026-09-01-acme.md": "---\ncompany: Acme\nrole: Dev\ndate: 2026-09-01\n"
        f"weak_spots: [sql, {long}]\n---\n",
        "2026-09-02-globex.md": "---\ncompany: Globex\nrole: Dev\ndate: 2026-09-02\n"
        "weak_spots: [sql]\n---\n",
    }
    monkeypatch.chdir(write_notebook(tmp_path / "nb", entries))
    stats = run_cli("stats", "--today", "2026-11-01").stdout
    assert stats.endswith(
        "Weak spots\n"
        "  sql  2  recurring\n"
        "  a-very-long-weak-spot-name-that-goes-on-and-on  1  one-off\n"
    )
    assert run_cli("tags", "list").stdout == (
        f"Weak spots\n  sql  2  sql\n  a-very-long-weak-spot-name-that-goes-on-and-on  1  {long}\n"
    )
