"""`debrief export --format markdown DIR`: a docs tree that plain MkDocs builds into the
same site as `debrief build`, so a notebook never depends on the plugin staying alive.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from click.testing import Result

from tests.conftest import REPO, copy_demo, run_cli, write_notebook

TODAY = "2026-12-01"
ENV = {"DEBRIEF_TODAY": TODAY, "NO_COLOR": "1", "NO_MKDOCS_2_WARNING": "1"}


def debrief(args: list[str], cwd: Path) -> Result:
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(cwd)
        for name, value in ENV.items():
            patch.setenv(name, value)
        return run_cli(*args)


def plain_mkdocs_build(config: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)],
        capture_output=True,
        text=True,
        env={**os.environ, **ENV},
        check=False,
        timeout=120,
    )


def snapshot(root: Path) -> dict[str, tuple[bytes | None, int]]:
    return {
        p.relative_to(root).as_posix(): (
            p.read_bytes() if p.is_file() else None,
            p.stat().st_mtime_ns,
        )
        for folder in ("entries", "notebook")
        for p in [root / folder, *sorted((root / folder).rglob("*"))]
    }


def html_pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def article(path: Path) -> str:
    html = path.read_text(encoding="utf-8")
    start = html.index('<article class="md-content__inner md-typeset">')
    return html[start : html.index("</article>", start)]


@dataclass
class Exported:
    root: Path
    out: Path
    export: Result
    build: Result
    mkdocs: subprocess.CompletedProcess[str]
    before: dict[str, tuple[bytes | None, int]]
    after: dict[str, tuple[bytes | None, int]]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Exported:
    root = copy_demo(tmp_path_factory.mktemp("demo"))
    out = tmp_path_factory.mktemp("export") / "plain"
    before = snapshot(root)
    # `export` takes the day from --today only; the plugin reads DEBRIEF_TODAY.
    export = debrief(["export", "--format", "markdown", str(out), "--today", TODAY], root)
    build = debrief(["build"], root)
    mkdocs = plain_mkdocs_build(out / "mkdocs.yml")
    return Exported(root, out, export, build, mkdocs, before, snapshot(root))


def test_export_writes_a_docs_tree_and_a_config(exported: Exported) -> None:
    assert exported.export.exit_code == 0, exported.export.output
    assert exported.export.stdout == ""
    # 13 entries, 9 weak spots, 8 companies and 8 overview pages (home and Practice included).
    assert exported.export.stderr == f"Wrote 38 pages and {exported.out / 'mkdocs.yml'}\n"
    docs = exported.out / "docs"
    for path in ("index.md", "timeline.md", "weak-spots/index.md", "method.md"):
        assert (docs / path).is_file(), path
    assert (docs / "entries" / "2026" / "rate-limiter-sketch.svg").is_file()
    assert (docs / "assets" / "debrief.css").is_file()
    home = (docs / "index.md").read_text(encoding="utf-8")
    assert home.startswith((REPO / "notebook" / "index.md").read_text(encoding="utf-8"))


def test_exported_config_has_no_debrief_plugin(exported: Exported) -> None:
    text = (exported.out / "mkdocs.yml").read_text(encoding="utf-8")
    config = yaml.safe_load(text)
    assert config["docs_dir"] == "docs"
    assert config["plugins"] == ["search"]
    assert config["nav"] == [
        {"Home": "index.md"},
        {"Timeline": "timeline.md"},
        {"Weak spots": "weak-spots/index.md"},
        {"Lessons": "lessons.md"},
        {"Questions": "questions.md"},
        {"Practice": "practice.md"},
        {"Follow-ups": "follow-ups.md"},
        {"Prep": "prep/index.md"},
        "method.md",
    ]
    assert "assets/debrief.css" in config["extra_css"]


def test_plain_mkdocs_builds_the_same_pages(exported: Exported) -> None:
    assert exported.build.exit_code == 0, exported.build.output
    assert exported.mkdocs.returncode == 0, exported.mkdocs.stderr
    assert exported.mkdocs.stderr == ""
    plugin_site = exported.root / "site"
    plain_site = exported.out / "site"
    pages = html_pages(plugin_site)
    assert len(pages) == 40  # 38 generated, method.md and 404.html
    assert html_pages(plain_site) == pages
    # The same article on every page: same Markdown, same links, same escaping. Up to
    # blank lines: Python-Markdown keeps one between two HTML blocks of the export, and
    # the site puts its blocks where paragraphs were.
    for page in sorted(pages):
        plain, plugin = article(plain_site / page), article(plugin_site / page)
        assert re.sub(r"\n\n+", "\n", plain) == re.sub(r"\n\n+", "\n", plugin), page
    assert (plain_site / "entries" / "2026" / "rate-limiter-sketch.svg").is_file()


def test_plain_build_keeps_entries_out_of_the_navigation(exported: Exported) -> None:
    html = exported.out / "site" / "entries" / "2026-10-07-tallgrass-onsite" / "index.html"
    text = html.read_text(encoding="utf-8")
    primary = text.split("md-nav--primary", 1)[1].split('class="md-content"', 1)[0]
    hrefs = re.findall(r'<a href="([^"#][^"]*)" class="md-nav__link', primary)
    assert hrefs == [
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


def test_export_writes_nothing_into_entries_or_notebook(exported: Exported) -> None:
    assert exported.after == exported.before


def test_export_refuses_a_notebook_with_errors(tmp_path: Path) -> None:
    root = write_notebook(
        tmp_path / "nb", {"2026-01-01-a.md": "---\ncompany: A\nrole: B\ndate: 2026-02-30\n---\n"}
    )
    result = debrief(["export", "--format", "markdown", str(tmp_path / "out")], root)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "entries/2026-01-01-a.md:4: error: 'date' is not a real date: 2026-02-30",
        "    hint: check the month and the day",
        "Error: 1 entry checked: 1 error, 0 warnings",
    ]
    assert not (tmp_path / "out").exists()


def test_export_into_the_notebook_itself_destroys_nothing(tmp_path: Path) -> None:
    root = tmp_path / "nb"
    (root / "docs").mkdir(parents=True)
    (root / "entries").mkdir()
    (root / "mkdocs.yml").write_text(
        "site_name: X\ntheme:\n  name: material\n  font: false\nplugins:\n  - search\n"
        "  - debrief\n",
        encoding="utf-8",
    )
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (root / "docs" / "mine.md").write_text("# Mine\n", encoding="utf-8")
    (root / "entries" / "2026-01-01-a.md").write_text(
        "---\ncompany: A\nrole: B\ndate: 2026-01-01\n---\n", encoding="utf-8"
    )
    config = (root / "mkdocs.yml").read_bytes()
    debrief(["export", "--format", "markdown", "."], root)
    assert (root / "docs" / "mine.md").is_file()
    assert (root / "docs" / "index.md").read_text(encoding="utf-8") == "# Home\n"
    assert (root / "mkdocs.yml").read_bytes() == config
