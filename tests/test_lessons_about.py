"""Which lessons and questions belong to which weak spot: the one rule in aggregate.py.

Each entry is written inline; what each function should return is worked out by hand
next to it.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from generator.aggregate import (
    collect_lessons,
    collect_questions,
    lessons_about,
    other_lessons,
    questions_about,
)
from generator.cli.main import cli
from generator.entry.names import Vocabulary
from generator.entry.read import Entry
from tests.conftest import make_entry, write_notebook


def entry(front: str, slug: str = "acme") -> Entry:
    return make_entry(slug, "2026-03-01", front)


SEVERAL = entry(
    "weak_spots: [system design, Salary Talk]\n"
    "strengths: [communication]\n"
    "lessons:\n"
    "  - Never name a number first.\n"  # plain, two weak spots: the interview's
    "  - lesson: Ask about scale before drawing anything.\n"
    "    about: System_Design\n"  # one name, another spelling
    "  - lesson: Say the trade-offs aloud.\n"
    "    about: [system-design, communication]\n"  # a weak spot and a strength
    "  - lesson: Keep the stories short.\n"
    "    about: [communication]\n"  # a strength only: none of the weak spots
    "questions:\n"
    "  - Why do you want to leave your current job?\n"  # no topic, two weak spots
    "  - question: Design a rate limiter.\n"
    "    topic: System Design\n"
    "  - question: What salary do you expect?\n"
    "    topic: salary_talk\n"
)


def test_a_plain_lesson_in_an_entry_with_several_weak_spots_is_under_none_of_them() -> None:
    assert lessons_about(SEVERAL, "system-design") == [
        "Ask about scale before drawing anything.",
        "Say the trade-offs aloud.",
    ]
    assert lessons_about(SEVERAL, "salary-talk") == []
    assert other_lessons(SEVERAL) == ["Never name a number first.", "Keep the stories short."]


def test_about_may_name_a_strength_and_any_spelling_finds_it() -> None:
    assert lessons_about(SEVERAL, "Communication") == [
        "Say the trade-offs aloud.",
        "Keep the stories short.",
    ]
    assert lessons_about(SEVERAL, "System Design") == lessons_about(SEVERAL, "system_design")


def test_a_question_is_filed_under_its_topic_and_one_without_topic_under_none() -> None:
    assert [q.question for q in questions_about(SEVERAL, "system design")] == [
        "Design a rate limiter."
    ]
    assert [q.question for q in questions_about(SEVERAL, "salary-talk")] == [
        "What salary do you expect?"
    ]


def test_with_exactly_one_weak_spot_plain_lessons_and_topicless_questions_are_about_it() -> None:
    one = entry(
        "weak_spots: [SQL]\n"
        "lessons: [Write the join on paper first., {lesson: Breathe., about: nerves}]\n"
        "questions: [Explain an index., {question: Tell me about you., topic: behavioural}]\n"
    )
    assert lessons_about(one, "sql") == ["Write the join on paper first."]
    # 'nerves' is not a weak spot of the entry: that lesson is the interview's
    assert other_lessons(one) == ["Breathe."]
    assert lessons_about(one, "nerves") == ["Breathe."]
    assert [q.question for q in questions_about(one, "sql")] == ["Explain an index."]
    assert [q.question for q in questions_about(one, "behavioural")] == ["Tell me about you."]


def test_no_weak_spot_every_plain_lesson_is_the_interviews() -> None:
    none = entry("lessons: [Sleep well before.]\nquestions: [Why us?]\n")
    assert other_lessons(none) == ["Sleep well before."]
    assert questions_about(none, "sleep") == []


def test_aliases_apply_to_about_topic_and_weak_spots() -> None:
    aliased = entry(
        "weak_spots: [sys design, negotiation]\n"
        "lessons: [{lesson: Scale first., about: sd}]\n"
        "questions: [{question: Design a feed., topic: Sys Design}]\n"
    )
    vocabulary = Vocabulary({"sys design": "system-design", "sd": "system-design"})
    assert lessons_about(aliased, "system-design", vocabulary) == ["Scale first."]
    assert other_lessons(aliased, vocabulary) == []
    assert [q.question for q in questions_about(aliased, "sd", vocabulary)] == ["Design a feed."]
    # without the aliases, 'sd' is a name of its own
    assert lessons_about(aliased, "system-design") == []
    assert other_lessons(aliased) == ["Scale first."]


def test_the_collected_records_carry_the_same_rule() -> None:
    vocabulary = Vocabulary()
    lessons = collect_lessons([SEVERAL], vocabulary)
    assert [(lesson.text, lesson.about) for lesson in lessons] == [
        ("Never name a number first.", ()),
        ("Ask about scale before drawing anything.", ("system-design",)),
        ("Say the trade-offs aloud.", ("system-design", "communication")),
        ("Keep the stories short.", ("communication",)),
    ]
    questions = collect_questions([SEVERAL], vocabulary)
    assert [q.about for q in questions] == [(), ("system-design",), ("salary-talk",)]


# --- `about` names that are not the entry's ------------------------------------------------


def check_output(tmp_path: Path, front: str, options: str = "") -> tuple[int, str]:
    root = write_notebook(
        tmp_path / "nb",
        {"a.md": f"---\ncompany: Acme\nrole: Engineer\ndate: 2026-03-01\n{front}---\n"},
        options,
    )
    result = CliRunner().invoke(cli, ["check", "--config", str(root / "mkdocs.yml")])
    return result.exit_code, result.output


def test_an_unknown_about_name_is_a_warning_with_did_you_mean(tmp_path: Path) -> None:
    code, output = check_output(
        tmp_path,
        "weak_spots: [system design, negotiation]\n"
        "strengths: [communication]\n"
        "lessons:\n"
        "  - Plain.\n"
        "  - lesson: Scale first.\n"
        "    about: [negotiation, sytem design]\n"  # line 10: a typo
        "  - lesson: Breathe.\n"
        "    about: nerves\n",  # line 12: nothing close
    )
    assert code == 0
    assert output == (
        "entries/a.md:10: warning: lessons[2].about: 'sytem design' is not a weak spot or "
        "strength of this entry\n"
        "    hint: did you mean 'system-design'?\n"
        "entries/a.md:12: warning: lessons[3].about: 'nerves' is not a weak spot or "
        "strength of this entry\n"
        "    hint: this entry's weak spots and strengths are: system-design, negotiation, "
        "communication\n"
        "1 entry checked: 0 errors, 2 warnings\n"
    )


def test_about_names_go_through_the_aliases(tmp_path: Path) -> None:
    code, output = check_output(
        tmp_path,
        "weak_spots: [system design]\nlessons: [{lesson: Scale first., about: SD}]\n",
        "aliases: {sd: system-design}",
    )
    assert (code, output) == (0, "1 entry checked, no problems\n")


def test_a_lesson_mapping_without_lesson_says_how_to_write_one(tmp_path: Path) -> None:
    code, output = check_output(tmp_path, "lessons:\n  - Estimation: say it aloud\n")
    assert code == 1
    assert output == (
        "entries/a.md:6: error: missing required field 'lessons[1].lesson'\n"
        "    hint: a lesson is text, or a mapping with 'lesson:' and 'about:'; text that "
        "contains ': ' must be put in quotes\n"
        "entries/a.md:6: warning: unknown key 'Estimation' in lessons[1]: its value is ignored\n"
        "    hint: known keys are: lesson, about\n"
        "1 entry checked: 1 error, 1 warning\n"
    )


def test_redacting_weak_spots_in_a_share_redacts_what_lessons_are_about(tmp_path: Path) -> None:
    root = write_notebook(
        tmp_path / "nb",
        {
            "2026-03-01-acme.md": "---\ncompany: Acme\nrole: Dev\ndate: 2026-03-01\n"
            "weak_spots: [salary negotiation]\n"
            "lessons: [{lesson: Know my number., about: salary negotiation}]\n---\n"
        },
        "share:\n  redact: [weak_spots, interviewers]",
    )
    result = CliRunner().invoke(
        cli, ["share", "--config", str(root / "mkdocs.yml"), "--today", "2026-03-15"]
    )
    assert result.exit_code == 0, result.output
    found = [
        p.relative_to(root).as_posix()
        for p in (root / "site-share").rglob("*")
        if p.is_file() and "salary" in p.read_text(encoding="utf-8", errors="replace").lower()
    ]
    assert found == []
    page = (root / "site-share" / "entries" / "2026-03-01-acme" / "index.html").read_text()
    assert "Know my number." in page


def test_a_lesson_that_is_neither_text_nor_a_mapping(tmp_path: Path) -> None:
    code, output = check_output(tmp_path, "lessons: [[a, b]]\n")
    assert code == 1
    assert output == (
        "entries/a.md:5: error: 'lessons[1]' must be text or a mapping, got a list\n"
        "    hint: a lesson is text, or a mapping with 'lesson:' and 'about:'\n"
        "1 entry checked: 1 error, 0 warnings\n"
    )
