"""The page renderer: `render_pages` on small hand-written notebooks, no MkDocs involved.

Every expected string below is worked out by hand from the templates and the entries
next to it; when a template changes on purpose, change the expectation and review it.
"""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser

import markdown
import pytest
import yaml

from generator.aggregate import Insights, aggregate
from generator.entry.read import Entry, entry_from_bytes
from generator.render.escape import forget_escaped, html_inline, html_text, md_inline, yaml_string
from generator.render.pages import render_pages, render_sources
from generator.render.view import ordinal
from generator.settings import Settings
from tests.conftest import make_entry

TODAY = date(2026, 3, 15)

# The Markdown extensions of the demo and scaffold mkdocs.yml (MkDocs adds `tables` anyway).
EXTENSIONS = [
    "admonition",
    "attr_list",
    "md_in_html",
    "tables",
    "toc",
    "pymdownx.details",
    "pymdownx.tasklist",
]


def insights_of(entries: list[Entry], settings: Settings | None = None) -> Insights:
    return aggregate(entries, settings or Settings(), TODAY)


def pages_of(
    entries: list[Entry], settings: Settings | None = None, **kwargs: str
) -> dict[str, str]:
    settings = settings or Settings()
    return render_pages(insights_of(entries, settings), settings, **kwargs)


def admonitions(page: str) -> list[str]:
    """Each Markdown admonition of a page: its `!!!` line and the indented lines below it."""
    found: list[str] = []
    lines = page.splitlines()
    for i, line in enumerate(lines):
        if not line.startswith("!!!"):
            continue
        block = [line]
        for following in lines[i + 1 :]:
            if following.strip() and not following.startswith("    "):
                break
            block.append(following)
        found.append("\n".join(block).rstrip("\n"))
    return found


def callouts(page: str) -> list[str]:
    """Each "seen before" callout of a page: its HTML block, a line per element."""
    return re.findall(
        r'<div class="admonition warning" data-search-exclude>\n.*?\n</div>', page, re.DOTALL
    )


def first_table(page: str, section: str) -> list[str]:
    """The body rows of the first table after `section`, a line each."""
    text = page.split(section + "\n", 1)[1]
    return text.split("<tbody>\n", 1)[1].split("\n</tbody>", 1)[0].splitlines()


# --- which pages --------------------------------------------------------------------------


def test_page_paths_are_exactly_the_generated_pages() -> None:
    entries = [
        make_entry("2026-01-01-a", "2026-01-01", "weak_spots: [C++, index]\n"),
        make_entry(
            "2026-02-01-b",
            "2026-02-01",
            'weak_spots: [c++, c, "???"]\n',
            company="Globex",
            folder="2026/",
        ),
        make_entry("2026-03-01-c", "2026-03-01", company="ACME"),
    ]
    pages = pages_of(entries)
    # Weak spots, most frequent first, then most recent, then by name:
    # c++ (2), ??? and c (1, last 02-01; '?' sorts before 'c'), index (1, last 01-01).
    # c++ takes weak-spots/c.md, ??? slugs to nothing and becomes 'item', c finds 'c'
    # taken and becomes c-2, and 'index' is reserved for the overview: index-2.
    # Acme and ACME are one company: one prep page.
    assert set(pages) == {
        "index.md",
        "timeline.md",
        "weak-spots/index.md",
        "weak-spots/c.md",
        "weak-spots/item.md",
        "weak-spots/c-2.md",
        "weak-spots/index-2.md",
        "lessons.md",
        "questions.md",
        "practice.md",
        "follow-ups.md",
        "prep/index.md",
        "prep/acme.md",
        "prep/globex.md",
        "entries/2026-01-01-a.md",
        "entries/2026-02-01-b.md",
        "entries/2026-03-01-c.md",
    }
    rows = first_table(
        pages["weak-spots/index.md"], "One that comes back is not resolved any more."
    )
    assert rows == [
        '<tr><td><a href="c/">c++</a></td><td style="text-align: right;">2</td><td><time datetime="2026-01-01">2026-01-01</time></td><td><time datetime="2026-02-01">2026-02-01</time></td><td style="text-align: right;">0 of 2 (0%)</td><td><span class="debrief-status debrief-status--recurring">recurring</span></td></tr>',
        '<tr><td><a href="item/">???</a></td><td style="text-align: right;">1</td><td><time datetime="2026-02-01">2026-02-01</time></td><td><time datetime="2026-02-01">2026-02-01</time></td><td style="text-align: right;">0 of 1 (0%)</td><td><span class="debrief-status debrief-status--one-off">one-off</span></td></tr>',
        '<tr><td><a href="c-2/">c</a></td><td style="text-align: right;">1</td><td><time datetime="2026-02-01">2026-02-01</time></td><td><time datetime="2026-02-01">2026-02-01</time></td><td style="text-align: right;">0 of 1 (0%)</td><td><span class="debrief-status debrief-status--one-off">one-off</span></td></tr>',
        '<tr><td><a href="index-2/">index</a></td><td style="text-align: right;">1</td><td><time datetime="2026-01-01">2026-01-01</time></td><td><time datetime="2026-01-01">2026-01-01</time></td><td style="text-align: right;">0 of 1 (0%)</td><td><span class="debrief-status debrief-status--one-off">one-off</span></td></tr>',
    ]


def test_an_empty_notebook_has_the_overview_pages_and_a_welcome() -> None:
    pages = pages_of([], home_intro="# My notebook\n\nWritten by hand.\n")
    assert set(pages) == {
        "index.md",
        "timeline.md",
        "weak-spots/index.md",
        "lessons.md",
        "questions.md",
        "practice.md",
        "follow-ups.md",
        "prep/index.md",
    }
    home = pages["index.md"]
    assert home.startswith("# My notebook\n\nWritten by hand.\n")
    assert admonitions(home) == [
        '!!! tip "Write your first debrief"\n'
        "    The notebook is empty. Right after an interview, while it is fresh, run:\n"
        "\n"
        '        debrief new --company "Acme" --role "Backend engineer" --stage technical\n'
        "\n"
        "    or write a file in `entries/` with `company`, `role` and\n"
        "    `date` in its front matter. Then `debrief serve` shows it here, and "
        "`debrief schema` lists\n"
        "    every field."
    ]
    html = markdown.markdown(home, extensions=EXTENSIONS)
    assert '<div class="admonition tip">' in html
    # An indented code block inside the admonition: the command shows as a code block.
    assert (
        '<pre><code>debrief new --company "Acme" --role "Backend engineer" --stage technical'
        in html
    )
    assert "No interviews yet." in pages["timeline.md"]


def test_the_welcome_names_the_entries_folder_as_written() -> None:
    pages = pages_of([], Settings(entries_dir="my_entries"))
    assert "write a file in `my_entries/` with" in pages["index.md"]


# --- "seen before" ------------------------------------------------------------------------


def seen_before_entries() -> list[Entry]:
    # One weak spot under three spellings (one through an alias), in three folders.
    return [
        make_entry(
            "2026-03-01-c",
            "2026-03-01",
            "stage: final\nweak_spots: [system-design]\nstrengths: [estimation]\n"
            "lessons: [Third time I wrote this.]\n",
            company="Initech",
            folder="2026/",
        ),
        make_entry(
            "2026-01-01-a",
            "2026-01-01",
            "stage: technical\noutcome: rejected\nfeeling: 2\n"
            "weak_spots: [system design]\nlessons: [Ask about scale first.]\n"
            "questions:\n  - question: Design a URL shortener.\n    rating: 2\n"
            "    better: Read/write ratio first.\n",
        ),
        make_entry(
            "2026-02-01-b",
            "2026-02-01",
            "stage: onsite\noutcome: rejected\nfeeling: 3\n"
            # two weak spots: the lesson says which one it is about (through the alias)
            "weak_spots: [Sys Design, estimation]\n"
            "lessons: [{lesson: Draw the data model first., about: sys design}]\n",
            company="Globex",
            folder="old/",
        ),
    ]


SETTINGS = Settings(aliases={"sys design": "system-design"})


def test_seen_before_on_the_third_time_links_both_earlier_entries_and_their_lessons() -> None:
    pages = pages_of(seen_before_entries(), SETTINGS)
    # Every entry page is entries/<slug>.md whatever folder the file is in: siblings.
    assert callouts(pages["entries/2026-03-01-c.md"]) == [
        '<div class="admonition warning" data-search-exclude>\n'
        '<p class="admonition-title">Seen before: system-design, 3rd time</p>\n'
        "<p>system-design came up before in:</p>\n"
        "<ul>\n"
        '<li><a href="../2026-01-01-a/">Acme &mdash; Engineer</a> (<time datetime="2026-01-01">2026-01-01</time>)</li>\n'
        '<li><a href="../2026-02-01-b/">Globex &mdash; Engineer</a> (<time datetime="2026-02-01">2026-02-01</time>)</li>\n'
        "</ul>\n"
        "<p>Lessons I wrote down then:</p>\n"
        "<ul>\n"
        '<li>Ask about scale first. (<a href="../2026-01-01-a/">Acme</a>)</li>\n'
        '<li>Draw the data model first. (<a href="../2026-02-01-b/">Globex</a>)</li>\n'
        "</ul>\n"
        "</div>"
    ]


def test_seen_before_on_the_second_time_and_not_on_the_first() -> None:
    pages = pages_of(seen_before_entries(), SETTINGS)
    assert callouts(pages["entries/2026-02-01-b.md"]) == [
        '<div class="admonition warning" data-search-exclude>\n'
        '<p class="admonition-title">Seen before: system-design, 2nd time</p>\n'
        "<p>system-design came up before in:</p>\n"
        "<ul>\n"
        '<li><a href="../2026-01-01-a/">Acme &mdash; Engineer</a> (<time datetime="2026-01-01">2026-01-01</time>)</li>\n'
        "</ul>\n"
        "<p>Lessons I wrote down then:</p>\n"
        "<ul>\n"
        '<li>Ask about scale first. (<a href="../2026-01-01-a/">Acme</a>)</li>\n'
        "</ul>\n"
        "</div>"
    ]
    first = pages["entries/2026-01-01-a.md"]
    assert callouts(first) == []
    assert "Seen before" not in first


def test_seen_before_renders_as_a_warning_with_working_links() -> None:
    page = pages_of(seen_before_entries(), SETTINGS)["entries/2026-03-01-c.md"]
    html = markdown.markdown(page, extensions=EXTENSIONS)
    callout = html.split('<div class="admonition warning" data-search-exclude>', 1)[1].split(
        "</div>", 1
    )[0]
    assert '<p class="admonition-title">Seen before: system-design, 3rd time</p>' in callout
    assert re.findall(r'href="([^"]+)"', callout) == [
        "../2026-01-01-a/",
        "../2026-02-01-b/",
        "../2026-01-01-a/",
        "../2026-02-01-b/",
    ]


def test_seen_before_on_the_same_day_goes_by_file_path() -> None:
    entries = [
        make_entry("2026-01-01-y", "2026-01-01", "weak_spots: [sql]\n", company="Yoyodyne"),
        make_entry("2026-01-01-x", "2026-01-01", "weak_spots: [SQL]\n", company="Xanadu"),
    ]
    pages = pages_of(entries)
    assert callouts(pages["entries/2026-01-01-x.md"]) == []
    assert callouts(pages["entries/2026-01-01-y.md"]) == [
        '<div class="admonition warning" data-search-exclude>\n'
        '<p class="admonition-title">Seen before: sql, 2nd time</p>\n'
        "<p>sql came up before in:</p>\n"
        "<ul>\n"
        '<li><a href="../2026-01-01-x/">Xanadu &mdash; Engineer</a> (<time datetime="2026-01-01">2026-01-01</time>)</li>\n'
        "</ul>\n"
        "</div>"
    ]


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (22, "22nd"),
        (23, "23rd"),
        (101, "101st"),
        (111, "111th"),
        (112, "112th"),
    ],
)
def test_ordinal(n: int, expected: str) -> None:
    assert ordinal(n) == expected


# --- weak-spot pages ----------------------------------------------------------------------


def test_weak_spot_page_status_rows_lessons_and_questions() -> None:
    page = pages_of(seen_before_entries(), SETTINGS)["weak-spots/system-design.md"]
    assert page.startswith(
        '---\ntitle: "Weak spot: system-design"\n---\n\n'
        "# system-design\n\n"
        '<p class="debrief-crumbs" data-search-exclude><a href="../">Weak spots</a> › system-design</p>\n'
    )
    assert (
        '<p><span class="debrief-status debrief-status--recurring">recurring</span> '
        'Came up in <strong>3</strong> interviews, first on <time datetime="2026-01-01">2026-01-01</time>, last on <time datetime="2026-03-01">2026-03-01</time>.</p>\n'
    ) in page
    assert first_table(page, "## Where it came up") == [
        '<tr><td><time datetime="2026-01-01">2026-01-01</time></td><td><a href="../../entries/2026-01-01-a/">Acme</a></td><td>Engineer</td><td>technical</td><td>rejected</td><td style="text-align: right;">2</td></tr>',
        '<tr><td><time datetime="2026-02-01">2026-02-01</time></td><td><a href="../../entries/2026-02-01-b/">Globex</a></td><td>Engineer</td><td>onsite</td><td>rejected</td><td style="text-align: right;">3</td></tr>',
        '<tr><td><time datetime="2026-03-01">2026-03-01</time></td><td><a href="../../entries/2026-03-01-c/">Initech</a></td><td>Engineer</td><td>final</td><td>pending</td><td style="text-align: right;"></td></tr>',
    ]
    learned = page.split("## What I learned\n\n", 1)[1].strip().split("\n\n", 1)[0]
    assert learned.splitlines() == [
        "<ul data-search-exclude>",
        '<li>Ask about scale first. — <a href="../../entries/2026-01-01-a/">Acme</a> (<time datetime="2026-01-01">2026-01-01</time>)</li>',
        '<li>Draw the data model first. — <a href="../../entries/2026-02-01-b/">Globex</a> (<time datetime="2026-02-01">2026-02-01</time>)</li>',
        '<li>Third time I wrote this. — <a href="../../entries/2026-03-01-c/">Initech</a> (<time datetime="2026-03-01">2026-03-01</time>)</li>',
        "</ul>",
    ]
    questions = page.split("## Questions about it\n\n", 1)[1].strip()
    assert questions.splitlines() == [
        "<div data-search-exclude>",
        "<ul>",
        "<li>",
        '<p><strong>Design a URL shortener.</strong> · ★★☆☆☆ — <a href="../../entries/2026-01-01-a/">Acme</a> (<time datetime="2026-01-01">2026-01-01</time>)</p>',
        "<ul>",
        "<li><em>Next time:</em> Read/write ratio first.</li>",
        "</ul>",
        "</li>",
        "</ul>",
        "</div>",
    ]


def test_weak_spot_resolved_by_a_later_strength() -> None:
    page = pages_of(seen_before_entries(), SETTINGS)["weak-spots/estimation.md"]
    assert (
        '<p><span class="debrief-status debrief-status--resolved">resolved</span> '
        'Came up in <strong>1</strong> interview, first on <time datetime="2026-02-01">2026-02-01</time>, last on <time datetime="2026-02-01">2026-02-01</time>. '
        'Handled in <a href="../../entries/2026-03-01-c/">Initech &mdash; Engineer</a> (<time datetime="2026-03-01">2026-03-01</time>), a later interview.</p>\n'
    ) in page
    overview = pages_of(seen_before_entries(), SETTINGS)["weak-spots/index.md"]
    assert first_table(overview, "One that comes back is not resolved any more.") == [
        '<tr><td><a href="system-design/">system-design</a></td><td style="text-align: right;">3</td><td><time datetime="2026-01-01">2026-01-01</time></td><td><time datetime="2026-03-01">2026-03-01</time></td><td style="text-align: right;">2 of 3 (67%)</td><td><span class="debrief-status debrief-status--recurring">recurring</span></td></tr>',
        '<tr><td><a href="estimation/">estimation</a></td><td style="text-align: right;">1</td><td><time datetime="2026-02-01">2026-02-01</time></td><td><time datetime="2026-02-01">2026-02-01</time></td><td style="text-align: right;">1 of 1 (100%)</td><td><span class="debrief-status debrief-status--resolved">resolved</span></td></tr>',
    ]


def test_entry_page_links_weak_spots_and_strengths_to_their_pages() -> None:
    page = pages_of(seen_before_entries(), SETTINGS)["entries/2026-03-01-c.md"]
    # In the header, under the chips: what this interview is about, before any detail.
    assert (
        '<p class="debrief-spots"><strong>Weak spots:</strong> <a href="../../weak-spots/system-design/">system-design</a>'
        ' · <strong>Strengths:</strong> <a href="../../weak-spots/estimation/">estimation</a></p>\n'
    ) in page  # a strength that is also a weak spot links to that weak spot's page


# --- escaping -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Acme", "Acme"),
        ("A | B", "A \\| B"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("AT&T", "AT&amp;T"),
        ("&amp;", "&amp;amp;"),
        ("a*b_c`d", "a\\*b\\_c\\`d"),
        ("[x](y)", "\\[x\\](y)"),
        ("back\\slash", "back\\\\slash"),
        ("# not a heading", "\\# not a heading"),
        ("- not a list", "\\- not a list"),
        ("+ not a list", "\\+ not a list"),
        ("first line\n   second  line ", "first line second line"),
        (42, "42"),
    ],
)
def test_md_inline(text: object, expected: str) -> None:
    assert md_inline(text) == expected


def test_html_text() -> None:
    assert html_text('a "b" <c> & d') == "a &quot;b&quot; &lt;c&gt; &amp; d"
    assert html_text(3) == "3"


def test_html_inline_is_one_escaped_line_each_time_it_is_asked() -> None:
    text = ' a\t"b"\u2028<c>\n\n&  d '
    # The second time from what the render remembers; then after a render let go of it.
    assert html_inline(text) == "a &quot;b&quot; &lt;c&gt; &amp; d"
    assert html_inline(text) == "a &quot;b&quot; &lt;c&gt; &amp; d"
    forget_escaped()
    assert html_inline(text) == "a &quot;b&quot; &lt;c&gt; &amp; d"
    assert html_inline(3) == "3"
    assert html_inline(date(2026, 1, 2)) == "2026-01-02"
    assert html_inline("as it is") == "as it is"


def test_yaml_string_reads_back_as_the_text() -> None:
    assert yaml_string('Say "hi" \\ there') == '"Say \\"hi\\" \\\\ there"'
    for text in ['Say "hi" \\ there', "A | B: C # d", "- list? [no] {no}", "'single'"]:
        assert yaml.safe_load("title: " + yaml_string(text)) == {"title": text}
    assert yaml.safe_load("title: " + yaml_string("one\ntwo")) == {"title": "one two"}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def shown(html: str) -> tuple[str, list[tuple[str, list[tuple[str, str | None]]]]]:
    parser = _Text()
    parser.feed(html)
    parser.close()
    return " ".join("".join(parser.parts).split()), parser.tags


# Where md_inline output lands in the templates: a list item, a table cell, a heading
# and a link text.
CONTEXTS = {
    "list item": "- {}",
    "table cell": "| Question | Rating |\n|---|---|\n| {} | ★ |",
    "heading": "### {}",
    "link text": "[{}](page.md)",
}

SHOWN_AS_WRITTEN = [
    "A | B",
    "<script>alert(1)</script>",
    "AT&T and &amp;",
    "a*b*c and _under_ and `code`",
    "[not](a-link) ![not](an-image)",
    "back\\slash",
    "# hash first",
    "- dash first",
    "+ plus first",
    "> quote first",
    "Return {ok}.",
]


@pytest.mark.parametrize("context", list(CONTEXTS))
@pytest.mark.parametrize("text", SHOWN_AS_WRITTEN)
def test_md_inline_renders_as_the_text_itself(text: str, context: str) -> None:
    html = markdown.markdown(CONTEXTS[context].format(md_inline(text)), extensions=EXTENSIONS)
    visible, tags = shown(html)
    expected = text if context != "table cell" else f"Question Rating {text} ★"
    assert visible == expected, html
    assert "script" not in [tag for tag, _ in tags]
    if context == "table cell":
        assert [tag for tag, _ in tags].count("td") == 2, html


def test_md_inline_tilde_shows_as_written() -> None:
    html = markdown.markdown("- " + md_inline("~40 writes a second"), extensions=EXTENSIONS)
    assert shown(html)[0] == "~40 writes a second"


def test_md_inline_leading_number_shows_as_written() -> None:
    for text in ("1. First, ask about scale", "2) then draw"):
        html = markdown.markdown("- " + md_inline(text), extensions=EXTENSIONS)
        assert shown(html)[0] == text


def test_md_inline_leading_equals_shows_as_written() -> None:
    html = markdown.markdown("- " + md_inline("== is not ==="), extensions=EXTENSIONS)
    assert shown(html)[0] == "== is not ==="


@pytest.mark.parametrize("context", ["table cell", "heading"])
def test_md_inline_braces_are_not_attributes(context: str) -> None:
    text = "Why {onmouseover=alert(1)}"
    html = markdown.markdown(CONTEXTS[context].format(md_inline(text)), extensions=EXTENSIONS)
    visible, tags = shown(html)
    assert text in visible, html
    assert all(name != "onmouseover" for _, attrs in tags for name, _ in attrs), html


def test_values_from_an_entry_are_escaped_on_every_page() -> None:
    hostile = make_entry(
        "2026-01-01-x",
        "2026-01-01",
        'stage: "on<b>site"\nformat: "a & b"\n'
        "questions:\n"
        "  - question: \"Why <script>alert('q')</script>?\"\n"
        '    topic: "x | y"\n'
        "    rating: 1\n"
        '    answer: "*bold* claim"\n'
        '    better: "[link](javascript:alert(1))"\n'
        'weak_spots: ["a|b"]\n'
        'lessons: ["<img src=x onerror=alert(1)>"]\n',
        company='"A | B <script>alert(1)</script>"',
        role='"Back_end *engineer*"',
    )
    pages = pages_of([hostile])
    for path, page in pages.items():
        # The front matter title is checked in the built site (test_site_build).
        body = re.sub(r"\A---\n.*?\n---\n", "", page, flags=re.DOTALL)
        assert "<script>" not in body, path
        assert "<img" not in body, path
        html = markdown.markdown(body, extensions=EXTENSIONS)
        assert "<script>" not in html and "<img" not in html, path
        hrefs = re.findall(r'href="([^"]*)"', html)
        assert not [h for h in hrefs if h.lower().startswith("javascript:")], path
    entry_page = pages["entries/2026-01-01-x.md"]
    assert (
        "# A \\| B &lt;script&gt;alert(1)&lt;/script&gt; &mdash; Back\\_end \\*engineer\\*\n"
        in (entry_page)
    )
    assert '<span class="debrief-chip__label">stage</span> on&lt;b&gt;site</span>' in entry_page
    assert '<span class="debrief-chip__label">format</span> a &amp; b</span>' in entry_page
    assert (
        "<p><strong>Why &lt;script&gt;alert('q')&lt;/script&gt;?</strong> · x | y · " in entry_page
    )
    assert "<li><em>What I said:</em> *bold* claim</li>\n" in entry_page
    assert "<li><em>Next time:</em> [link](javascript:alert(1))</li>\n" in entry_page
    assert "<li>&lt;img src=x onerror=alert(1)&gt;</li>\n" in entry_page
    # Rendered as Markdown, the HTML blocks come out as they are: the values show as text.
    html = markdown.markdown(entry_page, extensions=EXTENSIONS)
    assert "<li><em>What I said:</em> *bold* claim</li>" in html
    assert "javascript:" not in re.sub(r"\[link\]\(javascript:alert\(1\)\)", "", html)
    # The timeline row keeps its six cells.
    html = markdown.markdown(pages["timeline.md"], extensions=EXTENSIONS)
    row = html.split("<tbody>", 1)[1].split("</tr>", 1)[0]
    assert row.count("<td") == 6, row
    assert "A | B &lt;script&gt;alert(1)&lt;/script&gt;" in row


def test_charts_are_inline_svg_without_scripts() -> None:
    pages = pages_of(seen_before_entries(), SETTINGS)
    home = pages["index.md"]
    # Feelings on two days, weak spots and outcomes: three charts, each one line of SVG.
    charts = [line for line in home.splitlines() if line.startswith('<div class="debrief-chart')]
    kinds = [
        re.findall(r'^<div class="debrief-chart debrief-chart--([a-z-]+)" data-search-exclude>', c)
        for c in charts
    ]
    assert kinds == [["feeling"], ["weak-spots"], ["outcomes"]]
    for chart in charts:
        assert "<svg " in chart and chart.endswith("</svg></div>")
        assert "<script" not in chart
        assert "http" not in chart.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert (
        '<div class="debrief-chart debrief-chart--weak-spots" data-search-exclude>'
        in pages["weak-spots/index.md"]
    )


def test_chart_titles_start_at_the_left_edge_and_a_missing_stage_is_no_stage() -> None:
    # A phone scrolls a chart sideways: a centred title would be cut before any scrolling.
    staged = make_entry(
        "2026-03-01-a", "2026-03-01", "stage: onsite\noutcome: rejected\nfeeling: 2\n"
    )
    unstaged = make_entry(
        "2026-03-02-b", "2026-03-02", "outcome: pending\nfeeling: 3\nweak_spots: [sql]\n"
    )
    home = pages_of([staged, unstaged])["index.md"]
    titles = re.findall(r'<text class="dc-title" ([^>]*)>([^<]*)</text>', home)
    assert titles == [
        ('x="8" y="20" text-anchor="start"', "Feeling after each interview"),
        ('x="8" y="20" text-anchor="start"', "Weak spots over time"),
        ('x="8" y="20" text-anchor="start"', "Outcomes by stage"),
    ]
    outcomes = home.split("debrief-chart--outcomes", 1)[1]
    labels = re.findall(r'<text class="dc-label"[^>]*>([^<]*)</text>', outcomes)
    assert labels == ["onsite", "no stage"]  # as `debrief stats` says it


def test_banner_is_on_every_page() -> None:
    banner = '!!! danger "Problem"\n    - entries/x.md:4: error: broken'
    pages = pages_of(seen_before_entries(), SETTINGS, banner=banner)
    for path, page in pages.items():
        html = markdown.markdown(page, extensions=EXTENSIONS)
        assert '<div class="admonition danger">' in html, path


# --- pages stay bounded as a notebook grows ------------------------------------------------


def many_entries(count: int) -> list[Entry]:
    """`count` interviews a month apart, each with weak spot sql, one lesson, one question."""
    return [
        make_entry(
            f"2020-{i + 1:02d}-01-e{i + 1}" if i < 12 else f"2021-{i - 11:02d}-01-e{i + 1}",
            f"2020-{i + 1:02d}-01" if i < 12 else f"2021-{i - 11:02d}-01",
            f"weak_spots: [sql]\nlessons: [Lesson {i + 1}.]\nquestions: [Question {i + 1}?]\n",
            company=f"C{i + 1}",
        )
        for i in range(count)
    ]


def test_seen_before_links_the_latest_three_and_points_to_the_rest() -> None:
    pages = pages_of(many_entries(6))
    # The 6th interview: 5 earlier; e3, e4, e5 linked, 2 more on the weak spot's page,
    # and the lessons of the three linked interviews.
    (callout,) = callouts(pages["entries/2020-06-01-e6.md"])
    lines = callout.splitlines()
    assert lines[1] == '<p class="admonition-title">Seen before: sql, 6th time</p>'
    items = [line for line in lines if line.startswith("<li>")]
    assert [re.findall(r'href="([^"]+)"', line) for line in items[:3]] == [
        ["../2020-03-01-e3/"],
        ["../2020-04-01-e4/"],
        ["../2020-05-01-e5/"],
    ]
    assert items[3] == (
        '<li>… and 2 earlier interviews: see <a href="../../weak-spots/sql/">sql</a></li>'
    )
    assert [line.split(" (")[0] for line in items[4:]] == [
        "<li>Lesson 3.",
        "<li>Lesson 4.",
        "<li>Lesson 5.",
    ]


def test_a_weak_spot_page_lists_the_latest_twelve_lessons_and_questions() -> None:
    page = pages_of(many_entries(14))["weak-spots/sql.md"]
    learned = page.split("## What I learned\n\n", 1)[1].split("\n## ", 1)[0].strip()
    assert learned.startswith(
        '<p>The latest 12 of 14; <a href="../../lessons/">Lessons</a> lists more, and search finds every one.</p>\n'
        "<ul data-search-exclude>\n<li>Lesson 3. — "
    )
    assert learned.count("<li>Lesson ") == 12  # lessons 3 to 14
    asked = page.split("## Questions about it\n\n", 1)[1].strip()
    assert asked.startswith(
        '<p>The latest 12 of 14; <a href="../../questions/">Questions</a> lists more, and search finds every one.</p>\n'
        "<div data-search-exclude>\n<ul>\n<li>\n<p><strong>Question 3?</strong> — "
    )
    assert asked.count("<p><strong>Question ") == 12


def test_a_company_prep_page_points_to_the_general_brief_instead_of_repeating_it() -> None:
    pages = pages_of(seen_before_entries(), SETTINGS)
    general = pages["prep/index.md"]
    assert (
        "## Recurring weak spots\n\n- **system-design**: 3 times, last on 2026-03-01\n" in general
    )
    assert "## Questions I struggled with\n" in general
    acme = pages["prep/acme.md"]
    assert "## Recurring weak spots" not in acme and "## Questions I struggled with" not in acme
    assert (
        "The weak spots that keep coming back and the questions I struggled with are"
        " on [the general brief](index.md).\n"
    ) in acme
    assert "## Earlier interviews (company Acme)\n" in acme
    assert "| 2026-01-01 | [Acme — Engineer](../entries/2026-01-01-a.md) | technical |" in acme


def test_fill_parts_puts_each_block_once_in_its_place() -> None:
    from generator.render.placeholders import PART, MissingBlocks, fill_parts

    one, zero, seven = (f"<p>{PART.format(n)}</p>" for n in (1, 0, 7))
    html = f"a{one}b{zero}c{one}{seven}"
    # The second 1 (as a body could hold) and an unknown number stay as they are.
    assert fill_parts(html, ("X", "Y")) == f"aYbXc{one}{seven}"
    # A placeholder that did not come through is an error, not a page short of a block.
    with pytest.raises(MissingBlocks) as missing:
        fill_parts(f"a{one}b", ("X", "Y"))
    assert (missing.value.count, missing.value.first) == (1, PART.format(0))
    # The token changes from one process to the next: no one can type it in advance.
    assert re.fullmatch(r"debrief-part-[0-9a-f]{12}-\{\}", PART)


def test_the_question_bank_and_lessons_list_the_latest_fifty_of_a_group() -> None:
    entries = [
        make_entry(
            f"20{20 + i // 12}-{i % 12 + 1:02d}-01-e{i}",
            f"20{20 + i // 12}-{i % 12 + 1:02d}-01",
            "weak_spots: [sql]\nlessons: [Lesson "
            + str(i)
            + ".]\nquestions:\n  - question: Same question?\n    topic: sql\n    rating: 1\n",
            company=f"C{i}",
        )
        for i in range(60)
    ]
    pages = pages_of(entries)
    questions = pages["questions.md"]
    # 60 interviews asked it, rated 1 each time: struggled 60 times, asked again 60 times.
    struggled = questions.split("## Where I struggled\n", 1)[1].split("\n## ", 1)[0]
    assert "<p>The latest 50 of 60; search finds every question in its interview.</p>" in struggled
    assert struggled.count("<p><strong>Same question?</strong>") == 50
    assert ">C10</a>" in struggled and ">C9</a>" not in struggled  # the first ten left out
    again = questions.split("## Asked again\n", 1)[1].split("\n## ", 1)[0]
    assert "<li><strong>Same question?</strong> — 60 times, the latest: " in again
    assert again.count("<a href=") == 5 and ">C55</a>" in again and ">C54</a>" not in again
    by_topic = questions.split("### sql\n", 1)[1]
    assert "<p>The latest 50 of 60; search finds every question in its interview.</p>" in by_topic
    assert by_topic.count("<tr><td>Same question?</td>") == 50
    lessons = pages["lessons.md"].split("## sql\n", 1)[1]
    assert "<p>The latest 50 of 60; search finds every lesson in its interview.</p>" in lessons
    assert lessons.count("<li>Lesson ") == 50 and "<li>Lesson 10. — " in lessons
    assert "<li>Lesson 9. — " not in lessons


@pytest.mark.parametrize(
    ("target", "here", "expected"),
    [
        ("entries/b/", "entries/a/", "../b/"),
        ("timeline/", "entries/a/", "../../timeline/"),
        ("", "entries/a/", "../../"),
        ("entries/a/", "", "entries/a/"),
        ("weak-spots/", "weak-spots/x/", "../"),
        ("weak-spots/x/", "weak-spots/", "x/"),
        ("weak-spots/", "weak-spots/", "./"),
        ("entries/b.html", "entries/a.html", "b.html"),
        ("index.html", "weak-spots/x.html", "../index.html"),
        ("weak-spots/index.html", "index.html", "weak-spots/index.html"),
    ],
)
def test_relative_url_as_mkdocs_writes_links(target: str, here: str, expected: str) -> None:
    from generator.render.addresses import relative_url

    assert relative_url(target, here) == expected


# --- an entry as `debrief new` leaves it ------------------------------------------------


def new_entry(body_after: str = "") -> Entry:
    from generator.edit.capture import entry_template

    text = entry_template("Acme", "Engineer", date(2026, 3, 1)) + body_after
    made, problems = entry_from_bytes(
        text.encode(), "entries/2026-03-01-acme.md", "2026-03-01-acme"
    )
    assert made is not None, [p.format() for p in problems]
    return made


UNCHECKED_NOTES = (
    '<li class="task-list-item"><label class="task-list-control"><input type="checkbox"'
    ' disabled/><span class="task-list-indicator"></span></label> Notes captured while fresh</li>'
)


def test_an_untouched_new_entry_has_no_notes_section_and_no_notes_ticked() -> None:
    page = pages_of([new_entry()])["entries/2026-03-01-acme.md"]
    assert "## Notes" not in page
    assert "<!--" not in page  # the prompts stay in the file
    assert UNCHECKED_NOTES in page
    # No heading of the page twice: the prompts are not headings.
    headings = re.findall(r"^#+ (.+)$", page, re.MULTILINE)
    assert len(headings) == len(set(headings)), headings


def test_a_new_entry_with_a_story_written_under_the_prompts_shows_it() -> None:
    page = pages_of([new_entry("They asked me to design a rate limiter.\n")])[
        "entries/2026-03-01-acme.md"
    ]
    notes = page.split("## Notes", 1)[1]
    assert "They asked me to design a rate limiter." in notes
    assert UNCHECKED_NOTES.replace(" disabled/>", " disabled checked/>") in page


def test_an_unclosed_comment_shows_as_text_as_markdown_shows_it() -> None:
    # Python-Markdown renders "<!-- prompt" without its "-->" as text, and what follows too:
    # the story under it must not be taken for a comment.
    page = pages_of([new_entry("<!-- my own prompt\n\nMy story here.\n")])[
        "entries/2026-03-01-acme.md"
    ]
    assert "My story here." in page.split("## Notes", 1)[1]
    assert UNCHECKED_NOTES.replace(" disabled/>", " disabled checked/>") in page


def test_an_entry_pages_markdown_adds_nothing_beyond_latin_1() -> None:
    """MkDocs holds each page's HTML (made of this Markdown, the blocks apart) until it
    writes the page: text beyond Latin-1 would be stored at two bytes a character. The
    blocks (crumbs with ›, stars) are filled in one page at a time, as it is written."""
    entry = make_entry("x", "2026-03-01", company="Acme", role="Engineer")
    sources = dict(render_sources(insights_of([entry]), Settings()))
    source = sources["entries/x.md"]
    assert "# Acme &mdash; Engineer\n" in source.markdown
    # MkDocs takes the front matter apart (the title keeps its dash); the rest is the page.
    body = source.markdown.split("\n---\n", 1)[1]
    assert max(body, key=ord) <= "\xff"
    assert "›" in "".join(part for part in source.parts if isinstance(part, str))
