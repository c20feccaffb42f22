"""`debrief publish`: the checked share pushed to a branch of a local bare repository."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.test_share import make_notebook


def git(
    *args: str, cwd: Path | None = None, check: bool = True
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=check)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """(notebook, bare): the notebook a git repository whose origin is a bare repository."""
    for name in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{name}_NAME", "Notebook Owner")
        monkeypatch.setenv(f"GIT_{name}_EMAIL", "owner@example.org")
    monkeypatch.setenv("DEBRIEF_TODAY", "2026-03-20")
    monkeypatch.delenv("DEBRIEF_SHARE_PASSPHRASE", raising=False)
    bare = tmp_path / "bare.git"
    git("init", "-q", "--bare", str(bare))
    root = make_notebook(tmp_path / "nb")
    git("init", "-q", cwd=root)
    git("remote", "add", "origin", str(bare), cwd=root)
    monkeypatch.chdir(root)
    return root, bare


def published(bare: Path, branch: str = "gh-pages") -> list[str]:
    return git(f"--git-dir={bare}", "ls-tree", "-r", "--name-only", branch).stdout.splitlines()


def test_publish_pushes_the_checked_share_to_gh_pages(repo: tuple[Path, Path]) -> None:
    root, bare = repo
    result = run_cli("publish")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        f"Published site-share/ to branch gh-pages of origin ({bare}).\n"
        "Serve that branch as a static site and send your mentor its address.\n"
    )
    files = published(bare)
    assert {"index.html", ".nojekyll", "entries/2026-03-02-qqvacme-technical-1.png"} <= set(files)
    assert "entries/2026-03-02-qqvacme-technical/index.html" in files
    assert [f for f in files if "zqx" in f.lower()] == []
    # No private marker in any file of the branch either.
    found = git(f"--git-dir={bare}", "grep", "-i", "-l", "zqx", "gh-pages", check=False)
    assert (found.returncode, found.stdout) == (1, "")
    assert not (root / "site").exists()


def test_publish_again_keeps_no_history(repo: tuple[Path, Path]) -> None:
    root, bare = repo
    assert run_cli("publish").exit_code == 0
    (root / "notebook" / "method.md").write_text("# Method\n\nA second version.\n")
    result = run_cli("publish", "--message", "Second share")
    assert result.exit_code == 0, result.stderr
    log = git(f"--git-dir={bare}", "log", "--format=%s", "gh-pages").stdout
    assert log == "Second share\n"


def test_publish_locked_share_to_another_branch(
    repo: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    _root, bare = repo
    monkeypatch.setenv("DEBRIEF_SHARE_PASSPHRASE", "correct horse battery staple")
    result = run_cli("publish", "--encrypt", "--branch", "mentor")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[1] == (
        "Serve that branch as a static site and send your mentor its address "
        "and, by another channel, the passphrase."
    )
    files = published(bare, "mentor")
    assert "index.html" in files
    assert [f for f in files if f.endswith(".html") and not f.startswith("p/")] == [
        "404.html",
        "index.html",
    ]


def test_publish_refuses_a_share_that_leaks(repo: tuple[Path, Path]) -> None:
    root, bare = repo
    # A private entry's lesson copied into a page: the check, the second line, catches it.
    (root / "notebook" / "notes.md").write_text("# Notes\n\nZQXLESSON know my number.\n")
    result = run_cli("publish")
    assert result.exit_code == 1
    assert result.stderr.endswith(
        "Error: share: 1 leak found; nothing was written to site-share/\n"
    )
    assert git(f"--git-dir={bare}", "branch", "--list").stdout == ""  # nothing pushed


def test_publish_says_the_github_pages_address(
    repo: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    _root, bare = repo
    # A github.com remote, redirected to the local bare repository by git itself.
    git("remote", "set-url", "origin", "https://x-token:secret@github.com/Alice/notebook.git")
    git("config", f"url.{bare}.insteadOf", "https://x-token:secret@github.com/Alice/notebook.git")
    result = run_cli("publish")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "Published site-share/ to branch gh-pages of origin "
        "(https://github.com/Alice/notebook.git).\n"
        "Send your mentor https://alice.github.io/notebook/ "
        "(once GitHub Pages serves the gh-pages branch).\n"
    )
    assert "index.html" in published(bare)


def test_publish_needs_a_git_repository_and_its_remote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_notebook(tmp_path / "nb")
    monkeypatch.chdir(root)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    result = run_cli("publish")
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: publish: {root} is not a git repository; publish pushes the share to a "
        "branch of the notebook's repository (git init, then git remote add origin URL)\n"
    )
    git("init", "-q", cwd=root)
    result = run_cli("publish", "--remote", "mentor")
    assert result.exit_code == 2
    assert result.stderr.endswith(
        f"Error: no git remote 'mentor' in {root}, and no such path: add one with "
        "'git remote add mentor URL', or pass --remote a remote's name, a URL or a path\n"
    )
    # A path is not a remote's name: 'git remote add ../mentor.git URL' would not help.
    result = run_cli("publish", "--remote", "../mentor.git")
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "Error: no such path: ../mentor.git; make a repository there with "
        "'git init --bare ../mentor.git', or pass --remote a remote's name or a URL\n"
    )
    assert not (root / "site-share").exists()


@pytest.mark.parametrize("how", ["absolute path", "relative path", "file:// URL"])
def test_publish_pushes_to_a_path_or_a_url_as_git_push_does(
    repo: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """No remote needs configuring: the mentor's repository by its path or its URL. A
    relative path is read from the current folder, not from the notebook's."""
    root, origin = repo
    other = root.parent / "mentor.git"
    git("init", "-q", "--bare", str(other))
    given = {"absolute path": str(other), "relative path": "mentor.git",
             "file:// URL": other.as_uri()}[how]  # fmt: skip
    monkeypatch.chdir(root.parent)
    result = run_cli("publish", "--remote", given, "-f", str(root / "mkdocs.yml"))
    assert result.exit_code == 0, result.stderr
    shown = other.as_uri() if how == "file:// URL" else str(other)
    assert result.stdout == (
        f"Published nb/site-share/ to branch gh-pages of {shown}.\n"
        "Serve that branch as a static site and send your mentor its address.\n"
    )
    assert "index.html" in published(other)
    assert git(f"--git-dir={origin}", "branch", "--list").stdout == ""  # not origin
    assert git("remote", cwd=root).stdout == "origin\n"  # and nothing configured


def test_publish_to_a_named_remote_other_than_origin(repo: tuple[Path, Path]) -> None:
    root, _origin = repo
    mentor = root.parent / "mentor.git"
    git("init", "-q", "--bare", str(mentor))
    git("remote", "add", "mentor", str(mentor), cwd=root)
    result = run_cli("publish", "--remote", "mentor", "--branch", "share")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == (
        f"Published site-share/ to branch share of mentor ({mentor})."
    )
    assert "index.html" in published(mentor, "share")


def test_publish_to_a_url_git_cannot_reach_says_so(repo: tuple[Path, Path]) -> None:
    root, _origin = repo
    missing = (root.parent / "nowhere.git").as_uri()
    result = run_cli("publish", "--remote", missing)
    assert result.exit_code == 1
    assert result.stderr.endswith(
        f"Error: publish: git push to '{missing}' failed (exit 128): see git's message "
        "above; the share is still in site-share/\n"
    )
