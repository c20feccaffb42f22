"""`debrief prep` and generator.render.prep.prep_brief: the brief written out by hand."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from generator.aggregate import Insights, aggregate
from generator.entry.read import read_notebook
from generator.render.prep import escape_md, prep_brief
from generator.settings import Settings
from tests.conftest import run_cli, write_notebook

ENTRIES = {
    "2026-09-01-acme-screen.md": (
        "---\ncompany: Acme\nrole: Backend engineer\ndate: 2026-09-01\nstage: recruiter-screen\n"
        "outcome: advanced\nfeeling: 4\nweak_spots: [estimation]\nlessons: [Numbers out loud.]\n"
        "do_differently: [Ask about the team first]\n---\n"
    ),
    "2026-09-20-globex-technical.md": (
        "---\ncompany: Globex\nrole: Platform engineer\ndate: 2026-09-20\nstage: technical\n"
        "outcome: rejected\nfeeling: 2\nweak_spots: [system design, estimation]\n"
        # two weak spots: the first lesson says it is about system design; the plain one
        # belongs to the interview and shows under no weak spot in the brief
        "lessons: [{lesson: 'Clarify scale <before> drawing', about: system design},"
        " Never name a number first.]\n"
        "questions:\n"
        "  - question: Design a rate limiter | API\n"
        "    topic: system design\n"
        "    rating: 2\n"
        "    better: Token bucket & Redis\n"
        "  - question: Tell me about yourself\n"
        "    rating: 4\n"
        "---\n"
    ),
    "2026-10-05-acme-onsite.md": (
        "---\ncompany: ACME\nrole: Senior Backend Engineer\ndate: 2026-10-05\nstage: onsite\n"
        "outcome: rejected\nfeeling: 3\nweak_spots: [System_Design]\nstrengths: [estimation]\n"
        "questions:\n"
        "  - question: Estimate *QPS* for Twitter\n"
        "    topic: estimation\n"
        "    rating: 1\n"
        "do_differently: [Draw the API first]\n"
        "feedback: {received: 2026-10-10, summary: 'Good on APIs, weak on scale'}\n"
        "---\n"
    ),
    "2026-10-10-initech-phone.md": (
        "---\ncompany: Initech\nrole: Backend engineer\ndate: 2026-10-10\n"
        "stage: phone-screen\nweak_spots: nerves\n---\n"
    ),
}
# system-design: Globex and ACME onsite, never a strength: recurring and open.
# estimation: twice, then a strength on 2026-10-05: resolved, so not in the brief.
HEAD = "# Prep brief: acme\n\nFor the next interview: company acme.\n\nFrom 4 entries, as of 2026-11-01.\n\n"
GENERAL = (
    "## Recurring weak spots\n"
    "\n"
    "- **system-design**: 2 times, last on 2026-10-05\n"
    "    - Globex — Platform engineer (2026-09-20): Clarify scale &lt;before&gt; drawing\n"
    "\n"
    "## Questions I struggled with\n"
    "\n"
    "- **Estimate \\*QPS\\* for Twitter** rated 1/5, estimation, "
    "in ACME — Senior Backend Engineer (2026-10-05)\n"
    "    - No better answer written yet.\n"
    "- **Design a rate limiter \\| API** rated 2/5, system design, "
    "in Globex — Platform engineer (2026-09-20)\n"
    "    - Better: Token bucket &amp; Redis\n"
)
ACME = (
    "\n"
    "## Earlier interviews (company acme)\n"
    "\n"
    "| Date | Interview | Stage | Outcome | Feeling | Weak spots |\n"
    "| --- | --- | --- | --- | --- | --- |\n"
    "| 2026-10-05 | ACME — Senior Backend Engineer | onsite | rejected | 3/5 | system-design |\n"
    "| 2026-09-01 | Acme — Backend engineer | recruiter-screen | advanced | 4/5 | estimation |\n"
    "\n"
    "What I said I would do differently there:\n"
    "\n"
    "- ACME — Senior Backend Engineer (2026-10-05): Draw the API first\n"
    "- Acme — Backend engineer (2026-09-01): Ask about the team first\n"
    "\n"
    "What they said in their feedback:\n"
    "\n"
    "- ACME — Senior Backend Engineer (2026-10-05): Good on APIs, weak on scale\n"
)


@pytest.fixture
def notebook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = write_notebook(tmp_path / "nb", ENTRIES)
    monkeypatch.chdir(root)
    return root


@pytest.fixture
def insights(notebook: Path) -> Insights:
    entries = read_notebook(notebook / "entries", notebook).entries
    return aggregate(entries, Settings(root=notebook), date(2026, 11, 1))


def test_prep_by_company(notebook: Path) -> None:
    result = run_cli("prep", "--company", "acme", "--today", "2026-11-01")
    assert result.exit_code == 0, result.output
    assert result.stdout == HEAD + GENERAL + ACME


def test_without_filters_there_are_no_earlier_interviews(insights: Insights) -> None:
    assert prep_brief(insights) == "# Prep brief\n\nFrom 4 entries, as of 2026-11-01.\n\n" + GENERAL


def test_links_when_given(insights: Insights) -> None:
    text = prep_brief(insights, company="Acme", link=lambda slug: f"../{slug}/")
    assert (
        "| 2026-10-05 | [ACME — Senior Backend Engineer](../2026-10-05-acme-onsite/) | onsite |"
        in text
    )
    assert (
        "    - [Globex — Platform engineer (2026-09-20)](../2026-09-20-globex-technical/): "
        "Clarify scale &lt;before&gt; drawing\n" in text
    )


def test_role_is_a_case_insensitive_part(insights: Insights) -> None:
    rows = [
        line for line in prep_brief(insights, role="backend").splitlines() if line.startswith("| ")
    ]
    assert [row.split(" | ")[:2] for row in rows[2:]] == [
        ["| 2026-10-10", "Initech — Backend engineer"],
        ["| 2026-10-05", "ACME — Senior Backend Engineer"],
        ["| 2026-09-01", "Acme — Backend engineer"],
    ]


def test_stage_by_normal_form(insights: Insights) -> None:
    text = prep_brief(insights, stage="Phone Screen")
    assert "## Earlier interviews (stage Phone Screen)" in text
    assert (
        "| 2026-10-10 | Initech — Backend engineer | phone-screen | pending |  | nerves |" in text
    )


def test_topic_filters_the_struggled_questions_too(insights: Insights) -> None:
    text = prep_brief(insights, topic="System_Design")
    assert "Estimate" not in text
    assert "- **Design a rate limiter \\| API** rated 2/5" in text
    assert text.endswith(
        "## Earlier interviews (topic System\\_Design)\n\n"
        "| Date | Interview | Stage | Outcome | Feeling | Weak spots |\n"
        "| --- | --- | --- | --- | --- | --- |\n"
        "| 2026-09-20 | Globex — Platform engineer | technical | rejected | 2/5 "
        "| system-design, estimation |\n"
    )


def test_a_first_interview(insights: Insights) -> None:
    assert prep_brief(insights, company="Umbrella").endswith(
        "## Earlier interviews (company Umbrella)\n\nNone yet: this will be the first.\n"
    )


def test_out_writes_the_file(notebook: Path) -> None:
    result = run_cli("prep", "--company", "acme", "--today", "2026-11-01", "--out", "brief.md")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr == "Wrote brief.md\n"
    assert (notebook / "brief.md").read_text(encoding="utf-8") == HEAD + GENERAL + ACME


def test_out_into_a_missing_folder_fails(notebook: Path) -> None:
    result = run_cli("prep", "--out", "nowhere/brief.md")
    assert result.exit_code == 1
    assert result.stderr == "Error: nowhere/brief.md: cannot write: No such file or directory\n"


def test_escape_md() -> None:
    assert escape_md("a|b <c> & *d* _e_ [f](g) `h` \\ \nnew") == (
        # runs of white space, the line break included, fold into one space
        "a\\|b &lt;c&gt; &amp; \\*d\\* \\_e\\_ \\[f\\](g) \\`h\\` \\\\ new"
    )


def test_company_matches_whole_words_of_the_name() -> None:
    # 'Tallgrass' finds 'Tallgrass Software'; a part of a word, or the words reordered, not.
    from datetime import date

    from generator.aggregate import aggregate
    from generator.entry.read import entry_from_bytes
    from generator.render.prep import matches
    from generator.settings import Settings

    text = b"---\ncompany: Tallgrass Software\nrole: SRE\ndate: 2026-01-01\n---\n"
    entry, _ = entry_from_bytes(text, "entries/t.md", "t")
    assert entry is not None
    insights = aggregate([entry], Settings(), date(2026, 2, 1))
    assert matches(insights, entry, company="Tallgrass")
    assert matches(insights, entry, company="tallgrass software")
    assert not matches(insights, entry, company="Tall")
    assert not matches(insights, entry, company="Software Tallgrass")


def test_a_misspelt_company_gets_a_suggestion_on_stderr(notebook: Path) -> None:
    result = run_cli("prep", "--company", "Globx", "--today", "2026-11-01")
    assert result.exit_code == 0, result.output
    assert result.stderr == "note: no earlier interview with 'Globx'; did you mean 'Globex'?\n"
    assert result.stdout.endswith(
        "## Earlier interviews (company Globx)\n\nNone yet: this will be the first.\n"
    )


def test_a_new_company_gets_no_suggestion(notebook: Path) -> None:
    for company in ("Umbrella", "acme"):  # far from every name; a company that matches
        result = run_cli("prep", "--company", company, "--today", "2026-11-01")
        assert result.exit_code == 0, result.output
        assert result.stderr == ""


PLAIN = (
    "---\ncompany: Alder & Finch\nrole: SRE\ndate: 2026-03-01\n"
    "weak_spots: [sql]\nlessons: ['Name tables in snake_case, not *camelCase*.']\n---\n"
)


def _prep_in_a_terminal(root: Path) -> str:
    """`debrief prep` with its stdout on a pseudo-terminal, as a person runs it."""
    leader, follower = pty.openpty()
    done = subprocess.run(
        [str(Path(sys.executable).with_name("debrief")), "prep", "--today", "2026-03-10"],
        cwd=root,
        stdout=follower,
        stderr=subprocess.PIPE,
        timeout=60,
        env={**os.environ, "NO_COLOR": "1"},
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal is closed once everything is read
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert done.returncode == 0, done.stderr
    return b"".join(chunks).decode().replace("\r\n", "\n")


def test_prep_in_a_terminal_shows_text_without_markdown_escapes(tmp_path: Path) -> None:
    root = write_notebook(tmp_path / "nb", {"2026-03-01-alder.md": PLAIN}, "recurring_after: 1")
    shown = _prep_in_a_terminal(root)
    assert (
        "- Alder & Finch — SRE (2026-03-01): Name tables in snake_case, not *camelCase*." in shown
    )
    assert "\\" not in shown and "&amp;" not in shown
    # A pipe or a file gets the Markdown, escaped so that it renders as written.
    piped = run_cli("prep", "--today", "2026-03-10", "-f", str(root / "mkdocs.yml"))
    assert (
        "- Alder &amp; Finch — SRE (2026-03-01): Name tables in snake\\_case, not \\*camelCase\\*."
        in piped.stdout
    )
