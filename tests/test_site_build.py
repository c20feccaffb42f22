"""`debrief build` for real: MkDocs and mkdocs-material build a notebook, and the tests
read the HTML the way a browser would (what is an element, what is text, what loads).

The demo notebook and the small fixture (tests/fixtures/site/small) are each built once
per module; the tests that break something build their own notebooks.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar
from urllib.parse import urljoin, urlsplit

import pytest
from click.testing import CliRunner, Result

from generator.cli.main import cli
from tests.conftest import copy_demo, run_cli, write_notebook

SMALL = Path(__file__).parent / "fixtures" / "site" / "small"
DEMO_TODAY = "2026-12-01"
SMALL_TODAY = "2026-03-15"
FINAL_LINE = re.compile(
    r"Built (?P<entries>\d+) (entry|entries) into (?P<pages>\d+) pages in site/: "
    r"(?P<warnings>\d+) warnings?, \d+\.\d s"
)


def debrief(args: list[str], cwd: Path, today: str) -> Result:
    """Run the CLI in-process from `cwd`, with "today" pinned and no colours."""
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(cwd)
        patch.setenv("DEBRIEF_TODAY", today)
        patch.setenv("NO_COLOR", "1")
        patch.setenv("NO_MKDOCS_2_WARNING", "1")
        return run_cli(*args)


def snapshot(root: Path) -> dict[str, tuple[bytes | None, int]]:
    """Bytes and modification time of everything under entries/ and notebook/."""
    state: dict[str, tuple[bytes | None, int]] = {}
    for folder in ("entries", "notebook"):
        for path in sorted((root / folder).rglob("*")):
            content = path.read_bytes() if path.is_file() else None
            state[path.relative_to(root).as_posix()] = (content, path.stat().st_mtime_ns)
        state[folder] = (None, (root / folder).stat().st_mtime_ns)
    return state


@dataclass
class Built:
    root: Path
    result: Result
    before: dict[str, tuple[bytes | None, int]]
    after: dict[str, tuple[bytes | None, int]]

    @property
    def site(self) -> Path:
        return self.root / "site"

    def html(self, url: str) -> str:
        return (self.site / url / "index.html").read_text(encoding="utf-8")


def build_copy(target: Path, today: str, *args: str) -> Built:
    """`debrief build` of the notebook copied into `target`, with what it changed there."""
    before = snapshot(target)
    result = debrief(["build", *args], target, today)
    return Built(target, result, before, snapshot(target))


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build_copy(copy_demo(tmp_path_factory.mktemp("demo")), DEMO_TODAY)


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Built:
    target = tmp_path_factory.mktemp("small") / "small"
    shutil.copytree(SMALL, target)
    return build_copy(target, SMALL_TODAY)


def html_pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


# --- reading HTML -------------------------------------------------------------------------


def article(html: str) -> str:
    start = html.index('<article class="md-content__inner md-typeset">')
    return html[start : html.index("</article>", start)]


class _Elements(HTMLParser):
    """Every element with its attributes and its text (text of children included)."""

    VOID: ClassVar[frozenset[str]] = frozenset(
        ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"]
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str], list[str]]] = []
        self.open: list[tuple[str, dict[str, str], list[str]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = (tag, {k: v or "" for k, v in attrs}, [])
        self.elements.append(element)
        if tag not in self.VOID:
            self.open.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}, []))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.open) - 1, -1, -1):
            if self.open[i][0] == tag:
                del self.open[i:]
                break

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        for _tag, _attrs, text in self.open:
            text.append(data)


def elements(html: str) -> list[tuple[str, dict[str, str], str]]:
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return [(tag, attrs, "".join(text)) for tag, attrs, text in parser.elements]


def visible_text(html: str) -> str:
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return " ".join("".join(parser.text).split())


def table_rows(html: str) -> list[list[str]]:
    """Each body row of every table: the text of its cells."""
    rows: list[list[str]] = []
    for table in re.findall(r"<tbody>(.*?)</tbody>", html, flags=re.DOTALL):
        for row in re.findall(r"<tr>(.*?)</tr>", table, flags=re.DOTALL):
            rows.append([" ".join(text.split()) for tag, _, text in elements(row) if tag == "td"])
    return rows


def nav_links(html: str) -> list[tuple[str, str]]:
    """(href, label) of the primary navigation, without the page's own table of contents."""

    class Nav(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.navs: list[bool] = []
            self.link: list[str] | None = None
            self.links: list[tuple[str, str]] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found = {k: v or "" for k, v in attrs}
            if tag == "nav":
                self.navs.append("md-nav--primary" in found.get("class", ""))
            elif tag == "a" and any(self.navs) and "md-nav__link" in found.get("class", ""):
                self.link = [found.get("href", ""), ""]

        def handle_endtag(self, tag: str) -> None:
            if tag == "nav":
                self.navs.pop()
            elif tag == "a" and self.link is not None:
                self.links.append((self.link[0], " ".join(self.link[1].split())))
                self.link = None

        def handle_data(self, data: str) -> None:
            if self.link is not None:
                self.link[1] += data

    parser = Nav()
    parser.feed(html)
    return [(href, label) for href, label in parser.links if not href.startswith("#")]


# --- the demo -----------------------------------------------------------------------------

DEMO_ENTRIES = [
    "2026-06-03-northwind-recruiter-screen",
    "2026-06-10-blue-heron-phone-screen",
    "2026-06-17-northwind-technical",
    "2026-07-01-copperline-take-home",
    "2026-07-08-northwind-onsite",
    "2026-07-22-saltmarsh-behavioral",
    "2026-08-12-quillfeather-technical",
    "2026-09-02-tallgrass-recruiter-screen",
    "2026-09-16-tallgrass-technical",
    "2026-10-07-tallgrass-onsite",
    "2026-10-21-tallgrass-final",
    "2026-11-12-fernbank-case",
    "2026-11-26-alder-finch-phone-screen",
]
# The weak spots written in the demo entries, normalized ('sys design' is aliased).
DEMO_WEAK_SPOTS = [
    "behavioral-stories",
    "domain-knowledge",
    "double-entry-bookkeeping",
    "estimation",
    "kubernetes-operators",
    "multi-tenancy",
    "system-design",
    "talking-around-my-nda",
    "time-boxing",
]
DEMO_COMPANIES = [
    "alder-finch",
    "blue-heron-health",
    "copperline-analytics",
    "fernbank-insurance",
    "northwind-logistics",
    "quillfeather-ledger",
    "saltmarsh-energy",
    "tallgrass-software",
]
OVERVIEWS = ["timeline", "weak-spots", "lessons", "questions", "practice", "follow-ups", "prep"]


def test_demo_builds_with_one_final_line(demo: Built) -> None:
    assert demo.result.exit_code == 0, demo.result.output
    assert demo.result.stdout == ""
    assert FINAL_LINE.fullmatch(demo.result.stderr.rstrip("\n")), demo.result.stderr
    match = FINAL_LINE.fullmatch(demo.result.stderr.rstrip("\n"))
    assert match is not None
    assert (match["entries"], match["warnings"]) == ("13", "0")


def test_demo_has_every_page_and_no_other(demo: Built) -> None:
    expected = {"index.html", "404.html", "method/index.html"}
    expected |= {f"{name}/index.html" for name in OVERVIEWS}
    expected |= {f"entries/{slug}/index.html" for slug in DEMO_ENTRIES}
    expected |= {f"weak-spots/{name}/index.html" for name in DEMO_WEAK_SPOTS}
    expected |= {f"prep/{name}/index.html" for name in DEMO_COMPANIES}
    assert html_pages(demo.site) == expected
    # The attachment next to the entries in entries/2026/ is in the site too.
    assert (demo.site / "entries" / "2026" / "rate-limiter-sketch.svg").is_file()


def test_final_line_counts_every_page_in_the_site(demo: Built) -> None:
    match = FINAL_LINE.fullmatch(demo.result.stderr.rstrip("\n"))
    assert match is not None
    assert int(match["pages"]) == len(html_pages(demo.site) - {"404.html"})


def test_demo_navigation_holds_the_overviews_and_the_handwritten_pages(demo: Built) -> None:
    assert nav_links(demo.html("")) == [
        (".", "Home"),
        ("timeline/", "Timeline"),
        ("weak-spots/", "Weak spots"),
        ("lessons/", "Lessons"),
        ("questions/", "Questions"),
        ("practice/", "Practice"),
        ("follow-ups/", "Follow-ups"),
        ("prep/", "Prep"),
        ("method/", "The method"),
    ]
    # From an entry page: the same navigation, no entry and no weak-spot page in it.
    links = nav_links(demo.html("entries/2026-10-07-tallgrass-onsite"))
    assert [href for href, _ in links] == [
        "../..",
        "../../timeline/",
        "../../weak-spots/",
        "../../lessons/",
        "../../questions/",
        "../../practice/",
        "../../follow-ups/",
        "../../prep/",
        "../../method/",
    ]


def test_no_page_lists_entries_in_its_navigation(demo: Built) -> None:
    for page in sorted(html_pages(demo.site)):
        html = (demo.site / page).read_text(encoding="utf-8")
        hrefs = [href for href, _ in nav_links(html)]
        assert not [h for h in hrefs if "entries/" in h or re.search(r"weak-spots/.", h)], page
        tabs = re.findall(r'<a href="([^"]+)" class="md-tabs__link', html)
        assert not [h for h in tabs if "entries/" in h], page


def test_build_writes_nothing_into_entries_or_notebook(demo: Built, small: Built) -> None:
    assert demo.after == demo.before
    assert small.after == small.before
    assert len(demo.before) > 15  # the snapshot did see the files


def test_demo_charts_are_inline_svg(demo: Built) -> None:
    home = article(demo.html(""))
    kinds = re.findall(
        r'<div class="debrief-chart debrief-chart--([a-z-]+)" data-search-exclude><svg ', home
    )
    assert kinds == ["feeling", "weak-spots", "outcomes"]
    assert "<script" not in home
    assert re.findall(
        r'<div class="debrief-chart debrief-chart--([a-z-]+)" data-search-exclude><svg ',
        article(demo.html("weak-spots")),
    ) == ["weak-spots"]


# --- nothing loads from other hosts -------------------------------------------------------

# Attributes through which a browser fetches something.
LOADS = {
    ("script", "src"),
    ("img", "src"),
    ("img", "srcset"),
    ("source", "src"),
    ("source", "srcset"),
    ("iframe", "src"),
    ("frame", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("audio", "src"),
    ("video", "src"),
    ("video", "poster"),
    ("track", "src"),
    ("input", "src"),
    ("image", "href"),
    ("image", "xlink:href"),
    ("use", "href"),
    ("use", "xlink:href"),
}
LINK_LOADS = {
    "stylesheet",
    "preload",
    "prefetch",
    "modulepreload",
    "preconnect",
    "dns-prefetch",
    "icon",
    "shortcut",
    "apple-touch-icon",
    "mask-icon",
    "manifest",
}
CSS_LOADS = re.compile(
    r"""@import\s+(?:url\(\s*)?["']?([^"')\s;]+)|url\(\s*["']?([^"')\s]+)""", re.IGNORECASE
)
# In JavaScript: a URL literal that is fetched, imported, or names a script, style or font.
JS_LOADS = re.compile(
    r"""(?:importScripts|import|fetch|Worker)\(\s*["'`]((?:https?:)?//[^"'`]+)"""
    r"""|["'`]((?:https?:)?//[^"'`\s]+\.(?:m?js|css|woff2?|ttf|otf|eot))["'`]"""
)
# Material's bundle loads Mermaid from a CDN only for pages with a `.mermaid` diagram;
# test_no_page_needs_a_conditional_cdn checks that no page has one.
CONDITIONAL_JS = {"https://unpkg.com/mermaid@11/dist/mermaid.min.js"}


def is_external(url: str) -> bool:
    url = url.strip()
    return url.startswith("//") or urlsplit(url).scheme in ("http", "https")


def external_loads(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8", errors="replace")
    found: list[str] = []
    if path.suffix == ".html":
        for tag, attrs, content in elements(text):
            for name, value in attrs.items():
                if (tag, name) in LOADS:
                    found += [u for u in re.split(r",\s*", value) if is_external(u.split(" ")[0])]
                if name == "style":
                    found += [a or b for a, b in CSS_LOADS.findall(value) if is_external(a or b)]
            rel = set(attrs.get("rel", "").lower().split())
            if tag == "link" and rel & LINK_LOADS and is_external(attrs.get("href", "")):
                found.append(attrs["href"])
            if tag == "style":
                found += [a or b for a, b in CSS_LOADS.findall(content) if is_external(a or b)]
    elif path.suffix == ".css":
        found += [a or b for a, b in CSS_LOADS.findall(text) if is_external(a or b)]
    elif path.suffix == ".js":
        found += [a or b for a, b in JS_LOADS.findall(text) if (a or b) not in CONDITIONAL_JS]
    return [f"{path.name}: {url}" for url in found]


def site_files(site: Path, *suffixes: str) -> Iterator[Path]:
    for path in sorted(site.rglob("*")):
        if path.suffix in suffixes and path.is_file():
            yield path


def test_the_scanner_sees_loads_and_not_links(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        '<a href="https://example.com/">a link</a>'
        '<link rel="canonical" href="https://example.com/x/">'
        '<link rel="stylesheet" href="https://cdn.example/a.css">'
        '<script src="//cdn.example/b.js"></script>'
        '<img src="https://img.example/c.png">'
        '<div style="background: url(https://img.example/d.png)"></div>'
        "<style>@import 'https://fonts.example/e.css';</style>"
        '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://img.example/f.png"/></svg>',
        encoding="utf-8",
    )
    assert [load.split(": ", 1)[1] for load in external_loads(page)] == [
        "https://cdn.example/a.css",
        "//cdn.example/b.js",
        "https://img.example/c.png",
        "https://img.example/d.png",
        "https://fonts.example/e.css",
        "https://img.example/f.png",
    ]


def test_the_site_loads_nothing_from_other_hosts(demo: Built) -> None:
    loads = [
        load
        for path in site_files(demo.site, ".html", ".css", ".js")
        for load in external_loads(path)
    ]
    assert loads == []
    # Links to other hosts are fine (Material's footer credit); they are not loads.
    assert 'href="https://squidfunk.github.io/mkdocs-material/"' in demo.html("")


def test_no_page_needs_a_conditional_cdn(demo: Built) -> None:
    for path in site_files(demo.site, ".html"):
        html = path.read_text(encoding="utf-8")
        classes = {
            name for _, attrs, _ in elements(html) for name in attrs.get("class", "").split()
        }
        assert "mermaid" not in classes, path  # would load Mermaid from unpkg.com
        assert 'data-md-component="source"' not in html, path  # would call api.github.com


# --- the small fixture: escaping, attachments, "seen before" -------------------------------


def test_small_fixture_builds(small: Built) -> None:
    assert small.result.exit_code == 0, small.result.output
    assert small.result.stderr.count("\n") == 1, small.result.stderr
    match = FINAL_LINE.fullmatch(small.result.stderr.rstrip("\n"))
    assert match is not None, small.result.stderr
    assert (match["entries"], match["warnings"]) == ("3", "0")
    assert html_pages(small.site) == {
        "404.html",
        "index.html",
        "about/index.html",
        "timeline/index.html",
        "weak-spots/index.html",
        "weak-spots/system-design/index.html",
        "weak-spots/estimation/index.html",
        "lessons/index.html",
        "questions/index.html",
        "practice/index.html",
        "follow-ups/index.html",
        "prep/index.html",
        "prep/a-b-corp/index.html",
        "prep/globex/index.html",
        "prep/initech/index.html",
        "entries/2026-01-05-acme-screen/index.html",
        "entries/2026-02-10-globex-onsite/index.html",
        "entries/2026-03-01-initech-final/index.html",
    }


def test_home_is_the_handwritten_intro_then_the_dashboard(small: Built) -> None:
    text = visible_text(article(small.html("")))
    assert text.startswith("Small notebook¶ Hand-written intro: the dashboard follows."), text
    for heading in ("Where I keep tripping", "Follow-ups", "Latest interviews", "At a glance"):
        assert f"{heading}¶" in text
    found = elements(article(small.html("")))
    numbers = [t for _, attrs, t in found if attrs.get("class") == "debrief-card__number"]
    labels = [t for _, attrs, t in found if attrs.get("class") == "debrief-card__label"]
    # Acme advanced, Globex rejected, Initech pending; system-design came up three times,
    # estimation was resolved; Globex and Initech each owe a thank-you and a reflection;
    # Acme's question rated 2 and Globex's rated 3 are cards, both past their cool-off.
    assert list(zip(numbers, labels, strict=True)) == [
        ("3", "interviews since 2026-01-05"),
        ("2", "still in play"),
        ("0", "offers"),
        ("1", "recurring weak spot"),
        ("4", "follow-ups open, 4 overdue"),
        # acme asked for feedback and got it; no other note asked
        ("100%", "feedback answered: 1 of 1 request"),
        ("2", "cards to practise"),
    ]


def test_a_script_typed_in_a_question_is_text(small: Built) -> None:
    body = article(small.html("entries/2026-01-05-acme-screen"))
    found = elements(body)
    assert [tag for tag, _, _ in found if tag == "script"] == []
    assert "Why does <script>alert('q')</script> show up here?" in visible_text(body)
    h1 = [text for tag, _, text in found if tag == "h1"]
    assert h1 == ["A | B Corp — Backend engineer¶"]
    questions = article(small.html("questions"))
    assert [tag for tag, _, _ in elements(questions) if tag == "script"] == []
    assert [
        "Why does <script>alert('q')</script> show up here?",
        "★★☆☆☆",
        "A | B Corp (2026-01-05)",
    ] in table_rows(questions)


def test_a_script_in_a_company_name_runs_nowhere(tmp_path: Path) -> None:
    root = write_notebook(
        tmp_path / "nb",
        {
            "2026-01-01-x.md": "---\ncompany: \"X <script>alert('c')</script>\"\n"
            "role: Engineer\ndate: 2026-01-01\n---\n"
        },
    )
    result = debrief(["build"], root, SMALL_TODAY)
    assert result.exit_code == 0, result.output
    for page in sorted(html_pages(root / "site")):
        html = (root / "site" / page).read_text(encoding="utf-8")
        # <title> holds text only, whatever it looks like; everywhere else it is an element.
        html = re.sub(r"<title>.*?</title>", "", html, flags=re.DOTALL)
        scripts = [text for tag, _, text in elements(html) if tag == "script"]
        assert not [s for s in scripts if "alert" in s], page


def test_a_pipe_in_a_company_name_stays_in_one_cell(small: Built) -> None:
    timeline = table_rows(article(small.html("timeline")))
    assert timeline == [
        ["2026-03-01", "Initech", "Platform engineer", "final", "pending", "4"],
        ["2026-02-10", "Globex", "Backend engineer", "onsite", "rejected", "3"],
        ["2026-01-05", "A | B Corp", "Backend engineer", "recruiter-screen", "advanced", "2"],
    ]
    home = table_rows(article(small.html("")))
    assert [
        "2026-01-05",
        "A | B Corp",
        "Backend engineer",
        "recruiter-screen",
        "advanced",
        "2",
    ] in (home)
    assert all(len(row) in (4, 6) for row in home), home  # weak spots: 4, latest: 6
    spot = table_rows(article(small.html("weak-spots/system-design")))
    assert [row[1] for row in spot] == ["A | B Corp", "Globex", "Initech"]
    assert all(len(row) == 6 for row in spot)


def test_entry_page_header_questions_and_follow_through(small: Built) -> None:
    body = article(small.html("entries/2026-01-05-acme-screen"))
    chips = [text for tag, attrs, text in elements(body) if attrs.get("class") == "debrief-chip"]
    assert chips == [
        "date 2026-01-05",
        "stage recruiter-screen",
        "format phone",
        "outcome advanced",
        "feeling 2/5",
    ]
    text = visible_text(body)
    assert "What I said: I said it should be escaped." in text
    assert "Next time: Escape every value for where it lands." in text
    assert "Feedback received 2026-01-12 Clear answers, shallow design." in text
    boxes = re.findall(
        r'<input type="checkbox" disabled( checked)?/><span class="task-list-indicator">'
        r"</span></label> ([^<]+)</li>",
        body,
    )
    assert boxes == [
        (" checked", "Notes captured while fresh"),
        (" checked", "Let go for a while"),
        (" checked", "Reflected with a clear mind on 2026-01-07"),
        (" checked", "Thank-you note sent on 2026-01-05, feedback asked"),
        (" checked", "Feedback received on 2026-01-12"),
        (" checked", "Lessons recorded"),
    ]


def test_seen_before_links_work_in_the_built_site(small: Built) -> None:
    url = "entries/2026-03-01-initech-final/"
    body = article(small.html(url))
    callout = body.split('<div class="admonition warning" data-search-exclude>', 1)[1].split(
        "</div>", 1
    )[0]
    assert "Seen before: system-design, 3rd time" in visible_text(callout)
    hrefs = re.findall(r'href="([^"]+)"', callout)
    assert hrefs == [
        "../2026-01-05-acme-screen/",
        "../2026-02-10-globex-onsite/",
        "../2026-01-05-acme-screen/",
        "../2026-02-10-globex-onsite/",
    ]
    for href in hrefs:
        target = urlsplit(urljoin("http://notebook.test/" + url, href)).path.lstrip("/")
        assert (small.site / target / "index.html").is_file(), href
    assert "Ask about scale first." in visible_text(callout)
    assert "Draw the data model before the arrows." in visible_text(callout)


def loaded_files(site: Path, url: str) -> list[tuple[str, Path]]:
    """Every image and local link of a page's article, as the file it resolves to."""
    body = article((site / url / "index.html").read_text(encoding="utf-8"))
    found = []
    for tag, attrs, _ in elements(body):
        ref = attrs.get("src") if tag == "img" else attrs.get("href") if tag == "a" else None
        if not ref or ref.startswith("#") or is_external(ref):
            continue
        path = urlsplit(urljoin("http://notebook.test/" + url, ref)).path.lstrip("/")
        found.append((ref, site / path))
    return found


def test_attachments_next_to_an_entry_in_a_subfolder_work(small: Built) -> None:
    url = "entries/2026-02-10-globex-onsite/"
    files = {ref: target for ref, target in loaded_files(small.site, url)}
    attachments = {ref: t for ref, t in files.items() if ref.endswith((".svg", ".pdf"))}
    assert sorted(t.name for t in attachments.values()) == ["notes.pdf", "sketch.svg"]
    for ref, target in attachments.items():
        assert target.is_file(), ref
        assert target.read_bytes() == (SMALL / "entries" / "sub" / target.name).read_bytes()


def test_broken_entry_stops_the_build_with_every_problem(tmp_path: Path) -> None:
    root = write_notebook(
        tmp_path / "nb",
        {
            "2026-01-01-a.md": "---\ncompany: Acme\nrole: Eng\ndate: 2026-01-01\n---\n",
            "2026-01-02-b.md": "---\ncompany: Beta\nrole: Eng\ndate: 2026-13-01\nfeeling: 9\n---\n",
            "sub/2026-01-03-c.md": "---\ncompany: Gamma\nrole: Eng\ndate: 2026-01-03\n"
            "feelin: 3\n---\n",
        },
    )
    before = snapshot(root)
    result = debrief(["build"], root, SMALL_TODAY)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "entries/2026-01-02-b.md:4: error: 'date' is not a real date: 2026-13-01",
        "    hint: check the month and the day",
        "entries/2026-01-02-b.md:5: error: 'feeling' must be from 1 to 5, got 9",
        "    hint: 1 = went badly, 5 = went very well",
        "entries/sub/2026-01-03-c.md:5: warning: unknown key 'feelin': its value is ignored",
        "    hint: did you mean 'feeling'?",
        "Error: 3 entries checked: 2 errors, 1 warning",
    ]
    assert "Traceback" not in result.output
    assert not (root / "site" / "index.html").exists()
    assert snapshot(root) == before


def test_warnings_build_and_are_counted_but_strict_fails(tmp_path: Path) -> None:
    root = write_notebook(
        tmp_path / "nb",
        {"2026-01-03-c.md": "---\ncompany: Gamma\nrole: Eng\ndate: 2026-01-03\nfeelin: 3\n---\n"},
    )
    warning = [
        "entries/2026-01-03-c.md:5: warning: unknown key 'feelin': its value is ignored",
        "    hint: did you mean 'feeling'?",
    ]
    result = debrief(["build"], root, SMALL_TODAY)
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert lines[:-1] == warning
    match = FINAL_LINE.fullmatch(lines[-1])
    assert match is not None, lines[-1]
    assert (match["entries"], match["warnings"]) == ("1", "1")
    assert lines[-1].endswith(" s") and ": 1 warning, " in lines[-1]

    shutil.rmtree(root / "site")
    strict = debrief(["build", "--strict"], root, SMALL_TODAY)
    assert strict.exit_code == 1
    assert strict.stderr.splitlines() == [
        *warning,
        "Error: 1 entry checked: 0 errors, 1 warning; --strict makes warnings fail, "
        "so nothing was built",
    ]
    assert "Traceback" not in strict.output
    assert not (root / "site" / "index.html").exists()


def test_today_option_pins_the_day(tmp_path: Path) -> None:
    root = write_notebook(
        tmp_path / "nb", {"2026-05-01-a.md": "---\ncompany: A\nrole: B\ndate: 2026-05-01\n---\n"}
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("DEBRIEF_TODAY", raising=False)
        patch.chdir(root)
        patch.setenv("NO_MKDOCS_2_WARNING", "1")
        result = CliRunner().invoke(cli, ["build", "--today", "2026-05-20"])
    assert result.exit_code == 0, result.output
    follow_ups = visible_text(article((root / "site" / "follow-ups" / "index.html").read_text()))
    assert follow_ups.startswith("Follow-ups As of 2026-05-20:"), follow_ups


def test_a_handwritten_page_hiding_a_generated_one_is_a_visible_warning(tmp_path: Path) -> None:
    root = tmp_path / "nb"
    shutil.copytree(SMALL, root)
    (root / "notebook" / "timeline.md").write_text("# My own timeline\n", encoding="utf-8")
    result = debrief(["build"], root, SMALL_TODAY)
    assert result.exit_code == 0, result.output
    assert "timeline.md" in result.stderr
    assert ": 1 warning, " in result.stderr.splitlines()[-1]


def test_attachments_work_with_a_nested_entries_dir(tmp_path: Path) -> None:
    root = write_notebook(tmp_path / "nb", {}, "entries_dir: journal/entries")
    shutil.copytree(SMALL / "entries", root / "journal" / "entries")
    result = debrief(["build"], root, SMALL_TODAY)
    assert result.exit_code == 0, result.output
    assert "mkdocs: warning" not in result.stderr, result.stderr
    files = loaded_files(root / "site", "entries/2026-02-10-globex-onsite/")
    assert sorted(t.name for ref, t in files if t.is_file()) == ["notes.pdf", "sketch.svg"]


def test_an_extension_that_strips_html_comments_keeps_the_generated_blocks(
    tmp_path: Path,
) -> None:
    """pymdownx.striphtml removes HTML comments; the blocks' placeholders are not comments."""
    root = write_notebook(
        tmp_path / "nb",
        {"2026-01-01-a.md": "---\ncompany: Acme\nrole: Dev\ndate: 2026-01-01\n---\n"},
    )
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text() + "markdown_extensions:\n  - pymdownx.striphtml\n", encoding="utf-8"
    )
    result = debrief(["build"], root, SMALL_TODAY)
    assert result.exit_code == 0, result.output
    timeline = (root / "site" / "timeline" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../entries/2026-01-01-a/">Acme</a>' in timeline


def test_an_extension_that_rewrites_the_placeholders_fails_the_build_and_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_notebook(
        tmp_path / "nb",
        {"2026-01-01-a.md": "---\ncompany: Acme\nrole: Dev\ndate: 2026-01-01\n---\n"},
    )
    # A Markdown extension that upper-cases every paragraph.
    (tmp_path / "shouting.py").write_text(
        "from markdown.extensions import Extension\n"
        "from markdown.postprocessors import Postprocessor\n"
        "class Shout(Postprocessor):\n"
        "    def run(self, text):\n"
        "        return text.replace('debrief-part', 'DEBRIEF-PART')\n"
        "class ShoutExtension(Extension):\n"
        "    def extendMarkdown(self, md):\n"
        "        md.postprocessors.register(Shout(md), 'shout', 0)\n"
        "def makeExtension(**kwargs):\n"
        "    return ShoutExtension(**kwargs)\n",
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    config = root / "mkdocs.yml"
    config.write_text(config.read_text() + "markdown_extensions:\n  - shouting\n", encoding="utf-8")
    result = debrief(["build"], root, SMALL_TODAY)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert re.search(
        r"\ndebrief: index\.md: 2 generated blocks did not come through Python-Markdown"
        r" \(no paragraph debrief-part-[0-9a-f]{12}-0 in the HTML it made\)\. A Markdown"
        r" extension in mkdocs\.yml rewrites paragraphs: remove it, or report which one\.\n",
        result.output.replace("mkdocs: error: ", "\n"),
    ), result.output
    # MkDocs keeps the plugin from build to build in one process (as `serve` does): the
    # failed build leaves nothing behind that breaks the next one.
    config.write_text(config.read_text().replace("  - shouting\n", ""), encoding="utf-8")
    # A hand-written page is built before the generated ones: the first to meet leftovers.
    (root / "notebook" / "about.md").write_text("# About\n", encoding="utf-8")
    again = debrief(["build"], root, SMALL_TODAY)
    assert again.exit_code == 0, again.output
