"""Attacks on a share's privacy (issue 14) that got through, each closed in the decision.

Each test plants unique markers in a form that reached the output before its fix,
builds a real share (or export), and searches every byte of it, decoded the ways a
reader could (`test_share_privacy.reader_views`), with emphasis and invisible
characters taken out too, as a reader's eye takes them out.
"""

from __future__ import annotations

import html
import io
import re
from pathlib import Path

import pytest

from generator.settings import Settings
from generator.share.clean import clean_text
from generator.share.privacy import Privacy
from generator.share.words import Hidden, HiddenWords, squashed
from generator.share.words import person as words_person
from tests.conftest import write_notebook
from tests.test_share_privacy import reader_views, run

ENTRY = """\
---
company: Zqacme Zqbrewing Co
role: Engineer
date: 2026-03-02
stage: technical
interviewers: ["Zqyolanda O'Zqbrien", Anne-Zqmarie Zqdupont]
lessons:
  - "Ask &lt;!-- private --&gt;ZQXPFIELD&lt;!-- /private --&gt; first."
---
Split: **Zqyo**landa led; then Zqdu*pont* and Zqyo&shy;landa and Zq&#121;olanda and
&#90;qyolanda and Zqyo\u200blanda.

Handles: https://linkedin.com/in/zqyolandazqbrien and @ZqyolandaOZqbrien, OZqbrien,
AnneZqmarie and Zqyolanda_Zqbrien.

At ZqacmeZqbrewing, or zqacme-zqbrewing, things went well.

Escaped: &lt;!-- private --&gt;ZQXPESCAPED&lt;!-- /private --&gt; and
&#60;!-- private --&#62;ZQXPNUMERIC&#60;!-- /private --&#62; done.
"""

MARKERS = ["zqyolanda", "zqbrien", "zqmarie", "zqdupont", "zqxp"]

CONFIG = """\
site_description: Notes after Zqyolanda left
site_author: Zqyolanda Zqbrien
copyright: Zqdupont and me
repo_url: https://github.com/zqyolanda/notes
extra:
  social:
    - icon: fontawesome/brands/github
      link: https://example.com/zqyolanda
      name: Zqyolanda on GitHub
nav:
  - Home: index.md
  - Zqyolanda's notes: notes.md
"""


def _notebook(root: Path, options: str = "") -> Path:
    write_notebook(root, {"2026-03-02-zqacme-technical.md": ENTRY}, options)
    (root / "notebook" / "notes.md").write_text("# Notes\n\nNothing personal.\n", "utf-8")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + CONFIG, encoding="utf-8")
    return root


@pytest.fixture
def notebook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = _notebook(tmp_path / "nb", "share: {anonymize: [company]}")
    monkeypatch.chdir(root)
    monkeypatch.setenv("DEBRIEF_TODAY", "2026-03-20")
    return root


_UNSEEN = re.compile(r"[*_\u00ad\u200b-\u200d\u2060]")


def found(folder: Path, markers: list[str]) -> list[str]:
    """`marker: file` for each marker at the start of a word in any view of any file."""
    places = []
    for rel, text in reader_views(folder).items():
        text += "\n" + _UNSEEN.sub("", text)
        places += [f"{m}: {rel}" for m in markers if re.search(rf"(?<![a-z0-9]){m}", text)]
    return places


def test_names_cut_by_markup_run_together_or_escaped_never_reach_a_share(notebook: Path) -> None:
    result = run("share")
    assert result.exit_code == 0, result.output
    site = notebook / "site-share"
    assert found(site, [*MARKERS, "zqacme", "zqbrewing"]) == []
    page = (site / "entries/2026-03-02-company-a-technical/index.html").read_text("utf-8")
    text = " ".join(html.unescape(re.sub(r"<[^>]*>", " ", page)).split())
    assert (
        "Split: [interviewer] led; then [interviewer] and [interviewer] and [interviewer]"
        " and [interviewer] and [interviewer]. Handles: https://linkedin.com/in/[interviewer]"
        " and @[interviewer], [interviewer], [interviewer] and [interviewer]." in text
    )
    assert "At Company A, or Company A, things went well." in text
    assert "Escaped: and done." in text


def test_mkdocs_yml_texts_of_a_share_name_nobody(notebook: Path) -> None:
    assert run("share").exit_code == 0
    home = (notebook / "site-share/index.html").read_text("utf-8")
    assert '<meta name="description" content="Notes after [interviewer] left">' in home
    assert '<meta name="author" content="[interviewer]">' in home
    assert "[interviewer] and me" in home  # the copyright line
    assert "[interviewer]&#39;s notes" in home or "[interviewer]'s notes" in home


def test_the_markdown_export_of_a_share_writes_a_mkdocs_yml_naming_nobody(
    notebook: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = run("export", "--audience", "share", "--format", "markdown", str(out))
    assert result.exit_code == 0, result.output
    assert found(out, [*MARKERS, "zqacme", "zqbrewing"]) == []
    config = (out / "mkdocs.yml").read_text("utf-8")
    assert "site_description: Notes after [interviewer] left" in config
    assert "- '[interviewer]''s notes': notes.md" in config


# --- the decision, on small texts -----------------------------------------------------------


def person(name: str) -> Hidden:
    made = words_person(name, "interviewer")
    assert made is not None
    return made


def test_squashed_runs_of_a_name() -> None:
    assert squashed(["anne", "marie", "dupont"]) == {"annemarie", "mariedupont", "annemariedupont"}
    assert squashed(["yolanda", "o", "brien"]) == {
        "yolandao",
        "obrien",
        "yolandaobrien",
        "yolandabrien",
    }
    # A company's runs hold a distinctive word: never "logisticsinc".
    assert squashed(["northwind", "logistics", "inc"], frozenset({"northwind"})) == {
        "northwindlogistics",
        "northwindlogisticsinc",
    }


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("**Pri**ya said", "[interviewer] said"),
        ("Natara*jan* said", "[interviewer] said"),
        ("**Pr&#105;ya** said", "**[interviewer]** said"),
        ("&#80;riya said", "[interviewer] said"),
        ("Pri&shy;ya and Pri\u200bya", "[interviewer] and [interviewer]"),
        ("Priya&#39;s idea", "[interviewer]'s idea"),
        ("PriyaNatarajan and priya_natarajan", "[interviewer] and [interviewer]"),
        ("linkedin.com/in/pnatarajan", "linkedin.com/in/[interviewer]"),
        # Markup in other words is left as written.
        ("a *b* c_d caf&eacute; **Prize**", "a *b* c_d caf&eacute; **Prize**"),
    ],
)
def test_a_name_cut_by_markup_is_found_whole(text: str, shown: str) -> None:
    assert HiddenWords([person("Priya Natarajan")]).replace(text, markdown=True) == shown


@pytest.mark.parametrize(
    "marker",
    [
        "&lt;!-- private --&gt;",
        "&#60;!-- private --&#62;",
        "&#x3C;!-- PRIVATE --&#x3e;",
        # With a note, and with the dashes an editor's typography makes.
        "<!-- private: salary talk -->",
        "<!-- private (ask Sam first) -->",
        "<!\u2013\u2013 private \u2013\u2013>",
        "<!\u2014 private \u2014>",
    ],
)
def test_an_escaped_annotated_or_typographic_private_marker_hides_too(marker: str) -> None:
    closing = marker.replace("private", "/private", 1).replace("PRIVATE", "/PRIVATE")
    cleaned = clean_text(f"before {marker}secret{closing} after")
    assert cleaned.text == "before  after"
    assert [r.text for r in cleaned.private_blocks] == ["secret"]


# --- the docs folder's other files -----------------------------------------------------------

RAW_HTML = """\
<p title="Zqyolanda">Met Zqyolanda and Anne-Zqmarie.</p>
<!-- private -->ZQXPRAW<!-- /private -->
"""


def _with_files(root: Path) -> None:
    (root / "notebook" / "raw.html").write_text(RAW_HTML, encoding="utf-8")
    (root / "notebook" / "people.txt").write_text("Thanks to Zqdupont.\n", encoding="utf-8")
    (root / "notebook" / "sketch.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><title>Zqbrien</title></svg>\n', "utf-8"
    )
    (root / "notebook" / "same.txt").write_text("Nobody named here.\n", encoding="utf-8")


def test_text_files_of_the_docs_folder_are_shared_without_names(notebook: Path) -> None:
    _with_files(notebook)
    assert run("share").exit_code == 0
    site = notebook / "site-share"
    assert found(site, MARKERS) == []
    assert (site / "raw.html").read_text("utf-8") == (
        '<p title="[interviewer]">Met [interviewer] and [interviewer].</p>\n\n'
    )
    assert (site / "people.txt").read_text("utf-8") == "Thanks to [interviewer].\n"
    assert "<title>[interviewer]</title>" in (site / "sketch.svg").read_text("utf-8")
    assert (site / "same.txt").read_text("utf-8") == "Nobody named here.\n"


def test_text_files_of_the_docs_folder_in_the_markdown_export(
    notebook: Path, tmp_path: Path
) -> None:
    _with_files(notebook)
    out = tmp_path / "out"
    assert run("export", "--audience", "share", "--format", "markdown", str(out)).exit_code == 0
    assert found(out, MARKERS) == []
    assert (out / "docs/people.txt").read_text("utf-8") == "Thanks to [interviewer].\n"


def test_a_locked_share_seals_the_docs_folders_text_files_still(
    notebook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _with_files(notebook)
    monkeypatch.setenv("DEBRIEF_SHARE_PASSPHRASE", "correct horse battery staple")
    result = run("share", "--encrypt")
    assert result.exit_code == 0, result.output
    site = notebook / "site-share"
    assert found(site, [*MARKERS, "zqacme", "nobody named"]) == []
    assert not (site / "raw.html").exists() and not (site / "same.txt").exists()


# --- aliases: the names mkdocs.yml gives weak spots ---------------------------------------

ALIASED = """\
---
company: Zqacme Zqbrewing Co
role: Engineer
date: 2026-03-02
interviewers: [Zqyolanda Zqbrien]
weak_spots: [culture fit, zqbrien quirks]
---
Notes.
"""


@pytest.mark.parametrize("options", ["", "share: {anonymize: [company]}"])
def test_an_alias_naming_someone_is_shared_without_the_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, options: str
) -> None:
    aliases = "aliases: {culture fit: zqyolanda pet peeve, zqbrien quirks: zqacme habits}"
    root = write_notebook(tmp_path / "nb", {"2026-03-02-a.md": ALIASED}, f"{aliases}\n{options}")
    monkeypatch.chdir(root)
    assert run("share").exit_code == 0
    markers = ["zqyolanda", "zqbrien"] + (["zqacme"] if options else [])
    assert found(root / "site-share", markers) == []
    label = "company-a" if options else "zqacme"
    assert (root / f"site-share/weak-spots/{label}-habits/index.html").is_file()
    assert (root / "site-share/weak-spots/interviewer-pet-peeve/index.html").is_file()


# --- names in Japanese or Chinese text, which has no spaces between words -----------------


def test_a_name_next_to_or_written_in_kana_and_han_is_found() -> None:
    hidden = HiddenWords([person("田中 Zqtanaka")])
    text = "田中さんは優しかった。Zqtanakaさんも。中田 and Zqtanakas stay."
    assert hidden.replace(text) == (
        "[interviewer]さんは優しかった。[interviewer]さんも。中田 and Zqtanakas stay."
    )


CJK_ENTRY = """\
---
company: Zqcjkco
role: Dev
date: 2026-02-02
interviewers: [田中 Zqtanaka]
---
田中さんは優しかった。Zqtanakaさんの質問。
"""


def test_a_share_in_japanese_names_nobody(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = write_notebook(tmp_path / "nb", {"2026-02-02-a.md": CJK_ENTRY})
    monkeypatch.chdir(root)
    assert run("share").exit_code == 0
    assert found(root / "site-share", ["zqtanaka", "田中"]) == []
    page = (root / "site-share/entries/2026-02-02-zqcjkco/index.html").read_text("utf-8")
    assert "<p>[interviewer]さんは優しかった。[interviewer]さんの質問。</p>" in page


# --- what is in a file: an entry's attachments (attachments.py), the docs folder's images --


def _png_with_text(words: str) -> bytes:
    from PIL import Image, PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Author", words)
    info.add_itxt("Description", words, zip=True)
    out = io.BytesIO()
    Image.new("RGB", (2, 2), "white").save(out, "PNG", pnginfo=info)
    return out.getvalue()


ATTACHED = """\
---
company: Zqacme
role: Engineer
date: 2026-03-02
interviewers: [Zqyolanda Zqbrien]
---
![sketch](sketch.png) and [notes](notes.pdf) and [plain](notes.txt).
"""


def test_an_entrys_attachments_hold_no_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_notebook(tmp_path / "nb", {"2026-03-02-a.md": ATTACHED})
    (root / "entries/sketch.png").write_bytes(_png_with_text("Drawn for Zqyolanda"))
    (root / "entries/notes.pdf").write_bytes(b"%PDF-1.4\n(Zqbrien asked) Tj\n%%EOF\n")
    (root / "entries/notes.txt").write_text("Zqyolanda said so.\n", encoding="utf-16")
    monkeypatch.chdir(root)
    result = run("share")
    leaked = found(root / "site-share", ["zqyolanda", "zqbrien"])
    assert result.exit_code == 0 and leaked == [], (result.output, leaked)


def test_an_image_of_the_docs_folder_holds_no_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_notebook(tmp_path / "nb", {"2026-03-02-a.md": ATTACHED})
    (root / "notebook/team.png").write_bytes(_png_with_text("Zqyolanda and Zqbrien"))
    (root / "notebook/index.md").write_text("# Home\n\n![team](team.png)\n", "utf-8")
    monkeypatch.chdir(root)
    result = run("share")
    leaked = found(root / "site-share", ["zqyolanda", "zqbrien"])
    assert result.exit_code == 0 and leaked == [], (result.output, leaked)
    assert (root / "site-share/team.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


# --- a hidden word written in two --------------------------------------------------------


def test_a_hidden_word_written_in_two_parts_is_found() -> None:
    from generator.share.anonymize import company_names

    _letters, companies = company_names(["Northwind Logistics"], [], anonymize=True)
    hidden = HiddenWords([person("Annemarie Dupont"), *companies])
    text = "Anne Marie and Anne-Marie met Du Pont at North-Wind; an apple, no wind."
    assert hidden.replace(text) == (
        "[interviewer] and [interviewer] met [interviewer] at Company A; an apple, no wind."
    )


def test_files_the_theme_links_on_every_page_get_addresses_naming_nobody(
    notebook: Path, tmp_path: Path
) -> None:
    (notebook / "notebook/zqyolanda.css").write_text("body {}\n", encoding="utf-8")
    (notebook / "notebook/js").mkdir()
    (notebook / "notebook/js/zqbrien.js").write_text("var a = 1;\n", encoding="utf-8")
    (notebook / "notebook/zqyolanda-logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    config = notebook / "mkdocs.yml"
    text = config.read_text("utf-8").replace(
        "  name: material\n", "  name: material\n  favicon: zqyolanda-logo.png\n"
    )
    config.write_text(
        text + "extra_css: [zqyolanda.css]\nextra_javascript: [js/zqbrien.js]\n", "utf-8"
    )
    assert run("share").exit_code == 0
    out = tmp_path / "out"
    assert run("export", "--audience", "share", "--format", "markdown", str(out)).exit_code == 0
    assert found(notebook / "site-share", MARKERS) == []
    assert found(out, MARKERS) == []
    home = (notebook / "site-share/index.html").read_text("utf-8")
    assert '<link rel="icon" href="interviewer-logo.png">' in home
    assert '<link rel="stylesheet" href="interviewer.css">' in home
    assert '<script src="js/interviewer.js"></script>' in home
    assert (notebook / "site-share/interviewer.css").read_text("utf-8") == "body {}\n"


# --- a careless user: a shared company whose name a private one contains -------------------


def test_a_shared_company_stays_named_when_a_private_company_contains_its_name() -> None:
    from tests.conftest import make_entry

    shared = make_entry(
        "2026-01-01-acme", "2026-01-01", "lessons: [Acme and Acme Robotics]\n", company="Acme"
    )
    private = make_entry(
        "2026-01-02-acme-r", "2026-01-02", "private: true\n", company="Acme Robotics"
    )
    privacy = Privacy.build([shared, private], Settings(), [], [])
    [entry] = privacy.entries
    assert (entry.meta.company, entry.slug) == ("Acme", "2026-01-01-acme")
    assert [note.lesson for note in entry.meta.lessons] == ["Acme and [company]"]


@pytest.mark.parametrize("encrypt", [False, True])
def test_a_site_name_naming_someone_is_shared_without_the_name(
    notebook: Path, monkeypatch: pytest.MonkeyPatch, encrypt: bool
) -> None:
    config = notebook / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace(
            "site_name: Test notebook", "site_name: Zqyolanda's notes"
        ),
        encoding="utf-8",
    )
    monkeypatch.setenv("DEBRIEF_SHARE_PASSPHRASE", "correct horse battery staple")
    result = run("share", *(["--encrypt"] if encrypt else []))
    assert result.exit_code == 0, result.output
    assert found(notebook / "site-share", MARKERS) == []
    home = (notebook / "site-share/index.html").read_text("utf-8")
    assert "[interviewer]&#39;s notes" in home or "[interviewer]'s notes" in home
