"""`debrief followups` on a fixed day; every due date below is counted by hand.

Default delays: a thank-you note 1 day after the interview, a reflection 1 day
after, feedback 7 days after the note. Today is 2026-11-03.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli, write_notebook

TODAY = ["--today", "2026-11-03"]
HOOLI_DONE = (
    "---\ncompany: Hooli\nrole: Data engineer\ndate: 2026-10-15\nreflected: 2026-10-16\n"
    "thank_you: {sent: 2026-10-16, asked_feedback: false}\n---\n"
)
ENTRIES = {
    # note sent 10-02 asking for feedback, none yet: feedback due 10-09, overdue
    "2026-10-01-acme-screen.md": (
        "---\ncompany: Acme\nrole: Backend engineer\ndate: 2026-10-01\nreflected: 2026-10-03\n"
        "thank_you: {sent: 2026-10-02, asked_feedback: true}\n---\n"
    ),
    # withdrew: no note; not reflected: reflection due 10-31, overdue
    "2026-10-30-initech-onsite.md": (
        "---\ncompany: Initech\nrole: SRE\ndate: 2026-10-30\noutcome: withdrew\n---\n"
    ),
    # yesterday: note and reflection due today, not overdue yet
    "2026-11-02-globex-technical.md": (
        "---\ncompany: Globex\nrole: Platform engineer\ndate: 2026-11-02\n---\n"
    ),
    # today: both due tomorrow
    "2026-11-03-umbrella-screen.md": (
        "---\ncompany: Umbrella\nrole: Data engineer\ndate: 2026-11-03\n---\n"
    ),
    # all done: nothing
    "2026-10-15-hooli-final.md": HOOLI_DONE,
}
THANK = "(send a thank-you note, and ask for honest feedback)"
REFLECT = "(reflect with a clear mind; talk it over with a mentor)"
CHASE = "(chase the feedback you asked for)"


@pytest.fixture
def notebook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = write_notebook(tmp_path / "nb", ENTRIES)
    monkeypatch.chdir(root)
    return root


def test_text_overdue_first_then_by_due_date(notebook: Path) -> None:
    result = run_cli("followups", *TODAY)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "OVERDUE  2026-10-09  feedback    2026-10-01-acme-screen       Acme — Backend engineer     "
        + CHASE,
        "OVERDUE  2026-10-31  reflection  2026-10-30-initech-onsite    Initech — SRE               "
        + REFLECT,
        "TODAY    2026-11-03  thank-you   2026-11-02-globex-technical  Globex — Platform engineer  "
        + THANK,
        "TODAY    2026-11-03  reflection  2026-11-02-globex-technical  Globex — Platform engineer  "
        + REFLECT,
        "due      2026-11-04  thank-you   2026-11-03-umbrella-screen   Umbrella — Data engineer    "
        + THANK,
        "due      2026-11-04  reflection  2026-11-03-umbrella-screen   Umbrella — Data engineer    "
        + REFLECT,
    ]


def test_json(notebook: Path) -> None:
    result = run_cli("followups", "--json", *TODAY)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [
        {
            "entry": "2026-10-01-acme-screen",
            "kind": "feedback",
            "due": "2026-10-09",
            "overdue": True,
        },
        {
            "entry": "2026-10-30-initech-onsite",
            "kind": "reflection",
            "due": "2026-10-31",
            "overdue": True,
        },
        {
            "entry": "2026-11-02-globex-technical",
            "kind": "thank-you",
            "due": "2026-11-03",
            "overdue": False,
        },
        {
            "entry": "2026-11-02-globex-technical",
            "kind": "reflection",
            "due": "2026-11-03",
            "overdue": False,
        },
        {
            "entry": "2026-11-03-umbrella-screen",
            "kind": "thank-you",
            "due": "2026-11-04",
            "overdue": False,
        },
        {
            "entry": "2026-11-03-umbrella-screen",
            "kind": "reflection",
            "due": "2026-11-04",
            "overdue": False,
        },
    ]


def test_the_one_row_of_the_issue(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    entry = (
        "---\ncompany: Acme\nrole: Backend engineer\ndate: 2026-11-01\nreflected: 2026-11-02\n---\n"
    )
    monkeypatch.chdir(write_notebook(tmp_path / "nb", {"2026-11-01-acme-onsite.md": entry}))
    result = run_cli("followups", "--today", "2026-11-05")
    assert result.stdout == (
        "OVERDUE  2026-11-02  thank-you   2026-11-01-acme-onsite  Acme — Backend engineer  "
        "(send a thank-you note, and ask for honest feedback)\n"
    )


def test_nothing_to_follow_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(write_notebook(tmp_path / "nb", {"2026-10-15-hooli.md": HOOLI_DONE}))
    assert run_cli("followups", *TODAY).stdout == "Nothing to follow up\n"
    assert run_cli("followups", "--json", *TODAY).stdout == "[]\n"


def test_delays_come_from_mkdocs_yml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    entry = "---\ncompany: Acme\nrole: Backend engineer\ndate: 2026-11-01\n---\n"
    root = write_notebook(
        tmp_path / "nb",
        {"2026-11-01-acme.md": entry},
        "thank_you_within_days: 2\nreflect_after_days: 3",
    )
    monkeypatch.chdir(root)
    result = run_cli("followups", "--json", *TODAY)
    assert json.loads(result.stdout) == [
        {"entry": "2026-11-01-acme", "kind": "thank-you", "due": "2026-11-03", "overdue": False},
        {"entry": "2026-11-01-acme", "kind": "reflection", "due": "2026-11-04", "overdue": False},
    ]


def test_entry_errors_fail_with_their_line(notebook: Path) -> None:
    (notebook / "entries" / "2026-11-04-broken.md").write_text(
        "---\ncompany: Broken\ndate: 2026-11-04\nfeeling: 9\n---\n", encoding="utf-8"
    )
    result = run_cli("followups", *TODAY)
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert "entries/2026-11-04-broken.md:1: error: missing required field 'role'" in lines
    assert "entries/2026-11-04-broken.md:4: error: 'feeling' must be from 1 to 5, got 9" in lines


def test_config_option_from_another_folder(
    notebook: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_cli("followups", "--json", "--config", str(notebook / "mkdocs.yml"), *TODAY)
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == 6


def test_no_notebook_is_misuse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run_cli("followups").exit_code == 2
