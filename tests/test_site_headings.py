"""An entry page's headings are lifted out of its Markdown (render/placeholders.py `lift`)
and made by the plugin (plugin/headings.py): Python-Markdown converts the notes alone.
The site must be the same as when Python-Markdown converted the headings too."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.plugin.run import RunOptions
from generator.render.placeholders import PART, RUN, Heading, Parts, Source, unlift
from tests.conftest import build_with, copy_demo, write_notebook

FRONT = '---\ntitle: "Acme — Engineer"\n---\n'


def rendered(parts: Parts, body: str, between: str = "") -> str:
    """What the entry template renders in a split page, in small."""
    return (
        FRONT
        + "\n# Acme — Engineer\n"
        + parts(lambda: '<p class="chips">date</p>')
        + between
        + "\n## Questions\n"
        + parts(lambda: "<ol>\n<li>q</li>\n</ol>")
        + "\n## Notes\n\n"
        + parts.markdown(body)
        + "\n"
    )


def test_a_page_of_headings_and_blocks_gives_python_markdown_its_notes_alone() -> None:
    parts = Parts(split=True)
    source = parts.source(rendered(parts, "Some *notes*.\n\n## Mine"))
    assert source == Source(
        FRONT + "\n# Acme — Engineer\n\n" + RUN.format(0, 3) + "\n\nSome *notes*.\n\n## Mine\n",
        (
            '<p class="chips">date</p>',
            Heading(2, "Questions"),
            "<ol>\n<li>q</li>\n</ol>",
            Heading(2, "Notes"),
        ),
    )
    # Put back, it is the page as it was rendered before lifting, block by block.
    assert unlift(source) == Source(
        FRONT
        + "\n# Acme — Engineer\n\n"
        + "\n\n".join([PART.format(0), "## Questions", PART.format(1), "## Notes"])
        + "\n\nSome *notes*.\n\n## Mine\n",
        ('<p class="chips">date</p>', "<ol>\n<li>q</li>\n</ol>"),
    )


def test_a_page_with_markdown_of_its_own_is_left_whole() -> None:
    parts = Parts(split=True)
    text = rendered(parts, "The notes.", between="\nNothing to follow up.\n")
    source = parts.source(text)
    assert source.parts == ('<p class="chips">date</p>', "<ol>\n<li>q</li>\n</ol>")
    assert source.markdown.endswith("## Notes\n\nThe notes.\n")
    assert "Nothing to follow up." in source.markdown
    assert "debrief-markdown" not in source.markdown


def test_the_export_is_not_split() -> None:
    parts = Parts(split=False)
    text = rendered(parts, "The notes.")
    assert parts.source(text) == Source(text)
    assert text.endswith("## Notes\n\nThe notes.\n")


def build_site(root: Path, monkeypatch: pytest.MonkeyPatch, *, lift: bool) -> dict[str, bytes]:
    return build_with(root, monkeypatch, RunOptions(lift_headings=lift))


def test_the_demo_is_the_same_byte_for_byte_with_headings_lifted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lifted = build_site(copy_demo(tmp_path / "lifted"), monkeypatch, lift=True)
    whole = build_site(copy_demo(tmp_path / "whole"), monkeypatch, lift=False)
    assert sorted(lifted) == sorted(whole)
    assert [path for path in sorted(whole) if lifted[path] != whole[path]] == []
    # Not by chance: the entry pages have their generated headings, with permalinks.
    page = lifted["entries/2026-06-03-northwind-recruiter-screen/index.html"].decode()
    assert '<h2 id="questions">Questions<a class="headerlink" href="#questions"' in page


ENTRY = """\
---
company: Acme
role: Engineer
date: 2026-03-02
stage: onsite
outcome: rejected
questions:
  - question: Design a queue
    rating: 2
lessons:
  - Ask about the load first.
---
Before the questions.

## Questions

What I should have asked.

### Deeper

More.
"""


def headings_of(html: str) -> list[tuple[str, str]]:
    """(tag, id) of each heading in the article, in order."""
    article = html[html.index("<article") : html.index("</article>")]
    return re.findall(r'<(h[1-6]) id="([^"]*)"', article)


def toc_of(html: str) -> list[str]:
    """The links of the page's table of contents (the right-hand sidebar), in order."""
    toc = html[html.index('data-md-component="toc"') :]
    toc = toc[: toc.index("</nav>")]
    return re.findall(r'<a href="(#[^"]*)" class="md-nav__link">', toc)


def test_the_notes_keep_their_anchors_and_the_generated_heading_takes_a_suffix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_notebook(tmp_path / "nb", {"acme.md": ENTRY})
    site = build_site(root, monkeypatch, lift=True)
    html = site["entries/acme/index.html"].decode()
    assert headings_of(html) == [
        ("h1", "acme-engineer"),
        ("h2", "questions_1"),  # generated: the notes' own "Questions" keeps its anchor
        ("h2", "lessons"),
        ("h2", "follow-through"),
        ("h2", "notes"),
        ("h2", "questions"),
        ("h3", "deeper"),
    ]
    assert '<h2 id="questions_1">Questions</h2>' in html  # no permalinks in this mkdocs.yml
    # The table of contents follows the page: the notes' headings after "Notes".
    assert toc_of(html) == [
        "#questions_1",
        "#lessons",
        "#follow-through",
        "#notes",
        "#questions",
        "#deeper",
    ]
    index = json.loads(site["search/search_index.json"])
    sections = [d["location"] for d in index["docs"] if d["location"].startswith("entries/acme/")]
    assert sections == [
        "entries/acme/",
        "entries/acme/#questions_1",
        "entries/acme/#lessons",
        "entries/acme/#follow-through",  # its checklist is left out, not its heading
        "entries/acme/#notes",
        "entries/acme/#questions",
        "entries/acme/#deeper",
    ]
    found = {d["location"]: d["text"] for d in index["docs"]}
    assert "Design a queue" in found["entries/acme/#questions_1"]
    assert "What I should have asked." in found["entries/acme/#questions"]
    assert found["entries/acme/#notes"] == "<p>Before the questions.</p>"


def test_headings_follow_the_toc_settings_of_mkdocs_yml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_notebook(tmp_path / "nb", {"acme.md": ENTRY})
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text() + "markdown_extensions:\n  - toc:\n      permalink: '§'\n"
        "      toc_depth: 2\n",
        encoding="utf-8",
    )
    html = build_site(root, monkeypatch, lift=True)["entries/acme/index.html"].decode()
    assert '<h2 id="lessons">Lessons<a class="headerlink" href="#lessons"' in html
    assert 'title="Permanent link">§</a></h2>' in html
    # toc_depth 2: the notes' h3 keeps its id but is not in the table of contents.
    assert ("h3", "deeper") in headings_of(html)
    assert toc_of(html) == ["#questions_1", "#lessons", "#follow-through", "#notes", "#questions"]
