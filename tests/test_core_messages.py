"""Messages a person reads: values shown as YAML spells them, forgiving where it is safe."""

from __future__ import annotations

from generator.entry.read import entry_from_bytes

HEAD = "---\ncompany: Acme\nrole: SRE\ndate: 2026-03-14\n"


def problems(text: str) -> list[str]:
    return [d.format().splitlines()[0] for d in entry_from_bytes(text.encode(), "x.md", "x")[1]]


def test_values_are_shown_as_yaml_writes_them() -> None:
    assert problems(HEAD + "feeling: true\nthank_you: {sent: yes}\n---\n") == [
        "x.md:5: error: 'feeling' must be a whole number from 1 to 5, got true",
        "x.md:6: error: 'thank_you.sent' must be a date written YYYY-MM-DD, got true",
    ]


def test_an_empty_date_is_called_empty() -> None:
    assert problems("---\ncompany: Acme\nrole: SRE\ndate:\n---\n") == [
        "x.md:4: error: 'date' is empty"
    ]


def test_quoted_numbers_and_flags_and_outcome_spellings_are_accepted() -> None:
    text = HEAD + 'feeling: "3"\nprivate: "true"\noutcome: No Response\n---\n'
    entry, found = entry_from_bytes(text.encode(), "x.md", "x")
    assert found == []
    assert entry is not None
    assert (entry.meta.feeling, entry.meta.private, entry.meta.outcome) == (3, True, "no-response")


def test_a_duplicate_key_is_a_warning_at_the_ignored_line() -> None:
    assert problems(HEAD + "feeling: 9\nfeeling: 3\n---\n") == [
        "x.md:5: warning: duplicate key 'feeling': this one is ignored, the one on line 6 wins"
    ]
