"""`debrief share --encrypt`: opened in Python exactly as the browser opens it, and
searched whole for anything readable without the passphrase.

A locked page carries `<template id="debrief-lock-data">` with
{salt, iterations, iv, ciphertext}; PBKDF2-HMAC-SHA256 gives the AES-256-GCM key, and
the plaintext is JSON {"title", "html"} (see generator/share/assets/lock.js).
"""

from __future__ import annotations

import base64
import json
import os
import posixpath
import pty
import re
import select
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import Result

from generator.cli import share as share_command
from generator.share import lock
from generator.share.lock import ITERATIONS, WrongPassphrase, derive_key, unseal
from tests.conftest import run_cli, write_notebook
from tests.test_share import PNG, found_markers, make_notebook, output_files

PASSPHRASE = "correct horse battery staple"
SITE_NAME = "Test notebook"
_DATA = re.compile(r'<template id="debrief-lock-data">(.*?)</template>', re.DOTALL)


def share(root: Path, *, env: dict[str, str] | None = None, input: str | None = None) -> Result:
    environment = {"DEBRIEF_TODAY": "2026-03-20", "DEBRIEF_SHARE_PASSPHRASE": None}
    environment.update(env or {})
    return run_cli(
        "share", "--encrypt", "-f", str(root / "mkdocs.yml"), input=input, env=environment
    )


@pytest.fixture(scope="module")
def locked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = make_notebook(tmp_path_factory.mktemp("locked") / "nb")
    result = share(root, env={"DEBRIEF_SHARE_PASSPHRASE": PASSPHRASE})
    assert result.exit_code == 0, result.stderr
    assert "Shared 2 of 3 entries into 15 locked pages in " in result.stderr
    yield root / "site-share"


def sealed_pages(site: Path) -> dict[str, dict[str, str]]:
    """The sealed data of every page, by the page's address."""
    pages: dict[str, dict[str, str]] = {}
    for path in sorted(site.rglob("*.html")):
        found = _DATA.findall(path.read_text(encoding="utf-8"))
        rel = path.relative_to(site).as_posix()
        if rel == "404.html":
            assert found == []
            continue
        assert len(found) == 1, rel
        pages[rel.removesuffix("index.html")] = json.loads(found[0])
    return pages


def opened(site: Path) -> dict[str, dict[str, str]]:
    """Every page opened with the passphrase, by address: {"title": ..., "html": ...}."""
    pages = sealed_pages(site)
    salt = base64.b64decode(next(iter(pages.values()))["salt"])
    key = derive_key(PASSPHRASE, salt, ITERATIONS)
    return {url: json.loads(unseal(data, key=key)) for url, data in pages.items()}


def test_every_page_is_sealed_the_same_way(locked: Path) -> None:
    pages = sealed_pages(locked)
    assert len(pages) == 15  # 14 generated pages (Practice too) and the hand-written method.md
    assert {url for url in pages if not re.fullmatch(r"p/[0-9a-f]{12}/", url)} == {""}
    assert {d["v"] for d in pages.values()} == {1}  # type: ignore[comparison-overlap]
    assert {d["kdf"] for d in pages.values()} == {"PBKDF2-HMAC-SHA256"}
    assert {d["cipher"] for d in pages.values()} == {"AES-256-GCM"}
    assert {d["iterations"] for d in pages.values()} == {600_000}  # type: ignore[comparison-overlap]
    assert len({d["salt"] for d in pages.values()}) == 1  # one salt, one key per build
    assert len(base64.b64decode(pages[""]["salt"])) == 16
    ivs = [base64.b64decode(d["iv"]) for d in pages.values()]
    assert len(set(ivs)) == len(ivs) and {len(iv) for iv in ivs} == {12}


def test_the_passphrase_opens_every_page(locked: Path) -> None:
    pages = opened(locked)
    home = pages[""]
    assert home["title"] == SITE_NAME
    assert "Welcome." in home["html"]
    titles = {page["title"] for page in pages.values()}
    assert "Qqvacme — Backend engineer - Test notebook" in titles
    assert "Method - Test notebook" in titles
    entry = next(p for p in pages.values() if p["title"].startswith("Qqvacme"))
    assert "We talked about the API at Qqvacme" in entry["html"]
    # The attachment is inside the sealed page, not a file of the site.
    image = base64.b64encode(PNG).decode()
    assert f'src="data:image/png;base64,{image}"' in entry["html"]
    for page in pages.values():
        assert "zqx" not in page["html"].lower()  # private places are gone before sealing


def test_the_page_list_links_every_page(locked: Path) -> None:
    pages = opened(locked)
    for url, page in pages.items():
        nav = re.search(r'<nav class="debrief-pages".*?</nav>', page["html"], re.DOTALL)
        assert nav is not None, url
        links = dict(re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', nav.group()))
        targets = {
            title: posixpath.normpath(posixpath.join(url or ".", href)).removeprefix(".")
            for href, title in links.items()
        }
        assert list(targets) == [
            "Home", "Timeline", "Weak spots", "Lessons", "Questions", "Practice", "Follow-ups", "Prep",
            "Method",
        ]  # fmt: skip
        for title, target in targets.items():
            address = "" if target in ("", ".") else target + "/"
            assert address in pages, (url, title, target)
            if title != "Home":
                assert pages[address]["title"] == f"{title} - {SITE_NAME}"


def links_inside(pages: dict[str, dict[str, str]]) -> list[tuple[str, str, str]]:
    """(page, href, address it leads to) for every link between pages of an opened share."""
    found = []
    for url, page in pages.items():
        for href in re.findall(r'href="([^"#]*)(?:#[^"]*)?"', page["html"]):
            if href and not href.startswith("data:"):
                target = posixpath.normpath(posixpath.join("/" + url, href)).strip("/")
                found.append((url, href, "" if target in ("", ".") else target + "/"))
    return found


def test_every_link_inside_a_page_opens_a_page_of_the_share(locked: Path) -> None:
    """Links in the generated blocks are written to pages' own addresses; in a locked share
    those addresses are random, and a link that missed the change would lead nowhere."""
    pages = opened(locked)
    links = links_inside(pages)
    assert [link for link in links if link[1].endswith(".md")] == []
    assert [link for link in links if link[2] not in pages] == []
    # The page lists alone: 9 links on each of 15 pages; the rest are the pages' own.
    assert len(links) > 15 * 9


ODD_NAMES = {
    # File names MkDocs percent-encodes in addresses: a space, an accent, a percent sign.
    "2026-01-05 acme onsite é.md": "---\ncompany: Acme\nrole: Dev\ndate: 2026-01-05\n"
    "weak_spots: [sql]\nlessons: [Index first.]\n---\n",
    "2026-02-05-globex-100%-final.md": "---\ncompany: Globex\nrole: Dev\ndate: 2026-02-05\n"
    "weak_spots: [sql]\n---\n",
}


def test_links_to_entries_with_odd_file_names_open_in_a_locked_share(tmp_path: Path) -> None:
    """Addresses are percent-encoded (`a%20b/`): a link written unencoded was left
    pointing at the page's old address when the share gave it a random one."""
    root = write_notebook(tmp_path / "nb", ODD_NAMES)
    result = share(root, env={"DEBRIEF_SHARE_PASSPHRASE": PASSPHRASE})
    assert result.exit_code == 0, result.stderr
    pages = opened(root / "site-share")
    links = links_inside(pages)
    # The timeline links both entries; Globex's seen-before callout links Acme.
    assert len([link for link in links if link[0] != "" and "p/" in link[2]]) > 20
    assert [link for link in links if link[2] not in pages] == []


def readable(site: Path, word: bytes) -> list[str]:
    """Where `word` shows in a file or a name, outside the sealed data (the base64 of a
    page, the search index or the sitemap holds any three letters by chance) and the
    theme's own files (its script says 'method')."""
    import material

    theme = Path(material.__file__).parent / "templates"
    places = [place for place in found_markers(site, word) if place.startswith("name: ")]
    for path, data in output_files(site).items():
        ours = theme / path
        if ours.is_file() and ours.read_bytes() == data:
            continue
        if word in _SEALED_BYTES.sub(b"", _DATA_BYTES.sub(b"", data)).lower():
            places.append(path)
    return places


_DATA_BYTES = re.compile(_DATA.pattern.encode(), re.DOTALL)
_SEALED_BYTES = re.compile(rb'"(?:ciphertext|iv|salt)":"[A-Za-z0-9+/=]*"')  # index, sitemap


def test_nothing_is_readable_without_the_passphrase(locked: Path) -> None:
    files = output_files(locked)
    words = [b"zqx",
        b"qqv", b"backend engineer", b"talked about", b"system design", b"system-design",
        b"estimation", b"welcome", b"write it down", b"method", b"timeline", b"lessons",
        b"weak spot", b"weak-spot", b"sketch", b"start with the api",
    ]  # fmt: skip
    for word in words:
        assert readable(locked, word) == [], word
    assert {
        path
        for path in files
        if not path.startswith(("assets/", "p/")) and path != "search/search_index.json"
    } == {".debrief-share", "404.html", "index.html", "sitemap.xml"}  # the sitemap sealed
    assert [
        p for p in files if p.startswith("p/") and not re.fullmatch(r"p/\w{12}/index.html", p)
    ] == []
    for path, data in files.items():
        if path.endswith(".html"):
            assert re.findall(rb"<title>(.*?)</title>", data) == [SITE_NAME.encode()], path
    index = json.loads(files["search/search_index.json"])
    assert sorted(index) == ["config", "docs", "sealed"] and index["docs"] == []
    for path, data in files.items():
        if path.endswith(".html"):
            assert re.findall(rb'<link rel="(?:prev|next)"', data) == [], path
    assert not any(path.endswith(".png") and "qqv" in path for path in files)


def test_the_search_index_is_sealed_with_the_pages_key(locked: Path) -> None:
    """The index the theme's search reads once a page is open: the entries' text, titles
    and random addresses, as on the owner's site, sealed with the same key."""
    sealed = json.loads((locked / "search" / "search_index.json").read_text())["sealed"]
    pages = sealed_pages(locked)
    assert sealed["salt"] == pages[""]["salt"]
    assert sealed["iv"] not in {page["iv"] for page in pages.values()}
    index = json.loads(unseal(sealed, PASSPHRASE))
    assert (
        index["config"]
        == json.loads((locked / "search" / "search_index.json").read_text())["config"]
    )
    titles = {doc["location"]: doc["title"] for doc in index["docs"]}
    entry = next(
        url
        for url, page in opened(locked).items()
        if page["title"] == "Qqvacme — Backend engineer - Test notebook"
    )
    assert titles[entry] == "Qqvacme — Backend engineer"
    text = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith(entry))
    assert "Start with the API." in text
    assert "We talked about the API" in text
    assert "zqx" not in json.dumps(index).lower()
    assert {doc["location"].split("#")[0] for doc in index["docs"]} <= set(pages)


def test_the_sitemap_is_sealed_with_the_pages_key(locked: Path) -> None:
    """It lists every page: instant navigation reads it once the page is open."""
    sealed = json.loads((locked / "sitemap.xml").read_text())
    assert list(sealed) == ["sealed"]
    sitemap = unseal(sealed["sealed"], PASSPHRASE)
    assert sitemap.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    assert "<urlset" in sitemap
    assert not (locked / "sitemap.xml.gz").exists()


def test_nothing_of_mkdocs_yml_but_the_site_name_is_readable(tmp_path: Path) -> None:
    root = make_notebook(tmp_path / "nb")
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "theme:\n  name: material\n",
            "theme:\n  name: material\n  features: [navigation.footer, navigation.instant]\n",
        )
        + "site_description: Qqzdescription of my job hunt\n"
        "site_author: Qqzauthor Name\n"
        "copyright: Qqzcopyright holder\n"
        "repo_url: https://example.org/qqzrepo\n"
        "extra:\n"
        "  social:\n"
        "    - icon: fontawesome/brands/github\n"
        "      link: https://github.com/qqzsocialhandle\n"
        "      name: Qqzsocial profile\n"
        "  analytics: {provider: google, property: G-QQZANALYTICS}\n"
        "  homepage: https://qqzhomepage.example.org\n"
        "nav:\n"
        "  - Qqznavhome: index.md\n"
        "  - Qqznavmethod: method.md\n",
        encoding="utf-8",
    )
    result = share(root, env={"DEBRIEF_SHARE_PASSPHRASE": PASSPHRASE})
    assert result.exit_code == 0, result.stderr
    site = root / "site-share"
    assert readable(site, b"qqz") == []
    for path, data in output_files(site).items():
        if path.endswith(".html"):
            # The footer's previous and next page, the head's navigation hints.
            assert b'rel="prev"' not in data and b'rel="next"' not in data, path
            assert b"md-footer__link" not in data, path
    # With the page list sealed: both pages, by the titles mkdocs.yml gives them.
    home = opened(site)[""]["html"]
    assert re.findall(r"<li><a [^>]*>([^<]*)</a></li>", home) == ["Qqznavhome", "Qqznavmethod"]


def test_a_wrong_passphrase_opens_nothing(locked: Path) -> None:
    with pytest.raises(WrongPassphrase, match=r"^Wrong passphrase$"):
        unseal(sealed_pages(locked)[""], "correct horse battery stapler")


TOO_SHORT = (
    "the passphrase is too short: use at least 12 characters. Anyone with the published "
    "files can test guesses offline, as fast as their hardware allows; four random words "
    "(rolled with dice, not chosen) are long enough and easy to type"
)


def test_a_passphrase_needs_twelve_characters() -> None:
    assert lock.passphrase_problem("eleven char") == TOO_SHORT
    assert lock.passphrase_problem("twelve chars") is None
    assert lock.passphrase_problem("   \t  ") == "the passphrase is empty"


def test_the_passphrase_is_asked_twice_and_derived_once(
    tmp_path: Path, locked: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_notebook(tmp_path / "nb")
    # CliRunner types the answers; the test itself may run with no terminal.
    monkeypatch.setattr(share_command, "has_terminal", lambda: True)
    calls: list[int] = []
    real = lock.derive_key

    def counting(passphrase: str, salt: bytes, iterations: int = ITERATIONS) -> bytes:
        calls.append(iterations)
        return real(passphrase, salt, iterations)

    monkeypatch.setattr(lock, "derive_key", counting)
    typed = f"hunter2\n{PASSPHRASE}\nsomething else\n{PASSPHRASE}\n{PASSPHRASE}\n"
    result = share(root, input=typed)
    assert result.exit_code == 0, result.stderr
    assert calls == [600_000]
    assert result.stderr.startswith(
        "Passphrase for the share: \n"
        f"Error: {TOO_SHORT}\n"
        "Passphrase for the share: \n"
        "Repeat for confirmation: \n"
        "Error: The two entered values do not match.\n"
        "Passphrase for the share: \n"
        "Repeat for confirmation: \n"
        "Shared 2 of 3 entries into 15 locked pages in "
    )
    assert result.stdout == ""
    site = root / "site-share"
    secret = PASSPHRASE.encode()
    assert readable(site, secret) == []
    assert [p.name for p in root.rglob("*") if p.is_file() and secret in p.read_bytes()] == []
    # A new build, a new salt and new addresses.
    assert sealed_pages(site)[""]["salt"] != sealed_pages(locked)[""]["salt"]
    assert set(sealed_pages(site)) != set(sealed_pages(locked))


def test_a_short_passphrase_from_the_environment_is_refused(tmp_path: Path) -> None:
    root = make_notebook(tmp_path / "nb")
    result = share(root, env={"DEBRIEF_SHARE_PASSPHRASE": "hunter2"})
    assert result.exit_code == 2
    assert result.stderr.endswith(f"Error: DEBRIEF_SHARE_PASSPHRASE: {TOO_SHORT}\n")
    assert not (root / "site-share").exists()


def test_with_no_terminal_and_no_passphrase_the_error_is_clean(tmp_path: Path) -> None:
    """A new session has no controlling terminal (as under cron or CI): getpass would
    warn and read the passphrase with echo on, so it is not called."""
    root = make_notebook(tmp_path / "nb")
    env = {k: v for k, v in os.environ.items() if k != "DEBRIEF_SHARE_PASSPHRASE"}
    result = subprocess.run(
        [sys.executable, "-c", "from generator.cli.main import cli; cli(prog_name='debrief')",
         "share", "--encrypt", "-f", str(root / "mkdocs.yml")],
        stdin=subprocess.DEVNULL, capture_output=True, text=True, start_new_session=True,
        env={**env, "DEBRIEF_TODAY": "2026-03-20"}, check=False,
    )  # fmt: skip
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        "Usage: debrief share [OPTIONS]\n"
        "Try 'debrief share --help' for help.\n"
        "\n"
        "Error: --encrypt needs a passphrase: there is no terminal to ask for it, "
        "so set DEBRIEF_SHARE_PASSPHRASE\n"
    )
    assert not (root / "site-share").exists()


def test_at_a_terminal_the_passphrase_is_asked_twice_without_echo(tmp_path: Path) -> None:
    """The real prompt, on a pseudo-terminal that is the command's controlling terminal."""
    root = make_notebook(tmp_path / "nb")
    env = {k: v for k, v in os.environ.items() if k != "DEBRIEF_SHARE_PASSPHRASE"}
    env |= {"DEBRIEF_TODAY": "2026-03-20", "NO_COLOR": "1"}
    command = "from generator.cli.main import cli; cli(prog_name='debrief')"
    pid, terminal = pty.fork()
    if pid == 0:  # the child: the command, with the terminal as stdin, stdout and stderr
        os.chdir(root)
        os.execve(sys.executable, [sys.executable, "-c", command, "share", "--encrypt"], env)
    shown = b""

    def read_until(marker: bytes | None) -> None:
        nonlocal shown
        while marker is None or marker not in shown:
            ready, _, _ = select.select([terminal], [], [], 120)
            assert ready, shown
            try:
                chunk = os.read(terminal, 4096)
            except OSError:  # the command ended and closed the terminal
                chunk = b""
            if not chunk:
                assert marker is None, shown
                return
            shown += chunk

    read_until(b"Passphrase for the share: ")
    os.write(terminal, PASSPHRASE.encode() + b"\n")
    read_until(b"Repeat for confirmation: ")
    os.write(terminal, PASSPHRASE.encode() + b"\n")
    read_until(None)
    os.close(terminal)
    assert os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) == 0, shown
    text = shown.decode().replace("\r\n", "\n")
    assert PASSPHRASE not in text  # never echoed
    assert text.startswith(
        "Passphrase for the share: \nRepeat for confirmation: \n"
        "Shared 2 of 3 entries into 15 locked pages in site-share/: "
    ), text
    assert "Warning" not in text


def test_the_locked_share_check_finds_text_left_readable(tmp_path: Path) -> None:
    root = make_notebook(tmp_path / "nb")
    # A stylesheet of the docs folder stays readable, as the site's dressing: here it
    # names a company, so the locked share must refuse.
    (root / "notebook" / "extra.css").write_text("/* Qqvacme colours */\n", encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "extra_css: [extra.css]\n")
    result = share(root, env={"DEBRIEF_SHARE_PASSPHRASE": PASSPHRASE})
    assert result.exit_code == 1
    shown = str(root / "site-share")
    # Blamed where the text is written (the stylesheet), not on the entry's company line.
    assert result.stderr == (
        "notebook/extra.css:1: error: leak: company, readable without "
        f"the passphrase, found in {_rel(shown)}/extra.css\n"
        "    hint: entries/2026-03-02-qqvacme-technical.md:2 keeps this text back; "
        "remove it here, or put it in a <!-- private --> block\n"
        f"Error: share: 1 leak found; nothing was written to {_rel(shown)}/\n"
    )
    assert not (root / "site-share").exists()


def _rel(path: str) -> str:
    import os

    return os.path.relpath(path)
