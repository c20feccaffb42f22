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
    # Acme's request is 32 days old: past the default 21 days it would be given up.
    root = write_notebook(tmp_path / "nb", ENTRIES, "feedback_give_up_days: 60")
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


# --- --ics ---------------------------------------------------------------------------------


def read_calendar(path: Path) -> list[dict[str, object]]:
    import icalendar

    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    assert str(calendar["version"]) == "2.0"
    return [
        {
            "uid": str(event["uid"]),
            "start": event.decoded("dtstart"),
            "end": event.decoded("dtend"),
            "summary": str(event["summary"]),
        }
        for event in calendar.walk("VEVENT")
    ]


def test_ics_writes_one_all_day_event_per_follow_up(notebook: Path) -> None:
    from datetime import date

    result = run_cli("followups", "--ics", "due.ics", *TODAY)
    assert result.exit_code == 0, result.output
    assert result.stderr == "Wrote 6 follow-ups to due.ics\n"
    events = read_calendar(notebook / "due.ics")
    d = date.fromisoformat
    assert events == [
        {"uid": "2026-10-01-acme-screen-feedback@debrief-notebook",
         "start": d("2026-10-09"), "end": d("2026-10-10"),
         "summary": "Chase the feedback you asked for: Acme interview (2026-10-01)"},
        {"uid": "2026-10-30-initech-onsite-reflection@debrief-notebook",
         "start": d("2026-10-31"), "end": d("2026-11-01"),
         "summary": "Reflect on the interview, talk it over: Initech interview (2026-10-30)"},
        {"uid": "2026-11-02-globex-technical-thank-you@debrief-notebook",
         "start": d("2026-11-03"), "end": d("2026-11-04"),
         "summary": "Send a thank-you note and ask for feedback: Globex interview (2026-11-02)"},
        {"uid": "2026-11-02-globex-technical-reflection@debrief-notebook",
         "start": d("2026-11-03"), "end": d("2026-11-04"),
         "summary": "Reflect on the interview, talk it over: Globex interview (2026-11-02)"},
        {"uid": "2026-11-03-umbrella-screen-thank-you@debrief-notebook",
         "start": d("2026-11-04"), "end": d("2026-11-05"),
         "summary": "Send a thank-you note and ask for feedback: Umbrella interview (2026-11-03)"},
        {"uid": "2026-11-03-umbrella-screen-reflection@debrief-notebook",
         "start": d("2026-11-04"), "end": d("2026-11-05"),
         "summary": "Reflect on the interview, talk it over: Umbrella interview (2026-11-03)"},
    ]  # fmt: skip
    # the terminal table is printed as without --ics
    assert result.stdout == run_cli("followups", *TODAY).stdout


def test_ics_uids_stay_and_closed_follow_ups_go(notebook: Path) -> None:
    assert run_cli("followups", "--ics", "a.ics", *TODAY).exit_code == 0
    assert run_cli("followups", "--ics", "b.ics", *TODAY).exit_code == 0
    assert (notebook / "a.ics").read_bytes() == (notebook / "b.ics").read_bytes()
    # Globex is thanked the next day: that event goes, the others keep their UIDs
    globex = notebook / "entries" / "2026-11-02-globex-technical.md"
    globex.write_text(
        globex.read_text(encoding="utf-8").replace(
            "date: 2026-11-02\n", "date: 2026-11-02\nthank_you: {sent: 2026-11-03}\n"
        ),
        encoding="utf-8",
    )
    assert run_cli("followups", "--ics", "c.ics", "--today", "2026-11-04").exit_code == 0
    before = {e["uid"] for e in read_calendar(notebook / "a.ics")}
    after = {e["uid"] for e in read_calendar(notebook / "c.ics")}
    assert before - after == {"2026-11-02-globex-technical-thank-you@debrief-notebook"}
    assert after <= before


def test_ics_of_nothing_to_follow_up_is_an_empty_calendar(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(write_notebook(tmp_path / "nb", {"2026-10-15-hooli.md": HOOLI_DONE}))
    result = run_cli("followups", "--ics", "none.ics", *TODAY)
    assert result.exit_code == 0
    assert result.stderr == "Wrote 0 follow-ups to none.ics\n"
    assert read_calendar(Path("none.ics")) == []


def test_ics_into_a_missing_folder_fails_cleanly(notebook: Path) -> None:
    result = run_cli("followups", "--ics", "no/such/dir/x.ics", *TODAY)
    assert result.exit_code == 1
    assert result.stderr == ("Error: cannot write no/such/dir/x.ics: No such file or directory\n")


def test_text_fits_the_terminal_width(notebook: Path) -> None:
    """COLUMNS=80: each row is wider (about 120 columns), so the interview and what to do
    go below its first columns, wrapped at 80; the file name stays whole."""
    result = run_cli("followups", *TODAY, env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[:7] == [
        "OVERDUE  2026-10-09  feedback    2026-10-01-acme-screen",
        "         Acme — Backend engineer: chase the feedback you asked for",
        "OVERDUE  2026-10-31  reflection  2026-10-30-initech-onsite",
        "         Initech — SRE: reflect with a clear mind; talk it over with a mentor",
        "TODAY    2026-11-03  thank-you   2026-11-02-globex-technical",
        "         Globex — Platform engineer: send a thank-you note, and ask for honest",
        "         feedback",
    ]
    assert max(len(line) for line in lines) <= 80
    narrow = run_cli("followups", *TODAY, env={"COLUMNS": "40"})
    assert narrow.stdout.splitlines()[:4] == [
        "OVERDUE  2026-10-09  feedback",
        "         2026-10-01-acme-screen",
        "         Acme — Backend engineer: chase",
        "         the feedback you asked for",
    ]
    assert max(len(line) for line in narrow.stdout.splitlines()) <= 40
