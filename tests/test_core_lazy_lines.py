"""Reading without a table of lines: a valid entry never makes one, a problem still has its line.

`parse` builds the values with a lean loader (`entry.yamlload`) and makes the table of
lines only when a message needs a line. These tests hold the two halves of that bargain:
the values are the ones PyYAML's own constructor builds (every tag, every error), and
every message keeps its line, counted by hand in the fixture text.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.entry.files import relative
from generator.entry.frontmatter import Document, split
from generator.entry.names import Vocabulary
from generator.entry.read import entry_from_bytes, notebook_problems
from generator.entry.yamlload import FrontMatterLoader, values


def problems(text: str) -> list[str]:
    """PATH:LINE: severity: message of each problem, as `debrief check` prints them."""
    return [d.format().splitlines()[0] for d in entry_from_bytes(text.encode(), "x.md", "x")[1]]


HEAD = "---\ncompany: Acme\nrole: SRE\ndate: 2026-03-14\n"  # lines 1-4

# --- a valid entry pays for no line; a problem still gets its own ---------------------------

ENTRY = """---
company: Acme
role: SRE
date: 2026-03-14
questions:
  - question: Design a queue
    rating: 4
  - question: Estimate the load
    topic: estimation
    rating: 2
thank_you:
  sent: 2026-03-15
---
Body.
"""


def test_a_valid_entry_makes_its_table_of_lines_only_when_a_line_is_asked_for() -> None:
    entry, found = entry_from_bytes(ENTRY.encode(), "x.md", "x")
    assert found == [] and entry is not None
    assert entry.document.lines is None and entry.document.node is None
    assert entry.document.line_of(("questions", 1, "rating")) == 10
    assert entry.document.line_of(("questions", 1)) == 8
    assert entry.document.line_of(("thank_you", "sent"), key=True) == 12
    assert entry.document.lines is not None  # made once, from the front matter's text
    # no sixth question: its nearest parent, the list, starts on line 6
    assert entry.document.line_of(("questions", 5, "rating")) == 6


def test_an_entry_valid_in_yaml_but_not_as_an_entry_names_each_line() -> None:
    text = ENTRY.replace("    rating: 2\n", "    rating: 7\n").replace("2026-03-15", "2026-02-30")
    assert problems(text) == [
        "x.md:10: error: 'questions[2].rating' must be from 1 to 5, got 7",
        "x.md:12: error: 'thank_you.sent' is not a real date: 2026-02-30",
    ]


def test_a_warning_on_a_valid_entry_is_at_its_line() -> None:
    text = ENTRY.replace("    topic: estimation\n", "    topik: estimation\n")
    entry, found = entry_from_bytes(text.encode(), "x.md", "x")
    assert entry is not None
    assert [d.format().splitlines()[0] for d in found] == [
        "x.md:9: warning: unknown key 'topik' in questions[2]: its value is ignored"
    ]


def test_a_date_warning_found_after_reading_is_at_its_line() -> None:
    text = ENTRY.replace("2026-03-15", "2026-02-01")
    entry, found = entry_from_bytes(text.encode(), "x.md", "x")
    assert found == [] and entry is not None
    assert [d.format().splitlines()[0] for d in notebook_problems([entry], Vocabulary(), None)] == [
        "x.md:12: warning: thank_you.sent 2026-02-01 is before the interview (2026-03-14)"
    ]


# --- repeated keys and aliases: still found, at their lines -----------------------------------


@pytest.mark.parametrize(
    ("fields", "expected", "winner"),
    [
        ("feeling: 3\nstage: onsite\nfeeling: 4\n", "5: warning: duplicate key 'feeling'", 7),
        (
            "questions:\n  - question: Q\n    rating: 2\n    rating: 3\n",
            "7: warning: duplicate key 'rating'",
            8,
        ),
        (
            "thank_you:\n  sent: 2026-03-15\n  sent: 2026-03-16\n",
            "6: warning: duplicate key 'sent'",
            7,
        ),
        ('"stage": onsite\nstage: video\n', "5: warning: duplicate key 'stage'", 6),
        # not text as keys: 1 and "1" are two keys to YAML, one line in the table
        ('1: a\n"1": b\n', "5: warning: duplicate key '1'", 6),
        # a merge key's value is written before the keys beside it: the one beside it wins
        ("<<: {feeling: 2}\nfeeling: 4\n", "5: warning: duplicate key 'feeling'", 6),
    ],
)
def test_a_repeated_key_is_a_warning_at_its_line(fields: str, expected: str, winner: int) -> None:
    found = problems(HEAD + fields + "---\n")
    assert f"x.md:{expected}: this one is ignored, the one on line {winner} wins" in found


def test_an_alias_is_refused_at_its_line_even_in_a_merge() -> None:
    text = HEAD + "base: &base {feeling: 2}\nextra:\n  <<: *base\n---\n"
    assert problems(text) == [
        "x.md:7: error: YAML alias '*base' in front matter: an entry's values are written out in full"
    ]


# --- the lean loader builds what PyYAML builds -------------------------------------------------


class _Reference(yaml.CSafeLoader):  # type: ignore[misc]
    """PyYAML's own C loader with the entry's one change: dates kept as text."""


_Reference.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda loader, node: str(loader.construct_scalar(node))
)

SNIPPETS = [
    "",
    "a: 1",
    "a: b\nc: [d, e, {f: g}]\nh: {i: [j]}",
    # every implicit type, in the spellings YAML 1.1 reads as one
    "n: [~, null, Null, NULL, '', ]\nm:",
    "b: [yes, No, TRUE, off, On, y, n, Y, N, true, false]",
    "i: [0, -1, +2, 0x1F, 0o17, 017, 0b101, 1_000, '1', 190:20:30, 1e3]",
    "f: [1.5, -.5, .inf, -.INF, .NaN, 1.5e+3, 6.8523015e+5, 685_230.15, 190:20:30.15, 1.]",
    "d: [2026-03-14, 2026-3-4, 2001-12-14t21:59:43.10-05:00, 2001-12-14 21:59:43.10]",
    "s: [text, 'quoted', \"double\\tquoted\", '123', !!str 123, ., -, '~', '-1']",
    "t: |\n  block\n  text\nu: >\n  folded\n  text\n",
    "k: {1: a, 2.5: b, true: c, ~: d, 2026-03-14: e, '1': f}",
    "e: []\nf: {}\ng: [[], [[]], {a: {}}]",
    # what the lean path leaves to PyYAML: merge keys, '=' keys, explicit tags
    "<<: {a: 1, b: 2}\nb: 3",
    "a: {<<: [{x: 1}, {y: 2}], z: 3}",
    "=: value",
    "s: !!set {a, b}",
    "o: !!omap [{a: 1}, {b: 2}]",
    "p: !!pairs [{a: 1}, {a: 2}]",
    "x: !!binary aGVsbG8=",
    "i: !!int '12'",
    "f: !!float '3'",
    "m: !!map {a: 1}",
    "q: !!seq [a]",
    "u: ! 12",
    "v: !local value",
    "x: !!str {a: 1}",
    "? [a, b]\n: c",
    "? {a: 1}\n: c",
    "a: 1\na: 2\nb: {c: 1, c: 2}",
    "deep: " + "[" * 2000 + "]" * 2000,  # beyond libyaml's limit: the same error
]


def _outcome(load: Any) -> Any:
    """The values (NaN made comparable), or the error's type and text."""
    try:
        value = load()
    except Exception as error:
        return type(error).__name__, str(error)
    return repr(_comparable(value))


def _comparable(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return "NaN"
    if isinstance(value, dict):
        return {_comparable(k): _comparable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_comparable(item) for item in value]
    return value


def _lean(text: str) -> tuple[Any, bool]:
    loader = FrontMatterLoader(text)
    try:
        node = loader.get_single_node()
        return values(loader, node) if node is not None else (None, False)
    finally:
        loader.dispose()


@pytest.mark.parametrize("text", SNIPPETS)
def test_the_lean_loader_builds_what_pyyaml_builds(text: str) -> None:
    assert _outcome(lambda: _lean(text)[0]) == _outcome(lambda: yaml.load(text, Loader=_Reference))


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("!!int abc", "cannot read 'abc' as a whole number"),
        ("!!float x", "cannot read 'x' as a number"),
        ("!!bool maybe", "cannot read 'maybe' as true or false"),
        # untagged: YAML 1.1 reads these as numbers, Python cannot
        ("0x_", "cannot read '0x_' as a whole number"),
        ("0b_", "cannot read '0b_' as a whole number"),
    ],
)
def test_a_value_its_type_cannot_read_is_an_error_at_its_line(value: str, problem: str) -> None:
    """PyYAML raises a bare ValueError or KeyError for these: a traceback, before."""
    entry, found = entry_from_bytes(
        f"{HEAD}stage: onsite\nfeeling: {value}\n---\n".encode(), "x.md", "x"
    )
    assert entry is None
    assert [d.format() for d in found] == [
        f"x.md:6: error: invalid YAML: {problem}\n"
        "    hint: to keep it as text, put it in quotes, without a '!!' tag in front"
    ]
    with pytest.raises((ValueError, KeyError)):
        yaml.load(f"feeling: {value}", Loader=_Reference)


def _tags(node: yaml.Node) -> list[str]:
    found = [node.tag]
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            found += _tags(key) + _tags(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            found += _tags(item)
    return found


@pytest.mark.parametrize("text", [s for s in SNIPPETS if not s.startswith("deep")])
def test_the_lean_resolver_tags_every_node_as_pyyaml_does(text: str) -> None:
    ours = yaml.compose(text, Loader=FrontMatterLoader)
    theirs = yaml.compose(text, Loader=_Reference)
    assert (ours and _tags(ours)) == (theirs and _tags(theirs))


@pytest.mark.parametrize("text", SNIPPETS)
def test_a_repeated_key_found_by_the_table_was_noted_by_the_loader(text: str) -> None:
    loader = FrontMatterLoader(text)
    try:
        node = loader.get_single_node()
        _, noted = values(loader, node) if node is not None else (None, False)
    except (yaml.YAMLError, ValueError, KeyError):
        return  # not read at all: no table either
    finally:
        loader.dispose()
    # The table is made from the tree as `values` left it (PyYAML flattens merge keys in it).
    if Document(data={}, node=node, body="", body_line=1).compact():
        assert noted


def test_an_ordinary_entry_is_noted_as_repeating_no_key() -> None:
    front = ENTRY.split("---\n")[1]
    assert _lean(front)[1] is False


def test_nesting_deeper_than_python_recurses_is_read_all_the_same() -> None:
    depth = 900  # libyaml refuses 1,000; two Python frames a level exceed the recursion limit
    assert 2 * depth > sys.getrecursionlimit()
    assert _lean("deep: " + "[" * depth + "]" * depth)[1] is True  # PyYAML built it
    text = HEAD + "deep: " + "[" * depth + "]" * depth + "\n---\n"
    assert problems(text)[0].startswith("x.md:5: warning: unknown key 'deep'")


# --- the fences, found without splitting the body ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("---\n---\nbody", ("", "body", 3)),
        ("---\na: 1\n--- \n", ("a: 1", "", 4)),
        ("---\na\n---", ("a", "", 4)),
        ("---\na: 1\n----\n...\nb\n---\nc", ("a: 1\n----", "b\n---\nc", 5)),
        ("--- \n\n\n...\t\n\n", ("\n", "\n", 5)),
    ],
)
def test_the_closing_fence_is_the_first_whole_line_of_dashes_or_dots(
    text: str, expected: tuple[str, str, int]
) -> None:
    assert split(text) == expected


# --- a file's name in messages, cut as text ------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "root", "expected"),
    [
        ("/n/entries/2026/x.md", "/n", "entries/2026/x.md"),
        ("/nb/entries/x.md", "/n", "/nb/entries/x.md"),  # starts with the root's text only
        ("/x.md", "/", "x.md"),
        ("entries/x.md", ".", "entries/x.md"),
        ("/elsewhere/x.md", "/n", "/elsewhere/x.md"),
    ],
)
def test_a_file_is_named_from_the_notebook_folder(path: str, root: str, expected: str) -> None:
    assert relative(Path(path), Path(root)) == expected


def test_reading_leaves_no_loader_waiting_for_the_cycle_collector(tmp_path: Path) -> None:
    """Reading runs with the cycle collector paused: a loader caught in a reference cycle
    (and libyaml's buffers behind it) stayed in memory until the end of a build, 20 MB at
    1,000 entries. Every loader must be freed as soon as its entry is read."""
    import gc

    from generator.entry.read import read_notebook
    from generator.entry.yamlload import FrontMatterLoader

    entries = tmp_path / "entries"
    entries.mkdir()
    for n in range(20):
        (entries / f"e{n}.md").write_text(
            f"---\ncompany: Acme {n}\nrole: Engineer\ndate: 2026-01-{n + 1:02d}\n"
            "questions:\n  - question: Why?\n    rating: 2\n---\nNotes.\n"
        )
    gc.collect()
    gc.disable()
    try:
        notebook = read_notebook(entries, tmp_path)
        loaders = [o for o in gc.get_objects() if isinstance(o, FrontMatterLoader)]
    finally:
        gc.enable()
    assert len(notebook.entries) == 20
    assert loaders == []
