"""The `debrief` commands the core serves: check, export, schema, init.

Run through Click's CliRunner in a notebook made by `write_notebook`; every expected
output is written out by hand from the fixture next to it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run_cli, write_notebook

OUTCOMES = "pending, advanced, offer, rejected, withdrew, no-response"


# --- check ---------------------------------------------------------------------------------

GOOD = "---\ncompany: Acme\nrole: SRE\ndate: 2026-03-01\nweak_spots: [estimation]\n---\nNotes.\n"
OTHER = "---\ncompany: Hooli\nrole: SRE\ndate: 2026-03-03\nweak_spots: estimation\n---\n"
BAD = (
    "---\n"  # 1
    "company: Acme\n"  # 2
    "role: Backend engineer\n"  # 3
    "date: 2026-02-30\n"  # 4  impossible date
    "feeling: terrible\n"  # 5  not a number
    "outcome: won\n"  # 6  unknown outcome
    "---\n"
)
WARN = (
    "---\n"  # 1
    "company: Globex\n"  # 2
    "role: SRE\n"  # 3
    "date: 2026-03-02\n"  # 4
    "weakspots: [sql]\n"  # 5  unknown key
    "weak_spots: [estimations]\n"  # 6  looks like 'estimation' (2 entries) -> flagged here
    "---\n"
)
FUTURE = "---\ncompany: Initech\nrole: SRE\ndate: 2026-04-02\n---\n"  # after --today 04-01

BAD_LINES = [
    "entries/bad.md:4: error: 'date' is not a real date: 2026-02-30",
    "    hint: check the month and the day",
    "entries/bad.md:5: error: 'feeling' must be a whole number from 1 to 5, got 'terrible'",
    "    hint: 1 = went badly, 5 = went very well",
    "entries/bad.md:6: error: unknown outcome 'won'",
    f"    hint: use one of: {OUTCOMES}",
]
FUTURE_LINES = [
    "entries/future.md:4: warning: date 2026-04-02 is in the future",
    "    hint: a debrief is written after the interview: check the year and month",
]
WARN_LINES = [
    "entries/warn.md:5: warning: unknown key 'weakspots': its value is ignored",
    "    hint: did you mean 'weak_spots'?",
    "entries/warn.md:6: warning: weak spot 'estimations' looks like 'estimation'",
    "    hint: if they are one, add to the debrief plugin in mkdocs.yml: "
    "aliases: {estimations: estimation}",
]


def test_check_clean(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(write_notebook(tmp_path / "nb", {"good.md": GOOD, "other.md": OTHER}))
    result = run_cli("check", "--today", "2026-04-01")
    assert result.exit_code == 0
    assert result.stdout == "2 entries checked, no problems\n"
    assert result.stderr == ""


def test_check_clean_strict(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(write_notebook(tmp_path / "nb", {"good.md": GOOD}))
    result = run_cli("check", "--strict", "--today", "2026-04-01")
    assert result.exit_code == 0
    assert result.stdout == "1 entry checked, no problems\n"


def test_check_errors_and_warnings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = {"good.md": GOOD, "other.md": OTHER, "bad.md": BAD, "warn.md": WARN,
             "future.md": FUTURE}  # fmt: skip
    monkeypatch.chdir(write_notebook(tmp_path / "nb", files))
    result = run_cli("check", "--today", "2026-04-01")
    assert result.exit_code == 1
    # ordered by path, then line; the summary is the last line
    assert result.stdout.splitlines() == [
        *BAD_LINES,
        *FUTURE_LINES,
        *WARN_LINES,
        "5 entries checked: 3 errors, 3 warnings",
    ]


@pytest.mark.parametrize("variant", ["crlf", "bom"])
def test_check_crlf_and_bom_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, variant: str
) -> None:
    def encode(text: str) -> str:
        return text.replace("\n", "\r\n") if variant == "crlf" else "\ufeff" + text

    monkeypatch.chdir(write_notebook(tmp_path / "nb", {"bad.md": encode(BAD)}))
    result = run_cli("check", "--today", "2026-04-01")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [*BAD_LINES, "1 entry checked: 3 errors, 0 warnings"]


def test_check_warnings_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = {"good.md": GOOD, "other.md": OTHER, "warn.md": WARN, "future.md": FUTURE}
    monkeypatch.chdir(write_notebook(tmp_path / "nb", files))
    expected = [*FUTURE_LINES, *WARN_LINES, "4 entries checked: 0 errors, 3 warnings"]
    strict_expected = [*expected[:-1], expected[-1] + " (--strict: warnings fail)"]

    result = run_cli("check", "--today", "2026-04-01")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == expected

    strict = run_cli("check", "--strict", "--today", "2026-04-01")
    assert strict.exit_code == 1
    assert strict.stdout.splitlines() == strict_expected


def test_check_today_decides_what_is_future(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(write_notebook(tmp_path / "nb", {"future.md": FUTURE}))
    assert run_cli("check", "--strict", "--today", "2026-04-02").exit_code == 0
    result = run_cli("check", "--strict", "--today", "2026-04-01")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        *FUTURE_LINES,
        "1 entry checked: 0 errors, 1 warning (--strict: warnings fail)",
    ]


def test_check_aliases_from_mkdocs_yml_silence_look_alikes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {"good.md": GOOD, "other.md": OTHER, "warn.md": WARN.replace("weakspots", "tags")}
    root = write_notebook(tmp_path / "nb", files, "aliases:\n  estimations: estimation")
    monkeypatch.chdir(root)
    result = run_cli("check", "--strict", "--today", "2026-04-01")
    assert result.stdout == "3 entries checked, no problems\n"
    assert result.exit_code == 0


def test_check_paths_are_relative_to_the_notebook(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_notebook(tmp_path / "nb", {"2026/bad.md": BAD})
    monkeypatch.chdir(tmp_path)
    result = run_cli("check", "--config", "nb/mkdocs.yml", "--today", "2026-04-01")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == (
        "entries/2026/bad.md:4: error: 'date' is not a real date: 2026-02-30"
    )


def test_check_without_mkdocs_yml_is_misuse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "entries").mkdir()
    (tmp_path / "entries" / "good.md").write_text(GOOD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run_cli("check")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "Error: mkdocs.yml: no such file" in result.stderr
    assert "debrief init PATH" in result.stderr


def test_check_with_missing_config_is_misuse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(write_notebook(tmp_path / "nb", {"good.md": GOOD}))
    result = run_cli("check", "--config", "elsewhere.yml")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "Error: elsewhere.yml: no such file" in result.stderr


def test_check_without_entries_folder_is_misuse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_notebook(tmp_path / "nb", {})
    (root / "entries").rmdir()
    monkeypatch.chdir(root)
    result = run_cli("check")
    assert result.exit_code == 2
    assert "no entries folder" in result.stderr


def test_check_bad_today_is_misuse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(write_notebook(tmp_path / "nb", {"good.md": GOOD}))
    assert run_cli("check", "--today", "2026-02-30").exit_code == 2
    assert run_cli("check", "--today", "yesterday").exit_code == 2


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    } | {p.relative_to(folder).as_posix() + "/": (b"", 0) for p in folder.rglob("*") if p.is_dir()}


def test_check_never_writes_into_entries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = {"good.md": GOOD, "other.md": OTHER.replace("\n", "\r\n"), "bad.md": BAD,
             "warn.md": "\ufeff" + WARN, "2026/future.md": FUTURE, "empty.md": ""}  # fmt: skip
    root = write_notebook(tmp_path / "nb", files)
    monkeypatch.chdir(root)
    before = snapshot(root / "entries")
    for args in (["check"], ["check", "--strict"], ["check", "--today", "2026-04-01"]):
        assert run_cli(*args).exit_code == 1
    assert snapshot(root / "entries") == before


# --- export --------------------------------------------------------------------------------

EXPORT_OPTIONS = "thank_you_within_days: 2\nreflect_after_days: 3\nfeedback_wait_days: 5"
EXPORT_FILES = {
    "acme.md": (
        "---\n"
        "company: Acme\n"
        "role: Backend engineer\n"
        "date: 2026-03-02\n"
        "stage: Technical Screen\n"
        "format: video\n"
        "outcome: rejected\n"
        "feeling: 2\n"
        "interviewers: [Dana]\n"
        "questions:\n"
        "  - question: Design a URL shortener.\n"
        "    topic: system design\n"
        "    rating: 2\n"
        "weak_spots: [System Design, estimation]\n"
        "strengths: communication\n"
        "lessons: [Start with the API.]\n"
        "reflected: 2026-03-03\n"
        "thank_you:\n"
        "  sent: 2026-03-02\n"
        "  asked_feedback: true\n"
        "---\n"
    ),
    "globex.md": (
        "---\n"
        "company: Globex\n"
        'role: "Engineer, platform"\n'
        "date: 2026-03-10\n"
        "weak_spots: [system_design]\n"
        "strengths: [Estimation]\n"
        "questions: [design a url shortener]\n"
        "---\n"
    ),
    "secret.md": (
        "---\n"
        "company: Initech\n"
        "role: Engineering manager\n"
        "date: 2026-03-12\n"
        "private: true\n"
        "interviewers: [Lee]\n"
        "weak_spots: [negotiation, system design]\n"
        "lessons: [Know my number.]\n"
        "reflected: 2026-03-14\n"
        "thank_you:\n"
        "  sent: 2026-03-13\n"
        "---\n"
    ),
}

ACME = {
    "slug": "acme",
    "company": "Acme",
    "role": "Backend engineer",
    "date": "2026-03-02",
    "stage": "technical-screen",  # a name: normalized
    "format": "video",
    "outcome": "rejected",
    "feeling": 2,
    "weak_spots": ["system-design", "estimation"],
    "strengths": ["communication"],
    "lessons": ["Start with the API."],
    "private": False,
}
GLOBEX = {
    "slug": "globex",
    "company": "Globex",
    "role": "Engineer, platform",
    "date": "2026-03-10",
    "stage": None,
    "format": None,
    "outcome": "pending",
    "feeling": None,
    "weak_spots": ["system-design"],
    "strengths": ["estimation"],
    "lessons": [],
    "private": False,
}
SECRET = {
    "slug": "secret",
    "company": "Initech",
    "role": "Engineering manager",
    "date": "2026-03-12",
    "stage": None,
    "format": None,
    "outcome": "pending",
    "feeling": None,
    "weak_spots": ["negotiation", "system-design"],
    "strengths": [],
    "lessons": ["Know my number."],
    "private": True,
}
QUESTIONS = [
    # the same question (case, punctuation) in acme and globex: asked again in both
    # about: acme's by its topic; globex's has none, and globex has one weak spot
    {"question": "Design a URL shortener.", "entry": "acme", "date": "2026-03-02",
     "topic": "system design", "rating": 2, "answer": None, "better": None,
     "asked_again": True, "about": ["system-design"], "struggled": True},
    {"question": "design a url shortener", "entry": "globex", "date": "2026-03-10",
     "topic": None, "rating": None, "answer": None, "better": None,
     "asked_again": True, "about": ["system-design"], "struggled": False},
]  # fmt: skip
# today 2026-03-15; thank-you 2 days, reflection 3 days, feedback 5 days (from mkdocs.yml)
FOLLOW_UPS = [
    # acme asked for feedback in the note sent 03-02: due 03-02+5 = 03-07
    {"entry": "acme", "kind": "feedback", "due": "2026-03-07", "overdue": True},
    # globex: not thanked, due 03-10+2 = 03-12; not reflected, due 03-10+3 = 03-13
    {"entry": "globex", "kind": "thank-you", "due": "2026-03-12", "overdue": True},
    {"entry": "globex", "kind": "reflection", "due": "2026-03-13", "overdue": True},
    # secret: thanked 03-13 (no feedback asked) and reflected 03-14: nothing open
]


@pytest.fixture
def export_notebook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = write_notebook(tmp_path / "nb", EXPORT_FILES, EXPORT_OPTIONS)
    monkeypatch.chdir(root)
    return root


BACKUP_KEYS = ("path", "front_matter", "body")


def derived(exported: dict[str, Any]) -> dict[str, Any]:
    """The export without each entry's backup part (tested on its own below)."""
    for record in exported["entries"]:
        for key in BACKUP_KEYS:
            record.pop(key)
    return exported


def test_export_json_owner(export_notebook: Path) -> None:
    result = run_cli("export", "--format", "json", "--today", "2026-03-15")
    assert result.exit_code == 0
    assert result.stderr == ""
    assert derived(json.loads(result.stdout)) == {
        "entries": [ACME, GLOBEX, SECRET],  # by date
        "weak_spots": [
            # system-design: acme 03-02, globex 03-10, secret 03-12 -> 3
            {"name": "system-design", "count": 3, "first_seen": "2026-03-02",
             "last_seen": "2026-03-12", "entries": ["acme", "globex", "secret"],
             "recurring": True, "resolved": False},
            # count 1 each: negotiation last seen 03-12 before estimation's 03-02
            {"name": "negotiation", "count": 1, "first_seen": "2026-03-12",
             "last_seen": "2026-03-12", "entries": ["secret"],
             "recurring": False, "resolved": False},
            # estimation: a strength in globex (03-10), after acme (03-02) -> resolved
            {"name": "estimation", "count": 1, "first_seen": "2026-03-02",
             "last_seen": "2026-03-02", "entries": ["acme"],
             "recurring": False, "resolved": True},
        ],
        # plain lessons of entries with two weak spots: about no weak spot
        "lessons": [
            {"text": "Start with the API.", "entry": "acme", "date": "2026-03-02",
             "about": []},
            {"text": "Know my number.", "entry": "secret", "date": "2026-03-12",
             "about": []},
        ],
        "questions": QUESTIONS,
        "follow_ups": FOLLOW_UPS,
    }  # fmt: skip


# A shared entry's address is made of what the share shows: date, company, stage.
SHARED_SLUGS = {"acme": "2026-03-02-acme-technical-screen", "globex": "2026-03-10-globex"}


def shared_slugs(value: Any) -> Any:
    """`value` with the owner's entry slugs as the share names them."""
    if isinstance(value, str):
        return SHARED_SLUGS.get(value, value)
    if isinstance(value, list):
        return [shared_slugs(item) for item in value]
    if isinstance(value, dict):
        return {key: shared_slugs(item) for key, item in value.items()}
    return value


def test_export_json_share(export_notebook: Path) -> None:
    result = run_cli("export", "--format", "json", "--audience", "share", "--today", "2026-03-15")
    assert result.exit_code == 0
    assert derived(json.loads(result.stdout)) == shared_slugs({
        "entries": [ACME, GLOBEX],  # the private entry is gone
        "weak_spots": [
            # system-design: acme, globex -> 2 (secret no longer counts); negotiation gone
            {"name": "system-design", "count": 2, "first_seen": "2026-03-02",
             "last_seen": "2026-03-10", "entries": ["acme", "globex"],
             "recurring": True, "resolved": False},
            {"name": "estimation", "count": 1, "first_seen": "2026-03-02",
             "last_seen": "2026-03-02", "entries": ["acme"],
             "recurring": False, "resolved": True},
        ],
        "lessons": [
            {"text": "Start with the API.", "entry": "acme", "date": "2026-03-02",
             "about": []},
        ],
        "questions": QUESTIONS,
        "follow_ups": FOLLOW_UPS,
    })  # fmt: skip
    assert "Dana" not in result.stdout
    assert "Initech" not in result.stdout
    assert "Lee" not in result.stdout


def test_export_json_is_the_default_format(export_notebook: Path) -> None:
    default = run_cli("export", "--today", "2026-03-15")
    explicit = run_cli("export", "--format", "json", "--today", "2026-03-15")
    assert default.exit_code == 0
    assert default.stdout == explicit.stdout


def test_export_csv(export_notebook: Path) -> None:
    result = run_cli("export", "--format", "csv", "--today", "2026-03-15")
    assert result.exit_code == 0
    assert result.stdout == (
        "slug,company,role,date,stage,format,outcome,feeling,weak_spots,strengths,lessons,private\n"
        "acme,Acme,Backend engineer,2026-03-02,technical-screen,video,rejected,2,"
        "system-design; estimation,communication,Start with the API.,false\n"
        'globex,Globex,"Engineer, platform",2026-03-10,,,pending,,'
        "system-design,estimation,,false\n"
        "secret,Initech,Engineering manager,2026-03-12,,,pending,,"
        "negotiation; system-design,,Know my number.,true\n"
    )


def test_export_csv_share(export_notebook: Path) -> None:
    result = run_cli("export", "--format", "csv", "--audience", "share", "--today", "2026-03-15")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1:] == [
        "2026-03-02-acme-technical-screen,Acme,Backend engineer,2026-03-02,technical-screen,"
        "video,rejected,2,system-design; estimation,communication,Start with the API.,false",
        '2026-03-10-globex,Globex,"Engineer, platform",2026-03-10,,,pending,,'
        "system-design,estimation,,false",
    ]


def test_export_keeps_warnings_off_stdout(export_notebook: Path) -> None:
    # on 03-11, secret (03-12) is in the future: a warning on stderr, JSON still on stdout
    result = run_cli("export", "--format", "json", "--today", "2026-03-11")
    assert result.exit_code == 0
    assert "entries/secret.md:4: warning: date 2026-03-12 is in the future" in result.stderr
    data = json.loads(result.stdout)
    assert [e["slug"] for e in data["entries"]] == ["acme", "globex", "secret"]


def test_export_refuses_a_notebook_with_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(write_notebook(tmp_path / "nb", {"good.md": GOOD, "bad.md": BAD}))
    result = run_cli("export", "--format", "json", "--today", "2026-04-01")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "entries/bad.md:4: error: 'date' is not a real date: 2026-02-30" in result.stderr
    assert "2 entries checked: 3 errors, 0 warnings" in result.stderr


def test_export_json_with_out_dir_is_misuse(export_notebook: Path) -> None:
    assert run_cli("export", "--format", "json", "out").exit_code == 2


# --- schema --------------------------------------------------------------------------------

SPEC_FIELDS = {
    "company", "role", "date", "stage", "format", "interviewers", "outcome", "feeling",
    "questions", "weak_spots", "strengths", "lessons", "signals", "do_differently",
    "reflected", "discussed_with", "thank_you", "feedback", "private", "tags",
}  # fmt: skip


def test_schema_is_json_with_the_required_fields() -> None:
    result = run_cli("schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["required"] == ["company", "role", "date"]
    assert set(schema["properties"]) == SPEC_FIELDS
    assert schema["additionalProperties"] is False
    assert schema["type"] == "object"


def test_schema_outcome_values() -> None:
    schema = json.loads(run_cli("schema").stdout)
    text = json.dumps(schema["properties"]["outcome"])
    for outcome in ("pending", "advanced", "offer", "rejected", "withdrew", "no-response"):
        assert f'"{outcome}"' in text


# --- init ----------------------------------------------------------------------------------


def test_init_creates_a_notebook_that_passes_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "my-notebook"
    result = run_cli("init", str(target))
    assert result.exit_code == 0
    for name in ("mkdocs.yml", "notebook/index.md", "entries/_example.md", ".gitignore"):
        assert (target / name).is_file(), name
    assert "site/" in (target / ".gitignore").read_text(encoding="utf-8").splitlines()
    monkeypatch.chdir(target)
    # the example is not an entry: nothing to check, nothing to follow up, no stats
    checked = run_cli("check", "--strict", "--today", "2026-06-01")
    assert checked.stdout == "0 entries checked, no problems\n"
    assert checked.exit_code == 0
    assert run_cli("followups", "--today", "2026-06-01").stdout == "Nothing to follow up\n"
    assert run_cli("stats").stdout == "No entries yet: write the first with 'debrief new'.\n"
    # copied to an entry's name, it is one, and a valid one
    example = (target / "entries" / "_example.md").read_bytes()
    (target / "entries" / "2026-01-15-example.md").write_bytes(example)
    checked = run_cli("check", "--strict", "--today", "2026-06-01")
    assert checked.stdout == "1 entry checked, no problems\n"
    assert checked.exit_code == 0


def test_init_into_an_existing_empty_folder(tmp_path: Path) -> None:
    target = tmp_path / "empty"
    target.mkdir()
    assert run_cli("init", str(target)).exit_code == 0
    assert (target / "mkdocs.yml").is_file()


def test_init_refuses_a_non_empty_folder(tmp_path: Path) -> None:
    target = tmp_path / "busy"
    target.mkdir()
    (target / "notes.txt").write_text("mine\n", encoding="utf-8")
    result = run_cli("init", str(target))
    assert result.exit_code == 2
    assert "is not empty" in result.stderr
    assert sorted(p.name for p in target.iterdir()) == ["notes.txt"]
    assert (target / "notes.txt").read_text(encoding="utf-8") == "mine\n"


# --- the command itself --------------------------------------------------------------------


def test_help_exits_0() -> None:
    result = run_cli("--help")
    assert result.exit_code == 0
    for command in ("check", "export", "init", "schema"):
        assert command in result.stdout


def test_importing_the_cli_loads_nothing_heavy() -> None:
    code = (
        "import sys, generator.cli.main\n"
        "heavy = ('mkdocs', 'material', 'pydantic', 'jinja2', 'yaml', 'markdown')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "[]", out.stdout


def test_debrief_help_in_a_subprocess() -> None:
    code = "from generator.cli.main import cli; cli(['--help'], prog_name='debrief')"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0
    assert out.stdout.startswith("Usage: debrief")


def test_check_reports_date_warnings_of_an_entry_with_errors_in_the_same_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fixing the error must not reveal a warning that was there all along (issue 13)."""
    text = (
        "---\n"  # 1
        "company: Acme\n"  # 2
        "role: SRE\n"  # 3
        "date: 2026-03-14\n"  # 4
        "feeling: terrible\n"  # 5  the error
        "reflected: 2027-03-15\n"  # 6  in the future (today is 2026-03-20)
        "thank_you: {sent: 2026-03-01}\n"  # 7  before the interview
        "---\n"
    )
    root = write_notebook(tmp_path / "nb", {"acme.md": text})
    monkeypatch.chdir(root)
    result = run_cli("check", "--today", "2026-03-20")
    assert result.stdout.splitlines() == [
        "entries/acme.md:5: error: 'feeling' must be a whole number from 1 to 5, got 'terrible'",
        "    hint: 1 = went badly, 5 = went very well",
        "entries/acme.md:6: warning: reflected 2027-03-15 is in the future",
        "    hint: a step is dated once it is done: check the year, or leave it empty until then",
        "entries/acme.md:7: warning: thank_you.sent 2026-03-01 is before the interview"
        " (2026-03-14)",
        "    hint: check the year and month",
        "1 entry checked: 1 error, 2 warnings",
    ]
    assert result.exit_code == 1
