"""Which lessons and questions belong to which weak spot: the one rule in aggregate.py.

Each entry is written inline; what each function should return is worked out by hand
next to it.
"""

from __future__ import annotations

from generator.aggregate import (
    collect_lessons,
    collect_questions,
    lessons_about,
    other_lessons,
    questions_about,
)
from generator.entry.names import Vocabulary
from generator.entry.read import Entry, entry_from_bytes


def entry(front: str, slug: str = "acme") -> Entry:
    text = f"---\ncompany: Acme\nrole: Engineer\ndate: 2026-03-01\n{front}---\n"
    made, problems = entry_from_bytes(text.encode(), f"entries/{slug}.md", slug)
    assert problems == [], [p.format() for p in problems]
    assert made is not None
    return made


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
