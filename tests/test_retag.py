"""generator.edit.retag: a rename changes the name and not one other byte.

Every expected file below is written out by hand: the input with only the
name replaced, in the quoting the original used.
"""

from __future__ import annotations

import pytest

from generator.edit.retag import (
    Change,
    RetagError,
    double_quoted,
    retag,
    unified_diff,
    yaml_scalar,
)

BOM = b"\xef\xbb\xbf"


def test_crlf_bom_comments_quotes_flow_and_block_lists_stay_as_they_are() -> None:
    raw = (
        BOM + b"---\r\n"
        b"# my notes, kept\r\n"
        b"company: Acme\r\n"
        b"role: Backend engineer\r\n"
        b"date: 2026-03-14\r\n"
        b"weak_spots: [System Design, sql]  # 2 names\r\n"
        b"strengths:\r\n"
        b"  - 'system_design'   # finally\r\n"
        b"  - communication\r\n"
        b"lessons:\r\n"
        b"  - A plain lesson about system design.\r\n"
        b"  - lesson: Scale first.   # system design\r\n"
        b'    about: [sql, "SYSTEM-DESIGN"]\r\n'
        b"tags: [system design]\r\n"
        b"feedback:\r\n"
        b"  summary: system design\r\n"
        b"---\r\n"
        b"I said system design.\r\n"
    )
    expected = (
        BOM + b"---\r\n"
        b"# my notes, kept\r\n"
        b"company: Acme\r\n"
        b"role: Backend engineer\r\n"
        b"date: 2026-03-14\r\n"
        b"weak_spots: [architecture, sql]  # 2 names\r\n"
        b"strengths:\r\n"
        b"  - 'architecture'   # finally\r\n"
        b"  - communication\r\n"
        b"lessons:\r\n"
        b"  - A plain lesson about system design.\r\n"
        b"  - lesson: Scale first.   # system design\r\n"
        b'    about: [sql, "architecture"]\r\n'
        b"tags: [system design]\r\n"
        b"feedback:\r\n"
        b"  summary: system design\r\n"
        b"---\r\n"
        b"I said system design.\r\n"
    )
    result = retag(raw, ["system-design"], "architecture")
    assert result.data == expected
    assert result.changes == (
        Change(6, "weak_spots", "System Design", "architecture"),
        Change(8, "strengths", "'system_design'", "'architecture'"),
        Change(13, "lessons[2].about", '"SYSTEM-DESIGN"', '"architecture"'),
    )
    assert result.removed == ()


def test_about_as_one_name_and_as_a_block_list() -> None:
    raw = (
        b"---\nlessons:\n  - lesson: One.\n    about: SQL   # it\n"
        b"  - {lesson: Two., about: [sql]}\n"
        b"  - lesson: Three.\n    about:\n      - nerves\n      - 'sql'\n---\n"
    )
    expected = (
        b"---\nlessons:\n  - lesson: One.\n    about: databases   # it\n"
        b"  - {lesson: Two., about: [databases]}\n"
        b"  - lesson: Three.\n    about:\n      - nerves\n      - 'databases'\n---\n"
    )
    result = retag(raw, ["sql"], "databases")
    assert result.data == expected
    assert [(c.line, c.field) for c in result.changes] == [
        (4, "lessons[1].about"),
        (5, "lessons[2].about"),
        (9, "lessons[3].about"),
    ]


def test_a_single_string_value_and_non_ascii_text_before_it() -> None:
    raw = (
        "---\ncompany: Société Générale\nrole: Développeuse\ndate: 2026-03-14\n"
        "weak_spots: estimation   # just one\nstrengths: 'Estimation'\n---\nÉtait dur.\n"
    ).encode()
    expected = (
        "---\ncompany: Société Générale\nrole: Développeuse\ndate: 2026-03-14\n"
        "weak_spots: numbers   # just one\nstrengths: 'numbers'\n---\nÉtait dur.\n"
    ).encode()
    assert retag(raw, ["Estimation"], "numbers").data == expected


def test_a_new_name_that_needs_quotes_gets_double_quotes_only_where_plain() -> None:
    raw = (
        b"---\nweak_spots: [sql, x]\nstrengths:\n  - sql\n"
        b"lessons: [{lesson: a, about: 'sql'}, {lesson: b, about: sql}]\n---\n"
    )
    expected = (
        b'---\nweak_spots: ["sql: joins, indexes", x]\nstrengths:\n'
        b'  - "sql: joins, indexes"\n'
        b"lessons: [{lesson: a, about: 'sql: joins, indexes'}, "
        b'{lesson: b, about: "sql: joins, indexes"}]\n---\n'
    )
    assert retag(raw, ["sql"], "sql: joins, indexes").data == expected


def test_a_comma_needs_quotes_in_a_flow_list_only() -> None:
    raw = b"---\nweak_spots: [sql]\nstrengths:\n  - sql\n---\n"
    expected = b'---\nweak_spots: ["sql, joins"]\nstrengths:\n  - sql, joins\n---\n'
    assert retag(raw, ["sql"], "sql, joins").data == expected


def test_single_quotes_are_doubled_in_a_single_quoted_value() -> None:
    raw = b"---\nweak_spots: ['nerves']\n---\n"
    assert retag(raw, ["nerves"], "it's nerves").data == b"---\nweak_spots: ['it''s nerves']\n---\n"


def test_a_plain_value_on_two_lines_is_replaced_whole() -> None:
    raw = b"---\nweak_spots:\n  - system\n    design\n  - sql\n---\n"
    expected = b"---\nweak_spots:\n  - architecture\n  - sql\n---\n"
    assert retag(raw, ["system design"], "architecture").data == expected


def test_cr_only_line_endings() -> None:
    raw = b"---\rweak_spots: [sql]\r---\rbody\r"
    assert retag(raw, ["sql"], "databases").data == b"---\rweak_spots: [databases]\r---\rbody\r"


def test_merging_into_a_name_already_listed_leaves_it_once_where_it_was() -> None:
    raw = b"---\nweak_spots: [sql, databases, SQL, x]\n---\n"
    result = retag(raw, ["sql", "db"], "databases")
    assert result.data == b"---\nweak_spots: [databases, x]\n---\n"
    assert result.changes == ()
    assert result.removed == (
        Change(2, "weak_spots", "sql", ""),
        Change(2, "weak_spots", "SQL", ""),
    )


def test_two_spellings_renamed_leave_the_first_and_its_line_comment_goes_with_the_other() -> None:
    raw = (
        b"---\nweak_spots:\n  # the usual\n  - sql   # first\n  - nerves\n"
        b"  - SQL   # again\nstrengths: [Sql, sql]\n---\nbody\n"
    )
    result = retag(raw, ["sql"], "databases")
    assert result.data == (
        b"---\nweak_spots:\n  # the usual\n  - databases   # first\n  - nerves\n"
        b"strengths: [databases]\n---\nbody\n"
    )
    assert [(c.line, c.field, c.old) for c in result.removed] == [
        (6, "weak_spots", "SQL"),
        (7, "strengths", "sql"),
    ]


def test_a_list_the_rename_does_not_change_keeps_its_own_duplicates() -> None:
    raw = b"---\nweak_spots: [databases, databases]\nstrengths: [sql]\n---\n"
    result = retag(raw, ["sql"], "databases")
    assert result.data == b"---\nweak_spots: [databases, databases]\nstrengths: [databases]\n---\n"
    assert result.removed == ()


def test_a_duplicate_that_cannot_be_taken_out_safely_is_refused() -> None:
    raw = b"---\nweak_spots: [sql, # a note\n  SQL]\n---\n"
    with pytest.raises(RetagError) as caught:
        retag(raw, ["sql"], "databases")
    assert caught.value.line == 3
    assert caught.value.message == (
        "'SQL' in weak_spots would list 'databases' twice, and cannot be taken out safely"
    )


def test_a_file_without_the_name_comes_back_as_is() -> None:
    raw = b"---\ncompany: Acme\nweak_spots: [sql]\n---\nsystem design\n"
    result = retag(raw, ["system design"], "architecture")
    assert result.data is raw
    assert not result.changed
    assert result.found == 0


def test_a_spelling_already_equal_to_the_new_one_is_not_a_change() -> None:
    raw = b"---\nweak_spots: [sql, SQL]\nstrengths: [sql]\n---\n"
    result = retag(raw, ["sql"], "sql")
    # SQL would become a second sql: it goes; the strength is already written as sql
    assert result.data == b"---\nweak_spots: [sql]\nstrengths: [sql]\n---\n"
    assert (len(result.changes), len(result.removed), result.found) == (0, 1, 3)


def test_nothing_outside_weak_spots_strengths_about_and_topic_is_matched() -> None:
    raw = (
        b"---\nquestions:\n  - question: sql\n    topic: x\n  - sql\n"
        b"lessons: [sql, {lesson: sql, about: x}]\ntags: sql\n---\n"
    )
    assert not retag(raw, ["sql"], "databases").changed


def test_a_question_topic_is_renamed_as_the_weak_spot_it_files_the_question_under() -> None:
    # After a merge, a topic left as the old name would file its question under a weak
    # spot no entry lists any more.
    raw = (
        b"---\nquestions:\n  - question: Design a rate limiter.\n    topic: Sys Design  # hm\n"
        b"  - {question: Shard a table., topic: 'sys_design', rating: 2}\n"
        b"  - question: What is a B-tree?\n    topic: sql\n  - sys design\n"
        b"weak_spots: [sys design]\n---\nsys design\n"
    )
    expected = (
        b"---\nquestions:\n  - question: Design a rate limiter.\n    topic: system-design  # hm\n"
        b"  - {question: Shard a table., topic: 'system-design', rating: 2}\n"
        b"  - question: What is a B-tree?\n    topic: sql\n  - sys design\n"
        b"weak_spots: [system-design]\n---\nsys design\n"
    )
    result = retag(raw, ["sys design"], "system-design")
    assert result.data == expected
    assert [(c.line, c.field, c.old, c.new) for c in result.changes] == [
        (4, "questions[1].topic", "Sys Design", "system-design"),
        (5, "questions[2].topic", "'sys_design'", "'system-design'"),
        (9, "weak_spots", "sys design", "system-design"),
    ]


@pytest.mark.parametrize(
    ("raw", "line", "message"),
    [
        (b"---\ncompany: Acme\nrole: a: b\nweak_spots: [sql]\n---\n", 3, "invalid YAML"),
        (b"company: Acme\n", 1, "no front matter"),
        (b"---\nweak_spots: [sql]\n", 1, "unclosed front matter"),
        (b"---\nweak_spots: [sql]\nstrengths: |\n  sql\n---\n", 3, "'sql' in strengths is a block"),
        # front matter refuses every alias (generator/entry/frontmatter.py), at its line
        (b"---\nlessons: &x [sql]\nweak_spots: *x\n---\n", 3, "YAML alias '*x'"),
        (b"---\nx: &x sql\nstrengths: [a, *x]\n---\n", 3, "YAML alias '*x'"),
        (b"---\nweak_spots: [&x sql]\ntags: [*x]\n---\n", 3, "YAML alias '*x'"),
        (b"---\nweak_spots: [&x sql]\n---\n", 2, "'sql' in weak_spots has a YAML"),
        (b"---\nweak_spots: !!str sql\n---\n", 2, "'sql' in weak_spots has a YAML"),
    ],
)
def test_a_file_that_cannot_be_rewritten_safely_is_refused(
    raw: bytes, line: int, message: str
) -> None:
    with pytest.raises(RetagError) as caught:
        retag(raw, ["sql"], "databases")
    assert caught.value.line == line
    assert caught.value.message.startswith(message)


def test_not_utf8_is_refused_with_its_line() -> None:
    with pytest.raises(RetagError) as caught:
        retag(b"---\ncompany: Acme\nweak_spots: [caf\xe9]\n---\n", ["x"], "y")
    assert caught.value.line == 3


@pytest.mark.parametrize(
    ("value", "block", "flow"),
    [
        ("sql", "sql", "sql"),
        ("system design", "system design", "system design"),
        ("a, b", "a, b", '"a, b"'),
        ("[x]", '"[x]"', '"[x]"'),
        ("yes", '"yes"', '"yes"'),
        ("1984", '"1984"', '"1984"'),
        ("null", '"null"', '"null"'),
        ("key: value", '"key: value"', '"key: value"'),
        ("#1 fear", '"#1 fear"', '"#1 fear"'),
        ("- dash", '"- dash"', '"- dash"'),
        ("it's", "it's", "it's"),
        ("'quoted'", "\"'quoted'\"", "\"'quoted'\""),
        ("é", "é", "é"),
        (" padded", '" padded"', '" padded"'),
    ],
)
def test_yaml_scalar(value: str, block: str, flow: str) -> None:
    assert yaml_scalar(value) == block
    assert yaml_scalar(value, flow=True) == flow


def test_double_quoted_escapes_what_yaml_cannot_hold_raw() -> None:
    assert double_quoted('a "b" \\ c\td\x7f\u2028') == '"a \\"b\\" \\\\ c\\x09d\\x7f\\u2028"'


def test_unified_diff() -> None:
    before = b"---\nweak_spots: [sql]\nrole: x\n---\n"
    after = b"---\nweak_spots: [databases]\nrole: x\n---\n"
    assert unified_diff("entries/a.md", before, after) == (
        "--- a/entries/a.md\n"
        "+++ b/entries/a.md\n"
        "@@ -1,4 +1,4 @@\n"
        " ---\n"
        "-weak_spots: [sql]\n"
        "+weak_spots: [databases]\n"
        " role: x\n"
        " ---\n"
    )


def test_a_duplicate_line_goes_whole_with_crlf_and_a_bom() -> None:
    raw = (
        BOM + b"---\r\nweak_spots:\r\n  - SQL\r\n  - nerves\r\n  - sql   # twice\r\n---\r\nbody\r\n"
    )
    result = retag(raw, ["sql"], "databases")
    assert (
        result.data == BOM + b"---\r\nweak_spots:\r\n  - databases\r\n  - nerves\r\n---\r\nbody\r\n"
    )
    assert [(c.line, c.old) for c in result.removed] == [(5, "sql")]


def test_an_about_from_an_alias_is_refused() -> None:
    raw = b"---\nweak_spots: &w [sql]\nlessons: [{lesson: x, about: *w}]\n---\n"
    with pytest.raises(RetagError) as caught:
        retag(raw, ["sql"], "databases")
    # front matter refuses every alias, at its line (generator/entry/frontmatter.py)
    assert caught.value.line == 3
    assert caught.value.message.startswith("YAML alias '*w' in front matter")


def test_a_duplicate_on_the_last_line_of_the_front_matter_leaves_no_blank_line() -> None:
    raw = b"---\nweak_spots:\n  - sql\n  - SQL\n---\n"
    assert retag(raw, ["sql"], "databases").data == b"---\nweak_spots:\n  - databases\n---\n"


def test_a_name_inside_a_flow_mapping_is_quoted_as_in_a_flow_list() -> None:
    raw = b"---\nlessons: [{lesson: b, about: sql}]\n---\n"
    expected = b'---\nlessons: [{lesson: b, about: "sql, joins"}]\n---\n'
    assert retag(raw, ["sql"], "sql, joins").data == expected
