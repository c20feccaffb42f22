"""The notebooks the browser tests look at: how each is made, built and served.

Every site is built by the real CLI (`debrief build`, `debrief share`) in a subprocess
and served from 127.0.0.1 on a free port.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO, copy_demo, write_notebook

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
TODAY = "2026-11-30"
ARTIFACTS = REPO / "test-artifacts" / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
TIMEOUT_MS = 10_000

# (name for screenshots, path) of the pages every notebook of the demo has.
MAIN_PAGES = [
    ("home", "/"),
    ("timeline", "/timeline/"),
    ("weak-spots", "/weak-spots/"),
    ("weak-spot", "/weak-spots/system-design/"),
    ("lessons", "/lessons/"),
    ("questions", "/questions/"),
    ("practice", "/practice/"),
    ("follow-ups", "/follow-ups/"),
    ("prep", "/prep/"),
    ("entry", "/entries/2026-11-12-fernbank-case/"),
]
CHART_PAGES = ["/", "/weak-spots/", "/weak-spots/system-design/"]
FERNBANK = "/entries/2026-11-12-fernbank-case/"


def debrief(*args: str, cwd: Path, env: dict[str, str] | None = None) -> None:
    """Run the `debrief` CLI of this interpreter in `cwd`; fail with its output."""
    command = [
        sys.executable,
        "-c",
        "from generator.cli.main import cli; cli(prog_name='debrief')",
        *args,
    ]
    result = subprocess.run(
        command,
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "DEBRIEF_TODAY": TODAY, **(env or {})},
        check=False,
    )
    if result.returncode != 0:
        pytest.fail(
            f"debrief {' '.join(args)} failed ({result.returncode}):\n"
            f"{result.stdout}\n{result.stderr}"
        )


def build(root: Path) -> Path:
    debrief("build", "--today", TODAY, cwd=root)
    return root / "site"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a page left mid-request (the browser moved on): nothing to report


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 on a free port; yield its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def _entry(company: str, role: str, day: str, body: str = "", **fields: Any) -> str:
    import yaml

    meta = {"company": company, "role": role, "date": day, **fields}
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n" + body


AWKWARD_SPOTS = [
    "distributed consistency models and linearizability",
    "talking through trade-offs under time pressure",
    "SQL window functions",
    "<b>not bold</b> & ampersands",
    "Kubernetes operators",
    "estimation",
    "system design",
    "behavioral stories",
    "Rust lifetimes",
    "graph algorithms",
    "observability",
    "negotiation",
    "CAP theorem",
]


def awkward_entries() -> dict[str, str]:
    """Fourteen months of interviews with long names, markup in names, a long URL."""
    entries = {}
    months = [(2025, m) for m in range(10, 13)] + [(2026, m) for m in range(1, 12)]
    for i, (year, month) in enumerate(months):
        day = f"{year}-{month:02d}-{1 + i % 27:02d}"
        spots = [AWKWARD_SPOTS[(i + k) % len(AWKWARD_SPOTS)] for k in range(3)]
        entries[f"{day}-round-{i}.md"] = _entry(
            "Ünïcødé & <Søns> Internationale Versicherungsgesellschaft"
            if i % 2
            else f"Company {i}",
            "Senior Staff Software Engineer, Payments Infrastructure and Reliability",
            day,
            stage=["phone-screen", "technical", "onsite", "final"][i % 4],
            outcome=["pending", "advanced", "rejected", "offer", "no-response", "withdrew"][i % 6],
            feeling=1 + i % 5,
            weak_spots=spots,
            lessons=[f"Lesson {i}: say the numbers out loud before drawing boxes."],
            questions=[
                {
                    "question": "Design a globally replicated rate limiter " * 3,
                    "topic": "system design",
                    "rating": 1 + i % 5,
                }
            ],
            body="Notes: https://example.invalid/"
            + "a-very-long-path-segment-without-any-spaces-" * 4
            + "\n",
        )
    return entries


def init_notebook(root: Path, entries: dict[str, str]) -> Path:
    """A notebook made by `debrief init`, its example entry replaced by `entries`."""
    debrief("init", str(root), cwd=root.parent)
    for example in (root / "entries").iterdir():
        example.unlink()
    for name, text in entries.items():
        (root / "entries" / name).write_text(text, encoding="utf-8")
    return root


SHARE_PASSPHRASE = "correct horse battery staple"


def _minimal_entries() -> dict[str, str]:
    return {
        f"2026-0{m}-10-acme.md": _entry(
            "Acme", "Backend engineer", f"2026-0{m}-10", weak_spots=["estimation"]
        )
        for m in (1, 2)
    }


def _share(root: Path) -> Path:
    debrief(
        "share",
        "--encrypt",
        "--today",
        TODAY,
        cwd=root,
        env={"DEBRIEF_SHARE_PASSPHRASE": SHARE_PASSPHRASE},
    )
    return root / "site-share"


# Each notebook of the suite: how to make its site in a folder, and the fixture that serves it.
SITES: dict[str, tuple[str, Callable[[Path], Path]]] = {
    "demo": ("demo_site", lambda base: build(copy_demo(base / "demo"))),
    "share": ("share_site", lambda base: _share(copy_demo(base / "share"))),
    "awkward": ("awkward_url", lambda base: build(init_notebook(base / "awk", awkward_entries()))),
    "empty": ("empty_url", lambda base: build(init_notebook(base / "empty", {}))),
    # write_notebook's bare mkdocs.yml: no markdown_extensions at all.
    "minimal": (
        "minimal_url",
        lambda base: build(write_notebook(base / "min", _minimal_entries())),
    ),
}


class Sites:
    """The sites of the session, built in the background two at a time, each once."""

    def __init__(self, pool: ThreadPoolExecutor, base: Path) -> None:
        self.pool = pool
        self.base = base
        self.futures: dict[str, Future[Path]] = {}

    def start(self, name: str) -> None:
        if name not in self.futures:
            self.futures[name] = self.pool.submit(SITES[name][1], self.base)

    def get(self, name: str) -> Path:
        self.start(name)
        return self.futures[name].result()
