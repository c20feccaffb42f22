"""Privacy by construction (issue 14), with real `debrief share` builds searched whole.

Each private or hidden thing of the notebook below is planted in one of the forms
that leaked before, with a marker of its own. After a share, every byte of the
output is read the ways a reader could (gzip'd files, HTML entities, JSON
escapes, URL-encoding, tags stripped, file and folder names), accents and case
folded, and no marker may be in any of it.
"""

from __future__ import annotations

import gzip
import html
import re
import unicodedata
from pathlib import Path
from urllib.parse import unquote, unquote_plus

import material
import pytest
from click.testing import CliRunner, Result

from generator.cli.main import cli
from generator.entry.read import Entry, entry_from_bytes
from generator.settings import Settings, ShareSettings
from generator.share.hidden import Needle
from generator.share.privacy import Privacy
from tests.conftest import copy_demo, write_notebook
from tests.test_share import tiny_png

# A real image: the share re-encodes images from their pixels (this one comes back
# byte for byte) and leaves out a file that is not one.
PNG = tiny_png()

PUBLIC = """\
---
company: Zqnorthwind Logistics
role: Backend engineer
date: 2026-03-02
stage: technical
interviewers: [Zqpriya Zqnatarajan, Qzo, Zqjürgen Zqmüller]
discussed_with: [Zqmarta Zqokafor]
weak_spots: [system design, zqnorthwind culture]
tags: [zqnorthwind]
lessons:
  - Zqpriya liked the token bucket.
  - Kept lesson. <!-- private -->ZQXPFIELD hidden<!-- /private -->
signals: [ZQNATARAJAN frowned at the clock.]
questions:
  - question: Design a rate limiter.
    answer: I told zqpriya about Redis.
feedback: {summary: "Zqmarta's view: good <!-- private -->ZQXPFEEDBACK<!-- /private -->"}
---
Zqpriya's first question was fair. ZQNATARAJAN pushed on scale; qzo took notes.

Zqmarta said: ask Zqokafor later. Zqjurgen and Zqmueller and ZQMÜLLER joined.

At Zqnorthwind, the team was kind. See [careers](https://careers.zqnorthwind.com/jobs).

Earlier: [the final round](2026-03-05-zqxslug-final.md) and [a lost page](zqxmissing.md).

![whiteboard](zqpriya-whiteboard.png)

```text
<!-- private -->
ZQXPINFENCE
<!-- /private -->
```

- a list item

    ```
    <!-- private -->ZQXPLIST<!-- /private -->
    ```

````
<!-- private -->ZQXPFOUR<!-- /private -->
`````

Escaped: \\`<!-- private -->ZQXPESCAPED<!-- /private -->\\` done.

<!-- private -->outer <!-- private -->inner<!-- /private --> ZQXPNESTED<!-- /private -->

<!--- private --->ZQXPDASHES<!--- /private --->

<!--PRIVATE-->ZQXPCASE<!--  /  Private  -->

Last words about Zqöresund, Zqoresund and ZQOERESUND.

Zqpriya(the lead) closed.
"""

UNCLOSED = """\
---
company: Zqöresund Labs
role: Platform engineer
date: 2026-03-10
---
Fine overall.

```
a fence that is never closed
<!-- private -->ZQXPUNCLOSEDFENCE<!-- /private -->
still code
```

<!-- private -->
ZQXPTOEND the rest, with no closing marker.
"""

PRIVATE = """\
---
company: ZQXPRIVCOMPANY
role: ZQXPRIVROLE lead
date: 2026-03-05
interviewers: [ZQXPRIVINTERVIEWER]
weak_spots: [system design, ZQXPRIVSPOT]
lessons: [ZQXPRIVLESSON know my number.]
private: true
---
ZQXPRIVBODY they compete with my employer.
"""

PAGE = """\
# Notes on Zqpriya

Zqpriya was kind; so was ZQOKAFOR. I also talked to ZQXPRIVCOMPANY.

[The private one](entries/2026-03-05-zqxslug-final.md), [a missing page](zqxgone.md)
and [the home page](index.md).

<!-- private -->ZQXPPAGE<!-- /private -->
"""

# Everything that must never be in a share, folded (lower case, no accents).
ALWAYS_HIDDEN = [
    "zqpriya",
    "zqnatarajan",
    "qzo",
    "zqjurgen",
    "zqjuergen",
    "zqmuller",
    "zqmueller",
    "zqmarta",
    "zqokafor",
    "zqxp",  # every private block, field and entry
    "zqxslug",
    "zqxmissing",
    "zqxgone",
]
# And, with `anonymize: [company]`, the companies.
COMPANIES = ["zqnorthwind", "zqoresund", "zqoeresund"]


def make_notebook(root: Path, options: str = "") -> Path:
    write_notebook(
        root,
        {
            "2026-03-02-zqnorthwind-technical.md": PUBLIC,
            "2026/2026-03-10-zqoresund-screen.md": UNCLOSED,
            "2026-03-05-zqxslug-final.md": PRIVATE,
        },
        options,
    )
    (root / "entries" / "zqpriya-whiteboard.png").write_bytes(PNG)
    (root / "notebook" / "notes.md").write_text(PAGE, encoding="utf-8")
    # A page whose folder, file name and title name people, with an image named after one.
    (root / "notebook" / "zqmarta").mkdir(exist_ok=True)
    (root / "notebook" / "zqmarta" / "zqpriya-notes.md").write_text(
        "---\ntitle: Zqpriya and Zqmarta\n---\nText about Zqokafor. ![face](../zqpriya.png)\n",
        encoding="utf-8",
    )
    (root / "notebook" / "zqpriya.png").write_bytes(PNG)
    return root


@pytest.fixture
def notebook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = make_notebook(tmp_path / "nb")
    monkeypatch.chdir(root)
    monkeypatch.setenv("DEBRIEF_TODAY", "2026-03-20")
    return root


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


_JSON_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})|\\(/)")
_TAG = re.compile(r"<[^>]*>")
_CIPHERTEXT = re.compile(r"[A-Za-z0-9+/=_-]{64,}")  # base64 of a locked page: unreadable
THEME = Path(material.__file__).parent / "templates"


def shipped(rel: str, data: bytes) -> bool:
    """A file byte-identical to mkdocs-material's own: the theme's, not the notebook's."""
    theme_file = THEME / rel
    return theme_file.is_file() and theme_file.read_bytes() == data


def reader_views(site: Path) -> dict[str, str]:
    """Every file and folder of `site` by its path, as all the text a reader could get
    from it, folded: its name, its bytes (gunzipped), HTML- and JSON-unescaped,
    URL-decoded, without tags."""
    found: dict[str, str] = {}
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        views = [rel, unquote(rel)]
        if path.is_file():
            data = path.read_bytes()
            if shipped(rel, data):
                found[rel] = fold("\n".join(views))
                continue
            if data[:2] == b"\x1f\x8b":
                data = gzip.decompress(data)
            text = data.decode("utf-8", errors="replace")
            if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
                text = data.decode("utf-16", errors="replace")
            text = _CIPHERTEXT.sub(" ", text)
            unescaped = _JSON_ESCAPE.sub(lambda m: m.group(2) or chr(int(m.group(1), 16)), text)
            for form in (text, unescaped, unquote(text), unquote_plus(text)):
                views += [form, html.unescape(form), _TAG.sub(" ", html.unescape(form))]
        found[rel] = fold("\n".join(views))
    return found


def markers_in(site: Path, markers: list[str]) -> list[str]:
    """`marker: file` for each marker found at the start of a word (zqxp in ZQXPFIELD),
    or, four letters or fewer, as a whole word."""
    places = []
    for rel, text in reader_views(site).items():
        for marker in markers:
            end = "(?![a-z0-9])" if len(marker) <= 4 else ""  # short: a whole word
            if re.search(rf"(?<![a-z0-9]){re.escape(marker)}{end}", text):
                places.append(f"{marker}: {rel}")
    return places


def page_text(site: Path, rel: str) -> str:
    """The readable text of a page's article, tags stripped and spaces joined."""
    content = (site / rel).read_text(encoding="utf-8")
    article = content.split('<article class="md-content__inner md-typeset">', 1)[1]
    return " ".join(html.unescape(_TAG.sub(" ", article.split("</article>")[0])).split())


# --- the share ------------------------------------------------------------------------------


def test_nothing_private_reaches_a_share(notebook: Path) -> None:
    result = run("share")
    assert result.exit_code == 0, result.stderr
    site = notebook / "site-share"
    assert markers_in(site, ALWAYS_HIDDEN) == []

    entry = page_text(site, "entries/2026-03-02-zqnorthwind-logistics-technical/index.html")
    assert "[interviewer]'s first question was fair." in entry
    assert "[interviewer] pushed on scale; [interviewer] took notes." in entry
    assert "[mentor] said: ask [mentor] later." in entry
    assert "[interviewer] and [interviewer] and [interviewer] joined." in entry
    assert "[interviewer] liked the token bucket." in entry
    assert "Kept lesson." in entry
    assert "[interviewer] frowned at the clock." in entry
    assert "I told [interviewer] about Redis." in entry
    assert "[mentor]'s view: good" in entry
    # The link to the private entry and to a missing page: their text, no address.
    assert "Earlier: the final round and a lost page." in entry
    assert "Escaped: \\`\\` done." in entry or "Escaped: `` done." in entry
    assert "Last words about Zqöresund, Zqoresund and ZQOERESUND." in entry
    # A label is never read as a link: "[interviewer](the lead)" stays text.
    assert "[interviewer](the lead) closed." in entry
    # The attachment is named after the entry that shows it.
    assert (site / "entries/2026-03-02-zqnorthwind-logistics-technical-1.png").read_bytes() == PNG

    unclosed = page_text(site, "entries/2026-03-10-zqoresund-labs/index.html")
    assert "Fine overall." in unclosed
    assert "a fence that is never closed" in unclosed and "still code" in unclosed

    notes = page_text(site, "notes/index.html")
    assert notes.startswith("Notes on [interviewer]")
    assert "[interviewer] was kind; so was [mentor]. I also talked to [company]." in notes
    assert "The private one, a missing page and the home page" in notes
    assert 'href="../"' in (site / "notes/index.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", (site / "notes/index.html").read_text("utf-8"))
    assert title is not None and title.group(1) == "Notes on [interviewer] - Test notebook"
    # Hand-written pages and files get addresses without the names, and so do titles.
    moved = (site / "mentor/interviewer-notes/index.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", moved)
    assert title is not None and title.group(1) == "[interviewer] and [mentor] - Test notebook"
    assert "Text about [mentor]." in page_text(site, "mentor/interviewer-notes/index.html")
    assert 'src="../../interviewer.png"' in moved
    assert (site / "interviewer.png").read_bytes() == PNG


def test_titles_from_mkdocs_yml_are_shared_without_names(notebook: Path) -> None:
    config = notebook / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8")
        + "nav:\n  - Home: index.md\n  - Zqmarta's corner:\n    - Zqpriya's notes: notes.md\n"
        "    - zqmarta/zqpriya-notes.md\n"
        "  - Careers at Zqxprivcompany: https://zqxprivcompany.example/jobs\n",
        encoding="utf-8",
    )
    result = run("share")
    assert result.exit_code == 0, result.stderr
    site = notebook / "site-share"
    assert markers_in(site, [*ALWAYS_HIDDEN, "zqxprivcompany"]) == []
    notes = (site / "notes/index.html").read_text(encoding="utf-8")
    assert "[mentor]&#39;s corner" in notes or "[mentor]'s corner" in notes
    title = re.search(r"<title>(.*?)</title>", notes)
    assert title is not None and title.group(1) == "[interviewer]'s notes - Test notebook"
    # The page the nav names by its file is linked at its share address.
    assert 'href="../mentor/interviewer-notes/"' in notes


def test_an_anonymized_share_hides_companies_everywhere(notebook: Path) -> None:
    make_notebook(notebook, "share:\n  anonymize: [company]")
    result = run("share")
    assert result.exit_code == 0, result.stderr
    site = notebook / "site-share"
    assert markers_in(site, ALWAYS_HIDDEN + COMPANIES) == []
    entry = page_text(site, "entries/2026-03-02-company-a-technical/index.html")
    assert "At Company A, the team was kind. See careers." in entry
    assert "Last words about Company B, Company B and Company B." in entry
    # The weak spot and the tag built from the company's name are renamed with it.
    assert (site / "weak-spots/company-a-culture/index.html").is_file()
    assert "company-a" in page_text(site, "entries/2026-03-02-company-a-technical/index.html")
    assert (site / "entries/2026-03-02-company-a-technical-1.png").is_file()
    title = re.search(
        r"<title>(.*?)</title>",
        (site / "entries/2026-03-02-company-a-technical/index.html").read_text("utf-8"),
    )
    assert title is not None and title.group(1) == "Company A — Backend engineer - Test notebook"


def test_a_locked_share_hides_the_same(notebook: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEBRIEF_SHARE_PASSPHRASE", "correct horse battery staple")
    result = run("share", "--encrypt")
    assert result.exit_code == 0, result.stderr
    assert markers_in(notebook / "site-share", ALWAYS_HIDDEN) == []


def test_the_markdown_export_uses_the_same_decision(notebook: Path, tmp_path: Path) -> None:
    out = tmp_path / "export"
    result = run("export", "--format", "markdown", "--audience", "share", str(out))
    assert result.exit_code == 0, result.output
    assert markers_in(out, ALWAYS_HIDDEN) == []
    docs = out / "docs" / "entries"
    assert sorted(p.name for p in docs.iterdir()) == [
        "2026-03-02-zqnorthwind-logistics-technical-1.png",
        "2026-03-02-zqnorthwind-logistics-technical.md",
        "2026-03-10-zqoresund-labs.md",
    ]
    json_export = run("export", "--format", "json", "--audience", "share").stdout
    assert [m for m in ALWAYS_HIDDEN if m in fold(json_export)] == []


def test_the_owners_site_is_unchanged(notebook: Path) -> None:
    result = run("build")
    assert result.exit_code == 0, result.stderr
    site = notebook / "site"
    entry = page_text(site, "entries/2026-03-02-zqnorthwind-technical/index.html")
    assert "Zqpriya's first question was fair." in entry
    assert "Zqnatarajan" in entry or "ZQNATARAJAN" in entry
    assert (site / "entries/zqpriya-whiteboard.png").read_bytes() == PNG
    assert "Notes on Zqpriya" in page_text(site, "notes/index.html")


def test_the_demo_notebook_shares_cleanly_without_a_name(tmp_path: Path) -> None:
    root = copy_demo(tmp_path / "demo")
    result = CliRunner().invoke(
        cli, ["share", "-f", str(root / "mkdocs.yml")], env={"DEBRIEF_TODAY": "2026-12-01"}
    )
    assert result.exit_code == 0, result.stderr
    names = set()
    for path in (root / "entries").rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        for field in ("interviewers", "discussed_with"):
            found = re.search(rf"^{field}: \[(.*)\]$", text, re.MULTILINE)
            if found:
                names |= {fold(w) for w in re.findall(r"\w+", found.group(1)) if len(w) > 1}
    assert len(names) > 20  # the demo names its people
    assert markers_in(root / "site-share", sorted(names)) == []


# --- the report -------------------------------------------------------------------------------

REPORTED = {
    "2026-01-05-acme-screen.md": (
        "---\ncompany: Acme\nrole: Engineer\ndate: 2026-01-05\nstage: screen\n"
        "interviewers: [Dana Kim]\ndiscussed_with: [Lou]\n"
        "lessons: [Dana liked it. <!-- private -->pay<!-- /private -->]\n---\n"
        "Dana asked; KIM listened. Lou agreed.\n\n"  # line 10
        "<!-- private -->\nmy salary\n<!-- /private -->\n"  # lines 12-14
        "<!-- a note to self -->\n"
        "[the other one](2026-02-01-initech.md) ![sketch](sketch.png)\n"
    ),
    "2026-02-01-initech.md": (
        "---\ncompany: Initech\nrole: Engineer\ndate: 2026-02-01\nprivate: true\n---\nNo.\n"
    ),
    "2026-03-01-globex.md": "---\ncompany: Globex\nrole: Engineer\ndate: 2026-03-01\n---\nFine.\n",
}


def test_share_report_says_what_was_left_out_and_replaced(tmp_path: Path) -> None:
    root = write_notebook(tmp_path / "nb", REPORTED)
    (root / "entries" / "sketch.png").write_bytes(PNG)
    (root / "notebook" / "index.md").write_text(
        "# Home\n\nHi Dana. <!-- private -->x<!-- /private -->\n", encoding="utf-8"
    )
    result = CliRunner().invoke(
        cli,
        ["share", "--report", "-f", str(root / "mkdocs.yml")],
        env={"DEBRIEF_TODAY": "2026-04-01"},
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "What the share leaves out or replaces:\n"
        "entries/2026-01-05-acme-screen.md -> entries/2026-01-05-acme-screen/\n"
        "  left out 2 private blocks (lines 8, 12)\n"
        "  left out 1 HTML comment\n"
        "  redacted interviewers, discussed_with\n"
        '  replaced "Dana Kim" by [interviewer]: 3 times\n'
        '  replaced "Lou" by [mentor]: once\n'
        "  made a link plain text: 2026-02-01-initech.md (not in the share)\n"
        "  shares sketch.png as 2026-01-05-acme-screen-1.png\n"
        "entries/2026-02-01-initech.md: private, left out whole\n"
        "entries/2026-03-01-globex.md -> entries/2026-03-01-globex/: nothing left out\n"
        "notebook/index.md -> the home page\n"
        "  left out 1 private block (line 3)\n"
        '  replaced "Dana Kim" by [interviewer]: once\n'
        "In all: 2 of 3 entries shared, 1 private entry left out,\n"
        "  3 private blocks and 1 HTML comment left out, 5 names replaced,\n"
        "  1 link made plain text, 1 attachment shared.\n"
    )


# --- the decision object, without a build ------------------------------------------------------


def entry(name: str, text: str) -> Entry:
    found, problems = entry_from_bytes(text.encode(), f"entries/{name}.md", name)
    assert found is not None, problems
    return found


def placed(needle: Needle) -> tuple[object, ...]:
    n = needle
    return (n.text, n.source, n.number, n.what, n.variants, n.name, n.excusable)


def test_needles_are_what_the_share_hid_with_where_it_was_written() -> None:
    public = entry(
        "2026-01-05-acme-screen",
        "---\ncompany: Acme\nrole: Engineer\ndate: 2026-01-05\ninterviewers: [Jürgen N.]\n"
        "weak_spots: [estimation]\nfeedback: {summary: Too slow}\n---\nFine.\n"
        "<!-- private -->\nMy salary was low. And more.\n<!-- /private -->\n",
    )
    private = entry(
        "2026-02-01-initech-final",
        "---\ncompany: Initech\nrole: Staff engineer\ndate: 2026-02-01\n"
        "weak_spots: [estimation, salary talk]\nprivate: true\n---\nThey compete with us.\n",
    )
    share = ShareSettings(redact=("interviewers", "discussed_with", "feedback"))
    privacy = Privacy.build([public, private], Settings(share=share))
    pub, priv = "entries/2026-01-05-acme-screen.md", "entries/2026-02-01-initech-final.md"
    interviewer = "the name of a redacted interviewer"
    # Where each needle is written (`number`: a front-matter value's line is read only when
    # a leak is reported), and what it is.
    assert [placed(n) for n in privacy.needles()] == [
        placed(n)
        for n in [
            Needle("Jürgen N.", pub, 5, interviewer, ("jurgen n", "juergen n"), name=True),
            # not "N": an initial alone names no one
            Needle("Jürgen", pub, 5, interviewer, ("jurgen", "juergen"), name=True),
            Needle("Initech", priv, 2, "company of a private entry", name=True),
            Needle("My salary was low.", pub, 11, "a private block"),
            Needle("And more.", pub, 11, "a private block"),
            Needle("Too slow", pub, 7, "redacted feedback.summary"),
            # "estimation" is not here: a shared entry shows it too; Initech is there once
            Needle("Staff engineer", priv, 3, "role of a private entry", excusable=True),
            Needle("salary talk", priv, 5, "weak_spots[2] of a private entry", excusable=True),
            Needle(
                "2026-02-01-initech-final",
                priv,
                None,
                "the file name of a private entry",
                excusable=True,
            ),
            Needle(
                "They compete with us.", priv, 8, "the notes of a private entry", excusable=True
            ),
        ]
    ]
    shown = privacy.page_text("# Page\n\n<!-- private -->Only for me.<!-- /private -->\n", "p.md")
    assert shown == "# Page\n\n\n"
    assert privacy.needles()[-1] == Needle("Only for me.", "notebook/p.md", 3, "a private block")
    [shared] = privacy.entries
    assert (shared.slug, shared.path, shared.meta.feedback.summary) == (
        "2026-01-05-acme",  # no stage: date and company
        "entries/2026-01-05-acme.md",
        None,
    )
    assert shared.body == "Fine.\n\n"


def test_needles_of_companies_and_of_names_that_are_labels() -> None:
    mentor = entry(
        "a",
        "---\ncompany: Blue Heron Health\nrole: R\ndate: 2026-01-05\n"
        "discussed_with: [Mentor, Ana]\n---\n",
    )
    settings = Settings(share=ShareSettings(anonymize=("company",)))
    why = "the company name, which the share anonymizes,"
    assert [placed(n) for n in Privacy.build([mentor], settings, [], []).needles()] == [
        placed(n)
        for n in [
            # "Mentor" is not looked for: the share writes [mentor] itself
            Needle("Ana", "entries/a.md", 5, "the name of a redacted mentor", name=True),
            Needle("Blue Heron Health", "entries/a.md", 2, why, name=True),
            Needle("Blue", "entries/a.md", 2, why, name=True),
            Needle("Heron", "entries/a.md", 2, why, name=True),
            Needle("BlueHeronHealth", "entries/a.md", 2, why, name=True),
        ]
    ]


def test_shared_addresses_are_unique_and_made_of_what_is_shown() -> None:
    same = "---\ncompany: Ünïcorn Co\nrole: R\ndate: 2026-01-05\nstage: On-site\n---\n"
    entries = [entry("b-priya", same), entry("a-zzz", same)]
    privacy = Privacy.build(entries, Settings())
    assert [(e.slug, e.path) for e in privacy.entries] == [
        ("2026-01-05-unicorn-co-on-site", "entries/2026-01-05-unicorn-co-on-site.md"),
        ("2026-01-05-unicorn-co-on-site-2", "entries/2026-01-05-unicorn-co-on-site-2.md"),
    ]


def test_links_and_attachments_of_a_shared_entry(tmp_path: Path) -> None:
    first = entry_from_bytes(
        (
            b"---\ncompany: Acme\nrole: R\ndate: 2026-01-05\nstage: onsite\n"
            b"lessons: ['<!-- private -->all of it<!-- /private -->', {lesson: Kept., about: [sql]}]\n"
            b"---\n"
            b"![a](sketch.png) [again](./sketch.png#page=2) [pdf](../notes%20v2.pdf)\n"
            b"[next](2026-01-09-b.md#questions) [method](../../notebook/method.md) "
            b"[gone](missing.png) [web](https://example.com/a) <https://acme.example/x>\n"
        ),
        "entries/2026/2026-01-05-a.md",
        "2026-01-05-a",
    )[0]
    second = entry_from_bytes(
        b"---\ncompany: Acme\nrole: R\ndate: 2026-01-09\n---\n![s](2026/sketch.png)\n",
        "entries/2026-01-09-b.md",
        "2026-01-09-b",
    )[0]
    assert first is not None and second is not None
    found = [
        (tmp_path / "1", "entries/2026/sketch.png"),
        (tmp_path / "2", "entries/notes v2.pdf"),
        (tmp_path / "3", "entries/unused.png"),
    ]
    privacy = Privacy.build([first, second], Settings(), found, ["method.md"])
    a, b = privacy.entries
    assert [lesson.lesson for lesson in a.meta.lessons] == ["Kept."]
    assert a.body == (
        "![a](2026-01-05-acme-onsite-1.png) [again](2026-01-05-acme-onsite-1.png) "
        "[pdf](2026-01-05-acme-onsite-2.pdf)\n"
        # the owner's site does not link an entry to a hand-written page: neither does the share
        "[next](2026-01-09-acme.md#questions) method "
        "gone [web](https://example.com/a) <https://acme.example/x>\n"
    )
    assert b.body == "![s](2026-01-09-acme-1.png)\n"
    assert privacy.attachments == [
        (tmp_path / "1", "entries/2026-01-05-acme-onsite-1.png"),
        (tmp_path / "2", "entries/2026-01-05-acme-onsite-2.pdf"),
        (tmp_path / "1", "entries/2026-01-09-acme-1.png"),
    ]
