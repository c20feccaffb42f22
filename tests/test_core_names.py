"""The one name normalizer: normalize_name, Vocabulary aliases, question_key, look_alike, slugify.

Every expected value here is written from the spec: NFKC, casefold, trim, runs of
whitespace/`_`/`-` become one `-`; aliases are normalized on both sides and followed.
"""

from __future__ import annotations

import pytest

from generator.entry.names import (
    PAGE_SLUG_BYTES,
    Vocabulary,
    look_alike,
    normalize_name,
    page_slug,
    question_key,
    slugify,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("System Design", "system-design"),
        ("system_design", "system-design"),
        ("system-design", "system-design"),
        (" SYSTEM--design ", "system-design"),
        ("system \t _- design", "system-design"),  # one mixed run of separators -> one '-'
        ("\nSystem\nDesign\n", "system-design"),
        # Full-width letters and the ideographic space (U+3000) fold to ASCII under NFKC.
        ("ＳＹＳＴＥＭ　Ｄｅｓｉｇｎ", "system-design"),
        ("ｓｙｓｔｅｍ＿ｄｅｓｉｇｎ", "system-design"),  # full-width low line U+FF3F -> '_'
        ("ﬁle systems", "file-systems"),  # the 'fi' ligature U+FB01 -> 'fi'
        # casefold, not lower: German sharp s becomes 'ss'.
        ("Straße", "strasse"),
        ("STRASSE", "strasse"),
        ("estimation", "estimation"),
        ("C++", "c++"),  # only whitespace, '_' and '-' are separators
        ("Node.js", "node.js"),
        ("", ""),
        ("  ", ""),
    ],
)
def test_normalize_name(raw: str, expected: str) -> None:
    assert normalize_name(raw) == expected


def test_normalize_name_makes_spellings_equal() -> None:
    spellings = ["System Design", "system_design", " SYSTEM--design ", "ＳＹＳＴＥＭ　ＤＥＳＩＧＮ"]
    assert {normalize_name(s) for s in spellings} == {"system-design"}


def test_normalize_name_is_idempotent() -> None:
    for raw in ["System Design", " SYSTEM--design ", "Straße", "ﬁle systems"]:
        once = normalize_name(raw)
        assert normalize_name(once) == once


def test_vocabulary_normalizes_alias_keys_and_values() -> None:
    vocabulary = Vocabulary({"Sys_Design": "System Design", "  SQL  Joins ": "sql"})
    assert vocabulary.aliases == {"sys-design": "system-design", "sql-joins": "sql"}


@pytest.mark.parametrize("spelling", ["sys design", "SYS-DESIGN", "Sys_Design", " sys  design "])
def test_vocabulary_applies_alias_to_any_spelling_of_the_key(spelling: str) -> None:
    vocabulary = Vocabulary({"Sys_Design": "System Design"})
    assert vocabulary.canonical(spelling) == "system-design"


def test_vocabulary_without_alias_only_normalizes() -> None:
    vocabulary = Vocabulary({"sys design": "system design"})
    assert vocabulary.canonical("Estimation ") == "estimation"
    assert Vocabulary().canonical("System Design") == "system-design"


def test_vocabulary_follows_alias_chains() -> None:
    # k8s -> kubernetes -> container orchestration
    vocabulary = Vocabulary({"K8s": "Kubernetes", "kubernetes": "Container Orchestration"})
    assert vocabulary.canonical("k8s") == "container-orchestration"
    assert vocabulary.canonical("KUBERNETES") == "container-orchestration"
    assert vocabulary.canonical("container_orchestration") == "container-orchestration"


def test_vocabulary_alias_cycle_terminates() -> None:
    vocabulary = Vocabulary({"a-thing": "b thing", "B_Thing": "a thing"})
    assert vocabulary.canonical("a thing") in {"a-thing", "b-thing"}
    assert vocabulary.canonical("b thing") in {"a-thing", "b-thing"}


def test_vocabulary_self_alias_is_harmless() -> None:
    vocabulary = Vocabulary({"System_Design": "system design"})
    assert vocabulary.canonical("System Design") == "system-design"


def test_canonical_list_dedupes_keeps_first_order_and_drops_empty() -> None:
    vocabulary = Vocabulary({"sys design": "system design"})
    names = ["Estimation", "System Design", "", "sys_design", "estimation", "  ", "SQL"]
    assert vocabulary.canonical_list(names) == ["estimation", "system-design", "sql"]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Design a rate limiter.", "design a RATE limiter"),
        ("Design a rate limiter.", "  Design   a rate-limiter ?"),
        ("What's your biggest weakness?", "what s your biggest weakness"),
        ("Ｗｈａｔ ｉｓ ＴＣＰ？", "what is TCP"),
        ("Tell me about a conflict.", "Tell me about a conflict!!!"),
    ],
)
def test_question_key_ignores_case_spacing_and_punctuation(a: str, b: str) -> None:
    assert question_key(a) == question_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Design a rate limiter.", "Design a URL shortener."),
        ("What is a heap?", "What is a hash?"),
    ],
)
def test_question_key_keeps_different_questions_apart(a: str, b: str) -> None:
    assert question_key(a) != question_key(b)


def test_question_key_value() -> None:
    # casefold, punctuation -> space, whitespace runs -> one space, trimmed
    assert question_key("  Design a RATE-limiter, please?! ") == "design a rate limiter please"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("estimation", "estimations"),  # plural with -s
        ("query", "queries"),  # plural with -ies
        ("box", "boxes"),  # plural with -es
        ("api", "apis"),  # a short word's plural is still a plural
        ("system-design", "system-designs"),
        ("communication", "comunication"),  # one typo in a long word
        ("recursion", "recurson"),  # one letter missing
        ("databases", "database"),
    ],
)
def test_look_alike_joins_plurals_and_typos(a: str, b: str) -> None:
    assert look_alike(a, b)
    assert look_alike(b, a)


@pytest.mark.parametrize(
    ("a", "b"), [("cache", "caches"), ("queue", "queues"), ("scope", "scopes")]
)
def test_look_alike_joins_plural_of_short_word_ending_in_e(a: str, b: str) -> None:
    # Regression: '-es' was stripped before '-s' ('caches' -> 'cach'), and 5-letter words
    # are too short for the one-typo rule, so these plurals were missed.
    assert look_alike(a, b)
    assert look_alike(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("java", "lava"),  # one edit, but short words: unrelated
        ("sql", "sq"),
        ("graph", "grape"),
        ("recursion", "recursive"),  # two edits apart
        ("estimation", "estimation"),  # the same name is not a look-alike
        ("testing", "networking"),
    ],
)
def test_look_alike_keeps_apart(a: str, b: str) -> None:
    assert not look_alike(a, b)
    assert not look_alike(b, a)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Acme Corp. (EU)", "acme-corp-eu"),
        ("Café Zoë", "cafe-zoe"),
        ("  --Hello__World--  ", "hello-world"),
        ("Ärzte & Co", "arzte-co"),
        ("2026-03-14 Acme onsite", "2026-03-14-acme-onsite"),
        ("already-a-slug", "already-a-slug"),
    ],
)
def test_slugify(text: str, expected: str) -> None:
    assert slugify(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("システム設計", "システム設計"),
        ("系统设计", "系统设计"),
        ("Системный Дизайн", "системный-дизайн"),
        ("हिन्दी में", "हिन्दी-में"),  # vowel signs are marks: kept
        ("Café Zoë", "café-zoë"),
        ("Ｓｙｓｔｅｍ_Design", "system-design"),  # full-width letters: NFKC
        ("C++ & Go", "c-go"),
        ('a<b>c:d"e/f\\g|h?i*j', "a-b-c-d-e-f-g-h-i-j"),  # what file systems reserve
        ("tab\tand\nnewline\x00nul", "tab-and-newline-nul"),
        ("--- !!! ---", ""),
    ],
)
def test_page_slug_keeps_the_letters_of_every_script(text: str, expected: str) -> None:
    assert page_slug(text) == expected


def test_page_slug_is_bounded_in_bytes_at_a_character_boundary() -> None:
    long = page_slug("設計" * 100)  # 3 bytes a character
    assert long == "設計" * 16  # 32 characters, 96 bytes
    assert len(page_slug("x" * 500).encode()) == PAGE_SLUG_BYTES == 96
    assert page_slug("a" * 95 + " b") == "a" * 95  # the '-' left at the cut goes


def test_weak_spot_pages_are_unique_and_never_a_device_name() -> None:
    from generator.render.addresses import _unique_paths

    paths = _unique_paths(
        ["c", "c++", "con", "設計", "設計!", "item", "", "nul"], "{}.md", {"index"}
    )
    assert paths == {
        "c": "c.md",
        "c++": "c-2.md",  # 'c' is taken
        "con": "con-2.md",  # a device name on Windows
        "設計": "設計.md",
        "設計!": "設計-2.md",
        "item": "item.md",
        "": "item-2.md",  # nothing left: 'item', taken
        "nul": "nul-2.md",
    }
