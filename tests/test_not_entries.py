"""Files in entries/ whose names start with `_` or `.` are not entries, for every command.

`_example.md` is what `debrief init` writes; `_draft.md` here is broken on purpose, so
that any command reading it would fail or count it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import write_notebook
from tests.test_site_build import debrief

REAL = "---\ncompany: Acme\nrole: Engineer\ndate: 2026-03-01\nweak_spots: [sql]\n---\n"
NOT_ENTRIES = {
    "_example.md": "---\ncompany: Example Corp\nrole: Example\ndate: 2026-01-15\n---\n",
    "_draft.md": "---\ncompany: [unclosed\n---\n",
    ".hidden.md": "---\ncompany: Hidden Corp\n---\n",
    "2026/_old.md": "not even front matter\n",
}


@pytest.fixture
def notebook(tmp_path: Path) -> Path:
    return write_notebook(tmp_path / "nb", {"2026-03-01-acme.md": REAL, **NOT_ENTRIES})


def test_check_stats_followups_and_export_skip_them(notebook: Path) -> None:
    today = "2026-03-15"
    assert debrief(["check"], notebook, today).output == "1 entry checked, no problems\n"
    stats = debrief(["stats"], notebook, today)
    assert stats.output.startswith("Entries   1, from 2026-03-01 to 2026-03-01\n")
    followups = debrief(["followups", "--json"], notebook, today)
    assert {f["entry"] for f in json.loads(followups.stdout)} == {"2026-03-01-acme"}
    exported = json.loads(debrief(["export"], notebook, today).stdout)
    assert [e["slug"] for e in exported["entries"]] == ["2026-03-01-acme"]


def test_build_and_share_skip_them(notebook: Path) -> None:
    built = debrief(["build"], notebook, "2026-03-15")
    assert built.exit_code == 0, built.output
    assert "Built 1 entry into" in built.output
    shared = debrief(["share"], notebook, "2026-03-15")
    assert shared.exit_code == 0, shared.output
    for site in ("site", "site-share"):
        pages = {p.parent.name for p in (notebook / site / "entries").glob("*/index.html")}
        assert pages == {"2026-03-01-acme"}, site
        text = "".join(
            p.read_text(encoding="utf-8", errors="replace")
            for p in (notebook / site).rglob("*")
            if p.is_file() and p.suffix in (".html", ".json", ".xml")
        )
        for company in ("Example Corp", "Hidden Corp"):
            assert company not in text, (site, company)
