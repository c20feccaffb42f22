"""`debrief serve` for real: a broken entry becomes a banner, not a dead server.

The server runs as a subprocess on a free port of 127.0.0.1; the test edits an entry
the way an editor saves it and polls the pages until the site catches up.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

SMALL = Path(__file__).parent / "fixtures" / "site" / "small"
BANNER = "The notebook has problems: fix them and save"
BROKEN_LINE = "entries/2026-01-05-acme-screen.md:4: error: 'date' is not a real date: 2026-13-05"
TIMEOUT = 20.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def debrief_command() -> list[str]:
    script = shutil.which("debrief")
    if script is not None:
        return [script]
    return [sys.executable, "-c", "from generator.cli.main import cli; cli()"]


@dataclass
class Server:
    root: Path
    base: str
    log: Path
    process: subprocess.Popen[bytes]

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.base + path, timeout=5) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, ""

    def wait_for(self, what: str, check: Callable[[], bool]) -> None:
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"debrief serve exited while waiting for {what}:\n{self.output()}")
            try:
                if check():
                    return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.2)
        pytest.fail(f"timed out after {TIMEOUT:g} s waiting for {what}:\n{self.output()}")

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


@contextlib.contextmanager
def serving(root: Path, log: Path) -> Iterator[Server]:
    """`debrief serve` of the notebook at `root`, up and answering."""
    port = free_port()
    env = {
        **os.environ,
        "DEBRIEF_TODAY": "2026-03-15",
        "NO_COLOR": "1",
        "NO_MKDOCS_2_WARNING": "1",
    }
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [
                *debrief_command(),
                "serve",
                "-a",
                f"127.0.0.1:{port}",
                "-f",
                str(root / "mkdocs.yml"),
            ],
            cwd=root,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    running = Server(root, f"http://127.0.0.1:{port}/", log, process)
    try:
        running.wait_for("the first page", lambda: running.get("")[0] == 200)
        yield running
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    root = tmp_path / "nb"
    shutil.copytree(SMALL, root)
    with serving(root, tmp_path / "serve.log") as running:
        yield running


def test_serve_shows_a_broken_entry_as_a_banner_until_it_is_fixed(server: Server) -> None:
    broken_file = server.root / "entries" / "2026-01-05-acme-screen.md"
    good = broken_file.read_bytes()
    entry_url = "entries/2026-01-05-acme-screen/"
    other_url = "entries/2026-03-01-initech-final/"

    status, home = server.get("")
    assert BANNER not in home
    assert server.get(entry_url)[0] == 200

    broken_file.write_bytes(good.replace(b"date: 2026-01-05", b"date: 2026-13-05"))
    server.wait_for("the banner", lambda: BANNER in server.get("")[1])

    status, home = server.get("")
    assert status == 200
    assert '<div class="admonition danger debrief-banner">' in home
    assert BROKEN_LINE in home
    # The rest of the notebook still renders, with the banner; the broken entry is left out.
    status, other = server.get(other_url)
    assert status == 200
    assert "Initech — Platform engineer" in other
    assert BANNER in other
    # Its own page, open in the browser while it is edited, shows its problems.
    status, own = server.get(entry_url)
    assert status == 200
    assert "This entry has problems: fix them and save" in own
    assert '<h1 id="2026-01-05-acme-screenmd">2026-01-05-acme-screen.md' in own
    assert f"<li>{BROKEN_LINE}\n  <br>hint: check the month and the day</li>" in own
    # The terminal says it too, in the PATH:LINE form.
    server.wait_for("the problem in the terminal", lambda: BROKEN_LINE in server.output())

    broken_file.write_bytes(good)
    server.wait_for(
        "the fixed entry",
        lambda: server.get(entry_url)[0] == 200 and BANNER not in server.get("")[1],
    )
    status, page = server.get(entry_url)
    assert "A | B Corp — Backend engineer" in page
    assert BANNER not in page
    assert "This entry has problems" not in page
    assert server.process.poll() is None
    assert "Traceback" not in server.output()


def search_locations(server: Server) -> list[str]:
    import json

    index = json.loads(server.get("search/search_index.json")[1])
    return [doc["location"] for doc in index["docs"]]


def test_serve_rebuilds_what_changed_and_leaves_nothing_stale(server: Server) -> None:
    """Rebuilds are incremental; the pages that depend on an edit, and search, still follow."""
    before = search_locations(server)
    acme = server.root / "entries" / "2026-01-05-acme-screen.md"
    text = acme.read_text(encoding="utf-8")

    # 1. A new line in one entry's notes: its page shows it, and search finds it once.
    acme.write_text(text + "\nZQXEDITED in the notes.\n", encoding="utf-8")
    server.wait_for(
        "the edit", lambda: "ZQXEDITED" in server.get("entries/2026-01-05-acme-screen/")[1]
    )
    server.wait_for(
        "the edit in search", lambda: "ZQXEDITED" in server.get("search/search_index.json")[1]
    )
    after = search_locations(server)
    assert sorted(after) == sorted(before)  # every page still indexed, none twice
    assert len(after) == len(set(after))

    # 2. A weak spot renamed in the earliest entry: the later entries' "seen before" callouts
    # and the weak-spot pages change although their files did not.
    acme.write_text(
        text.replace("weak_spots: [system design]", "weak_spots: [zqx-renamed]"), "utf-8"
    )
    initech = "entries/2026-03-01-initech-final/"
    server.wait_for(
        "the renamed weak spot", lambda: server.get("weak-spots/zqx-renamed/")[0] == 200
    )
    # Initech now sees system-design for the 2nd time (after Globex), not the 3rd.
    server.wait_for(
        "the callout to follow", lambda: "system-design, 2nd time" in server.get(initech)[1]
    )
    assert "A | B Corp" not in server.get(initech)[1].split("Seen before")[1].split("</div>")[0]

    # 3. An entry removed: its page and its search entries are gone.
    acme.unlink()
    server.wait_for(
        "the page to go", lambda: server.get("entries/2026-01-05-acme-screen/")[0] == 404
    )
    server.wait_for(
        "search to forget it",
        lambda: not any("2026-01-05-acme-screen" in loc for loc in search_locations(server)),
    )
    assert server.get("weak-spots/zqx-renamed/")[0] == 404
    assert "Traceback" not in server.output()


def test_serve_reports_a_dangling_link_and_keeps_answering(server: Server) -> None:
    """A link to a file that is gone (a moved notebook, a sync tool): a banner, not a crash."""
    link = server.root / "entries" / "2026-02-01-gone.md"
    link.symlink_to(server.root / "nowhere.md")
    # The watcher does not see a link to nothing: the next save of any entry rebuilds.
    other = server.root / "entries" / "2026-03-01-initech-final.md"
    other.write_bytes(other.read_bytes() + b"\nSaved again.\n")
    line = (
        f"entries/2026-02-01-gone.md: error: broken symbolic link: its target"
        f" {server.root / 'nowhere.md'} does not exist"
    )
    server.wait_for("the banner", lambda: line in server.get("")[1])
    status, page = server.get("entries/2026-02-01-gone/")
    assert status == 200
    assert line in page
    assert server.get("entries/2026-03-01-initech-final/")[0] == 200
    link.unlink()
    other.write_bytes(other.read_bytes() + b"\nAnd again.\n")
    server.wait_for("the banner to go", lambda: BANNER not in server.get("")[1])
    assert server.get("entries/2026-02-01-gone/")[0] == 404
    assert server.process.poll() is None
    assert "Traceback" not in server.output()


def test_serve_copies_a_theme_file_added_or_removed_while_it_runs(tmp_path: Path) -> None:
    """The theme's file list is kept between saves (plugin/theme_cache.py): a file added to
    or removed from a `custom_dir`, even in a new folder, shows at the next rebuild."""
    root = tmp_path / "nb"
    shutil.copytree(SMALL, root)
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  name: material\n", "  name: material\n  custom_dir: overrides\n"
        ),
        encoding="utf-8",
    )
    assets = root / "overrides" / "assets"
    assets.mkdir(parents=True)
    (assets / "first.txt").write_text("first", encoding="utf-8")
    with serving(root, tmp_path / "serve.log") as running:
        assert running.get("assets/first.txt") == (200, "first")
        assert running.get("assets/deep/second.txt")[0] == 404
        (assets / "deep").mkdir()
        (assets / "deep" / "second.txt").write_text("second", encoding="utf-8")
        (assets / "first.txt").unlink()
        acme = root / "entries" / "2026-01-05-acme-screen.md"
        acme.write_text(acme.read_text(encoding="utf-8") + "\nZQXSAVED\n", encoding="utf-8")
        running.wait_for(
            "the save", lambda: "ZQXSAVED" in running.get("entries/2026-01-05-acme-screen/")[1]
        )
        assert running.get("assets/deep/second.txt") == (200, "second")
        assert running.get("assets/first.txt")[0] == 404
